"""Which folders are frameworks: what `validate` and `test` run on when given a repository.

A folder is a framework when it holds `framework.yaml` (or `.yml`); a folder given that is
not one is searched below (hidden folders and symbolic links to folders are not entered), so
`validate .` at the root of a framework repository finds every framework in it. A given folder
with no framework anywhere below is skipped (`docs/` passed by `*/`) and listed with `-v`,
unless it holds YAML files itself: that is a framework that lost its framework.yaml, and
loading it reports so. A framework id that is no path (`validate hue-xa-2020`) is looked up
like a profile's `framework:` (--rules-dir, ./rules, the user's folder, the package).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from cchc_index.shipped import Located, locate_framework

_META = ("framework.yaml", "framework.yml")
_NOT_ENTERED = {"__pycache__", "node_modules", "site"}


@dataclass
class Discovery:
    """The frameworks found (with where each came from) and the folders skipped."""

    frameworks: list[Located] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def is_framework(folder: Path) -> bool:
    return any((folder / name).is_file() for name in _META)


def discover(paths: tuple[Path, ...] | list[Path], rules_dir: Path | None = None) -> Discovery:
    """The frameworks at or below `paths`, in the order given, each once."""
    found = Discovery()
    seen: set[str] = set()

    def add(located: Located) -> None:
        key = os.path.realpath(located.path)
        if key not in seen:
            seen.add(key)
            found.frameworks.append(located)

    for path in paths:
        if not path.exists() and len(path.parts) == 1:
            by_id = locate_framework(str(path), rules_dir)
            if by_id is not None:
                add(by_id)
                continue
        if not path.exists() or (path.is_file() and path.suffix not in {".yaml", ".yml"}):
            if path.exists():
                found.skipped.append(path)  # README.md among `*`
            else:
                add(Located(path, "path"))  # loading it says it does not exist
            continue
        if path.is_file() or is_framework(path):
            add(Located(path, "path"))  # a YAML file given: loading says it is no folder
            continue
        below, skipped = _scan(path)
        if below:
            for folder in below:
                add(Located(folder, "path"))
            found.skipped.extend(skipped)
        elif _holds_yaml(path):
            add(Located(path, "path"))  # a framework without framework.yaml: reported
        else:
            found.skipped.append(path)
    return found


def _holds_yaml(folder: Path) -> bool:
    return any(p.suffix in {".yaml", ".yml"} and p.is_file() for p in folder.iterdir())


def _scan(folder: Path) -> tuple[list[Path], list[Path]]:
    """Frameworks below `folder` (not entering them), and the largest folders without one."""
    frameworks: list[Path] = []
    skipped: list[Path] = []
    stack = [folder]
    empty_children: dict[Path, list[Path]] = {}
    order: list[Path] = []
    while stack:
        current = stack.pop()
        order.append(current)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        children = [
            Path(e.path)
            for e in entries
            if e.is_dir(follow_symlinks=False)
            and not e.name.startswith(".")
            and e.name not in _NOT_ENTERED
        ]
        empty_children[current] = []
        for child in children:
            if is_framework(child):
                frameworks.append(child)
            else:
                empty_children[current].append(child)
                stack.append(child)
    holds = {f.parent for f in frameworks}
    # A folder holds a framework when one lies anywhere below it.
    has_below: set[Path] = set()
    for f in frameworks:
        for parent in f.parents:
            has_below.add(parent)
            if parent == folder:
                break
    for current in order:
        if current in has_below or current in holds:
            skipped.extend(c for c in empty_children.get(current, []) if c not in has_below)
    return sorted(frameworks), sorted(skipped)
