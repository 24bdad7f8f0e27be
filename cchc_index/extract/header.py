"""The header of an official document: its number (Số: 385/BC-UBND), the place and date
line (Quảng An, ngày 14 tháng 9 năm 2020), its kind (BÁO CÁO) and subject (trích yếu)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from cchc_index.docnumber import DocKind, DocNumber, kind_from_text, parse_doc_number
from cchc_index.extract.flat import FlatText, vkey
from cchc_index.extract.patterns import AGENCY_STARTS, DATE, SYMBOL, symbol_text, to_date

HEADER_LINES = 40
# "Số: 385/BC-UBND" opening a line (or a cell), or "Số:" with its colon after other words.
# "S: 5157/QĐ-UBND": the "ố" lost in conversion, the colon kept.
_NUMBER = re.compile(r"(?:^[\s|*_]*(?:Số|SỐ|S(?=\s*:))\s*:?|(?<=\s)(?:Số|SỐ)\s*:)\s*(?=\d)", re.M)
_PLACE_DATE = re.compile(rf",\s*(?:ngày|Ngày|NGÀY)\s*(?P<date>{DATE.pattern})")
_ABOUT = re.compile(r"^(?:[vV]\s*/\s*[vV]|[vV]ề\s+việc|VỀ\s+VIỆC)\s*:?\s*")
# A title runs on until the body starts; capitalised, these words open a body sentence, in
# lower case they continue a title ("… theo tiêu chuẩn ISO 9001:2015").
_BODY_STARTS = (
    "Căn cứ", "căn cứ", "Thực hiện", "Kính gửi", "PHẦN", "Phần ", "I.", "I ", "Trong ", "Để ",
    "Theo ", "Nhằm ", "Xét ", "---", "___", "***", "===",
)  # fmt: skip
# Two header columns merged on one line by a PDF: "UBND XÃ QUẢNG AN CỘNG HÒA XÃ HỘI …"
# A page that posts a report without its header names it in its opening line instead:
# "Báo cáo số 228/ BC-UBND ngày 05/12/2023 của UBND phường Hà Phong về …". Only a report names
# itself so; "Kế hoạch số …" opening a report is a document the report is about.
_SELF_NAMED = re.compile(r"^[\s|*_]*(?:Báo cáo|BÁO CÁO)\s+(?:số|SỐ)\s*:?\s*(?=\d)")
_SELF_NAMED_LINES = 4  # the opening lines with words, a page's title first
_MOTTO = re.compile(r"\s*(?:CỘNG\s+HÒA|CỘNG\s+HOÀ|ĐẢNG\s+CỘNG\s+SẢN)")
# the motto, also its second line alone where a page breaks it ("CHỦ NGHĨA VIỆT NAM")
_NATIONAL = ("cộng hòa", "cộng hoà", "chủ nghĩa việt nam", "độc lập", "đảng cộng sản", "---")
# a line that opens on the state's motto (a document's header stands beside it)
_MOTTO_LINE = re.compile(r"^[\s|*_]*(?:CỘNG\s+HÒA|CỘNG\s+HOÀ)")
_CARD_LINES = 200  # how far down a page's own header is looked for
_ABOVE_MOTTO = 12  # the agency's lines and "Số:" stand beside or just above the motto


@dataclass(frozen=True)
class DocHeader:
    """What a document says about itself; any field may be missing."""

    number: DocNumber | None = None
    number_span: tuple[int, int] | None = None
    number_line: int | None = None
    place: str | None = None
    date: dt.date | None = None
    date_line: int | None = None
    kind: DocKind | None = None
    subject: str | None = None
    agency: str | None = None

    @property
    def doc_kind(self) -> DocKind | None:
        return self.number.kind if self.number is not None else self.kind


def read_header(flat: FlatText, max_lines: int = HEADER_LINES) -> DocHeader:
    """Read the header from the first lines of a document; where the national motto stands
    further down with no number above it (a legal library's page puts its index card first),
    from the lines around the motto."""
    header = _read_zone(flat, 0, max_lines)
    motto = next(
        (i for i in range(min(len(flat.lines), _CARD_LINES)) if _MOTTO_LINE.match(flat.lines[i])),
        None,
    )
    if (
        motto is not None
        and motto > _ABOVE_MOTTO
        and not (header.number_line is not None and header.number_line <= motto - _ABOVE_MOTTO)
    ):  # no header of its own above the motto: what comes first is a page's card
        later = _read_zone(flat, motto - _ABOVE_MOTTO, max_lines)
        if later.number is not None:
            return later
    return header if header.number is not None else _with_card(flat, header)


# A legal library's index card: "**Số hiệu:**", then (after cell marks) "6225/BVHTTDL-VP".
_CARD_LABEL = re.compile(
    r"^[\s|*_]*(?P<label>Số hiệu|Nơi ban hành|Ngày ban hành)[\s*_]*:[\s*_|]*$", re.IGNORECASE
)
_CARD_VALUE_LINES = 4  # the value stands within a few lines below its label


def _with_card(flat: FlatText, header: DocHeader) -> DocHeader:
    """The header completed from an index card, where the page gives no "Số:" of its own: its
    number ("Số hiệu"), issuing body ("Nơi ban hành") and date ("Ngày ban hành")."""
    values: dict[str, tuple[str, int]] = {}
    for index, line in enumerate(flat.lines[:_CARD_LINES]):
        label = _CARD_LABEL.match(line)
        if label is None:
            continue
        for below in range(index + 1, min(len(flat.lines), index + 1 + _CARD_VALUE_LINES)):
            value = flat.lines[below].strip(" |*_\t")
            if value:
                values.setdefault(vkey(label["label"]), (value, below))
                break
    if "số hiệu" not in values:
        return header
    value, index = values["số hiệu"]
    start = flat.starts[index] + flat.lines[index].index(value)
    read = _number_at(flat.text, start)
    if read is None or read[1][1] - read[1][0] != len(value):
        return header  # the cell holds more than a number
    body = values.get("nơi ban hành")
    date, date_line = header.date, header.date_line
    if date is None and "ngày ban hành" in values:
        written, at = values["ngày ban hành"]
        date = to_date(written)
        date_line = at + 1 if date is not None else None
    return replace(
        header, number=read[0], number_span=read[1], number_line=index + 1,
        agency=body[0] if body else header.agency, date=date, date_line=date_line,
    )  # fmt: skip


def _read_zone(flat: FlatText, first: int, max_lines: int) -> DocHeader:
    """The header read from `max_lines` lines starting at line index `first`."""
    count = min(len(flat.lines) - first, max_lines)
    last = first + count - 1
    zone_start = flat.starts[first] if count > 0 else 0
    zone_end = flat.starts[last] + len(flat.lines[last]) if count > 0 else 0
    text = flat.text
    number = span = line = None
    for found in _NUMBER.finditer(text, zone_start, zone_end):
        read = _number_at(text, found.end())
        if read is not None:
            number, span = read
            line = flat.line_of(span[0])
            break
    if number is None and first == 0:
        number, span, line = _self_named(flat)
    place = date = date_line = None
    for placed in _PLACE_DATE.finditer(text, zone_start, zone_end):
        line_start = flat.starts[flat.line_of(placed.start()) - 1]
        run = _trailing_capitals(text[line_start : placed.start()].split())
        if run:  # "Quảng An, ngày …", not "… 452/KH-UBND, ngày …"
            place = " ".join(run)
            date, date_line = to_date(placed["date"]), flat.line_of(placed.start())
            break
    by = None
    if date is None and line is not None and span is not None:  # a self-named report
        dated = _DATED_AFTER.match(text, span[1])
        if dated is not None and flat.line_of(dated.start()) == line:
            date, date_line = to_date(dated["date"]), line
            by = _BY.match(text, dated.end())
    kind, subject = _kind_and_subject(flat.lines[first : first + count + 10])
    agency = _agency(flat.lines[first : (line or first + count)])
    if agency is None and by is not None and (vkey(by["who"]) + " ").startswith(AGENCY_STARTS):
        agency = by["who"]  # "… ngày 05/12/2023 của UBND phường Hà Phong về …"
    return DocHeader(number, span, line, place, date, date_line, kind, subject, agency)


_DATED_AFTER = re.compile(rf",?\s*(?:ngày|Ngày|NGÀY)\s*(?P<date>{DATE.pattern})")
_BY = re.compile(r"\s*,?\s*của\s+(?P<who>[^;,.\n]{3,80}?)\s+(?:về|V/v|v/v)\s")


def _self_named(flat: FlatText) -> tuple[DocNumber | None, tuple[int, int] | None, int | None]:
    """A report named by its own opening line, when the page gives no "Số:" header."""
    seen = 0
    for index, line in enumerate(flat.lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        seen += 1
        if seen > _SELF_NAMED_LINES:
            break
        opening = _SELF_NAMED.match(line)
        read = _number_at(line, opening.end()) if opening else None
        if read is not None and read[0].kind is DocKind.BC:
            start = flat.starts[index]
            return read[0], (start + read[1][0], start + read[1][1]), index + 1
    return None, None, None


def _number_at(text: str, pos: int) -> tuple[DocNumber, tuple[int, int]] | None:
    """The document number and symbol starting at `pos`, with its span, if one reads there."""
    symbol = SYMBOL.match(text, pos)
    if symbol is None:
        return None
    try:
        return parse_doc_number(symbol_text(symbol)), symbol.span()
    except ValueError:
        return None


def _trailing_capitals(words: list[str]) -> list[str]:
    run: list[str] = []
    for word in reversed(words[-5:]):
        core = word.strip("*_\"'“”()|")
        if not core or not core[0].isupper() or core.endswith((",", ";", ":")):
            break
        run.insert(0, core)
    return run


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _kind_and_subject(lines: tuple[str, ...]) -> tuple[DocKind | None, str | None]:
    for index, line in enumerate(lines):
        text = line.strip(" |*_:\t")
        kind = kind_from_text(text) if _is_upper(text) else None
        if kind is not None:
            return kind, _subject(lines[index + 1 :])
    for line in lines:
        if _ABOUT.match(line.strip()):  # a letter: "V/v tăng cường …" under its number
            return None, _clean(line)
    return None, None


def _subject(lines: tuple[str, ...]) -> str | None:
    taken: list[str] = []
    for line in lines:
        text = line.strip(" |*_\t")
        if not text:
            if taken:
                break
            continue
        if (taken and _is_upper(text)) or text.startswith(_BODY_STARTS) or len(taken) == 4:
            break
        taken.append(text)
    return _clean(" ".join(taken)) if taken else None


def _clean(text: str) -> str | None:
    body = _ABOUT.sub("", " ".join(text.strip(" |*_").split())).strip(" ,;:")
    return body[0].upper() + body[1:] if len(body) > 2 else None


def _agency(lines: tuple[str, ...]) -> str | None:
    """The issuing body: the last upper-case line above the number ("UBND XÃ QUẢNG AN")."""
    found = None
    for line in lines[:12]:
        text = _MOTTO.split(line.split("Số")[0])[0].strip(" |*_\t")
        if (
            _is_upper(text)
            and not vkey(text).startswith(_NATIONAL)
            and len(text) < 80
            and SYMBOL.search(text) is None  # "6225/BVHTTDL-VP" on a card: a number, no body
        ):
            found = text
    return found
