"""Bad evidence gets a clear error naming file, line and field; nothing is written."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli

from conftest import ROOT


def _replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def _append(name: str, extra: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")

    return change


CASES = {
    "malformed-yaml": (
        _replace("statistics.yaml", "tin_cchc:\n", "tin_cchc: [\n"),
        "statistics.yaml:",
        "YAML không hợp lệ",
    ),
    "impossible-date": (
        _replace("documents.csv", "452/KH-UBND,04/12/2019", "452/KH-UBND,31/02/2020"),
        "documents.csv:4:2:",
        "ngày không tồn tại: '31/02/2020'",
    ),
    "number-without-kind": (
        _replace("documents.csv", "472/KH-UBND,", "472,"),
        "documents.csv:7:1:",
        "thiếu loại văn bản",
    ),
    "negative-statistic": (
        _replace("statistics.yaml", "  value: 218\n", "  value: -218\n"),
        "statistics.yaml:",
        "giá trị phải ≥ 0",
    ),
    "late-above-resolved": (
        _append("statistics.yaml", "ho_so_da_giai_quyet: 2\n"),
        "statistics.yaml:",
        "ho_so_tre_han = 3 lớn hơn ho_so_da_giai_quyet = 2",
    ),
    "path-leaves-bundle": (
        _replace(
            "documents.csv",
            "452/KH-UBND,04/12/2019,KH,,Triển khai công tác cải cách hành chính năm 2020,tep/452-KH-UBND-ky-so.pdf,",
            "452/KH-UBND,04/12/2019,KH,,Triển khai công tác cải cách hành chính năm 2020,../../etc/passwd,",
        ),
        "documents.csv:4:6:",
        "nằm ngoài thư mục bộ minh chứng",
    ),
    "other-framework": (
        _replace("profile.yaml", "framework: hue-xa-2020", "framework: ca-mau-2013"),
        "profile.yaml:",
        "dành cho bộ chỉ số 'ca-mau-2013', không phải 'hue-xa-2020'",
    ),
    "other-year": (
        _replace("profile.yaml", "year: 2020", "year: 2021"),
        "profile.yaml:",
        "năm đánh giá 2021 khác năm 2020",
    ),
    "not-applicable-not-allowed": (
        _replace(
            "declarations.yaml",
            "not_applicable: []",
            'not_applicable:\n  - {node: "3", reason: Không có TTHC}',
        ),
        "declarations.yaml:11:",
        "không cho phép khai mục '3' là không áp dụng",
    ),
    "qualitative-on-a-ratio-node": (
        _replace("declarations.yaml", 'node: "3.2.2"', 'node: "3.5.4"'),
        "declarations.yaml:4:",
        "mục '3.5.4' không chấm theo tự đánh giá định tính",
    ),
    "unknown-column": (
        _replace("documents.csv", "number,date,kind", "number,dat,kind"),
        "documents.csv:1:2:",
        "cột không được phép 'dat' (có phải ý bạn là 'date'?)",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_bundle(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    change, where, message = CASES[name]
    bundle = tmp_path / "bundle"
    shutil.copytree(ROOT / "evidence" / "quang-an-2020", bundle)
    change(bundle)
    output = tmp_path / "ket-qua.md"
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli, ["score", "bundle", "--rules", str(ROOT / "rules" / "hue-xa-2020"), "-o", str(output)]
    )
    assert result.exit_code == 4, result.output
    line = next((ln for ln in result.output.splitlines() if message in ln), "")
    assert line.startswith("bundle/" + where), result.output
    assert not output.exists()
    assert not list(tmp_path.glob(".ket-qua*"))


def test_unreadable_bundle_folder_is_clear(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["score", str(tmp_path), "--rules", str(ROOT / "rules" / "hue-xa-2020")]
    )
    assert result.exit_code == 4
    assert "thiếu profile.yaml" in result.output
