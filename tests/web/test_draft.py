"""'Draft from my report' with the test client: lines shown for review, saved only on request."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_index.load.unit import open_unit
from tests.web.helpers import REPORT, RULES, client, hidden, served_copy, snapshot


@pytest.fixture
def served(tmp_path: Path) -> Path:
    return served_copy(tmp_path, without_plan=False)


def test_a_report_is_read_shown_then_saved_as_a_new_bundle(served: Path) -> None:
    web = client(served)
    token = hidden(web.get("/draft").text, "csrf")
    before = snapshot(served)
    files = {"report": ("Báo cáo 385.txt", REPORT.read_bytes(), "text/plain")}
    review = web.post("/draft", data={"csrf": token}, files=files)
    assert review.status_code == 200
    assert "452/KH-UBND" in review.text  # a citation, with its line and sentence
    assert "04/12/2019" in review.text
    assert snapshot(served) == before  # nothing saved yet
    folder = hidden(review.text, "folder")
    assert folder == "quang-an-2020"  # suggested from the unit, but that folder exists
    sent = {"csrf": token, "key": hidden(review.text, "key"), "framework": "hue-xa-2020"}
    taken = web.post("/draft/save", data={**sent, "folder": folder})
    assert taken.status_code == 422 and "đã có" in taken.text
    saved = web.post(
        "/draft/save", data={**sent, "folder": "../Quảng An nháp"}, follow_redirects=False
    )
    assert saved.status_code == 303
    assert saved.headers["location"].startswith("/u/Quang-An-nhap/")
    _, bundle = open_unit(served / "Quang-An-nhap", None, RULES)
    assert any(d.number.symbol == "452/KH-UBND" for d in bundle.documents)
    assert not (served.parent / "Quảng An nháp").exists()
    page = web.get(saved.headers["location"])
    assert page.status_code == 200 and "Đã lưu bộ minh chứng nháp" in page.text


def test_a_file_that_is_not_a_report_is_refused(served: Path) -> None:
    web = client(served)
    token = hidden(web.get("/draft").text, "csrf")
    for name, data in (("x.exe", b"MZ"), ("x.pdf", b"not a pdf")):
        answer = web.post(
            "/draft",
            data={"csrf": token},
            files={"report": (name, data, "application/octet-stream")},
        )
        assert answer.status_code == 422
    answer = web.post("/draft", data={"csrf": token})
    assert answer.status_code == 422 and "Hãy chọn tệp báo cáo" in answer.text
