"""An evidence bundle folder → a validated `Bundle`, or an EvidenceError listing every problem.

Files (all but profile.yaml optional): profile.yaml, documents.csv, statistics.yaml,
links.csv, photos.csv, declarations.yaml. Tables are CSV because officers keep their
registers in spreadsheets and because CSV reads ~20× faster than the same rows in YAML.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.load.pydantic_problems import field_names, problems_from, suggest
from cchc_index.load.rules import shown
from cchc_index.model.bundle import (
    Bundle,
    Declarations,
    Document,
    Item,
    NotApplicableClaim,
    Profile,
    Qualitative,
    Statistic,
)
from cchc_index.model.framework import Area, Criterion, Framework, Leaf
from cchc_index.source import Located, SourceError, load_yaml, parse_csv, read_text

TABLES: dict[str, type[BaseModel]] = {"documents": Document, "links": Item, "photos": Item}
LISTS: dict[str, TypeAdapter[Any]] = {
    "documents": TypeAdapter(list[Document]),
    "links": TypeAdapter(list[Item]),
    "photos": TypeAdapter(list[Item]),
}
NAMES = field_names([Profile, Document, Item, Statistic, Declarations])


def _columns(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def _table(folder: Path, name: str, problems: list[Problem]) -> tuple[list[Any], Located | None]:
    path = folder / f"{name}.csv"
    if not path.is_file():
        return [], None
    try:
        src = parse_csv(read_text(path, shown(path)), shown(path))
    except SourceError as exc:
        problems.extend(exc.problems)
        return [], None
    model = TABLES[name]
    allowed = _columns(model)
    for column in sorted(set(src.columns) - allowed):
        col = src.columns[column]
        problems.append(
            Problem(
                src.path,
                1,
                col,
                tr(
                    f"cột không được phép '{column}'{suggest(column, allowed)}",
                    f"unknown column '{column}'{suggest(column, allowed)}",
                ),
            )
        )
    clean = [{k: v for k, v in row.items() if v is not None and k in allowed} for row in src.data]
    try:
        return list(LISTS[name].validate_python(clean)), src
    except ValidationError as exc:
        problems.extend(problems_from(exc, src, NAMES))
        return [], src


def _yaml(folder: Path, name: str, problems: list[Problem]) -> Located | None:
    path = folder / name
    if not path.is_file():
        return None
    try:
        return load_yaml(path, shown(path))
    except SourceError as exc:
        problems.extend(exc.problems)
        return None


def _validate(src: Located | None, model: type[BaseModel], problems: list[Problem]) -> Any:
    if src is None:
        return None
    try:
        return model.model_validate(src.data if src.data is not None else {})
    except ValidationError as exc:
        problems.extend(problems_from(exc, src, NAMES))
        return None


def _files_inside(
    folder: Path, src: Located | None, items: list[Any], problems: list[Problem]
) -> None:
    """Every `file` must stay inside the bundle folder; a given sha256 must match."""
    if src is None:
        return
    root = folder.resolve()
    for index, item in enumerate(items):
        if item.file is None:
            continue
        target = (folder / item.file).resolve()
        if not target.is_relative_to(root) or Path(item.file).is_absolute():
            problems.append(
                src.problem(
                    (index, "file"),
                    tr(
                        f"tệp '{item.file}' nằm ngoài thư mục bộ minh chứng",
                        f"file '{item.file}' is outside the bundle folder",
                    ),
                )
            )
        elif item.sha256 is not None and target.is_file():
            digest = hashlib.sha256(target.read_bytes()).hexdigest()
            if digest != item.sha256.lower():
                problems.append(
                    src.problem(
                        (index, "sha256"),
                        tr(
                            f"sha256 của '{item.file}' không khớp (tệp có {digest[:12]}…)",
                            f"sha256 of '{item.file}' does not match (file has {digest[:12]}…)",
                        ),
                    )
                )
        elif item.sha256 is not None:
            problems.append(
                src.problem(
                    (index, "file"),
                    tr(
                        f"không tìm thấy tệp '{item.file}' để kiểm tra sha256",
                        f"file '{item.file}' not found to check its sha256",
                    ),
                )
            )


def load_bundle(folder: Path) -> Bundle:
    """Load one bundle folder; raise EvidenceError with every problem found."""
    problems: list[Problem] = []
    if not (folder / "profile.yaml").is_file():
        raise EvidenceError(
            [
                Problem(
                    shown(folder),
                    1,
                    1,
                    tr(
                        "không phải bộ minh chứng: thiếu profile.yaml",
                        "not an evidence bundle: profile.yaml is missing",
                    ),
                )
            ]
        )
    profile_src = _yaml(folder, "profile.yaml", problems)
    profile = _validate(profile_src, Profile, problems)
    stats_src = _yaml(folder, "statistics.yaml", problems)
    statistics: dict[str, Statistic] = {}
    if stats_src is not None and stats_src.data is not None:
        if not isinstance(stats_src.data, dict):
            problems.append(
                stats_src.problem(
                    (),
                    tr(
                        "statistics.yaml phải là bảng 'tên_biến: giá trị'",
                        "statistics.yaml must map variable: value",
                    ),
                )
            )
        else:
            for name, raw in stats_src.data.items():
                try:
                    statistics[name] = Statistic.model_validate(raw)
                except ValidationError as exc:
                    problems.extend(problems_from(exc, stats_src, NAMES, prefix=(name,)))
    declarations = _validate(_yaml(folder, "declarations.yaml", problems), Declarations, problems)
    tables = {name: _table(folder, name, problems) for name in TABLES}
    for name in ("documents", "photos"):
        _files_inside(folder, tables[name][1], tables[name][0], problems)
    if problems or profile is None:
        raise EvidenceError(problems)
    return Bundle(
        profile=profile,
        documents=tuple(tables["documents"][0]),
        statistics=statistics,
        links=tuple(tables["links"][0]),
        photos=tuple(tables["photos"][0]),
        declarations=declarations or Declarations(),
    )


def check_against(bundle: Bundle, framework: Framework, folder: Path) -> None:
    """Problems that need the framework: the right framework and year, known variables and
    node ids, and figures within their bounds (late ≤ received)."""
    problems: list[Problem] = []
    meta = framework.meta
    profile_path = shown(folder / "profile.yaml")
    stats_path = shown(folder / "statistics.yaml")
    positions = _positions(folder)
    if bundle.profile.framework is not None and bundle.profile.framework != meta.id:
        problems.append(
            Problem(
                profile_path,
                *positions.get(("profile", "framework"), (1, 1)),
                tr(
                    f"bộ minh chứng dành cho bộ chỉ số '{bundle.profile.framework}', không phải '{meta.id}'",
                    f"the bundle is for framework '{bundle.profile.framework}', not '{meta.id}'",
                ),
                "framework",
            )
        )
    if bundle.profile.year != meta.year:
        problems.append(
            Problem(
                profile_path,
                *positions.get(("profile", "year"), (1, 1)),
                tr(
                    f"năm đánh giá {bundle.profile.year} khác năm {meta.year} của bộ chỉ số '{meta.id}'",
                    f"assessment year {bundle.profile.year} differs from year {meta.year} of framework '{meta.id}'",
                ),
                "year",
            )
        )
    for name, stat in bundle.statistics.items():
        where = positions.get(("statistics", name), (1, 1))
        if name not in meta.variables:
            hint = suggest(name, meta.variables)
            problems.append(
                Problem(
                    stats_path,
                    *where,
                    tr(
                        f"biến '{name}' không có trong bộ chỉ số '{meta.id}'{hint}",
                        f"variable '{name}' is not in framework '{meta.id}'{hint}",
                    ),
                    name,
                )
            )
            continue
        bound = meta.variables[name].at_most
        if bound is not None and bound in bundle.statistics:
            for attr in ("value", "last_year"):
                mine, other = getattr(stat, attr), getattr(bundle.statistics[bound], attr)
                if mine is not None and other is not None and mine > other:
                    problems.append(
                        Problem(
                            stats_path,
                            *where,
                            tr(
                                f"{name} = {mine} lớn hơn {bound} = {other} ({attr})",
                                f"{name} = {mine} exceeds {bound} = {other} ({attr})",
                            ),
                            name,
                        )
                    )
    problems.extend(_check_declarations(bundle, framework, folder))
    if problems:
        raise EvidenceError(problems)


def _positions(folder: Path) -> dict[tuple[str, str], tuple[int, int]]:
    """Key positions of profile.yaml and statistics.yaml, read again only to place an error."""
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for file, label in (("profile.yaml", "profile"), ("statistics.yaml", "statistics")):
        path = folder / file
        if path.is_file():
            src = load_yaml(path)
            for key, where in src.key_positions.items():
                if len(key) == 1:
                    found[(label, str(key[0]))] = where
    return found


def _check_declarations(bundle: Bundle, framework: Framework, folder: Path) -> list[Problem]:
    """Declared nodes must exist; a not-applicable claim only where the framework allows it;
    a qualitative declaration only for a qualitative node."""
    path = folder / "declarations.yaml"
    if not path.is_file():
        return []
    src = load_yaml(path, shown(path))
    nodes: dict[str, Area | Criterion | Leaf] = {a.id: a for a in framework.areas}
    nodes |= {c.id: c for a in framework.areas for c in a.criteria}
    nodes |= {leaf.id: leaf for _, _, leaf in framework.leaves()}
    found: list[Problem] = []
    claims: tuple[tuple[str, tuple[Qualitative | NotApplicableClaim, ...]], ...] = (
        ("qualitative", bundle.declarations.qualitative),
        ("not_applicable", bundle.declarations.not_applicable),
    )
    for kind, entries in claims:
        for i, claim in enumerate(entries):
            loc = (kind, i, "node")
            node = nodes.get(claim.node)
            if node is None:
                hint = suggest(claim.node, nodes)
                found.append(
                    src.problem(
                        loc,
                        tr(
                            f"mục '{claim.node}' không có trong bộ chỉ số{hint}",
                            f"node '{claim.node}' is not in the framework{hint}",
                        ),
                    )
                )
            elif kind == "not_applicable" and not (
                node.not_applicable and node.not_applicable.declarable
            ):
                found.append(
                    src.problem(
                        loc,
                        tr(
                            f"bộ chỉ số không cho phép khai mục '{claim.node}' là không áp dụng",
                            f"the framework does not let node '{claim.node}' be declared not applicable",
                        ),
                    )
                )
            elif kind == "qualitative" and not (
                isinstance(node, Leaf) and node.method.type == "qualitative"
            ):
                found.append(
                    src.problem(
                        loc,
                        tr(
                            f"mục '{claim.node}' không chấm theo tự đánh giá định tính",
                            f"node '{claim.node}' is not scored by a qualitative declaration",
                        ),
                    )
                )
    return found
