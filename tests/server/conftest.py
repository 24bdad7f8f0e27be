"""Deployments for the server tests, on SQLite and on PostgreSQL (a throwaway cluster)."""

from __future__ import annotations

import gc
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from cchc_index.server.accounts import add_user
from cchc_index.server.app import create_app
from cchc_index.server.deployment import Deployment, bundles_in, init
from tests.server import pg

ROOT = Path(__file__).resolve().parent.parent.parent
EVIDENCE = ROOT / "evidence"
RULES = ROOT / "rules"
BASE = "http://127.0.0.1:8080"
UNITS = len(bundles_in(EVIDENCE))  # every sample bundle of evidence/ (25 when the issue was filed)
MINE = "xa-an-hoa-2020"  # the officer's unit
OTHER = "xa-binh-minh-2020"
PASSWORDS = {
    "officer": "officer-password-1",
    "reviewer": "reviewer-password-1",
    "keeper": "keeper-password-1",
    "admin": "admin-password-1",
}


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[str]:
    with pg.cluster() as base:
        yield base
        # A pooled connection SQLAlchemy dropped without closing (the error path of a
        # refused `adduser`) is collected here, before its server goes away, not at exit.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            gc.collect()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str | None:
    if request.param == "sqlite":
        return None
    base: str = request.getfixturevalue("pg_cluster")
    return pg.new_database(base)


def make_deployment(root: Path, db: str | None) -> Deployment:
    deployment = init(root, db, EVIDENCE, RULES, [])
    with deployment.engine.begin() as conn:
        for role, password in PASSWORDS.items():
            units = [MINE] if role == "officer" else []
            add_user(conn, role, role, password, units, "test")
    return deployment


_OPEN: list[object] = []  # apps made by a test: their pools are closed after it


@pytest.fixture(autouse=True)
def _close_apps() -> Iterator[None]:
    yield
    while _OPEN:
        _OPEN.pop().app.deployment.engine.dispose()  # type: ignore[attr-defined]
    # psycopg warns when a connection object is collected unclosed; one the pool let go of
    # without closing (not traced down yet) is collected here, while its test is known.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


@pytest.fixture
def deployment(tmp_path: Path, db_url: str | None) -> Iterator[Deployment]:
    made = make_deployment(tmp_path / "data", db_url)
    yield made
    made.engine.dispose()


@pytest.fixture
def sqlite_deployment(tmp_path: Path) -> Iterator[Deployment]:
    made = make_deployment(tmp_path / "data", None)
    yield made
    made.engine.dispose()


def token(page: str) -> str:
    return re.findall(r'name="csrf" value="([^"]+)"', page)[0]


def login(app: object, role: str | None, password: str | None = None) -> TestClient:
    client = TestClient(app, base_url=BASE, follow_redirects=False)  # type: ignore[arg-type]
    if role is None:
        return client
    page = client.get("/login")
    answer = client.post(
        "/login",
        data={"csrf": token(page.text), "login": role, "password": password or PASSWORDS[role]},
    )
    assert answer.status_code == 303, answer.text
    return client


def csrf_of(client: TestClient, path: str = "/") -> str:
    page = client.get(path, follow_redirects=True)
    return token(page.text)


def app_of(deployment: Deployment) -> object:
    app = create_app(deployment.root)
    _OPEN.append(app)
    return app
