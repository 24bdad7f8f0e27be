"""`explain`: a node of the framework in words, and with a bundle, how its points came about."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cchc_index.errors import Problem, RuleError
from cchc_index.i18n import tr
from cchc_index.model.framework import Criterion, Framework, Leaf, Provenance
from cchc_index.model.result import Considered, Result
from cchc_index.report.labels import pts, status
from cchc_index.report.method_words import (
    figure_words,
    illustrative_words,
    parameter_lines,
    product_type,
    variable_titles,
)
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
    if isinstance(node, Criterion) and node.source_points is not None:
        lines.append(
            tr(
                f"Điểm tối đa theo nguồn: {pts(node.source_points)} (chỉ mã hóa một phần)",
                f"Maximum in the source: {pts(node.source_points)} (only partly encoded)",
            )
        )
    leaf = node if isinstance(node, Leaf) else (node.as_leaf() if node.scored else None)
    if leaf is None:
        assert isinstance(node, Criterion)
        lines.append(tr("Gồm các tiêu chí thành phần:", "Sub-criteria:"))
        lines += [f"  {s.id} {s.title} ({pts(s.points)})" for s in node.sub_criteria]
        return "\n".join(lines) + "\n"
    if leaf.requirement:
        lines.append(tr(f"Yêu cầu: {leaf.requirement}", f"Requirement: {leaf.requirement}"))
    if leaf.responsible:
        lines.append(tr(f"Cơ quan báo cáo: {leaf.responsible}", f"Responsible: {leaf.responsible}"))
    variables = variable_titles(framework)
    if leaf.parts:
        lines.append(
            tr(
                "Gồm các phần chấm độc lập; điểm của mục là tổng điểm các phần:",
                "Made of independent parts; the node earns the sum of its parts:",
            )
        )
        for unit in leaf.units():
            lines.append(f"({unit.id.rsplit('#', 1)[1]}) {unit.title} ({pts(unit.points)})")
            lines += ["  " + line for line in _method_lines(unit, variables)]
    else:
        lines += _method_lines(leaf, variables)
    lines += _source_lines(leaf.provenance)
    for part in leaf.parts:
        if part.provenance is not None:
            lines += ["  " + line for line in _source_lines(part.provenance, f"({part.id}) ")]
    if result is not None:
        got = next(r for r in result.leaves if r.id == leaf.id)
        lines.append("")
        lines.append(
            tr(
                f"Đơn vị {result.unit}: {pts(got.points)} / {pts(got.max_points)} điểm — {status(got.status)}",
                f"Unit {result.unit}: {pts(got.points)} / {pts(got.max_points)} points — {status(got.status)}",
            )
        )
        if got.parts:
            for scored in got.parts:
                label = scored.id.rsplit("#", 1)[1]
                lines.append(
                    f"  ({label}) {pts(scored.points)} / {pts(scored.max_points)} — {status(scored.status)}: {reason_text(scored)}"
                )
        else:
            lines.append(f"  {reason_text(got)}")
        for item in got.evidence:
            shown = figure_words(item, variables)
            lines.append(tr(f"  minh chứng: {shown}", f"  evidence: {shown}"))
        for missing in (m for m in result.missing if m.node == leaf.id):
            where = f"({missing.part}) " if missing.part else ""
            lines.append(
                tr(
                    f"  còn thiếu: {where}{product_title(missing)} (+{pts(missing.gain_together)})",
                    f"  missing: {where}{product_title(missing)} (+{pts(missing.gain_together)})",
                )
            )
        lines += considered_lines(got.considered)
    return "\n".join(lines) + "\n"


def _method_lines(leaf: Leaf, variables: Mapping[str, str]) -> list[str]:
    method = leaf.scoring
    summary, *tiers = method.describe(leaf.points)
    named = tr("", f" ({method.type})")  # the rule file's word, for a keeper reading English
    lines = [tr("Phương pháp chấm", "Scoring method") + f"{named}: {summary}", *tiers]
    lines += parameter_lines(leaf, variables)
    if leaf.parts == () and leaf.requirement and "#" in leaf.id:
        lines.append(tr(f"Yêu cầu: {leaf.requirement}", f"Requirement: {leaf.requirement}"))
    lines.append(tr("Minh chứng yêu cầu:", "Required evidence:"))
    for product in leaf.evidence:
        lines.append(f"  - {product.title} ({product_type(product.type)})")
        after = getattr(product, "after", None)
        if after is not None:
            other = next((p.title for p in leaf.evidence if p.id == after.product), after.product)
            lines.append(
                tr(
                    f"    hạn: {after.working_days} ngày làm việc sau ngày của '{other}' (trừ thứ Bảy, Chủ nhật, ngày lễ, tết và nghỉ bù)",
                    f"    deadline: {after.working_days} working days after the date of '{other}' (weekends, public holidays and compensatory days excluded)",
                )
            )
    return lines


def _source_lines(provenance: Provenance, label: str = "") -> list[str]:
    """Where the node comes from, what is illustrative, and every defect of the source text
    with the reading this file encodes."""
    note = f"{provenance.source}"
    if provenance.illustrative:
        note += tr(
            f"; giá trị minh họa: {illustrative_words(provenance.illustrative)}",
            f"; illustrative values: {illustrative_words(provenance.illustrative)}",
        )
    lines = [tr(f"{label}Nguồn: {note}", f"{label}Source: {note}")]
    if provenance.note:
        lines.append(f"  {provenance.note}")
    for defect in provenance.source_defects:
        lines.append(
            tr(
                f"Lỗi của văn bản nguồn ({defect.where}): {defect.defect}",
                f"Defect of the source text ({defect.where}): {defect.defect}",
            )
        )
        lines.append(
            tr(f"  Cách đọc được mã hóa: {defect.reading}", f"  Reading encoded: {defect.reading}")
        )
    return lines


def framework_notes(framework: Framework) -> str:
    """For `validate --verbose`: the scheme, how complete the encoding is, and every defect of
    the source text with the reading encoded."""
    meta = framework.meta
    lines = [f"{meta.id}: {meta.title}"]
    if meta.scheme:
        lines.append(tr(f"  Đề án quốc gia: {meta.scheme}", f"  National scheme: {meta.scheme}"))
    if meta.completeness is not None:
        c = meta.completeness
        of = str(c.rows_source) if c.rows_source is not None else tr("chưa rõ", "unknown")
        lines.append(
            tr(
                f"  Mức đầy đủ: {c.rows_encoded}/{of} dòng của bảng nguồn",
                f"  Completeness: {c.rows_encoded}/{of} rows of the source table",
            )
        )
        if c.note:
            lines.append(f"    {c.note}")
    for area in framework.areas:
        if area.source_points is not None:
            lines.append(
                tr(
                    f"  Lĩnh vực {area.id}: mã hóa {pts(area.points)} trên {pts(area.source_points)} điểm của nguồn",
                    f"  Area {area.id}: {pts(area.points)} of the source's {pts(area.source_points)} points encoded",
                )
            )
    for node_id, defect in framework.source_defects():
        lines.append(
            tr(
                f"  Lỗi của văn bản nguồn [{node_id}] ({defect.where}): {defect.defect}",
                f"  Defect of the source text [{node_id}] ({defect.where}): {defect.defect}",
            )
        )
        lines.append(
            tr(
                f"    Cách đọc được mã hóa: {defect.reading}",
                f"    Reading encoded: {defect.reading}",
            )
        )
    return "\n".join(lines) + "\n"


def considered_lines(rows: tuple[Considered, ...]) -> list[str]:
    """The rows considered and not used, each with its one reason."""
    if not rows:
        return []
    lines = [tr("  đã xét nhưng không tính:", "  considered, not counted:")]
    for row in rows:
        where = f" ({row.where})" if row.where else ""
        lines.append(f"    - {row.row}{where} [{row.product}]: {why_not(row)}")
    return lines


def why_not(row: Considered) -> str:
    """The one reason a row did not count, in words."""
    v = row.value
    texts = {
        "kind": (
            f"loại văn bản {v}, không đúng loại yêu cầu",
            f"document kind {v}, not the kind required",
        ),
        "issuer": (
            (f"do {v} ban hành, không phải văn bản của đơn vị", f"issued by {v}, not by the unit")
            if v
            else (
                "văn bản của đơn vị, cần văn bản của cơ quan khác",
                "the unit's own, another body's is required",
            )
        ),
        "issuer_name": (
            f"cơ quan ban hành '{v}' không đúng",
            f"issuer '{v}' is not the one required",
        ),
        "excluded": (
            f"trích yếu có '{v}', là loại văn bản khác (bị loại trừ)",
            f"the subject has '{v}': another kind of document (excluded)",
        ),
        "keywords": (
            f"trích yếu/tiêu đề thiếu từ khóa '{v}'",
            f"the subject or title lacks the keyword '{v}'",
        ),
        "too_early": (f"ban hành trước mốc {v}", f"issued before {v}"),
        "for_other": (f"cột 'for' ghi mục khác ({v})", f"its 'for' names other items ({v})"),
    }
    vi, en = texts.get(row.why, (row.why, row.why))
    return tr(vi, en)
