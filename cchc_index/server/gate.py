"""Who may do what: the session read from its signed cookie, then the one authorization table
(`routes.RULES`) applied before any page runs.

A request gets, in this order: 404 when no rule has its method and path; for a page that
needs an account, a redirect to the login page (GET) or 403 (any other method) without a
live session; 403 when the account's role is not in the rule; 404 when the rule names a unit
the account may not see (an officer does not learn which other units exist); 409 when the
unit's stage of the cycle does not allow it (editing after submission). Only then the page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import compile_path

from cchc_index.server.accounts import User, session_user
from cchc_index.server.db import reading
from cchc_index.server.deployment import Deployment
from cchc_index.server.schema import units
from cchc_index.web.guard import ASGIApp, Receive, Scope, Send, refusal_page

COOKIE = "cchc_session"
GATE_HEADER = "x-cchc-gate"  # on the gate's own refusals (a page's 404 does not carry it)
ANYONE = "anyone"  # a rule's roles: also without an account (the login page, static files)


@dataclass(frozen=True)
class Rule:
    """One row of the authorization table."""

    method: str
    path: str
    roles: frozenset[str]  # ANYONE, or the roles allowed
    unit: bool = False  # the path's {bundle} must be a unit the account sees
    states: frozenset[str] | None = None  # the unit's stages in which it is allowed
    endpoint: Any = None

    @property
    def regex(self) -> re.Pattern[str]:
        return compile_path(self.path)[0]


def signer(secret: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret, salt="cchc-session")


def _answer(status: int, text: str) -> Response:
    return HTMLResponse(refusal_page(text), status_code=status, headers={GATE_HEADER: str(status)})


def find(rules: Sequence[Rule], method: str, path: str) -> tuple[Rule, dict[str, str]] | None:
    method = "GET" if method == "HEAD" else method
    for rule in rules:
        if rule.method != method:
            continue
        found = rule.regex.match(path)
        if found:
            return rule, found.groupdict()
    return None


class Gate:
    def __init__(self, app: ASGIApp, deployment: Deployment, rules: Sequence[Rule]) -> None:
        self.app = app
        self.deployment = deployment
        self.rules = rules
        self.signer = signer(deployment.secret)
        self.idle = dt.timedelta(minutes=deployment.idle_minutes)

    def session(self, request: Request) -> tuple[User, str, str] | None:
        raw = request.cookies.get(COOKIE)
        if not raw:
            return None
        try:
            session_id = str(self.signer.loads(raw))
        except BadSignature:
            return None
        found = session_user(self.deployment.engine, session_id, self.idle)
        return None if found is None else (found[0], found[1], session_id)

    def decide(self, request: Request, user: User | None) -> Response | None:
        """None when the request may go on, else the answer it gets (see the module)."""
        matched = find(self.rules, request.method, request.url.path)
        if matched is None:
            return _answer(404, "Không tìm thấy trang này. / Page not found.")
        rule, params = matched
        if ANYONE in rule.roles:
            return None
        if user is None:
            if request.method in ("GET", "HEAD"):
                back = quote(request.url.path, safe="/")
                return RedirectResponse(
                    f"/login?next={back}", status_code=303, headers={GATE_HEADER: "login"}
                )
            return _answer(403, "Cần đăng nhập. / Log in first.")
        if user.role not in rule.roles:
            return _answer(
                403, "Tài khoản này không được làm việc này. / Not allowed for this account."
            )
        if rule.unit:
            unit_id = params.get("bundle", "")
            if not user.sees(unit_id):
                return _answer(404, "Không tìm thấy trang này. / Page not found.")
            if rule.states is not None:
                with reading(self.deployment.engine) as conn:
                    state = conn.execute(
                        units.select()
                        .with_only_columns(units.c.status)
                        .where(units.c.id == unit_id)
                    ).scalar()
                if state is None:
                    return _answer(404, "Không tìm thấy trang này. / Page not found.")
                if state not in rule.states:
                    return _answer(
                        409,
                        "Đơn vị đang ở bước khác của chu kỳ; việc này chưa làm được. / "
                        "The unit is at another stage of the cycle; this cannot be done now.",
                    )
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)

        found = await run_in_threadpool(self.session, request)
        user = found[0] if found else None
        refusal = await run_in_threadpool(self.decide, request, user)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        if found is not None:
            scope["cchc.user"], scope["cchc.csrf"], scope["cchc.session"] = found
        await self.app(scope, receive, send)


def user_of(request: Request) -> User:
    user = request.scope.get("cchc.user")
    assert isinstance(user, User), "the gate lets no page that needs an account run without one"
    return user


def maybe_user(request: Request) -> User | None:
    user = request.scope.get("cchc.user")
    return user if isinstance(user, User) else None
