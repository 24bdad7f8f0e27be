"""Every cell a workbook takes from data is text: a unit name, title or reason that starts
with `=`, `+`, `-` or `@` stays literal in every workbook; the formulas the workbook builds
itself stay live."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from cchc_index.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "evidence" / "quang-an-2020"
NAMES = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"]


@pytest.mark.parametrize("name", NAMES)
def test_a_unit_name_like_a_formula_stays_text(tmp_path: Path, name: str) -> None:
    bundle = tmp_path / "tinh" / "qa"
    shutil.copytree(SAMPLE, bundle)
    profile = bundle / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    quoted = name.replace("'", "''")
    profile.write_text(text.replace("name: UBND xã Quảng An", f"name: '{quoted}'"), "utf-8")
    (bundle / "appraisal.yaml").unlink()
    shutil.rmtree(bundle / "submissions")  # the edited profile is the working draft
    rules = str(ROOT / "rules")
    for args in (
        ["score", str(bundle), "--rules-dir", rules, "-o", str(tmp_path / "bang.xlsx")],
        [
            "batch",
            str(bundle.parent),
            "--rules-dir",
            rules,
            "-j",
            "1",
            "-q",
            "-o",
            str(tmp_path / "xh.xlsx"),
        ],
    ):
        run = CliRunner().invoke(cli, args)
        assert run.exit_code == 0, run.output
    for book_path in (tmp_path / "bang.xlsx", tmp_path / "xh.xlsx"):
        book = load_workbook(book_path)
        found = [
            cell
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if isinstance(cell.value, str) and name in cell.value
        ]
        assert found, f"{book_path.name}: the name is not in the workbook"
        assert all(cell.data_type == "s" for cell in found), book_path.name
    live = [
        c
        for row in load_workbook(tmp_path / "bang.xlsx")["Tổng hợp"].iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert live  # the round sums the workbook builds are still formulas
