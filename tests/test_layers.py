"""The package's one-way flow holds, and a wrong arrow would be caught."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT)], cwd=tree, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_contracts_hold() -> None:
    run = _lint(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


def test_an_arrow_back_up_breaks_the_layers(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "cchc_index", tmp_path / "cchc_index")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    model = tmp_path / "cchc_index" / "model" / "result.py"
    model.write_text(model.read_text() + "\nimport cchc_index.report.render  # noqa: E402\n")
    run = _lint(tmp_path)
    assert run.returncode != 0
    assert "cchc_index.model.result -> cchc_index.report.render" in run.stdout


@pytest.mark.parametrize(
    ("module", "imported"),
    [
        ("report/labels.py", "cchc_index.scoring.rollup"),  # a renderer never scores
        ("scoring/rollup.py", "cchc_index.report.labels"),  # the scorer never renders
        ("service/review.py", "cchc_index.web.scores"),  # the service never calls a face
    ],
)
def test_report_and_scoring_share_a_rung_under_the_service(
    tmp_path: Path, module: str, imported: str
) -> None:
    """`report | scoring` is one rung (neither imports the other), and only the service layer
    and the faces above it join them."""
    shutil.copytree(ROOT / "cchc_index", tmp_path / "cchc_index")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    path = tmp_path / "cchc_index" / module
    path.write_text(path.read_text() + f"\nimport {imported}  # noqa: E402\n")
    run = _lint(tmp_path)
    assert run.returncode != 0
    assert "BROKEN" in run.stdout or "broken" in run.stdout


def test_durable_rules_is_forbidden_everywhere_but_the_runtime(tmp_path: Path) -> None:
    """The forbidden contract covers the whole package: a module in any folder, the ground
    included, that imports durable_rules breaks it."""
    shutil.copytree(ROOT / "cchc_index", tmp_path / "cchc_index")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    path = tmp_path / "cchc_index" / "province" / "hashing.py"
    path.write_text(path.read_text() + "\nimport durable  # noqa: E402\n")
    run = _lint(tmp_path)
    assert run.returncode != 0
    assert "cchc_index.province.hashing -> durable" in run.stdout


def test_no_circle_between_modules() -> None:
    import grimp

    graph = grimp.build_graph("cchc_index")
    circles = sorted(
        {
            tuple(sorted((module, imported)))
            for module in graph.modules
            for imported in graph.find_modules_directly_imported_by(module)
            if graph.chain_exists(importer=imported, imported=module)
        }
    )
    assert circles == []
