"""Check every file a bundle cites: documents (number, date, issuer, title, signature), photos
(EXIF date) and, when asked, links (whether they answer)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from cchc_index.load.bundle import load_bundle
from cchc_index.model.bundle import Bundle, Document
from cchc_index.verify.compare import check_document
from cchc_index.verify.links import TIMEOUT, check_link
from cchc_index.verify.photos import check_photo
from cchc_index.verify.read import ReadText, header_of, load_bytes, read_evidence
from cchc_index.verify.signature import SignatureCheck, check_signature
from cchc_index.verify.verdict import FieldCheck, Verdict


@dataclass(frozen=True)
class RowCheck:
    """One table row with a file (or a link): its verdicts."""

    table: str  # "documents", "photos" or "links"
    row: int  # the row's line in its CSV (the header is line 1)
    label: str
    file: str | None
    fields: tuple[FieldCheck, ...] = ()
    how: str | None = None  # "text", "docx", "ocr"…
    confidence: float | None = None
    signature: SignatureCheck | None = None
    problem: str | None = None  # why the file could not be read at all
    sha256: str | None = None

    @property
    def all_match(self) -> bool:
        return (
            self.problem is None
            and bool(self.fields)
            and all(f.verdict is Verdict.MATCH for f in self.fields)
        )

    @property
    def differs(self) -> bool:
        """Whether its file says something else than the row, or its signature is broken."""
        return any(f.verdict is Verdict.DIFFERS for f in self.fields) or (
            self.signature is not None and self.signature.verdict == "tampered"
        )


@dataclass(frozen=True)
class VerifyReport:
    bundle: str
    unit: str
    rows: tuple[RowCheck, ...] = field(default_factory=tuple)

    @property
    def differs(self) -> bool:
        """Whether any file says something else than its row (or a signature is broken)."""
        return any(r.differs for r in self.rows)


def own_names(bundle: Bundle) -> list[str]:
    return [bundle.profile.name, *bundle.profile.aliases]


def check_document_file(folder: Path, index: int, document: Document, names: list[str]) -> RowCheck:
    assert document.file is not None
    path = folder / document.file
    data = load_bytes(path)
    label = document.label()
    if isinstance(data, str):
        return RowCheck("documents", index + 2, label, document.file, problem=data)
    text: ReadText = read_evidence(path, document.file, data)
    signature = check_signature(data, document.date) if path.suffix.lower() == ".pdf" else None
    digest = hashlib.sha256(data).hexdigest()
    if text.problem is not None:
        return RowCheck(
            "documents",
            index + 2,
            label,
            document.file,
            fields=tuple(
                FieldCheck(name, Verdict.UNREADABLE)
                for name in ("number", "date", "issuer", "subject")
                if name != "subject" or document.subject
            ),
            signature=signature,
            problem=text.problem,
            sha256=digest,
        )
    header = header_of(text)
    return RowCheck(
        "documents",
        index + 2,
        label,
        document.file,
        fields=tuple(check_document(document, header, text, names)),
        how=text.how,
        confidence=text.confidence,
        signature=signature,
        sha256=digest,
    )


def verify_loaded(
    folder: Path, bundle: Bundle, *, links: bool = False, timeout: float = TIMEOUT
) -> VerifyReport:
    names = own_names(bundle)
    rows: list[RowCheck] = []
    for index, document in enumerate(bundle.documents):
        if document.file:
            rows.append(check_document_file(folder, index, document, names))
    for index, photo in enumerate(bundle.photos):
        if photo.file:
            data = load_bytes(folder / photo.file)
            if isinstance(data, str):
                rows.append(RowCheck("photos", index + 2, photo.title, photo.file, problem=data))
                continue
            check = check_photo(data, photo.date, bundle.year)
            rows.append(
                RowCheck(
                    "photos",
                    index + 2,
                    photo.title,
                    photo.file,
                    fields=(check,),
                    sha256=hashlib.sha256(data).hexdigest(),
                )
            )
    if links:
        for index, link in enumerate(bundle.links):
            if link.url:
                rows.append(
                    RowCheck(
                        "links",
                        index + 2,
                        link.title,
                        None,
                        fields=(check_link(link.url, timeout),),
                    )
                )
    return VerifyReport(str(folder), bundle.profile.name, tuple(rows))


def verify_bundle(folder: Path, *, links: bool = False, timeout: float = TIMEOUT) -> VerifyReport:
    return verify_loaded(folder, load_bundle(folder), links=links, timeout=timeout)
