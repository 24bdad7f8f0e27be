"""`server run --workers N`: any process may answer any request. A save answered by one
worker and the page it redirects to answered by another still show the save's message and
the new score; a worker scores every unit before its first request (`warm`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from cchc_index.server import flashes
from cchc_index.server.app import create_app
from cchc_index.server.deployment import Deployment
from cchc_index.server.views import ServerSite
from cchc_index.web.site import Flash
from tests.server.conftest import _OPEN, BASE, MINE, login


def _field(page: str, name: str) -> str:
    return re.findall(rf'name="{name}" value="([^"]*)"', page)[0]


def test_the_page_after_a_save_shows_its_message_from_another_worker(
    sqlite_deployment: Deployment,
) -> None:
    first, second = create_app(sqlite_deployment.root), create_app(sqlite_deployment.root)
    _OPEN.extend([first, second])
    officer = login(first, "officer")
    form = officer.get(f"/u/{MINE}/r/links").text
    answer = officer.post(
        f"/u/{MINE}/r/links",
        data={
            "csrf": _field(form, "csrf"),
            "base": _field(form, "base"),
            "url": "https://quang-an.example.gov.vn/tin/1",
            "title": "Tin bài mới",
            "for": "1.4.2",
        },
    )
    assert answer.status_code == 303
    other = TestClient(second, base_url=BASE, follow_redirects=False)  # type: ignore[arg-type]
    other.cookies = officer.cookies
    page = other.get(answer.headers["location"])
    assert page.status_code == 200
    assert 'class="flash"' in page.text and "Tin bài mới" in page.text
    again = other.get(answer.headers["location"])  # a message is shown once
    assert 'class="flash"' not in again.text


def test_a_message_is_taken_once_and_odd_keys_are_nothing(tmp_path: Path) -> None:
    key = flashes.put(tmp_path, Flash("Đã lưu."))
    assert flashes.take(tmp_path, "../" + key) is None
    assert flashes.take(tmp_path, key[:-1]) is None
    found = flashes.take(tmp_path, key)
    assert found is not None and found.text == "Đã lưu."
    assert flashes.take(tmp_path, key) is None
    (tmp_path / f"{key}.json").write_text("{not json", encoding="utf-8")
    assert flashes.take(tmp_path, key) is None


def test_a_warm_worker_has_scored_every_unit_before_its_first_request(
    sqlite_deployment: Deployment,
) -> None:
    app = create_app(sqlite_deployment.root, warm=True)
    _OPEN.append(app)
    site = app.app.app.state.site  # type: ignore[attr-defined]
    assert isinstance(site, ServerSite)
    with TestClient(app, base_url=BASE):  # the lifespan runs: the worker starts
        kept = site.cycle.scores._cache
        assert {Path(folder).name for folder, _ in kept} == set(site.workspace.bundles())


def test_a_serving_gate_does_not_grow_with_every_bundle_read(
    sqlite_deployment: Deployment,
) -> None:
    """`server run --workers 1` serves inside its command's gate: the bundles its pages read
    (and each save's staging folder) must not pile up in it, nor may it lose what it guards."""
    from cchc_index.errors import OutputError
    from cchc_index.output import OutputGate, current, run, serving

    with run(OutputGate(within=sqlite_deployment.root)), serving() as gate:
        app = create_app(sqlite_deployment.root)
        _OPEN.append(app)
        officer = login(app, "officer")
        for n in range(3):
            form = officer.get(f"/u/{MINE}/r/links").text
            officer.post(
                f"/u/{MINE}/r/links",
                data={
                    "csrf": _field(form, "csrf"),
                    "base": _field(form, "base"),
                    "url": f"https://quang-an.example.gov.vn/tin/{n}",
                    "title": f"Tin {n}",
                    "for": "1.4.2",
                },
            )
        assert current() is gate and gate.inputs == []
        with pytest.raises(OutputError):
            gate.check(sqlite_deployment.root.parent / "ngoai.txt")
