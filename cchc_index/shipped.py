"""Where the shipped frameworks and samples are, and where a framework named by id is found.

An installed wheel carries `rules/` and `evidence/` as `cchc_index/_data/` (setup.py copies
them at build time); a source checkout (an editable install) uses the folders at its root.
A framework named by id (a profile's `framework:`, `--rules ID`) is looked up, in order, in
`--rules-dir`, in `./rules`, in the user's folder (`$XDG_DATA_HOME/cchc-index/rules`, by
default `~/.local/share/cchc-index/rules`; `%APPDATA%\\cchc-index\\rules` on Windows), then
among the frameworks shipped with the package.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from cchc_index.i18n import tr

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def shipped_dir(kind: str) -> Path | None:
    """The shipped `rules` or `evidence` folder: the package's data, else a source checkout's."""
    packaged = _PACKAGE / "_data" / kind
    if packaged.is_dir():
        return packaged
    checkout = _CHECKOUT / kind
    if (_CHECKOUT / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    return None


def user_rules_dir() -> Path:
    """The user's own frameworks folder (XDG data dir; %APPDATA% on Windows)."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "cchc-index" / "rules"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cchc-index" / "rules"


@dataclass(frozen=True)
class Located:
    """A framework folder found by id, and which place of the search path it came from."""

    path: Path
    origin: str  # "rules-dir" | "cwd" | "user" | "package"

    def describe(self) -> str:
        return f"{self.path} ({origin_label(self.origin)})"


def origin_label(origin: str) -> str:
    labels = {
        "rules-dir": tr("--rules-dir", "--rules-dir"),
        "cwd": tr("thư mục rules/ ở nơi chạy lệnh", "rules/ of the working folder"),
        "user": tr("thư mục bộ chỉ số của người dùng", "the user's frameworks folder"),
        "package": tr("bộ chỉ số cài kèm gói", "shipped with the package"),
        "path": tr("đường dẫn đã cho", "the path given"),
    }
    return labels.get(origin, origin)


def search_path(rules_dir: Path | None) -> list[tuple[Path, str]]:
    """The folders a framework id is looked up in, first match wins, without repeats."""
    places: list[tuple[Path, str]] = []
    if rules_dir is not None:
        places.append((rules_dir, "rules-dir"))
    places.append((Path("rules"), "cwd"))
    places.append((user_rules_dir(), "user"))
    package = shipped_dir("rules")
    if package is not None:
        places.append((package, "package"))
    seen: set[str] = set()
    unique = []
    for folder, origin in places:
        key = os.path.realpath(folder)
        if key not in seen:
            seen.add(key)
            unique.append((folder, origin))
    return unique


def locate_framework(name: str, rules_dir: Path | None) -> Located | None:
    """The first folder of the search path holding framework `name` (a plain id, no path)."""
    if not name or "/" in name or "\\" in name or name in {".", ".."}:
        return None
    for folder, origin in search_path(rules_dir):
        candidate = folder / name
        if (candidate / "framework.yaml").is_file() or (candidate / "framework.yml").is_file():
            return Located(candidate, origin)
    return None


def searched_text(rules_dir: Path | None) -> str:
    """The search path as one line, for a "not found" message."""
    return ", ".join(str(folder) for folder, _ in search_path(rules_dir))


def version_number() -> str:
    """The installed distribution's version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cchc-index")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def version_text() -> str:
    """`cchc-index --version`: the version, and the git commit when known."""
    commit = build_commit()
    return f"cchc-index {version_number()}" + (f" (commit {commit})" if commit else "")


def build_commit() -> str | None:
    """The commit the package was built from (written at build time), else the checkout's."""
    stamp = _PACKAGE / "_commit.txt"
    if stamp.is_file():
        text = stamp.read_text(encoding="ascii", errors="replace").strip()
        return text or None
    if not (_CHECKOUT / ".git").exists():
        return None
    import subprocess  # only here: `score`'s cold start imports none of it

    try:
        done = subprocess.run(
            ["git", "-C", str(_CHECKOUT), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def available_frameworks(rules_dir: Path | None) -> list[str]:
    """Every framework id the search path offers (the first place holding an id wins)."""
    names: set[str] = set()
    for folder, _origin in search_path(rules_dir):
        if folder.is_dir():
            names.update(p.name for p in folder.iterdir() if (p / "framework.yaml").is_file())
    return sorted(names)


def copy_samples(dest: Path) -> list[Path]:
    """Copy the shipped `evidence/`, `rules/` and `examples/` into `dest` (whole folders or
    nothing): the samples every command of the docs runs on, wherever it is installed."""
    import shutil
    import tempfile

    from cchc_index.errors import OutputError, Problem

    sources = {kind: shipped_dir(kind) for kind in ("evidence", "rules", "examples", "schemas")}
    targets = [dest / kind for kind in sources]
    taken = [t for t in targets if t.exists() or t.is_symlink()]
    if taken:
        raise OutputError(
            [
                Problem(
                    str(t),
                    1,
                    1,
                    tr(
                        f"'{t}' đã có; chọn thư mục khác để chép bộ mẫu (không ghi đè)",
                        f"'{t}' exists; choose another folder for the samples (nothing is overwritten)",
                    ),
                )
                for t in taken
            ]
        )
    dest.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".cchc-samples-", dir=dest))
    try:
        for kind, source in sources.items():
            if source is None:
                raise OutputError(
                    [],
                    tr(
                        f"bản cài đặt này không có thư mục mẫu '{kind}'",
                        f"this installation has no '{kind}' samples",
                    ),
                )
            shutil.copytree(
                source, staging / kind, ignore=shutil.ignore_patterns("__pycache__", ".*")
            )
        for kind in sources:
            os.rename(staging / kind, dest / kind)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return targets
