"""What a person must check before trusting a draft's figures, each note saying what to check.

A figure goes to statistics.yaml only when it is certain: one value for the year, stated
exactly, that an assignment consistent with the report's other figures supports (the
relations of `relations`). Competing values the relations do not settle, rounded or
approximate ones, and figures no consistent assignment supports are listed here instead,
with the line of every value and the relations involved.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from cchc_index.extract.citations import Citation
from cchc_index.extract.relations import LABELS, READING_LABEL, RELATIONS
from cchc_index.extract.report import Reading
from cchc_index.i18n import tr
from cchc_index.text import format_date, format_number

Where = Callable[[int], str]


def shared_date_note(citation: Citation, where: str) -> str:
    """ "72/QĐ-UBND và 04/KH-UBND ngày 20/01/2022": the date written once, after the last
    document, was given to this one too; the person checks it."""
    assert citation.date is not None and citation.date_shared_with is not None
    other, day = citation.date_shared_with.symbol, format_date(citation.date)
    return tr(
        f"{citation.number.symbol} ({where}): báo cáo ghi một ngày sau cả văn bản này và "
        f"{other}; đã lấy chung ngày {day}, hãy kiểm tra",
        f"{citation.number.symbol} ({where}): the report writes one date after this document "
        f"and {other}; {day} was taken for both, check it",
    )


def set_aside_date_note(citation: Citation, where: str) -> str:
    """ "số 118/2025/NĐ-CP ngày 01 tháng 7 năm 2017": the date written is of another year than
    the one in the symbol; it was not taken, and the person checks which is wrong."""
    assert citation.date_set_aside is not None and citation.number.year is not None
    day, year = format_date(citation.date_set_aside), citation.number.year
    return tr(
        f"{citation.number.symbol} ({where}): báo cáo ghi ngày {day}, khác năm {year} trong số "
        "ký hiệu (ngày của văn bản khác, hoặc ghi nhầm); chưa lấy ngày này, hãy kiểm tra",
        f"{citation.number.symbol} ({where}): the report writes {day}, not in the year {year} "
        "of its symbol (another document's date, or a slip); not taken, check it",
    )


def reading_notes(reading: Reading, where: Where) -> list[str]:
    """Why this reading is not written as certain, naming the values and lines to check."""
    name = reading.variable
    now = reading.current
    if now is None:
        assert reading.previous is not None
        prev = reading.previous
        return [
            tr(
                f"{name}: báo cáo chỉ có số năm trước ({prev.value}, {where(prev.line)}); "
                "chưa ghi vào statistics.yaml, hãy bổ sung số năm nay",
                f"{name}: only last year's figure ({prev.value}, {where(prev.line)}); not "
                "written to statistics.yaml, add this year's",
            )
        ]
    listed = "; ".join(f"{f.value} ({where(f.line)})" for f in (now, *reading.others))
    vi, en = "; ".join(reading.doubt), "; ".join(LABELS.get(d, d) for d in reading.doubt)
    if reading.doubt == (READING_LABEL[0],) and not now.approximate:
        return [
            tr(
                f"{name}: {listed}: câu chữ có thể hiểu theo hai cách và các số liệu khác của "
                "báo cáo không phân định được; chưa ghi vào statistics.yaml, hãy đọc câu gốc rồi "
                "chọn",
                f"{name}: {listed}: the words allow two readings and the report's other figures "
                "do not settle which; not written to statistics.yaml, read the sentence and choose",
            )
        ]
    if reading.doubt and reading.others and not now.approximate:
        return [
            tr(
                f"{name}: báo cáo ghi nhiều số khác nhau ({listed}) và các số liệu khác của báo "
                f"cáo (theo quan hệ {vi}) không cho biết số nào là của đơn vị cho cả kỳ; chưa ghi "
                "vào statistics.yaml, hãy chọn",
                f"{name}: the report gives different figures ({listed}) and its other figures "
                f"(under {en}) do not tell which is the unit's for the whole period; not written "
                "to statistics.yaml, choose",
            )
        ]
    if reading.doubt and not now.approximate:
        return [
            tr(
                f"{name}: {listed} không khớp với các số liệu khác của báo cáo theo quan hệ "
                f"{vi}; chưa ghi vào statistics.yaml, hãy kiểm tra các số này",
                f"{name}: {listed} does not fit the report's other figures under "
                f"{en}; not written to statistics.yaml, check these figures",
            )
        ]
    if reading.others and not reading.settled:
        return [
            tr(
                f"{name}: báo cáo ghi nhiều số khác nhau ({listed}); chưa ghi vào "
                "statistics.yaml, hãy chọn số của cả kỳ đánh giá",
                f"{name}: the report gives different figures ({listed}); not written to "
                "statistics.yaml, choose the one for the whole period",
            )
        ]
    if now.approximate:
        return [
            tr(
                f"{name}: {now.value} ({where(now.line)}) là số làm tròn hoặc ước lượng; "
                "chưa ghi vào statistics.yaml, hãy lấy số chính xác từ phần mềm một cửa",
                f"{name}: {now.value} ({where(now.line)}) is rounded or approximate; not "
                "written to statistics.yaml, take the exact figure from the one-stop software",
            )
        ]
    return []


def arithmetic_notes(readings: tuple[Reading, ...], where: Where) -> list[str]:
    """Each relation the stated figures (certain or doubtful) break, with the figures and
    their lines: why the doubtful ones were not written."""
    certain = {
        r.variable: r.current
        for r in readings
        if r.current is not None and not r.current.approximate and (r.certain or r.doubt)
    }
    notes = []
    for relation in RELATIONS:
        parts, whole = relation.parts, relation.whole
        total = certain.get(whole)
        given = [certain[p] for p in parts if p in certain]
        if total is None or not given:
            continue
        added = sum((f.amount for f in given), Decimal(0))
        complete = len(given) == len(parts)
        if added > total.amount or (relation.exact and complete and added != total.amount):
            terms = " + ".join(f"{f.variable} {f.value} ({where(f.line)})" for f in given)
            notes.append(
                tr(
                    f"số liệu một cửa không khớp: {terms} = {format_number(added)}, nhưng "
                    f"{whole} là {total.value} ({where(total.line)}); hãy kiểm tra lại các số này",
                    f"one-stop figures do not add up: {terms} = {format_number(added)}, but "
                    f"{whole} is {total.value} ({where(total.line)}); check these figures",
                )
            )
    return notes
