"""Positions travel with the bundle: later checks place their messages without reading a file
again, and `explain` loads its framework once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.errors import EvidenceError
from cchc_index.i18n import set_lang
from cchc_index.load.against import check_against
from cchc_index.load.bundle import read_bundle
from cchc_index.load.rules import load_framework

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "evidence" / "quang-an-2020"
RULES = ROOT / "rules" / "hue-xa-2020"
SEED = ROOT / "tests" / "extract" / "seeds" / "001_fabfcb6c746946c4.txt"


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_lang("vi")


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a file was read again")

    for name in ("cchc_index.source.read_text", "cchc_index.source.load_yaml"):
        monkeypatch.setattr(name, refuse)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "read_text", refuse)


def test_check_against_places_errors_from_the_loaded_positions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(SAMPLE, bundle)
    stats = bundle / "statistics.yaml"
    stats.write_text(stats.read_text(encoding="utf-8") + "tin_cchcc: 1\n", encoding="utf-8")
    decl = bundle / "declarations.yaml"
    decl.write_text(
        decl.read_text(encoding="utf-8").replace('node: "3.2.2"', 'node: "3.2.9"'),
        encoding="utf-8",
    )
    source = read_bundle(bundle)
    framework = load_framework(RULES).framework
    last = len((SAMPLE / "statistics.yaml").read_text(encoding="utf-8").splitlines()) + 1
    _no_reading(monkeypatch)
    with pytest.raises(EvidenceError) as caught:
        check_against(source, framework)
    where = {(Path(p.path).name, p.line) for p in caught.value.problems}
    assert ("statistics.yaml", last) in where
    assert ("declarations.yaml", 4) in where


def test_explain_loads_the_framework_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import cchc_index.load.rules as rules
    import cchc_index.load.unit as unit

    calls: list[Path] = []
    real = rules.load_framework

    def counted(folder: Path) -> rules.FrameworkSource:
        calls.append(folder)
        return real(folder)

    monkeypatch.setattr(rules, "load_framework", counted)
    monkeypatch.setattr(unit, "load_framework", counted)
    result = CliRunner().invoke(cli, ["explain", "1.1.1", "--rules", str(RULES), str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert len(calls) == 1


def test_extract_against_names_the_lines_of_the_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(SAMPLE, bundle)
    docs = bundle / "documents.csv"
    docs.write_text(
        docs.read_text(encoding="utf-8").replace(
            "472/KH-UBND,16/12/2019", "472/KH-UBND,17/12/2019"
        ),
        encoding="utf-8",
    )
    stats = bundle / "statistics.yaml"
    stats.write_text(
        stats.read_text(encoding="utf-8").replace("  value: 218", "  value: 219"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["extract", str(SEED), "--against", str(bundle)])
    assert result.exit_code == 1
    assert "documents.csv:7 ghi 17/12/2019" in result.output
    assert "statistics.yaml:6 ghi 219" in result.output
