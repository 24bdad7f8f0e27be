"""Real Chromium against the real server on 127.0.0.1 (slow; `-m "not browser"` leaves them out)."""

from __future__ import annotations

import http.client
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.helpers import BUNDLE, PLAN, REPORT, SAMPLE, served_copy, snapshot
from tests.web.live import chromium, keep_screenshot, live_server

pytestmark = [pytest.mark.slow, pytest.mark.browser]
AXE = Path(__file__).with_name("vendor") / "axe.min.js"
UNIT = f"/u/{BUNDLE}/"
DOCS = f"/u/{BUNDLE}/r/documents"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture
def served(tmp_path: Path) -> Path:
    return served_copy(tmp_path)


@pytest.fixture
def site(served: Path) -> Iterator[str]:
    with live_server(served) as url:
        yield url


def _page(browser: Any, js: bool = True) -> Any:
    context = browser.new_context(
        java_script_enabled=js,
        bypass_csp=True,
        viewport={"width": 1280, "height": 900},
        locale="vi-VN",
    )
    return context.new_page()


def _add_plan(page: Any, subject: str = PLAN["subject"]) -> None:
    page.get_by_label("Số ký hiệu").fill(PLAN["number"])
    page.get_by_label("Ngày", exact=True).fill(PLAN["date"])
    page.get_by_label("Trích yếu").fill(subject)
    page.get_by_label("Dùng cho mục").fill(PLAN["for"])
    page.get_by_role("button", name="Thêm văn bản").click()


def _status(page: Any, node: str) -> str:
    value: str = page.locator(f'tr[data-node="{node}"]').get_attribute("data-status")
    return value


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_adding_the_plan_turns_1_1_1_to_met(browser: Any, site: str, js: bool) -> None:
    page = _page(browser, js)
    page.goto(site + UNIT)
    assert _status(page, "1.1.1") == "thiếu minh chứng"
    before = page.locator("[data-total]").get_attribute("data-total")
    page.goto(site + DOCS)
    if js:
        page.evaluate("window.__sameDocument = true")
    _add_plan(page)
    change = page.locator("#score .changes li", has_text="1.1.1")
    change.wait_for()
    assert "đạt" in change.inner_text()
    assert page.locator("#score").get_attribute("aria-live") == "polite"
    after = page.locator("[data-total]").get_attribute("data-total")
    assert (before, after) == ("1.50", "2.00")
    if js:  # the page was updated in place, never reloaded, and the focus is on the result
        assert page.evaluate("window.__sameDocument") is True
        assert page.evaluate("document.activeElement.classList.contains('flash')")
    page.goto(site + UNIT)
    assert _status(page, "1.1.1") == "đạt"


def test_the_keyboard_alone_adds_a_document(browser: Any, site: str, served: Path) -> None:
    page = _page(browser)
    page.goto(site + DOCS)
    number = page.get_by_label("Số ký hiệu")
    for _ in range(200):  # Tab from the top of the page to the first field of the form
        page.keyboard.press("Tab")
        if number.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the form cannot be reached with Tab")
    page.keyboard.type(PLAN["number"])
    page.keyboard.press("Tab")
    page.keyboard.type(PLAN["date"])
    for _ in range(2):  # kind, issuer
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("Triển khai công tác cải cách hành chính năm 2020")
    page.keyboard.press("Tab")
    page.keyboard.type("1.1.1")
    page.keyboard.press("Enter")  # Enter in a text field sends the form
    page.locator("#score .changes li", has_text="1.1.1").wait_for()
    rows = (served / BUNDLE / "documents.csv").read_text("utf-8")
    assert (
        "452/KH-UBND,04/12/2019,,,Triển khai công tác cải cách hành chính năm 2020,,,1.1.1," in rows
    )


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_vietnamese_typed_in_the_browser_is_stored_as_nfc(
    browser: Any, site: str, served: Path, form: str
) -> None:
    page = _page(browser)
    page.goto(site + DOCS)
    subject = "Kế hoạch cải cách hành chính năm 2020 của Ủy ban nhân dân xã Quảng An"
    _add_plan(page, unicodedata.normalize(form, subject))
    page.locator("#score .flash").wait_for()
    raw = (served / BUNDLE / "documents.csv").read_bytes()
    assert subject.encode("utf-8") in raw


