"""The package's one-way flow holds, and a wrong arrow would be caught."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def test_only_the_faces_import_both_scoring_and_rendering() -> None:
    """A module that renders never scores: only the faces (cli, web, the province server, and the
    front door) join them."""
    faces = {"cli", "web", "server", "__init__.py"}
    offenders = []
    for path in (ROOT / "cchc_index").rglob("*.py"):
        rel = path.relative_to(ROOT / "cchc_index")
        if rel.parts[0] in faces:
            continue
        text = path.read_text(encoding="utf-8")
        if "cchc_index.scoring" in text and "cchc_index.report" in text:
            offenders.append(str(rel))
    assert offenders == []


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
