"""`appraise import WORKBOOK BUNDLE`: the reviewer's columns I–M of the working workbook
(APPRAISAL.md; built here with openpyxl exactly as the spec lays it out) → appraisal.yaml."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from cchc_index.cli.main import cli
from cchc_index.load.rules import load_framework
from cchc_index.service.review import review_unit

from review_helpers import RULES, copy_sample

D = Decimal
HEADER = [
    "STT", "Cấp", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá",
    "Trạng thái", "Tài liệu kiểm chứng", "Giải trình", "Điểm thẩm định lần 1",
    "Ý kiến thẩm định lần 1", "Giải trình bổ sung", "Điểm thẩm định lần 2",
    "Ý kiến thẩm định lần 2", "Ghi chú", "Yêu cầu", "Cơ quan báo cáo", "Lý do chấm", "Căn cứ",
]  # fmt: skip


def _workbook(path: Path, edits: dict[str, dict[str, Any]], **meta: Any) -> dict[str, int]:
    """The working workbook of the sample; `edits` puts values in columns by node id.
    Returns the row of each node."""
    framework = load_framework(RULES / "hue-xa-2020").framework
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "Bảng tự đánh giá"
    sheet.append(HEADER)
    rows: dict[str, int] = {}
    for area in framework.areas:
        sheet.append([area.id, "Lĩnh vực", area.title, float(area.points)])
        for criterion in area.criteria:
            level = "Tiêu chí" if criterion.sub_criteria else "Tiêu chí (chấm trực tiếp)"
            sheet.append([criterion.id, level, criterion.title, float(criterion.points)])
            rows[criterion.id] = sheet.max_row
            for leaf in criterion.sub_criteria:
                sheet.append([leaf.id, "Tiêu chí thành phần", leaf.title, float(leaf.points)])
                rows[leaf.id] = sheet.max_row
    for node, cells in edits.items():
        if node not in rows:
            sheet.append([node])
            rows[node] = sheet.max_row
        for column, value in cells.items():
            sheet[f"{column}{rows[node]}"] = value
    info = wb.create_sheet("_meta")
    values = {
        "format_version": 1,
        "framework": "hue-xa-2020",
        "decision": "1301/UBND",
        "unit": "UBND xã Quảng An",
        "year": 2020,
        "engine_version": "0.1.0",
        "written_at": "2021-01-05T08:00:00",
        "bundle_sha256": "0" * 64,
    } | meta
    for key, value in values.items():
        info.append([key, value])
    info.sheet_state = "hidden"
    wb.save(path)
    return rows


def _import(workbook: Path, bundle: Path, *args: str) -> tuple[int, str]:
    """Import; a workbook built here (fingerprint of zeros) is first given the bundle's
    fingerprint of now, as `score -o` would have written it."""
    from openpyxl import load_workbook

    from cchc_index.load.digest import bundle_sha256

    if workbook.is_file() and workbook.suffix == ".xlsx" and bundle.is_dir():
        try:
            wb = load_workbook(workbook)
        except Exception:
            wb = None
        if wb is not None and "_meta" in wb.sheetnames:
            for row in wb["_meta"].iter_rows():
                if row[0].value == "bundle_sha256" and row[1].value == "0" * 64:
                    row[1].value = bundle_sha256(bundle)
                    wb.save(workbook)
    run = CliRunner().invoke(
        cli, ["appraise", "import", str(workbook), str(bundle), "--rules-dir", str(RULES), *args]
    )
    return run.exit_code, run.output


EDITS = {
    "1.1.1": {"I": 0.25, "J": "Chưa có file ký số", "K": "Đã gửi file ký số", "L": 0.5, "M": "Chấp nhận"},
    "3.6.1": {"I": "0,25", "J": "Ảnh chưa rõ số điện thoại"},
}  # fmt: skip


def test_two_edited_rows_become_the_appraisal_of_the_bundle(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    (bundle / "appraisal.yaml").unlink()
    _workbook(tmp_path / "x.xlsx", EDITS)
    code, output = _import(
        tmp_path / "x.xlsx", bundle, "--reviewer", "Hội đồng huyện", "--date", "15/12/2020"
    )
    assert code == 0, output
    assert "3 mục có điểm thẩm định" in output
    layered = review_unit(bundle, None, RULES).layered
    nodes = {n.id: n for n in layered.nodes}
    assert [(v.layer.value, v.points, v.reason) for v in nodes["1.1.1"].values] == [
        ("self", D("0.5"), None),
        ("round_1", D("0.25"), "Chưa có file ký số"),
        ("round_2", D("0.5"), "Chấp nhận"),
    ]
    assert nodes["1.1.1"].explanations[0].text == "Đã gửi file ký số"
    assert nodes["3.6.1"].final.reason == "Ảnh chưa rõ số điện thoại"
    assert nodes["3.6.1"].final.by == "Hội đồng huyện"
    assert layered.final.total == D("1.75")
    text = (bundle / "appraisal.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Ghi bởi cchc-index appraise import từ x.xlsx")
    assert "date: 15/12/2020" in text and not list(bundle.glob(".appraisal*"))


@pytest.mark.parametrize(
    ("meta", "cell"),
    [({"unit": "UBND xã Quảng Thái"}, "_meta!B4"), ({"year": 2021}, "_meta!B5")],
)
def test_a_workbook_of_another_unit_or_year_is_refused(
    tmp_path: Path, meta: dict[str, Any], cell: str
) -> None:
    bundle = copy_sample(tmp_path)
    before = (bundle / "appraisal.yaml").read_bytes()
    _workbook(tmp_path / "x.xlsx", EDITS, **meta)
    code, output = _import(tmp_path / "x.xlsx", bundle)
    assert code == 4 and f"x.xlsx:{cell}: " in output, output
    assert (bundle / "appraisal.yaml").read_bytes() == before


def test_a_workbook_of_another_framework_is_refused(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    _workbook(tmp_path / "x.xlsx", EDITS, framework="ca-mau-2013")
    code, output = _import(tmp_path / "x.xlsx", bundle)
    assert code == 4 and "_meta!B2" in output and "ca-mau-2013" in output


@pytest.mark.parametrize(
    ("edits", "column", "words"),
    [
        ({"1.1.1": {"I": 0.125, "J": "x"}}, "I", "bước làm tròn"),
        ({"1.1.1": {"I": 0.25}}, "I", "không ghi lý do"),
        ({"3.6.1": {"L": 0.75, "M": "x"}}, "L", "ngoài khoảng"),
        ({"9.9.9": {"I": 0, "J": "x"}}, "A", "không phải mục được chấm"),
        ({"1.1.1": {"J": "chỉ có ý kiến"}}, "I", "thiếu trường bắt buộc 'points'"),
    ],
)
def test_errors_are_located_by_cell_and_nothing_is_written(
    tmp_path: Path, edits: dict[str, dict[str, Any]], column: str, words: str
) -> None:
    bundle = copy_sample(tmp_path)
    before = (bundle / "appraisal.yaml").read_bytes()
    rows = _workbook(tmp_path / "x.xlsx", edits)
    node = next(iter(edits))
    code, output = _import(tmp_path / "x.xlsx", bundle)
    assert code == 4, output
    assert f"x.xlsx:Bảng tự đánh giá!{column}{rows[node]}: " in output and words in output
    assert (bundle / "appraisal.yaml").read_bytes() == before


def test_survey_points_already_entered_are_kept(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    kept = "survey:\n  entered_by: Sở Nội vụ\n  date: 10/01/2021\n  items: []\n"
    (bundle / "appraisal.yaml").write_text(kept, encoding="utf-8")
    _workbook(tmp_path / "x.xlsx", {"3.6.1": EDITS["3.6.1"]})
    code, output = _import(tmp_path / "x.xlsx", bundle)
    assert code == 0, output
    text = (bundle / "appraisal.yaml").read_text(encoding="utf-8")
    assert "entered_by: Sở Nội vụ" in text and "round: 1" in text


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    fake = tmp_path / "x.xlsx"
    fake.write_text("không phải bảng tính", encoding="utf-8")
    code, output = _import(fake, bundle)
    assert code == 4 and "không đọc được bảng tính" in output


def test_a_year_stored_as_a_float_is_the_same_year(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    _workbook(tmp_path / "x.xlsx", {"3.6.1": EDITS["3.6.1"]}, year=2020.0)
    code, output = _import(tmp_path / "x.xlsx", bundle)
    assert code == 0, output


def test_the_real_working_workbook_round_trips(tmp_path: Path) -> None:
    """`score -o x.xlsx` (issue 11's writer), a reviewer edits column I of two rows, import."""
    from openpyxl import load_workbook

    bundle = copy_sample(tmp_path)
    book = tmp_path / "x.xlsx"
    run = CliRunner().invoke(
        cli, ["score", str(bundle), "--rules-dir", str(RULES), "-o", str(book)]
    )
    assert run.exit_code == 0, run.output
    wb = load_workbook(book)
    sheet = wb["Bảng tự đánh giá"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "3.5.4":
            row[8].value, row[9].value = 0.25, "Thư xin lỗi chưa đúng mẫu"
        if row[0].value == "7.2":
            row[8].value, row[9].value = 0, "Không có xác nhận của Bưu điện"
    wb.save(book)
    code, output = _import(book, bundle)
    assert code == 0, output
    layered = review_unit(bundle, None, RULES).layered
    nodes = {n.id: n for n in layered.nodes}
    assert nodes["3.5.4"].final.reason == "Thư xin lỗi chưa đúng mẫu"
    assert nodes["7.2"].final.points == 0
    # what the workbook carried from appraisal.yaml came back unchanged, dates included
    assert [v.points for v in nodes["1.1.1"].values] == [D("0.5"), D("0.25"), D("0.5")]
    assert nodes["1.1.1"].explanations[0].date.isoformat() == "2020-12-20"
    assert nodes["1.1.1"].values[2].date is not None
    assert nodes["1.1.1"].values[2].date.isoformat() == "2020-12-28"
    assert layered.final.total == D("1.25")
