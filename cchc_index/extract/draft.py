"""Turn what was read into a draft evidence bundle, in the very format `score` reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cchc_index.docnumber import DocNumber
from cchc_index.extract.citations import Citation
from cchc_index.extract.documents import FileDocument
from cchc_index.extract.profile_draft import draft_profile
from cchc_index.extract.report import Extraction
from cchc_index.extract.unit import Unit
from cchc_index.i18n import tr
from cchc_index.text import format_date

COLUMNS = ("number", "date", "kind", "issuer", "subject", "file", "sha256", "for", "note")
FILES_DIR = "van-ban"


@dataclass
class Draft:
    """Rows and mappings ready to write, files to copy in, and what a person must check."""

    profile: dict[str, object]
    documents: list[dict[str, str]] = field(default_factory=list)
    statistics: dict[str, dict[str, str]] = field(default_factory=dict)
    copies: list[tuple[Path, str]] = field(default_factory=list)  # (file, name in bundle)
    warnings: list[str] = field(default_factory=list)


def note_of(where: str, sentence: str) -> str:
    return f'{where}: "{sentence}"'


def build_draft(
    extraction: Extraction | None,
    files: list[FileDocument],
    unit: Unit,
    year: int | None,
    bundle_dir: Path | None = None,
) -> Draft:
    """A draft from a report (optional) and document files (optional)."""
    profile, warnings = draft_profile(unit, year)
    draft = Draft(profile, warnings=warnings)
    rows: dict[tuple[object, dt.date], dict[str, str]] = {}
    if extraction is not None:
        _own_report(extraction, rows)
        for citation in extraction.citations:
            _cited(extraction, citation, rows, draft)
        _statistics(extraction, draft)
    for document in files:
        _file_document(document, unit, rows, draft, bundle_dir)
    draft.documents = list(rows.values())
    return draft


def _row(
    number: DocNumber, date: dt.date, issuer: str | None, subject: str | None, note: str
) -> dict[str, str]:
    return {
        "number": number.symbol,
        "date": format_date(date),
        "kind": number.kind.value,
        "issuer": issuer or "",
        "subject": subject or "",
        "file": "",
        "sha256": "",
        "for": "",
        "note": note,
    }


def _own_report(extraction: Extraction, rows: dict[tuple[object, dt.date], dict[str, str]]) -> None:
    header = extraction.header
    if header.number is None or header.date is None or header.number_line is None:
        return
    where = extraction.source.where(header.number_line)
    note = tr("chính báo cáo này", "this report itself") + f" ({extraction.source.path}, {where})"
    rows[(header.number.key, header.date)] = _row(
        header.number, header.date, None, header.subject, note
    )


def _cited(
    extraction: Extraction,
    citation: Citation,
    rows: dict[tuple[object, dt.date], dict[str, str]],
    draft: Draft,
) -> None:
    first = citation.mentions[0]
    where = extraction.source.where(first.line)
    if citation.date is None:
        draft.warnings.append(
            tr(
                f"{citation.number.symbol} ({where}): không ghi ngày ban hành nên chưa đưa vào "
                "documents.csv; hãy bổ sung ngày",
                f"{citation.number.symbol} ({where}): no date given, so not written to "
                "documents.csv; add its date",
            )
        )
        return
    key = (citation.number.key, citation.date)
    if key not in rows:
        rows[key] = _row(
            citation.number,
            citation.date,
            citation.issuer,
            citation.subject,
            note_of(where, first.sentence),
        )


def _statistics(extraction: Extraction, draft: Draft) -> None:
    where = extraction.source.where
    for reading in extraction.readings:
        if not reading.mapped:
            continue
        if reading.current is None:
            assert reading.previous is not None
            draft.warnings.append(
                tr(
                    f"{reading.variable}: báo cáo chỉ có số năm trước ({reading.previous.value}); "
                    "chưa ghi vào statistics.yaml",
                    f"{reading.variable}: only last year's figure ({reading.previous.value}); "
                    "not written to statistics.yaml",
                )
            )
            continue
        now = reading.current
        entry = {"value": now.value, "source": note_of(where(now.line), now.sentence)}
        if reading.previous is not None:
            prev = reading.previous
            entry["last_year"] = prev.value
            entry["source"] += "; " + tr("năm trước", "last year") + ": "
            entry["source"] += note_of(where(prev.line), prev.sentence)
        draft.statistics[reading.variable] = entry
        if reading.others:
            listed = "; ".join(f"{f.value} ({where(f.line)})" for f in (now, *reading.others))
            draft.warnings.append(
                tr(
                    f"{reading.variable}: báo cáo ghi nhiều số khác nhau ({listed}); "
                    "đã ghi số đầu tiên, hãy kiểm tra",
                    f"{reading.variable}: the report gives different figures ({listed}); "
                    "the first was written, check it",
                )
            )
        if now.approximate:
            draft.warnings.append(
                tr(
                    f"{reading.variable}: {now.value} là số ước lượng ('trên', 'gần'…)",
                    f"{reading.variable}: {now.value} is approximate ('trên', 'gần'…)",
                )
            )


def _file_document(
    document: FileDocument,
    unit: Unit,
    rows: dict[tuple[object, dt.date], dict[str, str]],
    draft: Draft,
    bundle_dir: Path | None,
) -> None:
    header = document.header
    if header.number is None or header.date is None:
        missing = tr("số, ký hiệu", "number") if header.number is None else tr("ngày", "date")
        draft.warnings.append(
            tr(
                f"{document.shown}: không đọc được {missing} ở phần đầu văn bản; chưa đưa vào "
                "documents.csv",
                f"{document.shown}: could not read the {missing} in its header; not written "
                "to documents.csv",
            )
        )
        return
    inside = _relative_inside(document.path, bundle_dir)
    name = inside or f"{FILES_DIR}/{document.path.name}"
    if inside is None:
        draft.copies.append((document.path, name))
    issuer = None
    if header.agency and not unit.is_self(header.agency):
        issuer = header.agency
    elif header.agency is None and not unit.owns_code(header.number):
        issuer = unit.code_issuer(header.number)
    note = f"{tr('tệp', 'file')} {document.shown}, {document.where}"
    key = (header.number.key, header.date)
    row = rows.get(key) or _row(header.number, header.date, issuer, header.subject, note)
    row.update(file=name, sha256=document.sha256)
    if header.subject:
        row["subject"] = header.subject
    if key in rows and note not in row["note"]:
        row["note"] = f"{row['note']}; {note}"
    rows[key] = row


def _relative_inside(path: Path, folder: Path | None) -> str | None:
    if folder is None:
        return None
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None
