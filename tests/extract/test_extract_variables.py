"""The extractor's names for figures stay in step with the shipped framework."""

from __future__ import annotations

from pathlib import Path

import yaml

from cchc_index.extract.statrules import FRAMEWORK_VARIABLES, RULES, TITLES

FRAMEWORK = Path(__file__).resolve().parents[2] / "rules" / "hue-xa-2020" / "framework.yaml"


def test_framework_variables_match_the_rule_file() -> None:
    declared = yaml.safe_load(FRAMEWORK.read_text(encoding="utf-8"))["variables"]
    assert set(declared) == FRAMEWORK_VARIABLES


def test_every_unmapped_figure_has_a_title() -> None:
    names = {rule.variable for rule in RULES} | {r.ratio_of for r in RULES if r.ratio_of}
    assert names - FRAMEWORK_VARIABLES == set(TITLES)
