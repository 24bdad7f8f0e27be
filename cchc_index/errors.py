"""One error hierarchy, the exit codes, and the one place problems are formatted.

Every error a user can meet is a `CchcError`; its class decides the exit code, and the CLI's
one decorator (`cli.common.reports_errors`) turns it into located messages and that code.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path


class ExitCode(enum.IntEnum):
    """Exit codes of every `cchc-index` command (the README's table lists the same)."""

    OK = 0
    FINDINGS = 1  # a rule case failed, `check` found missing evidence, `extract --against` differs
    USAGE = 2  # bad command line (click's own code), or an output that would destroy something
    INVALID_RULES = 3  # a rule file (framework, area, cases) is invalid
    INVALID_EVIDENCE = 4  # an evidence bundle or input document is invalid
    INTERNAL = 5  # a bug of cchc-index itself: please report it
    ENVIRONMENT = 6  # the machine refused: unwritable folder, full disk, out of memory
    BROKEN_PIPE = 141  # the reader of the output went away (`| head`): 128 + SIGPIPE
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it
    UNITS_FAILED = 7  # `batch` finished, but some bundles were invalid (listed) and not ranked


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
    """Base of every error the tool reports to its user: located problems, or one message."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, problems: list[Problem], message: str = "") -> None:
        self.problems = sorted(problems)
        self.message = message
        super().__init__(message or "\n".join(p.format() for p in self.problems))

    def lines(self) -> list[str]:
        """What the user sees: every located problem, else the one message."""
        return [p.format() for p in self.problems] or [self.message]


class RuleError(CchcError):
    """Rule files that do not validate."""

    exit_code = ExitCode.INVALID_RULES


class EvidenceError(CchcError):
    """An evidence bundle (or a document to extract from) that does not validate."""

    exit_code = ExitCode.INVALID_EVIDENCE


class SourceError(EvidenceError):
    """A file that cannot be parsed at all. Its caller re-raises the problems as the error of
    its kind (a rule file's as RuleError); left alone it counts as bad input (4)."""


class OutputError(CchcError):
    """An output that would destroy something (an input, a special file, a wrong format)."""

    exit_code = ExitCode.USAGE


class OutputExists(OutputError):
    """The output folder already holds files and --force was not given."""


class EnvironmentProblem(CchcError):
    """The machine refused what the user asked: a folder not writable, a full disk."""

    exit_code = ExitCode.ENVIRONMENT


class EngineError(CchcError):
    """The rule engine failed: never the user's fault."""

    exit_code = ExitCode.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__([], message)


def problem_at(
    path: Path | str, message: str, line: int = 1, col: int = 1, key: str = ""
) -> Problem:
    """A problem at `path` (by default its first line)."""
    return Problem(str(path), line, col, message, key)
