"""Every route of the one authorization table, driven with every role and without an
account, on SQLite and PostgreSQL: the answer must be the table's."""

from __future__ import annotations

import re

import pytest

from cchc_index.server.deployment import Deployment
from cchc_index.server.gate import ANYONE, GATE_HEADER
from cchc_index.server.routes import RULES
from tests.server.conftest import MINE, OTHER, app_of, csrf_of, login

ROLES = [None, "officer", "reviewer", "keeper", "admin"]
VALUES = {
    "bundle": MINE,
    "kind": "documents",
    "key": "1",
    "node": "1.1.1",
    "fmt": "json",
    "path": "photos/none.jpg",
    "login": "no-such-login",
    "framework": "hue-xa-2020",
    "year": "2020",
}


def concrete(path: str, **override: str) -> str:
    values = {**VALUES, **override}
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: values[m.group(1)], path)


def ordered() -> list:  # logout last: it ends the session the other rows use
    return sorted(RULES, key=lambda r: r.path == "/logout")


@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_as_the_table_says(deployment: Deployment, role: str | None) -> None:
    app = app_of(deployment)
    client = login(app, role)
    csrf = csrf_of(client, "/login" if role is None else "/") if role else ""
    checked = 0
    for rule in ordered():
        path = concrete(rule.path)
        if rule.method == "GET":
            answer = client.get(path)
        else:
            answer = client.post(path, data={"csrf": csrf})
        gate = answer.headers.get(GATE_HEADER)
        allowed = ANYONE in rule.roles or (role is not None and role in rule.roles)
        where = f"{rule.method} {path} as {role}: {answer.status_code} {gate}"
        if allowed:
            assert gate in (None, "409"), where  # 409: allowed, but not at this stage
            assert answer.status_code != 403 or rule.path == "/login", where
        elif role is None:
            assert gate == ("login" if rule.method == "GET" else "403"), where
        else:
            assert gate == "403" and answer.status_code == 403, where
        checked += 1
    assert checked == len(RULES)


@pytest.mark.parametrize("role", ["officer"])
def test_another_units_pages_are_not_found_for_an_officer(
    deployment: Deployment, role: str
) -> None:
    app = app_of(deployment)
    client = login(app, role)
    csrf = csrf_of(client)
    for rule in RULES:
        if not rule.unit or role not in rule.roles:
            continue
        path = concrete(rule.path, bundle=OTHER)
        answer = (
            client.get(path) if rule.method == "GET" else client.post(path, data={"csrf": csrf})
        )
        assert answer.status_code == 404 and answer.headers.get(GATE_HEADER) == "404", path
        assert "Xã Bình Minh" not in answer.text and "Bình Minh" not in answer.text


def test_a_reviewer_scoped_to_units_sees_only_them(deployment: Deployment) -> None:
    from cchc_index.server.accounts import add_user

    with deployment.engine.begin() as conn:
        add_user(conn, "rev-scope", "reviewer", "reviewer-password-2", [OTHER], "test")
    client = login(app_of(deployment), "rev-scope", "reviewer-password-2")
    assert client.get(f"/u/{OTHER}/").status_code == 200
    assert client.get(f"/u/{MINE}/").status_code == 404
    listing = client.get("/review").text
    assert OTHER in listing and MINE not in listing
