"""`cchc-index validate`: every problem in one run, located, with did-you-mean; never skipped."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli

from conftest import ROOT

SHIPPED = sorted(p for p in (ROOT / "rules").iterdir() if p.is_dir())
FIXTURES = sorted(p for p in (ROOT / "tests" / "frameworks").iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", SHIPPED + FIXTURES, ids=lambda p: p.name)
def test_shipped_frameworks_validate(folder: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 0, result.output


def _broken_copy(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "ca-mau"
    shutil.copytree(ROOT / "rules" / "ca-mau-2013", folder)
    area = folder / "1-chi-dao-dieu-hanh.yaml"
    text = area.read_text(encoding="utf-8")
    text = text.replace(
        "        responsible: Đơn vị được đánh giá", "        responsibel: Đơn vị được đánh giá", 1
    )
    text = text.replace(
        "        title: Kết quả phải đạt được xác định rõ ràng, cụ thể và trách nhiệm triển khai\n        points: 1\n",
        "        title: Kết quả phải đạt được xác định rõ ràng, cụ thể và trách nhiệm triển khai\n",
        1,
    )
    text = text.replace(
        '      - id: "1.2.2"\n        title: Báo cáo có đầy đủ nội dung theo hướng dẫn\n        points: 1',
        '      - id: "1.2.2"\n        title: Báo cáo có đầy đủ nội dung theo hướng dẫn\n        points: 2',
        1,
    )
    text = text.replace("numerator: [nhiem_vu_hoan_thanh]", "numerator: [nhiem_vu_hoan_thanhh]", 1)
    area.write_text(text, encoding="utf-8")
    return folder, area


def _line(path: Path, needle: str) -> int:
    return next(
        i
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    )


def test_four_problems_reported_at_once_with_their_lines(tmp_path: Path) -> None:
    folder, area = _broken_copy(tmp_path)
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 3
    out = result.output
    assert (
        f":{_line(area, 'responsibel')}:9: khóa không được phép 'responsibel' (có phải ý bạn là 'responsible'?)"
        in out
    )
    line_113 = _line(area, 'id: "1.1.3"')
    assert f":{line_113}:9: thiếu trường bắt buộc 'points'" in out
    assert "tổng điểm các mục con là 3, khác điểm tối đa 2 của '1.2'" in out
    assert (
        f":{_line(area, 'nhiem_vu_hoan_thanhh')}:23: biến 'nhiem_vu_hoan_thanhh' chưa được khai báo"
        in out
    )
    assert "(có phải ý bạn là 'nhiem_vu_hoan_thanh'?)" in out
    lines = [line for line in out.splitlines() if line.startswith(str(area))]
    numbers = [int(line.split(":")[1]) for line in lines]
    assert numbers == sorted(numbers)


def test_junit_output_for_ci(tmp_path: Path) -> None:
    folder, _ = _broken_copy(tmp_path)
    result = CliRunner().invoke(
        cli, ["validate", "--format", "junit", str(folder), str(ROOT / "rules" / "ca-mau-2013")]
    )
    assert result.exit_code == 3
    assert '<testsuite name="cchc-index validate" tests="2" failures="1">' in result.output


def test_bad_yaml_and_duplicate_keys_are_located(tmp_path: Path) -> None:
    folder = tmp_path / "fw"
    shutil.copytree(ROOT / "rules" / "ca-mau-2013", folder)
    meta = folder / "framework.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "year: 2014\n", encoding="utf-8")
    (folder / "2-broken.yaml").write_text("id: '2'\ntitle: [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 3
    assert "khóa 'year' bị lặp" in result.output
    assert "2-broken.yaml:3:1: YAML không hợp lệ" in result.output


def test_failing_case_names_the_case(tmp_path: Path) -> None:
    folder = tmp_path / "ca-mau"
    shutil.copytree(ROOT / "rules" / "ca-mau-2013", folder)
    cases = sorted(folder.glob("*.cases.yaml"))[0]
    text = cases.read_text(encoding="utf-8")
    text = re.sub(r"(expect:\s*\{?\s*points:\s*)[0-9.]+", r"\g<1>99", text, count=1)
    cases.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["test", str(folder)])
    assert result.exit_code == 1
    assert "FAIL ca-mau-2013/" in result.output
    assert "(cần 99)" in result.output
    assert result.output.strip().splitlines()[-1].endswith("1 failed")


def test_no_case_found_is_a_failure(tmp_path: Path) -> None:
    folder = tmp_path / "ca-mau"
    shutil.copytree(ROOT / "rules" / "ca-mau-2013", folder)
    for cases in folder.glob("*.cases.yaml"):
        cases.unlink()
    result = CliRunner().invoke(cli, ["test", str(folder)])
    assert result.exit_code == 1
    assert "0 passed, 0 failed" in result.output


def test_help_in_both_languages() -> None:
    runner = CliRunner()
    vi = runner.invoke(cli, ["--help"])
    assert "Chấm điểm Chỉ số cải cách hành chính" in vi.output
    for command in ("validate", "test", "score", "check", "explain"):
        assert runner.invoke(cli, [command, "--help"]).exit_code == 0


def test_english_help_on_request() -> None:
    import subprocess
    import sys

    for args, env in (
        (["--lang", "en", "score", "--help"], {}),
        (["validate", "--help"], {"CCHC_LANG": "en"}),
    ):
        out = subprocess.run(
            [sys.executable, "-m", "cchc_index", *args],
            capture_output=True,
            text=True,
            env={**__import__("os").environ, **env},
            check=True,
        )
        assert (
            "Score an evidence bundle" in out.stdout or "Validate framework folders" in out.stdout
        )
