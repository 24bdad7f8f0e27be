"""Every rule case shipped with every framework, one pytest item each (`pytest -k 1.1.2`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_index.load.rules import FrameworkSource, load_framework
from cchc_index.scoring.cases import LoadedCase, _judge, case_bundle, find_result, load_cases
from cchc_index.scoring.evaluate import Scorer

from conftest import ROOT

FOLDERS = sorted(
    p for base in ("rules", "tests/frameworks") for p in (ROOT / base).iterdir() if p.is_dir()
)
SOURCES: dict[str, FrameworkSource] = {f.name: load_framework(f) for f in FOLDERS}
CASES = [(name, case) for name, source in SOURCES.items() for case in load_cases(source)]
SCORERS: dict[str, Scorer] = {}


@pytest.mark.parametrize(("folder", "loaded"), CASES, ids=[c.id for _, c in CASES])
def test_case(folder: str, loaded: LoadedCase) -> None:
    source = SOURCES[folder]
    scorer = SCORERS.setdefault(folder, Scorer(source.framework))
    result = scorer.evaluate(case_bundle(source, loaded.case))
    outcome = _judge(loaded, find_result(result.leaves, loaded.case.node))
    assert outcome.passed, outcome.why


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_scored_node_has_an_earning_and_a_non_earning_case(folder: Path) -> None:
    source = SOURCES[folder.name]
    cases = [c.case for c in load_cases(source)]
    for _area, _criterion, _node, leaf in source.framework.units():  # each part on its own
        if not leaf.scoring.self_scored:
            continue
        mine = [c for c in cases if c.node == leaf.id]
        assert any(c.expect.points > 0 for c in mine), f"{leaf.id}: no case that earns points"
        assert any(c.expect.points == 0 for c in mine), f"{leaf.id}: no case that earns nothing"


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_node_cites_its_source(folder: Path) -> None:
    framework = SOURCES[folder.name].framework
    assert framework.meta.provenance.source
    for area in framework.areas:
        assert area.provenance.source
        for _a, _c, leaf in framework.leaves():
            assert leaf.provenance.source.strip(), leaf.id
