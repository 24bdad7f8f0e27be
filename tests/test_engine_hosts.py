"""More frameworks in one process than the C core keeps registered: a runner whose ruleset
was evicted registers it again instead of calling into a deleted one (error 111), as a batch
of a province with three frameworks (evidence/) did."""

from __future__ import annotations

from cchc_index.engine.runtime import _MAX_HOSTS
from cchc_index.load.rules import load_framework
from cchc_index.scoring.cases import Case, case_bundle
from cchc_index.scoring.evaluate import Scorer

from conftest import ROOT


def test_every_scorer_still_scores_after_its_ruleset_was_evicted() -> None:
    folders = sorted(p for p in (ROOT / "rules").iterdir() if p.is_dir())
    assert 2 * len(folders) > _MAX_HOSTS  # plain and capped registrations: evictions happen
    scorers = []
    for folder in folders:
        source = load_framework(folder)
        node = next(unit.id for _a, _c, _n, unit in source.framework.units())
        bundle = case_bundle(source, Case(name="x", node=node, expect={"points": 0}))
        scorer = Scorer(source.framework)
        first = scorer.evaluate(bundle)
        assert scorer.evaluate_many([bundle, bundle]) == [first, first]
        scorers.append((scorer, bundle, first))
    for scorer, bundle, first in scorers:  # the earliest were evicted by the later ones
        assert scorer.evaluate(bundle) == first
        assert scorer.evaluate_many([bundle]) == [first]
