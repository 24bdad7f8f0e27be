"""`validate` checks what a method can give: a node's points are the most its method (or the
sum of its parts) can award; a mismatch is a located error unless the rule file records the
source's unreachable maximum as a source defect."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cchc_index.cli.main import cli
from cchc_index.load.rules import load_framework
from cchc_index.methods.registry import parse

from conftest import ROOT

PL02 = ROOT / "rules" / "huyen-2021-pl02"
FOLDERS = [p for p in (ROOT / "rules").iterdir() if p.is_dir()]
FOLDERS += [p for p in (ROOT / "tests" / "frameworks").iterdir() if p.is_dir()]

# The 2021 row as the old importer read it: one timeliness method on a 0,5-point node.
ONE_METHOD = """      - id: "1.1.1"
        title: Kế hoạch CCHC hàng năm
        points: 0.5
        evidence:
          - {id: kh, type: document, title: Kế hoạch CCHC 2021, doc_kind: KH, deadline: 20/12/2020}
        method: {type: timeliness, product: kh, on_time: 0.2, late: 0}
        provenance:
          source: "Phụ lục 02 (2021), dòng 1.1.1"
"""


def _with_one_method(tmp_path: Path, extra: str = "") -> tuple[Path, Path]:
    folder = tmp_path / "pl02"
    shutil.copytree(PL02, folder)
    area = folder / "1-chi-dao-dieu-hanh.yaml"
    text = area.read_text(encoding="utf-8")
    start = text.index('      - id: "1.1.1"')
    end = text.index('      - id: "1.1.2"')
    area.write_text(text[:start] + ONE_METHOD + extra + text[end:], encoding="utf-8")
    (folder / "1-chi-dao-dieu-hanh.cases.yaml").write_text("[]\n", encoding="utf-8")
    return folder, area


def test_a_half_point_node_whose_method_gives_only_0_2_is_refused_located(tmp_path: Path) -> None:
    folder, area = _with_one_method(tmp_path)
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 3, result.output
    line = next(
        i
        for i, text in enumerate(area.read_text(encoding="utf-8").splitlines(), 1)
        if text == "        points: 0.5"
    )
    assert (
        f"{area.name}:{line}:17: '1.1.1' có 0.5 điểm nhưng phương pháp 'timeliness' cho nhiều nhất 0.2"
        in result.output
    ), result.output


def test_the_mismatch_is_accepted_when_recorded_as_a_source_defect(tmp_path: Path) -> None:
    recorded = """          source_defects:
            - kind: unreachable_maximum
              where: dòng 1.1.1
              defect: "0,50 điểm nhưng cách chấm chỉ cho 0,2"
              reading: "giữ 0,5 như nguồn"
"""
    folder, _area = _with_one_method(tmp_path, recorded)
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 0, result.output
    verbose = CliRunner().invoke(cli, ["validate", "-v", str(folder)])
    assert "0,50 điểm nhưng cách chấm chỉ cho 0,2" in verbose.output


def test_a_part_whose_method_falls_short_is_named_with_its_node(tmp_path: Path) -> None:
    folder = tmp_path / "pl02"
    shutil.copytree(PL02, folder)
    area = folder / "1-chi-dao-dieu-hanh.yaml"
    text = area.read_text(encoding="utf-8")
    old = "method: {type: timeliness, product: ke-hoach-cchc-2021, on_time: 0.2, late: 0}"
    area.write_text(
        text.replace(old, old.replace("on_time: 0.2", "on_time: 0.15"), 1), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 3
    assert "'1.1.1#b' có 0.2 điểm nhưng phương pháp 'timeliness' cho nhiều nhất 0.15" in (
        result.output
    )


def test_every_shipped_unit_can_reach_its_points_unless_recorded() -> None:
    """What the check guarantees, on every framework in the repository: the best tier of
    each unit is its maximum (or the source's shortfall is on record)."""
    checked = 0
    for folder in FOLDERS:
        framework = load_framework(folder).framework
        for _a, _c, node, unit in framework.units():
            reach = unit.scoring.reach(unit.points)
            if reach is None or unit.scoring.adjustment:
                continue
            recorded = any(
                d.kind == "unreachable_maximum"
                for p in (unit.provenance, node.provenance)
                for d in p.source_defects
            )
            assert reach[1] == unit.points or recorded, (folder.name, unit.id)
            checked += 1
    assert checked > 30


@given(
    points=st.decimals("0.05", "5", places=2),
    on_time=st.decimals("0.05", "5", places=2),
)
def test_timeliness_reach_is_its_on_time_points(points: Decimal, on_time: Decimal) -> None:
    """Property: a timeliness node reaches exactly its on-time points, its best tier
    with what scoring a unit on time can give."""
    method = parse({"type": "timeliness", "product": "p", "on_time": on_time, "late": 0})
    least, most = method.reach(points) or (None, None)
    assert least == 0 and most == on_time
    assert max(t.points for t in method.tiers(points) if t.points is not None) == most
