"""JSON Schemas for editors: generated from the models, shipped in schemas/ (and the wheel),
written by `cchc-index schema --out DIR`; every shipped YAML file names its schema in a
yaml-language-server modeline and validates against it; what `validate` refuses for its
structure (unknown or missing keys, a list for a mapping, an unknown method) the schema
refuses too."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.service.schemas import MODELINE, modeline, schema_for, schema_texts

ROOT = Path(__file__).resolve().parents[1]
ALL_YAML = sorted(
    p
    for root in ("rules", "evidence", "tests/frameworks")
    for p in (ROOT / root).rglob("*.y*ml")
    if "submissions" not in p.relative_to(ROOT).parts  # a submission's byte copies, frozen
)
# A province's own files (province.yaml, unit-map.yaml) have no schema yet; every framework
# and bundle file has one.
SHIPPED = [p for p in ALL_YAML if schema_for(p.name, (p.parent / "framework.yaml").is_file())]
BIN = str(Path(sys.executable).with_name("cchc-index"))


def _validator(folder: Path, name: str) -> jsonschema.Draft7Validator:
    schema = json.loads((folder / name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_only_province_files_go_without_a_schema() -> None:
    assert {p.name for p in ALL_YAML if p not in SHIPPED} <= {"province.yaml", "unit-map.yaml"}


def test_the_shipped_schemas_are_the_generated_ones() -> None:
    """scripts/modelines.py writes them; a model change without it fails here."""
    for name, text in schema_texts().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, name


def test_schema_command_writes_them_and_the_shipped_files_validate(tmp_path: Path) -> None:
    out = tmp_path / "s"
    run = subprocess.run(
        [BIN, "schema", "--out", str(out)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(schema_texts())
    checked = 0
    for path in SHIPPED:
        name = schema_for(path.name, (path.parent / "framework.yaml").is_file())
        assert name is not None, path
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = [e.message for e in _validator(out, name).iter_errors(data)]
        assert not errors, (path, errors[:3])
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(ROOT)) for p in SHIPPED])
def test_every_shipped_yaml_file_names_its_schema(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    modelines = [line for line in lines if line.startswith(MODELINE)]
    assert modelines == [modeline(path, ROOT / "schemas")], path
    target = (path.parent / modelines[0].removeprefix(MODELINE)).resolve()
    assert target.is_file() and target.parent == ROOT / "schemas"


def _edit(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _leaf(data: dict[str, Any]) -> dict[str, Any]:
    return data["criteria"][0]["sub_criteria"][0]  # type: ignore[no-any-return]


AREA = "1-chi-dao-dieu-hanh.yaml"
STRUCTURAL: list[tuple[str, str, Any]] = [
    ("an unknown key", AREA, lambda d: _leaf(d).update(pointz=1)),
    ("a missing key", AREA, lambda d: _leaf(d).pop("title")),
    ("a mapping for a list", AREA, lambda d: d.update(criteria={"a": 1})),
    ("an unknown method", AREA, lambda d: _leaf(d)["method"].update(type="presense")),
    ("a method's unknown key", AREA, lambda d: _leaf(d)["method"].update(on_tim=1)),
    ("an unknown evidence type", AREA, lambda d: _leaf(d)["evidence"][0].update(type="doc")),
    ("framework.yaml: an unknown key", "framework.yaml", lambda d: d.update(nam=2020)),
    ("framework.yaml: no id", "framework.yaml", lambda d: d.pop("id")),
    ("cases: a mapping", "1-chi-dao-dieu-hanh.cases.yaml", lambda d: None),
]


@pytest.mark.parametrize(("what", "file", "change"), STRUCTURAL, ids=[w for w, *_ in STRUCTURAL])
def test_the_schemas_refuse_what_validate_refuses(
    what: str, file: str, change: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "hue-xa-2020"
    shutil.copytree(ROOT / "rules" / "hue-xa-2020", folder)
    path = folder / file
    if what == "cases: a mapping":
        path.write_text("name: x\nnode: 1.1.1\nexpect: {points: 0}\n", encoding="utf-8")
    else:
        _edit(path, change)
    checked = CliRunner().invoke(cli, ["validate", str(folder)])
    assert checked.exit_code == 3, (what, checked.output)
    name = schema_for(path.name, True)
    assert name is not None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(_validator(ROOT / "schemas", name).iter_errors(data)), what


BUNDLE_CASES: list[tuple[str, str, Any]] = [
    ("profile: an unknown key", "profile.yaml", lambda d: d.update(nam=2020)),
    ("profile: no name", "profile.yaml", lambda d: d.pop("name")),
    ("appraisal: a mapping for rounds", "appraisal.yaml", lambda d: d.update(rounds={"a": 1})),
    ("appraisal: an unknown key", "appraisal.yaml", lambda d: d["rounds"][0].update(ngay=1)),
    ("declarations: an unknown key", "declarations.yaml", lambda d: d.update(dinh_tinh=[])),
    ("statistics: a list", "statistics.yaml", lambda d: d.update(tin_cchc=[1, 2])),
]


@pytest.mark.parametrize(
    ("what", "file", "change"), BUNDLE_CASES, ids=[w for w, *_ in BUNDLE_CASES]
)
def test_the_bundle_schemas_refuse_what_score_refuses(
    what: str, file: str, change: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "quang-an-2020"
    shutil.copytree(ROOT / "evidence" / "quang-an-2020", folder)
    path = folder / file
    _edit(path, change)
    scored = CliRunner().invoke(
        cli, ["score", str(folder), "--rules", str(ROOT / "rules" / "hue-xa-2020")]
    )
    assert scored.exit_code == 4, (what, scored.output)
    name = schema_for(path.name, False)
    assert name is not None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(_validator(ROOT / "schemas", name).iter_errors(data)), what
