"""The variables a draft fills come from the framework it is drafted for, not from a constant."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cchc_index.errors import RuleError
from cchc_index.extract.api import run_extract
from cchc_index.extract.statrules import IN_PROGRESS_IN_TIME, RULES, TITLES
from cchc_index.extract.variables import choose_framework, default_variables, variables_of

ROOT = Path(__file__).resolve().parents[2]
HUE = ROOT / "rules" / "hue-xa-2020"
CA_MAU = ROOT / "rules" / "ca-mau-2013"
SEED = Path(__file__).parent / "seeds" / "001_fabfcb6c746946c4.txt"


def test_the_default_is_the_shipped_framework_with_its_labels() -> None:
    declared = yaml.safe_load((HUE / "framework.yaml").read_text(encoding="utf-8"))["variables"]
    default = default_variables()
    assert default.framework == "hue-xa-2020"
    assert default.titles == {name: v["title"] for name, v in declared.items()}


def test_every_name_the_extractor_gives_has_a_title() -> None:
    names = {rule.variable for rule in RULES} | {r.ratio_of for r in RULES if r.ratio_of}
    names.add(IN_PROGRESS_IN_TIME.variable)  # given by the words after a count, not by a rule
    assert names == set(TITLES)


def test_a_framework_with_other_variables_drafts_only_those(tmp_path: Path) -> None:
    """Cà Mau 2013 declares only the two task counts: the seed's other figures are shown,
    but statistics.yaml holds only those two."""
    out = tmp_path / "draft"
    outcome = run_extract(SEED, output=out, rules=CA_MAU)
    assert set(outcome.draft.statistics) == {"nhiem_vu_ke_hoach", "nhiem_vu_hoan_thanh"}
    assert outcome.extraction is not None
    shown = {r.variable for r in outcome.extraction.readings}
    assert {"tin_cchc", "ho_so_tiep_nhan"} <= shown
    written = yaml.safe_load((out / "statistics.yaml").read_text(encoding="utf-8"))
    assert set(written) == {"nhiem_vu_ke_hoach", "nhiem_vu_hoan_thanh"}
    default = run_extract(SEED).draft.statistics
    assert {"tin_cchc", "ho_so_tiep_nhan", "nhiem_vu_ke_hoach"} <= set(default)


def test_the_profiles_framework_is_looked_up_in_rules_dir(tmp_path: Path) -> None:
    assert choose_framework(None, "ca-mau-2013", ROOT / "rules") == ROOT / "rules" / "ca-mau-2013"
    assert choose_framework(CA_MAU, "hue-xa-2020", ROOT / "rules") == CA_MAU
    assert choose_framework(None, None, tmp_path).resolve() == HUE  # ./rules, else shipped
    with pytest.raises(RuleError) as caught:
        choose_framework(None, "khong-co", ROOT / "rules")
    assert "khong-co" in str(caught.value.problems[0].message)


def test_labels_are_the_frameworks() -> None:
    assert variables_of(CA_MAU).titles["nhiem_vu_ke_hoach"] == (
        "Số nhiệm vụ CCHC đề ra trong kế hoạch"
    )
