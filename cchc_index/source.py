"""Read YAML and CSV into plain data that remembers where every key and value stood.

YAML is parsed by libyaml (PyYAML's C parser) into nodes that carry their marks; every
scalar stays a string, so `31.724` or `04/12/2019` reach the validators as typed, not as
a float or a date guessed by YAML. Duplicate keys are errors. CSV rows are read with the
standard library's C reader; each cell remembers its line and column.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path, PurePath
from typing import Any

import yaml

from cchc_index.errors import Problem, SourceError
from cchc_index.i18n import tr
from cchc_index.text import nfc
from cchc_index.textfile import decode, read_text
from cchc_index.yaml_events import Key, Tree, build
from cchc_index.yaml_messages import yaml_message

__all__ = [
    "Key",
    "Located",
    "SourceError",
    "decode",
    "files_under",
    "load_yaml",
    "parse_csv",
    "parse_yaml",
    "read_text",
    "shown",
    "shown_in",
]


@dataclass
class Located:
    """Plain data (dict, list, str, None) plus the line and column of every path in it."""

    path: str
    data: Any
    positions: dict[Key, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Key, tuple[int, int]] = field(default_factory=dict)
    columns: dict[str, int] = field(default_factory=dict)  # CSV header: name → column
    row_lines: list[int] = field(default_factory=list)  # CSV: the line of each row

    def where(self, loc: Key, *, key: bool = False) -> tuple[int, int]:
        """Position of `loc` (its key when `key`), else of its nearest ancestor (1-based)."""
        probe = tuple(loc)
        if (
            self.row_lines
            and probe
            and isinstance(probe[0], int)
            and probe[0] < len(self.row_lines)
        ):
            column = self.columns.get(str(probe[1]), 1) if len(probe) > 1 else 1
            return self.row_lines[probe[0]], column
        if key and probe in self.key_positions:
            return self.key_positions[probe]
        while probe:
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, loc: Key, message: str, *, key: bool = False) -> Problem:
        line, col = self.where(loc, key=key)
        return Problem(self.path, line, col, message, ".".join(str(p) for p in loc))


def parse_yaml(text: str, path: str, *, aliases: bool = True) -> Located:
    """Parse one YAML document; raise SourceError with the line of the first syntax error.

    `aliases=False` (bundles) refuses anchors and aliases; otherwise their expansion is capped.
    """
    tree = Tree(path)
    text = nfc(text)
    try:
        problems = build(yaml.parse(text, Loader=yaml.CSafeLoader), tree, aliases)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise SourceError([Problem(path, line, col, yaml_message(exc, text))]) from exc
    except yaml.YAMLError as exc:
        raise SourceError([Problem(path, 1, 1, yaml_message(exc, text))]) from exc
    if problems:
        raise SourceError(problems)
    return Located(path, tree.data, tree.positions, tree.key_positions)


def load_yaml(path: Path, shown: str | None = None, *, aliases: bool = True) -> Located:
    """Read and parse one YAML file (see `parse_yaml`)."""
    name = shown or str(path)
    return parse_yaml(read_text(path, name), name, aliases=aliases)


def parse_csv(text: str, path: str) -> Located:
    """Rows of a CSV table with a header line, as a list of dicts keyed by column name.

    The separator is `,` unless the header uses `;` (as Excel does in some locales).
    A row holds its non-empty cells only (stripped); positions are (line, column number)
    of each cell.
    """
    out = Located(path, [])
    text = nfc(text)  # once for the whole file, not per cell
    if not text:
        return out
    first = text.splitlines()[0] if "\r" in text else text.partition("\n")[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    lines = _plain_lines(text)
    if lines is not None:  # each line a row: split, in comprehensions (no per-row calls)
        header = [h.strip() for h in lines[0].split(delimiter)]
        values = [list(map(str.strip, line.split(delimiter))) for line in lines[1:]]
        numbers: list[int] | range = range(2, len(lines) + 1)
    else:
        header, values, numbers = _csv_cells(text, delimiter, path)
    while header and not header[-1]:  # Excel's trailing empty header cells
        header.pop()
    _check_header(header, path)
    out.columns = {name: col for col, name in enumerate(header, start=1)}
    width = len(header)
    if max(map(len, values), default=0) > width:
        for cells, line in zip(values, numbers, strict=True):
            if len(cells) > width and any(cells[width:]):
                message = tr(
                    "dòng có nhiều ô hơn tiêu đề (ô có dữ liệu dưới cột không tên)",
                    "the row has more cells than the header (data under no column)",
                )
                raise SourceError([Problem(path, line, width + 1, message)])
    # a row keeps only its non-empty cells (the text is NFC already, so are they); a blank
    # row is skipped
    rows = [dict(compress(zip(header, cells, strict=False), cells)) for cells in values]
    if all(rows):
        out.data, out.row_lines = rows, list(numbers)
    else:
        kept = [(row, line) for row, line in zip(rows, numbers, strict=True) if row]
        out.data, out.row_lines = [row for row, _ in kept], [line for _, line in kept]
    return out


def _csv_cells(
    text: str, delimiter: str, path: str
) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, stripped cells of each row and its line, by the standard library's reader
    (strict: a stray quote is an error, at its line)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    values: list[list[str]] = []
    numbers: list[int] = []
    try:
        header = [h.strip() for h in next(reader, [])]
        for cells in reader:
            values.append(list(map(str.strip, cells)))
            numbers.append(reader.line_num)
    except csv.Error as exc:
        raise SourceError([Problem(path, reader.line_num or 1, 1, csv_message(exc))]) from exc
    return header, values, numbers


def _plain_lines(text: str) -> list[str] | None:
    """The lines of a table that `str.split` reads exactly as `csv.reader` would: no quote
    (nothing to unquote, no line inside a cell), no lone CR and no NUL (the csv module
    refuses both), no line over its cell limit (refused too). Lines end in LF or CRLF."""
    if '"' in text or "\x00" in text or text.count("\r") != text.count("\r\n"):
        return None
    lines = (text.replace("\r\n", "\n") if "\r" in text else text).split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # the final line end
    if len(text) > csv.field_size_limit() and max(map(len, lines)) > csv.field_size_limit():
        return None
    return lines


def _check_header(header: list[str], path: str) -> None:
    problems: list[Problem] = []
    seen: set[str] = set()
    for col, name in enumerate(header, start=1):
        if not name:
            problems.append(
                Problem(
                    path, 1, col, tr(f"cột thứ {col} không có tên", f"column {col} has no name")
                )
            )
        elif name in seen:
            problems.append(
                Problem(path, 1, col, tr(f"cột '{name}' bị lặp", f"column '{name}' is repeated"))
            )
        seen.add(name)
    if problems:
        raise SourceError(problems)


def csv_message(exc: BaseException) -> str:
    """The csv module's complaint in the user's language (never its English text)."""
    said = str(exc)
    if "field larger than field limit" in said:
        return tr(
            f'ô quá dài (quá {csv.field_size_limit()} ký tự); dấu ngoặc kép (") có bị thiếu không?',
            f'a cell is too long (over {csv.field_size_limit()} characters); is a double quote (") missing?',
        )
    if "unexpected end of data" in said or "EOF" in said:
        return tr('dấu ngoặc kép (") chưa đóng', 'an unclosed double quote (")')
    if isinstance(exc, StopIteration):
        return tr("bảng trống: thiếu dòng tiêu đề", "empty table: the header line is missing")
    return tr(
        "CSV không hợp lệ ở dòng này (dấu ngoặc kép?)", "invalid CSV on this line (a double quote?)"
    )


def walk(folder: Path, skip: frozenset[str] = frozenset()) -> Iterator[os.DirEntry[str]]:
    """Every entry under `folder` that is not a folder, hidden entries and folders named in
    `skip` left out; walked by hand (not `rglob`, which recurses and overflows on a folder
    nested thousands deep), links to folders not entered (no loops, nothing outside)."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in skip:
                    stack.append(Path(entry.path))
            else:
                yield entry


def files_under(folder: Path) -> list[Path]:
    """Every file under `folder` (see `walk`), sorted."""
    return sorted(Path(entry.path) for entry in walk(folder) if entry.is_file())


def shown(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    real, cwd = os.path.realpath(path), _real_folder(os.getcwd())
    if real == cwd:
        return "."
    inside = cwd.rstrip(os.sep) + os.sep
    return real[len(inside) :] if real.startswith(inside) else str(path)


@lru_cache(maxsize=8)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def shown_in(folder: str, name: str) -> str:
    """A file of a folder already `shown`, as the user named it (one `resolve` a folder, not
    one a file: the system calls for each file are not needed)."""
    return str(PurePath(folder, name))
