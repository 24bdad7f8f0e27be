"""The batch path (K units in one capped durable_rules session) against one unit at a time.

`cap` and multi-unit sessions lie outside the subset docs/engine.md describes as verified, so
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


def test_an_action_message_is_read_as_its_json_says() -> None:
    """The units of a capped action are found by a search of its text; every other shape (a
    message naming several rules, one frame without a list, a node id holding `:[`) is
    parsed as JSON, and both readings agree."""
    import json

    from cchc_index.engine.runtime import _action_units

    frame = {"m": {"sid": "b1", "id": 4, "u": 3, "c": "1.1.1", "vf": 5, "vc": 5}}
    odd = {"m": {"sid": "b1", "id": 5, "u": 7, "c": 'x:["u":9]', "vf": 1, "vc": 1}}
    messages = {
        "capped": {"r12": [frame, {"m": {**frame["m"], "id": 6, "u": 11}}]},
        "several rules": {"r1": [frame], "r2": [odd]},
        "one frame": {"r3": frame},
        "odd node id": {"r4": [odd]},
        "one frame, odd node id": {"r5": odd},
        "session": {"__session": {"m": {"sid": "b1", "id": "__s", "t": "__session__"}}},
    }
    expected = {
        "capped": [("r12", [3, 11])],
        "several rules": [("r1", [3]), ("r2", [7])],
        "one frame": [("r3", [3])],
        "odd node id": [("r4", [7])],
        "one frame, odd node id": [("r5", [7])],
        "session": [("__session", [])],
    }
    for name, message in messages.items():
        text = json.dumps(message, ensure_ascii=False, separators=(",", ":"))
        assert _action_units(text) == expected[name], name
