"""What `extract` prints: a listing a person can check line by line, or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cchc_index.docnumber import KIND_TITLES, KIND_TITLES_EN, DocKind
from cchc_index.extract.citations import Citation
from cchc_index.extract.crosscheck import Finding
from cchc_index.extract.documents import FileDocument
from cchc_index.extract.draft import Draft
from cchc_index.extract.figure import Figure
from cchc_index.extract.report import Extraction, Reading
from cchc_index.extract.statrules import TITLES
from cchc_index.i18n import tr
from cchc_index.text import format_date


@dataclass(frozen=True)
class Outcome:
    """Everything one run of `extract` produced."""

    extraction: Extraction | None
    files: list[FileDocument]
    draft: Draft
    findings: list[Finding] | None = None
    against: str | None = None
    written: Path | None = None
    written_files: tuple[str, ...] = ()


def _date(citation: Citation) -> str:
    return format_date(citation.date) if citation.date else tr("(không rõ ngày)", "(no date)")


def _issuer(citation: Citation) -> str:
    return citation.issuer or tr("của đơn vị", "the unit's own")


def render_text(outcome: Outcome) -> str:
    out: list[str] = []
    ex = outcome.extraction
    if ex is not None:
        head = ex.header
        own = f"{head.number.symbol} " if head.number else ""
        dated = (
            tr(f"ngày {format_date(head.date)}", f"of {format_date(head.date)}")
            if head.date
            else ""
        )
        out.append(f"{tr('Báo cáo', 'Report')}: {ex.source.path} — {own}{dated}".rstrip(" —"))
        unit = ex.unit.name or tr("(chưa rõ)", "(unknown)")
        out.append(f"{tr('Đơn vị', 'Unit')}: {unit} · {tr('năm', 'year')} {ex.year or '?'}")
        own_count = sum(c.own for c in ex.citations)
        out.append("")
        out.append(
            tr(
                f"Văn bản được trích dẫn ({len(ex.citations)}; {own_count} của đơn vị, "
                f"{len(ex.citations) - own_count} của cơ quan khác):",
                f"Documents cited ({len(ex.citations)}; {own_count} own, "
                f"{len(ex.citations) - own_count} from other bodies):",
            )
        )
        for c in ex.citations:
            out.append(
                f"  {ex.source.shown(c.line):>12}  {c.number.symbol:<18} {_date(c):<11} "
                f"{kind_title(c.kind):<11} {_issuer(c)}"
            )
            if c.subject:
                out.append(f"  {'':>12}  {c.subject[:110]}")
        out.append("")
        out.append(tr(f"Số liệu ({len(ex.readings)}):", f"Figures ({len(ex.readings)}):"))
        out.extend(_reading(ex, r) for r in ex.readings)
    if outcome.files:
        out.append("")
        out.append(
            tr(
                f"Văn bản trong thư mục ({len(outcome.files)}):",
                f"Documents in the folder ({len(outcome.files)}):",
            )
        )
        for f in outcome.files:
            h = f.header
            number = h.number.symbol if h.number else "?"
            date = format_date(h.date) if h.date else "?"
            out.append(f"  {f.shown}: {number} {date} {h.subject or ''}".rstrip())
    if outcome.draft.warnings:
        out.append("")
        out.append(
            tr(
                f"Cần kiểm tra ({len(outcome.draft.warnings)}):",
                f"To check ({len(outcome.draft.warnings)}):",
            )
        )
        out.extend(f"  - {w}" for w in outcome.draft.warnings)
    if outcome.findings is not None:
        out.append("")
        out.append(
            tr(
                f"Đối chiếu với bộ minh chứng {outcome.against}: "
                f"{len(outcome.findings)} chênh lệch",
                f"Checked against bundle {outcome.against}: {len(outcome.findings)} discrepancies",
            )
        )
        out.extend(f"  - {f.message}" for f in outcome.findings)
    if outcome.written is not None:
        out.append("")
        names = ", ".join(outcome.written_files)
        out.append(
            tr(
                f"Đã ghi bộ minh chứng nháp vào {outcome.written}: {names}",
                f"Draft bundle written to {outcome.written}: {names}",
            )
        )
    return "\n".join(out).lstrip("\n") + "\n"


def _reading(ex: Extraction, r: Reading) -> str:
    figure = r.current or r.previous
    assert figure is not None
    value = r.current.value if r.current else "—"
    text = f"  {ex.source.shown(figure.line):>12}  {r.variable} = {value}"
    if r.previous is not None:
        text += tr(f" (năm trước: {r.previous.value})", f" (last year: {r.previous.value})")
    if r.others:
        text += tr(" (còn số khác: ", " (also: ") + ", ".join(f.value for f in r.others) + ")"
    if r.mapped:
        text += f"  [{ex.variables.titles[r.variable]}]"
    else:
        title = TITLES.get(r.variable, ("", ""))
        text += tr(
            f"  [{title[0]}; không có biến trong bộ chỉ số {ex.variables.framework}]",
            f"  [{title[1]}; no variable in framework {ex.variables.framework}]",
        )
    return text


def render_json(outcome: Outcome) -> str:
    ex = outcome.extraction
    data: dict[str, object] = {}
    if ex is not None:
        head = ex.header
        data["report"] = {
            "path": ex.source.path,
            "number": head.number.symbol if head.number else None,
            "date": format_date(head.date) if head.date else None,
            "place": head.place,
            "kind": head.doc_kind.value if head.doc_kind else None,
            "subject": head.subject,
        }
        data["unit"] = {"name": ex.unit.name, "level": ex.unit.level, "province": ex.unit.province}
        data["year"] = ex.year
        data["citations"] = [_citation(ex, c) for c in ex.citations]
        data["statistics"] = [_statistic(ex, r) for r in ex.readings]
    data["documents"] = [
        {
            "file": f.shown,
            "number": f.header.number.symbol if f.header.number else None,
            "date": format_date(f.header.date) if f.header.date else None,
            "kind": f.header.doc_kind.value if f.header.doc_kind else None,
            "subject": f.header.subject,
            "place": f.header.place,
            "sha256": f.sha256,
        }
        for f in outcome.files
    ]
    data["warnings"] = outcome.draft.warnings
    data["discrepancies"] = (
        None
        if outcome.findings is None
        else [{"kind": f.kind, "item": f.item, "message": f.message} for f in outcome.findings]
    )
    data["written"] = str(outcome.written) if outcome.written else None
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _citation(ex: Extraction, c: Citation) -> dict[str, object]:
    return {
        "number": c.number.symbol,
        "kind": c.kind.value,
        "kind_title": kind_title(c.kind),
        "date": format_date(c.date) if c.date else None,
        "own": c.own,
        "issuer": c.issuer,
        "subject": c.subject,
        "mentions": [
            {"line": m.line, "where": ex.source.shown(m.line), "sentence": m.sentence}
            for m in c.mentions
        ],
    }


def _figure(ex: Extraction, f: Figure | None) -> dict[str, object] | None:
    if f is None:
        return None
    return {
        "value": f.value,
        "line": f.line,
        "where": ex.source.shown(f.line),
        "sentence": f.sentence,
        "approximate": f.approximate,
    }


def _statistic(ex: Extraction, r: Reading) -> dict[str, object]:
    return {
        "variable": r.variable,
        "mapped": r.mapped,
        "label": ex.variables.titles.get(r.variable),
        "value": _figure(ex, r.current),
        "last_year": _figure(ex, r.previous),
        "others": [_figure(ex, f) for f in r.others],
    }


def kind_title(kind: DocKind) -> str:
    """`Kế hoạch`, or `Plan` for the English reader."""
    return tr(KIND_TITLES[kind], KIND_TITLES_EN[kind])
