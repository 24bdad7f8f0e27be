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
    bullet: bool = False  # written under a heading line ("- Không đảm bảo …: 0 điểm")


# "Đúng thời gian quy định: 0,2 điểm – thời gian ban hành chậm nhất …": a heading with its
# points, then its detail after a dash on the same line
_AFTER_POINTS = re.compile(
    r"(:\s*\d+(?:[.,]\d+)?\s*(?:điểm|đ)\b\.?)\s+[–—-]\s+(?=\S)", re.IGNORECASE
)
# "…: 0,3 điểm … Đúng thời gian quy định: 0,2 điểm": two headings written on one line
_NEXT_HEADING = re.compile(
    r"(:\s*\d+(?:[.,]\d+)?\s*(?:điểm|đ)\b\.?)\s*(?:…|\.\.\.)?\s+(?=[A-ZĐÀ-Ỹ])"
)
_BULLET = re.compile(r"^\s*[-–•+*]\s*")


def options_of(text: str) -> list[Option]:
    """The options of a scoring text: one a line ("- Không đảm bảo theo yêu cầu: 0 điểm"); a
    line that starts with a dash or bullet is marked as one (a detail of the heading above)."""
    found = []
    text = _AFTER_POINTS.sub(lambda m: m[1] + "\n- ", text or "")
    text = _NEXT_HEADING.sub(lambda m: m[1] + "\n", text)
    for raw in re.split(r"\n|(?=(?:^|\s)-\s+[A-ZĐÀ-Ỹ])|;\s*", text):
        bullet = bool(_BULLET.match(raw))
        line = raw.strip(" -–•+*\t")
        if line:
            body, value = split_inline(line)
            found.append(Option(body, value, bullet=bullet))
    return found


def components(options: list[Option], top: Decimal) -> list[list[Option]] | None:
    """Independently scored components of one scoring text, or None.

    A component is a heading line with points above 0 ("Đầy đủ nội dung …: 0,3 điểm") and the
    detail lines under it (its alternatives, its deadline); the headings together make the
    node's maximum. Headings are the lines not written as bullets when the text has bullets;
    otherwise every line with points above 0 whose alternatives each stay within it."""
    if len(options) < 2:
        return None
    bulleted = any(o.bullet for o in options)
    groups: list[list[Option]] = []
    for option in options:
        heading = option.points is not None and option.points > 0
        heading = heading and (not option.bullet if bulleted else True)
        if heading:
            groups.append([option])
        elif groups:
            groups[-1].append(option)
        else:
            return None  # text before the first heading: not a list of components
    if len(groups) < 2:
        return None
    if sum((g[0].points or Decimal(0) for g in groups), Decimal(0)) != top:
        return None
    for group in groups:
        head = group[0].points or Decimal(0)
        if any(o.points is not None and o.points > head for o in group[1:]):
            return None
    return groups
