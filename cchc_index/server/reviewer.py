"""The council's pages: every unit of the reviewer's scope with its stage, and a unit's
appraisal form (points per sub-criterion on the rounding step, a reason whenever the points
change from the layer before, each entry kept)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import Response

from cchc_index.i18n import num, tr, using
from cchc_index.server import audit, cycle
from cchc_index.server.db import now, reading
from cchc_index.server.gate import user_of
from cchc_index.server.officer import (
    appraisal_rows,
    evidence_files,
    redirect_to,
    set_status,
    write_appraisal_of,
)
from cchc_index.server.schema import appraisal_entries, units
from cchc_index.server.states import EXPLAINED, ROUND1, ROUND2, SUBMITTED
from cchc_index.server.views import site
from cchc_index.text import safe_text
from cchc_index.web.forms import read_form
from cchc_index.web.site import request_lang


def unit_list(request: Request) -> Response:
    s = site(request)
    user = user_of(request)
    with reading(s.deployment.engine) as conn:
        rows = [r for r in conn.execute(sa.select(units).order_by(units.c.id)) if user.sees(r.id)]
    found = s.cycle.units({row.id: s.folder(row.id) for row in rows})
    shown = [(row, found[row.id], s.deadline(row.id, found[row.id])) for row in rows]
    late = [(row, d) for row, _, d in shown if row.status == "draft"]
    return s.page(request, "review_list.html", shown=shown, late=late)


def round_of(status: str) -> int | None:
    return {SUBMITTED: 1, EXPLAINED: 2}.get(status)


def _layers(
    unit: cycle.Unit, entries: list[sa.Row[tuple[object, ...]]], number: int
) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """(points of the layer before round `number`, points this round has so far) per node."""
    assert unit.result is not None
    before = {leaf.id: leaf.points for leaf in unit.result.leaves}
    if number == 2:
        for e in entries:
            if e.round == 1:
                before[str(e.node)] = Decimal(str(e.points))
    current = {str(e.node): Decimal(str(e.points)) for e in entries if e.round == number}
    return before, current


def appraise_page(
    request: Request,
    errors: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    s = site(request)
    name = request.path_params["bundle"]
    folder = s.folder(name)
    unit = s.cycle.unit(folder)
    status = s.status(name)
    number = round_of(status)
    with reading(s.deployment.engine) as conn:
        entries, answers = appraisal_rows(conn, name)
    before, current = _layers(unit, entries, number or 2) if unit.result else ({}, {})
    return s.page(
        request,
        "appraise.html",
        status_code=status_code,
        name=name,
        unit=unit,
        number=number,
        leaves=cycle.leaves(unit),
        before=before,
        current=current,
        entries=entries,
        answers=answers,
        files=evidence_files(folder),
        checked=(checked := s.checks.last(folder)),
        checked_rows={r.file: r for r in checked.rows if r.file} if checked else {},
        errors=errors or {},
        typed=typed or {},
        step=cycle.step(unit) if unit.source else None,
    )


def _points(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", ".").strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


async def appraise(request: Request) -> Response:
    s = site(request)
    user = user_of(request)
    name = request.path_params["bundle"]
    with using(request_lang(request)):
        posted = await read_form(request, s.csrf(request), 512 * 1024)
        unit = s.cycle.unit(s.folder(name))
        number = round_of(s.status(name))
        if unit.result is None or number is None:
            return redirect_to(
                s,
                name,
                tr("Chưa thẩm định được đơn vị này.", "This unit cannot be appraised now."),
                "appraise",
            )
        with reading(s.deployment.engine) as conn:
            entries, _ = appraisal_rows(conn, name)
        before, current = _layers(unit, entries, number)
        errors: dict[str, str] = {}
        new: list[tuple[str, Decimal, str]] = []
        for leaf in cycle.leaves(unit):
            text = posted.values.get(f"points-{leaf.id}", "").strip()
            reason = safe_text(posted.values.get(f"reason-{leaf.id}", ""))[:2000]
            if not text:
                continue
            points = _points(text)
            if points is None:
                errors[leaf.id] = tr(
                    f"'{text}' không phải là số điểm.", f"'{text}' is not a number of points."
                )
                continue
            bad = cycle.check_points(points, leaf, unit)
            if bad:
                errors[leaf.id] = bad
                continue
            had = current.get(leaf.id, before.get(leaf.id, Decimal(0)))
            if points == had and leaf.id in current:
                continue  # unchanged entry of this round
            if points == before.get(leaf.id) and leaf.id not in current:
                continue  # the layer before stands: nothing to enter
            if points != before.get(leaf.id, Decimal(0)) and not reason:
                errors[leaf.id] = tr(
                    f"Điểm đổi từ {num(before.get(leaf.id, Decimal(0)))} thành {num(points)}: cần ghi lý do.",
                    f"Points change from {num(before.get(leaf.id, Decimal(0)))} to {num(points)}: a reason is required.",
                )
                continue
            new.append((leaf.id, points, reason))
        if errors:
            return appraise_page(request, errors, posted.values, 422)
        with s.deployment.engine.begin() as conn:
            for node, points, reason in new:
                conn.execute(
                    appraisal_entries.insert().values(
                        unit_id=name,
                        round=number,
                        node=node,
                        points=str(points),
                        reason=reason,
                        user_id=user.id,
                        at=now(),
                    )
                )
                audit.append(
                    conn,
                    user.login,
                    "appraisal",
                    f"{name} round {number} {node}",
                    str(before.get(node, "")),
                    str(points),
                    reason[:200],
                )
            if posted.values.get("close") == "1":
                set_status(
                    conn,
                    name,
                    SUBMITTED if number == 1 else EXPLAINED,
                    ROUND1 if number == 1 else ROUND2,
                    user.login,
                )
            write_appraisal_of(s, conn, name)
        text = tr(
            f"Đã ghi {len(new)} mục của lần thẩm định {number}.",
            f"Recorded {len(new)} item(s) of round {number}.",
        )
        if posted.values.get("close") == "1":
            text += " " + tr(f"Đã kết thúc lần {number}.", f"Round {number} closed.")
        return redirect_to(s, name, text, "appraise")
