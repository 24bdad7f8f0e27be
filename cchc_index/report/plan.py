"""`plan`: the target and the gap, the cheapest plan in the order of its deadlines (each step
with its gain), the re-scored total, the runner-ups; or why the target is out of reach."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from cchc_index.i18n import tr
from cchc_index.model.layers import LayerTotal
from cchc_index.model.plan import Action, NextBand, Outcome, Plan, Raiser
from cchc_index.report.labels import pct, pts
from cchc_index.report.text_table import table
from cchc_index.text import format_date

_KIND = {
    "document": ("Văn bản", "Document"),
    "statistic": ("Số liệu", "Figures"),
    "link": ("Đường link", "Link"),
    "photo": ("Hình ảnh", "Photo"),
    "declaration": ("Tự đánh giá", "Declaration"),
    "adjust": ("Điều chỉnh số liệu", "Adjust a figure"),
}


def kind_label(action: Action) -> str:
    return tr(*_KIND[action.kind])


def rows_of(action: Action) -> list[str]:
    """What to write in the bundle for the action: one line per row or figure."""
    lines = []
    for d in action.documents:
        lines.append(
            tr(
                f'documents.csv: {d.number.symbol}, ngày {format_date(d.date)}, {d.issuer}, "{d.subject}", for {";".join(d.for_)}',
                f'documents.csv: {d.number.symbol}, dated {format_date(d.date)}, {d.issuer}, "{d.subject}", for {";".join(d.for_)}',
            )
        )
    for name, items in (("links.csv", action.links), ("photos.csv", action.photos)):
        for i in items:
            lines.append(f'{name}: "{i.title}", for {";".join(i.for_)}')
    for variable, stat in action.statistics:
        last = (
            tr(f" (năm trước {pts(stat.last_year)})", f" (last year {pts(stat.last_year)})")
            if stat.last_year is not None
            else ""
        )
        lines.append(f"statistics.yaml: {variable} = {pts(stat.value)}{last}")
    for q in action.declarations:
        lines.append(
            tr(
                f"declarations.yaml: mục {q.node} — {q.result}, kèm giải trình",
                f"declarations.yaml: node {q.node} — {q.result}, with an explanation",
            )
        )
    return lines


def _kind_cell(action: Action) -> str:
    """The action's kind, and what to know of it: example figures, a late product."""
    lines = [kind_label(action)]
    if action.assumed:
        lines.append(tr("(số ví dụ: ghi số thật)", "(example figures: write the real ones)"))
    if action.late:
        lines.append(tr("(quá hạn riêng: điểm trễ hạn)", "(past its deadline: late points)"))
    return "\n".join(lines)


def _total_line(total: LayerTotal) -> str:
    return tr(
        f"{pts(total.total)} / {pts(total.max_points)} điểm (chỉ số {pct(total.index_percent)}, {total.band or '—'})",
        f"{pts(total.total)} / {pts(total.max_points)} points (index {pct(total.index_percent)}, {total.band or '—'})",
    )


def _target_line(outcome: Outcome) -> str:
    t = outcome.target
    if t.band is not None:
        what = tr(
            f"{t.band} (từ {pct(t.percent)}: {pts(t.points)} điểm)",
            f"{t.band} (from {pct(t.percent)}: {pts(t.points)} points)",
        )
    else:
        what = tr(f"{pts(t.points)} điểm", f"{pts(t.points)} points")
    gap = outcome.gap
    rest = (
        tr(f"; còn thiếu {pts(gap)} điểm.", f"; {pts(gap)} point(s) short.")
        if gap > 0
        else tr("; đã đạt.", "; already reached.")
    )
    return tr(f"Mục tiêu: {what}", f"Target: {what}") + rest


