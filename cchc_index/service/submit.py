"""`submit`: freeze what a unit hands the review council, inside its bundle.

A submission is `submissions/NNN/`: `manifest.yaml` (who, when, the framework's hash, the self
score, the sha256 of every record and evidence file) and `records/`, byte copies of the record
files, so the snapshot can be scored again. The folder is made whole under a hidden name and
renamed into place; an existing number is never written again. A submission is accepted only
while the framework's cycle allows one: up to the self-assessment deadline, or between two
appraisal rounds (the unit's explanations).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import tempfile
from pathlib import Path

import yaml

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.load.digest import bundle_sha256
from cchc_index.load.submissions import (
    RECORD_FILES,
    changed_since,
    evidence_hashes,
    folder_of,
    numbers,
    read_manifest,
    record_hashes,
)
from cchc_index.model.cycle import Cycle
from cchc_index.model.submission import MANIFEST, RECORDS, SUBMISSIONS, Manifest
from cchc_index.output import current, write_atomic
from cchc_index.service.review import Reviewer
from cchc_index.source import shown
from cchc_index.text import format_date, format_number


def today() -> dt.date:
    return dt.date.today()


def window_problem(cycle: Cycle | None, year: int, day: dt.date) -> str | None:
    """Why the cycle does not take a submission on `day`, with its dates; None when it does."""
    if cycle is None:
        return None
    due = cycle.self_due(year)
    if day <= due:
        return None
    rounds = [(r.round, r.due.resolve(year)) for r in cycle.rounds]
    for (_a, start), (_b, end) in itertools.pairwise(rounds):
        if start < day <= end:
            return None
    between = "; ".join(
        tr(
            f"giải trình sau lần {a} ({format_date(start)}) đến lần {b} ({format_date(end)})",
            f"explanations after round {a} ({format_date(start)}) until round {b} ({format_date(end)})",
        )
        for (a, start), (b, end) in itertools.pairwise(rounds)
    )
    allowed = tr(f"tự đánh giá đến {format_date(due)}", f"self-assessment until {format_date(due)}")
    return tr(
        f"ngày {format_date(day)} chu kỳ của bộ chỉ số không nhận bản nộp; được nộp: {allowed}"
        + (f"; {between}" if between else ""),
        f"the framework's cycle takes no submission on {format_date(day)}; allowed: {allowed}"
        + (f"; {between}" if between else ""),
    )


def submit(
    folder: Path,
    rules_dir: Path | None,
    by: str | None = None,
    on: dt.date | None = None,
    rules: Path | None = None,
) -> Manifest:
    """Freeze the bundle as submission N+1; EvidenceError when it does not load, the cycle
    does not allow it, or nothing changed since the last one."""
    reviewer = Reviewer(rules_dir)
    source, located = reviewer.open(folder, rules)
    bundle = located.bundle
    day = on or today()
    taken = numbers(folder)
    where = shown(folder)
    refused = window_problem(source.framework.meta.cycle, bundle.year, day)
    if taken and refused is None:
        last = read_manifest(folder, taken[-1])
        if day < last.date:
            refused = tr(
                f"bản nộp số {last.number} đã nộp ngày {format_date(last.date)}, sau ngày {format_date(day)}",
                f"submission {last.number} was made on {format_date(last.date)}, after {format_date(day)}",
            )
        elif not changed_since(folder, last):
            refused = tr(
                f"không có gì thay đổi từ bản nộp số {last.number} ({format_date(last.date)})",
                f"nothing changed since submission {last.number} ({format_date(last.date)})",
            )
    if refused is not None:
        raise EvidenceError([Problem(where, 1, 1, refused)])
    number = (taken[-1] if taken else 0) + 1
    result = reviewer.scorer(source).evaluate(bundle)
    manifest = Manifest(
        number=number,
        date=day,
        by=(by or bundle.profile.name).strip() or bundle.profile.name,
        unit=bundle.profile.name,
        year=bundle.year,
        framework=source.framework.meta.id,
        framework_sha256=bundle_sha256(source.folder),
        self_total=result.total,
        records=record_hashes(folder),
        files=evidence_hashes(folder),
    )
    _write(folder, manifest)
    return manifest


def manifest_yaml(manifest: Manifest) -> str:
    data = manifest.model_dump()
    data["date"] = format_date(manifest.date)
    data["self_total"] = format_number(manifest.self_total)
    header = tr(
        f"Bản nộp số {manifest.number} của {manifest.unit} (cchc-index submit). Không sửa: bản nộp "
        "là hồ sơ đã gửi Hội đồng thẩm định; records/ giữ bản sao các tệp dữ liệu lúc nộp.",
        f"Submission {manifest.number} of {manifest.unit} (cchc-index submit). Do not edit: it is "
        "what was handed to the review council; records/ keeps copies of the data files.",
    )
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return "".join(f"# {line}\n" for line in header.splitlines()) + body


def _write(folder: Path, manifest: Manifest) -> None:
    root = folder / SUBMISSIONS
    root.mkdir(exist_ok=True)
    target = folder_of(folder, manifest.number)
    work = Path(tempfile.mkdtemp(prefix=".submitting-", dir=root))
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(work, 0o777 & ~mask)  # mkdtemp makes 0700; a submission is an ordinary folder
    try:
        (work / RECORDS).mkdir()
        gate = current()  # the run reads the bundle; these new files are what it exists to add
        for name in RECORD_FILES:
            if name in manifest.records:
                gate.updates(work / RECORDS / name)
                write_atomic(work / RECORDS / name, (folder / name).read_bytes())
        gate.updates(work / MANIFEST)
        write_atomic(work / MANIFEST, manifest_yaml(manifest))
        if os.path.lexists(target):  # never over an existing submission
            raise EvidenceError(
                [
                    Problem(
                        shown(target),
                        1,
                        1,
                        tr("bản nộp này đã có", "this submission already exists"),
                    )
                ]
            )
        os.rename(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
