"""Forms of report language the extractor misread on the seen sets of round three, written
as new synthetic sentences (none taken from a stored report), with figures hypothesis draws:
a figure written to the draft is right or absent, never wrong, and where the form says what
a figure is, it is written.

1. "sớm" for "trước": "đúng và sớm hạn", "sớm hẹn", "sớm và đúng hạn".
2. Another level's figures in a city's news: "Các UBND cấp xã đã giải quyết …", "UBND cấp xã
   tiếp nhận …", "Tại khối UBND các phường, xã …"; "9 đơn vị không phát sinh hồ sơ trễ hạn".
3. A sentence whose topic is a channel: "Về hồ sơ trực tuyến, …, UBND thành phố tiếp nhận".
4. Online payments ("hồ sơ thanh toán trực tuyến") are no records filed online.
5. "tiếp nhận, giải quyết và trả kết quả A/B hồ sơ": A resolved of B received.
6. A total told again by group after "Trong đó" (by mechanism, by level).
7. "Riêng các hồ sơ thuộc thẩm quyền cấp xã, …": a part's figures.
8. "đang trong thời hạn giải quyết": records in progress.
9. A paragraph ends a sentence, whatever the next starts with.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_traps import SETTINGS, n, written

PAGE_LEAD = ["", "(đoạn 4) ", "Quý III, "]


def _right_or_absent(got: dict[str, Decimal], truth: dict[str, int], own: set[str]) -> None:
    """Every variable of `own` that is written has its true value; none other is invented."""
    for variable in own:
        if variable in got:
            assert got[variable] == truth[variable], (variable, got, truth)


EARLY_ON_TIME = [
    "đã giải quyết {R} hồ sơ, trong đó {E} hồ sơ đúng và sớm hạn, {L} hồ sơ trễ hạn.",
    "đã giải quyết {R} hồ sơ, trong đó sớm và đúng hạn {E} hồ sơ, trễ hẹn {L} hồ sơ.",
    "đã giải quyết {R} hồ sơ; giải quyết sớm hạn và đúng hạn {E} hồ sơ; quá hạn {L} hồ sơ.",
    "đã giải quyết {R} hồ sơ, đúng hạn và sớm hạn {E} hồ sơ, trễ hạn {L} hồ sơ.",
]


@SETTINGS
@given(st.sampled_from(EARLY_ON_TIME), st.sampled_from(PAGE_LEAD),
       st.integers(100, 90_000), st.integers(1, 400))  # fmt: skip
def test_soon_is_early_and_joined_with_on_time(form: str, lead: str, e: int, late: int) -> None:
    truth = {"ho_so_da_giai_quyet": e + late, "ho_so_truoc_va_dung_han": e, "ho_so_tre_han": late}
    text = lead + "UBND huyện " + form.format(R=n(e + late), E=n(e), L=n(late))
    got = written(text)
    assert "ho_so_truoc_han" not in got and "ho_so_dung_han" not in got
    _right_or_absent(got, truth, set(truth))
    assert got.get("ho_so_truoc_va_dung_han") == e


def test_early_soon_and_on_time_each_their_own() -> None:
    got = written("Đã giải quyết 1.200 hồ sơ, trong đó sớm hẹn 900 HS, đúng hẹn 300 HS.")
    assert got.get("ho_so_truoc_han") == 900 and got.get("ho_so_dung_han") == 300


OTHER_LEVEL = [
    "Các UBND cấp xã đã giải quyết {X} hồ sơ, trong đó 9 đơn vị không phát sinh hồ sơ trễ hạn.",
    "UBND cấp xã tiếp nhận {X} hồ sơ, đạt 21,68%.",
    "Tại khối UBND các phường, xã đã tiếp nhận tổng cộng {X} hồ sơ, đã giải quyết {X} hồ sơ.",
    "Ở các xã, thị trấn đã tiếp nhận {X} hồ sơ; 5 xã không có hồ sơ trễ hạn.",
]


@SETTINGS
@given(st.sampled_from(OTHER_LEVEL), st.integers(1, 400), st.integers(1, 50),
       st.integers(10_000, 90_000))  # fmt: skip
def test_another_levels_figures_are_not_the_citys(
    form: str, own_late: int, x_extra: int, own: int
) -> None:
    x = own + x_extra * 3
    text = (
        f"UBND thành phố đã tiếp nhận {n(own)} hồ sơ, đã giải quyết {n(own - own_late)} hồ sơ, "
        f"trễ hạn {n(own_late)} hồ sơ.\n\n" + form.format(X=n(x))
    )
    truth = {"ho_so_tiep_nhan": own, "ho_so_da_giai_quyet": own - own_late,
             "ho_so_tre_han": own_late}  # fmt: skip
    got = written(text)
    _right_or_absent(got, truth, set(truth))
    assert got.get("ho_so_tiep_nhan") == own
    assert got.get("ho_so_tre_han") == own_late


TOPIC = [
    "Về hồ sơ trực tuyến, trong quý, UBND thành phố tiếp nhận {O} hồ sơ, đạt 28,91%.",
    "(đoạn 6) Về hồ sơ trực tuyến, UBND huyện đã tiếp nhận {O} hồ sơ.",
    "Đối với hồ sơ trực tuyến, trong kỳ tiếp nhận {O} hồ sơ.",
]


@SETTINGS
@given(st.sampled_from(TOPIC), st.integers(10, 5_000), st.integers(1, 500))
def test_a_channel_as_the_sentences_topic(form: str, online: int, paid: int) -> None:
    text = (
        "Quý III, UBND thành phố đã giải quyết gần 1.300 hồ sơ.\n\n"
        + form.format(O=n(online))
        + f" Toàn thành phố có {n(paid)} hồ sơ thanh toán trực tuyến với tổng số tiền gần 2,6"
        " triệu đồng."
    )
    got = written(text)
    assert got.get("ho_so_truc_tuyen") == online
    assert "ho_so_tiep_nhan" not in got


JOINT = [
    "Bộ phận một cửa xã đã tiếp nhận, giải quyết và trả kết quả {A}/{B} hồ sơ (HS) (đạt tỷ lệ "
    "100%).",
    "UBND xã đã tiếp nhận và giải quyết {A}/{B} hồ sơ.",
]
GROUPS = [
    " Trong đó, tiếp nhận, giải quyết và trả kết quả theo cơ chế một cửa {G1}/{G1} HS (100%), đã "
    "giải quyết sớm hẹn {S1} HS, đúng hẹn {D1} HS, không có HS trễ hẹn; theo cơ chế một cửa liên "
    "thông {G2}/{G2} HS (100%), đã giải quyết sớm hẹn {S2} HS, đúng hẹn {D2} HS; tiếp nhận, giải "
    "quyết và trả kết quả {ON} HS trực tuyến (100%).",
    " Trong đó cấp huyện tiếp nhận {G1} hồ sơ, giải quyết {S1} hồ sơ; cấp xã tiếp nhận {G2} hồ "
    "sơ, giải quyết {S2} hồ sơ.",
]


@SETTINGS
@given(st.sampled_from(JOINT), st.sampled_from(GROUPS), st.integers(1_000, 3_000),
       st.integers(200, 900), st.integers(100, 900), st.integers(1, 40))  # fmt: skip
def test_a_total_told_again_by_group(
    joint: str, groups: str, g1: int, g2: int, online: int, part: int
) -> None:
    total = g1 + g2 + online
    s1, s2 = g1 - part, g2 - min(part, g2 - 1)
    text = (
        "Trong 10 tháng năm 2024, "
        + joint.format(A=n(total), B=n(total))
        + groups.format(
            G1=n(g1), G2=n(g2), S1=n(s1), D1=n(g1 - s1), S2=n(s2), D2=n(g2 - s2), ON=n(online)
        )
    )
    got = written(text)
    truth = {"ho_so_tiep_nhan": total, "ho_so_da_giai_quyet": total}
    _right_or_absent(got, truth, set(truth))
    for variable in ("ho_so_truoc_han", "ho_so_dung_han", "ho_so_tre_han"):
        assert variable not in got, (variable, got)
    assert got.get("ho_so_da_giai_quyet") == total and got.get("ho_so_tiep_nhan") == total


SUBSET = [
    "Riêng các hồ sơ thuộc thẩm quyền cấp xã, có tổng số {G}, với {P} hồ sơ được giải quyết "
    "đúng và trước hạn, chiếm 96,2%.",
    "Riêng hồ sơ lĩnh vực đất đai, tiếp nhận {G} hồ sơ, giải quyết đúng hạn {P} hồ sơ.",
]


@SETTINGS
@given(st.sampled_from(SUBSET), st.integers(5_000, 20_000), st.integers(1, 300),
       st.integers(1, 300))  # fmt: skip
def test_a_parts_figures_after_riêng(form: str, total: int, late: int, pending: int) -> None:
    resolved = total - pending
    g = resolved // 4
    text = (
        f"Trung tâm tiếp nhận {n(total)} hồ sơ, đã giải quyết {n(resolved)} hồ sơ. Tỷ lệ hồ sơ "
        f"giải quyết đúng và trước hạn đạt 99,2%; {n(late)} hồ sơ bị trễ hạn.\n\n"
        + form.format(G=n(g), P=n(g - 1))
    )
    truth = {"ho_so_tiep_nhan": total, "ho_so_da_giai_quyet": resolved, "ho_so_tre_han": late,
             "ho_so_truoc_va_dung_han": resolved - late, "ho_so_dung_han": -1}  # fmt: skip
    got = written(text)
    _right_or_absent(got, truth, set(truth))
    assert got.get("ho_so_tiep_nhan") == total and got.get("ho_so_tre_han") == late


@SETTINGS
@given(st.integers(1_000, 90_000), st.integers(10, 900))
def test_in_progress_within_the_time_limit(total: int, pending: int) -> None:
    text = (
        f"Các cơ quan đã tiếp nhận {n(total)} hồ sơ. Trong đó, đã giải quyết {n(total - pending)} "
        f"hồ sơ; {n(pending)} hồ sơ đang trong thời hạn giải quyết."
    )
    got = written(text)
    assert got.get("ho_so_dang_giai_quyet") == pending
