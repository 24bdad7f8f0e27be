"""Forms of report language found on the sixth never-tuned set after its first measurement
(which made it a seen set), written as new synthetic sentences (none taken from a stored
report), with numbers and names hypothesis draws:

1. "Trong cùng kỳ, xã … đã giải quyết được N hồ sơ": the period just told, not last year
   ("so với cùng kỳ" still is last year's).
2. "Số lượng hồ sơ được cung cấp DVCTT là N hồ sơ": online records (DVCTT: dịch vụ công trực
   tuyến).
3. "Ủy ban nhân dân huyện đã xây dựng và ban hành Kế hoạch số …": the body is the words before
   its verbs; in the district's own report, its own plan.
4. "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15": "Ban hành" in a law's
   name says nothing of who issued it.
5. "… của UBND THÀNH PHỐ AN HÒA BAN HÀNH": an upper-case "BAN HÀNH" ends the issuer too.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_forms_round4 import PLACES, extracted
from tests.extract.test_extract_traps import SETTINGS, n, written


@SETTINGS
@given(st.integers(100, 9_000), st.integers(1, 99), st.sampled_from(PLACES))
def test_in_the_same_period_is_this_period(resolved: int, open_: int, place: str) -> None:
    text = (
        f"Từ ngày 1/7 đến ngày 26/11/2025, Bộ phận một cửa xã {place} tiếp nhận "
        f"{n(resolved + open_)} hồ sơ.\n\nTrong cùng kỳ, xã {place} đã giải quyết được "
        f"{n(resolved)} hồ sơ."
    )
    got = written(text, 2025)
    assert got.get("ho_so_da_giai_quyet") == resolved


def test_compared_with_the_same_period_is_still_last_year() -> None:
    got = written("Năm 2025, xã tiếp nhận 900 hồ sơ; cùng kỳ năm trước tiếp nhận 700 hồ sơ.", 2025)
    assert got.get("ho_so_tiep_nhan") == 900


@SETTINGS
@given(st.integers(1_000, 900_000))
def test_records_of_online_public_services(count: int) -> None:
    text = (
        "Quý 3 năm 2025, Tổng số DVCTT hiện có là 1.627 (gồm 1.282 DVCTT một phần và 345 DVCTT "
        f"toàn trình). Số lượng hồ sơ được cung cấp DVCTT là {n(count)} hồ sơ."
    )
    got = written(text, 2025)
    assert got.get("ho_so_truc_tuyen") == count
    assert "ho_so_truc_tuyen_mot_phan" not in got and "ho_so_truc_tuyen_toan_trinh" not in got


HEADER = (
    "ỦY BAN NHÂN DÂN HUYỆN PHÚ MỸ\nSố: 88/BC-UBND\nPhú Mỹ, ngày 05 tháng 12 năm 2021\nBÁO CÁO\n"
    "Kết quả công tác cải cách hành chính năm 2021\n\n"
)


@SETTINGS
@given(st.integers(1, 9_999), st.sampled_from(["xây dựng và ban hành", "đã xây dựng, ban hành"]))
def test_the_body_is_the_words_before_its_verbs(number: int, verbs: str) -> None:
    found = extracted(
        f"{HEADER}Ủy ban nhân dân huyện đã {verbs.removeprefix('đã ')} Kế hoạch số "
        f"{number}/KH-UBND ngày 01/3/2021 triển khai đến các phòng, ban.",
        2021,
    )
    (citation,) = found.citations
    assert citation.own


def test_ban_hanh_in_a_laws_name_names_no_issuer() -> None:
    found = extracted(
        f"{HEADER}Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, "
        "bổ sung bởi Luật số 87/2025/QH15;",
        2025,
    )
    assert [c.own for c in found.citations] == [False, False]


def test_an_upper_case_ban_hanh_ends_the_issuer() -> None:
    found = extracted(
        "UBND THÀNH PHỐ AN HÒA\nSố: 27/QĐ-UBND\nAn Hòa, ngày 05 tháng 01 năm 2023\nQUYẾT ĐỊNH\n"
        "Về việc ban hành quy chế\n\nBãi bỏ Quyết định số 18/2020/QĐ-UBND ngày 10/7/2020 của "
        "UBND THÀNH PHỐ AN HÒA BAN HÀNH quy chế phối hợp.",
        2023,
    )
    (citation,) = found.citations
    assert citation.own
