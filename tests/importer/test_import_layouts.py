"""The importer on the layouts provinces write (layouts.py): parts in one scoring cell, I / 1 /
1.1 / a numbering, area rows merged across columns, totals that do not add up, a missing
points cell, bonus and penalty rows; and honest confidence on every one of them."""

from __future__ import annotations

import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.importer.api import Imported, import_table
from cchc_index.importer.honesty import honesty
from cchc_index.importer.parse import options_of

from .layouts import (
    LETTERED,
    LETTERED_HEAD,
    ONE_CELL,
    ONE_CELL_HEAD,
    ROMAN,
    ROMAN_HEAD,
    ROMAN_NUMBERED,
    ROW_2021,
    TEMPLATE_2019,
    TEMPLATE_2019_HEAD,
    docx_table,
    xlsx_table,
)
from .tables import ca_mau_docx, dong_nai_xlsx, pl02_docx


def _imported(path: Path, year: int = 2021) -> Imported:
    return import_table(path, path.name, {"id": "t", "year": year})


def _honest(imported: Imported) -> None:
    """No unit is rated "cao" unless its method reaches its points and no check is open."""
    units = {u.id: u for _a, _c, _n, u in imported.framework.units()}
    for review in imported.reviews:
        if review.node in units and review.confidence == "cao":
            unit = units[review.node]
            reach = unit.scoring.reach(unit.points)
            assert reach is None or unit.scoring.adjustment or reach[1] == unit.points
            assert not any("chưa được dùng" in c for c in review.checks), review


def test_the_2021_row_in_one_cell_imports_as_two_parts(tmp_path: Path) -> None:
    imported = _imported(docx_table(tmp_path / "one.docx", ONE_CELL_HEAD, ONE_CELL))
    node = next(leaf for _a, _c, leaf in imported.framework.leaves() if leaf.id == "1.1.1")
    assert [(p.id, p.points, p.method.type) for p in node.parts] == [
        ("a", Decimal("0.3"), "qualitative"),
        ("b", Decimal("0.2"), "timeliness"),
    ]
    assert str(node.parts[1].evidence[0].deadline) == "20/12/2020"  # type: ignore[union-attr]
    _honest(imported)


def test_reading_the_row_as_one_timeliness_is_never_high_and_names_the_unused_lines() -> None:
    """The old reading (one timeliness worth 0,2 on a 0,5-point node) loses a part: the
    review list says so, and names the source lines it did not use."""
    method = {"type": "timeliness", "product": "kh", "on_time": "0.2", "late": "0"}
    checks = honesty(method, options_of(ROW_2021), Decimal("0.5"), "20/12/2020")
    assert any("cho nhiều nhất 0,2, khác 0,5" in c for c in checks)
    unused = next(c for c in checks if "chưa được dùng" in c)
    assert "Đầy đủ nội dung, có phụ lục phân công kèm theo: 0,3" in unused


@pytest.mark.parametrize("writer", [docx_table, xlsx_table], ids=["docx", "xlsx"])
def test_roman_arabic_lettered_numbering_with_merged_area_rows(
    tmp_path: Path, writer: object
) -> None:
    suffix = ".docx" if writer is docx_table else ".xlsx"
    table = writer(tmp_path / f"roman{suffix}", ROMAN_HEAD, ROMAN, True)  # type: ignore[operator]
    imported = _imported(table, 2013)
    framework = imported.framework
    ids = [a.id for a in framework.areas]
    ids += [c.id for a in framework.areas for c in a.criteria]
    ids += [s.id for a in framework.areas for c in a.criteria for s in c.sub_criteria]
    assert len(ids) == len(set(ids)) == ROMAN_NUMBERED  # unique, and no numbered row dropped
    assert [a.title for a in framework.areas] == [
        "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
        "ĐIỂM THƯỞNG, ĐIỂM TRỪ",
    ]
    leaves = {leaf.id: leaf for _a, _c, leaf in framework.leaves()}
    assert set(leaves) == {"1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2.1", "1.2.2", "2.1", "2.2"}
    assert leaves["1.1.1"].scoring.model_dump(include={"type", "on_time", "late"}) == {
        "type": "timeliness",
        "on_time": Decimal(1),
        "late": Decimal("0.5"),
    }
    bonus, penalty = leaves["2.1"].scoring, leaves["2.2"].scoring
    assert (bonus.type, bonus.points_each) == ("bonus", Decimal("0.5"))  # type: ignore[attr-defined]
    assert (penalty.type, penalty.points_each) == ("deduction", Decimal("0.25"))  # type: ignore[attr-defined]
    assert framework.areas[1].points == 0  # bonus and penalty sit outside the maximum
    assert not any(r.checks and "bỏ qua" in " ".join(r.checks) for r in imported.reviews)
    _honest(imported)