def _steps_table(plan: Plan, fmt: str) -> str:
    header = [
        "#",
        tr("Mục", "Node"),
        tr("Loại", "Kind"),
        tr("Việc cần làm", "Action"),
        tr("Hạn cuối", "Last day"),
        tr("Chi phí", "Cost"),
        tr("Điểm thêm", "Gain"),
    ]
    rows = []
    for n, step in enumerate(plan.steps, 1):
        a = step.action
        rows.append(
            [
                str(n),
                "\n".join(a.nodes),
                _kind_cell(a),
                a.title,
                format_date(a.last_day) if a.last_day else "—",
                pts(a.cost),
                f"+{pts(step.gain)}",
            ]
        )
    if fmt == "markdown":
        rows = [[c.replace("\n", "<br>") for c in r] for r in rows]
        drawn = table(rows, header, tablefmt="pipe")
    else:
        drawn = table(
            rows,
            header,
            tablefmt="simple_grid",
            maxcolwidths=[None, None, 16, 60, None, None, None],
        )
    written = [
        f"  {n}. {line}" for n, step in enumerate(plan.steps, 1) for line in rows_of(step.action)
    ]
    said = tr("Các dòng cần ghi vào bộ minh chứng:", "The rows to write in the bundle:")
    gap = "\n\n" if fmt == "markdown" else "\n"  # Markdown: the table ends at a blank line
    return drawn + gap + "\n".join([said, *written])


def _plan_lines(plan: Plan, fmt: str) -> list[str]:
    lines = [_steps_table(plan, fmt)] if plan.steps else []
    lines.append(
        tr(
            f"Chấm lại bằng bộ máy sau kế hoạch: {_total_line(plan.result)}.",
            f"Re-scored by the engine with the plan: {_total_line(plan.result)}.",
        )
    )
    if plan.low is not None:
        if plan.reaches_low:
            lines.append(
                tr(
                    f"Đạt cả khi mọi mục chờ xác nhận bị bác (mức thấp {_total_line(plan.low)}).",
                    f"Reached even if every pending item is refused (low end {_total_line(plan.low)}).",
                )
            )
        else:
            lines.append(
                tr(
                    f"Chỉ đạt nếu các mục chờ xác nhận được công nhận (nếu bị bác: {_total_line(plan.low)}).",
                    f"Reached only if the pending items are confirmed (if refused: {_total_line(plan.low)}).",
                )
            )
    return lines


def _heading(outcome: Outcome) -> list[str]:
    due = (
        tr(
            f" (hạn tự đánh giá {format_date(outcome.due)})",
            f" (self-assessment due {format_date(outcome.due)})",
        )
        if outcome.due
        else ""
    )
    lines = [
        tr(
            f"Đơn vị: {outcome.unit} — bộ chỉ số {outcome.framework}",
            f"Unit: {outcome.unit} — framework {outcome.framework}",
        ),
        tr(
            f"Tính đến ngày {format_date(outcome.on)}{due}: còn {len(outcome.actions)} việc có thể làm.",
            f"As of {format_date(outcome.on)}{due}: {len(outcome.actions)} action(s) still open.",
        ),
        tr(
            f"Hiện nay: {_total_line(outcome.current)}.",
            f"Now: {_total_line(outcome.current)}.",
        ),
        _target_line(outcome),
    ]
    return lines


def _why(outcome: Outcome) -> list[str]:
    lines = []
    if outcome.past_due and outcome.due is not None:
        lines.append(
            tr(
                f"- Đã quá hạn tự đánh giá ({format_date(outcome.due)}): không còn bổ sung được minh chứng.",
                f"- The self-assessment due date ({format_date(outcome.due)}) has passed: no evidence can be added.",
            )
        )
    for t in outcome.too_late:
        m = t.product
        node = m.node + (f"#{m.part}" if m.part else "")
        last = format_date(t.last_day) if t.last_day else "—"
        lines.append(
            tr(
                f"- {node}: {m.title or m.product} — hạn cuối {last} đã qua (+{pts(m.gain_together)} không còn lấy được).",
                f"- {node}: {m.title or m.product} — last day {last} has passed (+{pts(m.gain_together)} out of reach).",
            )
        )
    if not lines:
        lines.append(
            tr(
                "- Các việc còn làm được không thêm đủ điểm.",
                "- The actions still open do not add enough points.",
            )
        )
    return lines


