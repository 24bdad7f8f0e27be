"""Forms found on the twenty-first never-tuned set after its first measurement (which made it a
seen set), written as new synthetic sentences (none taken from a stored report):

1. "đang giải quyết N hồ sơ trong hạn và M hồ sơ quá hạn": N is the part of the records in
   progress still within its deadline, not all of them (they are N + M).
2. A channel's count that joins the records it took in and the results it sent back ("tiếp nhận
   và chuyển trả kết quả qua dịch vụ bưu chính công ích N hồ sơ (trong đó: tiếp nhận A hồ sơ;
   trả kết quả B hồ sơ)"): N is no count of records received by post; A is, unless the text
   leaves the two open (review, where no relation rules N out), and A is the post's, never the
   unit's records received.
3. What a channel's count opening its sentence is told to hold "trong đó" (received, newly
   received, carried over, as well as resolved) is that channel's, not the unit's.
4. "tiếp nhận N hồ sơ dịch vụ công trực tuyến mức độ 3, mức độ 4": one count for both levels
   (online records), also when the levels follow the count (the comma does not end its words).
5. All of it together: with the channel's part set aside, the relations read a plain "tiếp
   nhận T hồ sơ" beside the records carried over as newly received when the records resolved
   and in progress exceed T.
"""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from tests.extract.helpers import SETTINGS
from tests.extract.test_extract_traps import n, written

_COUNT = st.integers(20, 90_000)

IN_PROGRESS = [
    "Hiện đang giải quyết {P} hồ sơ trong hạn và {Q} hồ sơ quá hạn.",
    "Số hồ sơ đang xử lý là {P} hồ sơ còn trong hạn và {Q} hồ sơ đã quá hạn.",
    "Đang giải quyết {P} hồ sơ trong thời hạn và {Q} hồ sơ quá hạn.",
]


@SETTINGS
@given(st.sampled_from(IN_PROGRESS), _COUNT, st.integers(1, 99), _COUNT, _COUNT)
def test_the_in_time_part_of_the_records_in_progress_is_not_all_of_them(
    form: str, in_time: int, late: int, received: int, resolved: int
) -> None:
    assume(resolved + in_time + late <= received)
    text = (
        f"Trong năm 2024, UBND xã tiếp nhận {n(received)} hồ sơ, đã giải quyết {n(resolved)} "
        "hồ sơ. " + form.format(P=n(in_time), Q=n(late))
    )
    got = written(text)
    assert got.get("ho_so_dang_giai_quyet") in (None, in_time + late)
    assert got.get("ho_so_tiep_nhan") == received and got.get("ho_so_da_giai_quyet") == resolved


JOINT_POST = [
    "Bưu điện đã tiếp nhận và chuyển trả kết quả qua dịch vụ bưu chính công ích {N} hồ sơ "
    "(trong đó: tiếp nhận {A} hồ sơ; trả kết quả cho công dân {B} hồ sơ).",
    "Qua dịch vụ bưu chính công ích, đã tiếp nhận và trả kết quả {N} hồ sơ (trong đó tiếp nhận "
    "{A} hồ sơ, trả kết quả {B} hồ sơ).",
]


@SETTINGS
@given(st.sampled_from(JOINT_POST), _COUNT, _COUNT, _COUNT, _COUNT)
def test_a_count_of_records_taken_in_and_sent_back_by_post_is_left_for_review(
    form: str, sent_in: int, sent_back: int, new: int, carried: int
) -> None:
    assume(sent_in < new)
    text = (
        f"Trong năm 2024, UBND xã tiếp nhận mới {n(new)} hồ sơ; kỳ trước chuyển sang "
        f"{n(carried)} hồ sơ. "
        + form.format(N=n(sent_in + sent_back), A=n(sent_in), B=n(sent_back))
    )
    got = written(text)
    # never the joint count: its part received, where the relations rule the joint count out
    # (more than all records received), else nothing (the text does not say which)
    assert got.get("ho_so_bcci") in (None, sent_in)
    assert got.get("ho_so_tiep_nhan_moi") == new and got.get("ho_so_ky_truoc") == carried
    assert got.get("ho_so_tiep_nhan") in (None, new + carried)


