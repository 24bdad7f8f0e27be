"""Edit the CSV tables of a bundle (documents, links, photos) as text, one row at a time.

The file stays what the command line, git and Excel read: its delimiter and column order are
kept, only the row edited changes, and a column the form needs but the header lacks is added
at the end. Rows are numbered as `cchc_index.load` numbers them (blank lines skipped), so a
problem's key `3.date` points at the same row the page shows.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("number", "date", "kind", "issuer", "subject", "file", "sha256", "for", "note"),
    "links": ("url", "title", "date", "sha256", "for", "note"),
    "photos": ("file", "title", "date", "sha256", "for", "note"),
}


@dataclass
class Table:
    """A CSV file as its header and its non-blank rows, each a list of raw cells."""

    delimiter: str
    header: list[str]
    rows: list[list[str]]

    def record(self, index: int) -> dict[str, str]:
        cells = self.rows[index]
        return {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(self.header)}

    def records(self) -> list[dict[str, str]]:
        return [self.record(i) for i in range(len(self.rows))]


def parse_table(text: str | None, name: str) -> Table:
    """The table in `text` (None: the file does not exist yet, so the standard header)."""
    lines = (text or "").splitlines(keepends=True)
    if not lines:
        return Table(",", list(COLUMNS[name]), [])
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text or ""), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    rows = [cells for cells in reader if any(c.strip() for c in cells)]
    return Table(delimiter, header, rows)


def dump_table(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=table.delimiter, lineterminator="\n")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return out.getvalue()


def _row(table: Table, values: dict[str, str], old: list[str] | None) -> list[str]:
    for column in values:
        if column not in table.header:
            table.header.append(column)
            for cells in table.rows:
                cells.extend([""] * (len(table.header) - 1 - len(cells)))
    cells = list(old or [])
    cells.extend([""] * (len(table.header) - len(cells)))
    for i, column in enumerate(table.header):
        if column in values:
            cells[i] = values[column]
    while cells and not cells[-1] and len(cells) > len(table.header):
        cells.pop()
    return cells


def change_table(
    text: str | None, name: str, index: int | None, values: dict[str, str] | None
) -> tuple[str, int | None]:
    """New text with row `index` replaced by `values` (index None: appended; values None:
    deleted); also the index the row now has, for locating its problems."""
    table = parse_table(text, name)
    if index is not None and not 0 <= index < len(table.rows):
        raise IndexError(index)
    if values is None:
        assert index is not None
        del table.rows[index]
        return dump_table(table), None
    if index is None:
        table.rows.append(_row(table, values, None))
        return dump_table(table), len(table.rows) - 1
    table.rows[index] = _row(table, values, table.rows[index])
    return dump_table(table), index
