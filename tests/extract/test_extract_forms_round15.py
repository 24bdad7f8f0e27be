"""Forms of report language found on the fourteenth never-tuned set after its first measurement
(which made it a seen set), written as new synthetic sentences (none taken from a stored
report), with numbers hypothesis draws; a figure written is right or absent:

1. "Cụ thể, tính riêng tháng 7/2025, Trung tâm đã tiếp nhận N hồ sơ …" in a month's news that
   tells no other exact figure: the part of the period is all the text tells, so its figures are
   the text's (marked as of part of the period); beside the period's own figures they are still
   passed over.
2. "… còn lại N hồ sơ đang được tiếp tục xử lý": records in progress, never the late count named
   before them.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_traps import SETTINGS, n, written


@SETTINGS
@given(st.integers(1, 900), st.integers(0, 900), st.integers(0, 20), st.integers(0, 200),
       st.sampled_from(["Cụ thể, tính riêng tháng 7/2025,", "Chỉ riêng trong tháng đầu tiên,"]))  # fmt: skip
def test_a_months_news_tells_its_figures_in_a_part_of_the_period(
    online: int, direct: int, late: int, pending: int, opening: str
) -> None:
    received = online + direct
    late = min(late, received)
    pending = min(pending, received - late)
    on_time = received - late - pending
    text = (
        "Trung tâm hiện có 11 ô cửa phục vụ các lĩnh vực, mỗi ngày tiếp nhận trên 30 hồ sơ.\n"
        f"{opening} Trung tâm đã tiếp nhận {n(received)} hồ sơ thuộc trên 30 thủ tục hành chính. "
        f"Trong đó, có {n(online)} hồ sơ được xử lý trực tuyến, {n(direct)} hồ sơ nộp trực tiếp; "
        f"{n(on_time)} hồ sơ đã được giải quyết đúng hạn, chỉ có {n(late)} hồ sơ trễ hạn (liên "
        f"quan lĩnh vực hộ tịch), còn lại {n(pending)} hồ sơ đang được tiếp tục xử lý."
    )
    got = written(text, 2025)
    assert got.get("ho_so_tiep_nhan") == received
    assert got.get("ho_so_truc_tuyen", online) == online
    assert got.get("ho_so_tre_han", late) == late
    assert got.get("ho_so_dang_giai_quyet", pending) == pending


@SETTINGS
@given(st.integers(1_000, 90_000), st.integers(1, 900), st.integers(1, 900))
def test_beside_the_years_figures_a_months_are_passed_over(
    year_total: int, month_total: int, month_online: int
) -> None:
    text = (
        f"Năm 2024, UBND xã tiếp nhận {n(year_total)} hồ sơ, đã giải quyết {n(year_total)} hồ sơ. "
        f"Riêng tháng 12, xã tiếp nhận {n(month_total)} hồ sơ, trong đó {n(month_online)} hồ sơ "
        "trực tuyến."
    )
    got = written(text, 2024)
    assert got.get("ho_so_tiep_nhan") == year_total
    assert "ho_so_truc_tuyen" not in got  # the month's, never the year's


@SETTINGS
@given(st.integers(0, 50), st.integers(1, 900), st.sampled_from(["đang được tiếp tục xử lý",
       "đang được xử lý", "tiếp tục xử lý"]))  # fmt: skip
def test_the_rest_in_progress_is_not_the_late_count(late: int, pending: int, words: str) -> None:
    text = (
        f"Năm 2025, xã đã giải quyết đúng hạn 963 hồ sơ, chỉ có {n(late)} hồ sơ trễ hạn, còn lại "
        f"{n(pending)} hồ sơ {words}."
    )
    got = written(text, 2025)
    assert got.get("ho_so_tre_han", late) == late
    assert got.get("ho_so_dang_giai_quyet") == pending
