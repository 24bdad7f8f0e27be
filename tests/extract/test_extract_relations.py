"""Figures checked against each other (issue 23): the relations decide which candidate is
which variable, and a figure no consistent assignment supports goes to review.

The two wrong-figure kinds of the issue are written here as new sentences (synthetic: not
taken from any stored report); the property builds report paragraphs with known figures and
distractors, and asks that whatever the draft writes is right.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.extract.readers import SourceText
from cchc_index.extract.relations import RELATED, RELATIONS
from cchc_index.extract.report import Extraction, extract_source
from cchc_index.text import format_number
from tests.extract.helpers import SETTINGS as BASE_SETTINGS

SETTINGS = settings(BASE_SETTINGS, max_examples=400)


def _extract(text: str, year: int = 2024) -> Extraction:
    return extract_source(SourceText("bao-cao.txt", "txt", tuple(text.split("\n"))), year=year)


def written(text: str, year: int = 2024) -> dict[str, Decimal]:
    """What the draft would write to statistics.yaml, by variable."""
    extraction = _extract(text, year)
    return {
        r.variable: r.current.amount
        for r in extraction.readings
        if r.certain and r.current is not None
    }


def n(value: int) -> str:
    return format_number(Decimal(value))


# The first kind: the total with its parts in one sentence, then a smaller figure on a later
# line about one channel of receipt.
TOTAL_THEN_CHANNEL = [
    "Tổng số hồ sơ tiếp nhận trong kỳ là 1.250 hồ sơ, trong đó giải quyết trước hạn 800 hồ "
    "sơ, đúng hạn 300 hồ sơ, trễ hạn 50 hồ sơ, đang giải quyết 100 hồ sơ.\n"
    "Số hồ sơ tiếp nhận tại Bộ phận Một cửa của xã là 900 hồ sơ.",
    "Trong năm, Bộ phận Một cửa tiếp nhận 1.250 hồ sơ (trước hạn 800 hồ sơ, đúng hạn 300 hồ sơ, trễ "
    "hạn 50 hồ sơ, đang giải quyết 100 hồ sơ).\n"
    "Tiếp nhận trực tiếp 900 hồ sơ, tiếp nhận trực tuyến 350 hồ sơ.",
    "Bộ phận Một cửa đã tiếp nhận 1.250 hồ sơ; đã giải quyết 1.150 hồ sơ, trong đó trước "
    "hạn 800 hồ sơ, đúng hạn 300 hồ sơ, trễ hạn 50 hồ sơ; đang giải quyết 100 hồ sơ.\n"
    "Số hồ sơ tiếp nhận qua dịch vụ công trực tuyến là 350 hồ sơ.\n"
    "Tiếp nhận tại bộ phận một cửa 900 hồ sơ.",
]

# The second kind: a grand total that includes the records carried over, and the newly
# received count.
GRAND_TOTAL_THEN_NEW = [
    "Tổng số hồ sơ tiếp nhận là 1.300 hồ sơ (gồm cả 100 hồ sơ kỳ trước chuyển sang); tiếp "
    "nhận mới 1.200 hồ sơ.",
    "Tổng số hồ sơ cần giải quyết trong kỳ là 1.300 hồ sơ, trong đó kỳ trước chuyển sang 100 "
    "hồ sơ, tiếp nhận mới trong kỳ 1.200 hồ sơ.",
    "Trong năm 2024, Bộ phận Một cửa tiếp nhận 1.300 hồ sơ, trong đó 100 hồ sơ từ kỳ trước chuyển "
    "sang. Đã giải quyết 1.250 hồ sơ, đang giải quyết 50 hồ sơ.",
]


def test_a_total_with_its_parts_wins_over_a_later_channel_line() -> None:
    for text in TOTAL_THEN_CHANNEL:
        draft = written(text)
        assert draft.get("ho_so_tiep_nhan", Decimal(1250)) == 1250, text
        assert draft.get("ho_so_tre_han", Decimal(50)) == 50, text
    # where the parts close on the total, the total is written, not only kept from harm
    assert written(TOTAL_THEN_CHANNEL[0])["ho_so_tiep_nhan"] == 1250


def test_a_grand_total_is_never_written_as_the_newly_received() -> None:
    for text in GRAND_TOTAL_THEN_NEW:
        draft = written(text)
        assert draft.get("ho_so_tiep_nhan_moi", Decimal(1200)) == 1200, text
        assert draft.get("ho_so_tiep_nhan", Decimal(1300)) == 1300, text
    assert written(GRAND_TOTAL_THEN_NEW[1])["ho_so_tiep_nhan"] == 1300


def test_a_plain_received_count_beside_the_carried_over_is_settled_by_the_sums() -> None:
    # 2.000 + 50 = 1.990 + 60: what was received is the newly received count
    text = (
        "Năm 2024, Bộ phận Một cửa tiếp nhận 2.000 hồ sơ; kỳ trước chuyển sang 50 hồ sơ. Đã giải "
        "quyết 1.990 hồ sơ, đang giải quyết 60 hồ sơ."
    )
    draft = written(text)
    assert draft["ho_so_tiep_nhan_moi"] == 2000
    assert "ho_so_tiep_nhan" not in draft
    # with nothing to settle it, neither reading is written
    alone = written(
        "Năm 2024, Bộ phận Một cửa tiếp nhận 2.000 hồ sơ; kỳ trước chuyển sang 50 hồ sơ."
    )
    assert "ho_so_tiep_nhan" not in alone and "ho_so_tiep_nhan_moi" not in alone


def test_figures_that_do_not_add_up_go_to_review_with_the_relation_named() -> None:
    text = (
        "Đã giải quyết 100 hồ sơ, trong đó trước hạn 50 hồ sơ, đúng hạn 40 hồ sơ, trễ hạn 20 hồ sơ."
    )
    extraction = _extract(text)
    draft = written(text)
    assert not {"ho_so_da_giai_quyet", "ho_so_truoc_han", "ho_so_dung_han"} & set(draft)
    doubtful = [r for r in extraction.readings if r.doubt]
    assert doubtful and all("trễ hạn" in " ".join(r.doubt) for r in doubtful)


def test_a_part_larger_than_its_whole_is_not_written() -> None:
    text = (
        "Tổng số hồ sơ tiếp nhận là 100 hồ sơ. Tiếp nhận qua dịch vụ bưu chính công ích 150 hồ sơ."
    )
    extraction = _extract(text)
    assert not {"ho_so_tiep_nhan", "ho_so_bcci"} & set(written(text))
    doubt = {r.variable: r.doubt for r in extraction.readings}
    assert doubt["ho_so_bcci"] == ("phần ≤ toàn thể",)


def test_a_quarter_figure_is_not_the_year_one() -> None:
    text = (
        "Năm 2024, Bộ phận Một cửa tiếp nhận 4.000 hồ sơ.\nRiêng quý IV, xã tiếp nhận 1.100 hồ sơ."
    )
    assert written(text).get("ho_so_tiep_nhan", Decimal(4000)) == 4000
    # a year's figure below a quarter's cannot both be right: neither is written
    text = "Năm 2024, xã tiếp nhận 1.000 hồ sơ.\nQuý IV/2024, xã tiếp nhận 1.100 hồ sơ."
    assert "ho_so_tiep_nhan" not in written(text)
    [reading] = [r for r in _extract(text).readings if r.variable == "ho_so_tiep_nhan"]
    assert "số của một quý, một tháng ≤ số của cả năm" in reading.doubt


def test_a_stated_rate_supports_its_count() -> None:
    # two readings of "resolved"; the rate after the late count agrees with 1.000 only
    text = (
        "Đã giải quyết 1.000 hồ sơ. Trễ hạn 20 hồ sơ (chiếm tỷ lệ 2%).\nĐã giải quyết 1.600 hồ sơ."
    )
    assert written(text).get("ho_so_da_giai_quyet") == 1000


def test_records_received_at_the_desk_are_all_or_those_filed_in_person() -> None:
    alone = "Số hồ sơ tiếp nhận tại Bộ phận Một cửa là 900 hồ sơ."
    assert written(alone) == {}  # the total, or the in-person channel? review
    doubtful = {r.variable for r in _extract(alone).readings if r.doubt}
    assert "ho_so_tiep_nhan" in doubtful
    beside = "Tổng số hồ sơ tiếp nhận là 1.250 hồ sơ; tiếp nhận trực tuyến 350 hồ sơ. " + alone
    assert written(beside) == {"ho_so_tiep_nhan": 1250, "ho_so_truc_tuyen": 350,
                               "ho_so_truc_tiep": 900}  # fmt: skip


def test_a_rate_that_fits_both_readings_decides_nothing() -> None:
    # "đạt tỷ lệ 0%" fits 1 / 19.666 and 1 / 20.075 alike: received or newly received?
    text = ("Trong kỳ, Bộ phận Một cửa tiếp nhận 19.666 hồ sơ; kỳ trước chuyển sang 409 hồ sơ.\n"
            "Đã giải quyết 1 hồ sơ, đạt tỷ lệ 0%; đang giải quyết 18.726 hồ sơ.")  # fmt: skip
    draft = written(text)
    assert "ho_so_tiep_nhan" not in draft and "ho_so_tiep_nhan_moi" not in draft


def test_a_quarters_line_does_not_hide_the_next_line() -> None:
    # each line a paragraph (a .docx): "Riêng quý IV, …" is that line's, not the next one's
    text = ("Riêng quý IV, Bộ phận Một cửa tiếp nhận 529 hồ sơ.\nBộ phận Một cửa đã tiếp nhận "
            "3.122 hồ sơ (gồm cả 122 hồ sơ kỳ trước chuyển sang).")  # fmt: skip
    assert written(text).get("ho_so_tiep_nhan") == 3122
    heading = "Riêng quý IV:\nBộ phận Một cửa tiếp nhận 529 hồ sơ."
    assert written("Năm 2024, xã tiếp nhận 3.122 hồ sơ.\n" + heading) == {
        "ho_so_tiep_nhan": 3122}  # fmt: skip


def test_the_relations_are_stated_once_as_data() -> None:
    assert all(r.whole in RELATED and set(r.parts) <= RELATED for r in RELATIONS)
    labels = [r.label for r in RELATIONS]
    assert len(labels) == len(set(labels))


# --- the property ---------------------------------------------------------------------

TOTALS = [
    "Tổng số hồ sơ tiếp nhận trong kỳ là {T} hồ sơ, trong đó kỳ trước chuyển sang {C} hồ sơ, "
    "tiếp nhận mới {N} hồ sơ.",
    "Trong kỳ, Bộ phận Một cửa tiếp nhận {N} hồ sơ; kỳ trước chuyển sang {C} hồ sơ.",
    "Bộ phận Một cửa đã tiếp nhận {T} hồ sơ (gồm cả {C} hồ sơ kỳ trước chuyển sang).",
    "Tổng số hồ sơ tiếp nhận là {T} hồ sơ.",
    "Số hồ sơ tiếp nhận mới là {N} hồ sơ.",
    "Lũy kế hồ sơ cần giải quyết trong kỳ là {T} hồ sơ, trong đó tiếp nhận mới {N} hồ sơ.",
    "Bộ phận Một cửa tiếp nhận {T} hồ sơ, trong đó {C} hồ sơ từ kỳ trước chuyển sang.",
    "Trong kỳ báo cáo, UBND xã đã tiếp nhận {T} hồ sơ TTHC (kỳ trước chuyển sang {C} hồ sơ, "
    "tiếp nhận mới {N} hồ sơ).",
    "Tổng số hồ sơ: {T} hồ sơ (tồn kỳ trước: {C} hồ sơ, tiếp nhận mới: {N} hồ sơ).",
    "Năm 2024, UBND xã tiếp nhận và giải quyết {T} hồ sơ (bao gồm {C} hồ sơ tồn của năm trước).",
    "Toàn huyện tiếp nhận {T} hồ sơ, đã giải quyết {S} hồ sơ, trong đó tại Bộ phận Một cửa "
    "huyện: đã giải quyết {SB} hồ sơ, đang giải quyết {PB} hồ sơ, {PB2} hồ sơ đang giải quyết "
    "quá hạn.",
    "",
]
RESOLVED = [
    "Đã giải quyết {S} hồ sơ, trong đó trước hạn {E} hồ sơ, đúng hạn {O} hồ sơ, trễ hạn {L} "
    "hồ sơ; đang giải quyết {P} hồ sơ.",
    "Giải quyết trước hạn {E} hồ sơ, đúng hạn {O} hồ sơ, trễ hạn {L} hồ sơ, đang giải quyết "
    "{P} hồ sơ.",
    "Đã giải quyết {S} hồ sơ (trước và đúng hạn {EO} hồ sơ, trễ hạn {L} hồ sơ).",
    "Số hồ sơ giải quyết trễ hạn là {L} hồ sơ.",
    "Đã giải quyết {S} hồ sơ, trong đó trước hạn {E}, đúng hạn {O}, trễ hạn {L}; đang giải "
    "quyết {P}.",
    "Đã giải quyết {S} hồ sơ, trễ hạn {L} hồ sơ.\nSố hồ sơ đang giải quyết: {P} hồ sơ.\nTrong "
    "đó: chưa đến hạn {P1} hồ sơ; quá hạn {P2} hồ sơ.",
    "Số hồ sơ giải quyết trễ hạn là {L} hồ sơ; số hồ sơ đang giải quyết quá hạn: {P2} hồ sơ.",
    "- Số hồ sơ đã giải quyết: {S} hồ sơ.\n + Trước hạn: {E} hồ sơ.\n + Đúng hạn: {O} hồ sơ.\n"
    " + Quá hạn: {L} hồ sơ.\n- Số hồ sơ đang giải quyết: {P} hồ sơ.\n + Trong hạn: {P1} hồ "
    "sơ.\n + Quá hạn: {P2} hồ sơ.",
    "Giải quyết: {S} hồ sơ; Đang giải quyết: {P} hồ sơ.",
    "Số hồ sơ giải quyết đúng hạn và trước hạn: {EO} hồ sơ; trễ hạn {L} hồ sơ.",
    "Đã giải quyết {S} hồ sơ, đạt tỷ lệ {R}%; đang giải quyết {P} hồ sơ, có {P1} hồ sơ chưa "
    "đến hạn và {P2} hồ sơ đã quá hạn.",
    "",
]
DISTRACTORS = [
    "Tiếp nhận trực tuyến {X} hồ sơ.",
    "Số hồ sơ tiếp nhận trực tiếp tại Bộ phận Một cửa là {DP} hồ sơ.",
    "Số hồ sơ nộp qua Cổng Dịch vụ công là {X} hồ sơ.",
    "Riêng lĩnh vực đất đai tiếp nhận {F} hồ sơ.",
    "Năm 2023, xã tiếp nhận {Y} hồ sơ.",
    "Riêng quý IV, Bộ phận Một cửa tiếp nhận {Q} hồ sơ.",
    "Tiếp nhận trực tiếp và qua bưu chính {DP} hồ sơ.",
    "Tiếp nhận qua dịch vụ bưu chính công ích {B} hồ sơ.",
    "Đã số hóa {H} hồ sơ.",
    "Số hồ sơ tồn từ năm trước chuyển sang là {C} hồ sơ.",
    "Hiện còn {P2} hồ sơ đang giải quyết đã quá hạn.",
    "Riêng Phòng Tư pháp đã tiếp nhận {F} hồ sơ, đã giải quyết {F2} hồ sơ, trễ hạn {F3} hồ sơ.",
    "Chi nhánh Văn phòng đăng ký đất đai tiếp nhận {F} hồ sơ; đã giải quyết {F2} hồ sơ.",
]
# A channel's line a reader may take for the total: only beside a stated total.
WITH_A_TOTAL = [
    "Số hồ sơ tiếp nhận tại Bộ phận Một cửa của xã là {DP} hồ sơ.",
    "Bộ phận Một cửa tiếp nhận {DP} hồ sơ, Cổng dịch vụ công tiếp nhận {X} hồ sơ.",
]


@st.composite
def reports(draw: st.DrawFn) -> tuple[str, dict[str, int]]:
    """A paragraph of a 2024 report and the true figures of the period."""
    new = draw(st.integers(1, 40000))
    carried = draw(st.integers(0, 3000))
    total = new + carried
    returned = draw(st.integers(0, total // 10))
    resolved = draw(st.integers(0, total - returned))
    early = draw(st.integers(0, resolved))
    on_time = draw(st.integers(0, resolved - early))
    late = resolved - early - on_time
    progress = total - returned - resolved
    online = draw(st.integers(0, new))
    overdue = draw(st.integers(0, progress))
    quarter = draw(st.integers(0, total))
    postal = draw(st.integers(0, new - online))
    digitised = draw(st.integers(0, total))
    field = draw(st.integers(1, 900))  # one field's or one body's records
    field_done = draw(st.integers(0, field))
    field_late = draw(st.integers(0, field_done))
    desk_resolved = draw(st.integers(0, resolved))  # one desk's share of the unit's figures
    desk_progress = draw(st.integers(0, progress))
    desk_overdue = draw(st.integers(0, desk_progress))
    truth = {
        "ho_so_tiep_nhan": total,
        "ho_so_tiep_nhan_moi": new,
        "ho_so_ky_truoc": carried,
        "ho_so_da_giai_quyet": resolved,
        "ho_so_truoc_han": early,
        "ho_so_dung_han": on_time,
        "ho_so_tre_han": late,
        "ho_so_truoc_va_dung_han": early + on_time,
        "ho_so_dang_giai_quyet": progress,
        "ho_so_truc_tuyen": online,
        "ho_so_truc_tiep": new - online,
        "ho_so_bcci": postal,
        "ho_so_so_hoa": digitised,
        "ho_so_dang_giai_quyet_qua_han": overdue,
    }
    values = {
        "T": n(total), "N": n(new), "C": n(carried), "S": n(resolved), "E": n(early),
        "O": n(on_time), "L": n(late), "EO": n(early + on_time), "P": n(progress),
        "X": n(online), "F": n(field), "F2": n(field_done), "F3": n(field_late),
        "Y": n(draw(st.integers(1, 50000))),
        "P1": n(progress - overdue), "P2": n(overdue), "Q": n(quarter), "DP": n(new - online),
        "B": n(postal), "H": n(digitised), "SB": n(desk_resolved), "PB": n(desk_progress),
        "PB2": n(desk_overdue),
        "R": format_number((Decimal(resolved * 100) / total).quantize(Decimal("0.01")))
        if total else "0",
    }  # fmt: skip
    parts = [draw(st.sampled_from(TOTALS)), draw(st.sampled_from(RESOLVED))]
    parts += draw(st.lists(st.sampled_from(DISTRACTORS), max_size=3, unique=True))
    if "{T}" in parts[0] and draw(st.booleans()):
        parts.append(draw(st.sampled_from(WITH_A_TOTAL)))
    order = draw(st.permutations(parts))
    text = "\n".join(p.format(**values) for p in order if p)
    return text, truth


@SETTINGS
@given(reports())
def test_a_written_figure_is_right_or_absent(report: tuple[str, dict[str, int]]) -> None:
    text, truth = report
    for variable, value in written(text).items():
        if variable in truth:
            assert value == truth[variable], (variable, value, text)


def test_too_many_candidates_to_weigh_leave_only_lone_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cchc_index.extract import settle

    monkeypatch.setattr(settle, "_MAX_ASSIGNMENTS", 1)
    text = (
        "Tổng số hồ sơ tiếp nhận là 1.250 hồ sơ. Số hồ sơ tiếp nhận tại Bộ phận Một cửa là "
        "900 hồ sơ. Trễ hạn 50 hồ sơ."
    )
    extraction = _extract(text)
    draft = written(text)
    assert draft == {"ho_so_tre_han": Decimal(50)}
    assert any(r.variable == "ho_so_tiep_nhan" and r.doubt for r in extraction.readings)
