"""The numbers of a report as counts: digits with the Vietnamese thousands separator
("12.345"), fractions ("4.561/5.650", "120 hồ sơ/130 hồ sơ"), rounded thousands and millions
("5,65 ngàn", "2,5 triệu"), and small counts in words before a unit ("tám hồ sơ"). What each
count is of, and whether it is the unit's, is `statistics`' business."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from cchc_index.extract.statrules import UNIT_RE
from cchc_index.text import parse_number

INT = r"\d{1,3}(?:\.\d{3})+|\d+"
_NUMBER = re.compile(
    rf"(?<![\w.,/\-])(?<!\d:)(?P<a>{INT})(?P<frac>,\d+)?(?:\s*/\s*(?P<b>{INT}))?"
    r"(?![\w/%]|[.,\-–]\d|\s*%)"
)
# "năm 2021": a year after its word is never a count ("bằng 90% số hồ sơ của cả năm 2021"),
# nor a month or a quarter after its own ("trong tháng 8/2025", "quý 3").
_YEAR_WORD = re.compile(r"(?i)(?<!\w)năm\s+$")
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH_WORD = re.compile(r"(?i)(?<!\w)(?:tháng|quý|qúy)\s+$")
# A digit group and one space (or a no-break space) right before a count of three digits.
_SPACED_GROUP = re.compile(r"(?<![\d.,])\d{1,3}[ \u00a0\u202f]$")
_THOUSAND = re.compile(r"\s*(?:(?P<k>ngàn|nghìn)|triệu)(?!\w)", re.IGNORECASE)
# Counts written in words, only before a unit word: "chỉ tám hồ sơ quá hạn".
_WORD_VALUES = {
    "không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip
_WORD_NUMBER = re.compile(
    r"(?<!\w)(?P<w>" + "|".join(_WORD_VALUES) + r")(?=\s+(?:hồ\s+sơ|HS|thư|phiếu)(?!\w))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    """A number in the text: digits ("12.345", "4.561/5.650", "5,65 ngàn") or a word."""

    start: int
    end: int
    a: str
    amount: Decimal
    b: str | None
    rounded: bool  # "5,65 ngàn": a rounded count, never certain


def counts(text: str, skip: tuple[tuple[int, int], ...]) -> list[Count]:
    """Every count in `text` outside the `skip` spans, in text order."""
    found = []
    for m in _NUMBER.finditer(text):
        if any(start <= m.start() < end for start, end in skip):
            continue
        if m["frac"]:
            thousand = _THOUSAND.match(text, m.end())
            if thousand is None or m["b"]:
                continue
            amount = parse_number(m["a"] + m["frac"]) * _times(thousand)
            found.append(Count(m.start(), thousand.end(), text[m.start() : thousand.end()],
                                amount, None, True))  # fmt: skip
            continue
        thousand = _THOUSAND.match(text, m.end())
        if thousand and not m["b"]:  # "4 ngàn hồ sơ"
            amount = parse_number(m["a"]) * _times(thousand)
            found.append(Count(m.start(), thousand.end(), text[m.start() : thousand.end()],
                                amount, None, True))  # fmt: skip
            continue
        if (
            not m["b"]
            and _A_YEAR.fullmatch(m["a"])
            and _YEAR_WORD.search(text, max(0, m.start() - 8), m.start())
        ):
            continue  # "của cả năm 2021": the year the words are of
        if (
            m["a"].isdigit()
            and int(m["a"]) <= 12
            and (m["b"] is None or _A_YEAR.fullmatch(m["b"]))
            and _MONTH_WORD.search(text, max(0, m.start() - 8), m.start())
        ):
            continue  # "trong tháng 8/2025": the month the words are of
        if _SPACED_GROUP.search(text, max(0, m.start() - 5), m.start()) and len(m["a"]) == 3:
            continue  # "1 234 hồ sơ": thousands split by a space; "234" alone would be wrong
        found.append(Count(m.start(), m.end(), m["a"], parse_number(m["a"]), m["b"], False))
    for m in _WORD_NUMBER.finditer(text):
        if not any(start <= m.start() < end for start, end in skip):
            value = _WORD_VALUES[m["w"].lower()]
            found.append(Count(m.start(), m.end(), str(value), Decimal(value), None, False))
    return sorted(found, key=lambda c: c.start)


def _times(word: re.Match[str]) -> int:
    """ "ngàn", "nghìn": a thousand; "triệu": a million ("hơn 2,578 triệu hồ sơ")."""
    return 1000 if word["k"] else 1_000_000


# "120 hồ sơ/130 hồ sơ": the second count of a fraction written with its unit twice.
_SECOND = re.compile(rf"{UNIT_RE.pattern}\s*/\s*(?P<b>{INT})(?![\d.,]\d)", re.IGNORECASE)


def with_second(text: str, count: Count) -> Count:
    """ "120 hồ sơ/130 hồ sơ": the count with the second number of its fraction."""
    second = _SECOND.match(text, count.end) if count.b is None else None
    if second is None or count.rounded:
        return count
    return replace(count, b=second["b"])
