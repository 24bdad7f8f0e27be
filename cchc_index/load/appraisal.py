"""appraisal.yaml of a bundle → a validated `Appraisal`, checked against the framework and the
self layer: nodes that exist, points on the rounding step within [0, max], and a reason
wherever a round changes the points of the layer before it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import yaml
from pydantic import ValidationError

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import num, tr
from cchc_index.load.pydantic_problems import field_names, problems_from
from cchc_index.load.submissions import numbers, read_manifest
from cchc_index.model.appraisal import Appraisal, Round
from cchc_index.model.framework import Framework, Leaf
from cchc_index.source import Key, Located, SourceError, load_yaml, shown
from cchc_index.suggest import suggest
from cchc_index.text import format_date

APPRAISAL_FILE = "appraisal.yaml"
NAMES = field_names([Appraisal])


def read_appraisal(folder: Path) -> tuple[Appraisal, Located] | None:
    """The bundle's appraisal.yaml validated alone (None when the bundle has none)."""
    path = folder / APPRAISAL_FILE
    if not path.is_file():
        return None
    try:
        src = load_yaml(path, shown(path))
    except SourceError as exc:
        raise EvidenceError(exc.problems) from exc
    return validate_appraisal(src), src


def validate_appraisal(src: Located) -> Appraisal:
    """Plain located data → Appraisal, or EvidenceError with every problem located."""
    try:
        return Appraisal.model_validate(src.data if src.data is not None else {})
    except ValidationError as exc:
        raise EvidenceError(problems_from(exc, src, NAMES)) from exc


def check_appraisal(
    appraisal: Appraisal,
    src: Located,
    framework: Framework,
    self_points: Mapping[str, Decimal],
    submitted: Mapping[int, dt.date] | None = None,
) -> list[Problem]:
    """Every problem of the appraisal that needs the framework, the self layer and the
    bundle's submissions (number → date): a round names one that exists and came before it."""
    submitted = submitted or {}
    leaves = {leaf.id: leaf for _, _, leaf in framework.leaves()}
    step = framework.meta.rounding_step
    problems: list[Problem] = []
    previous = dict(self_points)
    # in the order of their numbers, whatever order the file lists them in
    for r_index, rnd in sorted(enumerate(appraisal.rounds), key=lambda pair: pair[1].round):
        if rnd.submission is not None and rnd.submission not in submitted:
            problems.append(
                src.problem(("rounds", r_index, "submission"), _no_submission(rnd, submitted))
            )
        elif rnd.submission is not None and submitted[rnd.submission] > rnd.date:
            problems.append(
                src.problem(
                    ("rounds", r_index, "submission"),
                    tr(
                        f"lần {rnd.round} ({format_date(rnd.date)}) thẩm định bản nộp số {rnd.submission} nộp sau đó ({format_date(submitted[rnd.submission])})",
                        f"round {rnd.round} ({format_date(rnd.date)}) appraises submission {rnd.submission}, made later ({format_date(submitted[rnd.submission])})",
                    ),
                )
            )
        this_round: dict[str, Decimal] = {}
        for i, item in enumerate(rnd.items):
            at: Key = ("rounds", r_index, "items", i)
            leaf = leaves.get(item.node)
            found = _node_problem(item.node, leaf, leaves, survey=False)
            if found is not None:
                problems.append(src.problem((*at, "node"), found))
                continue
            assert leaf is not None
            bad = points_problem(item.points, leaf, step)
            if bad is not None:
                problems.append(src.problem((*at, "points"), bad))
                continue
            before = previous.get(item.node, Decimal(0))
            if item.points != before and not (item.reason or "").strip():
                problems.append(
                    src.problem(
                        (*at, "points"),
                        tr(
                            f"lần {rnd.round} đổi điểm mục '{item.node}' từ {num(before)} thành {num(item.points)} mà không ghi lý do ('reason')",
                            f"round {rnd.round} changes node '{item.node}' from {num(before)} to {num(item.points)} without a 'reason'",
                        ),
                    )
                )
            this_round[item.node] = item.points
        previous |= this_round
    for i, explanation in enumerate(appraisal.explanations):
        found = _node_problem(explanation.node, leaves.get(explanation.node), leaves, None)
        if found is not None:
            problems.append(src.problem(("explanations", i, "node"), found))
    if appraisal.survey is not None:
        for i, entry in enumerate(appraisal.survey.items):
            leaf = leaves.get(entry.node)
            found = _node_problem(entry.node, leaf, leaves, survey=True)
            if found is None:
                assert leaf is not None
                found = points_problem(entry.points, leaf, step)
                key = "points"
            else:
                key = "node"
            if found is not None:
                problems.append(src.problem(("survey", "items", i, key), found))
    return problems


