"""What a report proposes for a unit's bundle, and how each proposal stands against it.

`read_items` keeps, of what `extract` read and drafted, the documents and figures the draft
would write (each with where it stands in the report and its sentence) and the notes a person
must check; plain data, carried in the page's form. `compare` sets each against the bundle's
current records: **new** (ticked), **adds** a value the record lacks (ticked), **differs**
from a value the bundle has (unticked: both are shown), or **same** (nothing to do).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from cchc_index.docnumber import parse_doc_number
from cchc_index.extract.crosscheck import same_body
from cchc_index.extract.draft import Draft
from cchc_index.extract.report import Extraction
from cchc_index.extract.review import (
    arithmetic_notes,
    reading_notes,
    set_aside_date_note,
    shared_date_note,
)
from cchc_index.extract.unit import Unit
from cchc_index.i18n import tr
from cchc_index.text import parse_date, parse_number
from cchc_index.web.kinds import KINDS
from cchc_index.web.staging import read

FILES = ("documents.csv", "statistics.yaml")
NEW, ADDS, DIFFERS, SAME = "new", "adds", "differs", "same"
SENTENCE = 400  # characters of a sentence carried in the form


@dataclass(frozen=True)
class Change:
    field: str  # its label
    bundle: str
    report: str
    overwrites: bool  # replaces a value the bundle has (else fills an empty one)


@dataclass(frozen=True)
class Proposal:
    id: str  # the checkbox's name after "keep-"
    kind: str  # a web.kinds.KINDS name
    label: str  # the document's number, the variable's name
    title: str  # the document's subject, the variable's title
    state: str  # NEW, ADDS, DIFFERS or SAME
    key: str | None  # the record it changes (None: a new record)
    values: dict[str, str]  # the record as it is saved when kept
    shown: tuple[tuple[str, str], ...]  # (label, value) read from the report
    changes: tuple[Change, ...]
    where: str
    sentence: str

    @property
    def actionable(self) -> bool:
        return self.state != SAME

    @property
    def ticked(self) -> bool:
        """Ticked when the page opens: it only adds; a value that differs waits for a person."""
        return self.state in (NEW, ADDS)


def read_items(extraction: Extraction, draft: Draft) -> dict[str, Any]:
    """The draft's documents and figures with their places in the report, and what to check."""
    shown = extraction.source.shown
    origins: dict[tuple[str, dt.date], tuple[str, str]] = {}
    header = extraction.header
    if header.number and header.date and header.number_line:
        line = extraction.source.lines[header.number_line - 1]
        origins[(header.number.key, header.date)] = (shown(header.number_line), line)
    for citation in extraction.citations:
        if citation.date is not None:
            first = citation.mentions[0]
            key = (citation.number.key, citation.date)
            origins.setdefault(key, (shown(first.line), first.sentence))
    documents = []
    for row in draft.documents:
        key = (parse_doc_number(row["number"]).key, parse_date(row["date"]))
        where, sentence = origins.get(key, ("", ""))
        documents.append({**row, "where": where, "sentence": sentence[:SENTENCE]})
    readings = {r.variable: r for r in extraction.readings}
    statistics = []
    for variable, entry in draft.statistics.items():
        now = readings[variable].current
        assert now is not None  # the draft writes only certain readings
        statistics.append(
            {
                "name": variable,
                "title": extraction.variables.titles.get(variable, ""),
                "value": entry["value"],
                "last_year": entry.get("last_year", ""),
                "source": entry["source"],
                "where": shown(now.line),
                "sentence": now.sentence[:SENTENCE],
            }
        )
    return {
        "documents": documents,
        "statistics": statistics,
        "review": to_check(extraction),
    }


def to_check(extraction: Extraction) -> list[str]:
    """What a person must check, as `extract` lists it, in the server's words: nothing of
    it is proposed (a document without a date, a figure that is not certain or that the
    framework has no variable for)."""
    shown = extraction.source.shown
    notes = []
    for c in extraction.citations:
        where = shown(c.mentions[0].line)
        if c.date is None and c.date_set_aside is not None:
            notes.append(set_aside_date_note(c, where))
        if c.date is None:
            notes.append(
                tr(
                    f"{c.number.symbol} ({where}): báo cáo không ghi ngày ban hành; chưa đề "
                    "xuất, hãy thêm ở trang Văn bản khi biết ngày",
                    f"{c.number.symbol} ({where}): the report gives no date; not proposed, "
                    "add it on the Documents page once its date is known",
                )
            )
        elif c.date_assumed:
            notes.append(
                tr(
                    f"{c.number.symbol} ({where}): ngày ban hành không ghi năm; đã lấy năm "
                    f"{c.date.year} của báo cáo, hãy kiểm tra trước khi giữ",
                    f"{c.number.symbol} ({where}): its date has no year; the report's year "
                    f"{c.date.year} was assumed, check it before keeping it",
                )
            )
        if c.date is not None and c.date_shared_with is not None:
            notes.append(shared_date_note(c, where))
    for r in extraction.readings:
        if r.mapped:
            notes.extend(reading_notes(r, shown))
        elif r.current is not None:
            notes.append(
                tr(
                    f"{r.variable} = {r.current.value} ({shown(r.current.line)}): bộ chỉ số "
                    f"{extraction.variables.framework} không có biến này; không đề xuất",
                    f"{r.variable} = {r.current.value} ({shown(r.current.line)}): framework "
                    f"{extraction.variables.framework} has no such variable; not proposed",
                )
            )
    notes.extend(arithmetic_notes(extraction.readings, shown))
    return notes


