"""A framework folder → a validated `Framework`, or a RuleError listing every problem.

A folder holds `framework.yaml` (metadata) and one YAML file per area; rule test cases
sit beside each area as `<area>.cases.yaml` and are loaded by `cases.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from cchc_index.errors import Problem, RuleError
from cchc_index.i18n import tr
from cchc_index.load.checks import check_framework
from cchc_index.load.pydantic_problems import field_names, problems_from
from cchc_index.model.framework import Area, Framework, Meta, id_key
from cchc_index.source import Located, SourceError, load_yaml, shown

META_FILE = "framework.yaml"
CASES_SUFFIX = ".cases.yaml"
NAMES = field_names([Meta, Area])


@dataclass(frozen=True)
class FrameworkSource:
    """The framework and the located files it came from (for later error messages)."""

    framework: Framework
    folder: Path
    meta: Located
    areas: tuple[Located, ...]


def area_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.glob("*.yaml")
        if p.name != META_FILE and not p.name.endswith(CASES_SUFFIX)
    )


def read_folder(folder: Path) -> tuple[Located | None, list[Located], list[Problem]]:
    problems: list[Problem] = []
    if not folder.is_dir():
        return (
            None,
            [],
            [
                Problem(
                    shown(folder),
                    1,
                    1,
                    tr("không phải thư mục bộ chỉ số", "not a framework folder"),
                )
            ],
        )
    meta: Located | None = None
    areas: list[Located] = []
    meta_path = folder / META_FILE
    if not meta_path.is_file():
        problems.append(
            Problem(shown(folder), 1, 1, tr(f"thiếu tệp {META_FILE}", f"missing {META_FILE}"))
        )
    for path in [meta_path, *area_files(folder)] if meta_path.is_file() else area_files(folder):
        try:
            located = load_yaml(path, shown(path))
        except SourceError as exc:
            problems.extend(exc.problems)
            continue
        if path == meta_path:
            meta = located
        else:
            areas.append(located)
    if not areas and not problems:
        problems.append(
            Problem(
                shown(folder),
                1,
                1,
                tr("không có tệp lĩnh vực nào (*.yaml)", "no area files (*.yaml)"),
            )
        )
    return meta, areas, problems


def load_framework(folder: Path) -> FrameworkSource:
    """Load and check one framework folder; raise RuleError with every problem found."""
    meta_src, area_srcs, problems = read_folder(folder)
    meta: Meta | None = None
    areas: list[Area] = []
    if meta_src is not None:
        try:
            meta = Meta.model_validate(meta_src.data)
        except ValidationError as exc:
            problems.extend(problems_from(exc, meta_src, NAMES))
        order = meta.cycle.order_problem(meta.year) if meta and meta.cycle else None
        if order is not None:
            problems.append(meta_src.problem(("cycle",), order, key=True))
    for src in area_srcs:
        try:
            areas.append(Area.model_validate(src.data))
        except ValidationError as exc:
            problems.extend(problems_from(exc, src, NAMES))
    problems.extend(check_framework(meta_src, area_srcs))
    if problems or meta is None:
        raise RuleError(problems)
    framework = Framework(meta=meta, areas=tuple(sorted(areas, key=lambda a: id_key(a.id))))
    assert meta_src is not None
    return FrameworkSource(framework, folder, meta_src, tuple(area_srcs))
