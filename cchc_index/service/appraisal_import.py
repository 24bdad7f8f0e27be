"""`appraise import`: the reviewer's workbook merged into appraisal.yaml, history kept.

The appraisal is append-only: a round the workbook fills is added, or replaces that round
when its points or reasons changed (an unchanged round keeps its reviewer and date); every
other round, the explanations already given, the survey points and the file's header
comments stay as they were. A workbook made from an older state of the bundle (its `_meta`
fingerprint differs from the bundle's now) is refused, naming the files changed since,
unless the only change is the appraisal.yaml written by importing that very workbook.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from cchc_index.errors import EvidenceError
from cchc_index.i18n import tr
from cchc_index.load.appraisal import (
    APPRAISAL_FILE,
    NAMES,
    appraisal_yaml,
    check_appraisal,
    read_appraisal,
)
from cchc_index.load.appraisal_workbook import (
    META,
    Defaults,
    cell_problem,
    read_workbook,
    workbook_meta,
)
from cchc_index.load.digest import bundle_files, digest_of
from cchc_index.load.pydantic_problems import problems_from
from cchc_index.load.submissions import numbers, read_manifest
from cchc_index.model.appraisal import Appraisal, Round
from cchc_index.scoring.layers import self_points
from cchc_index.service.review import review_unit
from cchc_index.source import Located, shown

FINGERPRINT = "bundle_sha256"


@dataclass(frozen=True)
class Imported:
    target: Path  # the bundle's appraisal.yaml
    text: str  # its new content
    count: int  # appraised items read from the workbook
    rounds: tuple[int, ...]  # the rounds added or replaced


def import_workbook(
    workbook: Path, folder: Path, rules_dir: Path | None, reviewer: str | None, when: dt.date | None
) -> Imported:
    """The bundle's appraisal.yaml with the workbook's rounds merged in (not yet written)."""
    review = review_unit(folder, None, rules_dir)
    target = folder / APPRAISAL_FILE
    _refuse_stale(workbook, folder, target)
    existing = read_appraisal(folder)
    before = existing[0] if existing is not None else None
    fallback = tr("Hội đồng thẩm định", "Review council")
    day = dt.date.today()
    defaults = Defaults(
        reviewer={
            n: reviewer or (r.reviewer if before and (r := before.round(n)) else fallback)
            for n in (1, 2)
        },
        date={n: when or (r.date if before and (r := before.round(n)) else day) for n in (1, 2)},
        explained=when or day,
        known={(e.node, e.text): e.date for e in before.explanations} if before else {},
    )
    points = self_points(review.layered.self_result)
    read, count = read_workbook(workbook, review.source.framework, review.bundle, points, defaults)
    merged, changed = merge(before, read)
    shown_target = shown(target)
    try:
        merged = Appraisal.model_validate(merged.model_dump())
    except ValidationError as exc:
        raise EvidenceError(problems_from(exc, Located(shown_target, None), NAMES)) from exc
    submitted = {n: read_manifest(folder, n).date for n in numbers(folder)}
    problems = check_appraisal(
        merged, Located(shown_target, None), review.source.framework, points, submitted
    )
    if problems:
        raise EvidenceError(problems)
    sha = _meta_value(workbook, FINGERPRINT)
    line = tr(
        f"Ghi bởi cchc-index appraise import từ {workbook.name} ngày {day:%d/%m/%Y}"
        + (f", lần {', '.join(map(str, changed))}" if changed else ", không đổi lần nào")
        + "."
        + (f" Người thẩm định: {reviewer}." if reviewer else "")
        + (f" {FINGERPRINT} {sha}" if sha else ""),
        f"Written by cchc-index appraise import from {workbook.name} on {day:%d/%m/%Y}"
        + (f", round(s) {', '.join(map(str, changed))}" if changed else ", no round changed")
        + "."
        + (f" Reviewer: {reviewer}." if reviewer else "")
        + (f" {FINGERPRINT} {sha}" if sha else ""),
    )
    header = [*_kept_header(target), line]
    return Imported(target, appraisal_yaml(merged, "\n".join(header)), count, changed)


def merge(before: Appraisal | None, read: Appraisal) -> tuple[Appraisal, tuple[int, ...]]:
    """`before` with the rounds of `read` added or replaced (an unchanged round kept whole),
    its explanations added to the ones given before; and the rounds that changed."""
    if before is None:
        return _sorted(read), tuple(sorted(r.round for r in read.rounds))
    rounds: dict[int, Round] = {r.round: r for r in before.rounds}
    changed = []
    for new in read.rounds:
        old = rounds.get(new.round)
        if old is not None and _items(old) == _items(new):
            continue  # the same points and reasons: its reviewer and date stay
        rounds[new.round] = new
        changed.append(new.round)
    seen = {(e.node, e.text) for e in before.explanations}
    explanations = (
        *before.explanations,
        *(e for e in read.explanations if (e.node, e.text) not in seen),
    )
    merged = before.model_copy(
        update={"rounds": tuple(rounds[n] for n in sorted(rounds)), "explanations": explanations}
    )
    return merged, tuple(sorted(changed))


def _sorted(appraisal: Appraisal) -> Appraisal:
    return appraisal.model_copy(
        update={"rounds": tuple(sorted(appraisal.rounds, key=lambda r: r.round))}
    )


def _items(rnd: Round) -> set[tuple[str, str, str]]:
    return {(i.node, str(i.points.normalize()), (i.reason or "").strip()) for i in rnd.items}


def _kept_header(target: Path) -> list[str]:
    """The comment lines at the top of the current appraisal.yaml, `# ` removed."""
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].removeprefix(" "))
    return lines


def _meta_value(workbook: Path, key: str) -> str:
    value = workbook_meta(workbook).get(key, (0, None))[1]
    return str(value).strip() if value is not None else ""


def _refuse_stale(workbook: Path, folder: Path, target: Path) -> None:
    meta = workbook_meta(workbook)
    row, then = meta.get(FINGERPRINT, (0, None))
    if not then:
        return  # a workbook that does not say what it was made from
    files = bundle_files(folder)
    if str(then).strip() == digest_of(files):
        return
    old = _files_of(meta.get("bundle_files", (0, None))[1])
    now = {k: v[:16] for k, v in files.items()}
    if old is not None:
        changed = sorted(k for k in old.keys() | now.keys() if old.get(k) != now.get(k))
    else:
        changed = []
    last = [line for line in _kept_header(target) if f"{FINGERPRINT} " in line]
    if changed == [APPRAISAL_FILE] and last and last[-1].endswith(f"{FINGERPRINT} {then}"):
        return  # only the appraisal this very workbook was imported into
    written = str(meta.get("written_at", (0, ""))[1] or "")
    names = ", ".join(changed[:10]) + (" …" if len(changed) > 10 else "")
    what_vi = f"đã đổi: {names}" if changed else "bộ minh chứng đã đổi"
    what_en = f"changed: {names}" if changed else "the bundle has changed"
    raise EvidenceError(
        [
            cell_problem(
                shown(workbook),
                META,
                row or 1,
                2,
                tr(
                    f"bảng tính được lập từ trạng thái cũ của bộ minh chứng ({written}); từ đó "
                    f"{what_vi}. Nhập nó sẽ xóa hay ghi đè những thay đổi đó: hãy xuất lại bảng "
                    "tính (cchc-index score BỘ -o bang.xlsx), chép ý kiến thẩm định sang rồi nhập",
                    f"the workbook was made from an older state of the bundle ({written}); since "
                    f"then {what_en}. Importing it would undo those changes: write the workbook "
                    "again (cchc-index score BUNDLE -o sheet.xlsx), copy the appraisal over, "
                    "then import",
                ),
            )
        ]
    )


def _files_of(value: object) -> dict[str, str] | None:
    try:
        found = json.loads(str(value)) if value else None
    except ValueError:
        return None
    if not isinstance(found, dict):
        return None
    return {str(k): str(v) for k, v in found.items()}


__all__ = ["Imported", "import_workbook", "merge"]
