"""The filed documents: every format carries the same numbers; the workbook is the format the
import reads; DOCX, HTML and CSV hold their layout promises (fast checks, no office suite)."""

from __future__ import annotations

import io
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from document_readers import (
    chart_bars,
    from_csv,
    from_docx,
    from_html,
    from_json,
    from_xlsx,
    vn_number,
)
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from openpyxl import load_workbook

from cchc_index.cli.main import cli
from cchc_index.errors import EnvironmentProblem
from cchc_index.load.unit import open_unit
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import Framework
from cchc_index.output import write_atomic
from cchc_index.report.docx_report import render_docx
from cchc_index.report.filing import AppraisalMarks, Filing, build_filing
from cchc_index.report.formats import FORMATS
from cchc_index.report.html_page import render_html
from cchc_index.report.xlsx_workbook import render_xlsx
from cchc_index.scoring.evaluate import evaluate

from conftest import ROOT
from strategies import bundles, frameworks

BUNDLE = ROOT / "evidence" / "quang-an-2020"
WHEN = datetime(2026, 11, 27, 10, 0)
MAIN_HEADERS = [
    "STT",
    "Cấp",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Điểm tối đa",
    "Điểm tự đánh giá",
    "Trạng thái",
    "Tài liệu kiểm chứng",
    "Giải trình",
    "Điểm thẩm định lần 1",
    "Ý kiến thẩm định lần 1",
    "Giải trình bổ sung",
    "Điểm thẩm định lần 2",
    "Ý kiến thẩm định lần 2",
    "Ghi chú",
    "Yêu cầu, cách chấm điểm",
    "Cơ quan báo cáo",
    "Lý do chấm (cchc-index)",
    "Căn cứ (quyết định, dòng)",
]


def sample_filing(**appraisal: AppraisalMarks) -> Filing:
    source, unit = open_unit(BUNDLE, None, ROOT / "rules")
    result = evaluate(source.framework, unit)
    return build_filing(result, source.framework, unit, "ab" * 32, WHEN, appraisal)


