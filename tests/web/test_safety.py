"""Requests the server must refuse, each with its status and with nothing written."""

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


def _form(web: TestClient) -> dict[str, str]:
    page = web.get(DOCS).text
    return {"csrf": hidden(page, "csrf"), "base": hidden(page, "base"), **PLAN}


@pytest.mark.parametrize(
    "url",
    [
        "/u/..%2F..%2Fetc/",
        "/u/%2e%2e/r/documents",
        "/u/..%2fquang-an-2020/",
        f"/u/{BUNDLE}/r/..%2F..%2Fpasswd",
        "/static/..%2F..%2Fapp.py",
        "/static/../../web/app.py",
    ],
)
def test_path_traversal_is_404(served: Path, url: str) -> None:
    assert client(served).get(url).status_code == 404


def test_path_traversal_post_writes_nothing(served: Path) -> None:
    web = client(served)
    form = _form(web)
    before = snapshot(served.parent)
    answer = web.post("/u/..%2F..%2Fx/r/documents", data=form)
    assert answer.status_code == 404
    assert snapshot(served.parent) == before


def test_a_symlink_out_of_the_served_folder_is_not_a_bundle(served: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    served_copy(outside, without_plan=False)
    os.symlink(outside / "evidence" / BUNDLE, served / "lien-ket")
    web = client(served)
    assert "lien-ket" not in web.get("/").text
    assert web.get("/u/lien-ket/").status_code == 404


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.nip.io"])
def test_a_foreign_host_is_refused(served: Path, host: str) -> None:
    web = client(served)
    assert web.get("/", headers={"host": host}).status_code == 400
    form = _form(web)
    before = snapshot(served)
    assert web.post(DOCS, data=form, headers={"host": host}).status_code == 400
    assert snapshot(served) == before
    assert web.post(DOCS, data=form, follow_redirects=False).status_code == 303


def test_a_foreign_origin_is_refused(served: Path) -> None:
    web = client(served)
    form = _form(web)
    before = snapshot(served)
    for headers in (
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
    ):
        assert web.post(DOCS, data=form, headers=headers).status_code == 403
    assert snapshot(served) == before
    ok = web.post(
        DOCS, data=form, headers={"origin": "http://127.0.0.1:8765"}, follow_redirects=False
    )
    assert ok.status_code == 303


def test_a_form_without_its_csrf_token_is_refused(served: Path) -> None:
    web = client(served)
    form = _form(web)
    before = snapshot(served)
    for token in (None, "", "forged"):
        sent = {k: v for k, v in form.items() if k != "csrf"}
        if token is not None:
            sent["csrf"] = token
        assert web.post(DOCS, data=sent).status_code == 403
        assert web.post(f"{DOCS}/0/delete", data=sent).status_code == 403
    assert snapshot(served) == before
    assert web.post(DOCS, data=form, follow_redirects=False).status_code == 303


def test_an_upload_over_the_limit_is_refused(served: Path) -> None:
    web = client(served, max_upload_mb=1)
    form = _form(web)
    before = snapshot(served)
    big = {"upload": ("lon.pdf", b"%PDF" + b"0" * (1024 * 1024 + 10), "application/pdf")}
    answer = web.post(DOCS, data=form, files=big)
    assert answer.status_code == 413
    assert "1 MB" in answer.text
    assert snapshot(served) == before
    small = {"upload": ("nho.pdf", b"%PDF" + b"0" * 1000, "application/pdf")}
    assert web.post(DOCS, data=form, files=small, follow_redirects=False).status_code == 303


def test_a_chunked_body_over_the_limit_is_refused(served: Path) -> None:
    web = client(served, max_upload_mb=1)
    before = snapshot(served)

    def chunks():  # no Content-Length: the gate counts what arrives
        for _ in range(3):
            yield b"x" * (512 * 1024)

    answer = web.post(
        DOCS,
        content=chunks(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert answer.status_code == 413
    assert snapshot(served) == before


def test_pages_carry_protective_headers(served: Path) -> None:
    answer = client(served).get("/")
    assert answer.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in answer.headers["content-security-policy"]


def test_an_upload_folder_leading_outside_is_not_written_through(
    served: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "ngoai"
    outside.mkdir()
    os.symlink(outside, served / BUNDLE / "van-ban")
    web = client(served)
    form = _form(web)
    files = {"upload": ("kh.pdf", b"%PDF-1.4\n", "application/pdf")}
    answer = web.post(DOCS, data=form, files=files)
    assert answer.status_code == 422 and "trỏ ra ngoài" in answer.text
    assert list(outside.iterdir()) == []


def test_only_evidence_file_types_are_taken(served: Path) -> None:
    web = client(served)
    form = _form(web)
    before = snapshot(served)
    answer = web.post(
        DOCS, data=form, files={"upload": ("x.exe", b"MZ", "application/octet-stream")}
    )
    assert answer.status_code == 422 and "Không nhận tệp &#39;.exe&#39;" in answer.text
    assert snapshot(served) == before


def test_a_file_name_with_dots_creates_nothing_outside(served: Path) -> None:
    web = client(served)
    form = {**_form(web), "file": "../thu-muc-moi/x.pdf", "sha256": "0" * 64}
    before = snapshot(served.parent)
    answer = web.post(DOCS, data=form)
    assert answer.status_code == 422 and "nằm ngoài thư mục bộ minh chứng" in answer.text
    assert snapshot(served.parent) == before
    assert not (served / "thu-muc-moi").exists()
