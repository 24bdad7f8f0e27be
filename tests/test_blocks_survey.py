"""Blocks (khối) ranked apart, from a framework (by level) or a province file; survey scores
imported by unit from the survey body's CSV/XLSX into the survey layer."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.cli.main import cli
from cchc_index.load.rules import load_framework
from cchc_index.model.ranking import UnitScore
from cchc_index.province.blocks import by_level
from cchc_index.scoring.rollup import band_of

from conftest import ROOT

SAMPLE = ROOT / "evidence" / "tinh-mau"
MINH_HOA = ROOT / "evidence" / "tinh-minh-hoa-2025"


def _province(tmp_path: Path) -> Path:
    """A copy of the shipped synthetic 2025 province: one sở, two phường, a xã, a đặc khu."""
    root = tmp_path / "tinh"
    shutil.copytree(MINH_HOA, root)
    return root


def _rows(output: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(output)
    return rows


def test_the_sample_province_ranks_within_each_block_of_its_province_file() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "batch",
            str(SAMPLE),
            "--rules-dir",
            str(ROOT / "rules"),
            "--province",
            str(SAMPLE / "province.yaml"),
            "--format",
            "json",
            "-q",
            "-j",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = _rows(result.output)
    blocks: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        blocks.setdefault(str(row["block"]), []).append(row)
    assert set(blocks) == {"xa-dong-bang", "xa-mien-nui"}
    for members in blocks.values():
        assert len(members) == 12 and members[0]["rank"] == 1  # each block ranked from 1
        ranks = [int(str(m["rank"])) for m in members]
        assert ranks == sorted(ranks)
    hills = {str(m["band"]) for m in blocks["xa-mien-nui"]}
    assert hills <= {"Tốt", "Khá", "Trung bình", "Yếu"}
    table = CliRunner().invoke(
        cli,
        [
            "batch",
            str(SAMPLE),
            "--rules-dir",
            str(ROOT / "rules"),
            "-q",
            "-j",
            "1",
            "--province",
            str(SAMPLE / "province.yaml"),
        ],
    )
    assert "khối Xã vùng đồng bằng (tổng hợp), 12 đơn vị" in table.output
    assert "khối Xã vùng miền núi (tổng hợp), 12 đơn vị" in table.output


def test_framework_blocks_by_level_with_their_own_bands_and_kept_in_the_store(
    tmp_path: Path,
) -> None:
    root = _province(tmp_path)
    db = tmp_path / "kq.sqlite"
    args = ["batch", str(root), "--rules-dir", str(ROOT / "rules"), "-q", "-j", "1"]
    result = CliRunner().invoke(cli, [*args, "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    got = {str(r["unit"]): (r["block"], r["rank"]) for r in _rows(result.output)}
    assert got == {
        "Sở Tư pháp": ("so", 1),
        "UBND phường An Phú": ("phuong", 1),
        "UBND phường Bình An": ("phuong", 2),
        "UBND xã Cát Tường": ("xa", 1),
        "UBND đặc khu Đảo Ngọc": ("xa", 2),
    }
    bands = {str(r["unit"]): r["band"] for r in _rows(result.output)}
    assert bands["UBND phường An Phú"] == "Khá"  # 83,5%: the ward block's bands (not "Tốt")
    assert bands["Sở Tư pháp"] == "Tốt"  # 84,42%: the framework's bands
    stored = CliRunner().invoke(cli, ["results", "ranking", "--db", str(db), "--format", "json"])
    assert stored.exit_code == 0, stored.output
    assert {str(r["unit"]): (r["block"], r["rank"]) for r in _rows(stored.output)} == got
    again = CliRunner().invoke(cli, [*args, "--format", "json", "--db", str(db)])
    assert {str(r["unit"]): (r["block"], r["rank"]) for r in _rows(again.output)} == got


def test_a_block_band_replaces_the_framework_band(tmp_path: Path) -> None:
    from cchc_index.model.framework import Band, Block

    score = UnitScore(
        "f", "UBND phường A", 2025, "x", "x", Decimal(90), Decimal(100), Decimal(90),
        "Tốt", 0, "self", (), "phường",
    )  # fmt: skip
    wards = Block(
        id="phuong",
        title="Phường",
        levels=("phường",),
        bands=(Band(name="Xuất sắc", min_percent=Decimal(93)), Band(name="Khá", min_percent=0)),
    )
    placed = by_level(score, (wards,))
    assert (placed.block, placed.band) == ("phuong", "Khá")
    assert by_level(score, ()) == score


@pytest.mark.parametrize("kind", ["csv", "xlsx-wide"])
def test_survey_scores_by_unit_become_the_survey_layer(tmp_path: Path, kind: str) -> None:
    root = _province(tmp_path)
    if kind == "csv":
        table = tmp_path / "khao-sat.csv"
        table.write_text(
            "Đơn vị;Mục;Điểm\nSở Tư pháp;8.1;3,5\nphuong-an-phu;8.2;4\nUBND xã Cát Tường;8.1;2\n",
            encoding="utf-8",
        )
    else:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Đơn vị", "8.1", "8.2"])
        sheet.append(["Sở Tư pháp", 3.5, None])
        sheet.append(["phuong-an-phu", None, 4])
        sheet.append(["UBND xã Cát Tường", 2, None])
        table = tmp_path / "khao-sat.xlsx"
        book.save(str(table))
    args = ["survey", "import", str(table), str(root), "--rules-dir", str(ROOT / "rules")]
    result = CliRunner().invoke(cli, [*args, "--by", "Sở Nội vụ", "--date", "10/01/2026"])
    assert result.exit_code == 0, result.output
    assert "chờ khảo sát: 8.1, 8.2" in result.output  # the units the table does not cover
    text = (root / "so-tu-phap" / "appraisal.yaml").read_text(encoding="utf-8")
    assert 'node: "8.1", points: "3.5"' in text and "entered_by: Sở Nội vụ" in text
    assert not (root / "phuong-binh-an" / "appraisal.yaml").exists()
    ranking = CliRunner().invoke(
        cli,
        [
            "batch",
            str(root),
            "--rules-dir",
            str(ROOT / "rules"),
            "-q",
            "-j",
            "1",
            "--format",
            "json",
        ],
    )
    areas = {str(r["unit"]): r["areas"] for r in _rows(ranking.output)}
    assert areas["Sở Tư pháp"]["8"] == "87.50"  # type: ignore[index]
    again = CliRunner().invoke(cli, [*args, "--by", "Sở Nội vụ", "--date", "11/01/2026"])
    assert again.exit_code == 4 and "--force" in again.output


def test_a_bad_survey_table_is_refused_located_and_nothing_is_written(tmp_path: Path) -> None:
    root = _province(tmp_path)
    (root / "xa-cat-tuong" / "appraisal.yaml").write_text(
        "rounds:\n  - round: 1\n    reviewer: Hội đồng\n    date: 10/12/2025\n    items: []\n",
        encoding="utf-8",
    )
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    table = tmp_path / "sai.csv"
    table.write_text(
        "đơn vị,mục,điểm\nUBND xã Cát Tường,8.1,2\nSở Tư pháp,1.1.1,1\nphuong-z,8.1,1\n"
        "UBND phường An Phú,8.2,5\nUBND phường An Phú,8.1,abc\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli,
        [
            "survey",
            "import",
            str(table),
            str(root),
            "--rules-dir",
            str(ROOT / "rules"),
            "--by",
            "Sở Nội vụ",
            "--date",
            "10/01/2026",
        ],
    )
    assert result.exit_code == 4
    out = result.output
    assert f"{table}:3:3: '1.1.1' không phải mục điều tra xã hội học" in out
    assert f"{table}:4:3: đơn vị 'phuong-z' không có" in out
    assert f"{table}:5:3: điểm '5' của mục 8.2 phải là số từ 0 đến 4" in out
    assert f"{table}:6:3: điểm 'abc'" in out
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_a_survey_section_joins_the_rounds_already_written(tmp_path: Path) -> None:
    root = _province(tmp_path)
    rounds = "rounds:\n  - round: 1\n    reviewer: Hội đồng\n    date: 10/12/2025\n    items: []\n"
    (root / "xa-cat-tuong" / "appraisal.yaml").write_text(rounds, encoding="utf-8")
    table = tmp_path / "ks.csv"
    table.write_text("đơn vị,mục,điểm\nUBND xã Cát Tường,8.1,2\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "survey",
            "import",
            str(table),
            str(root),
            "--rules-dir",
            str(ROOT / "rules"),
            "--by",
            "Sở Nội vụ",
            "--date",
            "10/01/2026",
        ],
    )
    assert result.exit_code == 0, result.output
    text = (root / "xa-cat-tuong" / "appraisal.yaml").read_text(encoding="utf-8")
    assert text.startswith(rounds) and 'node: "8.1", points: "2"' in text


def test_the_shipped_survey_table_imports_into_a_copy_of_the_sample(tmp_path: Path) -> None:
    root = _province(tmp_path)
    result = CliRunner().invoke(
        cli,
        [
            "survey",
            "import",
            str(root / "khao-sat-2025.csv"),
            str(root),
            "--rules-dir",
            str(ROOT / "rules"),
            "--by",
            "Sở Nội vụ",
            "--date",
            "15/01/2026",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "UBND đặc khu Đảo Ngọc" in result.output and "chờ khảo sát: 8.1, 8.2" in result.output
    assert "4 thư mục đã ghi điểm khảo sát, 1 chưa có điểm." in result.output


def test_a_framework_with_blocks_scores_the_levels_they_name_and_no_other(
    tmp_path: Path,
) -> None:
    root = _province(tmp_path)
    profile = root / "xa-cat-tuong" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("level: xã", "level: huyện"), encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["batch", str(root), "--rules-dir", str(ROOT / "rules"), "-q", "-j", "1"]
    )
    assert result.exit_code == 7  # the sở and the others are ranked; the huyện is refused
    assert "đơn vị cấp 'huyện' không chấm theo bộ chỉ số 'hinh-thuc-2025'" in result.output
    assert "khối Sở, ban, ngành, 1 đơn vị" in result.output


def test_the_ranking_notice_names_each_block(tmp_path: Path) -> None:
    import docx

    root = _province(tmp_path)
    for suffix in (".html", ".docx"):
        out = tmp_path / f"thong-bao{suffix}"
        result = CliRunner().invoke(
            cli,
            [
                "batch",
                str(root),
                "--rules-dir",
                str(ROOT / "rules"),
                "-q",
                "-j",
                "1",
                "-o",
                str(out),
            ],
        )
        assert result.exit_code == 0, result.output
        if suffix == ".html":
            text = out.read_text(encoding="utf-8")
        else:
            text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        for block in ("Phường", "Sở, ban, ngành", "Xã, đặc khu"):
            assert f"(hinh-thuc-2025) — khối {block}" in text, (suffix, block)


def test_score_and_plan_class_a_ward_by_its_block_s_bands_as_the_batch_does() -> None:
    """A commune officer's `score` and `plan` give the band the province's ranking gives."""
    ward = str(MINH_HOA / "phuong-an-phu")
    rules = ["--rules-dir", str(ROOT / "rules")]
    scored = CliRunner().invoke(cli, ["score", ward, *rules])
    assert scored.exit_code == 0, scored.output
    assert "(chỉ số 83,50%) — xếp loại: Khá (theo mức xếp loại riêng của khối Phường)" in (
        scored.output
    )
    as_json = CliRunner().invoke(cli, ["score", ward, *rules, "--format", "json"])
    data = json.loads(as_json.output)
    assert (data["band"], data["level"], data["band_block"]) == ("Khá", "phường", "Phường")
    planned = CliRunner().invoke(cli, ["plan", ward, *rules, "--on", "01/12/2025"])
    assert planned.exit_code in (0, 1), planned.output
    assert "Mục tiêu: Tốt (từ 85,00%" in planned.output  # the ward block's Tốt, not 80%
    commune = CliRunner().invoke(cli, ["score", str(MINH_HOA / "xa-cat-tuong"), *rules])
    assert "xếp loại: Khá\n" in commune.output  # the xã block has no bands of its own


def test_the_filed_documents_say_which_bands_classed_the_unit(tmp_path: Path) -> None:
    ward = str(MINH_HOA / "phuong-an-phu")
    for suffix in ("html", "xlsx"):
        target = tmp_path / f"ket-qua.{suffix}"
        made = CliRunner().invoke(
            cli, ["score", ward, "--rules-dir", str(ROOT / "rules"), "-o", str(target)]
        )
        assert made.exit_code == 0, made.output
        text = target.read_text(encoding="utf-8") if suffix == "html" else _cells(target)
        assert "Khá (theo mức xếp loại riêng của khối Phường)" in text


def _cells(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return "\n".join(
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
    )


_FRAMEWORK_2025 = load_framework(ROOT / "rules" / "hinh-thuc-2025").framework


@settings(max_examples=200, deadline=None)
@given(
    index=st.decimals(min_value=0, max_value=100, places=2),
    level=st.sampled_from(["xã", "phường", "đặc_khu", "sở", "huyện", "tỉnh", "bộ"]),
)
def test_a_unit_s_band_is_the_band_its_block_ranks_it_in(index: Decimal, level: str) -> None:
    """The law: the band `score` gives a unit is the band `batch` gives it in its block."""
    plain = band_of(_FRAMEWORK_2025, index)  # the framework's own bands, before its blocks
    score = UnitScore(
        "f", "u", 2025, "x", "x", index, Decimal(100), index, plain, 0, "self", (), level,
    )  # fmt: skip
    blocks = _FRAMEWORK_2025.meta.blocks
    assert band_of(_FRAMEWORK_2025, index, level) == by_level(score, blocks).band


def test_the_unit_page_gives_the_band_of_the_units_block(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from cchc_index.web.app import create_app

    app = create_app(_province(tmp_path), ROOT / "rules", "reference", 20)
    page = TestClient(app, base_url="http://127.0.0.1:8765").get("/u/phuong-an-phu/").text
    assert "xếp loại: Khá (theo mức xếp loại riêng của khối Phường)" in page
