"""`explain`: a node of the framework in words, and with a bundle, how its points came about."""

from __future__ import annotations

from pathlib import Path

import yaml

from cchc_index.errors import Problem, RuleError
from cchc_index.i18n import tr
from cchc_index.model.framework import Criterion, Framework, Leaf
from cchc_index.model.result import Result
from cchc_index.report.labels import pts, status
from cchc_index.report.reasons import product_title, reason_text
from cchc_index.suggest import suggest


def find_node(framework: Framework, node_id: str, folder: Path) -> Leaf | Criterion:
    """A criterion or sub-criterion by id, or a RuleError with the nearest ids."""
    node = framework.find(node_id)
    if isinstance(node, Leaf | Criterion):
        return node
    ids = [leaf.id for _, _, leaf in framework.leaves()]
    ids += [c.id for a in framework.areas for c in a.criteria]
    hint = suggest(node_id, ids)
    message = tr(f"không có tiêu chí '{node_id}'{hint}", f"no criterion '{node_id}'{hint}")
    raise RuleError([Problem(str(folder), 1, 1, message)])


def explain_node(framework: Framework, node: Leaf | Criterion, result: Result | None) -> str:
    lines = [
        f"{node.id} {node.title}",
        tr(f"Điểm tối đa: {pts(node.points)}", f"Maximum: {pts(node.points)}"),
    ]
    leaf = node if isinstance(node, Leaf) else (node.as_leaf() if node.method is not None else None)
    if leaf is None:
        assert isinstance(node, Criterion)
        lines.append(tr("Gồm các tiêu chí thành phần:", "Sub-criteria:"))
        lines += [f"  {s.id} {s.title} ({pts(s.points)})" for s in node.sub_criteria]
        return "\n".join(lines) + "\n"
    if leaf.requirement:
        lines.append(tr(f"Yêu cầu: {leaf.requirement}", f"Requirement: {leaf.requirement}"))
    if leaf.responsible:
        lines.append(tr(f"Cơ quan báo cáo: {leaf.responsible}", f"Responsible: {leaf.responsible}"))
    summary, *tiers = leaf.method.describe(leaf.points)
    lines.append(tr("Phương pháp chấm", "Scoring method") + f": {leaf.method.type} — {summary}")
    lines += tiers
    params = leaf.method.model_dump(mode="json", by_alias=True, exclude={"type"}, exclude_none=True)
    if params:
        lines.append(yaml.safe_dump(params, allow_unicode=True, sort_keys=False).rstrip())
    lines.append(tr("Minh chứng yêu cầu:", "Required evidence:"))
    for product in leaf.evidence:
        lines.append(f"  - {product.id}: {product.title} ({product.type})")
    note = f"{leaf.provenance.source}"
    if leaf.provenance.illustrative:
        note += tr(
            f"; giá trị minh họa: {', '.join(leaf.provenance.illustrative)}",
            f"; illustrative values: {', '.join(leaf.provenance.illustrative)}",
        )
    lines.append(tr(f"Nguồn: {note}", f"Source: {note}"))
    if leaf.provenance.note:
        lines.append(f"  {leaf.provenance.note}")
    if result is not None:
        got = next(r for r in result.leaves if r.id == leaf.id)
        lines.append("")
        lines.append(
            tr(
                f"Đơn vị {result.unit}: {pts(got.points)} / {pts(got.max_points)} điểm — {status(got.status)}",
                f"Unit {result.unit}: {pts(got.points)} / {pts(got.max_points)} points — {status(got.status)}",
            )
        )
        lines.append(f"  {reason_text(got)}")
        for item in got.evidence:
            lines.append(tr(f"  minh chứng: {item}", f"  evidence: {item}"))
        for missing in (m for m in result.missing if m.node == leaf.id):
            lines.append(
                tr(
                    f"  còn thiếu: {product_title(missing)} (+{pts(missing.gain_together)})",
                    f"  missing: {product_title(missing)} (+{pts(missing.gain_together)})",
                )
            )
    return "\n".join(lines) + "\n"
