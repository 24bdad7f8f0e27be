"""The admin's page: accounts, their roles and units; creating and disabling them."""

from __future__ import annotations

import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cchc_index.i18n import tr, using
from cchc_index.server import accounts
from cchc_index.server.db import reading
from cchc_index.server.gate import user_of
from cchc_index.server.schema import units, user_units, users
from cchc_index.server.views import site
from cchc_index.web.forms import read_form
from cchc_index.web.site import Flash, request_lang


def accounts_page(request: Request, message: str = "", status_code: int = 200) -> Response:
    s = site(request)
    with reading(s.deployment.engine) as conn:
        rows = conn.execute(sa.select(users).order_by(users.c.login)).all()
        links: dict[int, list[str]] = {}
        for user_id, unit_id in conn.execute(sa.select(user_units.c.user_id, user_units.c.unit_id)):
            links.setdefault(user_id, []).append(unit_id)
        unit_ids = [r[0] for r in conn.execute(sa.select(units.c.id).order_by(units.c.id))]
    return s.page(
        request,
        "accounts.html",
        status_code=status_code,
        rows=rows,
        links=links,
        unit_ids=unit_ids,
        roles=accounts.ROLES,
        message=message,
    )


async def create_account(request: Request) -> Response:
    s = site(request)
    actor = user_of(request)
    with using(request_lang(request)):
        posted = await read_form(request, s.csrf(request), 64 * 1024)
        form = await request.form()
        unit_ids = [str(v) for v in form.getlist("units")]
        try:
            with s.deployment.engine.begin() as conn:
                accounts.add_user(
                    conn,
                    posted.values.get("login", "").lower(),
                    posted.values.get("role", ""),
                    posted.values.get("password", ""),
                    unit_ids,
                    actor.login,
                )
        except accounts.AccountError as exc:
            return accounts_page(
                request, tr(f"Không tạo được tài khoản: {exc}", f"Account not created: {exc}"), 422
            )
        key = s.flash(Flash(tr("Đã tạo tài khoản.", "Account created.")))
        return RedirectResponse(f"/admin/accounts?m={key}", status_code=303)


async def disable_account(request: Request) -> Response:
    s = site(request)
    actor = user_of(request)
    login = request.path_params["login"]
    await read_form(request, s.csrf(request), 64 * 1024)
    try:
        with s.deployment.engine.begin() as conn:
            accounts.set_active(conn, login, False, actor.login)
    except accounts.AccountError as exc:
        return accounts_page(request, str(exc), 404)
    key = s.flash(Flash(tr(f"Đã khóa tài khoản {login}.", f"Account {login} disabled.")))
    return RedirectResponse(f"/admin/accounts?m={key}", status_code=303)
