"""appraisal.yaml: located errors (exit 4, nothing written), layers and the final layer."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.errors import EvidenceError
from cchc_index.model.layers import Layer
from cchc_index.service.review import review_unit

from review_helpers import RULES, copy_sample, write

D = Decimal
ROUND = """rounds:
  - round: 1
    reviewer: Hội đồng thẩm định
    date: 15/12/2020
    items:
{items}
"""


def _score(bundle: Path, out: Path) -> tuple[int, str]:
    run = CliRunner().invoke(cli, ["score", str(bundle), "--rules-dir", str(RULES), "-o", str(out)])
    return run.exit_code, run.output


def _item(node: str, points: str, reason: str | None = None) -> str:
    text = f'      - node: "{node}"\n        points: {points}'
    return text + (f"\n        reason: {reason}" if reason else "")


@pytest.mark.parametrize(
    ("item", "where", "words"),
    [
        # 1.1.1 is 0.5 in the self layer: a change to 0.25 needs a reason
        (_item("1.1.1", "0,25"), "7:17", "không ghi lý do"),
        (_item("1.1.1", "0,125", "x"), "7:17", "bước làm tròn 0,01"),
        (_item("1.1.1", "0,75", "x"), "7:17", "ngoài khoảng [0; 0,5]"),
        (_item("1.1.9", "0", "x"), "6:15", "có phải ý bạn là"),
        (_item("1.1", "0", "x"), "6:15", "không phải mục được chấm"),
        (_item("1.1.1", "nửa", "x"), "7:17", "không phải là số"),
    ],
)
def test_located_errors_exit_4_and_nothing_written(
    tmp_path: Path, item: str, where: str, words: str
) -> None:
    bundle = copy_sample(tmp_path)
    write(bundle / "appraisal.yaml", ROUND.format(items=item))
    out = tmp_path / "ket-qua.json"
    code, output = _score(bundle, out)
    assert code == 4, output
    assert f"appraisal.yaml:{where}: " in output and words in output, output
    assert not out.exists() and not list(tmp_path.glob(".ket-qua*"))


def test_an_unchanged_point_needs_no_reason_and_round_2_may_touch_a_new_node(
    tmp_path: Path,
) -> None:
    bundle = copy_sample(tmp_path)
    write(
        bundle / "appraisal.yaml",
        ROUND.format(items=_item("1.1.1", "0,5"))
        + """  - round: 2
    reviewer: Hội đồng thẩm định
    date: 28/12/2020
    items:
      - {node: "7.2", points: "0", reason: Không có xác nhận của Bưu điện}
""",
    )
    layered = review_unit(bundle, None, RULES).layered
    node = next(n for n in layered.nodes if n.id == "7.2")
    assert [v.layer for v in node.values] == [Layer.SELF, Layer.ROUND_2]
    assert [t.total for t in layered.totals] == [D(2), D(2), D("1.75"), D("1.75")]
    code, _ = _score(bundle, tmp_path / "kq.json")
    data = json.loads((tmp_path / "kq.json").read_text(encoding="utf-8"))
    assert code == 0 and [x["layer"] for x in data["layers"]] == [
        "self",
        "round_1",
        "round_2",
        "final",
    ]
    assert D(data["final"]["total"]) == D("1.75") and D(data["total"]) == 2


def test_a_reason_is_judged_against_the_previous_round(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    write(
        bundle / "appraisal.yaml",
        ROUND.format(items=_item("1.1.1", "0,25", "Trễ hạn"))
        + """  - round: 2
    reviewer: Hội đồng thẩm định
    date: 28/12/2020
    items:
      - {node: "1.1.1", points: "0,5"}
""",
    )
    with pytest.raises(EvidenceError) as caught:
        review_unit(bundle, None, RULES)
    assert "lần 2 đổi điểm mục '1.1.1' từ 0,25 thành 0,5" in str(caught.value)


def test_rounds_out_of_order_and_twice(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    text = ROUND.format(items=_item("1.1.1", "0,5"))
    write(bundle / "appraisal.yaml", text + text.replace("rounds:\n", ""))
    code, output = _score(bundle, tmp_path / "kq.json")
    assert code == 4 and "mỗi lần thẩm định chỉ ghi một lần" in output


def test_english_and_markdown_show_the_layers(monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    english = CliRunner().invoke(
        cli, ["--lang", "en", "score", "evidence/quang-an-2020", "--format", "markdown"]
    )
    assert "Round 1 (Hội đồng thẩm định UBND huyện Quảng Điền, 15/12/2020)" in english.output
    markdown = CliRunner().invoke(cli, ["score", "evidence/quang-an-2020", "--format", "markdown"])
    rows = [line for line in markdown.output.splitlines() if line.startswith("| 1.1.1")]
    assert len(rows) == 1 and "Giải trình (20/12/2020)" in rows[0]


def test_explain_shows_the_layers_of_a_node_in_date_order() -> None:
    from review_helpers import SAMPLE

    run = CliRunner().invoke(
        cli, ["explain", "1.1.1", "--rules", str(RULES / "hue-xa-2020"), str(SAMPLE)]
    )
    assert run.exit_code == 0, run.output
    tail = run.output.split("Các lớp điểm:\n", 1)[1].splitlines()
    assert [line.split(":")[0].split(" (")[0].strip() for line in tail] == [
        "Tự chấm",
        "Thẩm định lần 1",
        "Giải trình",
        "Thẩm định lần 2",
        "Cuối cùng",
    ]
    assert tail[-1] == "  Cuối cùng: 0,5 (đạt)"
    plain = CliRunner().invoke(
        cli, ["explain", "1.1.2", "--rules", str(RULES / "hue-xa-2020"), str(SAMPLE)]
    )
    assert "Các lớp điểm" not in plain.output  # no round touched it
