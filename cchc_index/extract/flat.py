"""A report as one searchable string that still knows its lines, sentences and clauses.

Citations and figures are searched in the whole text joined with newlines, so a citation
broken across lines (`Kế hoạch số\n452/KH-UBND`) is found like any other; every offset maps
back to its line, and to the sentence a person would read to check it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from cchc_index.text import fold

# Old and new tone placement ("hoá"/"hóa", "uỷ"/"ủy") are one word to a reader.
_OLD_TONES = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE_RE = re.compile("(?:" + "|".join(_OLD_TONES) + r")(?!\w)")  # "hoá" but not "khoản"


@lru_cache(maxsize=65536)
def vkey(text: str) -> str:
    """Matching key: `fold` (NFC, case-folded, spaces collapsed) with one tone placement."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(0)], fold(text))


# Every upper-case letter a Vietnamese text can start a sentence with (re has no \p{Lu}).
UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.isalpha())
UP = f"[{re.escape(UPPER)}]"

# A sentence ends at . ! ? followed by a capital, a bullet, a blank line (the paragraph ends,
# whatever starts the next: "(đoạn 6) Về …") or the end (not after "TP."); at a cell or list
# separator; at a blank line followed by a capital or a bracket ("(1) …"); before a bulleted
# line or the next row of a tab-separated table. Every alternative starts with a literal
# character, so the whole text is scanned once, quickly.
_SENTENCE_END = re.compile(
    r"[.!?](?<!\bTP\.)(?<!\bTp\.)(?<!\bTX\.)(?<!\bTS\.)(?<!\bThS\.)(?<!\bGS\.)"
    rf"(?=\s+(?:{UP}|[-+•*]|\d+[.)]\s)|[ \t]*\n\s*\n|\s*$)"
    r"|[|\t]"
    rf"|\n(?:\s*\n(?=\s*(?:{UP}|\())|(?=[^\n\t]{{0,12}}\t)"
    r"|(?=\s*(?:[-+•*]\s|\d{1,2}[.)]\s|[a-zđ]\)\s)))"
)
WINDOW = 600  # no sentence shown or read for context reaches further than this
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class FlatText:
    """Lines joined by newlines, with the offset where each line starts."""

    lines: tuple[str, ...]
    text: str = field(init=False)
    starts: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        text = "\n".join(self.lines)
        starts, offset = [], 0
        for line in self.lines:
            starts.append(offset)
            offset += len(line) + 1
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "starts", tuple(starts))

    def line_of(self, offset: int) -> int:
        """1-based line number of an offset."""
        return max(1, bisect.bisect_right(self.starts, offset))

    @cached_property
    def _sentence_marks(self) -> tuple[list[int], list[int]]:
        """Start and end of every sentence boundary (a full stop counts in its sentence)."""
        starts, ends = [], []
        for match in _SENTENCE_END.finditer(self.text):
            cut = match.start() + (1 if match.group(0) in ".!?" else 0)
            starts.append(cut)
            ends.append(max(cut, match.end()))
        return starts, ends

    @cached_property
    def _clause_marks(self) -> tuple[list[int], list[int]]:
        """Sentence boundaries and semicolons."""
        starts, ends = self._sentence_marks
        semis = [m.start() for m in re.finditer(";", self.text)]
        marks = sorted([*zip(starts, ends, strict=True), *((i, i + 1) for i in semis)])
        return [a for a, _ in marks], [b for _, b in marks]

    def sentence_bounds(self, start: int, end: int, *, clause: bool = False) -> tuple[int, int]:
        """Offsets of the sentence (or clause) holding text[start:end], at most WINDOW
        characters either side."""
        starts, ends = self._clause_marks if clause else self._sentence_marks
        k = bisect.bisect_right(ends, start)
        begin = ends[k - 1] if k else 0
        j = bisect.bisect_left(starts, end)
        stop = starts[j] if j < len(starts) else len(self.text)
        return max(begin, start - WINDOW), min(stop, end + WINDOW)

    def sentence(self, start: int, end: int, limit: int = 240) -> str:
        """The sentence around a match, whitespace collapsed, shortened with `…` around it."""
        begin, stop = self.sentence_bounds(start, end)
        cut_left = cut_right = False
        if stop - begin > limit:  # cut at spaces, keeping the match itself whole
            if start - begin > limit // 3:
                space = self.text.find(" ", start - limit // 3, start)
                begin, cut_left = (space + 1 if space >= 0 else start - limit // 3), True
            if stop - begin > limit:
                space = self.text.rfind(" ", end, begin + limit)
                stop, cut_right = (space if space >= 0 else max(end, begin + limit)), True
        text = _SPACES.sub(" ", self.text[begin:stop]).strip(" -+*•|\t\n")
        return ("… " if cut_left else "") + text + (" …" if cut_right else "")
