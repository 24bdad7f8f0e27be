"""Every document a report cites: number and symbol, kind, date, issuer, subject, where.

A citation is found by its symbol (`452/KH-UBND`, `61/2018/NĐ-CP`, `49-NQ/ĐU`, `1301/UBND`);
what follows it in the same clause gives the date (`ngày 04/12/2019`, `ngày 14 tháng 9 năm
2020`, also after the issuer), the issuing body (`của UBND tỉnh`) and the subject (`về …`,
`V/v …`); what precedes it gives the title and who issued it (`UBND xã đã ban hành …`).
The same document cited twice is one item; the same number with two dates is two.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cchc_index.docnumber import DocKind, DocNumber, ascii_key, kind_from_text, parse_doc_number
from cchc_index.extract.after import read_after
from cchc_index.extract.flat import UP, FlatText, vkey
from cchc_index.extract.patterns import (
    AGENCY_STARTS,
    DATE,
    DATED,
    DATED_NO_YEAR,
    ISSUER_STOPS,
    LETTER_TITLES,
    LOWER_CASE_VERBS,
    SYMBOL,
    TITLE_BEFORE,
    symbol_text,
    to_date,
)
from cchc_index.extract.unit import Unit

EXPLICIT, CONTEXT, CODE = 3, 2, 1  # how an issuer was learnt, strongest first


@dataclass(frozen=True)
class Mention:
    """One place a document is cited: offset, line and the sentence around it."""

    offset: int
    line: int
    sentence: str


@dataclass(frozen=True)
class Citation:
    """A cited document; `issuer` is None when it is the reporting unit's own."""

    number: DocNumber
    date: dt.date | None
    issuer: str | None
    subject: str | None
    mentions: tuple[Mention, ...]
    date_assumed: bool = False  # "ngày 20/11": the year is the report's, to be checked
    # "Quyết định số 72/QĐ-UBND và Kế hoạch số 04/KH-UBND ngày 20/01/2022": one date written
    # after two documents; the first takes it from the second, to be checked
    date_shared_with: DocNumber | None = None
    # "số 118/2025/NĐ-CP ngày 01 tháng 7 năm 2017": the date the report wrote, set aside
    # because it is not of the year in the symbol
    date_set_aside: dt.date | None = None

    @property
    def kind(self) -> DocKind:
        return self.number.kind

    @property
    def own(self) -> bool:
        return self.issuer is None

    @property
    def line(self) -> int:
        return self.mentions[0].line


@dataclass
class _Found:
    number: DocNumber
    date: dt.date | None
    issuer: str | None
    rank: int
    subject: str | None
    mention: Mention
    date_assumed: bool = False
    end: int = 0  # where its symbol ends in the text
    date_shared_with: DocNumber | None = None
    date_set_aside: dt.date | None = None  # a date written for it in another year than its own


