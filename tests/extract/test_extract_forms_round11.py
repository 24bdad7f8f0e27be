"""Forms of report language found on the ninth never-tuned set after its first measurement
(which made it a seen set), written as new synthetic sentences (none taken from a stored
report), with numbers hypothesis draws; a figure written is right or absent:

1. "Riêng <body> đã tiếp nhận … . Tổng số hồ sơ đã giải quyết là N …": the part's figures go
   on in its paragraph.
2. The desk's name ("Bộ phận Tiếp nhận và trả kết quả") says nothing of what a count is.
3. "…, trong đó có A hồ sơ kỳ trước chuyển sang, B nhận mới.": a part named after its count.
4. "N hồ sơ cấp đổi giấy phép lái xe": one procedure's records, not the unit's.
5. A count's words after it, to their comma, are its own: they never name the next count.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_traps import SETTINGS, n, written


@SETTINGS
@given(st.integers(1, 900), st.integers(1, 900), st.integers(1, 9_000), st.integers(1, 90))
def test_a_parts_figures_go_on_in_its_paragraph(
    early: int, on_time: int, part: int, late: int
) -> None:
    text = (
        f"Năm 2024, hồ sơ đã giải quyết đạt {n(early + on_time)}/{n(early + on_time)} hồ sơ; trong "
        f"đó giải quyết trước hạn là {n(early)} hồ sơ, đúng hạn là {n(on_time)} hồ sơ. Riêng Chi "
        f"nhánh Văn phòng Đăng ký đất đai đã tiếp nhận {n(part + late)} hồ sơ. Tổng số hồ sơ đã "
        f"giải quyết là {n(part + late)} hồ sơ; {n(part)} hồ sơ đúng hạn và {n(late)} hồ sơ trễ hạn."
    )
    got = written(text)
    assert "ho_so_tre_han" not in got
    assert got.get("ho_so_dung_han", on_time) == on_time


@SETTINGS
@given(st.integers(100, 9_000), st.integers(1, 9_000))
def test_the_desks_name_says_nothing_of_a_count(received: int, posted: int) -> None:
    text = (
        f"Năm 2024, UBND phường tiếp nhận {n(received)} hồ sơ. Bộ phận Tiếp nhận và trả kết quả "
        f"phường đã đăng tải cho {n(posted)} lượt hồ sơ với nội dung thông báo kết quả giải quyết."
    )
    assert written(text).get("ho_so_tiep_nhan") == received


@SETTINGS
@given(st.integers(0, 900), st.integers(1, 9_000))
def test_a_part_named_after_its_count(carried: int, new: int) -> None:
    text = (
        f"Từ ngày 5-12-2023 đến 15-11-2024, bộ phận một cửa đã tiếp nhận {n(carried + new)} hồ sơ, "
        f"trong đó có {n(carried)} hồ sơ kỳ trước chuyển sang, {n(new)} nhận mới."
    )
    got = written(text)
    assert got.get("ho_so_tiep_nhan", carried + new) == carried + new
    assert got.get("ho_so_tiep_nhan_moi", new) == new


@SETTINGS
@given(st.integers(1, 9_000), st.sampled_from(["cấp đổi giấy phép lái xe", "chứng thực bản sao",
                                               "đăng ký kinh doanh", "hộ tịch"]))  # fmt: skip
def test_one_procedures_records_are_a_part(count: int, procedure: str) -> None:
    got = written(
        f"Trong quý III/2024, sở đã giải quyết {n(count)} hồ sơ {procedure} do bưu điện tiếp nhận."
    )
    assert "ho_so_da_giai_quyet" not in got and "ho_so_tiep_nhan" not in got


@SETTINGS
@given(st.integers(1, 9_000), st.integers(1, 9_000))
def test_a_counts_own_words_do_not_name_the_next(full: int, by_post: int) -> None:
    text = (
        f"Năm 2024, tiếp nhận và giải quyết {n(full + by_post + 1)} hồ sơ, trong đó có {n(full)} "
        f"hồ sơ TTHC dịch vụ công trực tuyến toàn trình, trả kết quả qua Bưu điện tỉnh {n(by_post)} "
        "hồ sơ TTHC."
    )
    got = written(text)
    assert got.get("ho_so_truc_tuyen_toan_trinh") == full
