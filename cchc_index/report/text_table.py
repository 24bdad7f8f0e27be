"""The text tables of the reports (`simple_grid` in a terminal, `pipe` in Markdown): the same
text tabulate 0.10 draws, without loading tabulate for the tables `score` prints.

Importing tabulate and letting it wrap and draw the tables of `score` costs ~8 of its ~165 ms
(its wrapping measures every chunk through an ANSI-stripping regex; it guesses a type for
every cell). Our report tables are text, and tabulate's rules for text are few:

- a cell is text (`_is_text`) when tabulate reads it neither as a number ("218", "1,000",
  "1e3") nor as a bool; a text column is stripped and flush left, a column of whole numbers
  (ASCII digits) is printed as it is, flush right; every column is as wide as its widest line
  or its header + 2;
- a column with a width is wrapped by `_Wrapper`: the standard library's TextWrapper with long
  words cut at the width (where Python 3.11 would prefer a hyphen), as tabulate cuts them;
  numbers are never wrapped;
- `simple_grid` draws a rule between rows, `pipe` marks each column's side with a colon.

Anything else (other numbers, a cell that is not a string, a control character, another
format, wcwidth installed, not one header per column) goes to tabulate itself, with the text
columns wrapped here. tests/test_text_table.py states "the same text as tabulate, or the same
failure" as a property, and tests/test_cold_start.py that `score` does not import tabulate.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
import textwrap
from collections.abc import Sequence

# tabulate reads "1,000" and "1,000.5" as numbers (thousands separators); its own pattern
_THOUSANDS = re.compile(r"^(([+-]?[0-9]{1,3})(?:,([0-9]{3}))*)?(?(1)\.[0-9]*|\.[0-9]+)?$")
_DIGITS = re.compile(r"[0-9]+")
# Line breaks other than "\n", tabs and escape codes: tabulate measures and splits them in
# ways of its own.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x85\u2028\u2029]")
# (corner, fill, joint, corner) of the lines above, below the header, between rows, below
_GRID = {
    "simple_grid": (
        ("┌", "─", "┬", "┐"),
        ("├", "─", "┼", "┤"),
        ("├", "─", "┼", "┤"),
        ("└", "─", "┴", "┘"),
    ),
}
_BARS = {"simple_grid": "│", "pipe": "|"}


class _Wrapper(textwrap.TextWrapper):
    def _handle_long_word(
        self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int
    ) -> None:
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words and space_left > 0:
            chunk = reversed_chunks[-1]
            cur_line.append(chunk[:space_left])
            reversed_chunks[-1] = chunk[space_left:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())


@functools.cache
def _wide_chars() -> bool:
    """tabulate measures with wcwidth when it is installed (not a dependency of ours): then
    only tabulate itself draws the way it measures."""
    return importlib.util.find_spec("wcwidth") is not None


def _is_text(cell: str) -> bool:
    """tabulate reads this non-empty string as text (not a number, not a bool): its column is
    left-aligned and the string printed as it is. (Stricter than tabulate: "1e999", which
    overflows, counts as a number here.)"""
    if cell in ("True", "False") or "\x1b" in cell:
        return False
    for read in (int, float):
        try:
            read(cell)
        except ValueError:
            continue
        return False
    return _THOUSANDS.match(cell) is None


def _is_number(cell: str) -> bool:
    """tabulate leaves this cell unwrapped (a finite number: `_isnumber`)."""
    try:
        value = float(cell)
    except ValueError:
        return False
    return math.isfinite(value)  # "1e999" overflows: tabulate wraps it as text


def _wrappable(cell: object) -> bool:
    """tabulate's wrapping of a cell is `_wrap` (or leaves it as it is)."""
    if cell is None or cell == "":
        return True
    return isinstance(cell, str) and (_is_text(cell) or _is_number(cell))


def _wrap(cell: str | None, wrapper: _Wrapper) -> str:
    if cell is None:
        return ""  # what tabulate makes of a missing value in a wrapped column
    if _is_number(cell):
        return cell  # tabulate never wraps a number
    return "\n".join(
        "\n".join(wrapper.wrap(line)) for line in cell.splitlines() if line.strip() != ""
    )


def _widths(maxcolwidths: Sequence[int | None], ncols: int) -> list[int | None]:
    return [*list(maxcolwidths)[:ncols], *([None] * (ncols - len(maxcolwidths)))]


def _tabulate(
    rows: Sequence[Sequence[object]],
    headers: Sequence[str],
    tablefmt: str,
    maxcolwidths: Sequence[int | None] | None,
) -> str:
    """tabulate itself, with the plain columns wrapped here (same text, less time)."""
    from tabulate import tabulate

    ragged = len({len(row) for row in rows}) != 1
    marked = any(isinstance(c, str) and "\x01" in c for row in rows for c in row)
    if maxcolwidths is None or not rows or ragged or marked or _wide_chars():
        # (tabulate counts the columns after taking out its separating lines, "\x01")
        return tabulate(rows, headers, tablefmt=tablefmt, maxcolwidths=maxcolwidths)
    widths = _widths(maxcolwidths, len(rows[0]))
    body = [list(row) for row in rows]
    left: list[int | None] = list(widths)
    for col, width in enumerate(widths):
        if width is None or not all(_wrappable(row[col]) for row in body):
            continue
        wrapper = _Wrapper(width=width)
        for row in body:
            row[col] = _wrap(row[col], wrapper)  # type: ignore[arg-type]
        left[col] = None
    return tabulate(body, headers, tablefmt=tablefmt, maxcolwidths=left)


