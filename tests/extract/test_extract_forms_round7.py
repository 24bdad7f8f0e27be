"""Forms of report language found on the fifth never-tuned set after its first measurement
(which made it a seen set), written as new synthetic sentences (none taken from a stored
report), with numbers and names hypothesis draws; a figure written is right or absent:

1. "N hồ sơ quá hạn tiếp nhận": records accepted late, not records resolved late.
2. "N hồ sơ giải quyết quá hạn đang xử lý": the overdue part of the records in progress.
3. "… của UBND các huyện A, B và C là N hồ sơ, … trong tổng số hồ sơ trễ hạn của cả tỉnh (M hồ
   sơ)": N is several bodies' count, M the unit's.
4. "Về thẩm quyền công an phường tiếp nhận, giải quyết … được N hồ sơ": another body's count.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_traps import SETTINGS, n, written

DISTRICTS = ["Phù Mỹ", "Vân Canh", "Tây Sơn", "Hoài Ân", "An Lão"]


@SETTINGS
@given(st.integers(1, 9_000), st.sampled_from(["quá hạn tiếp nhận", "trễ hạn tiếp nhận"]))
def test_records_accepted_late_are_not_resolved_late(count: int, words: str) -> None:
    got = written(f"Trong tháng 9/2024, toàn tỉnh có {n(count)} hồ sơ {words}.")
    assert "ho_so_tre_han" not in got
    assert got.get("ho_so_cham_tiep_nhan", count) == count


@SETTINGS
@given(st.integers(1, 9_000), st.integers(1, 9_000))
def test_overdue_records_still_in_progress_are_not_late_ones(slow: int, overdue: int) -> None:
    text = (
        f"Trong tháng 10/2024, tỉnh còn {n(slow)} hồ sơ chậm được tiếp nhận và {n(overdue)} hồ sơ "
        "giải quyết quá hạn đang xử lý."
    )
    got = written(text)
    assert "ho_so_tre_han" not in got and "ho_so_dang_giai_quyet" not in got
    assert got.get("ho_so_dang_giai_quyet_qua_han", overdue) == overdue


@SETTINGS
@given(st.lists(st.sampled_from(DISTRICTS), min_size=2, max_size=4, unique=True),
       st.integers(1, 500), st.integers(0, 500))  # fmt: skip
def test_several_bodies_count_is_not_the_units(names: list[str], part: int, rest: int) -> None:
    listed = ", ".join(names[:-1]) + " và " + names[-1]
    total = part + rest
    text = (
        f"Trong tháng 10/2024, số lượng hồ sơ giải quyết trễ hạn của UBND các huyện {listed} là "
        f"{n(part)} hồ sơ, chiếm một phần trong tổng số hồ sơ trễ hạn của cả tỉnh ({n(total)} hồ sơ)."
    )
    got = written(text)
    assert got.get("ho_so_tre_han", total) == total


@SETTINGS
@given(st.integers(10, 900), st.integers(1, 90), st.sampled_from(["công an phường", "công an xã"]))
def test_another_bodys_competence_is_its_count(own: int, police: int, body: str) -> None:
    text = (
        f"Từ ngày 1.7.2025, Trung tâm phục vụ hành chính công đã tiếp nhận {n(own)} hồ sơ. Về "
        f"thẩm quyền {body} tiếp nhận, giải quyết thủ tục hành chính được {n(police)} hồ sơ."
    )
    got = written(text, 2025)
    assert got.get("ho_so_tiep_nhan") == own