CHANNEL_HOLDS = [
    "Tổng số hồ sơ trực tuyến là {N} hồ sơ, trong đó tiếp nhận mới {A} hồ sơ, kỳ trước chuyển "
    "sang {C} hồ sơ.",
    "Qua dịch vụ bưu chính công ích {N} hồ sơ, trong đó tiếp nhận {A} hồ sơ, đã giải quyết {C} "
    "hồ sơ.",
]


@SETTINGS
@given(st.sampled_from(CHANNEL_HOLDS), _COUNT, _COUNT, _COUNT)
def test_what_a_channels_count_holds_is_the_channels(
    form: str, part: int, other: int, received: int
) -> None:
    assume(part + other < received)
    text = f"Năm 2024, UBND xã tiếp nhận {n(received)} hồ sơ. " + form.format(
        N=n(part + other), A=n(part), C=n(other)
    )
    got = written(text)
    assert got.get("ho_so_tiep_nhan") == received
    assert part not in (got.get("ho_so_tiep_nhan_moi"), got.get("ho_so_tiep_nhan"))
    assert other not in (got.get("ho_so_ky_truoc"), got.get("ho_so_da_giai_quyet"))


@SETTINGS
@given(_COUNT, _COUNT, st.integers(20, 9_000), st.integers(1, 99), _COUNT, _COUNT)
def test_records_received_beside_those_carried_over_are_new_when_the_outcome_exceeds_them(
    new: int, carried: int, in_time: int, late: int, sent_in: int, sent_back: int
) -> None:
    resolved = new + carried - in_time - late  # the outcome accounts for new and carried over
    assume(resolved > 0 and sent_in < new)
    text = (
        f"Trong tháng 9 năm 2024, các đơn vị đã tiếp nhận {n(new)} hồ sơ; hồ sơ của kỳ trước "
        f"chuyển sang là {n(carried)} hồ sơ. Các đơn vị đã giải quyết xong {n(resolved)} hồ sơ "
        f"trước và đúng hạn (đạt 100%); đang giải quyết {n(in_time)} hồ sơ trong hạn và "
        f"{n(late)} hồ sơ quá hạn. "
        + JOINT_POST[0].format(N=n(sent_in + sent_back), A=n(sent_in), B=n(sent_back))
    )
    got = written(text)
    assert got.get("ho_so_tiep_nhan") in (None, new + carried)
    assert got.get("ho_so_tiep_nhan_moi") in (None, new)
    assert got.get("ho_so_dang_giai_quyet") in (None, in_time + late)
    assert got.get("ho_so_bcci") in (None, sent_in)


BOTH_LEVELS_AFTER = [
    "UBND xã đã tiếp nhận {N} hồ sơ dịch vụ công trực tuyến mức độ 3, mức độ 4 và giải quyết "
    "theo đúng quy định.",
    "UBND xã tiếp nhận {N} hồ sơ trực tuyến mức 3, 4; {D} hồ sơ trực tiếp.",
]


@SETTINGS
@given(st.sampled_from(BOTH_LEVELS_AFTER), _COUNT, _COUNT, _COUNT)
def test_a_count_of_both_levels_named_after_it_is_the_online_count(
    form: str, online: int, direct: int, third: int
) -> None:
    got = written("Năm 2024, " + form.format(N=n(online), D=n(direct)))
    assert got.get("ho_so_truc_tuyen") == online
    assert "ho_so_truc_tuyen_muc_3" not in got and "ho_so_truc_tuyen_muc_4" not in got
    apart = written(
        f"Năm 2024, UBND xã tiếp nhận {n(third)} hồ sơ trực tuyến mức độ 3, {n(online)} hồ sơ "
        "mức độ 4."
    )  # two counts, one per level: each its level's
    assert apart.get("ho_so_truc_tuyen_muc_3") == third
    assert apart.get("ho_so_truc_tuyen_muc_4") == online