def _labels() -> dict[str, str]:
    return {
        "date": tr("Ngày", "Date"),
        "issuer": tr("Cơ quan ban hành", "Issuer"),
        "subject": tr("Trích yếu", "Subject"),
        "value": tr("Giá trị năm đánh giá", "Value this year"),
        "last_year": tr("Giá trị năm trước", "Last year's value"),
    }


def _number_key(text: str) -> str | None:
    try:
        return parse_doc_number(text).key
    except ValueError:
        return None


def _date(text: str) -> dt.date | str:
    try:
        return parse_date(text)
    except (ValueError, TypeError):
        return text.strip()


def _amount(text: str) -> Decimal | str:
    try:
        return parse_number(text)
    except (ValueError, ArithmeticError):
        return text.strip()


def _joined(old: str, new: str) -> str:
    return new if not old else old if new in old else f"{old}; {new}"


def _own(issuer: str, unit: Unit) -> bool:
    return not issuer.strip() or unit.is_self(issuer)


def _document(
    i: int, d: dict[str, str], existing: list[tuple[str, dict[str, str]]], unit: Unit
) -> Proposal:
    labels = _labels()
    own = tr("của đơn vị", "the unit's own")
    number = _number_key(d["number"])
    same = [
        (k, r) for k, r in existing if number is not None and _number_key(r["number"]) == number
    ]
    shown = tuple(
        (labels[f], d[f] or (own if f == "issuer" else "")) for f in ("date", "issuer", "subject")
    )

    def made(
        state: str, key: str | None, values: dict[str, str], changes: list[Change]
    ) -> Proposal:
        return Proposal(
            f"d{i}", "documents", d["number"], d["subject"], state, key, values, shown,
            tuple(changes), d["where"], d["sentence"],
        )  # fmt: skip

    if not same:
        return made(NEW, None, {f.name: d.get(f.name, "") for f in KINDS["documents"].fields}, [])
    key, record = next(((k, r) for k, r in same if _date(r["date"]) == _date(d["date"])), same[0])
    values, changes = dict(record), []
    if _date(record["date"]) != _date(d["date"]):
        changes.append(Change(labels["date"], record["date"], d["date"], True))
        values["date"] = d["date"]
    theirs, ours = record["issuer"], d["issuer"]
    if not (_own(theirs, unit) and _own(ours, unit)) and not same_body(theirs, ours):
        changes.append(Change(labels["issuer"], theirs or own, ours or own, True))
        values["issuer"] = ours
    if not record["subject"].strip() and d["subject"]:
        changes.append(Change(labels["subject"], "", d["subject"], False))
        values["subject"] = d["subject"]
    if changes:
        values["note"] = _joined(record["note"], d["note"])
    return made(_state(changes), key, values, changes)


def _state(changes: list[Change]) -> str:
    return DIFFERS if any(c.overwrites for c in changes) else ADDS if changes else SAME


def _statistic(s: dict[str, str], existing: dict[str, dict[str, str]]) -> Proposal:
    labels = _labels()
    shown = tuple((labels[f], s[f]) for f in ("value", "last_year") if s[f])

    def made(state: str, values: dict[str, str], changes: list[Change]) -> Proposal:
        return Proposal(
            f"s-{s['name']}", "statistics", s["name"], s["title"], state,
            None if state == NEW else s["name"], values, shown, tuple(changes),
            s["where"], s["sentence"],
        )  # fmt: skip

    record = existing.get(s["name"])
    if record is None:
        return made(NEW, {f: s[f] for f in ("name", "value", "last_year", "source")}, [])
    values, changes = dict(record), []
    for field in ("value", "last_year"):
        if not s[field] or _amount(record[field]) == _amount(s[field]):
            continue
        changes.append(Change(labels[field], record[field], s[field], bool(record[field].strip())))
        values[field] = s[field]
    state = _state(changes)
    if changes:
        values["source"] = (
            s["source"] if state == DIFFERS else _joined(record["source"], s["source"])
        )
    return made(state, values, changes)


def compare(items: dict[str, Any], folder: Path, unit: Unit) -> list[Proposal]:
    """Each item of `read_items` against the bundle in `folder` now (`unit`: who it is, to
    tell its own documents from others')."""
    documents = KINDS["documents"].records(read(folder / "documents.csv"))
    statistics = dict(KINDS["statistics"].records(read(folder / "statistics.yaml")))
    return [
        *(_document(i, d, documents, unit) for i, d in enumerate(items["documents"])),
        *(_statistic(s, statistics) for s in items["statistics"]),
    ]
