"""Survey scores delivered by the body that runs the survey (a number per unit and survey
node, from its CSV or XLSX) → the `survey:` section of each unit's appraisal.yaml.

The table is long (`đơn vị | mục | điểm`, one row per unit and node) or wide (`đơn vị` then
one column per survey node). A unit is named as its profile.yaml names it or by its bundle
folder. Every row is checked before anything is written: an unknown unit, a node that is not
a survey node of the unit's framework, points that are not a number in [0, maximum], a
repeated row; each is reported at its place (`file:line:col`, or `file:Sheet!B5`), and then
nothing is written. A unit the table does not cover is listed as "survey pending".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from openpyxl.utils import get_column_letter
from pydantic import ValidationError

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import num, tr
from cchc_index.load.appraisal_workbook import cell_problem, open_workbook
from cchc_index.load.bundle import read_bundle
from cchc_index.load.unit import find_framework
from cchc_index.model.appraisal import Appraisal
from cchc_index.model.framework import Leaf
from cchc_index.readgate import check_cells
from cchc_index.source import parse_csv, parse_yaml, shown
from cchc_index.text import fold, format_date, nfc
from cchc_index.textfile import MAX_TABLE_BYTES, read_text

UNIT = {"don vi", "unit", "ten don vi", "thu muc", "folder"}
NODE = {"muc", "node", "tieu chi", "ma muc"}
POINTS = {"diem", "points", "diem khao sat", "diem dieu tra"}
SECTION = re.compile(r"^survey:.*(?:\n(?:[ \t].*|))*", re.MULTILINE)


@dataclass(frozen=True)
class Entry:
    """One number of the table: for which unit and node, and where it is."""

    unit: str
    node: str
    points: str
    where: tuple[int, int, str]  # line (or row), column, the sheet when a workbook


@dataclass
class Planned:
    """What will be written for one bundle."""

    folder: Path
    unit: str
    items: list[tuple[str, Decimal]] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # survey nodes without a number
    text: str = ""


def _key(header: str) -> str:
    """A header without case, diacritics or underscores: "Đơn vị" → "don vi"."""
    bare = unicodedata.normalize("NFD", fold(header).replace("đ", "d"))
    bare = "".join(c for c in bare if not unicodedata.combining(c))
    return " ".join(bare.replace("_", " ").split())


def _problem(path: str, where: tuple[int, int, str], message: str) -> Problem:
    line, col, sheet = where
    if sheet:
        return cell_problem(path, sheet, line, col, message)
    return Problem(path, line, col, message)


def _rows(path: Path) -> tuple[list[str], list[tuple[list[str], int]], str]:
    """Header, rows with their line (or sheet row), and the sheet name (a workbook)."""
    name = shown(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx(path, name)
    located = parse_csv(read_text(path, name, limit=MAX_TABLE_BYTES), name)
    header = list(located.columns)
    rows = [
        ([str(row.get(h, "")) for h in header], line)
        for row, line in zip(located.data, located.row_lines, strict=True)
    ]
    return header, rows, ""


def _xlsx(path: Path, name: str) -> tuple[list[str], list[tuple[list[str], int]], str]:
    book = open_workbook(path)  # the reader gate: regular file, size, password, zip bomb
    try:
        sheet = book.worksheets[0]
        values = [
            ([_cell(v) for v in row], r)
            for r, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError) as exc:
        raise EvidenceError(
            [
                Problem(
                    name,
                    1,
                    1,
                    tr(
                        "không đọc được bảng tính (hỏng hoặc không phải .xlsx)",
                        "cannot read the workbook (damaged or not .xlsx)",
                    ),
                )
            ]
        ) from exc
    finally:
        book.close()
    check_cells(
        (
            (f"{sheet.title}!{get_column_letter(c)}{r}", text)
            for cells, r in values
            for c, text in enumerate(cells, start=1)
        ),
        name,
    )
    values = [(cells, r) for cells, r in values if any(cells)]
    if not values:
        return [], [], sheet.title
    header, _first = values[0]
    return header, values[1:], sheet.title


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(Decimal(str(value)))
    return nfc(str(value)).strip()


def read_entries(path: Path) -> list[Entry]:
    """The numbers of the table, long or wide, each with its place."""
    header, rows, sheet = _rows(path)
    keys = [_key(h) for h in header]
    name = shown(path)
    unit_col = next((i for i, k in enumerate(keys) if k in UNIT), None)
    if unit_col is None:
        raise EvidenceError(
            [
                _problem(
                    name,
                    (1, 1, sheet),
                    tr(
                        "cần một cột 'đơn vị' (tên đơn vị hoặc thư mục của bộ minh chứng)",
                        "a 'đơn vị' (unit) column is needed (the unit's name or bundle folder)",
                    ),
                )
            ]
        )
    node_col = next((i for i, k in enumerate(keys) if k in NODE), None)
    points_col = next((i for i, k in enumerate(keys) if k in POINTS), None)
    entries = []
    for cells, line in rows:
        cells = cells + [""] * (len(header) - len(cells))
        unit = cells[unit_col]
        if node_col is not None and points_col is not None:  # long: one number a row
            entries.append(
                Entry(unit, cells[node_col], cells[points_col], (line, points_col + 1, sheet))
            )
            continue
        for i, node in enumerate(header):  # wide: a column per node
            if i != unit_col and cells[i]:
                entries.append(Entry(unit, node.strip(), cells[i], (line, i + 1, sheet)))
    return entries


def _points(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def plan(
    path: Path,
    folders: list[Path],
    rules_dir: Path,
    entered_by: str,
    date: dt.date,
    force: bool,
) -> list[Planned]:
    """Every bundle's new survey section, checked; EvidenceError listing every problem."""
    name = shown(path)
    entries = read_entries(path)
    problems: list[Problem] = []
    plans: dict[str, Planned] = {}
    leaves: dict[str, dict[str, Leaf]] = {}
    for folder in folders:
        source = read_bundle(folder)
        framework = find_framework(source.bundle, folder, None, rules_dir).framework
        survey = {
            unit.id: unit
            for _a, _c, _n, unit in framework.units()
            if unit.method is not None and not unit.scoring.self_scored
        }
        made = Planned(folder, source.bundle.profile.name)
        for key in {fold(source.bundle.profile.name), folder.name}:
            plans[key] = made
        leaves[folder.name] = survey
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        found = plans.get(fold(entry.unit)) or plans.get(entry.unit)
        if found is None:
            problems.append(
                _problem(
                    name,
                    entry.where,
                    tr(
                        f"đơn vị '{entry.unit}' không có trong các thư mục đã cho",
                        f"unit '{entry.unit}' is not among the given folders",
                    ),
                )
            )
            continue
        item = found
        survey = leaves[item.folder.name]
        leaf = survey.get(entry.node)
        if leaf is None:
            known = ", ".join(sorted(survey)) or tr("không có", "none")
            problems.append(
                _problem(
                    name,
                    entry.where,
                    tr(
                        f"'{entry.node}' không phải mục điều tra xã hội học của bộ chỉ số ({known})",
                        f"'{entry.node}' is not a survey node of the framework ({known})",
                    ),
                )
            )
            continue
        value = _points(entry.points)
        if value is None or not 0 <= value <= leaf.points:
            problems.append(
                _problem(
                    name,
                    entry.where,
                    tr(
                        f"điểm '{entry.points}' của mục {entry.node} phải là số từ 0 đến {num(leaf.points)}",
                        f"points '{entry.points}' of node {entry.node} must be a number from 0 to {num(leaf.points)}",
                    ),
                )
            )
            continue
        if (item.folder.name, entry.node) in seen:
            problems.append(
                _problem(
                    name,
                    entry.where,
                    tr(
                        f"mục {entry.node} của '{entry.unit}' đã có ở một dòng trước",
                        f"node {entry.node} of '{entry.unit}' is already given on an earlier row",
                    ),
                )
            )
            continue
        seen.add((item.folder.name, entry.node))
        item.items.append((entry.node, value))
    unique = {id(p): p for p in plans.values()}
    for item in unique.values():
        given = {node for node, _ in item.items}
        item.pending = sorted(set(leaves[item.folder.name]) - given)
        if item.items:
            problems += _compose(item, entered_by, date, force)
    if problems:
        raise EvidenceError(problems)
    return sorted(unique.values(), key=lambda p: str(p.folder))


