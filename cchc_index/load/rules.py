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
from cchc_index.load.pydantic_problems import field_names, problems_from
from cchc_index.model.framework import Area, Framework, Meta, id_key
from cchc_index.source import Located, SourceError, load_yaml, shown

META_FILE = "framework.yaml"
CASES_SUFFIX = ".cases.yaml"
YAML_SUFFIXES = (".yaml", ".yml")  # `.yml` is read exactly like `.yaml`, never skipped
# Files a framework folder may hold besides its YAML: notes and sources. Anything else (a
# spreadsheet, JSON, a CSV) is an error rather than silently ignored rules.
NOTES = {".md", ".txt", ".pdf", ".docx", ".doc", ".html", ".rst"}
NAMES = field_names([Meta, Area])


@dataclass(frozen=True)
class FrameworkSource:
    """The framework and the located files it came from (for later error messages)."""

    framework: Framework
    folder: Path
    meta: Located
    areas: tuple[Located, ...]


def is_cases(path: Path) -> bool:
    """`<area>.cases.yaml` (or `.cases.yml`): rule test cases, not an area."""
    return path.suffix in YAML_SUFFIXES and path.stem.endswith(".cases")


def meta_file(folder: Path) -> Path:
    """framework.yaml, or framework.yml when only that exists."""
    yml = folder / "framework.yml"
    return yml if yml.is_file() and not (folder / META_FILE).exists() else folder / META_FILE


def area_files(folder: Path) -> list[Path]:
    """Every area file of a framework folder (`.yaml` or `.yml`, not the metadata or cases)."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in YAML_SUFFIXES
        and p.stem != "framework"
        and not is_cases(p)
        and not p.name.startswith(".")
    )


def _stray_files(folder: Path) -> list[Problem]:
    """Files in a framework folder that are neither rules, cases nor notes: never ignored."""
    problems: list[Problem] = []
    if (folder / META_FILE).exists() and (folder / "framework.yml").exists():
        problems.append(
            Problem(
                shown(folder / "framework.yml"),
                1,
                1,
                tr(
                    "có cả framework.yaml và framework.yml; hãy giữ một tệp",
                    "both framework.yaml and framework.yml exist; keep one",
                ),
            )
        )
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix in YAML_SUFFIXES and not path.is_file():
            message = tr(
                f"'{path.name}' là thư mục, không phải tệp YAML",
                f"'{path.name}' is a folder, not a YAML file",
            )
        elif path.is_file() and path.suffix.lower() in {".xlsx", ".xls", ".ods", ".csv", ".json"}:
            message = tr(
                f"bộ chỉ số chỉ đọc tệp .yaml; '{path.name}' không được đọc (hãy chuyển sang YAML hoặc xóa)",
                f"a framework is read from .yaml files only; '{path.name}' is not read (convert it to YAML or remove it)",
            )
        else:
            continue
        problems.append(Problem(shown(path), 1, 1, message))
    return problems


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
    problems.extend(_stray_files(folder))
    meta_path = meta_file(folder)
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
    # The checks load here, not with the module: a framework from the cache (`score`) skips them.
    from cchc_index.load.checks import check_framework
    from cchc_index.load.sanity import meta_problems, number_problems

    meta_src, area_srcs, problems = read_folder(folder)
    if problems:
        # A file that does not parse is reported alone, first: checks across files would only
        # add follow-up errors (a variable "not declared" because framework.yaml did not load).
        raise RuleError(problems)
    for src in [meta_src, *area_srcs]:
        if src is not None:
            problems.extend(number_problems(src))
    if meta_src is not None:
        problems.extend(meta_problems(meta_src))
    sane = not problems
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
    if sane:  # the checks across files do arithmetic on these numbers
        problems.extend(check_framework(meta_src, area_srcs))
    if problems or meta is None:
        raise RuleError(problems)
    framework = Framework(meta=meta, areas=tuple(sorted(areas, key=lambda a: id_key(a.id))))
    assert meta_src is not None
    return FrameworkSource(framework, folder, meta_src, tuple(area_srcs))
