"""Shared helpers of the review tests: copies of the sample bundle, edited."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

SAMPLE = ROOT / "evidence" / "quang-an-2020"
RULES = ROOT / "rules"


def copy_sample(tmp: Path, name: str = "quang-an", submitted: bool = False) -> Path:
    """A copy of the sample bundle; unless `submitted`, as it was before its submission (its
    edits then change its self layer, not a draft beside it)."""
    target = tmp / name
    shutil.copytree(SAMPLE, target)
    if not submitted:
        shutil.rmtree(target / "submissions")
        appraisal = target / "appraisal.yaml"
        appraisal.write_text(
            appraisal.read_text(encoding="utf-8").replace("    submission: 1\n", ""), "utf-8"
        )
    return target


def drop_documents(bundle: Path, numbers: set[str]) -> None:
    path = bundle / "documents.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.split(",", 1)[0] not in numbers]
    assert len(lines) - len(kept) == len(numbers)
    path.write_text("".join(kept), encoding="utf-8")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