def render_plan(outcome: Outcome, fmt: str = "table") -> str:
    lines = _heading(outcome)
    plan = outcome.plan
    if plan is not None and not plan.steps:
        lines.append(tr("Không cần làm gì thêm.", "Nothing more is needed."))
        return "\n".join(lines) + "\n"
    if plan is not None:
        lines.append(
            tr(
                f"\nKế hoạch ít tốn nhất: {len(plan.steps)} việc, chi phí {pts(plan.cost)} (theo thứ tự hạn):",
                f"\nThe least costly plan: {len(plan.steps)} action(s), cost {pts(plan.cost)} (in deadline order):",
            )
        )
        lines += _plan_lines(plan, fmt)
        if not plan.reaches:
            lines.append(
                tr(
                    "CẢNH BÁO: chấm lại không đạt mục tiêu như tính trước; hãy báo lỗi này.",
                    "WARNING: the re-score falls short of what was computed; please report this.",
                )
            )
        for n, other in enumerate(outcome.alternatives, 1):
            names = "; ".join(f"{s.action.id}" for s in other.steps)
            lines.append(
                tr(
                    f"Phương án {n + 1} cùng chi phí: {names} → {_total_line(other.result)}.",
                    f"Plan {n + 1} of the same cost: {names} → {_total_line(other.result)}.",
                )
            )
        if outcome.safe is not None:
            lines.append(
                tr(
                    f"\nĐể đạt cả khi mục chờ xác nhận bị bác: {len(outcome.safe.steps)} việc, chi phí {pts(outcome.safe.cost)}:",
                    f"\nTo reach it even if pending items are refused: {len(outcome.safe.steps)} action(s), cost {pts(outcome.safe.cost)}:",
                )
            )
            lines += _plan_lines(outcome.safe, fmt)
        return "\n".join(lines) + "\n"
    lines.append(
        tr(
            "\nKhông còn đạt được mục tiêu, vì:",
            "\nThe target can no longer be reached, because:",
        )
    )
    lines += _why(outcome)
    best = outcome.best
    if best is None:
        lines.append(
            tr(
                "Không việc nào còn làm được nâng được mức xếp loại.",
                "No action still open raises the band.",
            )
        )
    else:
        lines.append(
            tr(
                f"\nMức cao nhất còn đạt được: {best.result.band} — {len(best.steps)} việc, chi phí {pts(best.cost)}:",
                f"\nThe best band still in reach: {best.result.band} — {len(best.steps)} action(s), cost {pts(best.cost)}:",
            )
        )
        lines += _plan_lines(best, fmt)
    return "\n".join(lines) + "\n"


