"""The documents as a person sees them: LibreOffice and Chromium render them to PDF and PNG.

Slow (seconds each): `pytest -m slow`. Checks page size and orientation, embedded fonts (and
no fallback font: every Vietnamese letter is in the Times-compatible face), page counts, the
table's rows in reading order, formulas LibreOffice recalculates, and HTML overflow at A4 width.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from rendering import chromium, fonts, office_convert, office_pdf, pages, png, text

from cchc_index.cli.main import cli

from conftest import ROOT

pytestmark = pytest.mark.slow
BUNDLE = ROOT / "evidence" / "quang-an-2020"
ROW_IDS = [
    "1", "1.1", "1.1.1", "1.1.2", "1.4", "1.4.2",
    "3", "3.2", "3.2.2", "3.2.3", "3.2.4", "3.3", "3.3.1", "3.4", "3.4.2",
    "3.5", "3.5.2", "3.5.4", "3.5.5", "3.5.6", "7", "7.1", "7.1.1", "7.2",
]  # fmt: skip
ID_AT_LINE_START = re.compile(r"^\s{0,12}(\d+(?:\.\d+)*)\s", re.M)


def score_to(tmp_path: Path, name: str, *extra: str) -> Path:
    target = tmp_path / name
    out = CliRunner().invoke(cli, [*extra, "score", str(BUNDLE), "-o", str(target)])
    assert out.exit_code == 0, out.output
    return target


def row_ids(layout: str) -> list[str]:
    """The node ids starting lines of the laid-out text, first occurrences, in order."""
    seen: list[str] = []
    for found in ID_AT_LINE_START.findall(layout):
        if found in ROW_IDS and found not in seen:
            seen.append(found)
    return seen


def assert_fonts_embedded_times(pdf: Path) -> None:
    found = fonts(pdf)
    assert found and all(embedded for _, embedded in found), found
    names = {name for name, _ in found}
    assert all(re.match(r"(LiberationSerif|TimesNewRoman)", n) for n in names), names


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.usefixtures("in_root")
def test_docx_renders_as_portrait_report_and_landscape_appendix(tmp_path: Path) -> None:
    pdf = office_pdf(score_to(tmp_path, "bao-cao.docx"), tmp_path)
    found = pages(pdf)
    assert 3 <= len(found) <= 8, found
    assert all(p.is_a4 for p in found)
    assert not found[0].landscape and found[-1].landscape
    assert_fonts_embedded_times(pdf)
    layout = text(pdf)
    report, _, appendix = layout.partition("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM")
    assert (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in report and "Độc lập - Tự do - Hạnh phúc" in report
    )
    # the appraised sample: every layer's total, the final one after appraisal (1,75, 25 %)
    assert "Tổng điểm — tự chấm: 2 / 7 (chỉ số 28,57%) — Yếu" in report
    assert "TỔNG ĐIỂM CUỐI CÙNG (sau thẩm định): 1,75 / 7 (chỉ số 25,00%) — Yếu" in report
    assert "ỦY BAN NHÂN DÂN" in report and "UBND HUYỆN QUẢNG ĐIỀN" in report
    assert "Số: …/BC-UBND" in report and "TM. ỦY BAN NHÂN DÂN" in report
    assert "Thực hiện Công văn số 1301/UBND ngày 07/09/2020" in report
    assert row_ids(appendix) == ROW_IDS
    assert appendix.index("7.2") < appendix.index("TỔNG CỘNG")
    assert re.search(r"Tài liệu kiểm\s", appendix) and "452/KH-UBND, ngày 04/12/2019" in appendix
    png(pdf, 1, tmp_path / "docx-1.png")


@pytest.mark.usefixtures("in_root")
def test_xlsx_renders_landscape_and_its_formulas_follow_the_reviewer(tmp_path: Path) -> None:
    workbook = score_to(tmp_path, "lam-viec.xlsx")
    pdf = office_pdf(workbook, tmp_path)
    found = pages(pdf)
    assert 2 <= len(found) <= 8 and all(p.is_a4 and p.landscape for p in found), found
    assert_fonts_embedded_times(pdf)
    layout = text(pdf)
    main = layout.split("STT")[1]
    assert row_ids(main) == ROW_IDS
    png(pdf, 1, tmp_path / "xlsx-1.png")
    # a reviewer lowers 1.1.1 to 0.25 in round 1 and raises it to 0.5 in round 2
    wb = load_workbook(workbook)
    ws = wb["Bảng tự đánh giá"]
    row = next(c.row for c in ws["A"] if c.value == "1.1.1")
    ws.cell(row, 9, 0.25)
    ws.cell(row, 12, 0.5)
    wb.save(workbook)
    again = office_convert(workbook, tmp_path / "recalculated", "xlsx")
    summary = load_workbook(again, data_only=True)["Tổng hợp"]
    area_1 = next(r for r in summary.iter_rows(values_only=True) if r[0] == "1")
    assert area_1[3:7] == (0.75, 60, 0.5, 0.75)  # self, index, round 1, round 2


@pytest.mark.usefixtures("in_root")
def test_html_prints_to_a4_pages_and_fits_the_page_width(tmp_path: Path) -> None:
    page = score_to(tmp_path, "bao-cao.html")
    pdf = tmp_path / "bao-cao.pdf"
    chromium(
        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(), profile=tmp_path / "p1"
    )
    found = pages(pdf)
    # the report, the layers and the history of the cycle (an appraised, submitted unit)
    assert 3 <= len(found) <= 16 and all(p.is_a4 and p.landscape for p in found), found
    assert_fonts_embedded_times(pdf)
    layout = text(pdf)
    assert "Xếp loại (dự kiến)" in layout and "Yếu" in layout
    assert re.search(r"TỔNG ĐIỂM CUỐI CÙNG\s+\(sau thẩm định\)", layout) and "1,75 / 7" in layout
    assert row_ids(layout.split("Bảng tự đánh giá, chấm điểm")[1]) == ROW_IDS
    png(pdf, 1, tmp_path / "html-1.png")
    # at A4 width on screen (794 CSS px), nothing reaches past the right edge
    probe = tmp_path / "probe.html"
    script = (
        "<script>addEventListener('load',()=>{const w=document.documentElement.clientWidth;"
        "const out=[...document.querySelectorAll('body *')]"
        ".filter(e=>e.getBoundingClientRect().right>w+0.5).map(e=>e.tagName);"
        "document.body.dataset.overflow=(document.documentElement.scrollWidth-w)+':'+out.join(',');});"
        "</script></body>"
    )
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", script), encoding="utf-8")
    dom = chromium(
        "--window-size=794,1123",
        "--virtual-time-budget=3000",
        "--dump-dom",
        probe.as_uri(),
        profile=tmp_path / "p2",
    )
    assert 'data-overflow="0:"' in dom, re.findall(r'data-overflow="[^"]*"', dom)
    shot = tmp_path / "screen.png"
    chromium(
        "--window-size=794,1123", f"--screenshot={shot}", page.as_uri(), profile=tmp_path / "p3"
    )
    assert shot.stat().st_size > 10_000
