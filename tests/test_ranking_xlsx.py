"""`batch -o xep-hang.xlsx`: the province summary workbook carries the JSON ranking's numbers as
numeric cells, lists the bundles that failed with their located errors, and is refused without
-o (a binary file never goes to the terminal)."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from cchc_index.cli.main import cli
from cchc_index.errors import ExitCode
from cchc_index.model.ranking import Ranking
from cchc_index.province import runner
from cchc_index.province.runner import run_batch
from cchc_index.report.ranking import RANKING_RENDERERS

from conftest import ROOT

SAMPLE = ROOT / "evidence" / "tinh-mau"
RULES = ROOT / "rules"
HEADERS = [
    "STT",
    "Tên đơn vị",
    "Tổng điểm",
    "Điểm tối đa áp dụng",
    "Chỉ số (%)",
    "Xếp hạng",
    "Xếp loại",
    "Điểm xếp hạng theo",
    "Sản phẩm còn thiếu",
]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Five sample units and one broken bundle, batched once to XLSX with a results store."""
    tmp = tmp_path_factory.mktemp("xlsx")
    province = tmp / "tinh"
    for source in sorted(SAMPLE.glob("xa-*"))[:6]:
        shutil.copytree(source, province / source.name)
    broken = sorted(province.iterdir())[2]
    docs = broken / "documents.csv"
    lines = docs.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("/12/2019", "/13/2019", 1)  # no 13th month
    docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, db = tmp / "xep-hang.xlsx", tmp / "kq.db"
    args = ["batch", str(province), "--rules-dir", str(RULES), "-o", str(out), "--db", str(db)]
    result = CliRunner().invoke(cli, [*args, "-q", "-j", "1"])
    assert result.exit_code == ExitCode.UNITS_FAILED, result.output
    same = CliRunner().invoke(cli, ["results", "ranking", "--db", str(db), "--format", "json"])
    assert same.exit_code == 0, same.output
    return {"xlsx": out, "db": db, "json": json.loads(same.stdout), "broken": broken, "tmp": tmp}


def _records(path: Path, sheet: str = "Tổng hợp đơn vị") -> list[dict[str, Any]]:
    ws = load_workbook(path)[sheet]
    header = [c.value for c in ws[2]]
    return [
        {h: cell for h, cell in zip(header, row, strict=True)}
        for row in ws.iter_rows(min_row=3)
        if row[0].value is not None
    ]


def _number(cell: Any) -> Decimal:
    assert isinstance(cell.value, int | float), (cell.coordinate, cell.value)
    return Decimal(str(cell.value))


def test_the_workbook_has_the_summary_sheet_as_a_reviewer_opens_it(run: dict[str, Any]) -> None:
    wb = load_workbook(run["xlsx"])
    assert wb.sheetnames == ["Tổng hợp đơn vị", "Đơn vị lỗi"]
    ws = wb["Tổng hợp đơn vị"]
    header = [c.value for c in ws[2]]
    assert header[: len(HEADERS)] == HEADERS and header[-1] == "Thư mục minh chứng"
    assert header[len(HEADERS) : -1] == ["Chỉ số LV 1 (%)", "Chỉ số LV 3 (%)", "Chỉ số LV 7 (%)"]
    assert "Điểm thẩm định lần 1" not in header  # not held by a batch: no invented column
    assert all(c.font.b for c in ws[2])
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == f"A2:M{ws.max_row}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9  # A4
    assert str(ws["A1"].value).startswith("Tổng hợp kết quả năm 2020")


