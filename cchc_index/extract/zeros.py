"""Zeros told in words: "Không có hồ sơ phát sinh", "không phát sinh hồ sơ trễ hạn"."""

from __future__ import annotations

import re
from decimal import Decimal

from cchc_index.extract.figure import Figure
from cchc_index.extract.flat import FlatText, vkey
from cchc_index.extract.statrules import RULES

_ZERO = re.compile(  # "hồ sơ" or its abbreviation "HS"
    r"(?i)không\s+(?:có|phát\s+sinh)\s+(?:hồ\s+sơ|hs\b)(?:\s+nào)?"
    r"|(?:hồ\s+sơ|hs\b)\s+không\s+phát\s+sinh"
)


def _inside(match: re.Match[str], spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= match.start() < end for start, end in spans)


# Some of the bodies, counted or not, as the subject of a zero.
_SOME_BODIES = re.compile(
    r"(?:\d+|các|một số|nhiều|có)\s+(?:đơn vị|cơ quan|xã|phường|thị trấn|sở|ngành|phòng|ban"
    r"|địa phương|huyện|quận|bộ phận)\b[^,;.]{0,30}$"
)


_ZERO_AFTER = re.compile(r"[^,;.:()\n]{1,40}")


def zeros(flat: FlatText, year: int | None, skip: tuple[tuple[int, int], ...]) -> list[Figure]:
    """ "Không có hồ sơ phát sinh": 0 of whatever the clause, or else its table row, is about."""
    out: list[Figure] = []
    for match in _ZERO.finditer(flat.text):
        if _inside(match, skip):
            continue
        start, end = flat.sentence_bounds(match.start(), match.end(), clause=True)
        if _SOME_BODIES.search(vkey(flat.text[start : match.start()])):
            continue  # "9 đơn vị không phát sinh hồ sơ trễ hạn": theirs, not the unit's 0
        line = flat.line_of(match.start())
        candidates = [r for r in RULES if "ho_so" in r.units and r.zero_ok]
        # the words right after it first ("không có HS trễ hạn; tiếp nhận 1.105 HS trực tuyến")
        right_after = _ZERO_AFTER.match(flat.text, match.end())
        own = right_after.group(0) if right_after else ""
        for context in (own, flat.text[start:end], flat.lines[line - 1]):
            rule = next((r for r in candidates if r.matches(vkey(context))), None)
            if rule is not None:
                sentence = flat.sentence(match.start(), match.end())
                out.append(
                    Figure(
                        rule.variable, "0", Decimal(0), year, False, match.start(), line, sentence
                    )
                )
                break
    return out
