"""The reviewer's columns I–M of the working workbook → an `Appraisal` (APPRAISAL.md).

Round 1 from I (points) and J (finding), the unit's explanation from K, round 2 from L and M.
The cells become located data, so the checks of appraisal.yaml report `sheet!cell`.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.load.appraisal import check_appraisal, validate_appraisal
from cchc_index.model.appraisal import Appraisal
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import Framework
from cchc_index.readgate import (
    MAX_TABLE_UNPACKED,
    check_cells,
    check_office,
    encrypted,
    read_file,
    refuse_password,
)
from cchc_index.source import Key, Located, shown
from cchc_index.text import format_date, nfc

MAIN = "Bảng tự đánh giá"
META = "_meta"
ROUND_COLUMNS = {1: (9, 10), 2: (12, 13)}  # I/J and L/M: points, finding
EXPLANATION = 11  # K


@dataclass(frozen=True, order=True)
class CellProblem(Problem):
    """A problem in a workbook, shown as `file:sheet!cell: message`."""

    cell: str = field(default="", compare=False)

    def format(self) -> str:
        return f"{self.path}:{self.cell}: {self.message}"


def cell_problem(path: str, sheet: str, row: int, col: int, message: str) -> CellProblem:
    return CellProblem(path, row, col, message, cell=f"{sheet}!{get_column_letter(col)}{row}")


@dataclass(frozen=True)
class Defaults:
    """Who appraised each round and when, where the workbook does not say."""

    reviewer: dict[int, str]
    date: dict[int, dt.date]
    explained: dt.date
    known: dict[tuple[str, str], dt.date] = field(default_factory=dict)  # explanations kept


def open_workbook(path: Path) -> Any:
    """A workbook through the reader gate (regular file, size, password, zip bomb), read-only."""
    name = shown(path)
    data = read_file(path, name)  # the reader gate: regular file, size, password, zip bomb
    if encrypted(data):
        raise refuse_password(name)
    if data.startswith(b"PK"):
        check_office(data, name, ".xlsx", MAX_TABLE_UNPACKED)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise EvidenceError(
            [
                Problem(
                    shown(path),
                    1,
                    1,
                    tr(
                        "không đọc được bảng tính (hỏng hoặc không phải .xlsx)",
                        "cannot read the workbook (damaged or not .xlsx)",
                    ),
                )
            ]
        ) from exc


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = nfc(str(value)).strip()
    return text or None


def _points(value: object) -> Decimal | str | None:
    """A number cell as an exact Decimal (0.25, not 0.250000001; never read as `0.125` → 125
    the way Vietnamese text is); a text cell as typed (`0,25`)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value))
    return _text(value)


def workbook_meta(workbook: Path) -> dict[str, tuple[int, object]]:
    """The `_meta` rows of a working workbook: key → (row, value); empty without the sheet."""
    wb = open_workbook(workbook)
    try:
        return _meta_rows(wb) if META in wb.sheetnames else {}
    finally:
        wb.close()


def _meta_rows(wb: Any) -> dict[str, tuple[int, object]]:
    found: dict[str, tuple[int, object]] = {}
    for r, row in enumerate(wb[META].iter_rows(min_col=1, max_col=2, values_only=True), start=1):
        if row and row[0] is not None:
            value = row[1] if len(row) > 1 else None
            if isinstance(value, float) and value.is_integer():
                value = int(value)  # a year Excel stored as 2020.0
            found[str(row[0]).strip()] = (r, value)
    return found


def check_meta(wb: Any, path: str, framework: Framework, bundle: Bundle) -> None:
    """Refuse a workbook written for another framework, unit or year (exit 4)."""
    if META not in wb.sheetnames:
        raise EvidenceError(
            [Problem(path, 1, 1, tr(f"thiếu trang '{META}'", f"sheet '{META}' is missing"))]
        )
    found = _meta_rows(wb)
    wanted = {"framework": framework.meta.id, "unit": bundle.profile.name, "year": bundle.year}
    problems: list[Problem] = []
    for key, expected in wanted.items():
        row_no, value = found.get(key, (0, None))
        if row_no == 0:
            problems.append(
                cell_problem(path, META, 1, 1, tr(f"thiếu dòng '{key}'", f"no '{key}' row"))
            )
        elif _text(value) != str(expected):
            problems.append(
                cell_problem(
                    path,
                    META,
                    row_no,
                    2,
                    tr(
                        f"bảng tính của {key} '{value}', không phải '{expected}' của bộ minh chứng",
                        f"the workbook is for {key} '{value}', not the bundle's '{expected}'",
                    ),
                )
            )
    if problems:
        raise EvidenceError(problems)


