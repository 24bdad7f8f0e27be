"""`tabulate(..., maxcolwidths=...)` with the wrapping of plain-text columns done here.

tabulate wraps a cell with its own copy of `textwrap` that measures every chunk through an
ANSI-stripping regex (for coloured text, which our reports never hold): ~4 of the ~7 ms it
takes to draw the table of `score`. For text without escape codes, its wrapping is the
standard library's `TextWrapper` except for words longer than a line, which tabulate cuts at
the width where Python 3.11 prefers a hyphen: `_Wrapper` cuts them like tabulate.

A column is wrapped here only when every cell is "plain": None or a string that tabulate
would neither read as a number or a bool nor find an escape code in. Any other column keeps
its width and tabulate wraps it itself, so the table is the same text either way
(tests/test_wrapped.py states it as a property, against tabulate itself).
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Sequence

from tabulate import tabulate

# Every character of the strings tabulate could read as a number ("1,000", "1e5", "-.5"…);
# a string made only of these, or one float() accepts ("inf", "１２", "1_0"), is not plain.
_NUMBERISH = frozenset("0123456789+-.,_eE \t\n\r\f\v")


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


def _wide_chars() -> bool:
    """tabulate measures with wcwidth when it is installed (it is not a dependency of ours):
    then only tabulate itself wraps the way it measures."""
    module = sys.modules["tabulate"]
    return getattr(module, "wcwidth", None) is not None and getattr(
        module, "WIDE_CHARS_MODE", False
    )


def _plain(cell: object) -> bool:
    if cell is None:
        return True
    if not isinstance(cell, str) or "\x1b" in cell or cell in ("True", "False"):
        return False
    if cell == "":
        return True
    if set(cell) <= _NUMBERISH:
        return False
    try:
        float(cell)
    except ValueError:
        return True
    return False


def _wrap(cell: str | None, wrapper: _Wrapper) -> str:
    if cell is None:
        return ""  # what tabulate makes of a missing value in a wrapped column
    return "\n".join(
        "\n".join(wrapper.wrap(line)) for line in cell.splitlines() if line.strip() != ""
    )


def table(
    rows: Sequence[Sequence[object]],
    headers: Sequence[str],
    tablefmt: str,
    maxcolwidths: Sequence[int | None] | None = None,
) -> str:
    """The same text as `tabulate(rows, headers, tablefmt=..., maxcolwidths=...)`."""
    if maxcolwidths is None or not rows or _wide_chars():
        return tabulate(rows, headers, tablefmt=tablefmt, maxcolwidths=maxcolwidths)
    widths = list(maxcolwidths)[: len(rows[0])]
    widths += [None] * (len(rows[0]) - len(widths))
    body = [list(row)[: len(widths)] for row in rows]  # tabulate also drops longer rows' tails
    left: list[int | None] = list(widths)
    for col, width in enumerate(widths):
        if width is None or not all(_plain(row[col]) for row in body if col < len(row)):
            continue
        wrapper = _Wrapper(width=width)
        for row in body:
            if col < len(row):
                row[col] = _wrap(row[col], wrapper)  # type: ignore[arg-type]
        left[col] = None
    return tabulate(body, headers, tablefmt=tablefmt, maxcolwidths=left)
