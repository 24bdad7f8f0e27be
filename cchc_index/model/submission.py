"""A submission (bản nộp): what a unit handed the review council, frozen.

Kept inside the bundle as `submissions/NNN/` — `manifest.yaml` (this model) beside
`records/`, copies of the bundle's record files as they were — and never rewritten. The
evidence files the records name are not copied: their content hashes are in the manifest.
"""

# No `from __future__ import annotations` here: pydantic builds these classes from
# annotations Python has already evaluated, as the other models of the bundle do.

import datetime as dt
from dataclasses import dataclass

from pydantic import Field

from cchc_index.fields import Strict, VnDate, VnDecimal
from cchc_index.model.result import Result

SUBMISSIONS = "submissions"  # the folder of a bundle that holds them
MANIFEST = "manifest.yaml"
RECORDS = "records"  # the copies of the record files, a bundle folder of its own


class Manifest(Strict):
    number: int = Field(ge=1)
    date: VnDate
    by: str = Field(min_length=1)
    unit: str = Field(min_length=1)
    year: int
    framework: str = Field(min_length=1)
    framework_sha256: str = Field(min_length=64, max_length=64)
    self_total: VnDecimal
    records: dict[str, str]  # record file name → sha256 of the copy in records/
    files: dict[str, str] = Field(
        default_factory=dict
    )  # evidence file (relative path) → sha256, as submitted


@dataclass(frozen=True)
class Draft:
    """The working bundle after its latest submission: what changed, and the self score it
    would have. It never changes an appraised layer."""

    result: Result
    changed: tuple[str, ...]  # one line per changed record or file, in words


@dataclass(frozen=True)
class Submitted:
    """The submission a review's layers are built on."""

    manifest: Manifest
    folder: str  # as shown: `submissions/001`

    @property
    def number(self) -> int:
        return self.manifest.number

    @property
    def date(self) -> dt.date:
        return self.manifest.date