def _d(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _total_json(total: LayerTotal | None) -> dict[str, Any] | None:
    if total is None:
        return None
    return {
        "total": str(total.total),
        "max_points": str(total.max_points),
        "index_percent": _d(total.index_percent),
        "band": total.band,
    }


def action_json(action: Action) -> dict[str, Any]:
    return {
        "id": action.id,
        "kind": action.kind,
        "nodes": list(action.nodes),
        "title": action.title,
        "cost": str(action.cost),
        "last_day": format_date(action.last_day) if action.last_day else None,
        "members": list(action.members),
        "assumed": action.assumed,
        "late": action.late,
        "documents": [
            {
                "number": d.number.symbol,
                "date": format_date(d.date),
                "issuer": d.issuer,
                "subject": d.subject,
                "for": ";".join(d.for_),
            }
            for d in action.documents
        ],
        "links": [{"title": i.title, "for": ";".join(i.for_)} for i in action.links],
        "photos": [{"title": i.title, "for": ";".join(i.for_)} for i in action.photos],
        "statistics": {
            v: {"value": str(s.value), "last_year": _d(s.last_year)} for v, s in action.statistics
        },
        "declarations": [
            {"node": q.node, "result": q.result, "explanation": q.explanation}
            for q in action.declarations
        ],
    }


def _plan_json(plan: Plan | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    return {
        "cost": str(plan.cost),
        "steps": [{**action_json(s.action), "gain": str(s.gain)} for s in plan.steps],
        "result": _total_json(plan.result),
        "low": _total_json(plan.low),
        "reaches": plan.reaches,
        "reaches_low": plan.reaches_low,
    }


def plan_json(outcome: Outcome) -> str:
    data = {
        "unit": outcome.unit,
        "framework": outcome.framework,
        "on": format_date(outcome.on),
        "due": format_date(outcome.due) if outcome.due else None,
        "target": {
            "band": outcome.target.band,
            "points": str(outcome.target.points),
            "min_percent": _d(outcome.target.percent),
        },
        "current": _total_json(outcome.current),
        "current_low": _total_json(outcome.current_low),
        "gap": str(outcome.gap),
        "open_actions": len(outcome.actions),
        "reachable": outcome.plan is not None,
        "plan": _plan_json(outcome.plan),
        "alternatives": [_plan_json(p) for p in outcome.alternatives],
        "safe_plan": _plan_json(outcome.safe),
        "best_plan": _plan_json(outcome.best),
        "past_due": outcome.past_due,
        "too_late": [
            {
                "node": t.product.node,
                "part": t.product.part,
                "product": t.product.product,
                "title": t.product.title,
                "last_day": format_date(t.last_day) if t.last_day else None,
            }
            for t in outcome.too_late
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_next_bands(rows: list[NextBand], on: object, fmt: str = "table") -> str:
    """`batch --plan-next`: per unit, the band above its own and what it takes to get there."""
    import datetime as dt

    day = format_date(on) if isinstance(on, dt.date) else str(on)
    header = [
        tr("Đơn vị", "Unit"),
        tr("Xếp loại", "Band"),
        tr("Mức kế trên", "Next band"),
        tr("Thiếu (điểm)", "Short (points)"),
        tr("Số việc", "Actions"),
        tr("Chi phí", "Cost"),
    ]
    body = []
    for r in rows:
        if r.error:
            body.append([r.unit, r.band or "—", "—", "—", "—", r.error])
            continue
        if r.next_band is None:
            body.append([r.unit, r.band or "—", tr("(mức cao nhất)", "(top band)"), "—", "—", "—"])
            continue
        if r.actions is None:
            doing = tr("không còn đạt được", "out of reach")
            body.append([r.unit, r.band or "—", r.next_band, f"+{pts(r.gap)}", doing, "—"])
            continue
        note = "" if r.safe else tr(" (cần xác nhận)", " (if confirmed)")
        cost = pts(r.cost) if r.cost is not None else "—"
        body.append(
            [r.unit, r.band or "—", r.next_band, f"+{pts(r.gap)}", f"{r.actions}{note}", cost]
        )
    title = tr(
        f"Để lên mức kế trên (tính đến {day}, như `plan --to next`):",
        f"To reach the next band (as of {day}, as `plan --to next`):",
    )
    drawn = table(body, header, tablefmt="pipe" if fmt == "markdown" else "simple_grid")
    return f"{title}\n{drawn}\n"


def render_raisers(raisers: list[Raiser], on: object) -> str:
    """`results items --raise-bands`: the actions that, taken alone by every unit that can
    still take them, lift the most units to the band above their own."""
    import datetime as dt

    day = format_date(on) if isinstance(on, dt.date) else str(on)
    header = [
        tr("Việc (mục/sản phẩm)", "Action (node/product)"),
        tr("Loại", "Kind"),
        tr("Tên", "Title"),
        tr("Số ĐV còn làm được", "Units that can"),
        tr("Số ĐV lên một mức", "Units raised a band"),
        tr("Tổng điểm thêm", "Points added"),
    ]
    body = [
        [r.key, tr(*_KIND[r.kind]), r.title, str(r.units), str(r.raised), f"+{pts(r.points)}"]
        for r in raisers
    ]
    title = tr(
        f"Mỗi việc, nếu mọi đơn vị còn làm được đều làm (tính đến {day}): số đơn vị lên mức kế trên",
        f"Each action, taken by every unit that still can (as of {day}): units raised a band",
    )
    return (
        f"{title}\n{table(body, header, tablefmt='simple_grid', maxcolwidths=[None, None, 40])}\n"
    )
