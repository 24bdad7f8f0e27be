"""The domain's laws, over generated frameworks and units."""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.load.dump import framework_files
from cchc_index.load.rules import load_framework
from cchc_index.model.bundle import Bundle, Document, Item, Statistic
from cchc_index.model.framework import Framework
from cchc_index.model.result import MissingProduct, Result
from cchc_index.scoring.evaluate import Scorer

from strategies import VARS, bundles, documents, frameworks


def _scores(result: Result) -> dict[str, Decimal]:
    return {leaf.id: leaf.points for leaf in result.leaves}


@given(frameworks())
def test_a_valid_framework_round_trips(framework: Framework) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, text in framework_files(framework).items():
            (folder / name).write_text(text, encoding="utf-8")
        assert load_framework(folder).framework == framework


@settings(max_examples=400)
@given(frameworks(), st.lists(bundles(), min_size=1, max_size=10))
def test_durable_engine_equals_reference(framework: Framework, units: list[Bundle]) -> None:
    durable, reference = Scorer(framework, "durable"), Scorer(framework, "reference")
    for unit in units:
        assert replace(durable.evaluate(unit), engine="") == replace(
            reference.evaluate(unit), engine=""
        )


@given(frameworks(), bundles())
def test_points_stay_within_the_maximum(framework: Framework, unit: Bundle) -> None:
    result = Scorer(framework, "reference").evaluate(unit)
    for leaf in result.leaves:
        assert Decimal(0) <= leaf.points <= leaf.max_points


@given(
    frameworks(),
    bundles(),
    st.lists(documents(), max_size=3),
    st.dictionaries(st.sampled_from(VARS), st.integers(0, 30), max_size=4),
    st.integers(0, 2),
)
def test_adding_evidence_never_lowers_a_score(
    framework: Framework, unit: Bundle, extra: list[Document], figures: dict[str, int], links: int
) -> None:
    """More documents, links, or figures that were missing: no sub-criterion loses points."""
    scorer = Scorer(framework, "reference")
    before = _scores(scorer.evaluate(unit))
    new_figures = {
        name: Statistic(value=Decimal(v), last_year=Decimal(v))
        for name, v in figures.items()
        if name not in unit.statistics
    }
    more = unit.model_copy(
        update={
            "documents": unit.documents + tuple(extra),
            "statistics": {**unit.statistics, **new_figures},
            "links": unit.links
            + tuple(Item(url=f"https://y/{i}", title="t") for i in range(links)),
        }
    )
    after = _scores(scorer.evaluate(more))
    for node, points in before.items():
        assert after[node] >= points, node


@given(frameworks(), bundles(), st.randoms(use_true_random=False))
def test_order_and_duplicates_change_nothing(
    framework: Framework, unit: Bundle, rnd: random.Random
) -> None:
    scorer = Scorer(framework, "durable")
    docs = list(unit.documents) * 2
    rnd.shuffle(docs)
    links = list(unit.links) + list(unit.links)
    rnd.shuffle(links)
    shuffled = unit.model_copy(update={"documents": tuple(docs), "links": tuple(links)})
    assert scorer.evaluate(unit) == scorer.evaluate(shuffled)


@given(frameworks(), bundles(), bundles())
def test_no_state_leaks_between_units(framework: Framework, first: Bundle, second: Bundle) -> None:
    scorer = Scorer(framework, "durable")
    alone = scorer.evaluate(second)
    scorer.evaluate(first)
    assert scorer.evaluate(second) == alone
    assert Scorer(framework, "durable").evaluate(second) == alone


@given(frameworks(), bundles())
def test_a_total_is_the_sum_of_its_parts(framework: Framework, unit: Bundle) -> None:
    result = Scorer(framework, "durable").evaluate(unit)
    step = framework.meta.rounding_step
    for leaf in result.leaves:
        assert leaf.points % step == 0 or leaf.points == leaf.max_points
    areas = sum((a.points for a in result.areas), Decimal(0))
    assert result.total == max(Decimal(0), areas + result.bonus - result.deduction)
    for area in result.areas:
        assert area.points == sum(
            (c.points for c in result.criteria if c.id.startswith(area.id + ".")), Decimal(0)
        )


