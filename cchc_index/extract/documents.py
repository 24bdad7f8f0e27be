"""A folder of official documents (text .docx/.pdf/.txt) → one header per file."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from cchc_index.errors import EvidenceError, Problem
from cchc_index.extract.flat import FlatText
from cchc_index.extract.header import DocHeader, read_header
from cchc_index.extract.readers import SUFFIXES, read_source
from cchc_index.extract.unit import Unit, parse_unit_name
from cchc_index.i18n import tr


@dataclass(frozen=True)
class FileDocument:
    """One document file and what its header says."""

    path: Path
    shown: str
    header: DocHeader
    sha256: str
    where: str  # where the number was read, e.g. "dòng 3"


def read_documents(folder: Path, shown: str | None = None) -> tuple[list[FileDocument], int]:
    """Headers of every supported file in a folder (not recursive), and how many other
    files were passed over. Every unreadable file is reported, in one EvidenceError."""
    name = shown or str(folder)
    if not folder.is_dir():
        raise EvidenceError([Problem(name, 1, 1, tr("không phải thư mục", "not a folder"))])
    found: list[FileDocument] = []
    problems: list[Problem] = []
    skipped = 0
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix.lower() not in SUFFIXES:
            skipped += 1
            continue
        label = str(Path(name) / path.name)
        try:
            source = read_source(path, label)
        except EvidenceError as exc:
            problems.extend(exc.problems)
            continue
        header = read_header(FlatText(source.lines))
        where = source.where(header.number_line) if header.number_line else ""
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        found.append(FileDocument(path, label, header, digest, where))
    if problems:
        raise EvidenceError(problems)
    return found, skipped


def unit_of_documents(documents: list[FileDocument]) -> Unit:
    """Without a report, the unit is the body that issued most of the documents."""
    agencies = Counter(d.header.agency for d in documents if d.header.agency)
    if not agencies:
        return Unit()
    agency = agencies.most_common(1)[0][0]
    level, place = parse_unit_name(agency)
    return Unit(level, place, "UBND", None, None, (agency,))
