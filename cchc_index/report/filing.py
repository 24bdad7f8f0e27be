"""What the filed documents need beyond the Result: who files, the bundle's documents and texts.

A `Filing` is gathered once from the framework and the bundle; every document renderer reads
it and none recomputes a point: the points all come from `filing.result`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import Framework
from cchc_index.model.result import Result
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

    @property
    def parent_agency(self) -> str:
        """Tên cơ quan chủ quản, as the heading block prints it (capitals)."""
        if self.level in ("xã", "phường", "xã_phường", "đặc_khu") and self.district:
            kind = "" if self.level != "xã" or _has_kind(self.district) else "HUYỆN "
            return f"UBND {kind}{self.district}".upper()
        kind = "" if _has_kind(self.province) else "TỈNH "
        return f"UBND {kind}{self.province}".upper()

    @property
    def place(self) -> str:
        """Địa danh of the place-and-date line: the unit's own name without its kind."""
        name = re.sub(
            r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+", "", self.result.unit, flags=re.I
        )
        name = re.sub(r"^(xã|phường|thị trấn|đặc khu|huyện|tỉnh)\s+", "", name, flags=re.I)
        return name if name and name != self.result.unit else (self.district or self.province)


def _has_kind(name: str) -> bool:
    """ "Tỉnh Thừa Thiên Huế", "huyện Quảng Điền", "thành phố Huế" already say what they are."""
    return bool(re.match(r"(tỉnh|thành phố|huyện|thị xã|quận)\s", name, flags=re.I))


def engine_version() -> str:
    # importlib.metadata (with email, zipfile, csv) costs ~8 ms: only the documents need it
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
    d = framework.meta.decision
    decision = d.number + (f" ngày {d.date:%d/%m/%Y}" if d.date else "") + f" của {d.issuer}"
    return Filing(
        result=result,
        level=bundle.profile.level,
        province=bundle.profile.province,
        district=bundle.profile.district,
        decision=decision,
        documents=documents,
        explanations=explanations,
        nodes=nodes,
        bundle_sha256=bundle_sha256,
        written_at=written_at,
        engine_version=engine_version(),
        appraisal=dict(appraisal or {}),
    )
