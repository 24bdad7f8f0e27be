"""`cchc-index verify FOLDER` over many bundles (a province's units): each unit's files read and
checked as for one bundle, then one summary for the reviewer with 150 units: the units whose
files say something else than their rows first, each differing row with what its file says.

Reading scans is the slow part (Tesseract on one core per file), so the bundles are checked
in worker processes (`--jobs`, default the cores); the order of the result never depends on
it. A bundle that does not load is reported with its first problem; the others are checked.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tabulate import tabulate

from cchc_index.errors import CchcError
from cchc_index.i18n import lang, tr, using
from cchc_index.text import safe_text
from cchc_index.verify.run import RowCheck, VerifyReport, verify_bundle
from cchc_index.verify.show import as_dict
from cchc_index.verify.verdict import Verdict, field_shown


@dataclass(frozen=True)
class UnitCheck:
    """One bundle's check, or why it could not be loaded."""

    folder: str
    report: VerifyReport | None
    problem: str | None = None

    @property
    def unit(self) -> str:
        return self.report.unit if self.report is not None else self.folder

    @property
    def differing(self) -> tuple[RowCheck, ...]:
        """Its rows whose file says something else, or whose signature is broken."""
        if self.report is None:
            return ()
        return tuple(r for r in self.report.rows if r.differs)

    @property
    def unsure(self) -> int:
        """Its rows that differ in nothing but whose file was unreadable or lacked a field."""
        rows = self.report.rows if self.report is not None else ()
        return sum(
            1
            for r in rows
            if not r.differs
            and (r.problem is not None or any(f.verdict in _UNSURE for f in r.fields))
        )


_UNSURE = frozenset({Verdict.NOT_FOUND, Verdict.UNREADABLE})


def _check(folder: Path, language: str, links: bool) -> UnitCheck:
    with using(language):
        try:
            return UnitCheck(str(folder), verify_bundle(folder, links=links))
        except CchcError as exc:
            return UnitCheck(str(folder), None, exc.lines()[0])


def verify_many(
    folders: Sequence[Path], jobs: int | None = None, *, links: bool = False
) -> list[UnitCheck]:
    """Every bundle checked (in `jobs` processes), the ones with differences first (most
    differing rows first), then by folder."""
    jobs = min(jobs or os.cpu_count() or 1, max(1, len(folders)))
    language = lang()
    if jobs == 1:
        found = [_check(f, language, links) for f in folders]
    else:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            many = len(folders)
            found = list(pool.map(_check, folders, [language] * many, [links] * many))
    return sorted(found, key=lambda u: (-len(u.differing), u.report is not None, u.folder))


def _label(row: RowCheck) -> str:
    return f"{row.table}.csv:{row.row} {row.label}"


def _what_differs(row: RowCheck) -> str:
    said = [
        f"{field_shown(f.field)}: {f.text()}" for f in row.fields if f.verdict is Verdict.DIFFERS
    ]
    if row.signature is not None and row.signature.verdict == "tampered":
        said.append(tr("chữ ký số: ", "signature: ") + row.signature.text())
    return "; ".join(said)


def _summary_rows(units: Sequence[UnitCheck]) -> list[list[str]]:
    rows = []
    for u in units:
        if u.report is None:
            rows.append(
                [
                    u.unit,
                    u.folder,
                    "—",
                    "—",
                    "—",
                    tr("không đọc được: ", "unreadable: ") + (u.problem or ""),
                ]
            )
            continue
        checked = len(u.report.rows)
        matched = sum(r.all_match for r in u.report.rows)
        rows.append(
            [
                u.unit,
                u.folder,
                str(checked),
                str(matched),
                str(len(u.differing)),
                str(u.unsure),
            ]
        )
    return rows


def _headers() -> list[str]:
    return [
        tr("Đơn vị", "Unit"),
        tr("Thư mục", "Folder"),
        tr("Tệp đã đối chiếu", "Files checked"),
        tr("Khớp hoàn toàn", "Match fully"),
        tr("Ghi khác", "Differ"),
        tr("Không thấy, không đọc được", "Not found, unreadable"),
    ]


def _totals(units: Sequence[UnitCheck]) -> str:
    differing = [u for u in units if u.differing]
    failed = [u for u in units if u.report is None]
    rows = sum(len(u.differing) for u in units)
    text = tr(
        f"{len(units)} bộ minh chứng; {len(differing)} bộ có tệp ghi khác dòng khai ({rows} dòng)",
        f"{len(units)} bundles; {len(differing)} with files that say otherwise ({rows} rows)",
    )
    if failed:
        text += tr(f"; {len(failed)} bộ không đọc được", f"; {len(failed)} could not be read")
    return text + ".\n"


def _differences(units: Sequence[UnitCheck]) -> list[list[str]]:
    return [[u.unit, _label(r), r.file or "", _what_differs(r)] for u in units for r in u.differing]


def _difference_headers() -> list[str]:
    return [
        tr("Đơn vị", "Unit"),
        tr("Dòng", "Row"),
        tr("Tệp", "File"),
        tr("Tệp ghi", "The file says"),
    ]


def render_table(units: Sequence[UnitCheck]) -> str:
    text = tabulate(
        _summary_rows(units),
        _headers(),
        tablefmt="simple_grid",
        maxcolwidths=[28, 30, 10, 10, 8, 30],
    )
    found = _differences(units)
    if found:
        text += "\n" + tr("Các dòng ghi khác:", "Rows that differ:") + "\n"
        text += tabulate(
            found, _difference_headers(), tablefmt="simple_grid", maxcolwidths=[24, 30, 26, 50]
        )
    return safe_text(text) + "\n" + _totals(units)


def _cell(text: str) -> str:
    return text.replace("\n", "<br>").replace("|", "\\|")


def render_markdown(units: Sequence[UnitCheck]) -> str:
    title = tr("# Đối chiếu tệp minh chứng của các đơn vị", "# Evidence files checked, by unit")
    body = tabulate(
        [[_cell(c) for c in r] for r in _summary_rows(units)], _headers(), tablefmt="pipe"
    )
    found = _differences(units)
    if found:
        body += "\n\n" + tr("## Các dòng ghi khác", "## Rows that differ") + "\n\n"
        body += tabulate(
            [[_cell(c) for c in r] for r in found], _difference_headers(), tablefmt="pipe"
        )
    return safe_text(f"{title}\n\n{_totals(units)}\n{body}\n")


def render_json(units: Sequence[UnitCheck]) -> str:
    def one(u: UnitCheck) -> dict[str, Any]:
        found: dict[str, Any] = {"folder": u.folder, "unit": u.unit, "problem": u.problem}
        if u.report is not None:
            found.update(
                checked=len(u.report.rows),
                matched=sum(r.all_match for r in u.report.rows),
                differing=len(u.differing),
                rows=as_dict(u.report)["rows"],
            )
        return found

    return json.dumps({"units": [one(u) for u in units]}, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"table": render_table, "markdown": render_markdown, "json": render_json}
