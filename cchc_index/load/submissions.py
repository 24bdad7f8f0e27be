"""A bundle's submissions (`submissions/NNN/`, model/submission.py): listed, read, and what
changed since one of them."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from pydantic import ValidationError

from cchc_index.errors import EvidenceError
from cchc_index.i18n import tr
from cchc_index.load.bundle_files import DATA_FILES, TABLES
from cchc_index.load.pydantic_problems import field_names, problems_from
from cchc_index.model.submission import MANIFEST, RECORDS, SUBMISSIONS, Manifest
from cchc_index.source import SourceError, load_yaml, read_text, shown
from cchc_index.textfile import MAX_TABLE_BYTES

RECORD_FILES = tuple(
    n for n in DATA_FILES if n != "appraisal.yaml"
)  # the council's, not the unit's
NAMES = field_names([Manifest])


def folder_of(bundle: Path, number: int) -> Path:
    return bundle / SUBMISSIONS / f"{number:03d}"


def numbers(bundle: Path) -> list[int]:
    """The numbers of the bundle's submissions, in order (folders `001`, `002`, …)."""
    root = bundle / SUBMISSIONS
    if not root.is_dir():
        return []
    return sorted(
        int(p.name) for p in root.iterdir() if p.is_dir() and p.name.isdigit() and len(p.name) == 3
    )


def read_manifest(bundle: Path, number: int) -> Manifest:
    path = folder_of(bundle, number) / MANIFEST
    try:
        src = load_yaml(path, shown(path))
    except SourceError as exc:
        raise EvidenceError(exc.problems) from exc
    try:
        manifest = Manifest.model_validate(src.data if src.data is not None else {})
    except ValidationError as exc:
        raise EvidenceError(problems_from(exc, src, NAMES)) from exc
    if manifest.number != number:
        raise EvidenceError(
            [
                src.problem(
                    ("number",),
                    tr(
                        f"bản nộp trong thư mục {number:03d} ghi số {manifest.number}",
                        f"the submission in folder {number:03d} says it is number {manifest.number}",
                    ),
                )
            ]
        )
    return manifest


def records_of(bundle: Path, number: int) -> Path:
    """The folder holding the submission's copies of the record files."""
    return folder_of(bundle, number) / RECORDS


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record_hashes(folder: Path) -> dict[str, str]:
    """Each record file the folder has, with the sha256 of its bytes."""
    return {name: sha256_of(folder / name) for name in RECORD_FILES if (folder / name).is_file()}


def evidence_hashes(bundle: Path) -> dict[str, str]:
    """Every other file of the bundle (attachments, scans), by relative path: hidden files, the
    submissions and the record files left out."""
    found = {}
    for path in sorted(bundle.rglob("*")):
        rel = path.relative_to(bundle)
        if rel.parts[0] == SUBMISSIONS or any(part.startswith(".") for part in rel.parts):
            continue
        if len(rel.parts) == 1 and rel.name in DATA_FILES:
            continue
        if path.is_file():
            found[rel.as_posix()] = sha256_of(path)
    return found


def _rows(path: Path) -> list[tuple[str, ...]]:
    if not path.is_file():
        return []
    text = read_text(path, shown(path), limit=MAX_TABLE_BYTES)
    return [tuple(row) for row in csv.reader(io.StringIO(text))][1:]


def changed_since(bundle: Path, manifest: Manifest) -> tuple[str, ...]:
    """The records and files of the working bundle that differ from the submission, in words:
    rows added to or removed from a table, a changed YAML file, evidence files."""
    records = records_of(bundle, manifest.number)
    now = record_hashes(bundle)
    out: list[str] = []
    for name in RECORD_FILES:
        if now.get(name) == manifest.records.get(name):
            continue
        if name in TABLES:
            before, after = _rows(records / name), _rows(bundle / name)
            for row in after:
                if row not in before:
                    label = next((c for c in row if c.strip()), "")
                    out.append(
                        tr(
                            f"{name}: thêm hoặc sửa dòng «{label}»",
                            f"{name}: row «{label}» added or changed",
                        )
                    )
            for row in before:
                if row not in after:
                    label = next((c for c in row if c.strip()), "")
                    out.append(
                        tr(
                            f"{name}: bỏ hoặc sửa dòng «{label}»",
                            f"{name}: row «{label}» removed or changed",
                        )
                    )
        elif name not in now:
            out.append(tr(f"{name}: đã xóa", f"{name}: removed"))
        elif name not in manifest.records:
            out.append(tr(f"{name}: mới thêm", f"{name}: added"))
        else:
            out.append(tr(f"{name}: đã sửa", f"{name}: changed"))
    files = evidence_hashes(bundle)
    for rel in sorted(set(files) | set(manifest.files)):
        if files.get(rel) == manifest.files.get(rel):
            continue
        if rel not in files:
            out.append(tr(f"tệp {rel}: đã xóa", f"file {rel}: removed"))
        elif rel not in manifest.files:
            out.append(tr(f"tệp {rel}: mới thêm", f"file {rel}: added"))
        else:
            out.append(tr(f"tệp {rel}: nội dung đã đổi", f"file {rel}: content changed"))
    return tuple(out)
