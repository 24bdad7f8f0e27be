"""Forms of report language found on the eighth never-tuned set after its first measurement
(which made it a seen set), written as new synthetic sentences (none taken from a stored
report), with numbers hypothesis draws; a figure written is right or absent:

1. A sentence whose topic is some of the procedures ("Về tình hình thực hiện thủ tục hành chính
   cải thiện môi trường đầu tư kinh doanh …, tổng số hồ sơ mới là N hồ sơ, …"): a part's
   figures, not the unit's; a topic that is the procedures as a whole is the unit's.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_traps import SETTINGS, n, written

TOPICS = [
    "Về tình hình thực hiện thủ tục hành chính cải thiện môi trường đầu tư kinh doanh",
    "Về các thủ tục hành chính liên quan đến doanh nghiệp",
    "Đối với hồ sơ thuộc lĩnh vực đất đai",
]


@SETTINGS
@given(st.sampled_from(TOPICS), st.integers(100, 9_000), st.integers(1, 99), st.integers(1, 99))
def test_a_topic_of_some_procedures_is_a_parts(
    topic: str, late_all: int, new_part: int, done_part: int
) -> None:
    text = (
        f"Tháng 7/2024, số hồ sơ giải quyết quá hạn: {n(late_all)}.\n\n"
        f"{topic}, từ 14/6/2024 đến ngày 15/7/2024, tổng số hồ sơ mới là {n(new_part + done_part)} "
        f"hồ sơ, đã có kết quả: {n(done_part)} hồ sơ, trong đó: số hồ sơ trả kết quả đúng hạn là "
        f"{n(done_part)} hồ sơ."
    )
    got = written(text)
    assert "ho_so_dung_han" not in got and "ho_so_da_giai_quyet" not in got
    assert "ho_so_tiep_nhan_moi" not in got
    assert got.get("ho_so_tre_han") == late_all


def test_a_topic_of_the_procedures_as_a_whole_is_the_units() -> None:
    got = written(
        "Về kết quả giải quyết thủ tục hành chính, năm 2024 UBND xã tiếp nhận 1.200 hồ sơ, đã "
        "giải quyết 1.190 hồ sơ."
    )
    assert got.get("ho_so_tiep_nhan") == 1200 and got.get("ho_so_da_giai_quyet") == 1190
