"""The cycle's dates: `check --on` before and after a deadline, `score --lock`, the score range
of a unit with items awaiting a reviewer, and survey points entered by the province."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.service.review import review_unit

from conftest import ROOT
from review_helpers import RULES, copy_sample, drop_documents, write

D = Decimal
PLANS = {"452/KH-UBND", "472/KH-UBND", "482/KH-UBND"}  # every CCHC plan of Quảng An


def _check(bundle: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    run = CliRunner().invoke(
        cli, ["check", str(bundle), "--rules-dir", str(RULES), "--format", "json", *args]
    )
    return run.exit_code, json.loads(run.output)


def test_check_on_before_and_after_the_plan_deadline(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    drop_documents(bundle, PLANS)
    (bundle / "appraisal.yaml").unlink()
    # the plan of 1.1.1 is due 31/12 of the year before (rules/hue-xa-2020, 1.1.1)
    for day, possible in (("15/12/2019", True), ("31/12/2019", True), ("02/01/2020", False)):
        code, rows = _check(bundle, "--on", day)
        plan = next(r for r in rows if r["product"] == "ke-hoach-cchc")
        assert code == 1 and plan["possible"] is possible, day
        assert plan["last_day"] == "31/12/2019" and plan["gain"] == "0.5"
        # a late plan still earns `late: 0.25` under timeliness (1.1.1)
        assert plan["late_gain"] == (None if possible else "0.25")
    # the annual report has no deadline of its own: possible until self-assessment is due
    code, rows = _check(bundle, "--on", "02/01/2020")
    report = next(r for r in rows if r["product"] == "bao-cao-cchc-nam")
    assert report["possible"] is True and report["last_day"] == "30/11/2020"
    code, rows = _check(bundle, "--on", "01/12/2020")
    assert not any(r["possible"] for r in rows)


def test_check_table_splits_the_two_lists(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    drop_documents(bundle, PLANS)
    (bundle / "appraisal.yaml").unlink()
    run = CliRunner().invoke(
        cli, ["check", str(bundle), "--rules-dir", str(RULES), "--on", "02/01/2020"]
    )
    assert run.exit_code == 1
    possible, _, too_late = run.output.partition("Không còn kịp (đã quá hạn): 1 sản phẩm, +0,5")
    assert "Còn kịp bổ sung: 10 sản phẩm" in possible and "ke-hoach" not in possible
    assert "Kế hoạch CCHC năm đánh giá" in too_late and "31/12/2019" in too_late
    # 1,5 now; +4,75 from the products still possible (figures assumed good: "tối đa"), +0,25
    # from the plan supplied late (timeliness: late 0.25)
    assert "Nếu bổ sung mọi sản phẩm còn kịp: tổng tối đa 6,5 / 7 (chỉ số 92,86%, Tốt)." in possible
    bad = CliRunner().invoke(
        cli, ["check", str(bundle), "--rules-dir", str(RULES), "--on", "31/02/2020"]
    )
    assert bad.exit_code == 2


def test_the_deadline_lock_ignores_documents_dated_after_the_due_date(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    with (bundle / "documents.csv").open("a", encoding="utf-8") as table:
        table.write(
            "520/BC-UBND,05/12/2020,BC,,Báo cáo công tác cải cách hành chính năm 2020,,,,\n"
        )
    unlocked = review_unit(bundle, None, RULES).layered.self_result
    assert next(r for r in unlocked.leaves if r.id == "1.1.2").points == D("0.5")
    locked = review_unit(bundle, None, RULES, lock=True)
    assert [d.number.symbol for d in locked.ignored] == ["520/BC-UBND"]
    assert next(r for r in locked.layered.self_result.leaves if r.id == "1.1.2").points == 0
    run = CliRunner().invoke(
        cli, ["score", str(bundle), "--rules-dir", str(RULES), "--lock", "--format", "json"]
    )
    assert (
        "bỏ qua 1 văn bản ban hành sau hạn (520/BC-UBND" in run.output
        and "05/12/2020" in run.output
    )


def _unit_with_a_pending_item(tmp: Path) -> Path:
    rules = tmp / "rules"
    shutil.copytree(ROOT / "tests" / "frameworks" / "all-methods", rules / "all-methods")
    meta = rules / "all-methods" / "framework.yaml"
    text = meta.read_text(encoding="utf-8")
    assert "{name: Trung bình, min_percent: 50}" in text
    meta.write_text(text.replace("min_percent: 50}", "min_percent: 15}"), encoding="utf-8")
    bundle = tmp / "xa"
    bundle.mkdir()
    write(
        bundle / "profile.yaml",
        "name: UBND xã Thử Nghiệm\nlevel: xã\nprovince: Tỉnh Thử Nghiệm\nyear: 2024\n"
        "framework: all-methods\n",
    )
    write(
        bundle / "documents.csv",
        "number,date,subject\n12/KH-UBND,20/12/2023,Kế hoạch cải cách hành chính năm 2024\n"
        "3/QC-UBND,05/01/2024,Quy chế làm việc của UBND xã\n",
    )
    write(
        bundle / "declarations.yaml",
        'qualitative:\n  - node: "1.1.3"\n    result: đạt\n    explanation: Phân công rõ ràng\n',
    )
    return bundle


def test_pending_items_give_a_range_and_the_band_at_each_end(tmp_path: Path) -> None:
    bundle = _unit_with_a_pending_item(tmp_path)
    rules_dir = tmp_path / "rules"
    found = review_unit(bundle, None, rules_dir).layered.range
    assert found is not None and found.pending == ("1.1.3",)
    assert (found.low.total, found.low.index_percent, found.low.band) == (D(2), D("12.50"), "Yếu")
    assert (found.high.total, found.high.index_percent, found.high.band) == (
        D(3),
        D("18.75"),
        "Trung bình",
    )
    run = CliRunner().invoke(cli, ["score", str(bundle), "--rules-dir", str(rules_dir)])
    assert "từ 2 (12,50%, Yếu) nếu mọi mục bị bác" in run.output.replace("\n", " ")
    check = CliRunner().invoke(cli, ["check", str(bundle), "--rules-dir", str(rules_dir)])
    assert "đến 3 (18,75%, Trung bình) nếu mọi mục được xác nhận" in check.output


def test_a_round_confirms_the_pending_item_and_the_survey_counts_in_the_final_layer(
    tmp_path: Path,
) -> None:
    bundle = _unit_with_a_pending_item(tmp_path)
    write(
        bundle / "appraisal.yaml",
        "rounds:\n  - round: 1\n    reviewer: Hội đồng\n    date: 10/12/2024\n    items:\n"
        '      - {node: "1.1.3", points: "1"}\n'
        "survey:\n  entered_by: Sở Nội vụ\n  date: 10/01/2025\n  items:\n"
        '    - {node: "3.1.1", points: "1,5"}\n',
    )
    layered = review_unit(bundle, None, tmp_path / "rules").layered
    assert layered.range is None
    final = {leaf.id: leaf for leaf in layered.final.leaves}
    assert final["1.1.3"].status.value == "đạt" and final["3.1.1"].points == D("1.5")
    assert (layered.final.total, layered.final.max_points) == (D("4.5"), D(18))
    assert [t.layer.value for t in layered.totals] == ["self", "round_1", "survey", "final"]
    write(
        bundle / "appraisal.yaml",
        'survey:\n  entered_by: Sở Nội vụ\n  date: 10/01/2025\n  items:\n    - {node: "1.1.1", points: "1"}\n',
    )
    run = CliRunner().invoke(cli, ["score", str(bundle), "--rules-dir", str(tmp_path / "rules")])
    assert run.exit_code == 4 and "không chấm bằng điều tra xã hội học" in run.output


def test_cycle_dates_out_of_order_are_a_located_rule_error(tmp_path: Path) -> None:
    folder = tmp_path / "hue"
    shutil.copytree(RULES / "hue-xa-2020", folder)
    meta = folder / "framework.yaml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(
        text.replace("{round: 2, due: 31/12", "{round: 2, due: 01/12"), encoding="utf-8"
    )
    run = CliRunner().invoke(cli, ["validate", str(folder)])
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if t.startswith("cycle:"))
    assert run.exit_code == 3
    assert f"framework.yaml:{line}:1: hạn tự đánh giá phải trước các lần thẩm định" in run.output


def test_lock_needs_a_cycle_in_the_framework(tmp_path: Path) -> None:
    bundle = _unit_with_a_pending_item(tmp_path)
    run = CliRunner().invoke(
        cli, ["score", str(bundle), "--rules-dir", str(tmp_path / "rules"), "--lock"]
    )
    assert run.exit_code == 2 and "cycle.self_assessment_due" in run.output


def test_check_on_in_english(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    run = CliRunner().invoke(
        cli, ["--lang", "en", "check", str(bundle), "--rules-dir", str(RULES), "--on", "01/12/2020"]
    )
    assert "As of 01/12/2020 (self-assessment due 30/11/2020)." in run.output
    assert "No longer possible (past the deadline): 10 product(s), +4.75" in run.output
