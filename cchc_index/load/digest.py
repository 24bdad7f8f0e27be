"""A fingerprint of an evidence bundle: which files, with which bytes, a document was made from."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from cchc_index.source import files_under


def bundle_files(folder: Path) -> dict[str, str]:
    """Relative path → sha256 of every file of the bundle, in a fixed order.

    Hidden files and folders (editor swap files, `.git`) are left out: they are not evidence.
    """
    files = files_under(folder)
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in files
    }


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
