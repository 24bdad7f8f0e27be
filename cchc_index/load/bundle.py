"""An evidence bundle folder → a validated `Bundle`, or an EvidenceError listing every problem.

Files (all but profile.yaml optional): profile.yaml, documents.csv, statistics.yaml,
links.csv, photos.csv, declarations.yaml. Tables are CSV because officers keep their
registers in spreadsheets and because CSV reads much faster than the same rows in YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.load.bundle_files import (
    Listing,
    check_files,
    date_warnings,
    has_file,
    listing,
    stray_files,
)
from cchc_index.load.pydantic_problems import field_names, problems_from
from cchc_index.model.bundle import (
    Bundle,
    Declarations,
    Document,
    Item,
    Profile,
    Statistic,
    foreign_message,
)
from cchc_index.output import current
from cchc_index.source import (
    Key,
    Located,
    SourceError,
    load_yaml,
    parse_csv,
    read_text,
    shown,
    shown_in,
)
from cchc_index.suggest import suggest
from cchc_index.text import foreign_char
from cchc_index.textfile import MAX_TABLE_BYTES

TABLES: dict[str, type[BaseModel]] = {"documents": Document, "links": Item, "photos": Item}


@cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[Any]:
    """Built on first use, one per model (links and photos share theirs): a table the bundle
    does not have costs no schema."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]


@cache
def _statistics_adapter() -> TypeAdapter[dict[str, Statistic]]:
    """Built on first use: a schema built at import would cost every cold start."""
    return TypeAdapter(dict[str, Statistic])


def _columns(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


COLUMNS = {name: _columns(model) for name, model in TABLES.items()}
NAMES = field_names([Profile, Document, Item, Statistic, Declarations])


def _table(
    folder: Path, base: str, name: str, problems: list[Problem], entries: Listing | None
) -> tuple[list[Any], Located | None]:
    path = folder / f"{name}.csv"
    if not has_file(folder, path.name, entries):
        return [], None
    name_shown = shown_in(base, path.name)
    try:
        text = read_text(path, name_shown, limit=MAX_TABLE_BYTES)
        src = parse_csv(text, name_shown)
    except SourceError as exc:
        problems.extend(exc.problems)
        return [], None
    if foreign_char(text) is not None:  # one search of the file; the cells only when needed
        found = _foreign_cells(src)
        if found:
            problems.extend(found)
            return [], src
    allowed = COLUMNS[name]
    unknown = sorted(set(src.columns) - allowed)
    for column in unknown:
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
    clean = src.data  # rows hold their non-empty cells only
    if unknown:
        clean = [{k: v for k, v in row.items() if k in allowed} for row in clean]
    try:
        return list(_list_adapter(TABLES[name]).validate_python(clean)), src
    except ValidationError as exc:
        problems.extend(problems_from(exc, src, NAMES))
        return [], src


# Columns where a look-alike letter (Cyrillic "о" for "o") would make a row silently fail to
# match; a note, a file name or a URL may hold any script.
WORD_COLUMNS = ("number", "kind", "issuer", "subject", "title")


def _foreign_cells(src: Located) -> list[Problem]:
    problems: list[Problem] = []
    for index, row in enumerate(src.data):
        for column in WORD_COLUMNS:
            value = row.get(column)
            found = foreign_char(value) if value else None
            if found is not None:
                problems.append(src.problem((index, column), foreign_message(found)))
    return problems


def _yaml(
    folder: Path, base: str, name: str, problems: list[Problem], entries: Listing | None
) -> Located | None:
    path = folder / name
    if not has_file(folder, name, entries):
        return None
    try:
        return load_yaml(path, shown_in(base, name), aliases=False)
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


@dataclass(frozen=True)
class BundleSource:
    """The bundle and the located files it came from: later checks (against the framework,
    `extract --against`, `explain`) place their messages without reading a file again."""

    bundle: Bundle
    folder: Path
    files: dict[str, Located] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()
    shown: str = ""  # the folder as the user should see it (`source.shown`), once resolved

    def where(self, file: str, loc: Key, *, key: bool = False) -> tuple[str, int, int]:
        """(shown path, line, column) of `loc` in `file`, or of the file when it was not read."""
        src = self.files.get(file)
        if src is None:
            return shown_in(self.shown, file) if self.shown else shown(self.folder / file), 1, 1
        return (src.path, *src.where(loc, key=key))


def load_bundle(folder: Path) -> Bundle:
    """Load one bundle folder; raise EvidenceError with every problem found."""
    return read_bundle(folder).bundle


def read_bundle(folder: Path, *, evidence_files: bool = True) -> BundleSource:
    """Load one bundle folder with the positions of its files; raise EvidenceError with every
    problem found. `evidence_files=False`: the files the tables name are not looked for (a
    submission's snapshot keeps copies of the records only; its manifest holds their hashes)."""
    problems: list[Problem] = []
    current().add_input(folder)  # the run's output gate: nothing is written into a bundle read
    base = shown(folder)
    entries = listing(folder)
    if not has_file(folder, "profile.yaml", entries):
        raise EvidenceError(
            [
                Problem(
                    base,
                    1,
                    1,
                    tr(
                        "không phải bộ minh chứng: thiếu profile.yaml",
                        "not an evidence bundle: profile.yaml is missing",
                    ),
                )
            ]
        )
    profile_src = _yaml(folder, base, "profile.yaml", problems, entries)
    profile = _validate(profile_src, Profile, problems)
    stats_src = _yaml(folder, base, "statistics.yaml", problems, entries)
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
    declarations_src = _yaml(folder, base, "declarations.yaml", problems, entries)
    declarations = _validate(declarations_src, Declarations, problems)
    tables = {name: _table(folder, base, name, problems, entries) for name in TABLES}
    for name in TABLES:  # every table with a `file` column, links.csv included
        if evidence_files:
            problems.extend(check_files(folder, tables[name][1], tables[name][0]))
    warnings: list[Problem] = []
    problems.extend(stray_files(folder, warnings, entries))
    if problems or profile is None:
        raise EvidenceError(problems)
    files = {f"{name}.csv": src for name, (_, src) in tables.items() if src is not None}
    files |= {
        name: src
        for name, src in (
            ("profile.yaml", profile_src),
            ("statistics.yaml", stats_src),
            ("declarations.yaml", declarations_src),
        )
        if src is not None
    }
    # every part is validated above: the whole needs no second pass (nor its validator built)
    bundle = Bundle.model_construct(
        profile=profile,
        documents=tuple(tables["documents"][0]),
        statistics=statistics,
        links=tuple(tables["links"][0]),
        photos=tuple(tables["photos"][0]),
        declarations=declarations or Declarations(),
    )
    rows = {
        "documents.csv": bundle.documents,
        "links.csv": bundle.links,
        "photos.csv": bundle.photos,
    }
    warnings += date_warnings(files, rows, bundle.year)
    return BundleSource(bundle, folder, files, tuple(warnings), base)
