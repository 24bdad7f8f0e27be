"""Checks of a bundle that need its framework: the right framework and year, known variables
and nodes, figures within their bounds (late ≤ received), declarations the framework allows."""

from __future__ import annotations

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.load.bundle import BundleSource
from cchc_index.load.links import check_links
from cchc_index.model.bundle import NotApplicableClaim, Qualitative
from cchc_index.model.framework import Framework, Leaf
from cchc_index.suggest import suggest

# the commune-level units share one framework: xã, phường, thị trấn (level xã) and đặc khu
COMMUNE = frozenset({"xã", "phường", "xã_phường", "đặc_khu"})


def level_fits(unit: str, framework: str) -> bool:
    """Whether a unit of level `unit` is scored on a framework made for level `framework`."""
    return unit == framework or (unit in COMMUNE and framework in COMMUNE)


def check_against(source: BundleSource, framework: Framework) -> None:
    """Problems that need the framework: the right framework and year, known variables and
    node ids, and figures within their bounds (late ≤ received). Positions come from the
    files as the bundle loader read them; nothing is read again."""
    bundle = source.bundle
    problems: list[Problem] = []
    meta = framework.meta
    profile_path = source.where("profile.yaml", ())[0]
    stats_path = source.where("statistics.yaml", ())[0]
    positions = {
        (label, str(key[0])): where
        for label, file in (("profile", "profile.yaml"), ("statistics", "statistics.yaml"))
        if file in source.files
        for key, where in source.files[file].key_positions.items()
        if len(key) == 1
    }
    if bundle.profile.framework is not None and bundle.profile.framework != meta.id:
        problems.append(
            Problem(
                profile_path,
                *positions.get(("profile", "framework"), (1, 1)),
                tr(
                    f"bộ minh chứng dành cho bộ chỉ số '{bundle.profile.framework}', không phải '{meta.id}'",
                    f"the bundle is for framework '{bundle.profile.framework}', not '{meta.id}'",
                ),
                "framework",
            )
        )
    # a framework of several blocks (the 2025 indexes of sở and xã, phường together) scores
    # every level its blocks name
    block_levels = {level for block in meta.blocks for level in block.levels}
    if (
        not level_fits(bundle.profile.level, meta.level)
        and bundle.profile.level not in block_levels
    ):
        problems.append(
            Problem(
                profile_path,
                *positions.get(("profile", "level"), (1, 1)),
                tr(
                    f"đơn vị cấp '{bundle.profile.level}' không chấm theo bộ chỉ số '{meta.id}' "
                    f"của cấp '{meta.level}'",
                    f"a unit of level '{bundle.profile.level}' is not scored on framework "
                    f"'{meta.id}', which is for level '{meta.level}'",
                ),
                "level",
            )
        )
    if bundle.profile.year != meta.year:
        problems.append(
            Problem(
                profile_path,
                *positions.get(("profile", "year"), (1, 1)),
                tr(
                    f"năm đánh giá {bundle.profile.year} khác năm {meta.year} của bộ chỉ số '{meta.id}'",
                    f"assessment year {bundle.profile.year} differs from year {meta.year} of framework '{meta.id}'",
                ),
                "year",
            )
        )
    for name, stat in bundle.statistics.items():
        where = positions.get(("statistics", name), (1, 1))
        if name not in meta.variables:
            hint = suggest(name, meta.variables)
            problems.append(
                Problem(
                    stats_path,
                    *where,
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
                            stats_path,
                            *where,
                            tr(
                                f"{name} = {mine} lớn hơn {bound} = {other} ({attr})",
                                f"{name} = {mine} exceeds {bound} = {other} ({attr})",
                            ),
                            name,
                        )
                    )
    problems.extend(_check_declarations(source, framework))
    problems.extend(check_links(source, framework))
    if problems:
        raise EvidenceError(problems)


def _check_declarations(source: BundleSource, framework: Framework) -> list[Problem]:
    """Declared nodes must exist; a not-applicable claim only where the framework allows it;
    a qualitative declaration only for a qualitative node."""
    src = source.files.get("declarations.yaml")
    if src is None:
        return []
    bundle = source.bundle
    nodes = framework.nodes_by_id
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
                isinstance(node, Leaf) and node.method is not None and node.method.reads_declaration
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
