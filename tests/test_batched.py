"""The batch path (K units in one capped durable_rules session) against one unit at a time.

`cap` and multi-unit sessions lie outside the subset research/durable-rules.md verified, so
the batch path is adopted only under this law: over thousands of generated units, every
unit's result from `evaluate_many` equals its result from `evaluate` alone, and equals the
pure-Python reference.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.engine.runtime import BATCH_UNITS
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import Framework
from cchc_index.scoring.evaluate import Scorer

from strategies import bundles, frameworks


@settings(max_examples=80)
@given(frameworks(), st.lists(bundles(), min_size=BATCH_UNITS + 1, max_size=3 * BATCH_UNITS + 5))
def test_batched_evaluation_equals_one_unit_at_a_time(
    framework: Framework, units: list[Bundle]
) -> None:
    batched = Scorer(framework, "durable").evaluate_many(units)
    alone = Scorer(framework, "durable")
    reference = Scorer(framework, "reference").evaluate_many(units)
    assert len(batched) == len(units)
    for unit, result, oracle in zip(units, batched, reference, strict=True):
        assert result == alone.evaluate(unit)
        assert replace(result, engine="") == replace(oracle, engine="")