_CLAUSE_START = re.compile(rf";|\||\t|[.!?]\s+(?={UP})|\n\s*\n|\n\s*[-+•]\s")
_BY_WHOM = re.compile(
    # ("chọn ngày ban hành Nghị quyết 06/TU": the day of its issue, a noun, names no issuer)
    r"(?i)(?:đã\s+ban(?:\s+hành)?|(?<!ngày\s)ban\s+hành|đã\s+có)(?!\s+kèm)\b"
    # "UBND huyện Quảng Điền có Công văn số …": "có" before a document's title
    r"|(?<!\w)(?-i:có)(?=\s+(?-i:[A-ZĐ]))"
)
# "Ngày 11/5/2016, UBND tỉnh ban hành Kế hoạch số …": the date before the issuer and title.
# "Ngày 16/6/2025 đánh dấu … khi Ủy ban Thường vụ Quốc hội thông qua Nghị quyết số …": the body
# after "khi" ("when") adopts it on that day.
_BEFORE_TAIL = (
    r"\s*,?\s*(?P<who>[^,;:()\n]{0,120}?)\s*"
    r"(?:đã\s+)?(?:ban\s+hành|có|ký|thông\s+qua)\s+(?P<title>[^,;:()\d\n]{0,30}?)\s*"
    r"(?:số\s*:?\s*)?$"
)
_DATED_BEFORE = re.compile(rf"(?:ngày|Ngày|NGÀY)\s*(?P<date>{DATE.pattern})" + _BEFORE_TAIL)
# "Ngày 29-9, UBND thành phố có văn bản số …": no year, the report's (the draft says so)
_DAY_MONTH_BEFORE = re.compile(
    r"(?:ngày|Ngày|NGÀY)\s*(?P<day>\d{1,2})\s*[/.\-]\s*(?P<month>\d{1,2})(?![\d/.\-])"
    + _BEFORE_TAIL
)
_WHEN = re.compile(r"^.*\skhi\s+", re.DOTALL)
_UPPER_CODE = re.compile(r"[A-ZĐ][A-ZĐ0-9&]*(?:-[A-ZĐ0-9&]+)*")
# Forms and annexes are numbered like documents: "Mẫu số 01/TTHC", "Biểu 02/CCHC".
_FORM_BEFORE = re.compile(r"(?i)(?:mẫu|biểu|phụ\s+lục|tờ\s+khai|form)\s*(?:số\s*)?[:.]?\s*$")


def find_citations(
    flat: FlatText, unit: Unit, skip: tuple[tuple[int, int], ...] = (), year: int | None = None
) -> list[Citation]:
    """All citations in the text, merged, in order of first mention; `year` (the report's)
    completes a date written without one ("ngày 20/11"), and such a date is flagged."""
    text = flat.text
    matches = [m for m in SYMBOL.finditer(text) if not _inside(m.start(), skip)]
    found: list[_Found] = []
    for index, match in enumerate(matches):
        limit = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        item = _read(flat, match, limit, unit, year)
        if item is not None:
            if found:
                _share_issuer(text, found[-1], item)
            found.append(item)
    dated_alone = {item.number.key for item in found if item.date is not None}
    for index in range(len(found) - 1, 0, -1):  # last first: a list shares back in a chain
        _share_back(text, found[index - 1], found[index])
        if found[index - 1].number.key not in dated_alone:  # its own date elsewhere wins
            _share_date(text, found[index - 1], found[index])
    return merge(found)


def _share_issuer(text: str, previous: _Found, item: _Found) -> None:
    """ "UBND tỉnh đã ban hành Kế hoạch số 12/KH-UBND …, Quyết định số 34/QĐ-UBND … và Công
    văn số 56/UBND-NV …": the documents listed after "X ban hành" in one clause are all X's,
    unless one names its own issuer, in words or by a known body's code in its symbol ("… đã
    ban hành Quyết định số 685/QĐ-UBND … chọn ngày ban hành Nghị quyết 06/TU": the Tỉnh ủy's)."""
    start, end = previous.mention.offset, item.mention.offset
    coded = item.issuer is not None and item.issuer != item.number.issuer
    if (
        item.rank == CODE
        and not coded
        and previous.rank == CONTEXT
        and end - start < 400
        and _CLAUSE_START.search(text, start, end) is None
    ):
        item.issuer, item.rank = previous.issuer, CONTEXT


# Between two documents of one list: the first one's date, then "," or "và", the next title.
_JOINED = re.compile(r"[\s,()]*(?:(?:,|\bvà\b)\s*(?:các\s+)?)?(?:[sS]ố\s*:?\s*)?")


def _share_back(text: str, earlier: _Found, later: _Found) -> None:
    """ "Kế hoạch số 15/KH-UBND ngày 3/1/2024 và Kế hoạch số 20/KH-UBND ngày 10/1/2024 của
    UBND huyện": an issuer named after the last document of a list joined by "," or "và" is
    every listed document's that names none, when their symbols share its code."""
    if earlier.rank != CODE or later.rank == CODE or later.issuer is None:
        return
    if not _same_code(earlier.number, later.number):
        return
    between = text[earlier.end : later.mention.offset]
    if len(between) > 120:
        return
    dated = DATED.match(between.lstrip(" ,(")) or DATED_NO_YEAR.match(between.lstrip(" ,("))
    rest = between.lstrip(" ,(")[dated.end() :] if dated else between
    if _only_joined(rest):
        earlier.issuer, earlier.rank = later.issuer, CONTEXT


