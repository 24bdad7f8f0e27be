"""Forms of report language read again on the seen sets before the thirteenth round, written as
new synthetic sentences (none taken from a stored report), with numbers hypothesis draws; a
figure written is right or absent:

1. "Hồ sơ đã có kết quả …: A/A hồ sơ": records with a result are the records resolved; the
   second number of "A/A" is not the period's received total when the report gives another.
2. "… của cả năm 2021": a year after its word is never a count.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_traps import SETTINGS, n, written


@SETTINGS
@given(st.integers(0, 900), st.integers(10, 9_000), st.integers(0, 500), st.integers(0, 500))
def test_records_with_a_result_are_the_resolved(
    carried: int, new: int, pending: int, early: int
) -> None:
    received = carried + new
    resolved = received - min(pending, received - 1)
    early = min(early, resolved)
    text = (
        f"Năm 2024, bộ phận một cửa đã tiếp nhận {n(received)} hồ sơ, trong đó có {n(carried)} "
        f"hồ sơ kỳ trước chuyển sang, {n(new)} hồ sơ nhận mới.\n\n"
        f"Hồ sơ đã có kết quả trả cho cá nhân, tổ chức đạt {n(resolved)}/{n(resolved)} hồ sơ "
        f"chiếm tỷ lệ 100%; trong đó giải quyết trước hạn là {n(early)} hồ sơ."
    )
    got = written(text)
    assert got.get("ho_so_da_giai_quyet") == resolved
    assert got.get("ho_so_tiep_nhan", received) == received


def test_a_result_still_awaited_is_no_resolved_count() -> None:
    text = "Năm 2024, UBND xã tiếp nhận 120 hồ sơ; 15 hồ sơ chưa có kết quả giải quyết."
    assert "ho_so_da_giai_quyet" not in written(text)


@SETTINGS
@given(st.integers(100, 90_000), st.integers(2015, 2026), st.integers(2, 95))
def test_a_year_after_its_word_is_never_a_count(online: int, year: int, share: int) -> None:
    """2. "… bằng trên 90% số hồ sơ trực tuyến của cả năm 2021": the year the words are of, not
    a second count of online records beside the one stated."""
    text = (
        f"Trong quý I năm {year + 1}, toàn tỉnh tiếp nhận {n(online * 3)} hồ sơ, trong đó có "
        f"{n(online)} hồ sơ trực tuyến. Số lượng hồ sơ trực tuyến của quý I năm {year + 1} bằng "
        f"trên {share}% số hồ sơ trực tuyến của cả năm {year} và bằng 205,6% số hồ sơ trực tuyến "
        f"của quý I năm {year}."
    )
    assert written(text, year + 1).get("ho_so_truc_tuyen") == online
