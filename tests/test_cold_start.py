"""The cold start of `score` guarded without timing anything: what a fresh interpreter imports
and builds to score the sample. Only what a measured cost justifies is kept off its path (the
other commands' modules, the web stack, the document writers, the results store); the figures
are measured by `bench` and kept in docs/performance-notes.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "evidence/quang-an-2020"

# Runs `python -m cchc_index ARGS` in this interpreter, then reports what it left behind.
PROBE = """
import json, runpy, sys
report = sys.argv[1]
sys.argv = ["cchc-index", *sys.argv[2:]]
try:
    runpy.run_module("cchc_index", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
import gc
unfrozen = len(gc.get_objects())  # what the interpreter's last collection would walk
from cchc_index.model.framework import Area, Criterion, Framework, Leaf, Meta
built = {c.__name__: c.__pydantic_complete__ for c in (Area, Criterion, Framework, Leaf, Meta)}
with open(report, "w", encoding="utf-8") as out:
    json.dump({"modules": sorted(sys.modules), "built": built, "unfrozen": unfrozen}, out)
"""

NOT_ON_THE_SCORE_PATH = [
    # the other commands' modules (cli/main.py imports a command's module when it is used)
    "cchc_index.cli.batch",
    "cchc_index.cli.bench",
    "cchc_index.cli.extract",
    "cchc_index.cli.framework_import",
    "cchc_index.cli.review",
    "cchc_index.cli.rules",
    "cchc_index.cli.serve",
    # the commands that need them import them when they run
    "webbrowser",
    "subprocess",
    "multiprocessing",
    "sqlite3",
    "uvicorn",
    "starlette",
    "jinja2",
    "docx",
    "openpyxl",
    "pypdfium2",
    "cchc_index.web",
    "cchc_index.extract",
    "cchc_index.importer",
    "cchc_index.province",
    "cchc_index.bench",
]


def probe(tmp_path: Path, name: str, *args: str, cache: bool = True) -> tuple[dict, str]:  # type: ignore[type-arg]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop("CCHC_NO_CACHE", None)
    if not cache:
        env["CCHC_NO_CACHE"] = "1"
    report = tmp_path / f"{name}.json"
    done = subprocess.run(
        [sys.executable, "-P", "-c", PROBE, str(report), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stderr == "", done.stderr
    return json.loads(report.read_text(encoding="utf-8")), done.stdout


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict, str]]:  # type: ignore[type-arg]
    tmp = tmp_path_factory.mktemp("cold")
    return {
        "first": probe(tmp, "first", "score", SAMPLE),  # fills the framework cache
        "second": probe(tmp, "second", "score", SAMPLE),  # reads it
        "uncached": probe(tmp, "uncached", "score", SAMPLE, cache=False),
    }


def test_score_prints_the_same_with_and_without_the_cache(runs: dict) -> None:  # type: ignore[type-arg]
    outputs = {name: out for name, (_report, out) in runs.items()}
    assert "Tổng điểm cuối cùng" in outputs["first"]
    assert outputs["first"] == outputs["second"] == outputs["uncached"]


@pytest.mark.parametrize("module", NOT_ON_THE_SCORE_PATH)
def test_score_does_not_import(runs: dict, module: str) -> None:  # type: ignore[type-arg]
    for name, (report, _out) in runs.items():
        loaded = [m for m in report["modules"] if m == module or m.startswith(module + ".")]
        assert loaded == [], f"{name} run of `score` imported {loaded}"


def test_a_cached_framework_builds_no_framework_validator(runs: dict) -> None:  # type: ignore[type-arg]
    """From the cache, the framework's classes are never validated (defer_build): the
    criteria carry their leaves already built (model/framework.py `scored_leaf`)."""
    report, _out = runs["second"]
    assert report["built"] == dict.fromkeys(report["built"], False)
    uncached, _out = runs["uncached"]
    assert uncached["built"]["Framework"] is True  # the probe itself can see a build


def test_the_exit_has_no_objects_to_collect(runs: dict) -> None:  # type: ignore[type-arg]
    """`main` freezes what is left when the command ends: the interpreter's full collection
    on the way out (~16 ms over ~40.000 objects after a `score`) then has nothing to walk."""
    for name, (report, _out) in runs.items():
        assert report["unfrozen"] < 1_000, (name, report["unfrozen"])


@pytest.mark.parametrize(
    ("args", "code", "stream", "text"),
    [
        (["score", SAMPLE], 0, "stdout", "Tổng điểm cuối cùng"),
        (["check", SAMPLE], 1, "stdout", "Tính đến ngày"),
        (["score", "evidence/khong-co"], 4, "stderr", "thiếu profile.yaml"),
        (["score", SAMPLE, "--format", "nope"], 2, "stderr", "nope"),
    ],
)
def test_a_command_ends_with_its_code_and_all_its_output(
    tmp_path: Path, args: list[str], code: int, stream: str, text: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-P", "-m", "cchc_index", *args],
        cwd=ROOT,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == code, done.stderr
    assert text in getattr(done, stream)
    if code == 0:  # the whole table, to its last line
        assert done.stdout.endswith("\n") and "Sản phẩm còn thiếu" in done.stdout


def test_every_command_is_found_by_its_name() -> None:
    """The group imports a command's module on first use (cli/main.py COMMANDS): each name
    leads to the command of that name, and the list is every command there is."""
    import click

    from cchc_index.cli.main import COMMANDS, cli

    ctx = click.Context(cli)
    assert cli.list_commands(ctx) == sorted(COMMANDS)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name