def _same_code(one: DocNumber, other: DocNumber) -> bool:
    """Symbols of one issuing code (`…/QĐ-UBND`, `…/KH-UBND`)."""
    return ascii_key(one.issuer).split("-")[0] == ascii_key(other.issuer).split("-")[0]


def _only_joined(between: str) -> bool:
    """Nothing but "," or "và" and the next document's title between two documents."""
    title = TITLE_BEFORE.search(between)
    return _JOINED.fullmatch(between[: title.start()] if title else between) is not None


def _share_date(text: str, earlier: _Found, later: _Found) -> None:
    """ "Quyết định số 72/QĐ-UBND và Kế hoạch số 04/KH-UBND ngày 20/01/2022": a date written
    once after documents joined by "," or "và" is every undated one's, when their symbols share
    the issuing code and a year in the earlier symbol is the date's; flagged to be checked."""
    if earlier.date is not None or later.date is None:
        return
    if earlier.number.year is not None and earlier.number.year != later.date.year:
        return
    between = text[earlier.end : later.mention.offset]
    if not _same_code(earlier.number, later.number) or len(between) > 80:
        return
    if not _only_joined(between):
        return
    earlier.date, earlier.date_assumed = later.date, later.date_assumed
    earlier.date_shared_with = later.date_shared_with or later.number


def _inside(offset: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _read(
    flat: FlatText, match: re.Match[str], limit: int, unit: Unit, year: int | None
) -> _Found | None:
    text = flat.text
    raw = symbol_text(match)
    try:
        number = parse_doc_number(raw)
    except ValueError:
        return None
    clause = _clause_before(text, match.start())
    if _FORM_BEFORE.search(text, max(0, match.start() - 30), match.start()):
        return None  # "Mẫu số 01/TTHC", "Phụ lục 03/BC": a form, not a document
    if number.kind is DocKind.CV and not LETTER_TITLES.search(clause):
        code = number.issuer
        if not (_UPPER_CODE.fullmatch(code) and sum(c.isalpha() for c in code) > 1):
            return None
        if kind_from_text(code) is not None:
            return None  # "15/KH" is a kind with no issuer, not a letter of a body "KH"
    date, issuer, subject, assumed = read_after(text, match.end(), limit, number, year)
    if date is None:
        date, assumed = _date_before(clause, year)
    amended = _AMENDED_LIST.search(clause)
    if date is not None and amended is not None and SYMBOL.search(clause, amended.end()):
        # "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, … và Luật Các tổ
        # chức tín dụng số 32/2024/QH15 ngày 29 tháng 6 năm 2024": the amending law's date
        date, assumed = None, False
    set_aside = None
    if date is not None and number.year is not None and date.year != number.year:
        # "Luật … số 77/2015/QH13 ngày 22/11/2019": a document numbered in 2015 was issued in
        # 2015; the date is another's (here the amending law's) or a slip: to be checked
        date, assumed, set_aside = None, False, date
    rank = EXPLICIT
    if issuer is None:
        issuer, rank = _by_whom(clause), CONTEXT
    if issuer is None:
        rank = CODE
        issuer = "" if unit.owns_code(number) else unit.code_issuer(number)
    outside = None if issuer == "" or unit.is_self(issuer) else issuer
    mention = Mention(match.start(), flat.line_of(match.start()), flat.sentence(*match.span()))
    return _Found(
        number, date, outside, rank, subject, mention, assumed, match.end(),
        date_set_aside=set_aside,
    )  # fmt: skip


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 240) : start]
    cut = 0
    for boundary in _CLAUSE_START.finditer(window):
        cut = boundary.end()
    return window[cut:]


