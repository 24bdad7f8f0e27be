"""Read YAML and CSV into plain data that remembers where every key and value stood.

YAML is parsed by libyaml (PyYAML's C parser) into nodes that carry their marks; every
scalar stays a string, so `31.724` or `04/12/2019` reach the validators as typed, not as
a float or a date guessed by YAML. Duplicate keys are errors. CSV rows are read with the
standard library's C reader; each cell remembers its line and column.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cchc_index.errors import Problem
from cchc_index.text import nfc

Key = tuple[str | int, ...]
_NULLS = {"", "~", "null", "Null", "NULL"}


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


class SourceError(Exception):
    """A file that cannot be parsed at all; carries its located problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.format() for p in problems))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(node: yaml.Node, loc: Key, out: Located, problems: list[Problem]) -> Any:
    out.positions[loc] = _mark(node)
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in _NULLS:
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, (*loc, i), out, problems) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            line, col = _mark(key_node)
            problems.append(Problem(out.path, line, col, "khóa phải là một chuỗi"))
            continue
        key = key_node.value
        if key in result:
            line, col = _mark(key_node)
            first = out.key_positions[(*loc, key)][0]
            problems.append(
                Problem(out.path, line, col, f"khóa {key!r} bị lặp (đã có ở dòng {first})")
            )
            continue
        out.key_positions[(*loc, key)] = _mark(key_node)
        result[key] = _walk(value_node, (*loc, key), out, problems)
    return result


def parse_yaml(text: str, path: str) -> Located:
    """Parse one YAML document; raise SourceError with the line of the first syntax error."""
    out = Located(path, None)
    try:
        node = yaml.compose(nfc(text), Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise SourceError(
            [Problem(path, line, col, f"YAML không hợp lệ: {exc.problem or exc}")]
        ) from exc
    except yaml.YAMLError as exc:
        raise SourceError([Problem(path, 1, 1, f"YAML không hợp lệ: {exc}")]) from exc
    if node is None:
        return out
    problems: list[Problem] = []
    out.data = _walk(node, (), out, problems)
    if problems:
        raise SourceError(problems)
    return out


def read_text(path: Path, shown: str) -> str:
    """Read a UTF-8 file (an Excel BOM is fine); a clear error otherwise."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            [
                Problem(
                    shown, 1, 1, f"tệp không phải UTF-8 (byte {exc.start}); hãy lưu lại dạng UTF-8"
                )
            ]
        ) from exc
    except OSError as exc:
        raise SourceError([Problem(shown, 1, 1, f"không đọc được tệp: {exc.strerror}")]) from exc


def load_yaml(path: Path, shown: str | None = None) -> Located:
    name = shown or str(path)
    return parse_yaml(read_text(path, name), name)


def parse_csv(text: str, path: str) -> Located:
    """Rows of a CSV table with a header line, as a list of dicts keyed by column name.

    The separator is `,` unless the header uses `;` (as Excel does in some locales).
    Empty cells are left out of a row's dict; positions are (line, column number) of each
    cell. One pass: the text is NFC'd once, and a cell again only when the file has quotes
    (removing a quote may put a combining mark next to its base letter).
    """
    out = Located(path, [])
    text = nfc(text)  # once for the whole file, not per cell
    if not text:
        return out
    newline = text.find("\n")
    first = text if newline < 0 else text[:newline]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise SourceError([Problem(path, 1, 1, f"CSV không hợp lệ: {exc}")]) from exc
    out.columns = {name: col for col, name in enumerate(header, start=1)}
    width = len(header)
    quoted = '"' in text
    rows: list[dict[str, Any]] = []
    append, lines = rows.append, out.row_lines
    line = 1
    try:
        for cells in reader:
            line = reader.line_num
            if len(cells) > width:
                if not any(c.strip() for c in cells):
                    continue
                raise SourceError([Problem(path, line, width + 1, "dòng có nhiều ô hơn tiêu đề")])
            pairs = zip(header, cells, strict=False)
            row = {name: value for name, cell in pairs if (value := cell.strip())}
            if quoted:
                row = {name: nfc(value) for name, value in row.items()}
            if row:
                append(row)
                lines.append(line)
    except csv.Error as exc:
        raise SourceError([Problem(path, line, 1, f"CSV không hợp lệ: {exc}")]) from exc
    out.data = rows
    return out


def shown(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
