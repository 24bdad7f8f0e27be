"""Check an edit the way the command line would, before anything in the bundle changes.

The edited file (and an uploaded evidence file) is laid out in a hidden staging folder inside
the bundle next to copies of the other bundle files; `cchc_index.load.unit.open_unit` then
reads the staging folder exactly as `cchc-index score` reads a bundle, so the web page shows
the same problems with the same words. Evidence files the tables name are hard-linked into
the staging folder (same file system, no copy); a name that leads outside the bundle is
mirrored so that the loader says so, as it would of the real folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cchc_index.errors import CchcError, Problem, SourceError
from cchc_index.i18n import tr
from cchc_index.load.bundle_files import DATA_FILES
from cchc_index.load.rules import FrameworkSource
from cchc_index.load.unit import open_unit_source
from cchc_index.model.bundle import Bundle
from cchc_index.textfile import MAX_TABLE_BYTES, read_text
from cchc_index.web.tables import parse_table

STAGING_PREFIX = ".cchc-web-"


def read(path: Path) -> str | None:
    """A bundle file's text (None when missing), read by the guarded reader; a link that
    leads out of the bundle's folder is an error (`SourceError`), never followed."""
    if not os.path.lexists(path):
        return None
    if not path.resolve().is_relative_to(path.parent.resolve()):
        raise SourceError(
            [
                Problem(
                    path.name,
                    1,
                    1,
                    tr(
                        "là liên kết tượng trưng dẫn ra ngoài thư mục bộ minh chứng; không đọc, "
                        "không ghi theo nó",
                        "is a symbolic link leading out of the bundle's folder; not read, "
                        "not written through",
                    ),
                )
            ]
        )
    if not path.is_file():
        return None
    return read_text(path, path.name, limit=MAX_TABLE_BYTES)


def _named_files(texts: dict[str, str | None]) -> set[str]:
    names: set[str] = set()
    for table in ("documents.csv", "photos.csv"):
        for record in parse_table(texts.get(table), table[:-4]).records():
            name = record.get("file", "").strip()
            if name:
                names.add(name)
    return names


def _mirror(bundle: Path, stage: Path, name: str) -> None:
    original = bundle / name
    target = Path(os.path.normpath(stage / name))
    if Path(name).is_absolute() or not target.is_relative_to(stage):
        return  # `../x`: left out, so the loader reports it outside, as it would
    if not os.path.lexists(original):
        return
    real = original.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.parent.resolve().is_relative_to(stage.resolve()) or os.path.lexists(target):
        return
    if real.is_relative_to(bundle.resolve()) and real.is_file():
        try:
            os.link(real, target)
        except OSError:
            shutil.copyfile(real, target)
    else:  # outside the bundle: keep it outside, so the loader reports it
        os.symlink(real, target)


@contextmanager
def staged(bundle: Path, changes: dict[str, str], uploads: dict[str, bytes]) -> Iterator[Path]:
    """A staging folder holding the bundle with `changes` (file name → new text) applied and
    `uploads` (relative name → content) added; removed on exit."""
    stage = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=bundle))
    try:
        texts = {name: read(bundle / name) for name in DATA_FILES}
        texts.update(changes)
        for name, text in texts.items():
            if text is not None:
                (stage / name).write_text(text, encoding="utf-8", newline="")
        for name, data in uploads.items():
            (stage / name).parent.mkdir(parents=True, exist_ok=True)
            (stage / name).write_bytes(data)
        for name in _named_files(texts) - set(uploads):
            _mirror(bundle, stage, name)
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def load_checked(
    folder: Path, rules_dir: Path | None
) -> tuple[FrameworkSource | None, Bundle | None, list[Problem]]:
    """The bundle and its framework as `score` loads them, or the problems it would print
    (the framework kept in memory while its files are unchanged: the page runs for long)."""
    try:
        source, located = open_unit_source(folder, None, rules_dir, kept=True)
    except CchcError as exc:
        return None, None, list(exc.problems)
    return source, located.bundle, []


def file_of(problem: Problem) -> str:
    """The bundle file a problem is about (its base name), whatever folder it was read in."""
    return Path(problem.path).name
