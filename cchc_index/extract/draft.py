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
from cchc_index.extract.review import (
    arithmetic_notes,
    reading_notes,
    set_aside_date_note,
    shared_date_note,
)
from cchc_index.extract.unit import Unit
from cchc_index.i18n import tr
from cchc_index.text import format_date

COLUMNS = ("number", "date", "kind", "issuer", "subject", "file", "sha256", "for", "note")
FILES_DIR = "van-ban"
UNDATED_FILE = "van-ban-chua-co-ngay.csv"  # beside documents.csv; `score` does not read it


@dataclass
class Draft:
    """Rows and mappings ready to write, files to copy in, and what a person must check."""

    profile: dict[str, object]
    documents: list[dict[str, str]] = field(default_factory=list)
    undated: list[dict[str, str]] = field(default_factory=list)  # cited with no date given
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
    framework: str | None = None,
) -> Draft:
    """A draft from a report (optional) and document files (optional); its profile names
    `framework`, else the framework whose variables the report was read for."""
    if framework is None and extraction is not None:
        framework = extraction.variables.framework
    profile, warnings = draft_profile(unit, year, framework)
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
    number: DocNumber, date: dt.date | None, issuer: str | None, subject: str | None, note: str
) -> dict[str, str]:
    return {
        "number": number.symbol,
        "date": format_date(date) if date else "",
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
    where = extraction.source.where(first.line)  # Vietnamese: it goes into the bundle's files
    shown = extraction.source.shown(first.line)  # the reader's language: it is printed
    if citation.date is None and citation.date_set_aside is not None:
        draft.warnings.append(set_aside_date_note(citation, shown))
    if citation.date is None:
        draft.undated.append(
            _row(citation.number, None, citation.issuer, citation.subject,
                 note_of(where, first.sentence))
        )  # fmt: skip
        draft.warnings.append(
            tr(
                f"{citation.number.symbol} ({shown}): báo cáo không ghi ngày ban hành; đã ghi "
                f"vào {UNDATED_FILE} với ngày để trống, hãy bổ sung ngày rồi chuyển sang "
                "documents.csv",
                f"{citation.number.symbol} ({shown}): the report gives no date; written to "
                f"{UNDATED_FILE} with an empty date: add its date, then move it to documents.csv",
            )
        )
        return
    if citation.date_assumed:
        draft.warnings.append(
            tr(
                f"{citation.number.symbol} ({shown}): ngày ban hành không ghi năm; đã lấy năm "
                f"{citation.date.year} của báo cáo, hãy kiểm tra",
                f"{citation.number.symbol} ({shown}): its date has no year; the report's year "
                f"{citation.date.year} was assumed, check it",
            )
        )
    if citation.date_shared_with is not None:
        draft.warnings.append(shared_date_note(citation, shown))
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
    """Certain figures to statistics.yaml, each with its line and sentence; the rest, and
    every sum that does not close, to the notes a person must check."""
    where = extraction.source.where
    for reading in extraction.readings:
        if not reading.mapped:
            continue
        draft.warnings.extend(reading_notes(reading, extraction.source.shown))
        if not reading.certain or reading.current is None:
            continue
        now = reading.current
        entry = {"value": now.value, "source": note_of(where(now.line), now.sentence)}
        if reading.previous is not None:
            prev = reading.previous
            entry["last_year"] = prev.value
            entry["source"] += "; " + tr("năm trước", "last year") + ": "
            entry["source"] += note_of(where(prev.line), prev.sentence)
        draft.statistics[reading.variable] = entry
    draft.warnings.extend(arithmetic_notes(extraction.readings, extraction.source.shown))


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
