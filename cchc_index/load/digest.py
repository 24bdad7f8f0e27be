"""A fingerprint of an evidence bundle: which files, with which bytes, a document was made from."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from cchc_index.load.stamps import file_sha256
from cchc_index.source import files_under


def bundle_files(folder: Path) -> dict[str, str]:
    """Relative path → sha256 of every file of the bundle, in a fixed order.

    Hidden files and folders (editor swap files, `.git`) are left out: they are not evidence.
    A file unchanged since it was last hashed in this process is not read again (`stamps`).
    """
    return {path.relative_to(folder).as_posix(): file_sha256(path) for path in files_under(folder)}


def digest_of(files: Mapping[str, str]) -> str:
    """The bundle's one fingerprint from its files' (see `bundle_files`)."""
    digest = hashlib.sha256()
    for name, sha in files.items():
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(bytes.fromhex(sha))
    return digest.hexdigest()


def bundle_sha256(folder: Path) -> str:
    """sha256 over every file of the bundle (relative path and bytes), in a fixed order."""
    return digest_of(bundle_files(folder))