def _compose(item: Planned, entered_by: str, date: dt.date, force: bool) -> list[Problem]:
    """The unit's appraisal.yaml with its survey section replaced (the rest kept as written),
    validated before anything is written."""
    path = item.folder / "appraisal.yaml"
    old = read_text(path, shown(path)) if path.is_file() else ""
    lines = [
        "survey:",
        f"  entered_by: {yaml.safe_dump(entered_by, allow_unicode=True).splitlines()[0]}",
        f"  date: {format_date(date)}",
        "  items:",
        *(f'    - {{node: "{node}", points: "{value}"}}' for node, value in item.items),
    ]
    section = "\n".join(lines) + "\n"
    if SECTION.search(old) and not force:
        return [
            Problem(
                shown(path),
                old[: SECTION.search(old).start()].count("\n") + 1,  # type: ignore[union-attr]
                1,
                tr(
                    "đã có phần 'survey'; dùng --force để thay",
                    "a 'survey' section is already there; use --force to replace it",
                ),
            )
        ]
    body = SECTION.sub("", old).rstrip("\n")
    item.text = (body + "\n" if body else "") + section
    try:
        Appraisal.model_validate(parse_yaml(item.text, shown(path)).data)
    except ValidationError as exc:  # the rest of the file was already wrong: say so
        return [Problem(shown(path), 1, 1, str(exc.errors()[0]["msg"]))]
    return []


def write_plans(plans: list[Planned], inputs: list[Path]) -> None:
    from cchc_index.output import current, refuse_inputs, write_atomic

    for item in plans:
        if item.text:
            current().updates(item.folder / "appraisal.yaml")  # the one file survey rewrites
            refuse_inputs(item.folder / "appraisal.yaml", inputs)
    for item in plans:
        if item.text:
            write_atomic(item.folder / "appraisal.yaml", item.text)


def describe(plans: list[Planned]) -> str:
    lines = []
    for item in plans:
        got = ", ".join(f"{node}: {num(value)}" for node, value in item.items) or "—"
        pending = (
            tr(
                f"; chờ khảo sát: {', '.join(item.pending)}",
                f"; survey pending: {', '.join(item.pending)}",
            )
            if item.pending
            else ""
        )
        lines.append(f"{item.unit} ({shown(item.folder)}): {got}{pending}")
    return "\n".join(lines) + "\n"
