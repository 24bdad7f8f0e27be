"""Content hashes that decide whether a stored result can be reused instead of rescoring.

A stored unit is reused only when three hashes all match: the bundle's files, the rule files
of its framework, and the scoring code itself (so a changed method never serves an old
score). Hashes are sha256 over file names and bytes, in a fixed order.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from cchc_index.source import files_under

# the layers that decide a score; renderers, the CLI and this package do not
_SCORING = ("methods", "model", "load", "engine", "scoring")
_GROUND = ("errors", "text", "i18n", "docnumber", "fields", "source", "suggest")


def _files(folder: Path) -> list[Path]:
    return [p for p in files_under(folder) if not p.name.startswith(".")]


def folder_hash(folder: Path) -> str:
    """sha256 over every file of a folder (relative name and content), in sorted order."""
    digest = hashlib.sha256()
    for path in _files(folder):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        with path.open("rb") as handle:  # every byte: never size and time, which can lie
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_hash() -> str:
    """sha256 of the scoring code (the modules a score depends on)."""
    root = Path(__file__).resolve().parent.parent
    paths = [root / f"{name}.py" for name in _GROUND]
    for package in _SCORING:
        paths += sorted((root / package).rglob("*.py"))
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
