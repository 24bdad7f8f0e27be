"""The header of an administrative document read tolerantly (NĐ 30/2020, Phụ lục I): the
issuing body above the number line (top left), the place-and-date line (top right), the kind
and the title (trích yếu) under them.

The text may come from OCR: letters of other alphabets are mapped (`fold.clean`), accents are
ignored where a word is only recognised ("thắng" is "tháng"), and a number is looked for by its
shape (452/KH-UBND) rather than only after "Số:", which OCR often misreads ("§6", "Sẽ").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from cchc_index.docnumber import KIND_TITLES, DocNumber, parse_doc_number
from cchc_index.verify.fold import clean, plain

HEADER_LINES = 40
_NUM = r"\d{1,5}[a-z]?"
_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,7}"
_SYMBOL = re.compile(
    rf"(?<![\d/])(?:(?P<pn>{_NUM})\s*-\s*(?P<pk>{_CODE})\s*/\s*(?P<pi>{_CODE}(?:\s*-\s*{_CODE})*)"
    rf"|(?P<n>{_NUM})\s*/\s*(?:(?P<y>(?:19|20)\d\d)\s*/\s*)?(?P<rest>{_CODE}(?:\s*-\s*{_CODE})*))"
)
# on the folded line: "ngay 04 thang 12 nam 2019"; OCR reads 0 as o and 1 as l or i
_D = r"[0-9oli]"
_WORDS_DATE = re.compile(
    rf"(?:\b(?:ngay|gay|ay)\s*)?\b(?P<d>{_D}{{1,2}})\s*thang\s*(?P<m>{_D}{{1,2}})\s*nam\s*(?P<y>{_D}{{4}})\b"
)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)")
_MOTTO = re.compile(
    r"\s*(?:\S*NG\s+H[ÒOÓ]A\s+X|C[ỘOÔ]NG\s+H[ÒOÓ]A|C[ỘO]NG\s+HOÀ|Độc\s+lập|ĐỘC\s+LẬP|ĐẢNG\s+CỘNG\s+SẢN)"
)
_NATIONAL = ("cong hoa", "doc lap", "dang cong san", "chu nghia viet nam", "tu do hanh phuc")
_BODY_TYPES = (
    "uy ban", "ubnd", "hoi dong", "hdnd", "chinh phu", "bo ", "so ", "ban ", "van phong",
    "phong ", "dang uy", "chi bo", "trung tam", "cong an", "thu tuong", "chu tich",
    "mat tran", "doan ", "hoi ", "tong cuc", "cuc ", "quoc hoi",
)  # fmt: skip
_BODY_STARTS = (
    "can cu", "thuc hien", "kinh gui", "phan ", "i ", "trong ", "de ", "theo ", "nham ", "xet ",
    "dieu 1", "a ", "muc dich",
)  # fmt: skip
_KIND_WORDS = {plain(title): title for title in KIND_TITLES.values()} | {"cong van": "Công văn"}
# words of a sentence citing another document, never of the place-and-date line
_CITING = re.compile(r"\b(?:can cu|luat|nghi dinh|thong tu|ban hanh|cua chinh phu)\b")
_ABOUT = re.compile(r"^(?:v\s*/\s*v|về\s+việc)\s*:?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class FileHeader:
    """What the file says about itself; a field is None when not found."""

    number: DocNumber | None = None
    number_text: str | None = None  # as read, for "the file says …"
    numbers: tuple[DocNumber, ...] = ()  # every number of the header zone
    date: dt.date | None = None
    date_text: str | None = None
    agency: str | None = None  # the issuing body (tên cơ quan ban hành)
    parent: str | None = None  # the governing body above it (cơ quan chủ quản)
    kind: str | None = None
    title: str | None = None
    lines: int = 0  # lines read in the header zone


def _digits(text: str) -> str:
    return text.replace("o", "0").replace("l", "1").replace("i", "1")


def _symbol_text(found: re.Match[str]) -> str:
    return re.sub(r"\s+", "", found.group(0))


def _parse(text: str) -> DocNumber | None:
    try:
        return parse_doc_number(text)
    except ValueError:
        return None


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _opens_body(line: str) -> bool:
    """A body sentence starts capitalised ("Căn cứ", "Theo"); in lower case the same words
    continue a title ("… theo cơ chế một cửa")."""
    return line[:1].isupper() and f"{plain(line)} ".startswith(_BODY_STARTS)


def header_zone(lines: list[str] | tuple[str, ...]) -> list[str]:
    """The cleaned first lines, up to the body's first sentence after a title."""
    zone: list[str] = []
    titled = False
    for raw in lines[: HEADER_LINES * 2]:
        line = clean(raw)
        if not line:
            continue
        key = plain(line)
        if titled and _opens_body(line):
            break
        if key in _KIND_WORDS or _ABOUT.match(line):
            titled = True
        zone.append(line)
        if len(zone) >= HEADER_LINES:
            break
    return zone


