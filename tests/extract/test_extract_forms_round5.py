"""Forms of report language found on the fourth never-tuned set after its first measurement
(which made it a seen set), written as new synthetic sentences (none taken from a stored
report), with numbers and names hypothesis draws; a figure written is right or absent:

1. "trực tuyến mức độ 3-4": the online records of both levels, no one level's.
2. "số hồ sơ trực tuyến toàn trình là A và tổng số hồ sơ giải quyết TTHC là B": the words
   after A are B's label; "hồ sơ … TTHC" counts records; "tổng số hồ sơ giải quyết" says
   neither received nor resolved, so B goes to review.
3. A body the text names as the subject of its figures, when nothing else names the unit
   ("Văn phòng đăng ký đất đai … đã tiếp nhận …"); one among the unit's, when the unit is known.
4. "hồ sơ chậm được tiếp nhận": accepted late, neither online nor resolved late.
5. "đang tiếp tục giải quyết": records in progress, their overdue part theirs.
6. "Tại bộ phận một cửa của UBND các xã, …": the communes' desks in a district's report.
7. A zero is of the words right after it ("không có HS trễ hạn; … 1.105 HS trực tuyến").
8. Who issued a document: "Đã có Công văn số …" names nobody; "…, UBND tỉnh ban hành …" after
   a document's date is the next clause's subject, not its issuer.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_forms_round4 import PLACES, extracted
from tests.extract.test_extract_traps import SETTINGS, n, written


@SETTINGS
@given(st.sampled_from(["mức độ 3-4", "mức độ 3, 4", "mức 3 và 4", "mức độ 3 và mức độ 4"]),
       st.integers(10, 5_000), st.integers(0, 500))  # fmt: skip
def test_online_of_both_levels_is_no_one_levels(levels: str, online: int, other: int) -> None:
    text = (
        f"Năm 2024, Bộ phận Một cửa huyện đã tiếp nhận {n(online + other)} hồ sơ, trong đó tiếp "
        f"nhận trực tuyến {levels} là {n(online)} hồ sơ."
    )
    got = written(text)
    assert "ho_so_truc_tuyen_muc_3" not in got and "ho_so_truc_tuyen_muc_4" not in got
    assert got.get("ho_so_truc_tuyen", online) == online


def test_one_level_is_still_that_level() -> None:
    got = written("Năm 2024, xã tiếp nhận 300 hồ sơ, trong đó trực tuyến mức độ 4 là 120 hồ sơ.")
    assert got.get("ho_so_truc_tuyen_muc_4") == 120


@SETTINGS
@given(st.integers(1_000, 90_000), st.integers(1, 90_000))
def test_the_words_after_a_labelled_count_are_the_next_ones_label(full: int, more: int) -> None:
    text = (
        f"Năm 2024, tỉnh có số hồ sơ trực tuyến toàn trình là {n(full)} và tổng số hồ sơ giải "
        f"quyết TTHC là {n(full + more)}, chiếm 50%."
    )
    got = written(text)
    assert got.get("ho_so_truc_tuyen_toan_trinh") == full
    assert "ho_so_tiep_nhan" not in got and "ho_so_da_giai_quyet" not in got  # to review
    found = extracted(text, 2024)
    doubtful = {r.variable for r in found.readings if not r.certain}
    assert "ho_so_tiep_nhan" in doubtful


def test_records_received_or_resolved_say_which() -> None:
    got = written("Năm 2024, tổng số hồ sơ tiếp nhận giải quyết TTHC là 1.234 hồ sơ.")
    assert got.get("ho_so_tiep_nhan") == 1234


@SETTINGS
@given(st.integers(100, 90_000), st.integers(2, 20))
def test_a_named_body_is_the_unit_when_nothing_else_is(count: int, branches: int) -> None:
    text = (
        f"5 tháng đầu năm 2024, Văn phòng đăng ký đất đai tỉnh và {branches} chi nhánh các địa "
        f"phương đã tiếp nhận {n(count)} hồ sơ đất đai."
    )
    assert written(text).get("ho_so_tiep_nhan") == count


def test_a_named_body_among_the_units_figures_is_not_the_unit() -> None:
    text = (
        "UBND TỈNH AN HÒA\nSố: 12/BC-UBND\nAn Hòa, ngày 10 tháng 12 năm 2024\nBÁO CÁO\n"
        "Kết quả CCHC năm 2024\n\nNăm 2024, UBND tỉnh đã tiếp nhận 50.000 hồ sơ. Văn phòng "
        "đăng ký đất đai đã tiếp nhận 9.000 hồ sơ."
    )
    assert written(text).get("ho_so_tiep_nhan") == 50000


@SETTINGS
@given(st.integers(1_000, 2_000_000), st.integers(1, 900))
def test_records_accepted_late_are_neither_online_nor_late(online: int, slow: int) -> None:
    text = (
        f"Trong năm 2024, tổng số hồ sơ tiếp nhận trực tuyến là {n(online)} hồ sơ; có {n(slow)} "
        "hồ sơ trực tuyến chậm được tiếp nhận."
    )
    got = written(text)
    assert got.get("ho_so_truc_tuyen") == online
    assert "ho_so_tre_han" not in got
    assert got.get("ho_so_cham_tiep_nhan", slow) == slow


@SETTINGS
@given(st.integers(50, 5_000), st.integers(1, 40), st.integers(0, 9))
def test_records_still_being_resolved(resolved: int, open_: int, overdue: int) -> None:
    overdue = min(overdue, open_)  # a part of the records in progress
    text = (
        f"Năm 2024, Bộ phận Một cửa xã tiếp nhận {n(resolved + open_)} hồ sơ; giải quyết "
        f"{n(resolved)} hồ sơ. Số hiện đang tiếp tục giải quyết là {n(open_)} hồ sơ và chỉ có "
        f"{n(overdue)} hồ sơ quá hạn."
    )
    got = written(text)
    assert got.get("ho_so_dang_giai_quyet") == open_
    assert "ho_so_tre_han" not in got


@SETTINGS
@given(st.sampled_from(PLACES), st.integers(100, 5_000), st.integers(1, 20))
def test_the_communes_desks_in_a_districts_report(place: str, own: int, late: int) -> None:
    text = (
        f"Quý I/2024, Bộ phận tiếp nhận và trả kết quả của UBND huyện {place} đã giải quyết "
        f"{n(own + late)} hồ sơ, gồm: trước hạn {n(own)} hồ sơ, quá hạn {n(late)} hồ sơ.\n\n"
        f"Tại bộ phận một cửa của UBND các xã, thị trấn đã tiếp nhận 9.000 hồ sơ, không có hồ sơ "
        "giải quyết quá hạn."
    )
    got = written(text)
    assert got.get("ho_so_tre_han", late) == late


def test_a_zero_is_of_the_words_right_after_it() -> None:
    got = written(
        "Năm 2024, xã đã giải quyết 300 hồ sơ, đúng hạn 300 HS, không có HS trễ hạn; tiếp nhận "
        "1.105 HS trực tuyến."
    )
    assert got.get("ho_so_truc_tuyen") == 1105 and got.get("ho_so_tre_han") == 0


def test_who_issued_is_not_read_from_a_bare_mention_or_the_next_clause() -> None:
    found = extracted(
        "UBND TỈNH AN HÒA\nSố: 48/KH-UBND\nAn Hòa, ngày 25 tháng 7 năm 2023\nKẾ HOẠCH\n"
        "Nâng cao chất lượng dịch vụ công\n\nQua xem xét đề nghị của Sở Thông tin và Truyền "
        "thông tại Tờ trình số 181/TTr-STTTT ngày 18/7/2023 và Tờ trình số 135/TTr-STTTT ngày "
        "29/5/2023, UBND tỉnh ban hành Kế hoạch này.\nĐã có Công văn 7260/VPCP-KSTT về việc "
        "tiếp nhận hồ sơ.\nUBND tỉnh đã ban hành Quyết định số 9/QĐ-UBND ngày 02/01/2023.",
        2023,
    )
    own = {c.number.symbol: c.own for c in found.citations}
    assert own == {
        "181/TTr-STTTT": False,
        "135/TTr-STTTT": False,
        "7260/VPCP-KSTT": False,
        "9/QĐ-UBND": True,
    }