def test_a_stale_edit_is_refused_with_the_current_values(
    browser: Any, site: str, served: Path
) -> None:
    first, second = _page(browser), _page(browser)
    for tab in (first, second):
        tab.goto(site + DOCS + "/0/edit")
    first.get_by_label("Ghi chú").fill("sửa ở thẻ thứ nhất")
    first.get_by_role("button", name="Lưu").click()
    first.locator("#score .flash").wait_for()
    written = snapshot(served)
    second.get_by_label("Ghi chú").fill("sửa ở thẻ thứ hai")
    second.get_by_role("button", name="Lưu").click()
    alert = second.get_by_role("alert")
    alert.wait_for()
    assert "đã thay đổi" in alert.inner_text()
    assert second.get_by_label("Ghi chú").input_value() == "sửa ở thẻ thứ nhất"
    assert "sửa ở thẻ thứ hai" in alert.inner_text()
    assert snapshot(served) == written


def test_upload_a_report_and_save_its_draft(browser: Any, site: str, served: Path) -> None:
    page = _page(browser)
    page.goto(site + "/draft")
    page.get_by_label("Tệp báo cáo").set_input_files(str(REPORT))
    page.get_by_role("button", name="Đọc báo cáo").click()
    row = page.locator("tr", has_text="452/KH-UBND").first
    row.wait_for()
    assert "04/12/2019" in row.inner_text()
    page.get_by_label("Tên thư mục mới").fill("quang-an-nhap")
    page.get_by_label("Bộ chỉ số").select_option("hue-xa-2020")
    page.get_by_role("button", name="Lưu bộ minh chứng nháp").click()
    page.locator("#score .flash").wait_for()
    assert "/u/quang-an-nhap/" in page.url
    assert (served / "quang-an-nhap" / "documents.csv").is_file()
    assert _status(page, "1.1.1") == "đạt"


def test_download_the_docx_report(browser: Any, site: str) -> None:
    import docx

    page = _page(browser)
    page.goto(site + UNIT)
    with page.expect_download() as info:
        page.get_by_role("link", name="Báo cáo và Phụ lục DOCX (Word)").click()
    download = info.value
    assert download.suggested_filename == f"{BUNDLE}-ket-qua.docx"
    document = docx.Document(download.path())
    text = "\n".join(p.text for p in document.paragraphs)
    assert "QUẢNG AN" in text.upper()
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert "1.1.1" in cells


PAGES = {
    "danh-sach": "/",
    "ket-qua": UNIT,
    "van-ban": DOCS,
    "sua-van-ban": DOCS + "/0/edit",
    "so-lieu": f"/u/{BUNDLE}/r/statistics",
    "duong-link": f"/u/{BUNDLE}/r/links",
    "hinh-anh": f"/u/{BUNDLE}/r/photos",
    "tu-danh-gia": f"/u/{BUNDLE}/r/qualitative",
    "khong-ap-dung": f"/u/{BUNDLE}/r/not_applicable",
    "giai-thich": f"/u/{BUNDLE}/explain/1.1.1",
    "nhap-tu-bao-cao": "/draft",
    "tham-dinh": "/u/quang-an-2020-tham-dinh/#scores",
    "doi-chieu": f"/u/{BUNDLE}/verify",
    "van-ban-sau-doi-chieu": DOCS,  # each row's verdict, from the check just made
}