def read_file_header(lines: list[str] | tuple[str, ...]) -> FileHeader:
    zone = header_zone(lines)
    numbers: list[tuple[int, DocNumber, str]] = []
    for index, line in enumerate(zone):
        for found in _SYMBOL.finditer(line):
            parsed = _parse(_symbol_text(found))
            if parsed is not None:
                near_start = len(plain(line[: found.start()])) <= 6  # "Số:", "§6:", "S6"
                numbers.append((index if near_start else 10_000 + index, parsed, found.group(0)))
    numbers.sort(key=lambda n: n[0])
    number_line = numbers[0][0] if numbers and numbers[0][0] < 10_000 else None
    date, date_text = _date(zone)
    parent, agency = _agency(zone[: number_line if number_line is not None else 12])
    kind, title = _title(zone)
    return FileHeader(
        number=numbers[0][1] if number_line is not None else None,
        number_text=numbers[0][2] if number_line is not None else None,
        numbers=tuple(n[1] for n in numbers),
        date=date,
        date_text=date_text,
        agency=agency,
        parent=parent,
        kind=kind,
        title=title,
        lines=len(zone),
    )


def merged_header(passes: list[tuple[str, ...]] | list[list[str]]) -> FileHeader:
    """Each field from the first pass that has it (OCR passes of one page)."""
    headers = [read_file_header(lines) for lines in passes]
    first = headers[0] if headers else FileHeader()
    for other in headers[1:]:
        if first.number is None and other.number is not None:
            first = dataclasses.replace(
                first, number=other.number, number_text=other.number_text, numbers=other.numbers
            )
        if first.date is None and other.date is not None:
            first = dataclasses.replace(first, date=other.date, date_text=other.date_text)
        if first.agency is None and other.agency is not None:
            first = dataclasses.replace(first, agency=other.agency, parent=other.parent)
        if first.title is None and other.title is not None:
            first = dataclasses.replace(first, kind=other.kind, title=other.title)
    return first


def _make_date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(_digits(year)), int(_digits(month)), int(_digits(day)))
    except ValueError:
        return None


def _date(zone: list[str]) -> tuple[dt.date | None, str | None]:
    """The place-and-date line's date: "Quảng An, ngày 04 tháng 12 năm 2019" first, then any
    date in words, then a numeric date on a line of its own."""
    fallback: tuple[dt.date | None, str | None] = (None, None)
    for line in zone:
        key = plain(line)
        if _opens_body(line) or _CITING.search(key):  # "Căn cứ Luật … ngày 19 tháng 6 năm 2015"
            continue
        found = _WORDS_DATE.search(key)
        if found is None:
            continue
        date = _make_date(found["d"], found["m"], found["y"])
        if date is None:
            continue
        head = line.split(",")[0] if "," in line else ""
        shown = f"{date:%d/%m/%Y}"
        if head and len(plain(head).split()) <= 5 and "ngay" not in plain(head):
            return date, shown
        if fallback[0] is None:
            fallback = (date, shown)
    if fallback[0] is not None:
        return fallback
    for line in zone:
        numeric = _NUMERIC_DATE.search(line)
        if numeric is not None and "," in line[: numeric.start()]:
            date = _make_date(numeric[1], numeric[3], numeric[4])
            if date is not None:
                return date, f"{date:%d/%m/%Y}"
    return None, None


def _agency(lines: list[str]) -> tuple[str | None, str | None]:
    """(governing body, issuing body) from the capitals above the number line."""
    names: list[str] = []
    for line in lines:
        text = _MOTTO.split(line)[0].strip(" -_*.:")
        text = re.split(r"\bS[ốoô]\s*:", text)[0].strip(" -_*.:")
        key = plain(text)
        if not key or key.startswith(_NATIONAL) or not _is_upper(text) or len(text) > 90:
            continue
        if _SYMBOL.search(text):
            continue
        names.append(text)
    if not names:
        return None, None
    start = 0
    for index, name in enumerate(names):
        if f"{plain(name)} ".startswith(_BODY_TYPES):
            start = index
    parent = " ".join(names[:start]) or None
    return parent, " ".join(names[start:])


def _title(zone: list[str]) -> tuple[str | None, str | None]:
    for index, line in enumerate(zone):
        kind = _KIND_WORDS.get(plain(line))
        if kind is not None and _is_upper(line):
            taken: list[str] = []
            for after in zone[index + 1 :]:
                if _opens_body(after) or (taken and _is_upper(after)) or len(taken) == 4:
                    break
                if _is_upper(after) and not taken:
                    break
                taken.append(_ABOUT.sub("", after))
            return kind, " ".join(taken).strip(" ,;:") or None
    for index, line in enumerate(zone):
        if _ABOUT.match(line):
            taken = [_ABOUT.sub("", line)]
            for after in zone[index + 1 : index + 3]:  # a long "V/v" wraps in its column
                if not after[:1].islower():
                    break
                taken.append(after)
            return "Công văn", " ".join(taken).strip(" ,;:") or None
    return None, None
