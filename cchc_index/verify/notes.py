"""What `score --verify` and `check --verify` add: one located warning for each file that says
something else than its row, and for each document counted for a product that asks for a
signed file (`signed: true`) whose file is missing, unsigned or broken. The points do not
change: the council decides; the reason is shown, as the council gives it."""

from __future__ import annotations

from pathlib import Path

from cchc_index.errors import Problem
from cchc_index.i18n import tr
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import DocumentProduct, Framework
from cchc_index.model.result import Result
from cchc_index.source import shown
from cchc_index.verify.run import RowCheck, VerifyReport
from cchc_index.verify.signature import SignatureVerdict
from cchc_index.verify.verdict import Verdict, field_shown


def _at(folder: Path, row: int, message: str, table: str = "documents") -> Problem:
    return Problem(shown(folder / f"{table}.csv"), row, 1, message)


def differing(report: VerifyReport, folder: Path) -> list[Problem]:
    notes: list[Problem] = []
    for row in report.rows:
        for check in row.fields:
            if check.verdict is Verdict.DIFFERS:
                notes.append(
                    _at(
                        folder,
                        row.row,
                        tr(
                            f"tệp {row.file or row.label} ghi khác: {field_shown(check.field)} {check.found or ''}".rstrip(),
                            f"file {row.file or row.label} says otherwise: {field_shown(check.field)} {check.found or ''}".rstrip(),
                        ),
                        row.table,
                    )
                )
        if row.signature is not None and row.signature.verdict is SignatureVerdict.TAMPERED:
            notes.append(_at(folder, row.row, f"{row.file}: {row.signature.verdict.shown()}"))
    return notes


def signature_notes(
    framework: Framework, bundle: Bundle, result: Result, report: VerifyReport, folder: Path
) -> list[Problem]:
    """Documents counted for a `signed: true` product without an intact signed file."""
    checks: dict[int, RowCheck] = {r.row: r for r in report.rows if r.table == "documents"}
    lines = {doc.label(): (index + 2, doc) for index, doc in enumerate(bundle.documents)}
    products = {
        p.id: p
        for _, _, leaf in framework.leaves()
        for p in leaf.evidence
        if isinstance(p, DocumentProduct) and p.signed
    }
    notes: list[Problem] = []
    for leaf in result.leaves:
        node = framework.nodes_by_id.get(leaf.id)
        wanted = [p for p in getattr(node, "evidence", ()) if p.id in products]
        if not wanted:
            continue
        for label in leaf.evidence:
            if label not in lines:
                continue
            row, document = lines[label]
            check = checks.get(row)
            if document.file is None:
                why = tr("chưa có tệp", "no file")
            elif check is None or check.signature is None:
                why = tr("tệp không phải PDF có chữ ký số", "the file is not a signed PDF")
            elif check.signature.verdict is SignatureVerdict.INTACT_UNTRUSTED:
                continue
            else:
                why = check.signature.verdict.shown()
            notes.append(
                _at(
                    folder,
                    row,
                    tr(
                        f"{leaf.id} yêu cầu file có chữ ký số ({wanted[0].title}): {label}: {why}",
                        f"{leaf.id} requires a digitally signed file ({wanted[0].title}): {label}: {why}",
                    ),
                )
            )
    return notes