def test_every_ranked_unit_carries_the_json_rankings_numbers(run: dict[str, Any]) -> None:
    records = _records(run["xlsx"])
    by_folder = {Path(r["folder"]).name: r for r in run["json"]}
    assert len(records) == len(by_folder) == 5
    for stt, rec in enumerate(records, start=1):
        expected = by_folder[Path(rec["Thư mục minh chứng"].value).name]
        assert rec["STT"].value == stt
        assert rec["Tên đơn vị"].value == expected["unit"]
        assert _number(rec["Tổng điểm"]) == Decimal(expected["total"])
        assert _number(rec["Điểm tối đa áp dụng"]) == Decimal(expected["max_points"])
        assert _number(rec["Chỉ số (%)"]) == Decimal(expected["index_percent"])
        assert rec["Xếp hạng"].value == expected["rank"]
        assert rec["Xếp loại"].value == expected["band"]
        assert rec["Sản phẩm còn thiếu"].value == expected["missing"]
        for area, index in expected["areas"].items():
            assert _number(rec[f"Chỉ số LV {area} (%)"]) == Decimal(index)
        assert rec["Tổng điểm"].number_format == "0.00"
        assert rec["Chỉ số (%)"].number_format == '0.00"%"'
    layers = {rec["Điểm xếp hạng theo"].value for rec in records}
    assert layers <= {"Tự chấm", "Thẩm định lần 1", "Thẩm định lần 2"} and "Tự chấm" in layers


def test_the_failed_sheet_lists_the_broken_bundle_with_its_located_error(
    run: dict[str, Any],
) -> None:
    ws = load_workbook(run["xlsx"])["Đơn vị lỗi"]
    rows = [r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] is not None]
    assert rows and {r[1] for r in rows} == {str(run["broken"])}
    assert all(r[2] == ExitCode.INVALID_EVIDENCE for r in rows)
    assert any(f"{run['broken'] / 'documents.csv'}:4:2:" in str(r[3]) for r in rows)


def test_results_ranking_writes_the_same_workbook_from_the_store(run: dict[str, Any]) -> None:
    again = run["tmp"] / "tu-csdl.xlsx"
    result = CliRunner().invoke(
        cli, ["results", "ranking", "--db", str(run["db"]), "-o", str(again)]
    )
    assert result.exit_code == 0, result.output
    values = [{h: c.value for h, c in r.items()} for r in _records(again)]
    assert values == [{h: c.value for h, c in r.items()} for r in _records(run["xlsx"])]


def test_english_headers_with_lang_en(run: dict[str, Any]) -> None:
    out = run["tmp"] / "ranking.xlsx"
    args = ["results", "ranking", "--db", str(run["db"]), "-o", str(out), "--lang", "en"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["Unit summary", "Failed units"]
    assert [c.value for c in wb["Unit summary"][2]][:3] == ["STT", "Unit", "Total"]


def test_xlsx_without_an_output_file_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "run_batch", lambda *a, **k: pytest.fail("scored before refusing"))
    unit = next(SAMPLE.glob("xa-*"))
    result = CliRunner().invoke(cli, ["batch", str(unit), "--format", "xlsx", "-q"])
    assert result.exit_code == 2
    assert "dạng xlsx cần -o TỆP" in result.stderr
    db = tmp_path / "kq.db"
    result = CliRunner().invoke(cli, ["results", "ranking", "--db", str(db), "--format", "xlsx"])
    assert result.exit_code == 2 and not db.exists()


def test_units_of_two_years_get_a_sheet_each(tmp_path: Path) -> None:
    folders = sorted(SAMPLE.glob("xa-*"))[:3]
    ranking = run_batch(folders, RULES)
    rows = tuple(
        dataclasses.replace(r, score=dataclasses.replace(r.score, year=2021)) if i == 0 else r
        for i, r in enumerate(ranking.rows)
    )
    data = RANKING_RENDERERS["xlsx"](Ranking(rows))
    assert isinstance(data, bytes)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Tổng hợp đơn vị 1", "Tổng hợp đơn vị 2", "Đơn vị lỗi"]
    titles = sorted(str(wb[name]["A1"].value)[:26] for name in wb.sheetnames[:2])
    assert titles == ["Tổng hợp kết quả năm 2020 ", "Tổng hợp kết quả năm 2021 "]
