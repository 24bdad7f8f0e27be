"""What the server's pages share: the local page's Site with the account, the unit's stage
and deadline added to every page, and the server's templates in front of the local ones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import HTMLResponse

from cchc_index.i18n import tr
from cchc_index.server import cycle, flashes
from cchc_index.server.cycle import Cycle, Unit
from cchc_index.server.db import reading
from cchc_index.server.deployment import Deployment
from cchc_index.server.gate import maybe_user
from cchc_index.server.schema import settings, units
from cchc_index.server.states import DRAFT, state_name
from cchc_index.text import format_date
from cchc_index.web.site import TEMPLATES, Flash, Site

SERVER_TEMPLATES = Path(__file__).parent / "templates"


def server_env(base: jinja2.Environment) -> jinja2.Environment:
    """The local page's environment, the server's templates found first (its base.html and
    _tabs.html stand in for the local ones on every reused page)."""
    env = base.overlay(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(SERVER_TEMPLATES), jinja2.FileSystemLoader(TEMPLATES)]
        )
    )
    env.globals.update(state_name=state_name, vn_date=format_date)
    return env


@dataclass
class Deadline:
    due: dt.date | None  # the framework's self-assessment due date
    open_until: dt.date | None  # the Sở reopened submissions until this day
    today: dt.date

    @property
    def last(self) -> dt.date | None:
        dates = [d for d in (self.due, self.open_until) if d is not None]
        return max(dates) if dates else None

    @property
    def days_left(self) -> int | None:
        return None if self.last is None else (self.last - self.today).days

    @property
    def open(self) -> bool:
        return self.days_left is None or self.days_left >= 0

    def words(self) -> str:
        left = self.days_left
        if left is None:
            return tr("Bộ chỉ số không ghi hạn nộp.", "The framework states no due date.")
        assert self.last is not None
        day = format_date(self.last)
        if left > 0:
            return tr(f"Hạn nộp {day}: còn {left} ngày.", f"Due {day}: {left} day(s) left.")
        if left == 0:
            return tr(f"Hạn nộp {day}: hôm nay là ngày cuối.", f"Due {day}: today is the last day.")
        return tr(
            f"Đã quá hạn nộp {day} ({-left} ngày).", f"Past the due date {day} ({-left} day(s))."
        )


def open_until(conn: sa.Connection, year: int) -> dt.date | None:
    value = conn.execute(
        sa.select(settings.c.value).where(settings.c.key == f"open_until:{year}")
    ).scalar()
    return dt.date.fromisoformat(value) if value else None


class ServerSite(Site):
    deployment: Deployment
    cycle: Cycle

    def flash(self, message: Flash) -> str:
        """Kept in the data folder: the page after a save may be answered by another worker."""
        return flashes.put(self.deployment.flash_dir, message)

    def take_flash(self, key: str) -> Flash | None:
        return flashes.take(self.deployment.flash_dir, key)

    def deadline(self, unit_id: str, unit: Unit | None = None) -> Deadline:
        return self.stage_and_deadline(unit_id, unit)[1]

    def stage_and_deadline(self, unit_id: str, unit: Unit | None = None) -> tuple[str, Deadline]:
        """The unit's stage of the cycle and its deadline, read in one go."""
        with reading(self.deployment.engine) as conn:
            row = conn.execute(
                sa.select(units.c.status, units.c.year).where(units.c.id == unit_id)
            ).first()
            status, year = (str(row.status), int(row.year)) if row is not None else (DRAFT, 0)
            until = open_until(conn, year)
        if unit is None:
            unit = self.cycle.unit(self.folder(unit_id))
        return status, Deadline(cycle.due_date(unit), until, dt.date.today())

    def status(self, unit_id: str) -> str:
        with reading(self.deployment.engine) as conn:
            found = conn.execute(sa.select(units.c.status).where(units.c.id == unit_id)).scalar()
        return str(found or DRAFT)

    def page(
        self, request: Request, template: str, status_code: int = 200, **ctx: Any
    ) -> HTMLResponse:
        ctx.setdefault("user", maybe_user(request))
        name = ctx.get("name")
        if isinstance(name, str) and "stage" not in ctx:
            try:
                ctx["stage"], ctx["deadline"] = self.stage_and_deadline(name, ctx.get("unit"))
            except Exception:  # a page of a unit that failed to load still shows
                ctx["stage"], ctx["deadline"] = None, None
        ctx.setdefault("stage", None)
        ctx.setdefault("deadline", None)
        return super().page(request, template, status_code, **ctx)


def site(request: Request) -> ServerSite:
    found = request.app.state.site
    assert isinstance(found, ServerSite)
    return found
