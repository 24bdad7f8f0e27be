"""An evidence bundle folder → a validated `Bundle`, or an EvidenceError listing every problem.

Files (all but profile.yaml optional): profile.yaml, documents.csv, statistics.yaml,
links.csv, photos.csv, declarations.yaml. Tables are CSV because officers keep their
registers in spreadsheets and because CSV reads ~20× faster than the same rows in YAML.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.load.pydantic_problems import field_names, problems_from
from cchc_index.model.bundle import (
    Bundle,
    Declarations,
    Document,
    Item,
    Profile,
    Statistic,
)
from cchc_index.source import Located, SourceError, load_yaml, parse_csv, read_text, shown
from cchc_index.suggest import suggest

TABLES: dict[str, type[BaseModel]] = {"documents": Document, "links": Item, "photos": Item}
LISTS: dict[str, TypeAdapter[Any]] = {
    "documents": TypeAdapter(list[Document]),
    "links": TypeAdapter(list[Item]),
    "photos": TypeAdapter(list[Item]),
}


@cache
def _statistics_adapter() -> TypeAdapter[dict[str, Statistic]]:
    """Built on first use: a schema built at import would cost every cold start."""
    return TypeAdapter(dict[str, Statistic])


NAMES = field_names([Profile, Document, Item, Statistic, Declarations])


def _columns(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def _table(folder: Path, name: str, problems: list[Problem]) -> tuple[list[Any], Located | None]:
    path = folder / f"{name}.csv"
    if not path.is_file():
        return [], None
    label = shown(path)
    try:
        src = parse_csv(read_text(path, label), label)
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
    clean = src.data  # rows hold only non-empty cells; drop unknown columns when there are any
    if not allowed.issuperset(src.columns):
        clean = [{k: v for k, v in row.items() if k in allowed} for row in src.data]
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
            try:  # one validation call for the whole table; per figure only to locate errors
                statistics = _statistics_adapter().validate_python(stats_src.data)
            except ValidationError:
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
