"""A form found on the eighteenth never-tuned set after its first measurement (which made it a
seen set), written as new synthetic sentences (none taken from a stored report), with numbers
hypothesis draws; a figure written is right or absent:

1. "… số hồ sơ sử dụng dịch vụ công trực tuyến mức độ 3, mức độ 4 là N": one count for both
   levels, the online records, never level 4's alone (the comma no longer hides level 3).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_traps import SETTINGS, n, written


@SETTINGS
@given(st.integers(100, 9_000), st.integers(1, 99), st.integers(1, 99),
       st.sampled_from(["mức độ 3, mức độ 4", "mức độ 3, 4", "mức 3, mức 4"]))  # fmt: skip
def test_both_levels_after_a_comma_are_the_online_records(
    new: int, post: int, online: int, levels: str
) -> None:
    post, online = new * post // 100, new * online // 100
    text = (
        f"Trong tháng 5, Trung tâm đã tiếp nhận {n(new)} hồ sơ TTHC. Số hồ sơ sử dụng dịch vụ bưu "
        f"chính công ích là {n(post)}; số hồ sơ sử dụng dịch vụ công trực tuyến {levels} là "
        f"{n(online)}, đạt 42,80% so với tổng số hồ sơ nhận mới."
    )
    got = written(text, 2022)
    assert not got.keys() & {"ho_so_truc_tuyen_muc_3", "ho_so_truc_tuyen_muc_4"}
    assert got.get("ho_so_truc_tuyen", online) == online
