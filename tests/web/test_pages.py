"""The pages with the framework's test client (no browser): list, score, explain, download."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markupsafe import escape

from cchc_index.load.unit import open_unit
from cchc_index.report.formats import FORMATS
from cchc_index.report.reasons import product_title, reason_text
from cchc_index.scoring.evaluate import evaluate
from cchc_index.scoring.review import review_unit
from cchc_index.text import format_number
from tests.web.helpers import BUNDLE, RULES, client, served_copy, status_of


@pytest.fixture
def served(tmp_path: Path) -> Path:
    return served_copy(tmp_path, without_plan=False)


def test_the_list_shows_each_unit_with_its_total_index_and_band(served: Path) -> None:
    page = client(served).get("/")
    assert page.status_code == 200
    assert '<html lang="vi">' in page.text
    assert "UBND xã Quảng An" in page.text
    source, bundle = open_unit(served / BUNDLE, None, RULES)
    result = evaluate(source.framework, bundle)
    assert result.band and result.band in page.text
    assert "28,57%" in page.text  # the index in the Vietnamese form
    assert "2 / 7" in page.text


def test_the_unit_page_has_every_sub_criterion_with_status_and_reason(served: Path) -> None:
    page = client(served).get(f"/u/{BUNDLE}/").text
    source, bundle = open_unit(served / BUNDLE, None, RULES)
    result = evaluate(source.framework, bundle)
    for leaf in result.leaves:
        assert status_of(page, leaf.id) == leaf.status.value
        assert str(escape(reason_text(leaf))) in page
    # the missing products in the order of the engine's ranking
    at = page.index('id="missing"')
    for m in result.missing:  # each row after the one before it
        at = page.index(f'<th scope="row">{escape(product_title(m))}</th>', at + 1)
    assert 'aria-live="polite"' in page


def test_english_on_request(served: Path) -> None:
    web = client(served)
    web.get("/lang?to=en&next=/u/quang-an-2020/")
    page = web.get(f"/u/{BUNDLE}/").text
    assert '<html lang="en">' in page
    assert "evidence missing" in page and "Self-assessed total" in page


def test_explain_any_sub_criterion(served: Path) -> None:
    web = client(served)
    page = web.get(f"/u/{BUNDLE}/explain/1.4.2")
    assert page.status_code == 200
    assert "1.4.2" in page.text and "Số tin, bài tuyên truyền CCHC" in page.text
    assert "tin_cchc" not in page.text  # figures by their titles, never by their ids
    assert web.get(f"/u/{BUNDLE}/explain/9.9.9").status_code == 404


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_registered_format_downloads(served: Path, fmt: str) -> None:
    web = client(served)
    page = web.get(f"/u/{BUNDLE}/").text
    assert f"/u/{BUNDLE}/download/{fmt}" in page
    answer = web.get(f"/u/{BUNDLE}/download/{fmt}")
    assert answer.status_code == 200
    assert "attachment" in answer.headers["content-disposition"]
    assert len(answer.content) > 100


def test_json_download_is_the_result(served: Path) -> None:
    data = json.loads(client(served).get(f"/u/{BUNDLE}/download/json").content)
    assert data["unit"] == "UBND xã Quảng An" and data["total"] == "2.00"


def test_a_bundle_with_problems_shows_them_located(served: Path) -> None:
    table = served / BUNDLE / "documents.csv"
    table.write_text(table.read_text(encoding="utf-8") + "9/KH-UBND,31/02/2020,,,x,,,,\n", "utf-8")
    page = client(served).get(f"/u/{BUNDLE}/")
    assert page.status_code == 422
    assert "documents.csv:" in page.text and "31/02/2020" in page.text
    listing = client(served).get(f"/u/{BUNDLE}/r/documents").text
    assert "<code>documents.csv:21:2</code> ngày không tồn tại" in listing  # the row added


def test_unknown_pages_are_404(served: Path) -> None:
    web = client(served)
    for url in (
        "/u/nope/",
        f"/u/{BUNDLE}/r/nope",
        f"/u/{BUNDLE}/download/exe",
        f"/u/{BUNDLE}/r/documents/99/edit",
    ):
        assert web.get(url).status_code == 404, url


def test_the_range_of_the_total_while_items_await_confirmation(served: Path) -> None:
    photos = served / BUNDLE / "photos.csv"
    row = ",Hình ảnh niêm yết danh mục TTHC tại Bộ phận TN&TKQ,,,3.2.2,\n"
    photos.write_text(photos.read_text("utf-8") + row, "utf-8")
    page = client(served).get(f"/u/{BUNDLE}/").text
    assert status_of(page, "3.2.2") == "chờ xác nhận"
    found = review_unit(served / BUNDLE, None, RULES).layered.range  # what `score` prints
    assert found is not None and found.low.total < found.high.total
    shown = f"{format_number(found.low.total)} – {format_number(found.high.total)}"
    assert f"tổng điểm sẽ nằm trong khoảng {shown}" in page
    assert shown in client(served).get("/").text


def test_each_missing_product_links_to_the_form_that_supplies_it(tmp_path: Path) -> None:
    served = served_copy(tmp_path)  # without the plans: 1.1.1 is missing
    page = client(served).get(f"/u/{BUNDLE}/").text
    assert f"/u/{BUNDLE}/r/documents?for=1.1.1&amp;kind=KH#add" in page
    assert "31/12/2019" in page  # the plan's deadline, "31/12 năm trước" for 2020
    assert "đã quá hạn" in page  # 31/12/2019 is long past: on time is no longer possible
    assert f"/u/{BUNDLE}/r/photos?for=3.2.2#add" in page
    assert f"/u/{BUNDLE}/r/statistics?name=" in page
    form = client(served).get(f"/u/{BUNDLE}/r/documents?for=1.1.1&kind=KH").text
    assert 'name="for" type="text" value="1.1.1"' in form


def test_serving_one_bundle_folder_itself(served: Path) -> None:
    web = client(served / BUNDLE)
    assert "UBND xã Quảng An" in web.get("/").text
    assert web.get(f"/u/{BUNDLE}/").status_code == 200
    assert web.get("/u/evidence/").status_code == 404


def test_messages_in_english_after_the_switch(tmp_path: Path) -> None:
    web = client(served_copy(tmp_path))
    web.get("/lang?to=en&next=/")
    page = web.get(f"/u/{BUNDLE}/r/documents").text
    token = re.findall(r'name="csrf" value="([^"]+)"', page)[0]
    base = re.findall(r'name="base" value="([^"]+)"', page)[0]
    form = {"csrf": token, "base": base, "number": "452/KH-UBND", "date": "31/02/2020"}
    answer = web.post(f"/u/{BUNDLE}/r/documents", data=form)
    assert answer.status_code == 422
    assert "Not saved" in answer.text and "Number" in answer.text


def test_an_appraised_unit_shows_every_layer_as_score_does(tmp_path: Path) -> None:
    served = served_copy(tmp_path, without_plan=False, appraised=True)
    web = client(served)
    page = web.get(f"/u/{BUNDLE}/").text
    layers = review_unit(served / BUNDLE, None, RULES).layered
    assert layers.appraised
    final = format_number(layers.final.total)
    assert f'data-final="{layers.final.total}">{final}</strong>' in page
    for label in ("Thẩm định lần 1", "Thẩm định lần 2"):
        assert f'<th scope="col" class="num">{label}</th>' in page
    assert '<th scope="col">Cuối cùng</th>' in page
    assert "Chưa cung cấp file Kế hoạch có chữ ký số" in page  # round 1's reason on 1.1.1
    assert "Giải trình (20/12/2020)" in page
    assert "sau thẩm định: " + final in web.get("/").text
    # the text downloads are the layers side by side, as `score -o` writes them
    table = web.get(f"/u/{BUNDLE}/download/markdown").text
    assert "Thẩm định lần 2" in table


def test_a_broken_appraisal_is_reported_and_the_self_score_still_shown(tmp_path: Path) -> None:
    served = served_copy(tmp_path, without_plan=False, appraised=True)
    appraisal = served / BUNDLE / "appraisal.yaml"
    appraisal.write_text(
        appraisal.read_text("utf-8").replace("points: 0,25", "points: 9", 1), "utf-8"
    )
    page = client(served).get(f"/u/{BUNDLE}/")
    assert page.status_code == 200
    assert "<code>appraisal.yaml:" in page.text
    assert status_of(page.text, "1.1.1") == "đạt"
