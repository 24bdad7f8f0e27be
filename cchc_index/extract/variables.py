"""The variables a draft may fill: those of the framework it is drafted for, with their labels.

The framework is the one named by `--rules`; else the one the bundle's profile names in
`--rules-dir` (as `score` finds it); else the one framework on the same search path made for
the report's year and level (`fitting_framework`); else the default, `hue-xa-2020` (the
shipped one last). A figure whose variable the framework lacks is still shown, but not
written to statistics.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cchc_index.errors import CchcError, Problem, RuleError
from cchc_index.i18n import tr

DEFAULT_FRAMEWORK = "hue-xa-2020"


@dataclass(frozen=True)
class FrameworkVariables:
    """A framework's id and its variables, each with its Vietnamese title."""

    framework: str
    titles: Mapping[str, str]
    year: int | None = None  # the assessment year the framework is for
    level: str | None = None  # the level of unit it scores ("xã", "huyện", "sở" …)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.titles)


@lru_cache(maxsize=16)
def variables_of(folder: Path) -> FrameworkVariables:
    """The variables of the framework in `folder`; RuleError (exit 3) if it is invalid."""
    from cchc_index.load.rules import load_framework  # only when a framework is named

    framework = load_framework(folder).framework
    titles = {name: variable.title for name, variable in framework.meta.variables.items()}
    return FrameworkVariables(
        framework.meta.id, titles, framework.meta.year, str(framework.meta.level)
    )


def choose_framework(rules: Path | None, named: str | None, rules_dir: Path | None = None) -> Path:
    """`--rules`, else `named` (a profile's `framework`) on the framework search path (as
    `score` finds it), else the default."""
    from cchc_index.shipped import locate_framework, searched_text

    if rules is not None:
        found = locate_framework(str(rules), rules_dir) if not rules.is_dir() else None
        return found.path if found is not None else rules
    wanted = named if named is not None else DEFAULT_FRAMEWORK
    located = locate_framework(wanted, rules_dir)
    if located is not None:
        return located.path
    where = searched_text(rules_dir)
    if named is not None:
        message = tr(
            f"không tìm thấy bộ chỉ số '{named}' (đã tìm trong {where}); dùng --rules",
            f"framework '{named}' not found (looked in {where}); pass --rules",
        )
    else:
        message = tr(
            f"không tìm thấy bộ chỉ số mặc định '{DEFAULT_FRAMEWORK}' (đã tìm trong {where}); dùng --rules",
            f"the default framework '{DEFAULT_FRAMEWORK}' was not found (looked in {where}); pass --rules",
        )
    raise RuleError([Problem(str(rules_dir or "rules"), 1, 1, message)])


def fitting_framework(year: int, level: str, rules_dir: Path | None = None) -> Path | None:
    """The one framework on the search path made for `year` and for units of `level` (the
    draft profile's level word); None when there is none or more than one, or when the
    default fits already. A framework that does not load is passed over: it is not chosen."""
    from cchc_index.load.against import level_fits
    from cchc_index.shipped import available_frameworks, locate_framework

    fits: list[Path] = []
    for name in available_frameworks(rules_dir):
        located = locate_framework(name, rules_dir)
        if located is None:
            continue
        try:
            meta = variables_of(located.path)
        except (CchcError, OSError, ValueError):
            continue
        if meta.year == year and meta.level is not None and level_fits(level, meta.level):
            fits.append(located.path)
    return fits[0] if len(fits) == 1 else None


def default_variables() -> FrameworkVariables:
    """The shipped default framework's variables."""
    from cchc_index.shipped import shipped_dir

    return variables_of(choose_framework(None, None, shipped_dir("rules")))
