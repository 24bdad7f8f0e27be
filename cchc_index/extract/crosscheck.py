"""The report against the bundle: what a reviewer would catch.

Documents the report cites that the bundle lacks (or has with another date or another
issuer), bundle documents the report never mentions, and figures the two state differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cchc_index.extract.citations import Citation
from cchc_index.extract.figure import Figure
from cchc_index.extract.flat import vkey
from cchc_index.extract.report import Extraction
from cchc_index.i18n import tr
from cchc_index.load.bundle import BundleSource
from cchc_index.model.bundle import Bundle, Document
from cchc_index.text import format_date, format_number

KINDS = (
    "missing_document",
    "date_differs",
    "issuer_differs",
    "uncited_document",
    "statistic_differs",
    "statistic_missing",
)


@dataclass(frozen=True)
class Finding:
    """One discrepancy; `kind` is one of KINDS, `item` a symbol or a variable name."""

    kind: str
    item: str
    message: str


def cross_check(
    extraction: Extraction, bundle: Bundle, source: BundleSource | None = None
) -> list[Finding]:
    """Every discrepancy between a report and a bundle, documents first; with the bundle's
    `source`, each names the line of documents.csv or statistics.yaml it is about."""
    where = extraction.source.shown
    rows, figures = _places(source)
    by_key: dict[object, list[Document]] = {}
    for document in bundle.documents:
        by_key.setdefault(document.number.key, []).append(document)
    findings: list[Finding] = []
    cited = {c.number.key for c in extraction.citations}
    if extraction.header.number is not None:
        cited.add(extraction.header.number.key)
    for citation in extraction.citations:
        symbol = citation.number.symbol
        place = where(citation.line)
        found = by_key.get(citation.number.key, [])
        if not found:
            findings.append(
                Finding(
                    "missing_document",
                    symbol,
                    tr(
                        f"{symbol} được trích dẫn ({place}) nhưng không có trong documents.csv",
                        f"{symbol} is cited ({place}) but missing from documents.csv",
                    ),
                )
            )
        elif citation.date and all(d.date != citation.date for d in found):
            theirs = ", ".join(format_date(d.date) for d in found)
            table = rows.get(id(found[0]), "documents.csv")
            findings.append(
                Finding(
                    "date_differs",
                    symbol,
                    tr(
                        f"{symbol}: báo cáo ghi ngày {format_date(citation.date)} ({place}), "
                        f"{table} ghi {theirs}",
                        f"{symbol}: the report says {format_date(citation.date)} ({place}), "
                        f"{table} says {theirs}",
                    ),
                )
            )
    for citation in extraction.citations:
        found = [d for d in by_key.get(citation.number.key, []) if d.date == citation.date]
        if citation.date is None or not found:
            continue
        finding = _issuer_finding(extraction, citation, found[0], rows)
        if finding is not None:
            findings.append(finding)
    for document in bundle.documents:
        if document.number.key not in cited:
            label = document.label()
            table = rows.get(id(document), "documents.csv")
            findings.append(
                Finding(
                    "uncited_document",
                    document.number.symbol,
                    tr(
                        f"{label} có trong {table} nhưng báo cáo không nhắc đến",
                        f"{label} is in {table} but the report never cites it",
                    ),
                )
            )
    for reading in extraction.readings:
        if not reading.mapped or reading.current is None:
            continue
        name = reading.variable
        stat = bundle.statistics.get(name)
        if stat is None:
            findings.append(
                Finding(
                    "statistic_missing",
                    name,
                    tr(
                        f"{name} = {reading.current.value} ({where(reading.current.line)}) "
                        "nhưng statistics.yaml không có",
                        f"{name} = {reading.current.value} ({where(reading.current.line)}) "
                        "but statistics.yaml lacks it",
                    ),
                )
            )
            continue
        if not reading.certain and any(
            f.amount == stat.value for f in (reading.current, *reading.others)
        ):
            continue  # the report gives several values; the bundle chose one of them
        pairs = [(reading.current, stat.value, "")]
        if reading.previous is not None and stat.last_year is not None:
            pairs.append((reading.previous, stat.last_year, "last_year"))
        for figure, value, field in pairs:
            if figure.amount != value:
                findings.append(
                    _differs(
                        name,
                        field,
                        figure,
                        value,
                        where(figure.line),
                        figures.get(name, "statistics.yaml"),
                    )
                )
    return findings


def _issuer_finding(
    extraction: Extraction, citation: Citation, document: Document, rows: dict[int, str]
) -> Finding | None:
    """The report and the bundle name different issuers for the same document: one says it
    is the unit's own, the other another body's, or they name two different bodies."""
    unit = extraction.unit
    theirs = (document.issuer or "").strip()
    bundle_own = not theirs or unit.is_self(theirs)
    if citation.own and bundle_own:
        return None
    if not citation.own and not bundle_own and same_body(citation.issuer or "", theirs):
        return None
    own_vi, own_en = "của đơn vị", "the unit's own"
    ours_vi = own_vi if citation.own else (citation.issuer or "")
    ours_en = own_en if citation.own else (citation.issuer or "")
    theirs_vi = own_vi if bundle_own else theirs
    theirs_en = own_en if bundle_own else theirs
    symbol = citation.number.symbol
    place = extraction.source.shown(citation.line)
    table = rows.get(id(document), "documents.csv")
    return Finding(
        "issuer_differs",
        symbol,
        tr(
            f"{symbol}: báo cáo ghi cơ quan ban hành là {ours_vi} ({place}), {table} ghi "
            f"{theirs_vi}",
            f"{symbol}: the report gives the issuer as {ours_en} ({place}), {table} says "
            f"{theirs_en}",
        ),
    )


_COUNCIL_WORDS = (("ủy ban nhân dân", "ubnd"), ("hội đồng nhân dân", "hđnd"))


def same_body(a: str, b: str) -> bool:
    """Two names of one body: "UBND huyện" and "Ủy ban nhân dân huyện Quảng Điền"."""

    def key(name: str) -> str:
        text = " ".join(vkey(name).replace(".", " ").split())
        for long, short in _COUNCIL_WORDS:
            text = text.replace(long, short)
        return text

    x, y = key(a), key(b)
    return bool(x) and bool(y) and (x == y or x.startswith(y + " ") or y.startswith(x + " "))


def _places(source: BundleSource | None) -> tuple[dict[int, str], dict[str, str]]:
    """Where each document row and each figure of the bundle stands, as the loader saw it."""
    if source is None:
        return {}, {}
    rows: dict[int, str] = {}
    table = source.files.get("documents.csv")
    if table is not None:
        for document, line in zip(source.bundle.documents, table.row_lines, strict=False):
            rows[id(document)] = f"{table.path}:{line}"
    figures: dict[str, str] = {}
    stats = source.files.get("statistics.yaml")
    if stats is not None:
        for key, (line, _col) in stats.key_positions.items():
            if len(key) == 1:
                figures[str(key[0])] = f"{stats.path}:{line}"
    return rows, figures


def _differs(
    name: str, field: str, figure: Figure, value: Decimal, place: str, stats: str
) -> Finding:
    label = f"{name}.{field}" if field else name
    return Finding(
        "statistic_differs",
        name,
        tr(
            f"{label}: báo cáo ghi {figure.value} ({place}), {stats} ghi {format_number(value)}",
            f"{label}: the report says {figure.value} ({place}), {stats} says "
            f"{format_number(value)}",
        ),
    )
