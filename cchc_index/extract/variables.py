"""The variables a draft may fill: those of the framework it is drafted for, with their labels.

The framework is the one named by `--rules`; else the one the bundle's profile names in
`--rules-dir` (as `score` finds it); else the shipped default, `rules/hue-xa-2020`. A figure
whose variable the framework lacks is still shown, but not written to statistics.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cchc_index.errors import Problem, RuleError
from cchc_index.i18n import tr

DEFAULT_FRAMEWORK = "hue-xa-2020"
SHIPPED_RULES = Path(__file__).resolve().parents[2] / "rules"


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
    from cchc_index.load.rules import load_framework

    framework = load_framework(folder).framework
    titles = {name: variable.title for name, variable in framework.meta.variables.items()}
    return FrameworkVariables(
        framework.meta.id, titles, framework.meta.year, str(framework.meta.level)
    )


def choose_framework(
    rules: Path | None, named: str | None, rules_dir: Path = Path("rules")
) -> Path:
    """`--rules`, else `named` (a profile's `framework`) in `rules_dir`, else the default."""
    if rules is not None:
        return rules
    if named is not None:
        candidate = rules_dir / named
        if not candidate.is_dir():
            raise RuleError(
                [
                    Problem(
                        str(rules_dir),
                        1,
                        1,
                        tr(
                            f"không tìm thấy bộ chỉ số '{named}' trong {rules_dir}; dùng --rules",
                            f"framework '{named}' not found in {rules_dir}; pass --rules",
                        ),
                    )
                ]
            )
        return candidate
    for folder in (rules_dir / DEFAULT_FRAMEWORK, SHIPPED_RULES / DEFAULT_FRAMEWORK):
        if folder.is_dir():
            return folder
    raise RuleError(
        [
            Problem(
                str(rules_dir),
                1,
                1,
                tr(
                    f"không tìm thấy bộ chỉ số mặc định '{DEFAULT_FRAMEWORK}'; dùng --rules",
                    f"the default framework '{DEFAULT_FRAMEWORK}' was not found; pass --rules",
                ),
            )
        ]
    )


def default_variables() -> FrameworkVariables:
    """The shipped default framework's variables."""
    return variables_of(choose_framework(None, None, SHIPPED_RULES))
