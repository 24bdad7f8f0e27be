"""Laws of the review layers and of diffs, on random appraisals of the shipped sample."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.load.unit import open_unit
from cchc_index.model.appraisal import Appraisal
from cchc_index.model.framework import Framework
from cchc_index.model.result import Result
from cchc_index.scoring.diff import Match, diff_frameworks, diff_results, match_nodes
from cchc_index.scoring.evaluate import evaluate
from cchc_index.scoring.layers import layered

from review_helpers import RULES, SAMPLE
from strategies import frameworks


@cache
def _sample() -> tuple[Framework, Result]:
    source, bundle = open_unit(SAMPLE, None, RULES)
    return source.framework, evaluate(source.framework, bundle, "reference")


def _round_items(draw: Any, number: int) -> list[dict[str, str]]:
    framework, result = _sample()
    step = framework.meta.rounding_step
    leaves = [leaf for leaf in result.leaves]
    chosen = draw(st.lists(st.sampled_from(leaves), unique_by=lambda leaf: leaf.id))
    items = []
    for leaf in chosen:
        steps = draw(st.integers(0, int(leaf.max_points / step)))
        items.append({"node": leaf.id, "points": str(step * steps), "reason": f"lần {number}"})
    return items


@st.composite
def appraisals(draw: Any) -> Appraisal:
    rounds = []
    for number, date in ((1, "15/12/2020"), (2, "28/12/2020")):
        if draw(st.booleans()):
            rounds.append(
                {
                    "round": str(number),
                    "reviewer": "Hội đồng",
                    "date": date,
                    "items": _round_items(draw, number),
                }
            )
    return Appraisal.model_validate({"rounds": rounds})


def _final(appraisal: Appraisal) -> Result:
    framework, result = _sample()
    return layered(framework, result, appraisal).final


@given(appraisals())
def test_the_final_layer_is_the_latest_layer_per_node(appraisal: Appraisal) -> None:
    framework, result = _sample()
    layers = layered(framework, result, appraisal)
    latest = {leaf.id: leaf.points for leaf in result.leaves}
    for rnd in sorted(appraisal.rounds, key=lambda r: r.round):
        latest |= {item.node: item.points for item in rnd.items}
    assert {leaf.id: leaf.points for leaf in layers.final.leaves} == latest
    counted = [leaf for leaf in layers.final.leaves if leaf.adjustment == 0]
    assert layers.final.total == sum((leaf.points for leaf in counted), Decimal(0))
    assert layers.totals[-1].total == layers.final.total
    assert all(a.points <= a.max_points for a in layers.final.areas)


@given(appraisals())
def test_a_diff_of_a_result_with_itself_is_empty(appraisal: Appraisal) -> None:
    final = _final(appraisal)
    assert diff_results(final, final, "A", "A").empty


@given(appraisals(), appraisals())
def test_diffs_are_mirror_images(one: Appraisal, two: Appraisal) -> None:
    a, b = _final(one), _final(two)
    forward, backward = diff_results(a, b, "A", "B"), diff_results(b, a, "B", "A")
    assert backward == forward.mirrored()
    assert sum((c.delta for c in forward.changes), Decimal(0)) == b.total - a.total


TITLES = [
    "Ban hành kế hoạch CCHC",
    "Ban hành kế hoạch cải cách hành chính năm",
    "Báo cáo CCHC định kỳ",
    "Tuyên truyền cải cách hành chính",
    "Công khai thủ tục hành chính",
    "Công khai TTHC trên Trang TTĐT",
    "Số hóa hồ sơ",
]
trees = st.dictionaries(
    st.sampled_from([f"{i}.{j}" for i in range(1, 4) for j in range(1, 4)]),
    st.sampled_from(TITLES),
    max_size=8,
)


@given(trees, trees)
def test_node_matching_is_symmetric(a: dict[str, str], b: dict[str, str]) -> None:
    def swapped(matches: list[Match]) -> set[Match]:
        return {Match(m.b, m.a, m.similarity) for m in matches}

    forward = match_nodes(a, b)
    assert swapped(match_nodes(b, a)) == set(forward)
    assert sorted(m.a for m in forward if m.a) == sorted(a)
    assert sorted(m.b for m in forward if m.b) == sorted(b)


@settings(max_examples=25)
@given(frameworks(), frameworks())
def test_framework_diffs_are_empty_with_themselves_and_mirror(a: Framework, b: Framework) -> None:
    assert diff_frameworks(a, a).empty
    assert diff_frameworks(b, a) == diff_frameworks(a, b).mirrored()
