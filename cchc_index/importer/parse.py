"""The small readings every row needs: its STT, its points, the options of a scoring text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

ROMAN = {"I": 1, "V": 5, "X": 10}
_POINTS = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\s*\.?\s*$", re.IGNORECASE)
_INLINE = re.compile(
    r"[:\-–]\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\s*\.?\s*$|\((\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\)\s*\.?\s*$",
    re.IGNORECASE,
)
_STT = re.compile(r"^\s*(\d+(?:\.\d+)*|[IVX]+|[a-zđ])\s*[.)]?\s*$")


def points(text: str) -> Decimal | None:
    """Points as tables write them: "0,5", "0.50", "1 điểm", "01", "1đ"; both separators are
    read as decimal (a points column never has thousands)."""
    match = _POINTS.match(text or "")
    if not match:
        return None
    try:
        return Decimal(match[1].replace(",", ".")).normalize() + 0
    except InvalidOperation:
        return None


def split_inline(text: str) -> tuple[str, Decimal | None]:
    """`Ban hành kịp thời: 1` → ("Ban hành kịp thời", 1); text without points unchanged."""
    match = _INLINE.search(text)
    if not match:
        return text.strip(), None
    value = Decimal((match[1] or match[2]).replace(",", ".")).normalize() + 0
    return text[: match.start()].strip(" :-–"), value


def roman(text: str) -> int | None:
    if not text or any(c not in ROMAN for c in text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        value = ROMAN[a]
        total += -value if b in ROMAN and ROMAN[b] > value else value
    return total


def stt(text: str) -> str | None:
    """The STT as written ("1.1.1", "II", "a"), or None for a row without one."""
    match = _STT.match(text.split("\n")[0] if text else "")
    return match[1] if match else None


@dataclass(frozen=True)
class Option:
    """One line of a scoring text, or one option row: what it says and what it earns."""

    text: str
    points: Decimal | None
    method_text: str = ""
    evidence_text: str = ""
    place: str = ""


def options_of(text: str) -> list[Option]:
    """The options of a scoring text: one a line ("- Không đảm bảo theo yêu cầu: 0 điểm")."""
    found = []
    for raw in re.split(r"\n|(?:^|\s)-\s+(?=[A-ZĐÀ-Ỹ])|;\s*", text or ""):
        line = raw.strip(" -–•+\t")
        if line:
            body, value = split_inline(line)
            found.append(Option(body, value))
    return found
