"""A verify report as a terminal table, Markdown or JSON."""

from __future__ import annotations

import json
from typing import Any

from cchc_index.i18n import tr
from cchc_index.report.text_table import table
from cchc_index.text import safe_text
from cchc_index.verify.run import RowCheck, VerifyReport
from cchc_index.verify.verdict import field_shown


def _how(row: RowCheck) -> str:
    if row.how == "ocr":
        confidence = f" {row.confidence:.0f}%" if row.confidence is not None else ""
        return tr(f"OCR{confidence}", f"OCR{confidence}")
    return {
        "text": tr("lớp chữ PDF", "PDF text"),
        "docx": "Word",
        "txt": tr("văn bản", "text"),
    }.get(row.how or "", "")


def _cells(row: RowCheck) -> list[str]:
    checks = "\n".join(f"{field_shown(f.field)}: {f.text()}" for f in row.fields)
    if row.problem:
        checks = (checks + "\n" if checks else "") + tr(
            f"không đọc được tệp: {row.problem}", f"file unreadable: {row.problem}"
        )
    signature = row.signature.text() if row.signature is not None else ""
    return [
        f"{row.table}.csv:{row.row}",
        row.label,
        row.file or "",
        _how(row),
        checks,
        signature,
    ]


def _headers() -> list[str]:
    return [
        tr("Dòng", "Row"),
        tr("Văn bản", "Document"),
        tr("Tệp", "File"),
        tr("Đọc bằng", "Read by"),
        tr("Đối chiếu", "Checks"),
        tr("Chữ ký số", "Signature"),
    ]


def _summary(report: VerifyReport) -> str:
    total = len(report.rows)
    matched = sum(r.all_match for r in report.rows)
    return tr(
        f"{report.unit}: {total} tệp/đường link được kiểm tra, {matched} khớp hoàn toàn.\n",
        f"{report.unit}: {total} files/links checked, {matched} match fully.\n",
    )


def render_table(report: VerifyReport) -> str:
    if not report.rows:
        return tr(
            f"{report.unit}: không có dòng nào có tệp để kiểm tra.\n",
            f"{report.unit}: no row has a file to check.\n",
        )
    rows = [_cells(r) for r in report.rows]
    drawn = table(rows, _headers(), "simple_grid", maxcolwidths=[12, 28, 24, 10, 46, 34])
    return safe_text(drawn) + "\n" + _summary(report)


def render_markdown(report: VerifyReport) -> str:
    rows = [[c.replace("\n", "<br>").replace("|", "\\|") for c in _cells(r)] for r in report.rows]
    title = tr("# Đối chiếu tệp minh chứng", "# Evidence files checked")
    body = table(rows, _headers(), "pipe") if rows else ""
    return safe_text(f"{title}\n\n{_summary(report)}\n{body}\n")


def as_dict(report: VerifyReport) -> dict[str, Any]:
    def row(r: RowCheck) -> dict[str, Any]:
        return {
            "table": r.table,
            "row": r.row,
            "label": r.label,
            "file": r.file,
            "sha256": r.sha256,
            "read_by": r.how,
            "ocr_confidence": round(r.confidence, 1) if r.confidence is not None else None,
            "problem": r.problem,
            "fields": {
                f.field: {"verdict": f.verdict.value, "found": f.found, "note": f.note}
                for f in r.fields
            },
            "signature": None
            if r.signature is None
            else {
                "verdict": r.signature.verdict.value,
                "signer": r.signature.signer,
                "organisation": r.signature.organisation,
                "signed_at": r.signature.signed_at.isoformat() if r.signature.signed_at else None,
                "signatures": r.signature.count,
                "note": r.signature.note,
            },
        }

    return {"bundle": report.bundle, "unit": report.unit, "rows": [row(r) for r in report.rows]}


def render_json(report: VerifyReport) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"table": render_table, "markdown": render_markdown, "json": render_json}
