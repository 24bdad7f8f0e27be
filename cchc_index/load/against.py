"""Checks of a bundle that need its framework: the right framework and year, known variables
and nodes, figures within their bounds (late ≤ received), declarations the framework allows."""

from __future__ import annotations

from pathlib import Path

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.model.bundle import Bundle, NotApplicableClaim, Qualitative
from cchc_index.model.framework import Area, Criterion, Framework, Leaf
from cchc_index.source import load_yaml, shown
from cchc_index.suggest import suggest


def check_against(bundle: Bundle, framework: Framework, folder: Path) -> None:
    """Problems that need the framework: the right framework and year, known variables and
    node ids, and figures within their bounds (late ≤ received)."""
    problems: list[Problem] = []
    meta = framework.meta
    # labels via shown() (which resolves paths) are made only when a problem needs one
    positions = _LazyPositions(folder)
    if bundle.profile.framework is not None and bundle.profile.framework != meta.id:
        problems.append(
            Problem(
                shown(folder / "profile.yaml"),
                *positions.get(("profile", "framework"), (1, 1)),
                tr(
                    f"bộ minh chứng dành cho bộ chỉ số '{bundle.profile.framework}', không phải '{meta.id}'",
                    f"the bundle is for framework '{bundle.profile.framework}', not '{meta.id}'",
                ),
                "framework",
            )
        )
    if bundle.profile.year != meta.year:
        problems.append(
            Problem(
                shown(folder / "profile.yaml"),
                *positions.get(("profile", "year"), (1, 1)),
                tr(
                    f"năm đánh giá {bundle.profile.year} khác năm {meta.year} của bộ chỉ số '{meta.id}'",
                    f"assessment year {bundle.profile.year} differs from year {meta.year} of framework '{meta.id}'",
                ),
                "year",
            )
        )
    for name, stat in bundle.statistics.items():
        key = ("statistics", name)
        if name not in meta.variables:
            hint = suggest(name, meta.variables)
            problems.append(
                Problem(
                    shown(folder / "statistics.yaml"),
                    *positions.get(key, (1, 1)),
                    tr(
                        f"biến '{name}' không có trong bộ chỉ số '{meta.id}'{hint}",
                        f"variable '{name}' is not in framework '{meta.id}'{hint}",
                    ),
                    name,
                )
            )
            continue
        bound = meta.variables[name].at_most
        if bound is not None and bound in bundle.statistics:
            for attr in ("value", "last_year"):
                mine, other = getattr(stat, attr), getattr(bundle.statistics[bound], attr)
                if mine is not None and other is not None and mine > other:
                    problems.append(
                        Problem(
                            shown(folder / "statistics.yaml"),
                            *positions.get(key, (1, 1)),
                            tr(
                                f"{name} = {mine} lớn hơn {bound} = {other} ({attr})",
                                f"{name} = {mine} exceeds {bound} = {other} ({attr})",
                            ),
                            name,
                        )
                    )
    problems.extend(_check_declarations(bundle, framework, folder))
    if problems:
        raise EvidenceError(problems)


class _LazyPositions:
    """`_positions`, read only when a problem needs one (never for a clean bundle)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.found: dict[tuple[str, str], tuple[int, int]] | None = None

    def get(self, key: tuple[str, str], default: tuple[int, int]) -> tuple[int, int]:
        if self.found is None:
            self.found = _positions(self.folder)
        return self.found.get(key, default)


def _positions(folder: Path) -> dict[tuple[str, str], tuple[int, int]]:
    """Key positions of profile.yaml and statistics.yaml, read again only to place an error."""
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for file, label in (("profile.yaml", "profile"), ("statistics.yaml", "statistics")):
        path = folder / file
        if path.is_file():
            src = load_yaml(path)
            for key, where in src.key_positions.items():
                if len(key) == 1:
                    found[(label, str(key[0]))] = where
    return found


def _check_declarations(bundle: Bundle, framework: Framework, folder: Path) -> list[Problem]:
    """Declared nodes must exist; a not-applicable claim only where the framework allows it;
    a qualitative declaration only for a qualitative node."""
    path = folder / "declarations.yaml"
    if not path.is_file():
        return []
    src = load_yaml(path, shown(path))
    nodes: dict[str, Area | Criterion | Leaf] = {a.id: a for a in framework.areas}
    nodes |= {c.id: c for a in framework.areas for c in a.criteria}
    nodes |= {leaf.id: leaf for _, _, leaf in framework.leaves()}
    found: list[Problem] = []
    claims: tuple[tuple[str, tuple[Qualitative | NotApplicableClaim, ...]], ...] = (
        ("qualitative", bundle.declarations.qualitative),
        ("not_applicable", bundle.declarations.not_applicable),
    )
    for kind, entries in claims:
        for i, claim in enumerate(entries):
            loc = (kind, i, "node")
            node = nodes.get(claim.node)
            if node is None:
                hint = suggest(claim.node, nodes)
                found.append(
                    src.problem(
                        loc,
                        tr(
                            f"mục '{claim.node}' không có trong bộ chỉ số{hint}",
                            f"node '{claim.node}' is not in the framework{hint}",
                        ),
                    )
                )
            elif kind == "not_applicable" and not (
                node.not_applicable and node.not_applicable.declarable
            ):
                found.append(
                    src.problem(
                        loc,
                        tr(
                            f"bộ chỉ số không cho phép khai mục '{claim.node}' là không áp dụng",
                            f"the framework does not let node '{claim.node}' be declared not applicable",
                        ),
                    )
                )
            elif kind == "qualitative" and not (
                isinstance(node, Leaf) and node.method.type == "qualitative"
            ):
                found.append(
                    src.problem(
                        loc,
                        tr(
                            f"mục '{claim.node}' không chấm theo tự đánh giá định tính",
                            f"node '{claim.node}' is not scored by a qualitative declaration",
                        ),
                    )
                )
    return found
