"""Vietnamese text, numbers and dates in the forms documents use."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache


def nfc(text: str) -> str:
    """NFC-normalise, so that one word typed two ways is one string."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Key for matching: NFC, case-folded, whitespace collapsed (accents kept)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def words(text: str) -> str:
    """Folded text with punctuation as spaces, padded: `" kế hoạch số 452 kh ubnd "`."""
    return f" {_NON_WORD.sub(' ', fold(text)).strip()} "


def contains_all(haystack: str, keywords: tuple[str, ...]) -> bool:
    """Every keyword occurs in the text as whole words, ignoring case and Unicode form
    (`quý i` does not match `quý iii`)."""
    text = words(haystack)
    return all(words(k) in text for k in keywords)


_THOUSANDS_DOT = re.compile(r"^[+-]?[0-9]{1,3}(\.[0-9]{3})+$")
_PLAIN = re.compile(r"^[+-]?[0-9]+([.,][0-9]+)?$")


@lru_cache(maxsize=65536)
def parse_number(raw: str) -> Decimal:
    """Parse `31.724` (31724), `84,09` (84.09), `1.234,5`, `2299`, `0.5`; a `%` is dropped.

    Vietnamese documents group thousands with dots and use a decimal comma. A dotted
    number in thousands groups (`31.724`) is read the Vietnamese way; any other single
    dot (`0.5`) is a decimal point.
    """
    text = raw.strip().replace(" ", "").replace("\u00a0", "").removesuffix("%")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS_DOT.match(text):
        text = text.replace(".", "")
    if not _PLAIN.match(text):
        raise ValueError(f"không phải là số: {raw!r}")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise ValueError(f"không phải là số: {raw!r}") from exc


_DATE_NUMERIC = re.compile(
    r"^(?:ngày\s*)?([0-9]{1,2})\s*[/.\-]\s*([0-9]{1,2})\s*[/.\-]\s*([0-9]{4})$"
)
_DATE_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_DATE_WORDS = re.compile(
    r"^(?:ngày\s*)?([0-9]{1,2})\s*,?\s*tháng\s*([0-9]{1,2})\s*,?\s*năm\s*([0-9]{4})$"
)


@lru_cache(maxsize=65536)
def parse_date(raw: str) -> dt.date:
    """Parse `04/12/2019`, `4/12/2019`, `ngày 14 tháng 9 năm 2020`, `4.12.2019`, `2019-12-04`.

    Day first, as Vietnamese documents write it; an impossible date (31/02) is an error.
    """
    text = " ".join(nfc(raw).strip().casefold().split())
    match = _DATE_ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DATE_NUMERIC.match(text) or _DATE_WORDS.match(text)
        if not match:
            raise ValueError(f"không đọc được ngày {raw!r} (dạng dd/mm/yyyy)")
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"ngày không tồn tại: {raw!r}") from exc


def format_date(value: dt.date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


@lru_cache(maxsize=4096)
def format_number(value: Decimal, places: int | None = None) -> str:
    """Vietnamese form: `31.724`, `84,09`, `0,25`."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    sign = "-" if value < 0 else ""
    text = f"{abs(value):f}"
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0") if places is None else frac
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    body = ".".join(groups)
    return f"{sign}{body},{frac}" if frac else f"{sign}{body}"


# C0 and C1 controls (but tab and newline), DEL, and the bidirectional overrides that can make
# a terminal show text in another order than it is stored.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)"
)


def control_chars(text: str) -> list[tuple[int, str]]:
    """(offset, character) of every control character in `text` (tab, newline and CR-LF
    allowed)."""
    if not may_hold_controls(text.encode("utf-8", "surrogatepass")):
        return []
    return [(m.start(), m.group()) for m in _CONTROLS.finditer(text)]


# A regular expression scans a character at a time; these byte-level tests (translate, count,
# memmem) are much faster and rule out almost every file, so the exact scan runs only on
# the few that may hold what it looks for. In UTF-8 every C0 control is its own byte; C1
# controls start with 0xC2; the bidirectional controls are a few fixed 3-byte runs.
_C0 = {*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F}
_NOT_C0 = bytes(b for b in range(256) if b not in _C0)
_BIDI = re.compile(b"\xe2(?:\x80[\x8e\x8f\xaa-\xae]|\x81[\xa6-\xa9])")  # literal prefix: fast


def may_hold_controls(data: bytes) -> bool:
    """False when UTF-8 `data` certainly holds no control character (see `control_chars`)."""
    return (
        bool(data.translate(None, _NOT_C0))
        or data.count(b"\r") != data.count(b"\r\n")
        or b"\xc2" in data
        or (b"\xe2" in data and _BIDI.search(data) is not None)
    )


def safe_text(text: str) -> str:
    """`text` with every control character shown as its escape (`\\x1b`), never raw."""
    return _CONTROLS.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


# Letters that look Latin but are not (Cyrillic "о", Greek "ο"), fullwidth and mathematical
# letters, and digits other than 0-9: in a Vietnamese number, kind or subject each is a typo
# that would make a document silently fail to match.
_FOREIGN = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u13a0-\u13ff\uff00-\uffef\U0001d400-\U0001d7ff]"
    "|(?![0-9])\\d"
)
_SCRIPTS = {
    "GREEK": ("Hy Lạp", "Greek"),
    "CYRILLIC": ("Kirin", "Cyrillic"),
    "ARMENIAN": ("Armenia", "Armenian"),
    "CHEROKEE": ("Cherokee", "Cherokee"),
    "FULLWIDTH": ("toàn khổ", "fullwidth"),
    "MATHEMATICAL": ("ký hiệu toán học", "mathematical"),
}


# Vietnamese in UTF-8 uses the lead bytes 0xC3-0xC6 (Latin-1, Latin Extended), 0xCC (combining
# marks), 0xE1 0xB8-0xBB (Latin Extended Additional: ạ ầ ữ …) and 0xE2 (punctuation): a file
# without the other lead bytes holds no letter of the scripts `_FOREIGN` looks for.
_SUSPECT = {*range(0xCD, 0xE1), *range(0xE3, 0x100)}
_NOT_SUSPECT = bytes(b for b in range(256) if b not in _SUSPECT)
_OTHER_E1 = re.compile(b"\xe1(?![\xb8-\xbb])")  # a 0xE1 lead byte not of Vietnamese letters


def may_be_foreign(text: str) -> bool:
    """False when `text` certainly holds no letter or digit `foreign_char` would name."""
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    return bool(data.translate(None, _NOT_SUSPECT)) or _OTHER_E1.search(data) is not None


def foreign_char(text: str) -> tuple[str, str, str, str] | None:
    """The first letter of another script or non-ASCII digit in `text`: (the character, its
    U+code, its script in Vietnamese, in English); None when the text is clean."""
    if not may_be_foreign(text):
        return None
    match = _FOREIGN.search(text)
    if match is None:
        return None
    char = match.group()
    name = unicodedata.name(char, "")
    vi, en = next(
        (words_ for key, words_ in _SCRIPTS.items() if name.startswith(key)),
        ("chữ số lạ", "foreign digit") if char.isdigit() else ("lạ", "foreign"),
    )
    return char, f"U+{ord(char):04X}", vi, en


def blank_controls(text: str) -> str:
    """`text` with every control character made a space: for prose read from a report, where
    a stray form feed or escape is noise, not data to refuse."""
    return _CONTROLS.sub(" ", text)