def _no_submission(rnd: Round, submitted: Mapping[int, dt.date]) -> str:
    have = ", ".join(str(n) for n in submitted) or tr("chưa có", "none")
    return tr(
        f"lần {rnd.round} ghi thẩm định bản nộp số {rnd.submission}, nhưng bộ minh chứng không có bản nộp đó (có: {have})",
        f"round {rnd.round} names submission {rnd.submission}, which the bundle does not have (it has: {have})",
    )


def _node_problem(
    node: str, leaf: Leaf | None, leaves: Mapping[str, Leaf], survey: bool | None
) -> str | None:
    if leaf is None:
        hint = suggest(node, leaves)
        return tr(
            f"mục '{node}' không phải mục được chấm của bộ chỉ số{hint}",
            f"node '{node}' is not a scored node of the framework{hint}",
        )
    if survey is None:
        return None
    is_survey = leaf.method is not None and not leaf.method.self_scored  # parts: self-scored
    if survey and not is_survey:
        return tr(
            f"mục '{node}' không chấm bằng điều tra xã hội học; ghi điểm thẩm định ở 'rounds'",
            f"node '{node}' is not scored by the survey; put appraised points under 'rounds'",
        )
    if not survey and is_survey:
        return tr(
            f"mục '{node}' do tỉnh chấm qua điều tra xã hội học; ghi điểm ở 'survey'",
            f"node '{node}' is scored by the province's survey; put its points under 'survey'",
        )
    return None


def points_problem(points: Decimal, leaf: Leaf, step: Decimal) -> str | None:
    """Why `points` cannot be given to `leaf` (off the rounding step, outside [0, max])."""
    if points < 0 or points > leaf.points:
        return tr(
            f"điểm {num(points)} ngoài khoảng [0; {num(leaf.points)}] của mục '{leaf.id}'",
            f"points {num(points)} outside [0, {num(leaf.points)}] of node '{leaf.id}'",
        )
    if points % step != 0:
        return tr(
            f"điểm {num(points)} không theo bước làm tròn {num(step)} của bộ chỉ số",
            f"points {num(points)} are not on the framework's rounding step {num(step)}",
        )
    return None


def load_appraisal(
    folder: Path,
    framework: Framework,
    self_points: Mapping[str, Decimal],
    submitted: Mapping[int, dt.date] | None = None,
) -> Appraisal | None:
    """Read and check the bundle's appraisal.yaml; raise EvidenceError with every problem.
    `submitted`: the bundle's submissions (number → date), read from its folder when not given."""
    read = read_appraisal(folder)
    if read is None:
        return None
    appraisal, src = read
    if submitted is None:
        submitted = {n: read_manifest(folder, n).date for n in numbers(folder)}
    problems = check_appraisal(appraisal, src, framework, self_points, submitted)
    if problems:
        raise EvidenceError(problems)
    return appraisal


def appraisal_yaml(appraisal: Appraisal, header: str) -> str:
    """appraisal.yaml text for `appraisal` (dates dd/mm/yyyy, points as plain decimals)."""

    def plain(value: object) -> object:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items() if v is not None}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        if isinstance(value, Decimal):
            return format(value.normalize(), "f").replace(".", ",")  # `0,125`: never read as 125
        if isinstance(value, dt.date):
            return format_date(value)
        return value

    ordered = appraisal.model_copy(
        update={"rounds": tuple(sorted(appraisal.rounds, key=lambda r: r.round))}
    )
    data = plain(ordered.model_dump(exclude_defaults=True))
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return "".join(f"# {line}\n" for line in header.splitlines()) + body
