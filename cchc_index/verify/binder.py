"""The binder (hồ sơ minh chứng) a unit hands the council, and the check of a received one.

A ZIP with one folder per area and sub-criterion holding the files cited for it, the index
"Danh mục tài liệu kiểm chứng" (number, date, issuer, title, file, sha256, verify verdict) as
DOCX (and PDF through LibreOffice), and `manifest.json` listing every other member with its
sha256 and size. The ZIP is deterministic: sorted members, fixed times.
`check_binder` reopens one: every member hashed against the manifest, nothing missing, nothing
extra; a changed file is named.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from cchc_index.errors import EvidenceError, problem_at
from cchc_index.i18n import tr, using
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import PART_SEP, Framework
from cchc_index.verify.binder_index import IndexRow, index_docx, to_pdf
from cchc_index.verify.read import load_bytes
from cchc_index.verify.run import RowCheck, VerifyReport
from cchc_index.verify.verdict import field_shown

MANIFEST = "manifest.json"
INDEX_NAME = "Danh-muc-tai-lieu-kiem-chung"
FORMAT = "cchc-index binder 1"
OTHER = "0-Chua-gan-tieu-chi"  # files cited for no known sub-criterion
MAX_MEMBERS = 10_000
MAX_UNPACKED = 4_000_000_000
_STAMP = (2020, 1, 1, 0, 0, 0)


@dataclass
class BinderContent:
    members: dict[str, bytes] = field(default_factory=dict)
    index: list[IndexRow] = field(default_factory=list)


_UNSAFE = re.compile(r"[^\w.\- ]+")


def safe_name(text: str, limit: int = 60) -> str:
    """A folder or file name any system can hold: letters (Vietnamese kept), digits, . - _."""
    cleaned = " ".join(_UNSAFE.sub("-", text).split()).strip(" .-")
    return cleaned[:limit].rstrip(" .-") or "_"


def _folders(framework: Framework, ids: tuple[str, ...]) -> list[str]:
    folders: list[str] = []
    for node_id in ids:
        base = node_id.split(PART_SEP)[0]
        area_id = base.split(".")[0]
        area = next((a for a in framework.areas if a.id == area_id), None)
        node = framework.nodes_by_id.get(base)
        if area is None or node is None:
            continue
        area_folder = safe_name(f"{area.id} {area.title}")
        folder = f"{area_folder}/{safe_name(base)}"
        if folder not in folders:
            folders.append(folder)
    return folders or [OTHER]


def _verdict(row: RowCheck | None) -> str:
    if row is None:
        return "chưa đối chiếu"
    with using("vi"):  # the index is a Vietnamese document, whatever the command's language
        parts = [f"{field_shown(f.field)}: {f.verdict.shown()}" for f in row.fields]
        if row.problem:
            parts.append(row.problem)
        if row.signature is not None:
            parts.append(row.signature.verdict.shown())
    return "; ".join(parts)


def collect(
    folder: Path, bundle: Bundle, framework: Framework, report: VerifyReport | None
) -> BinderContent:
    """Every cited file placed in its folders, and the index rows."""
    content = BinderContent()
    checks = {(r.table, r.row): r for r in report.rows} if report is not None else {}
    tables: list[tuple[str, Any]] = [("documents", d) for d in bundle.documents]
    tables += [("photos", p) for p in bundle.photos]
    counters: dict[str, int] = {}
    for table in ("documents", "photos"):
        counters[table] = 0
    for table, item in tables:
        counters[table] += 1
        row_number = counters[table] + 1
        if not item.file:
            continue
        data = load_bytes(folder / item.file)
        if isinstance(data, str):
            raise EvidenceError([problem_at(folder / item.file, data)])
        placed: list[str] = []
        for target in _folders(framework, item.for_):
            name = f"{target}/{safe_name(PurePosixPath(item.file).name, 120)}"
            content.members[name] = data
            placed.append(name)
        if table == "documents":
            number, date = item.number.symbol, f"{item.date:%d/%m/%Y}"
            issuer, title = item.issuer or bundle.profile.name, item.subject or ""
        else:
            number, date = "", f"{item.date:%d/%m/%Y}" if item.date else ""
            issuer, title = bundle.profile.name, item.title
        content.index.append(
            IndexRow(
                number,
                date,
                issuer,
                title,
                tuple(placed),
                hashlib.sha256(data).hexdigest(),
                _verdict(checks.get((table, row_number))) if report is not None else _verdict(None),
            )
        )
    return content


def manifest(members: dict[str, bytes], unit: str) -> bytes:
    listing = [
        {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in sorted(members.items())
    ]
    document = {"format": FORMAT, "unit": unit, "files": listing}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def pack(members: dict[str, bytes], unit: str) -> bytes:
    """The ZIP: every member, then the manifest of them all."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(members.items()):
            info = zipfile.ZipInfo(name, _STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.flag_bits |= 0x800  # names in UTF-8
            archive.writestr(info, data)
        info = zipfile.ZipInfo(MANIFEST, _STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        info.flag_bits |= 0x800
        archive.writestr(info, manifest(members, unit))
    return out.getvalue()


@dataclass(frozen=True)
class BinderCheck:
    checked: int
    changed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.extra)

    def text(self, shown: str) -> str:
        lines = []
        lines += [tr(f"tệp đã bị thay đổi: {n}", f"file changed: {n}") for n in self.changed]
        lines += [tr(f"thiếu tệp: {n}", f"file missing: {n}") for n in self.missing]
        lines += [
            tr(f"tệp thừa (không có trong manifest): {n}", f"extra file (not in the manifest): {n}")
            for n in self.extra
        ]
        if self.ok:
            lines.append(
                tr(
                    f"{shown}: {self.checked} tệp khớp manifest, không thiếu, không thừa.",
                    f"{shown}: {self.checked} files match the manifest, none missing, none extra.",
                )
            )
        return "\n".join(lines) + "\n"


def _bad(shown: str, vi: str, en: str) -> EvidenceError:
    return EvidenceError([problem_at(shown, tr(vi, en))])


def _utf8_name(info: zipfile.ZipInfo) -> str:
    """The member's name; one written without the UTF-8 flag (Info-ZIP's `zip`, some
    archivers) was decoded as cp437 by zipfile, though its bytes are most often UTF-8."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def check_binder(data: bytes, shown: str) -> BinderCheck:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _bad(
            shown, "không phải tệp ZIP (hoặc bị hỏng)", "not a ZIP file (or damaged)"
        ) from None
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED:
            raise _bad(shown, "tệp ZIP giải nén quá lớn", "the ZIP unpacks too large")
        names = [_utf8_name(i) for i in infos]
        by_name = dict(zip(names, infos, strict=True))
        if MANIFEST not in names:
            raise _bad(
                shown,
                f"thiếu {MANIFEST}: không phải hồ sơ do binder tạo",
                f"no {MANIFEST}: not a binder",
            )
        try:
            listing = json.loads(archive.read(MANIFEST).decode("utf-8"))
            files = {entry["path"]: entry["sha256"] for entry in listing["files"]}
            if listing.get("format") != FORMAT:
                raise ValueError(listing.get("format"))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, zipfile.BadZipFile):
            raise _bad(shown, f"{MANIFEST} hỏng", f"{MANIFEST} is damaged") from None
        changed: list[str] = []
        for name in names:
            if name == MANIFEST or name not in files:
                continue
            try:
                digest = hashlib.sha256(archive.read(by_name[name])).hexdigest()
            except (zipfile.BadZipFile, OSError, ValueError, EOFError):
                changed.append(name)
                continue
            if digest != files[name]:
                changed.append(name)
        present = set(names)
        return BinderCheck(
            checked=len(files),
            changed=tuple(sorted(changed)),
            missing=tuple(sorted(n for n in files if n not in present)),
            extra=tuple(sorted(n for n in present if n != MANIFEST and n not in files)),
        )


def build_binder(
    folder: Path,
    bundle: Bundle,
    framework: Framework,
    report: VerifyReport | None,
    *,
    pdf: bool = True,
) -> bytes:
    """The binder's ZIP bytes."""
    content = collect(folder, bundle, framework, report)
    docx_bytes = index_docx(content.index, bundle.profile.name, bundle.year)
    content.members[f"{INDEX_NAME}.docx"] = docx_bytes
    if pdf:
        content.members[f"{INDEX_NAME}.pdf"] = to_pdf(docx_bytes, INDEX_NAME)
    return pack(content.members, bundle.profile.name)
