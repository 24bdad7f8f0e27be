"""Save one record: refuse a stale page, check like the command line, then write atomically.

Order of a save, all behind the scoring lock: (1) the file must still be the version the page
was built on (its sha256 in the form), else nothing is written and the page shows the current
values; (2) the new text (and any uploaded file) is checked in a staging folder by the loader
the command line uses; a problem of the edited record, or one the bundle did not have before,
refuses the save; (3) the uploaded file, then the bundle file, are replaced atomically.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from cchc_index.errors import OutputError, Problem
from cchc_index.i18n import tr
from cchc_index.output import OutputGate
from cchc_index.web.kinds import Kind
from cchc_index.web.scores import LOCK
from cchc_index.web.staging import file_of, load_checked, read, staged
from cchc_index.web.workspace import file_hash, free_name, safe_name, sha256

EVIDENCE_SUFFIXES = (
    ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".tif", ".tiff",
    ".docx", ".doc", ".odt", ".xlsx", ".xls", ".ods",
)  # fmt: skip


@dataclass
class Upload:
    filename: str
    data: bytes


@dataclass
class Saved:
    """What a save did: `key` of the record after it, or why nothing was written."""

    ok: bool
    key: str | None = None
    stale: bool = False
    fields: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)


def _problem_key(kind: Kind, problem: Problem) -> tuple[str, str] | None:
    """(record key, field) a problem of `kind`'s file is about."""
    parts = problem.key.split(".") if problem.key else []
    if kind.file == "declarations.yaml":
        if len(parts) >= 2 and parts[0] == kind.name:
            return parts[1], parts[2] if len(parts) > 2 else ""
        return None
    if not parts:
        return None
    return parts[0], parts[1] if len(parts) > 1 else ""


def _where(problem: Problem) -> str:
    return f"{file_of(problem)}:{problem.line}:{problem.col}: {problem.message}"


def _judge(kind: Kind, key: str | None, before: list[Problem], after: list[Problem]) -> Saved:
    old = {(file_of(p), p.message) for p in before}
    saved = Saved(ok=True, key=key)
    names = {f.name for f in kind.fields}
    for problem in after:
        about = _problem_key(kind, problem) if file_of(problem) == kind.file else None
        if key is not None and about is not None and about[0] == key:
            column = about[1] if about[1] in names else ""
            if not about[1] and kind.name == "statistics":
                column = "name"  # the variable itself, e.g. one the framework does not know
            if column:
                saved.fields.setdefault(column, []).append(problem.message)
            else:
                saved.general.append(problem.message)
        elif (file_of(problem), problem.message) not in old:
            saved.general.append(_where(problem))
    saved.ok = not saved.fields and not saved.general
    return saved


def save(
    folder: Path,
    rules_dir: Path | None,
    kind: Kind,
    key: str | None,
    values: dict[str, str] | None,
    base: str,
    upload: Upload | None = None,
    *,
    content_named: bool = False,
) -> Saved:
    """Add (key None), change, or delete (values None) one record of `kind` in `folder`;
    `content_named`: an uploaded file is kept as `<sha256>.<suffix>`, never under the name
    the user chose (the province server)."""
    path = folder / kind.file
    gate = OutputGate(inputs=[rules_dir], within=folder)  # nothing outside the bundle
    try:
        gate.check(path)
    except OutputError as exc:
        return Saved(ok=False, general=exc.lines())
    with LOCK:
        if file_hash(path) != base:
            return Saved(ok=False, stale=True)
        text = read(path)
        if key is not None and key not in dict(kind.records(text)):
            return Saved(ok=False, stale=True)  # the record is gone since the page was built
        uploads: dict[str, bytes] = {}
        if upload is not None and values is not None and kind.upload_dir:
            refused = _refuse_upload(folder, kind.upload_dir, upload.filename)
            if refused:
                return Saved(ok=False, general=[refused])
            target_dir = folder / kind.upload_dir
            if content_named:
                name = sha256(upload.data) + Path(upload.filename).suffix.lower()
            else:
                name = free_name(target_dir, safe_name(upload.filename), upload.data)
            relative = f"{kind.upload_dir}/{name}"
            uploads[relative] = upload.data
            values = {**values, "file": relative, "sha256": sha256(upload.data)}
        new, new_key = kind.change(text, key, values)
        _, _, before = load_checked(folder, rules_dir)
        with staged(folder, {kind.file: new}, uploads) as stage:
            _, _, after = load_checked(stage, rules_dir)
        result = _judge(kind, new_key, before, after)
        if not result.ok:
            return result
        try:
            for relative in uploads:
                gate.check(folder / relative)
            for relative, data in uploads.items():
                gate.write(folder / relative, data)
            gate.write(path, new)
        except OutputError as exc:
            return Saved(ok=False, general=exc.lines())
        return result


def _refuse_upload(folder: Path, upload_dir: str, filename: str) -> str | None:
    """Why an upload cannot be kept (its type, or a folder that leads outside), or None."""
    suffix = Path(filename).suffix.lower()
    if suffix not in EVIDENCE_SUFFIXES:
        return tr(
            f"Không nhận tệp '{suffix or filename}'; chỉ nhận {', '.join(EVIDENCE_SUFFIXES)}.",
            f"Files '{suffix or filename}' are not taken; only {', '.join(EVIDENCE_SUFFIXES)}.",
        )
    target = folder / upload_dir
    if os.path.lexists(target) and not target.resolve().is_relative_to(folder.resolve()):
        return tr(
            f"Thư mục {upload_dir}/ của bộ minh chứng trỏ ra ngoài; không ghi tệp vào đó.",
            f"The bundle's {upload_dir}/ folder leads outside it; no file is written there.",
        )
    return None
