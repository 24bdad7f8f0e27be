"""The folder the server was started on: its bundles, and names that can never leave it.

Every path the server touches comes from here. A bundle is named by a plain folder name that
must be one of the bundles found (so `..`, `/`, `%2F` and symlinks leading out are refused),
and an uploaded file's name is reduced to safe letters before it is joined to a bundle folder.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from cchc_index.text import nfc

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_NAME = 80


class OutsideError(LookupError):
    """A name that does not lead to a bundle inside the served folder."""


class Workspace:
    """The served folder: a bundle itself, or a folder of bundles (one per sub-folder)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def bundles(self) -> dict[str, Path]:
        """Name → folder of every bundle inside the root (the root itself when it is one)."""
        if (self.root / "profile.yaml").is_file():
            return {self.root.name: self.root}
        found = {}
        for child in sorted(self.root.iterdir()):
            real = None if child.name.startswith(".") else self._bundle_at(child)
            if real is not None:
                found[child.name] = real
        return found

    def _bundle_at(self, child: Path) -> Path | None:
        """The real folder of `child` when it is a bundle inside the root, else None."""
        if not child.is_dir():
            return None
        real = child.resolve()
        return (
            real if real.is_relative_to(self.root) and (real / "profile.yaml").is_file() else None
        )

    def bundle(self, name: str) -> Path:
        """The folder of bundle `name`, the one `bundles()` would give (looked up alone, not by
        listing them all); OutsideError for anything else."""
        if (self.root / "profile.yaml").is_file():
            if name == self.root.name:
                return self.root
            raise OutsideError(name)
        if not name or name.startswith(".") or any(c in name for c in "/\\\0"):
            raise OutsideError(name)
        real = self._bundle_at(self.root / name)
        if real is None:
            raise OutsideError(name)
        return real

    def new_bundle(self, name: str) -> Path:
        """Where a new bundle called `name` (made safe) would go, directly under the root."""
        if (self.root / "profile.yaml").is_file():
            raise OutsideError(name)
        safe = safe_name(name)
        target = (self.root / safe).resolve()
        if target.parent != self.root:
            raise OutsideError(name)
        return target


def safe_name(name: str) -> str:
    """A file or folder name of plain letters: accents dropped, `đ` → `d`, no separators,
    no leading dot, at most 80 characters, the extension kept."""
    base = nfc(name).replace("\\", "/").rsplit("/", 1)[-1]
    base = base.replace("đ", "d").replace("Đ", "D")
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = _UNSAFE.sub("-", base).strip(".-_ ")
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = stem[: MAX_NAME - len(ext) - 1].strip(".-_") or "tep"
    return f"{stem}.{ext.lower()}" if ext else stem


def free_name(folder: Path, name: str, data: bytes) -> str:
    """`name`, or `name-2`, `name-3` … when a different file already has the name; the same
    content under the same name is reused."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    for n in range(1, 1000):
        candidate = name if n == 1 else f"{stem}-{n}" + (f".{ext}" if ext else "")
        path = folder / candidate
        if not path.exists():
            return candidate
        if path.is_file() and sha256(path.read_bytes()) == sha256(data):
            return candidate
    raise OutsideError(name)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_hash(path: Path) -> str:
    """The version of a bundle file a page was built on ('-' when it does not exist)."""
    return sha256(path.read_bytes()) if path.is_file() else "-"
