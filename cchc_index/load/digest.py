"""A fingerprint of an evidence bundle: which files, with which bytes, a document was made from."""

from __future__ import annotations

import hashlib
from pathlib import Path


def bundle_sha256(folder: Path) -> str:
    """sha256 over every file of the bundle (relative path and bytes), in a fixed order.

    Hidden files and folders (editor swap files, `.git`) are left out: they are not evidence.
    """
    digest = hashlib.sha256()
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    for path in files:
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
