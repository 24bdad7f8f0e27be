"""What the filed documents need beyond the Result: who files, the bundle's documents and texts.

A `Filing` is gathered once from the framework and the bundle; every document renderer reads
it and none recomputes a point: the points all come from `filing.result`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from cchc_index.model.bundle import Bundle, Issuer
from cchc_index.model.framework import Framework
from cchc_index.model.layers import Layered
from cchc_index.model.result import Result
from cchc_index.report.issuer import Heading, cited, heading
from cchc_index.report.method_words import variable_titles
from cchc_index.text import nfc


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A document of the bundle as the Phụ lục cites it."""

    number: str
    date: date
    subject: str | None
    file: str | None
    kind: str = ""
    issuer: str | None = None
    nodes: tuple[str, ...] = ()
    sha256: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class NodeInfo:
    """The framework's texts for a scored node: requirement, who reports, where it comes from."""

    requirement: str | None
    responsible: str | None
    source: str


@dataclass(frozen=True, slots=True)
class AppraisalMarks:
    """A node's appraisal layers, when the bundle has them (the review issue fills these)."""

    round1: Decimal | None = None
    reason1: str | None = None
    explanation: str | None = None
    round2: Decimal | None = None
    reason2: str | None = None


@dataclass(frozen=True, slots=True)
class Filing:
    result: Result
    level: str
    province: str
    district: str | None
    decision: str
    documents: Mapping[str, DocumentRef]  # keyed by the evidence label the result carries
    explanations: Mapping[str, str]  # node id → the unit's giải trình (declarations)
    nodes: Mapping[str, NodeInfo]
    bundle_sha256: str
    written_at: datetime
    engine_version: str
    appraisal: Mapping[str, AppraisalMarks] = field(default_factory=dict)
    bundle_files: Mapping[str, str] = field(default_factory=dict)  # path → sha256 (`_meta`)
    variables: Mapping[str, str] = field(default_factory=dict)  # figure → its title
    issuer: Issuer | None = None  # the profile's `issuer:` block, when it has one
    layered: Layered | None = None  # the appraisal layers, when the documents carry them
    basis: str = ""  # which layer is final and which submission it appraised, in words
    history: tuple[tuple[str, str, str, str], ...] = ()  # the cycle in words (report/history.py)

    @property
    def heading(self) -> Heading:
        """Who files the report and how its header and signature print it (NĐ 30/2020)."""
        return heading(
            self.issuer,
            self.level,
            self.result.unit,
            self.province,
            self.district,
            self.result.year,
        )


def engine_version() -> str:
    # importlib.metadata (with email, zipfile, csv): measured, only the documents need it
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cchc-index")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def build_filing(
    result: Result,
    framework: Framework,
    bundle: Bundle,
    bundle_sha256: str,
    written_at: datetime,
    appraisal: Mapping[str, AppraisalMarks] | None = None,
    layered: Layered | None = None,
) -> Filing:
    """Gather what the documents print besides the points: profile, documents, explanations."""
    documents = {
        doc.label(): DocumentRef(
            doc.number.symbol,
            doc.date,
            doc.subject,
            doc.file,
            doc.doc_kind.value,
            doc.issuer,
            doc.for_,
            doc.sha256,
            doc.note,
        )
        for doc in bundle.documents
    }
    explanations: dict[str, str] = {}
    for claim in bundle.declarations.not_applicable:
        explanations[claim.node] = nfc(claim.reason)
    for qual in bundle.declarations.qualitative:
        explanations[qual.node] = nfc(qual.explanation)
    nodes = {
        leaf.id: NodeInfo(leaf.requirement, leaf.responsible, leaf.provenance.source)
        for _, _, leaf in framework.leaves()
    }
    return Filing(
        result=result,
        level=bundle.profile.level,
        province=bundle.profile.province,
        district=bundle.profile.district,
        decision=cited(framework.meta.decision),
        documents=documents,
        explanations=explanations,
        nodes=nodes,
        bundle_sha256=bundle_sha256,
        written_at=written_at,
        engine_version=engine_version(),
        appraisal=dict(appraisal or {}),
        variables=variable_titles(framework),
        issuer=bundle.profile.issuer,
        layered=layered,
    )