def _date_before(clause: str, year: int | None) -> tuple[dt.date | None, bool]:
    """ "Ngày 06/01/2023, UBND phường Long Anh đã có Quyết định số": the date named first,
    when only an issuing body, a verb and the title stand between it and the number; a day
    and month with no year ("Ngày 29-9, …") take the report's `year`, flagged as assumed."""
    found = _DATED_BEFORE.search(clause[-200:])
    partial = None if found or year is None else _DAY_MONTH_BEFORE.search(clause[-200:])
    match = found or partial
    if match is None:
        return None, False
    who = _WHEN.sub("", match["who"]).strip()
    if who and not (vkey(who) + " ").startswith(AGENCY_STARTS):
        return None, False
    if found is not None:
        return to_date(found["date"]), False
    try:
        return dt.date(year or 0, int(match["month"]), int(match["day"])), True
    except ValueError:
        return None, False


# "… sửa đổi, bổ sung (một số điều) của": the laws listed after it are the amended ones.
_AMENDED_LIST = re.compile(r"(?i)sửa\s+đổi,?\s+bổ\s+sung\s+(?:một\s+số\s+điều\s+)?của\s")
_IN_A_NAME = re.compile(r"(?:Luật|Pháp lệnh|Bộ luật)\s*$")


def _by_whom(clause: str) -> str | None:
    """ "UBND xã đã ban hành Kế hoạch số …": the body before "ban hành", "" if none named."""
    # "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15": "Ban hành" in a title's name
    hits = [h for h in _BY_WHOM.finditer(clause) if not _IN_A_NAME.search(clause, 0, h.start())]
    last = hits[-1] if hits else None
    if last is None or len(clause) - last.end() > 60:
        return None
    words = re.split(r"[,;:()]", clause[: last.start()])[-1].split()[-9:]
    for i in range(len(words)):
        phrase = " ".join(w.strip(",;:-+*") for w in words[i:]).strip()
        if phrase and (vkey(phrase) + " ").startswith(AGENCY_STARTS):
            return _up_to_a_verb(phrase)
    # "… đã ban hành Kế hoạch số …" with no body named: the report's own subject, the unit;
    # "Đã có Công văn số …" says only that the document exists, not who issued it
    return None if vkey(last.group(0)).endswith("có") else ""


def _up_to_a_verb(phrase: str) -> str:
    """ "Ủy ban nhân dân huyện đã xây dựng và": the body, without the verbs after its name."""
    words = phrase.split()
    for index, word in enumerate(words[1:], start=1):
        if vkey(word) in ISSUER_STOPS or tuple(words[index : index + 2]) in LOWER_CASE_VERBS:
            return " ".join(words[:index])
    return phrase


def merge(found: list[_Found]) -> list[Citation]:
    """One item per (number, date); an undated mention joins the dated item of its number."""
    groups: dict[tuple[object, dt.date | None], list[_Found]] = {}
    for item in found:
        groups.setdefault((item.number.key, item.date), []).append(item)
    dated: dict[object, tuple[object, dt.date | None]] = {}
    for key, date in groups:
        if date is not None:
            dated.setdefault(key, (key, date))
    for (key, date), items in list(groups.items()):
        if date is None and key in dated:
            groups[dated[key]].extend(items)
            del groups[(key, date)]
    citations = [_combine(items) for items in groups.values()]
    return sorted(citations, key=lambda c: c.mentions[0].offset)


def _combine(items: list[_Found]) -> Citation:
    items = sorted(items, key=lambda f: f.mention.offset)
    best = max(items, key=lambda f: f.rank)  # max keeps the first of equal ranks
    dated = next((f for f in items if f.date is not None), items[0])
    subject = next((f.subject for f in items if f.subject), None)
    mentions = tuple(f.mention for f in items)
    set_aside = next((f.date_set_aside for f in items if f.date_set_aside), None)
    return Citation(
        dated.number, dated.date, best.issuer, subject, mentions, dated.date_assumed,
        dated.date_shared_with, None if dated.date else set_aside,
    )  # fmt: skip
