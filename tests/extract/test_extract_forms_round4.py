"""Forms of report language found on the sets already measured (the third never-tuned set
after its first measurement, and the seen ones), written as new synthetic sentences (none
taken from a stored report), with numbers and names hypothesis draws:

1. A page that posts a report without its header names it in its opening line ("Báo cáo số
   31/ BC-UBND ngày … của UBND xã … về …"): the report's own number, not a citation; its date
   is the report's, and the body named after "của" is the unit.
2. One date after two documents joined by "và" ("Quyết định số 72/QĐ-UBND và Kế hoạch số
   04/KH-UBND ngày 20/01/2022"): both take it, and the draft says to check it; never when
   the first document is dated elsewhere, or its symbol's year is another.
3. Records "tiếp nhận và giải quyết N", then "100% … giải quyết" in the same sentence: N
   received and N resolved; so too when the resolved records' parts, told after it, add up
   to N (resolved ≤ received = N ≤ the parts' sum); without either, resolved is not written.
4. The stored item's annotation lines (`# Nguồn: …`) are no text of the page.
8. A list's next item after the records in progress ("đang giải quyết 10 hồ sơ; số hồ sơ quá
   hạn: 0") is the period's, not a part of the records in progress.
7. "không có HS trễ hạn": the abbreviation of "hồ sơ" in a zero.
6. The deadline named in full: "trả đúng thời hạn", "trước thời hạn", "quá thời hạn".
5. A total told again by level after "Trong đó" ("cấp huyện …, cấp xã …"): the levels are
   groups, even when one level's count was already set aside as not the unit's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cchc_index.extract.draft import build_draft
from cchc_index.extract.evaluate import page_text
from cchc_index.extract.readers import SourceText
from cchc_index.extract.report import Extraction, extract_source
from tests.extract.test_extract_traps import SETTINGS, n, written

PLACES = ["Tân Hòa", "Phú Mỹ", "Hòa Bình", "Đông Sơn", "Cẩm Lệ"]
LEVELS = ["xã", "phường", "thị trấn"]


def extracted(text: str, year: int = 2023) -> Extraction:
    return extract_source(SourceText("b.txt", "txt", tuple(text.split("\n"))), year=year)


def _day(draw: st.DrawFn, year: int) -> dt.date:
    return draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 28)))


# --- 1. a report named by its opening line ---------------------------------------------------


@st.composite
def self_named(draw: st.DrawFn) -> tuple[str, int, dt.date, str]:
    number = draw(st.integers(1, 999))
    day = _day(draw, 2023)
    space = draw(st.sampled_from(["", " "]))
    unit = f"UBND {draw(st.sampled_from(LEVELS))} {draw(st.sampled_from(PLACES))}"
    title = draw(st.sampled_from(["Báo cáo kết quả công tác cải cách hành chính năm 2023\n\n", ""]))
    text = (
        f"{title}Báo cáo số {number}/{space}BC-UBND ngày {day:%d/%m/%Y} của {unit} về kết quả "
        "thực hiện cải cách hành chính năm 2023 theo Kế hoạch số 05/KH-UBND ngày 10/01/2023 "
        "của UBND huyện;\n\nTrong năm, đơn vị đã triển khai các nhiệm vụ."
    )
    return text, number, day, unit


@SETTINGS
@given(self_named())
def test_a_report_named_by_its_opening_line_is_its_own_header(
    case: tuple[str, int, dt.date, str],
) -> None:
    text, number, day, unit = case
    found = extracted(text)
    assert found.header.number is not None and found.header.number.number == str(number)
    assert found.header.date == day
    assert found.unit.name == unit
    cited = [c.number.symbol for c in found.citations]
    assert cited == ["05/KH-UBND"]  # the report itself is not among what it cites
    assert found.citations[0].issuer == "UBND huyện"


def test_a_plan_opening_a_report_is_cited_not_taken_for_the_report() -> None:
    """Only a report names itself so: a plan in the opening line is what the report is about."""
    found = extracted("Kế hoạch số 12/KH-UBND ngày 02/01/2023 của UBND huyện về CCHC;\n\nNội dung.")
    assert found.header.number is None
    assert [c.number.symbol for c in found.citations] == ["12/KH-UBND"]


def test_a_report_cited_deep_in_the_text_is_no_header() -> None:
    text = "\n".join(
        ["Tình hình chung.", "Kết quả.", "Tồn tại.", "Giải pháp.", "Kiến nghị.",
         "Báo cáo số 7/BC-UBND ngày 02/03/2023 của UBND huyện về CCHC đã nêu rõ."]
    )  # fmt: skip
    found = extracted(text)
    assert found.header.number is None
    assert [c.number.symbol for c in found.citations] == ["7/BC-UBND"]


# --- 2. one date after two documents ----------------------------------------------------------


@st.composite
def two_then_date(draw: st.DrawFn) -> tuple[str, dt.date]:
    day = _day(draw, 2022)
    a, b = draw(st.lists(st.integers(1, 500), min_size=2, max_size=2, unique=True))
    first = draw(st.sampled_from([f"Quyết định số {a}/QĐ-UBND", f"Kế hoạch số {a}/KH-UBND"]))
    join = draw(st.sampled_from([" và ", ", "]))
    text = (
        f"Thực hiện {first}{join}Kế hoạch số {b}/KH-UBND ngày {day:%d/%m/%Y} của UBND huyện "
        "về cải cách hành chính, xã đã triển khai đầy đủ."
    )
    return text, day


@SETTINGS
@given(two_then_date())
def test_one_date_after_two_documents_dates_both_and_asks_to_check(
    case: tuple[str, dt.date],
) -> None:
    text, day = case
    found = extracted(text, 2022)
    assert [c.date for c in found.citations] == [day, day]
    first, second = found.citations
    assert first.date_shared_with == second.number and second.date_shared_with is None
    draft = build_draft(found, [], found.unit, 2022)
    assert any(
        first.number.symbol in w and "đã lấy chung ngày" in w and second.number.symbol in w
        for w in draft.warnings
    )


def test_a_date_is_not_shared_across_issuers_or_years_or_over_its_own() -> None:
    other_issuer = extracted(
        "Thực hiện Nghị định số 61/2018/NĐ-CP và Kế hoạch số 4/KH-UBND ngày 20/01/2022 của UBND.",
        2022,
    )
    assert [c.date for c in other_issuer.citations] == [None, dt.date(2022, 1, 20)]
    other_year = extracted(
        "Thực hiện Quyết định số 12/2020/QĐ-UBND và Quyết định số 4/QĐ-UBND ngày 20/01/2022.",
        2022,
    )
    assert [c.date for c in other_year.citations] == [None, dt.date(2022, 1, 20)]
    dated_elsewhere = extracted(
        "Quyết định số 72/QĐ-UBND ngày 05/01/2022 của UBND xã về ISO. Thực hiện Quyết định số "
        "72/QĐ-UBND và Kế hoạch số 4/KH-UBND ngày 20/01/2022, xã đã làm.",
        2022,
    )
    dates = {c.number.symbol: c.date for c in dated_elsewhere.citations}
    assert dates == {"72/QĐ-UBND": dt.date(2022, 1, 5), "4/KH-UBND": dt.date(2022, 1, 20)}


def test_a_date_shared_along_a_list_reaches_every_undated_document() -> None:
    found = extracted(
        "Căn cứ Kế hoạch số 3/KH-UBND, Kế hoạch số 8/KH-UBND và Quyết định số 9/QĐ-UBND "
        "ngày 20/01/2022 của UBND huyện, xã đã triển khai.",
        2022,
    )
    assert [c.date for c in found.citations] == [dt.date(2022, 1, 20)] * 3
    assert all(c.issuer == "UBND huyện" for c in found.citations)


# --- 3. received and resolved, all of them ---------------------------------------------------

ALL_RESOLVED = [
    "đã tiếp nhận và giải quyết {N} hồ sơ TTHC; theo đó, 100% hồ sơ đều được giải quyết "
    "sớm hạn và đúng hạn.",
    "tiếp nhận và giải quyết {N} hồ sơ, đạt tỷ lệ 100% hồ sơ giải quyết đúng hạn.",
    "đã tiếp nhận và giải quyết {N} hồ sơ, tỷ lệ giải quyết đúng hạn đạt 100%.",
]
NOT_SAID = [
    "đã tiếp nhận và giải quyết {N} hồ sơ TTHC.",
    "tiếp nhận và giải quyết {N} hồ sơ, trong đó giải quyết đúng hạn đạt 99,5%.",
    "tiếp nhận và giải quyết {N} hồ sơ, 100% hồ sơ được tiếp nhận trên phần mềm.",
]


@SETTINGS
@given(st.sampled_from(ALL_RESOLVED), st.sampled_from(PLACES), st.integers(20, 90_000))
def test_received_and_resolved_all_of_them(form: str, place: str, count: int) -> None:
    got = written(f"Năm 2024, UBND xã {place} " + form.format(N=n(count)))
    assert got.get("ho_so_tiep_nhan") == count
    assert got.get("ho_so_da_giai_quyet") == count


@SETTINGS
@given(st.sampled_from(NOT_SAID), st.sampled_from(PLACES), st.integers(20, 90_000))
def test_handled_without_all_resolved_writes_no_resolved_count(
    form: str, place: str, count: int
) -> None:
    got = written(f"Năm 2024, UBND xã {place} " + form.format(N=n(count)))
    assert "ho_so_da_giai_quyet" not in got
    assert got.get("ho_so_tiep_nhan", count) == count


@st.composite
def handled_with_parts(draw: st.DrawFn) -> tuple[str, int, dict[str, int], bool]:
    """ "tiếp nhận và giải quyết N hồ sơ, trong đó …": the resolved parts, adding up to N or
    (`adds`=False) to less."""
    early, on_time = draw(st.integers(1, 9_000)), draw(st.integers(0, 9_000))
    late = draw(st.integers(0, 50))
    adds = draw(st.booleans())
    total = early + on_time + late + (0 if adds else draw(st.integers(1, 500)))
    form = draw(st.sampled_from([
        "tiếp nhận và giải quyết {N} hồ sơ, trong đó: giải quyết trước hạn {E} hồ sơ, đúng hạn "
        "{O} hồ sơ, trễ hạn {L} hồ sơ.",
        "đã tiếp nhận và giải quyết {N} hồ sơ (trước hạn {E} hồ sơ; đúng hạn {O} hồ sơ; quá hạn "
        "{L} hồ sơ).",
    ]))  # fmt: skip
    text = "Năm 2024, UBND xã " + form.format(N=n(total), E=n(early), O=n(on_time), L=n(late))
    return text, total, {"ho_so_truoc_han": early, "ho_so_dung_han": on_time}, adds


@SETTINGS
@given(handled_with_parts())
def test_handled_records_whose_resolved_parts_add_up_were_all_resolved(
    case: tuple[str, int, dict[str, int], bool],
) -> None:
    text, total, parts, adds = case
    got = written(text)
    if adds:
        assert got.get("ho_so_da_giai_quyet") == total
    else:  # the parts leave some out: how many were resolved is not said
        assert "ho_so_da_giai_quyet" not in got
    for variable, value in parts.items():
        assert got.get(variable, value) == value


def test_a_zero_said_with_the_abbreviation_hs() -> None:
    got = written(
        "Năm 2024, UBND phường tiếp nhận 3.125 HS, giải quyết 3.100 HS, không có HS trễ hạn."
    )
    assert got.get("ho_so_tre_han") == 0 and got.get("ho_so_da_giai_quyet") == 3100


@SETTINGS
@given(st.integers(100, 9_000), st.integers(1, 90), st.integers(0, 9))
def test_the_item_after_the_records_in_progress_is_the_periods(
    resolved: int, open_: int, late: int
) -> None:
    text = (
        f"Năm 2024, UBND xã đã tiếp nhận tổng cộng {n(resolved + open_)} hồ sơ; đã giải quyết "
        f"xong {n(resolved)} hồ sơ; đang giải quyết {n(open_)} hồ sơ; số hồ sơ quá hạn: {n(late)}."
    )
    got = written(text)
    assert got.get("ho_so_dang_giai_quyet") == open_
    assert got.get("ho_so_tre_han", late) == late
    assert "ho_so_dang_giai_quyet_qua_han" not in got


def test_a_part_of_the_records_in_progress_is_still_theirs() -> None:
    got = written("Năm 2024, UBND xã đang giải quyết 40 hồ sơ; trong đó quá hạn 3 hồ sơ.")
    assert "ho_so_tre_han" not in got


# --- 5. a total told again by level ----------------------------------------------------------

BY_LEVEL = [
    "Năm 2024, toàn huyện tiếp nhận {T} hồ sơ. Trong đó cấp huyện tiếp nhận {A} hồ sơ, cấp xã "
    "tiếp nhận {B} hồ sơ.",
    "Năm 2024, UBND huyện đã tiếp nhận {T} hồ sơ, trong đó cấp huyện {A} hồ sơ, cấp xã {B} hồ sơ.",
    "Năm 2024, UBND xã tiếp nhận {T} hồ sơ. Trong đó: cấp xã tiếp nhận {A} hồ sơ; liên thông cấp "
    "huyện {B} hồ sơ.",
]


@SETTINGS
@given(st.sampled_from(BY_LEVEL), st.integers(10, 40_000), st.integers(10, 40_000))
def test_a_total_told_again_by_level_keeps_the_total(form: str, a: int, b: int) -> None:
    got = written(form.format(T=n(a + b), A=n(a), B=n(b)))
    assert got.get("ho_so_tiep_nhan", a + b) == a + b


def test_a_total_told_again_by_level_is_written() -> None:
    got = written(BY_LEVEL[0].format(T="45.678", A="12.345", B="33.333"))
    assert got.get("ho_so_tiep_nhan") == 45678


# --- 6. the deadline named in full -----------------------------------------------------------

FULL_DEADLINE = [
    "Số hồ sơ đã giải quyết {R} hồ sơ, gồm trả trước thời hạn {E} hồ sơ, trả đúng thời hạn {O} "
    "hồ sơ, trả quá thời hạn {L} hồ sơ.",
    "đã giải quyết {R} hồ sơ, trong đó trước thời hạn {E} hồ sơ, đúng thời hạn {O} hồ sơ, trễ "
    "thời hạn {L} hồ sơ.",
]


@SETTINGS
@given(st.sampled_from(FULL_DEADLINE), st.integers(1, 9_000), st.integers(1, 9_000),
       st.integers(0, 90))  # fmt: skip
def test_the_deadline_named_in_full(form: str, early: int, on_time: int, late: int) -> None:
    total = early + on_time + late
    got = written(
        "Năm 2024, UBND xã " + form.format(R=n(total), E=n(early), O=n(on_time), L=n(late))
    )
    assert got.get("ho_so_da_giai_quyet") == total
    assert got.get("ho_so_truoc_han") == early and got.get("ho_so_dung_han") == on_time
    assert got.get("ho_so_tre_han", late) == late


# --- 4. the stored item's annotations ----------------------------------------------------------


def test_the_annotation_lines_of_a_stored_item_are_no_text_of_the_page(tmp_path: Path) -> None:
    item = tmp_path / "u99.txt"
    item.write_text(
        "# Nguồn: https://example.gov.vn/bao-cao\n"
        "# Danh mục văn bản của Kế hoạch 667/KH-SKHĐT, lưu nguyên như trang đăng.\n"
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 02/01/2022 của UBND tỉnh.\n",
        encoding="utf-8",
    )
    source = page_text(item)
    assert source.lines[:2] == ("", "") and source.lines[2].startswith("Căn cứ")
    found = extract_source(source, year=2022)
    assert [c.number.symbol for c in found.citations] == ["12/KH-UBND"]
    assert found.citations[0].mentions[0].line == 3  # the file's own line numbers


def test_the_server_draft_from_a_report_asks_to_check_a_shared_date_too() -> None:
    from cchc_index.server.proposals import to_check

    found = extracted(
        "Thực hiện Quyết định số 72/QĐ-UBND và Kế hoạch số 4/KH-UBND ngày 20/01/2022 của "
        "UBND huyện, xã đã triển khai.",
        2022,
    )
    notes = to_check(found)
    assert any("72/QĐ-UBND" in note and "đã lấy chung ngày 20/01/2022" in note for note in notes)