def _cells(
    rows: Sequence[Sequence[object]],
    headers: Sequence[str],
    maxcolwidths: Sequence[int | None] | None,
) -> tuple[list[list[str]], list[str]] | None:
    """The cells as tabulate would print them and each column's alignment, or None when
    tabulate must do it."""
    ncols = len(headers)
    if not rows or ncols == 0 or any(len(row) != ncols for row in rows):
        return None
    if not all(isinstance(h, str) for h in headers):
        return None
    if not all(cell is None or isinstance(cell, str) for row in rows for cell in row):
        return None
    cells = [[None if cell is None else str(cell) for cell in row] for row in rows]
    for col, width in enumerate(_widths(maxcolwidths or [], ncols)):
        if width is None:
            continue
        if not all(_wrappable(row[col]) for row in cells):
            return None
        wrapper = _Wrapper(width=width)
        for row in cells:
            row[col] = _wrap(row[col], wrapper)
    text = [["" if cell is None else cell for cell in row] for row in cells]
    if any(_CONTROL.search(s) for s in [*headers, *(c for row in text for c in row)]):
        return None
    aligns = []
    for col in range(ncols):
        column = [row[col] for row in text if row[col]]
        if not column or any(_is_text(s) for s in column):
            aligns.append("left")  # text: stripped, flush left
        elif all(_DIGITS.fullmatch(s) for s in column):
            aligns.append("right")  # whole numbers: as they are, flush right
        else:
            return None  # other numbers: tabulate formats and aligns them its own way
    return text, aligns


def _draw(text: list[list[str]], aligns: list[str], headers: Sequence[str], tablefmt: str) -> str:
    multiline = any("\n" in s for s in [*headers, *(c for row in text for c in row)])

    def width(s: str) -> int:
        return max(len(line) for line in s.split("\n")) if multiline else len(s)

    columns: list[list[str]] = []
    colwidths: list[int] = []
    heads: list[str] = []
    for col, (header, align) in enumerate(zip(headers, aligns, strict=True)):
        left = align == "left"
        strings = [row[col].strip() if left else row[col] for row in text]
        widest = max(max(width(s) for s in strings), width(header) + 2)

        def pad(s: str, w: int, left: bool = left) -> str:
            return s.ljust(w) if left else s.rjust(w)

        if multiline:
            padded = ["\n".join(pad(line, widest) for line in s.splitlines()) for s in strings]
        else:
            padded = [pad(s, widest) for s in strings]
        colwidth = max(widest, max(width(s) for s in padded))
        columns.append(padded)
        colwidths.append(colwidth)
        lines_of = header.split("\n") if multiline else [header]
        heads.append("\n".join(pad(line, colwidth) for line in lines_of))
    bar = _BARS[tablefmt]
    padded_widths = [w + 2 for w in colwidths]
    lines: list[str] = []

    def rule(corner: str, fill: str, joint: str, end: str) -> None:
        lines.append((corner + joint.join(fill * w for w in padded_widths) + end).rstrip())

    def row(cells: Sequence[str]) -> None:
        if not multiline:
            lines.append((bar + bar.join(f" {c} " for c in cells) + bar).rstrip())
            return
        split = [c.splitlines() for c in cells]
        height = max(map(len, split))
        split = [s + [" " * w] * (height - len(s)) for s, w in zip(split, colwidths, strict=True)]
        for i in range(height):
            lines.append((bar + bar.join(f" {s[i]} " for s in split) + bar).rstrip())

    body = [list(cells) for cells in zip(*columns, strict=True)]
    if tablefmt == "pipe":
        row(heads)
        colons = (
            ":" + "-" * (w - 1) if a == "left" else "-" * (w - 1) + ":"
            for a, w in zip(aligns, padded_widths, strict=True)
        )
        lines.append("|" + "|".join(colons) + "|")
        for cells in body:
            row(cells)
        return "\n".join(lines)
    above, below_header, between, below = _GRID[tablefmt]
    rule(*above)
    row(heads)
    rule(*below_header)
    for i, cells in enumerate(body):
        if i:
            rule(*between)
        row(cells)
    rule(*below)
    return "\n".join(lines)


def table(
    rows: Sequence[Sequence[object]],
    headers: Sequence[str],
    tablefmt: str,
    maxcolwidths: Sequence[int | None] | None = None,
) -> str:
    """The same text as `tabulate(rows, headers, tablefmt=..., maxcolwidths=...)`."""
    if tablefmt in _BARS and not _wide_chars():
        cells = _cells(rows, headers, maxcolwidths)
        if cells is not None:
            return _draw(*cells, headers, tablefmt)
    return _tabulate(rows, headers, tablefmt, maxcolwidths)