def _rows(wb: Any, path: str) -> list[tuple[int, tuple[Any, ...]]]:
    if MAIN not in wb.sheetnames:
        raise EvidenceError(
            [Problem(path, 1, 1, tr(f"thiếu trang '{MAIN}'", f"sheet '{MAIN}' is missing"))]
        )
    sheet = wb[MAIN]
    rows = sheet.iter_rows(min_row=2, max_col=13, values_only=True)
    found = [(r, tuple(row) + (None,) * (13 - len(row))) for r, row in enumerate(rows, start=2)]
    check_cells(
        (
            (f"{MAIN}!{get_column_letter(c)}{r}", value)
            for r, row in found
            for c, value in enumerate(row, start=1)
            if isinstance(value, str)
        ),
        path,
    )
    return found


def read_workbook(
    workbook: Path,
    framework: Framework,
    bundle: Bundle,
    self_points: Mapping[str, Decimal],
    defaults: Defaults,
) -> tuple[Appraisal, int]:
    """The rounds and explanations of the workbook, checked like appraisal.yaml; and the
    number of appraised items. Raise EvidenceError with `sheet!cell` problems."""
    path = shown(workbook)
    wb = open_workbook(workbook)
    try:
        check_meta(wb, path, framework, bundle)
        rows = _rows(wb, path)
    finally:
        wb.close()
    src = Located(path, None)
    rounds: dict[int, list[tuple[int, dict[str, Any]]]] = {1: [], 2: []}
    explanations: list[dict[str, Any]] = []
    scored = {leaf.id for _, _, leaf in framework.leaves()}
    for r, cells in rows:
        node = _text(cells[0])
        if node is not None and node not in scored and framework.find(node) is not None:
            continue  # an area or a split criterion: its sums are not appraised
        for number, (p_col, reason_col) in ROUND_COLUMNS.items():
            points, reason = _points(cells[p_col - 1]), _text(cells[reason_col - 1])
            if points is not None or reason is not None:
                item = {"node": node or "", "points": points, "reason": reason}
                rounds[number].append((r, {k: v for k, v in item.items() if v is not None}))
        text = _text(cells[EXPLANATION - 1])
        if text is not None:
            at: Key = ("explanations", len(explanations))
            src.positions[at] = src.positions[(*at, "node")] = (r, 1)
            src.positions[(*at, "text")] = (r, EXPLANATION)
            said = defaults.known.get((node or "", text), defaults.explained)
            explanations.append({"node": node or "", "date": format_date(said), "text": text})
    data: dict[str, Any] = {"rounds": [], "explanations": explanations}
    for number, entries in rounds.items():
        if not entries:
            continue
        index = len(data["rounds"])
        src.positions[("rounds", index)] = (1, ROUND_COLUMNS[number][0])
        for i, (r, _item) in enumerate(entries):
            at = ("rounds", index, "items", i)
            src.positions[at] = src.positions[(*at, "node")] = (r, 1)
            src.positions[(*at, "points")] = (r, ROUND_COLUMNS[number][0])
            src.positions[(*at, "reason")] = (r, ROUND_COLUMNS[number][1])
        data["rounds"].append(
            {
                "round": str(number),
                "reviewer": defaults.reviewer[number],
                "date": format_date(defaults.date[number]),
                "items": [item for _, item in entries],
            }
        )
    src.data = data
    try:
        appraisal = validate_appraisal(src)
    except EvidenceError as exc:
        raise EvidenceError([_located(p) for p in exc.problems]) from exc
    problems = check_appraisal(appraisal, src, framework, self_points)
    if problems:
        raise EvidenceError([_located(p) for p in problems])
    return appraisal, sum(len(entries) for entries in rounds.values())


def _located(problem: Problem) -> Problem:
    if isinstance(problem, CellProblem):
        return problem
    return cell_problem(problem.path, MAIN, problem.line, problem.col, problem.message)