@given(frameworks(), bundles())
def test_every_method_returns_points_within_its_maximum(framework: Framework, unit: Bundle) -> None:
    """Checked on the methods themselves, before the roll-up caps anything."""
    from cchc_index.scoring.matching import EvidenceIndex
    from cchc_index.scoring.metrics import Plan, derive

    index = EvidenceIndex(unit)
    for area, criterion, node, leaf in framework.units():
        owner = None if leaf is node else node
        item = derive(index, Plan.of(area, criterion, leaf, owner), framework.meta.rounding_step)
        for tier in leaf.scoring.tiers(leaf.points):
            if tier.matches(item.metric):
                points = tier.points if tier.points is not None else item.metric.award
                assert points is not None
                assert Decimal(0) <= points <= leaf.points, (leaf.id, leaf.scoring.type, points)


def test_pro_rata_of_nothing_awards_zero_explicitly() -> None:
    """Counter-example found by the property above: 0/0 with `if_none: zero` had no award."""
    from cchc_index.methods.ratios import ProRata
    from cchc_index.model.bundle import Profile, Statistic
    from cchc_index.scoring.matching import NodeFacts

    unit = Bundle(
        profile=Profile(name="x", level="xã", province="x", year=2024),
        statistics={"a": Statistic(value=Decimal(0))},
    )
    from cchc_index.scoring.matching import EvidenceIndex

    method = ProRata(type="pro_rata", numerator=("a",), denominator=("a",))
    metric = method.derive(NodeFacts(EvidenceIndex(unit), "1.1.1", {}), Decimal(1), Decimal("0.01"))
    assert (metric.value, metric.award) == (Decimal(0), Decimal(0))


def _compliant(framework: Framework, node_id: str, product_id: str, unit: Bundle) -> Bundle:
    """`unit` with `product_id` of `node_id` supplied as a compliant document or declaration."""
    from cchc_index.model.bundle import Declarations, Qualitative
    from cchc_index.model.framework import DocumentProduct
    from cchc_index.model.result import DECLARATION

    if product_id == DECLARATION:
        kept = tuple(q for q in unit.declarations.qualitative if q.node != node_id)
        made = Qualitative(node=node_id, result="đạt", explanation="bổ sung")
        return unit.model_copy(update={"declarations": Declarations(qualitative=(*kept, made))})
    units = [unit for _, _, leaf in framework.leaves() for unit in leaf.units()]
    leaf = next(unit for unit in units if unit.id == node_id)
    product = next(p for p in leaf.evidence if p.id == product_id)
    assert isinstance(product, DocumentProduct)
    day = "15/01/2024" if product.deadline is not None else "01/03/2024"
    made_doc = Document.model_validate(
        {
            "number": f"9{len(unit.documents)}/{product.doc_kind.value}-UBND",
            "date": day,
            "subject": " ".join(product.subject) + " năm 2024",
        }
    )
    return unit.model_copy(update={"documents": (*unit.documents, made_doc)})


@given(frameworks(), bundles())
def test_the_points_a_product_would_add_are_what_rescoring_gives(
    framework: Framework, unit: Bundle
) -> None:
    """Supplying a missing document (or declaration) adds exactly its announced gain; supplying
    every missing product of a node adds the gain announced for all of them together."""
    scorer = Scorer(framework, "reference")
    result = scorer.evaluate(unit)
    before = _unit_scores(result)

    def scored(missing: MissingProduct) -> str:  # the unit scored: the node, or one part of it
        return f"{missing.node}#{missing.part}" if missing.part else missing.node

    for missing in result.missing:
        if missing.upper_bound:
            continue  # a statistic's gain is an upper bound: its figures are not known yet
        node = scored(missing)
        alone = scorer.evaluate(_compliant(framework, node, missing.product, unit))
        assert _unit_scores(alone)[node] - before[node] == missing.gain, missing
        together = unit
        for other in (m for m in result.missing if scored(m) == node):
            together = _compliant(framework, node, other.product, together)
        gained = _unit_scores(scorer.evaluate(together))[node] - before[node]
        assert gained == missing.gain_together, missing


def _unit_scores(result: Result) -> dict[str, Decimal]:
    """Points of every scored unit: each node, and each part of a node scored by parts."""
    return {u.id: u.points for leaf in result.leaves for u in (leaf, *leaf.parts)}
