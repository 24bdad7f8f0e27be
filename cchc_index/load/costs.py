"""costs.yaml of `plan` → validated `Costs`, checked against the framework and the bundle: nodes
that exist, adjustable figures the framework names and the bundle states, every problem
located (`file:line:col`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import num, tr
from cchc_index.load.pydantic_problems import field_names, problems_from
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import Framework
from cchc_index.model.plan import Adjustable, Costs
from cchc_index.source import Located, SourceError, load_yaml, shown
from cchc_index.suggest import suggest

NAMES = field_names([Costs, Adjustable])


def read_costs(path: Path, framework: Framework, bundle: Bundle) -> Costs:
    """The costs file validated, or EvidenceError with every problem located in it."""
    try:
        src = load_yaml(path, shown(path))
    except SourceError as exc:
        raise EvidenceError(exc.problems) from exc
    try:
        costs = Costs.model_validate(src.data if src.data is not None else {})
    except ValidationError as exc:
        raise EvidenceError(problems_from(exc, src, NAMES)) from exc
    problems = check_costs(costs, src, framework, bundle)
    if problems:
        raise EvidenceError(problems)
    return costs


def check_costs(costs: Costs, src: Located, framework: Framework, bundle: Bundle) -> list[Problem]:
    problems = []
    ids = framework.scored_ids
    for node in costs.nodes:
        if node not in ids:
            problems.append(
                src.problem(
                    ("nodes", node),
                    tr(
                        f"không có mục '{node}' trong bộ chỉ số{suggest(node, ids)}",
                        f"no node '{node}' in the framework{suggest(node, ids)}",
                    ),
                    key=True,
                )
            )
    variables = framework.meta.variables
    for name, entry in costs.adjustable.items():
        at = ("adjustable", name)
        if name not in variables:
            problems.append(
                src.problem(
                    at,
                    tr(
                        f"bộ chỉ số không có số liệu '{name}'{suggest(name, variables)}",
                        f"the framework names no figure '{name}'{suggest(name, variables)}",
                    ),
                    key=True,
                )
            )
        elif name not in bundle.statistics:
            problems.append(
                src.problem(
                    at,
                    tr(
                        f"statistics.yaml chưa có số '{name}': hãy ghi số hiện có trước khi nói có thể điều chỉnh",
                        f"statistics.yaml has no '{name}' yet: state today's figure before saying it can change",
                    ),
                    key=True,
                )
            )
        elif entry.to == bundle.statistics[name].value:
            problems.append(
                src.problem(
                    (*at, "to"),
                    tr(
                        f"'to' ({num(entry.to)}) bằng số hiện có: không có gì để điều chỉnh",
                        f"'to' ({num(entry.to)}) equals today's figure: nothing to adjust",
                    ),
                )
            )
    return problems
