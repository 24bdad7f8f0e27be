"""The rule format real tables need: parts, calendar dates, scheme, completeness, source
defects; each mistake is reported located, in one run, and the shipped frameworks show them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli

from conftest import ROOT

PL02 = ROOT / "rules" / "huyen-2021-pl02"


def _edited(tmp_path: Path, folder: Path, file: str, old: str, new: str) -> Path:
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    path = copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


BROKEN = [
    (
        "parts-do-not-add-up",
        "1-chi-dao-dieu-hanh.yaml",
        "            points: 0.2\n            requirement: >-\n              Thời gian",
        "            points: 0.25\n            requirement: >-\n              Thời gian",
        "tổng điểm các phần là 0.55, khác điểm tối đa 0.5 của '1.1.1'",
    ),
    (
        "duplicate-part",
        "1-chi-dao-dieu-hanh.yaml",
        "          - id: b\n            title: Đúng thời gian quy định",
        "          - id: a\n            title: Đúng thời gian quy định",
        "phần 'a' bị trùng",
    ),
    (
        "method-and-parts",
        "1-chi-dao-dieu-hanh.yaml",
        "        responsible: UBND huyện, thành phố\n        parts:",
        "        responsible: UBND huyện, thành phố\n        method: {type: qualitative}\n        parts:",
        "'method' hoặc bằng 'parts', không cả hai",
    ),
    (
        "date-far-from-the-year",
        "1-chi-dao-dieu-hanh.yaml",
        "deadline: 20/12/2020",
        "deadline: 20/12/2018",
        "mốc 20/12/2018 cách năm đánh giá 2021 quá một năm",
    ),
    (
        "window-ends-before-it-starts",
        "1-chi-dao-dieu-hanh.yaml",
        "not_before: 01/07/2020",
        "not_before: 21/12/2020",
        "mốc bắt đầu 21/12/2020 sau hạn 20/12/2020",
    ),
    (
        "completeness-miscounted",
        "framework.yaml",
        "rows_encoded: 4",
        "rows_encoded: 5",
        "ghi 5 dòng được mã hóa nhưng các tệp lĩnh vực có 4 dòng",
    ),
    (
        "scheme-not-a-decision",
        "framework.yaml",
        "year: 2021\n",
        "year: 2021\nscheme: 892/BNV-CCHC\n",
        "đề án quốc gia là một quyết định",
    ),
    (
        "source-points-below-points",
        "1-chi-dao-dieu-hanh.yaml",
        "source_points: 8.25",
        "source_points: 0.5",
        "'source_points' (0.5) nhỏ hơn 'points' (1)",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_each_mistake_is_reported_with_its_line(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    folder = _edited(tmp_path, PL02, file, old, new)
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 3, result.output
    assert message in result.output
    assert f"{file}:" in result.output  # located in the file that holds the mistake


def test_a_band_is_fixed_points_or_pro_rata_not_both(tmp_path: Path) -> None:
    folder = _edited(
        tmp_path,
        ROOT / "rules" / "dong-nai-xa-2022",
        "4-tuyen-truyen.yaml",
        "{pro_rata: true, at_least: 90",
        "{pro_rata: true, points: 1, at_least: 90",
    )
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert (
        result.exit_code == 3 and "đúng một trong 'points' hoặc 'pro_rata: true'" in result.output
    )


def test_scheme_is_written_canonically(tmp_path: Path) -> None:
    folder = _edited(
        tmp_path, PL02, "framework.yaml", "year: 2021\n", "year: 2021\nscheme: 1187/QD-BNV\n"
    )
    result = CliRunner().invoke(cli, ["validate", "-v", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Đề án quốc gia: 1187/QĐ-BNV" in result.output


def test_validate_verbose_and_explain_show_the_defects_and_the_reading() -> None:
    runner = CliRunner()
    folder = ROOT / "rules" / "dong-nai-xa-2022"
    verbose = runner.invoke(cli, ["validate", "-v", str(folder)])
    assert verbose.exit_code == 0
    assert "Mức đầy đủ: 3/chưa rõ dòng" in verbose.output
    assert "4/5*1= 0,8 điểm" in verbose.output and "80% được 0 điểm" in verbose.output
    assert "[4.2#c]" in verbose.output  # a part's own defect, named by the part
    explain = runner.invoke(cli, ["explain", "4.1", "--rules", str(folder)])
    assert "Lỗi của văn bản nguồn" in explain.output and "Cách đọc được mã hóa" in explain.output
    parts = runner.invoke(cli, ["explain", "4.2", "--rules", str(folder)])
    assert "(a) Trực tuyến: bảng thông tin điện tử, màn hình điện tử (0,25)" in parts.output
    assert (
        "(c) Truyền thống" in parts.output
        and "(c) Nguồn:" in parts.output
        and "Lỗi của văn bản nguồn (dòng 4.2" in parts.output
    )


def test_a_node_with_parts_is_shown_part_by_part_in_json(tmp_path: Path) -> None:
    import json

    from cchc_index.load.rules import load_framework
    from cchc_index.model.result import as_json
    from cchc_index.report.render import result_json
    from cchc_index.scoring.cases import case_bundle, load_cases
    from cchc_index.scoring.evaluate import evaluate

    source = load_framework(ROOT / "rules" / "dong-nai-xa-2022")
    case = next(c.case for c in load_cases(source) if c.case.name == "chi-truc-tuyen")
    result = evaluate(source.framework, case_bundle(source, case))
    node = next(r for r in result_json(result)["leaves"] if r["id"] == "4.2")
    assert [(p["id"], p["points"]) for p in node["parts"]] == [
        ("4.2#a", "0.25"),
        ("4.2#b", "0.25"),
        ("4.2#c", "0"),
    ]
    assert node["points"] == "0.50" or node["points"] == "0.5"
    assert node["reason"].startswith("(a) ") and "(c) Thiếu minh chứng" in node["reason"]
    missing = [m for m in as_json(result)["missing"] if m["node"] == "4.2"]
    assert {m["part"] for m in missing} == {"c"}
    assert all(" — Truyền thống" in m["node_title"] for m in missing)
    json.dumps(as_json(result), ensure_ascii=False)
