"""`cchc-index verify FOLDER` over a province's units: each bundle checked as alone, one
summary with the units whose files differ first, a bundle that does not load listed (exit 7)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.verify.run import verify_bundle
from tests.rendering import need
from tests.web.helpers import snapshot

ROOT = Path(__file__).resolve().parents[2]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def province(tmp_path: Path) -> Path:
    """A province folder: the sample with its files, two units without files, in sub-folders."""
    root = tmp_path / "tinh"
    shutil.copytree(ROOT / "evidence" / "quang-an-2020", root / "huyen-a" / "quang-an")
    for name in ("xa-an-hoa-2020", "xa-binh-minh-2020"):
        shutil.copytree(ROOT / "evidence" / "tinh-mau" / name, root / "huyen-b" / name)
    return root


def test_every_unit_is_checked_and_the_ones_that_differ_come_first(province: Path) -> None:
    need("tesseract")
    before = snapshot(province)
    code, out, _ = invoke("verify", str(province), "--format", "json", "-j", "1")
    assert code == 1  # the sample's deliberately wrong file
    units = json.loads(out)["units"]
    assert [u["unit"] for u in units] == ["UBND xã Quảng An", "UBND xã An Hòa", "UBND xã Bình Minh"]
    alone = verify_bundle(province / "huyen-a" / "quang-an")
    first = units[0]
    assert (first["checked"], first["matched"], first["differing"]) == (
        len(alone.rows),
        sum(r.all_match for r in alone.rows),
        1,
    )
    assert {r["file"] for r in first["rows"]} == {r.file for r in alone.rows}
    assert [u["checked"] for u in units[1:]] == [0, 0]
    code, table, _ = invoke("verify", str(province))
    assert "Các dòng ghi khác:" in table and "475/KH-UBND" in table
    assert "3 bộ minh chứng; 1 bộ có tệp ghi khác dòng khai (1 dòng)." in table
    assert snapshot(province) == before  # nothing written in any bundle


def test_parallel_workers_give_the_same_result(province: Path) -> None:
    need("tesseract")
    one = invoke("verify", str(province), "--format", "markdown", "-j", "1")
    two = invoke("verify", str(province), "--format", "markdown", "-j", "2")
    assert one == two and "## Các dòng ghi khác" in one[1]


def test_a_unit_that_does_not_load_is_listed_and_the_others_still_checked(
    province: Path,
) -> None:
    need("tesseract")
    broken = province / "huyen-b" / "xa-an-hoa-2020" / "profile.yaml"
    broken.write_text("name: [\n", encoding="utf-8")
    code, out, _ = invoke("verify", str(province), "--format", "json", "-j", "1")
    assert code == 7
    units = {u["folder"]: u for u in json.loads(out)["units"]}
    failed = units[str(broken.parent)]
    assert "profile.yaml" in failed["problem"] and "checked" not in failed
    assert units[str(province / "huyen-a" / "quang-an")]["differing"] == 1
    code, english, _ = invoke("--lang", "en", "verify", str(province), "-j", "1")
    assert "could not be read" in english and "unreadable: " in english


def test_a_folder_with_no_bundle_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "trong").mkdir()
    target = tmp_path / "ket-qua.md"
    code, _, err = invoke("verify", str(tmp_path / "trong"), "-o", str(target))
    assert code == 4 and "không chứa bộ minh chứng nào" in err
    assert not target.exists()
