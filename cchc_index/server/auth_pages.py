"""Logging in and out, and each role's first page."""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cchc_index.i18n import tr, using
from cchc_index.server import accounts
from cchc_index.server.db import reading
from cchc_index.server.gate import COOKIE, signer, user_of
from cchc_index.server.schema import units
from cchc_index.server.views import site
from cchc_index.web.forms import read_form
from cchc_index.web.site import request_lang

LOGIN_COOKIE = "cchc_login"  # the login form's token (no session yet): double-submitted


def _safe_next(value: str) -> str:
    if not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def login_form(request: Request, message: str = "", status_code: int = 200) -> Response:
    token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(32)
    s = site(request)
    response = s.page(
        request,
        "login.html",
        status_code=status_code,
        login_token=token,
        message=message,
        next=_safe_next(request.query_params.get("next", "/")),
    )
    response.set_cookie(
        LOGIN_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=s.deployment.secure_cookies,
        path="/login",
    )
    return response


async def login(request: Request) -> Response:
    s = site(request)
    with using(request_lang(request)):
        posted = await read_form(request, request.cookies.get(LOGIN_COOKIE) or "-", 64 * 1024)
        login_name = posted.values.get("login", "").lower()[:80]
        password = posted.values.get("password", "")
        address = request.client.host if request.client else "-"
        with s.deployment.engine.begin() as conn:
            if accounts.throttled(conn, login_name, address):
                return login_form(
                    request,
                    tr(
                        "Quá nhiều lần đăng nhập sai; hãy đợi 15 phút rồi thử lại.",
                        "Too many failed logins; wait 15 minutes and try again.",
                    ),
                    429,
                )
        with s.deployment.engine.begin() as conn:
            user = accounts.authenticate(conn, login_name, password, address)
            if user is None:
                message = tr("Sai tên đăng nhập hoặc mật khẩu.", "Wrong login or password.")
            else:
                session_id, _ = accounts.open_session(conn, user)
        if user is None:
            return login_form(request, message, 401)
    response = RedirectResponse(_safe_next(posted.values.get("next", "/")), status_code=303)
    response.set_cookie(
        COOKIE,
        signer(s.deployment.secret).dumps(session_id),
        httponly=True,
        samesite="strict",
        secure=s.deployment.secure_cookies,
        max_age=s.deployment.idle_minutes * 60 * 48,
    )
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


async def logout(request: Request) -> Response:
    s = site(request)
    user = user_of(request)
    await read_form(request, s.csrf(request), 64 * 1024)
    with s.deployment.engine.begin() as conn:
        accounts.close_session(conn, str(request.scope.get("cchc.session", "")))
        from cchc_index.server import audit

        audit.append(conn, user.login, "logout", user.login)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE)
    return response


def home(request: Request) -> Response:
    """The officer's units; the others go to their own first page."""
    user = user_of(request)
    if user.role in ("reviewer", "keeper"):
        return RedirectResponse("/review", status_code=303)
    if user.role == "admin":
        return RedirectResponse("/admin/accounts", status_code=303)
    s = site(request)
    mine = sorted(user.units)
    if len(mine) == 1:
        return RedirectResponse(f"/u/{mine[0]}/", status_code=303)
    with reading(s.deployment.engine) as conn:
        rows = conn.execute(sa.select(units).where(units.c.id.in_(mine)).order_by(units.c.id)).all()
    return s.page(request, "home.html", rows=rows)
