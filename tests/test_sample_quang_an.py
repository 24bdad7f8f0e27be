"""Golden result of the shipped sample: xã Quảng An, 2020, against hue-xa-2020.

Every expected value is justified by the line of shared/domain/seeds/001 it rests on.
Points other than 1.4.2 and 7.2 are the framework's illustrative 0.5 (see its provenance).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.load.unit import open_unit
from cchc_index.model.result import Result, Status
from cchc_index.report.reasons import reason_text
from cchc_index.scoring.evaluate import evaluate

from conftest import ROOT

BUNDLE = ROOT / "evidence" / "quang-an-2020"
D = Decimal
EXPECTED: dict[str, tuple[Decimal, Status, str]] = {
    # seed 16 and 216: Kế hoạch số 452/KH-UBND ngày 04/12/2019, before 31/12 of the year before
    "1.1.1": (D("0.5"), Status.MET, "452/KH-UBND"),
    # seed 217: 4/4 tasks done, but the 2020 yearly CCHC report (product 2) does not exist yet:
    # the seed is the 9-month report of 14/09/2020 (seed 3-8)
    "1.1.2": (D(0), Status.MISSING, ""),
    # seed 221: 218 posts in 2020 against 50 in 2019, growth 336 % ≥ 15 %: 0.25 (official)
    "1.4.2": (D("0.25"), Status.MET, "tăng 336%"),
    # seed 224: "Không cung cấp, cuối năm sẽ tổng hợp sau": the notice-board photos are missing
    "3.2.2": (D(0), Status.MISSING, ""),
    # seed 227: 71 links, but the photos of the notice board are not supplied (seed 224)
    "3.2.3": (D(0), Status.MISSING, ""),
    # seed 228: 9 progress posts listed, but no photos of them
    "3.2.4": (D(0), Status.MISSING, ""),
    # seed 231: report 474/BC-UBND of 17/12/2019 exists; the 100 % figures are not given
    "3.3.1": (D(0), Status.MISSING, ""),
    # seed 233: "Danh sách quy trình thực hiện" named, but no figures
    "3.4.2": (D(0), Status.MISSING, ""),
    # seed 235: only a photo of a summary table; no resolved / on-time counts
    "3.5.2": (D(0), Status.MISSING, ""),
    # seed 237: 03/03 apology letters for 3 late records: 100 %
    "3.5.4": (D("0.5"), Status.MET, "3/3 = 100%"),
    # seed 238: photo only; no digitised count
    "3.5.5": (D(0), Status.MISSING, ""),
    # seed 239: "Không trích xuất được"
    "3.5.6": (D(0), Status.MISSING, ""),
    # seed 242: link on the website and photos at the office
    "3.6.1": (D("0.5"), Status.MET, "2/2"),
    # seed 245: only "Đánh giá tiến độ thực hiện": no e-government score yet
    "7.1.1": (D(0), Status.MISSING, ""),
    # seed 247: "Không có hồ sơ phát sinh" via BCCI: nothing arose, full 0.25 (official points)
    "7.2": (D("0.25"), Status.MET, "Không phát sinh"),
}


@pytest.fixture(scope="module")
def result() -> Result:
    source, bundle = open_unit(BUNDLE, None, ROOT / "rules")
    return evaluate(source.framework, bundle)


@pytest.mark.parametrize("node", sorted(EXPECTED))
def test_each_sub_criterion(result: Result, node: str) -> None:
    points, status, reason = EXPECTED[node]
    got = next(r for r in result.leaves if r.id == node)
    assert (got.points, got.status) == (points, status)
    assert reason in reason_text(got)


def test_total_index_and_band(result: Result) -> None:
    assert result.total == D(2)
    assert result.max_points == D(7)
    assert result.index_percent == D("28.57")
    assert result.band == "Yếu"


def test_missing_products_ranked_by_gain(result: Result) -> None:
    gains = [(m.gain_together, m.upper_bound) for m in result.missing]
    assert [g for g, _ in gains] == sorted((g for g, _ in gains), reverse=True)
    first = result.missing[0]
    assert (first.node, first.gain, first.upper_bound) == ("1.1.2", D("0.5"), False)
    assert {m.node for m in result.missing} == {
        n for n, (_, s, _) in EXPECTED.items() if s is Status.MISSING
    }


def test_readme_main_command_prints_the_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = CliRunner().invoke(cli, ["score", "evidence/quang-an-2020"])
    assert out.exit_code == 0, out.output
    assert "Tổng điểm tự đánh giá: 2 / 7 điểm (chỉ số 28,57%)" in out.output
    assert "Sản phẩm còn thiếu, xếp theo số điểm sẽ thêm nếu bổ sung" in out.output


def test_json_csv_and_english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    target = tmp_path / "ket-qua.json"
    out = CliRunner().invoke(
        cli, ["score", "evidence/quang-an-2020", "--format", "json", "-o", str(target)]
    )
    assert out.exit_code == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["total"] == "2.00" or Decimal(data["total"]) == 2
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind
    csv_out = CliRunner().invoke(cli, ["score", "evidence/quang-an-2020", "--format", "csv"])
    header = csv_out.output.splitlines()[0]
    assert header.startswith("id,title,max_points,points,status,reason,missing")
    assert header.endswith(
        ",round_1,round_1_reason,explanation,round_2,round_2_reason,survey,final,final_status"
    )
    layers = {layer["layer"]: Decimal(layer["total"]) for layer in data["layers"]}
    assert layers == {"self": 2, "round_1": D("1.5"), "round_2": D("1.75"), "final": D("1.75")}
    english = CliRunner().invoke(cli, ["--lang", "en", "score", "evidence/quang-an-2020"])
    assert "Self-assessed total: 2 / 7 points (index 28.57%)" in english.output


def test_check_exits_1_when_evidence_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = CliRunner().invoke(cli, ["check", "evidence/quang-an-2020"])
    assert out.exit_code == 1
    assert "Còn thiếu 10 sản phẩm" in out.output


def test_explain_with_and_without_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    plain = CliRunner().invoke(cli, ["explain", "3.5.4", "--rules", "rules/hue-xa-2020"])
    assert plain.exit_code == 0 and "Tử số: Số thư (phiếu) xin lỗi" in plain.output
    with_bundle = CliRunner().invoke(
        cli, ["explain", "3.5.4", "--rules", "rules/hue-xa-2020", "evidence/quang-an-2020"]
    )
    assert "Tỷ lệ 3/3 = 100%" in with_bundle.output
    unknown = CliRunner().invoke(cli, ["explain", "3.5.44", "--rules", "rules/hue-xa-2020"])
    assert unknown.exit_code == 3 and "có phải ý bạn là" in unknown.output


def test_output_format_follows_the_file_suffix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    for name, start in (("kq.md", "# "), ("kq.json", "{"), ("kq.csv", "id,title")):
        out = CliRunner().invoke(
            cli, ["score", "evidence/quang-an-2020", "-o", str(tmp_path / name)]
        )
        assert out.exit_code == 0
        assert (tmp_path / name).read_text(encoding="utf-8-sig").startswith(start)


def test_appraisal_layers_of_the_sample() -> None:
    """The synthetic appraisal (evidence/quang-an-2020/appraisal.yaml) over the self layer."""
    from cchc_index.scoring.review import review_unit

    layered = review_unit(BUNDLE, None, ROOT / "rules").layered
    finals = {leaf.id: leaf.points for leaf in layered.final.leaves}
    # round 1 cut 1.1.1 to 0.25 and 3.6.1 to 0.25; round 2 restored 1.1.1 after the explanation
    assert finals["1.1.1"] == D("0.5") and finals["3.6.1"] == D("0.25")
    assert {leaf.id: leaf.points for leaf in layered.self_result.leaves} == {
        n: p for n, (p, _, _) in EXPECTED.items()
    }
    assert layered.final.total == D("1.75") and layered.final.index_percent == D(25)
    node = next(n for n in layered.nodes if n.id == "1.1.1")
    assert [v.points for v in node.values] == [D("0.5"), D("0.25"), D("0.5")]
    assert "chữ ký số" in (node.values[1].reason or "") and node.explanations
    assert len(layered.final.missing) == 10
