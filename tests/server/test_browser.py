"""The cycle in real Chromium, three browser contexts at once (an officer on a phone, a
reviewer, the Sở), against `server` on 127.0.0.1; axe-core on every server page (slow)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from cchc_index.server.app import create_app
from cchc_index.server.deployment import Deployment
from tests.server.conftest import MINE, PASSWORDS, ROOT, UNITS
from tests.web.live import chromium, serving
from tests.web.test_browser import _axe

pytestmark = [pytest.mark.slow, pytest.mark.browser]
PHONE = {"width": 390, "height": 844}
REPORT = ROOT / "examples" / "bao-cao-385-quang-an-2020.txt"


@contextmanager
def served(root: Path) -> Iterator[str]:
    app = create_app(root)
    try:
        with serving(app) as url:
            yield url
    finally:
        app.app.deployment.engine.dispose()  # type: ignore[attr-defined]


def _open(browser: Any, url: str, role: str, phone: bool = False) -> Any:
    context = browser.new_context(
        viewport=PHONE if phone else {"width": 1280, "height": 900},
        is_mobile=phone,
        has_touch=phone,
        device_scale_factor=2 if phone else 1,
        locale="vi-VN",
        bypass_csp=True,  # axe is added as a script tag
    )
    page = context.new_page()
    page.goto(url + "/login")
    page.get_by_label("Tên đăng nhập").fill(role)
    page.get_by_label("Mật khẩu").fill(PASSWORDS[role])
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    return page


def _no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"{page.url}: {width}px wide at {PHONE['width']}px"


def test_three_browsers_run_the_cycle(sqlite_deployment: Deployment) -> None:
    violations: dict[str, list[dict[str, Any]]] = {}
    until = (dt.date.today() + dt.timedelta(days=7)).strftime("%d/%m/%Y")
    with chromium() as browser, served(sqlite_deployment.root) as url:
        officer = _open(browser, url, "officer", phone=True)
        reviewer = _open(browser, url, "reviewer")
        keeper = _open(browser, url, "keeper")
        violations["dang-nhap"] = []
        # the Sở opens the year
        keeper.goto(url + "/keeper")
        violations["so-bo-chi-so"] = _axe(keeper)
        keeper.get_by_label("Năm đánh giá").select_option("2020")
        keeper.get_by_label("Mở tới ngày (dd/mm/yyyy)").fill(until)
        keeper.get_by_role("button", name="Mở nộp").click()
        # the officer, on a phone: their unit, 7 days left, submits
        officer.goto(url + "/")
        assert officer.url.endswith(f"/u/{MINE}/")
        assert "còn 7 ngày" in officer.content()
        _no_sideways_scroll(officer)
        violations["can-bo-don-vi"] = _axe(officer)
        officer.goto(url + f"/u/{MINE}/r/documents")
        _no_sideways_scroll(officer)
        violations["can-bo-van-ban"] = _axe(officer)
        # the officer fills the unit from its report: proposals with sentences, then keeps
        officer.goto(url + f"/u/{MINE}/draft")
        _no_sideways_scroll(officer)
        violations["dien-tu-bao-cao"] = _axe(officer)
        officer.set_input_files("#report", str(REPORT))
        officer.get_by_role("button", name="Đọc báo cáo").click()
        officer.wait_for_selector('[data-state="differs"]')
        _no_sideways_scroll(officer)
        violations["de-xuat-tu-bao-cao"] = _axe(officer)
        officer.get_by_role("button", name="Lưu các mục đã chọn").click()
        officer.wait_for_selector("text=Đã lưu 1 mục từ báo cáo")
        officer.goto(url + f"/u/{MINE}/")
        officer.get_by_role("button", name="Nộp để thẩm định").click()
        officer.wait_for_selector('[data-stage="submitted"]')
        # the reviewer: every unit, round 1 with a reason
        reviewer.goto(url + "/review")
        assert reviewer.locator("tr[data-unit]").count() == UNITS
        violations["tham-dinh-danh-sach"] = _axe(reviewer)
        reviewer.goto(url + f"/u/{MINE}/appraise")
        violations["phieu-tham-dinh"] = _axe(reviewer)
        reviewer.locator("#points-1\\.4\\.2").fill("0")
        reviewer.locator("#reason-1\\.4\\.2").fill("Thiếu chữ ký")
        reviewer.get_by_role("button", name="Lưu và kết thúc lần 1").click()
        reviewer.wait_for_selector('[data-stage="round1"]')
        # the officer explains
        officer.goto(url + f"/u/{MINE}/explanations")
        _no_sideways_scroll(officer)
        violations["giai-trinh"] = _axe(officer)
        officer.get_by_label("Giải trình cho mục 1.4.2").fill("Đã bổ sung bản có chữ ký")
        officer.get_by_role("button", name="Lưu và gửi hội đồng").click()
        officer.wait_for_selector('[data-stage="explanations"]')
        # round 2
        reviewer.goto(url + f"/u/{MINE}/appraise")
        reviewer.locator("#points-1\\.4\\.2").fill("0,25")
        reviewer.locator("#reason-1\\.4\\.2").fill("Đã giải trình")
        reviewer.get_by_role("button", name="Lưu và kết thúc lần 2").click()
        reviewer.wait_for_selector('[data-stage="round2"]')
        # where the province loses points, on a phone too
        council = _open(browser, url, "reviewer", phone=True)
        council.goto(url + "/items")
        _no_sideways_scroll(council)
        violations["phan-bo-tieu-chi"] = _axe(council)
        council.locator('tr[data-node] td[data-share="zero"] a').first.click()
        council.wait_for_selector("tr[data-unit]")
        _no_sideways_scroll(council)
        violations["phan-bo-mot-muc"] = _axe(council)
        keeper.goto(url + "/items")
        violations["phan-bo-tieu-chi-may-tinh"] = _axe(keeper)
        # the Sở publishes
        keeper.goto(url + "/ranking")
        violations["xep-hang"] = _axe(keeper)
        keeper.get_by_role("button", name="Công bố bảng xếp hạng").click()
        keeper.wait_for_selector("#published")
        assert keeper.locator("#audit-head code.head").count() == 1
        violations["xep-hang-da-cong-bo"] = _axe(keeper)
        admin = _open(browser, url, "admin")
        violations["tai-khoan"] = _axe(admin)
    assert {k: v for k, v in violations.items() if v} == {}