def test_every_format_of_score_carries_the_same_numbers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    for suffix in ("json", "csv", "xlsx", "docx", "html"):
        out = CliRunner().invoke(cli, ["score", str(BUNDLE), "-o", str(tmp_path / f"r.{suffix}")])
        assert out.exit_code == 0, out.output
    truth = from_json((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert truth["total"] == 2 and len(truth) == 16
    assert from_csv((tmp_path / "r.csv").read_bytes()) == truth
    assert from_xlsx((tmp_path / "r.xlsx").read_bytes()) == truth
    assert from_docx((tmp_path / "r.docx").read_bytes()) == truth
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert from_html(html) == truth
    assert chart_bars(html) == {"1": Decimal("60.00"), "3": Decimal("20.00"), "7": Decimal("33.33")}


@settings(max_examples=8)
@given(frameworks(), bundles())
def test_random_units_print_the_same_numbers_in_every_document(
    framework: Framework, unit: Bundle
) -> None:
    result = evaluate(framework, unit, "reference")
    filing = build_filing(result, framework, unit, "0" * 64, WHEN)
    truth = from_json(FORMATS["json"].render(filing))  # type: ignore[arg-type]
    assert from_csv(FORMATS["csv"].render(filing)) == truth  # type: ignore[arg-type]
    assert from_xlsx(render_xlsx(filing)) == truth
    assert from_docx(render_docx(filing)) == truth
    html = render_html(filing)
    assert from_html(html) == truth
    assert chart_bars(html) == {
        a.id: a.index_percent for a in result.areas if a.index_percent is not None
    }
    assert chart_bars(html, "criterion") == {
        c.id: c.index_percent for c in result.criteria if c.index_percent is not None
    }


def test_the_workbook_is_the_format_the_import_reads() -> None:
    wb = load_workbook(io.BytesIO(render_xlsx(sample_filing())))
    assert wb.sheetnames == [
        "Bảng tự đánh giá",
        "Tổng hợp",
        "Minh chứng còn thiếu",
        "Văn bản",
        "_meta",
    ]
    ws = wb["Bảng tự đánh giá"]
    assert [c.value for c in ws[1]][:18] == MAIN_HEADERS
    meta = wb["_meta"]
    assert meta.sheet_state == "hidden"
    values = {row[0]: row[1] for row in meta.iter_rows(values_only=True)}
    assert values["format_version"] == 1
    assert values["framework"] == "hue-xa-2020" and values["unit"] == "UBND xã Quảng An"
    assert values["year"] == 2020 and values["bundle_sha256"] == "ab" * 32
    assert values["written_at"] == "2026-11-27T10:00:00"
    assert set(values) >= {"decision", "engine_version"}
    by_id = {str(r[0].value): r for r in ws.iter_rows(min_row=2)}
    assert by_id["1.1.1"][3].value == 0.5 and by_id["1.1.1"][4].value == 0.5  # numbers
    assert by_id["1.1.1"][0].data_type == "s"  # the id stays text: "1.1" is not 1.1
    assert by_id["1.1.1"][3].number_format == "0.00"
    assert by_id["3.2.2"][7].value.startswith("Xã niêm yết")  # the bundle's explanation
    levels = {k: ws.row_dimensions[r[0].row].outline_level for k, r in by_id.items()}
    assert (levels["1"], levels["1.1"], levels["1.1.1"]) == (0, 1, 2)
    assert ws.freeze_panes == "C2"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$1:$1"
    assert ws.column_dimensions["O"].hidden and ws.column_dimensions["O"].outline_level == 1


def test_only_the_editable_columns_are_unlocked_and_scores_are_validated() -> None:
    ws = load_workbook(io.BytesIO(render_xlsx(sample_filing())))["Bảng tự đánh giá"]
    assert ws.protection.sheet and not ws.protection.password
    for row in ws.iter_rows(min_row=2):
        unlocked = {c.column_letter for c in row if not c.protection.locked}
        if row[5].value:  # a scored row: the unit's and the appraiser's columns
            assert unlocked - {"E"} == set("GHIJKLMN"), row[0].value
            assert ("E" in unlocked) == (row[5].value == "chờ xác nhận")
        else:  # areas and criteria are sums
            assert unlocked == set(), row[0].value
    (check,) = ws.data_validations.dataValidation
    assert check.type == "decimal" and check.operator == "between"
    assert (check.formula1, check.formula2) == ("0", "$D2")
    last = ws.max_row
    assert str(check.sqref) == f"E2:E{last} I2:I{last} L2:L{last}"
    assert "điểm tối đa" in check.error


def test_a_reviewer_edits_column_i_and_the_values_read_back_by_header(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(render_xlsx(sample_filing()))
    wb = load_workbook(path)
    ws = wb["Bảng tự đánh giá"]
    col = {c.value: c.column for c in ws[1]}
    rows = {ws.cell(r, col["STT"]).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows["1.1.1"], col["Điểm thẩm định lần 1"], 0.25)
    ws.cell(rows["1.1.1"], col["Ý kiến thẩm định lần 1"], "Kế hoạch ban hành trễ 5 ngày")
    ws.cell(rows["7.2"], col["Điểm thẩm định lần 1"], 0)
    ws.cell(rows["7.2"], col["Ý kiến thẩm định lần 1"], "Chưa có văn bản xác nhận")
    wb.save(path)
    again = load_workbook(path)["Bảng tự đánh giá"]
    edited = {
        again.cell(r, col["STT"]).value: (
            again.cell(r, col["Điểm thẩm định lần 1"]).value,
            again.cell(r, col["Ý kiến thẩm định lần 1"]).value,
        )
        for r in range(2, again.max_row + 1)
        if again.cell(r, col["Điểm thẩm định lần 1"]).value is not None
    }
    assert edited == {
        "1.1.1": (0.25, "Kế hoạch ban hành trễ 5 ngày"),
        "7.2": (0, "Chưa có văn bản xác nhận"),
    }


def test_appraisal_rounds_show_in_the_workbook_and_the_appendix() -> None:
    marks = AppraisalMarks(Decimal("0.25"), "trễ hạn", "đã giải trình", Decimal("0.5"), "chấp nhận")
    filing = sample_filing(**{"1.1.1": marks})
    ws = load_workbook(io.BytesIO(render_xlsx(filing)))["Bảng tự đánh giá"]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "1.1.1")
    assert row[8:13] == (0.25, "trễ hạn", "đã giải trình", 0.5, "chấp nhận")
    table = Document(io.BytesIO(render_docx(filing))).tables[-1]
    cells = next(r.cells for r in table.rows if r.cells[0].text == "1.1.1")
    assert cells[6].text == "0,5"  # the latest round


def test_the_docx_is_a_portrait_report_then_a_landscape_appendix() -> None:
    doc = Document(io.BytesIO(render_docx(sample_filing())))
    report, appendix = doc.sections
    assert report.page_width < report.page_height and appendix.page_width > appendix.page_height
    assert round(report.page_width.mm) == 210 and round(report.page_height.mm) == 297
    assert round(report.left_margin.mm) == 30 and round(report.right_margin.mm) == 15
    assert report.different_first_page_header_footer  # NĐ 30: no number on page 1
    assert 'w:instr="PAGE"' in report.header._element.xml
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO" in text and "Quảng An, ngày … tháng … năm …" in doc.tables[0]._tbl.xml
    assert "Xếp loại (dự kiến)" in text and "III. KHÓ KHĂN" in text
    table = doc.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "STT",
        "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
        "Điểm tối đa",
        "Điểm tự đánh giá",
        "Tài liệu kiểm chứng",
        "Giải trình",
        "Điểm thẩm định",
        "Ghi chú",
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    widths = [c.width.mm for c in table.rows[3].cells]
    assert round(sum(widths)) == 252
    assert [round(w) for w in widths] == [14, 70, 16, 18, 62, 42, 16, 14]
    assert [r.cells[1].text for r in table.rows[-6:]] == [
        "Điểm thưởng",
        "Điểm trừ",
        "TỔNG CỘNG",
        "Điểm tối đa áp dụng",
        "Chỉ số (%)",
        "Xếp loại (dự kiến)",
    ]
    explained = doc.tables[2]  # II. Giải trình: every item without complete evidence
    ids = [r.cells[0].text for r in explained.rows[1:]]
    assert ids == [
        "1.1.2",
        "3.2.2",
        "3.2.3",
        "3.2.4",
        "3.3.1",
        "3.4.2",
        "3.5.2",
        "3.5.5",
        "3.5.6",
        "7.1.1",
    ]
    assert doc.styles["Normal"].font.name == "Times New Roman"


def test_the_html_is_self_contained_and_in_the_chosen_language(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    target = tmp_path / "r.html"
    out = CliRunner().invoke(cli, ["--lang", "en", "score", str(BUNDLE), "-o", str(target)])
    assert out.exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Self-assessment table" in html
    assert not re.search(r"<script|<link|\ssrc=|\shref=|@import|url\(", html)
    assert "@page" in html and "size: A4" in html


def test_csv_file_has_a_bom_and_the_totals_rows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    target = tmp_path / "r.csv"
    assert CliRunner().invoke(cli, ["score", str(BUNDLE), "-o", str(target)]).exit_code == 0
    data = target.read_bytes()
    assert data[:3] == b"\xef\xbb\xbf"
    assert "Hiện đại hóa hành chính".encode() in data  # UTF-8, not a code page
    ids = [line.split(",")[0] for line in data.decode("utf-8-sig").splitlines()]
    assert ids[-5:] == ["bonus", "deduction", "total", "index_percent", "band"]
    stdout = CliRunner().invoke(cli, ["score", str(BUNDLE), "--format", "csv"]).output
    assert not stdout.startswith("\ufeff")  # a pipe gets no byte-order mark


def test_unknown_suffix_is_refused_with_the_known_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    out = CliRunner().invoke(cli, ["score", str(BUNDLE), "-o", str(tmp_path / "r.rtf")])
    assert out.exit_code == 2
    for suffix in (".docx", ".xlsx", ".html", ".md", ".json", ".csv"):
        assert suffix in out.output
    assert not list(tmp_path.iterdir())
    # --format does not make a .rtf of JSON either: a file never lies about what it holds
    forced = CliRunner().invoke(
        cli, ["score", str(BUNDLE), "--format", "json", "-o", str(tmp_path / "r.rtf")]
    )
    assert forced.exit_code == 2 and not list(tmp_path.iterdir())
    binary = CliRunner().invoke(cli, ["score", str(BUNDLE), "--format", "xlsx"])
    assert binary.exit_code == 2 and "-o" in binary.output


def test_binary_output_is_written_atomically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.xlsx"
    write_atomic(target, b"PK\x03\x04first")

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(EnvironmentProblem):  # the machine refused: exit 6, not a bug of ours
        write_atomic(target, b"PK\x03\x04second")
    assert target.read_bytes() == b"PK\x03\x04first"
    assert [p.name for p in tmp_path.iterdir()] == ["x.xlsx"]


def every_kind_of_row() -> Filing:
    """A unit of the all-methods framework with a bonus, a deduction, both kinds of not
    applicable, a survey item, a criterion scored directly and a qualitative item pending."""
    from cchc_index.load.rules import load_framework
    from cchc_index.model.bundle import (
        Declarations,
        Document,
        NotApplicableClaim,
        Profile,
        Qualitative,
        Statistic,
    )

    framework = load_framework(ROOT / "tests" / "frameworks" / "all-methods").framework
    unit = Bundle(
        profile=Profile(name="UBND xã Thử", level="xã", province="Tỉnh Thử", year=2024),
        documents=(
            Document.model_validate(
                {
                    "number": "12/QĐ-UBND",
                    "date": "2024-03-01",
                    "issuer": "UBND tỉnh",
                    "subject": "Công nhận sáng kiến CCHC",
                }
            ),
            Document.model_validate(
                {
                    "number": "5/KH-UBND",
                    "date": "2023-12-20",
                    "subject": "Kế hoạch cải cách hành chính năm 2024",
                }
            ),
        ),
        statistics={
            "so_tthc": Statistic(value=Decimal(0)),
            "vi_pham": Statistic(value=Decimal(2)),
            "diem_cqdt": Statistic(value=Decimal(40)),
            "so_loi_cqdt": Statistic(value=Decimal(1)),
        },
        declarations=Declarations(
            qualitative=(Qualitative(node="1.1.3", result="đạt", explanation="Đã triển khai đủ"),),
            not_applicable=(NotApplicableClaim(node="2.2.2", reason="Chưa có Trang TTĐT"),),
        ),
    )
    return build_filing(evaluate(framework, unit), framework, unit, "cd" * 32, WHEN)


def test_every_kind_of_row_keeps_its_numbers_and_its_words() -> None:
    filing = every_kind_of_row()
    result = filing.result
    truth = from_json(FORMATS["json"].render(filing))  # type: ignore[arg-type]
    assert truth["2.2.2"] is None and truth["3.1.1"] is None and truth["2.3.1"] == Decimal("0.5")
    docx, xlsx = render_docx(filing), render_xlsx(filing)
    assert from_xlsx(xlsx) == truth and from_docx(docx) == truth
    assert from_html(render_html(filing)) == truth
    ws = load_workbook(io.BytesIO(xlsx))["Bảng tự đánh giá"]
    level = {r[0]: r[1] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert (level["1.3.3"], level["2.3.1"], level["3.2"]) == ("Điểm thưởng", "Điểm trừ", "Tiêu chí")
    pending = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "1.1.3")
    assert pending[5].value == "chờ xác nhận" and not pending[4].protection.locked
    table = Document(io.BytesIO(docx)).tables[-1]
    shown = {r.cells[0].text: r.cells[3].text for r in table.rows[1:] if r.cells[0].text}
    assert shown["2.2.2"] == "Không áp dụng" and shown["3.1.1"] == "Do tỉnh chấm (ĐTXHH)"
    assert shown["2.3.1"] == "−0,5" and shown["1.1.3"].endswith("(chờ xác nhận)")
    totals = {r.cells[1].text: r.cells[3].text for r in table.rows[-6:]}
    assert totals["Điểm thưởng"] == "0,5" and totals["Điểm trừ"] == "−0,5"
    assert vn_number(totals["TỔNG CỘNG"]) == result.total
    explained = Document(io.BytesIO(docx)).tables[2]
    reasons = {r.cells[0].text: r.cells[2].text for r in explained.rows[1:]}
    assert reasons["2.2.2"] == "Chưa có Trang TTĐT" and reasons["1.1.3"] == "Đã triển khai đủ"
