"""The server's defences, each tried: session fixation, CSRF, Host and Origin, upload size
and type, path traversal, another unit's files, login throttling, idle sessions."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from cchc_index.server.deployment import Deployment
from cchc_index.server.gate import COOKIE
from cchc_index.server.schema import sessions
from tests.server.conftest import BASE, MINE, OTHER, app_of, csrf_of, login, token

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_a_session_id_set_before_login_is_never_kept(sqlite_deployment: Deployment) -> None:
    app = app_of(sqlite_deployment)
    client = login(app, None)
    client.cookies.set(COOKIE, "attacker-chosen")
    page = client.get("/login")
    answer = client.post(
        "/login",
        data={"csrf": token(page.text), "login": "officer", "password": "officer-password-1"},
    )
    issued = answer.cookies.get(COOKIE)
    assert issued and issued != "attacker-chosen"
    fresh = login(app, None)
    fresh.cookies.set(COOKIE, issued)
    assert fresh.get(f"/u/{MINE}/").status_code == 200
    # a forged (unsigned) cookie is no session at all
    other = login(app, None)
    other.cookies.set(COOKIE, "x" * 40)
    assert other.get(f"/u/{MINE}/").status_code == 303


def test_logout_ends_the_session_on_the_server(sqlite_deployment: Deployment) -> None:
    app = app_of(sqlite_deployment)
    client = login(app, "officer")
    stolen = client.cookies.get(COOKIE)
    client.post("/logout", data={"csrf": csrf_of(client)})
    thief = login(app, None)
    thief.cookies.set(COOKIE, stolen or "")
    assert thief.get(f"/u/{MINE}/").status_code == 303  # to the login page


def test_an_idle_session_expires(sqlite_deployment: Deployment) -> None:
    app = app_of(sqlite_deployment)
    client = login(app, "officer")
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)).isoformat()
    with sqlite_deployment.engine.begin() as conn:
        conn.execute(sessions.update().values(seen=old))
    assert client.get(f"/u/{MINE}/").status_code == 303


def test_forms_without_the_sessions_token_are_refused(sqlite_deployment: Deployment) -> None:
    app = app_of(sqlite_deployment)
    officer, other = login(app, "officer"), login(app, "keeper")
    before = (sqlite_deployment.units_dir / MINE / "links.csv").read_bytes()
    data = {"url": "https://example.org", "title": "x", "for": "1.1.1"}
    assert officer.post(f"/u/{MINE}/r/links", data=data).status_code == 403
    # another account's token does not do either
    assert (
        officer.post(f"/u/{MINE}/r/links", data={**data, "csrf": csrf_of(other)}).status_code == 403
    )
    assert (sqlite_deployment.units_dir / MINE / "links.csv").read_bytes() == before
    # the login form has its own token
    assert (
        login(app, None).post("/login", data={"login": "officer", "password": "x"}).status_code
        == 403
    )


def test_foreign_hosts_and_cross_site_posts_are_refused(sqlite_deployment: Deployment) -> None:
    app = app_of(sqlite_deployment)
    client = login(app, "officer")
    assert client.get(f"/u/{MINE}/", headers={"host": "evil.example"}).status_code == 400
    csrf = csrf_of(client)
    answer = client.post(
        f"/u/{MINE}/submit", data={"csrf": csrf}, headers={"origin": "https://evil.example"}
    )
    assert answer.status_code == 403
    answer = client.post(
        f"/u/{MINE}/submit", data={"csrf": csrf}, headers={"sec-fetch-site": "cross-site"}
    )
    assert answer.status_code == 403


def test_login_attempts_are_limited_per_account(sqlite_deployment: Deployment) -> None:
    app = app_of(sqlite_deployment)
    client = login(app, None)
    for _ in range(5):
        page = client.get("/login")
        wrong = client.post(
            "/login",
            data={"csrf": token(page.text), "login": "officer", "password": "wrong-password"},
        )
        assert wrong.status_code == 401
    page = client.get("/login")
    right = client.post(
        "/login",
        data={"csrf": token(page.text), "login": "officer", "password": "officer-password-1"},
    )
    assert right.status_code == 429  # even the right password waits


def test_uploads_are_checked_for_size_and_type_and_named_by_content(
    sqlite_deployment: Deployment,
) -> None:
    app = app_of(sqlite_deployment)
    client = login(app, "officer")
    page = client.get(f"/u/{MINE}/r/photos").text
    import re

    base = re.findall(r'name="base" value="([^"]*)"', page)[0]
    fields = {
        "csrf": token(page),
        "base": base,
        "for": "3.6.1",
        "title": "Hòm thư góp ý",
        "date": "01/06/2020",
    }
    script = client.post(
        f"/u/{MINE}/r/photos", data=fields, files={"upload": ("x.html", b"<script>", "text/html")}
    )
    assert script.status_code == 422
    huge = b"\0" * (21 * 1024 * 1024)
    too_big = client.post(
        f"/u/{MINE}/r/photos", data=fields, files={"upload": ("big.png", huge, "image/png")}
    )
    assert too_big.status_code == 413
    named = client.post(
        f"/u/{MINE}/r/photos",
        data=fields,
        files={"upload": ("../../../etc/ảnh.png", PNG, "image/png")},
    )
    assert named.status_code == 303, named.text
    import hashlib

    digest = hashlib.sha256(PNG).hexdigest()
    assert (sqlite_deployment.units_dir / MINE / "hinh-anh" / f"{digest}.png").read_bytes() == PNG
    listing = client.get(f"/u/{MINE}/r/photos").text
    assert digest in listing
    shown = client.get(f"/u/{MINE}/file/hinh-anh/{digest}.png")
    assert shown.status_code == 200 and shown.content == PNG
    assert "inline" in shown.headers["content-disposition"]


def test_path_traversal_and_another_units_files(sqlite_deployment: Deployment) -> None:
    app = app_of(sqlite_deployment)
    other_file = sqlite_deployment.units_dir / OTHER / "photos" / "secret.png"
    other_file.parent.mkdir(parents=True, exist_ok=True)
    other_file.write_bytes(PNG)
    client = login(app, "officer")
    for path in (
        f"/u/{MINE}/file/../{OTHER}/photos/secret.png",
        f"/u/{MINE}/file/..%2F{OTHER}%2Fphotos%2Fsecret.png",
        f"/u/{MINE}/file/%2e%2e/%2e%2e/server.json",
        f"/u/{MINE}/file/profile.yaml",
        f"/u/{OTHER}/file/photos/secret.png",
        "/u/..%2F..%2Fserver.json/",
    ):
        answer = client.get(path)
        assert answer.status_code in (400, 404), path
        assert answer.content != PNG and b'"db"' not in answer.content
    reviewer = login(app, "reviewer")
    assert reviewer.get(f"/u/{OTHER}/file/photos/secret.png").content == PNG


def test_cookies_are_http_only_and_same_site(sqlite_deployment: Deployment) -> None:
    app = app_of(sqlite_deployment)
    client = login(app, None)
    page = client.get("/login")
    answer = client.post(
        "/login",
        data={"csrf": token(page.text), "login": "officer", "password": "officer-password-1"},
    )
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert BASE.startswith("http://127.0.0.1")


def test_disabling_an_account_ends_its_sessions(sqlite_deployment: Deployment) -> None:
    app = app_of(sqlite_deployment)
    officer, admin = login(app, "officer"), login(app, "admin")
    answer = admin.post("/admin/accounts/officer/disable", data={"csrf": csrf_of(admin)})
    assert answer.status_code == 303
    assert officer.get(f"/u/{MINE}/").status_code == 303
    with sqlite_deployment.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(sessions)).scalar_one() == 1
