"""The "Đối chiếu tệp" page (`verify` in the local page and the province server) and each
documents or photos row's verdict on its records page, with the framework's test client."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cchc_index.verify.run import verify_bundle
from tests.web.helpers import BUNDLE, client, served_copy, snapshot

VERIFY = f"/u/{BUNDLE}/verify"
DOCS = f"/u/{BUNDLE}/r/documents"


@pytest.fixture
def served(tmp_path: Path) -> Path:
    return served_copy(tmp_path, without_plan=False)


def _row(page: str, file: str) -> str:
    found = re.search(rf'<tr data-file="{re.escape(file)}".*?</tr>', page, re.S)
    assert found, f"{file} not on the page"
    return found.group(0)


def _cell(page: str, number: str) -> str:
    found = re.search(
        rf"<tr>\s*<td class=\"cell-number\">{re.escape(number)}</td>.*?</tr>", page, re.S
    )
    assert found, f"{number} not on the page"
    cell = re.search(r'<td class="cell-check">(.*?)</td>', found.group(0), re.S)
    assert cell is not None
    return cell.group(1)


def test_the_page_shows_every_file_row_as_verify_reads_it(served: Path) -> None:
    before = snapshot(served / BUNDLE)
    page = client(served).get(VERIFY)
    assert page.status_code == 200
    report = verify_bundle(served / BUNDLE)
    for row in report.rows:  # every row the command checks, each field with its verdict
        shown = _row(page.text, row.file or "")
        for f in row.fields:
            assert f'data-field="{f.field}" data-verdict="{f.verdict.value}"' in shown
    differs = _row(page.text, "tep/472-KH-UBND.pdf")
    assert "số, ký hiệu: khác (tệp ghi: 475/KH-UBND)" in differs
    assert 'data-match="no"' in differs
    assert 'data-match="yes"' in _row(page.text, "tep/452-KH-UBND-ky-so.pdf")
    assert "chữ ký nguyên vẹn" in _row(page.text, "tep/452-KH-UBND-ky-so.pdf")
    assert "OCR" in _row(page.text, "tep/133-KH-UBND-ban-quet.jpg")
    matched = sum(r.all_match for r in report.rows)
    assert f"Đã đối chiếu {len(report.rows)} tệp; {matched} khớp hoàn toàn." in page.text
    assert 'aria-current="page">Đối chiếu tệp</a>' in page.text
    assert snapshot(served / BUNDLE) == before  # nothing written


def test_in_english_on_request(served: Path) -> None:
    page = client(served).get(VERIFY + "?lang=en").text
    assert "number: differs (file says: 475/KH-UBND)" in _row(page, "tep/472-KH-UBND.pdf")
    assert "khác" not in _row(page, "tep/472-KH-UBND.pdf")


def test_the_documents_page_shows_each_rows_verdict_once_checked_and_never_a_stale_one(
    served: Path,
) -> None:
    site = client(served)
    first = site.get(DOCS).text  # not checked yet: a link to the check, no verdict
    assert f'<a href="{VERIFY}">Đối chiếu' in _cell(first, "472/KH-UBND")
    site.get(VERIFY)
    checked = site.get(DOCS).text
    assert "ngày: khác (tệp ghi: 18/12/2019)" in _cell(checked, "472/KH-UBND")
    assert "khớp" in _cell(checked, "133/KH-UBND") and "khác" not in _cell(checked, "133/KH-UBND")
    assert "không có tệp" in _cell(checked, "482/KH-UBND")  # a row with no file
    # the file replaced: the kept check no longer holds, the page asks for a new one
    pdf = served / BUNDLE / "tep" / "472-KH-UBND.pdf"
    pdf.write_bytes((served / BUNDLE / "tep" / "474-BC-UBND-photocopy.pdf").read_bytes())
    assert f'<a href="{VERIFY}">Đối chiếu' in _cell(site.get(DOCS).text, "472/KH-UBND")


def test_a_bundle_that_does_not_load_shows_its_problems(served: Path) -> None:
    (served / BUNDLE / "profile.yaml").write_text("name: [\n", encoding="utf-8")
    page = client(served).get(VERIFY)
    assert page.status_code == 422
    assert "profile.yaml" in page.text and 'class="errors"' in page.text


def test_the_unit_page_warns_of_files_that_differ_once_checked(served: Path) -> None:
    site = client(served)
    assert 'id="files-differ"' not in site.get(f"/u/{BUNDLE}/").text  # nothing read yet
    site.get(VERIFY)
    page = site.get(f"/u/{BUNDLE}/").text
    warning = page[page.index('id="files-differ"') :]
    warning = warning[: warning.index("</div>")]
    assert "1 tệp ghi khác dòng khai" in warning and "tep/472-KH-UBND.pdf" in warning
    assert f'<a href="{VERIFY}">' in warning
    # the row put right (the file it names is 475/KH-UBND's): the warning goes
    table = served / BUNDLE / "documents.csv"
    table.write_text(
        table.read_text(encoding="utf-8").replace("tep/472-KH-UBND.pdf", ""), encoding="utf-8"
    )
    site.get(VERIFY)
    assert 'id="files-differ"' not in site.get(f"/u/{BUNDLE}/").text


def test_without_tesseract_the_page_says_what_to_install(
    served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    real = shutil.which
    monkeypatch.setattr(
        shutil, "which", lambda name, *a, **k: None if name == "tesseract" else real(name, *a, **k)
    )
    page = client(served).get(VERIFY)
    assert page.status_code == 503
    assert "apt-get install" in page.text and "tesseract-ocr-vie" in page.text