def _axe(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def test_every_page_is_axe_clean_and_screenshotted(
    browser: Any, site: str, served: Path, tmp_path: Path
) -> None:
    shutil.copytree(SAMPLE, served / "quang-an-2020-tham-dinh")  # with its appraisal.yaml
    page = _page(browser)
    found = {}
    for name, path in PAGES.items():
        page.goto(site + path)
        found[name] = _axe(page)
        shot = tmp_path / f"{name}.png"
        page.screenshot(
            path=str(shot),
            full_page=name not in ("ket-qua", "van-ban", "so-lieu", "tham-dinh",
                                   "van-ban-sau-doi-chieu"),
        )  # fmt: skip
        assert shot.stat().st_size > 5000
        keep_screenshot(shot, f"{name}.png")
    # a page with errors next to the fields, and the review of a report
    page.goto(site + DOCS)
    page.get_by_label("Số ký hiệu").fill(PLAN["number"])
    page.get_by_label("Ngày", exact=True).fill("31/02/2020")
    page.get_by_role("button", name="Thêm văn bản").click()
    page.locator(".field-error").first.wait_for()
    found["loi"] = _axe(page)
    page.screenshot(path=str(tmp_path / "loi.png"), full_page=True)
    keep_screenshot(tmp_path / "loi.png", "loi.png")
    page.goto(site + "/draft")
    page.get_by_label("Tệp báo cáo").set_input_files(str(REPORT))
    page.get_by_role("button", name="Đọc báo cáo").click()
    page.locator("tr", has_text="452/KH-UBND").first.wait_for()
    found["xem-nhap"] = _axe(page)
    page.screenshot(path=str(tmp_path / "xem-nhap.png"))
    keep_screenshot(tmp_path / "xem-nhap.png", "xem-nhap.png")
    assert {k: v for k, v in found.items() if v} == {}
    page.set_content('<html lang="vi"><body><main><input type="text"></main></body></html>')
    assert "label" in [v["id"] for v in _axe(page)]  # the check can fail


def _raw(site: str, method: str, path: str, headers: dict[str, str], body: bytes = b"") -> int:
    host, port = site.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=20)
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    for key, value in {"Host": f"{host}:{port}", **headers}.items():
        conn.putheader(key, value)
    conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    status = conn.getresponse().status
    conn.close()
    return status


def test_the_live_server_refuses_what_it_must(site: str, served: Path) -> None:
    before = snapshot(served.parent)
    form = b"csrf=x&base=-&number=1%2FKH-UBND&date=01%2F01%2F2020"
    post = {"Content-Type": "application/x-www-form-urlencoded"}
    assert _raw(site, "GET", "/u/../../etc/passwd", {}) == 404
    assert _raw(site, "GET", "/static/../../../../etc/passwd", {}) == 404
    assert _raw(site, "GET", "/", {"Host": "evil.example"}) == 400
    assert _raw(site, "POST", DOCS, {**post, "Host": "evil.example"}, form) == 400
    assert _raw(site, "POST", DOCS, {**post, "Origin": "http://evil.example"}, form) == 403
    assert _raw(site, "POST", DOCS, post, form) == 403  # a forged token
    big = {
        "Content-Type": "multipart/form-data; boundary=x",
        "Content-Length": str(21 * 1024 * 1024),
    }
    host, port = site.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=20)
    conn.putrequest("POST", DOCS, skip_host=True)
    conn.putheader("Host", f"{host}:{port}")
    for key, value in big.items():
        conn.putheader(key, value)
    conn.endheaders(b"--x\r\n")
    assert conn.getresponse().status == 413
    conn.close()
    assert snapshot(served.parent) == before


def test_the_file_checks_show_what_each_file_says_and_mark_the_rows(
    browser: Any, tmp_path: Path
) -> None:
    """The officer opens "Đối chiếu tệp": the file that carries another number is named, with
    what it says; back on the documents page each row carries its verdict."""
    with live_server(served_copy(tmp_path, without_plan=False)) as site:
        _check_files(_page(browser), site)


def _check_files(page: Any, site: str) -> None:
    page.goto(site + UNIT)
    page.get_by_role("link", name="Đối chiếu tệp").click()
    page.get_by_role("status").filter(has_text="khớp hoàn toàn").wait_for()
    row = page.locator("tr", has_text="472/KH-UBND")
    assert "số, ký hiệu: khác (tệp ghi: 475/KH-UBND)" in row.inner_text()
    assert page.locator('tr[data-match="yes"]').count() >= 2
    page.get_by_role("link", name="Văn bản", exact=True).click()
    cell = page.locator("tr", has_text="472/KH-UBND").locator("td.cell-check")
    assert "ngày: khác (tệp ghi: 18/12/2019)" in cell.inner_text()
    assert page.locator("tr", has_text="133/KH-UBND").locator("td.cell-check").inner_text() == (
        "khớp"
    )
