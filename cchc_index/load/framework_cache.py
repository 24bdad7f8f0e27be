"""A small on-disk cache of loaded frameworks, for the cold start of `score` and `check`.

Loading a framework (YAML with positions, validation, the checks across files) costs several
times what unpickling the same `FrameworkSource` does (docs/performance-notes.md). The cache
can never change a result, only skip work:

- the key is a SHA-256 of everything the load depends on: the bytes and names of the folder's
  YAML files, the names and kinds of its other entries, the paths as shown in messages (they
  depend on the working folder), the language, the Python, pydantic and PyYAML versions, and the size
  and modification time of every source file of the layers that load a framework (`load/` and
  below: the import contract guarantees nothing above them takes part);
- anything unexpected when reading an entry (missing, truncated, corrupt, of another class,
  unreadable folder) means a plain load, and a failed write is ignored: the cache is only ever
  an optimisation, never a reason to fail;
- at most `LIMIT` entries are kept (the oldest are removed); `CCHC_NO_CACHE=1` turns it off;
  the folder is `$XDG_CACHE_HOME/cchc-index/frameworks` (default `~/.cache/...`).

Only `score` and `check` use it (`review_unit(..., cache=True)`); the library API, `validate`,
`test` and `batch` (one load for all units) load directly.

A process that lives long (the province server, the local page) keeps each framework it
loaded in memory instead (`load_framework_kept`), until a file of its folder changes: the
folder's stamp (`stamps.folder_stamp`) is the key, so a keeper's upload is seen at the next
request, and a framework is not read and checked again at every page.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import threading
from pathlib import Path

from cchc_index.i18n import lang
from cchc_index.load.rules import YAML_SUFFIXES, FrameworkSource, load_framework
from cchc_index.load.stamps import folder_stamp
from cchc_index.output import write_atomic
from cchc_index.source import shown

LIMIT = 16  # frameworks kept: a province uses one or two a year; a few MB at most
FORMAT = b"cchc-index framework cache 1"
PACKAGE = Path(__file__).parent.parent  # no resolve(): its system calls are not needed
# The layers a FrameworkSource is built by (pyproject's import-linter contract): the ground
# modules at the top of the package, then methods/, model/ and load/.
CODE_FOLDERS = ("", "methods", "model", "load")


def cache_folder() -> Path:
    """Where the pickles live (XDG base directory specification)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cchc-index" / "frameworks"


def _bytes(text: str) -> bytes:
    # surrogateescape: a file name that is not UTF-8 still has bytes, and still counts
    return text.encode("utf-8", "surrogateescape") + b"\0"


def _code_stamp(digest: hashlib._Hash) -> None:
    for name in CODE_FOLDERS:
        with os.scandir(PACKAGE / name) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.name.endswith(".py"):
                    info = entry.stat()
                    digest.update(_bytes(f"{name}/{entry.name}:{info.st_size}:{info.st_mtime_ns}"))


def framework_key(folder: Path) -> str:
    """The cache key of `folder` as it is now (raises OSError when it cannot be read)."""
    import pydantic  # here: a cached framework's `score` never imports yaml otherwise
    import yaml

    digest = hashlib.sha256(FORMAT)
    for part in (sys.version, pydantic.VERSION, yaml.__version__, lang()):
        digest.update(_bytes(part))
    digest.update(_bytes(str(folder)) + _bytes(shown(folder)))
    _code_stamp(digest)
    for path in sorted(folder.iterdir()):
        kind = "file" if path.is_file() else "dir" if path.is_dir() else "other"
        digest.update(_bytes(path.name) + _bytes(kind) + _bytes(shown(path)))
        if kind == "file" and path.suffix in YAML_SUFFIXES:
            content = path.read_bytes()
            digest.update(_bytes(str(len(content))) + content)
    return digest.hexdigest()


def _read(entry: Path, folder: Path) -> FrameworkSource | None:
    try:
        with entry.open("rb") as handle:
            loaded = pickle.load(handle)
    except Exception:  # missing, truncated, corrupt, or pickled by other code: load instead
        return None
    if not isinstance(loaded, FrameworkSource) or loaded.folder != folder:
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # the entries kept are the ones used last
    return loaded


def _write(entry: Path, source: FrameworkSource) -> None:

    try:
        # Every derived Leaf built (and kept by its criterion) before pickling: a framework
        # read back then never builds the Leaf validator.
        for _unit in source.framework.units():
            pass
        write_atomic(entry, pickle.dumps(source, protocol=pickle.HIGHEST_PROTOCOL))
        kept = sorted(entry.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns)
        for old in kept[:-LIMIT]:
            old.unlink(missing_ok=True)
    except Exception:  # a read-only or full disk, a race with another run: not our business
        return


def load_framework_cached(folder: Path) -> FrameworkSource:
    """`load_framework(folder)`, from the cache when the same files were loaded before."""
    if os.environ.get("CCHC_NO_CACHE"):
        return load_framework(folder)
    try:
        key = framework_key(folder)
        entry = cache_folder() / f"{key}.pickle"
    except (OSError, RuntimeError):  # an unreadable folder (the plain load says so, with
        return load_framework(folder)  # its own message), or no home folder for the cache
    cached = _read(entry, folder)
    if cached is not None:
        return cached
    source = load_framework(folder)  # a RuleError propagates: nothing is stored
    try:
        unchanged = framework_key(folder) == key  # a file edited while it was being loaded
    except (OSError, RuntimeError):
        unchanged = False
    if unchanged:
        _write(entry, source)
    return source


_KEPT: dict[tuple[str, str, str], tuple[str, FrameworkSource]] = {}
_KEPT_LOCK = threading.Lock()


def load_framework_kept(folder: Path) -> FrameworkSource:
    """`load_framework(folder)`, kept in this process while no file of the folder changes
    (the messages it holds depend on the language and the working folder: both in the key)."""
    where = (str(folder), shown(folder), lang())
    stamp = folder_stamp(folder)
    with _KEPT_LOCK:
        found = _KEPT.get(where)
    if found is not None and found[0] == stamp:
        return found[1]
    source = load_framework(folder)  # a RuleError propagates: nothing is kept
    if folder_stamp(folder) == stamp:  # not edited while it was being loaded
        with _KEPT_LOCK:
            _KEPT[where] = (stamp, source)
    return source
