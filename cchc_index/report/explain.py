"""`explain`: a node of the framework in words, and with a bundle, how its points came about."""

from __future__ import annotations

from pathlib import Path

import yaml

from cchc_index.errors import Problem, RuleError
from cchc_index.i18n import tr
from cchc_index.model.framework import Criterion, Framework, Leaf
from cchc_index.model.result import Considered, Result
from cchc_index.report.labels import pts, status
from cchc_index.suggest import suggest

SUMMARIES = {
    "presence": (
        "Có sản phẩm (đủ số lượng) thì được điểm, không có thì 0.",
        "The product exists (as many as required): points; otherwise 0.",
    ),
    "timeliness": (
        "Đúng hạn: điểm đủ; trễ hạn: điểm trễ; không có: 0.",
        "On time: full points; late: the late points; none: 0.",
    ),
    "qualitative": (
        "Đơn vị tự đánh giá đạt kèm giải trình; Hội đồng thẩm định xác nhận.",
        "The unit declares it met, with an explanation; the review council confirms.",
    ),
    "ratio_bands": (
        "Điểm theo mức mà tỷ lệ tử số / mẫu số (%) rơi vào.",
        "Points by the band the ratio numerator / denominator (%) falls in.",
    ),
    "all_of": (
        "Có đủ cả bộ sản phẩm, mỗi sản phẩm đúng hạn: điểm đủ; thiếu một: 0.",
        "Every product of the set, each on time: full points; otherwise 0.",
    ),
    "pro_rata": (
        "Điểm = tỷ lệ × điểm tối đa, làm tròn theo bước của bộ chỉ số.",
        "Points = ratio × maximum, rounded to the framework's step.",
    ),
    "count_ladder": (
        "Điểm theo bậc số lượng cao nhất đạt được.",
        "Points of the highest count step reached.",
    ),
    "growth": (
        "Số năm nay tăng ít nhất tỷ lệ yêu cầu so với năm trước.",
        "This year's figure grew by at least the required percentage over last year's.",
    ),
    "survey": (
        "Do tỉnh chấm qua điều tra xã hội học; đơn vị không tự chấm.",
        "Scored by the province's survey; not self-assessed.",
    ),
    "bonus": (
        "Điểm thưởng cho mỗi mục đếm được, không vượt trần.",
        "Bonus points for each counted item, up to the cap.",
    ),
    "deduction": (
        "Điểm trừ cho mỗi mục đếm được, không vượt trần.",
        "Points deducted for each counted item, up to the cap.",
    ),
    "formula": (
        "Điểm = hằng số + tổng hệ số × biến, trong khoảng [0, tối đa].",
        "Points = constant + Σ coefficient × variable, within [0, maximum].",
    ),
}


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
    vi, en = SUMMARIES[leaf.method.type]
    lines.append(
        tr(
            f"Phương pháp chấm: {leaf.method.type} — {vi}",
            f"Scoring method: {leaf.method.type} — {en}",
        )
    )
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
        lines.append(f"  {got.reason}")
        for item in got.evidence:
            lines.append(tr(f"  minh chứng: {item}", f"  evidence: {item}"))
        for missing in (m for m in result.missing if m.node == leaf.id):
            lines.append(
                tr(
                    f"  còn thiếu: {missing.title} (+{pts(missing.gain_together)})",
                    f"  missing: {missing.title} (+{pts(missing.gain_together)})",
                )
            )
        lines += considered_lines(got.considered)
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
