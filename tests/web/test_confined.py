"""`serve` never leaves its folder: a bundle file that is a link leading out of the bundle is
shown as an error and neither read nor written through; what a form brings (a control
character, an odd digit) is a refusal on the page, never a 500."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.web.helpers import BUNDLE, PLAN, client, hidden, served_copy, snapshot

DOCS = f"/u/{BUNDLE}/r/documents"


@pytest.fixture
def served(tmp_path: Path) -> Path:
    return served_copy(tmp_path)


def _form(web: TestClient, url: str = DOCS) -> dict[str, str]:
    page = web.get(url).text
    return {"csrf": hidden(page, "csrf"), "base": hidden(page, "base")}


@pytest.mark.parametrize("name", ["documents.csv", "photos.csv", "declarations.yaml"])
def test_a_bundle_file_linked_outside_is_an_error_and_never_written(
    served: Path, tmp_path: Path, name: str
) -> None:
    outside = tmp_path / "ngoai" / name
    outside.parent.mkdir()
    original = served / BUNDLE / name
    outside.write_bytes(original.read_bytes() if original.exists() else b"")
    original.unlink(missing_ok=True)
    os.symlink(outside, original)
    kept = outside.read_bytes()
    web = TestClient(
        client(served).app, base_url="http://127.0.0.1:8765", raise_server_exceptions=False
    )
    page = web.get(f"/u/{BUNDLE}/")
    assert page.status_code != 500
    kind = {"documents.csv": "documents", "photos.csv": "photos"}.get(name, "not_applicable")
    url = f"/u/{BUNDLE}/r/{kind}"
    listing = web.get(url)
    assert listing.status_code in (200, 422), listing.text[:500]
    if listing.status_code == 200 and 'name="csrf"' in listing.text:
        form = {**_form(web, url), **(PLAN if kind == "documents" else {})}
        answer = web.post(url, data=form)
        assert answer.status_code != 500
    assert outside.read_bytes() == kept  # nothing written through the link
    assert os.path.islink(original)


@pytest.mark.parametrize("typed", ["\x1b[2J", "a\x07b", "\u202eabc", "x\x00y"])
def test_a_control_character_in_a_form_is_refused_on_the_page(served: Path, typed: str) -> None:
    web = client(served)
    before = snapshot(served)
    answer = web.post(DOCS, data={**_form(web), **PLAN, "subject": f"Kế hoạch {typed}"})
    assert answer.status_code == 422, answer.text[:300]
    assert snapshot(served) == before


@pytest.mark.parametrize("year", ["²", "٢٠٢٠", "2020²", "⁴"])
def test_odd_digits_in_a_form_are_no_500(served: Path, year: str) -> None:
    web = TestClient(
        client(served).app, base_url="http://127.0.0.1:8765", raise_server_exceptions=False
    )
    page = web.get("/draft").text
    token = hidden(page, "csrf")
    answer = web.post(
        "/draft",
        data={"csrf": token, "year": year},
        files={
            "report": ("bc.txt", "Báo cáo cải cách hành chính năm 2020\n".encode(), "text/plain")
        },
    )
    assert answer.status_code < 500, answer.text[:300]
    url = f"/u/{BUNDLE}/r/statistics"
    values = {"name": "ho_so_da_giai_quyet", "value": year, "last_year": year, "source": "x"}
    answer = web.post(url, data={**_form(web, url), **values})
    assert answer.status_code < 500, answer.text[:300]