def test_areas_of_99_55_under_a_total_of_100_are_recorded_as_a_source_defect(
    tmp_path: Path,
) -> None:
    imported = _imported(xlsx_table(tmp_path / "t19.xlsx", TEMPLATE_2019_HEAD, TEMPLATE_2019))
    defects = [d for _node, d in imported.framework.source_defects() if d.kind == "totals"]
    assert len(defects) == 1 and "99.55" in defects[0].defect and "100" in defects[0].defect
    assert "Sheet!A" in defects[0].where
    assert imported.framework.find("5") is None  # an area without criteria: skipped, reported
    assert "kind: totals" in imported.files["framework.yaml"]
    out = tmp_path / "t19"
    result = CliRunner().invoke(
        cli, ["import-framework", str(tmp_path / "t19.xlsx"), "-o", str(out), "--year", "2019"]
    )
    assert result.exit_code == 0, result.output
    validate = CliRunner().invoke(cli, ["validate", "-v", str(out)])
    assert "99.55" in validate.output  # the defect is shown with the framework


def test_a_missing_points_cell_is_reported_never_guessed(tmp_path: Path) -> None:
    imported = _imported(docx_table(tmp_path / "let.docx", LETTERED_HEAD, LETTERED), 2013)
    leaves = {leaf.id: leaf for _a, _c, leaf in imported.framework.leaves()}
    assert set(leaves) == {"1.1.1", "1.1.2"}  # a, b under criterion 1.1
    assert leaves["1.1.2"].points == 0
    review = next(r for r in imported.reviews if r.node == "1.1.2" and "ô điểm" in r.checks[0])
    assert "không đoán" in review.checks[0] and review.confidence == "thấp"
    defect = next(d for n, d in imported.framework.source_defects() if d.kind == "totals")
    assert "1.1.1, 1.1.2 cộng lại 1, khác 2" in defect.defect
    _honest(imported)


@pytest.mark.parametrize(
    "build", [ca_mau_docx, pl02_docx, dong_nai_xlsx], ids=["ca-mau", "pl02", "dong-nai"]
)
def test_the_earlier_layouts_stay_honest(tmp_path: Path, build: object) -> None:
    suffix = ".xlsx" if build is dong_nai_xlsx else ".docx"
    _honest(_imported(build(tmp_path / f"t{suffix}")))  # type: ignore[operator]


@pytest.mark.slow
def test_roman_table_as_a_pdf_with_a_text_layer(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        message = "LibreOffice (soffice) is not installed: the PDF fixture cannot be rendered"
        if os.environ.get("CI"):
            pytest.fail(message + " (scripts/test.sh installs it in CI)")
        pytest.skip(message)
    source = docx_table(tmp_path / "roman.docx", ROMAN_HEAD, ROMAN, True)
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    from_pdf = _imported(tmp_path / "roman.pdf", 2013)
    from_docx = _imported(source, 2013)
    got = {leaf.id: leaf for _a, _c, leaf in from_pdf.framework.leaves()}
    want = {leaf.id: leaf for _a, _c, leaf in from_docx.framework.leaves()}
    assert set(got) == set(want)
    for node in got:
        assert got[node].points == want[node].points
        assert got[node].scoring.type == want[node].scoring.type
    _honest(from_pdf)
