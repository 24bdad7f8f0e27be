"""The compiled ruleset: plain data, snapshot-tested, guarded against what hangs the C core."""

from __future__ import annotations

import os

import pytest

from cchc_index.bench.data import synthetic_framework
from cchc_index.engine.compile import compile_framework
from cchc_index.errors import RuleError
from cchc_index.load.rules import load_framework

from conftest import ROOT

SNAPSHOTS = ROOT / "tests" / "snapshots"


@pytest.mark.parametrize("name", ["ca-mau-2013", "hue-xa-2020"])
def test_ruleset_snapshot(name: str) -> None:
    """A change to the compiled rules is deliberate: set UPDATE_SNAPSHOTS=1 to accept it."""
    ruleset = compile_framework(load_framework(ROOT / "rules" / name).framework)
    snapshot = SNAPSHOTS / f"{name}.json"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(ruleset.snapshot() + "\n", encoding="utf-8")
    assert ruleset.snapshot() + "\n" == snapshot.read_text(encoding="utf-8")


def test_rules_are_single_fact_with_no_join_negation_or_regex() -> None:
    ruleset = compile_framework(load_framework(ROOT / "rules" / "hue-xa-2020").framework)
    text = ruleset.snapshot()
    for forbidden in ("$not", "$mt", "$imt", "$add", "$sub", "$mul", "$div", "$iall", "$iany"):
        assert forbidden not in text
    for rule in ruleset.rules.values():
        assert len(rule["all"]) == 1 and set(rule["all"][0]) == {"m"}


def test_compiler_refuses_what_would_hang_the_core() -> None:
    """≥ 512 sibling tests on one property hang durable_rules; the compiler stops at 500."""
    with pytest.raises(RuleError, match="520 giá trị khác nhau trên 'c'"):
        compile_framework(synthetic_framework(leaves=520))
    compile_framework(synthetic_framework(leaves=100))
