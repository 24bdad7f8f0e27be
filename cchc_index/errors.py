"""One error hierarchy, the exit codes, and the one place problems are formatted."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path


class ExitCode(enum.IntEnum):
    """Exit codes of every `cchc-index` command (documented in the README)."""

    OK = 0
    FINDINGS = 1  # a rule case failed, or `check` found missing evidence
    USAGE = 2  # bad command line (click's own code)
    INVALID_RULES = 3  # a rule file (framework, area, cases) is invalid
    INVALID_EVIDENCE = 4  # an evidence bundle or input document is invalid
    INTERNAL = 5  # the engine itself failed; a bug, please report it
    UNITS_FAILED = 6  # `batch` finished, but some bundles were invalid (listed) and not ranked


@dataclass(frozen=True, order=True)
class Problem:
    """One problem located in a file: sorted by file, line and column."""

    path: str
    line: int
    col: int
    message: str
    key: str = field(default="", compare=False)

    def format(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        suffix = f" [{self.key}]" if self.key else ""
        return f"{where}: {self.message}{suffix}"


class CchcError(Exception):
    """Base of every error the tool reports to its user."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


class RuleError(CchcError):
    """Rule files that do not validate."""

    exit_code = ExitCode.INVALID_RULES


class EvidenceError(CchcError):
    """An evidence bundle (or a document to extract from) that does not validate."""

    exit_code = ExitCode.INVALID_EVIDENCE


class EngineError(Exception):
    """The rule engine failed: never the user's fault."""

    exit_code = ExitCode.INTERNAL


def problem_at(
    path: Path | str, message: str, line: int = 1, col: int = 1, key: str = ""
) -> Problem:
    return Problem(str(path), line, col, message, key)
