"""Every command the docs show runs on the shipped samples: each `cchc-index …` line of the
```bash/```sh blocks (and `$ cchc-index …` lines of ```console blocks) in README.md and
docs/*.md runs, in the order written, in a fresh copy of the samples (`cchc-index samples`)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_index.shipped import copy_samples

ROOT = Path(__file__).resolve().parents[1]
BIN = str(Path(sys.executable).with_name("cchc-index"))
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```(bash|sh|console)\n(.*?)^```", re.MULTILINE | re.DOTALL)
# Shown but not run: a server runs until stopped (tests/web run it); its options are checked.
NOT_RUN = {"serve": "chạy tới khi dừng; tests/web chạy nó"}


def doc_commands(page: Path) -> list[list[str]]:
    """The cchc-index command lines of a page, split as a shell would."""
    return list(doc_transcripts(page))


def doc_transcripts(page: Path) -> dict[tuple[str, ...], list[str]]:
    """Each command line of a page (once, in order) → the output lines a ```console block
    shows under it (none for ```bash lines)."""
    found: dict[tuple[str, ...], list[str]] = {}
    for kind, body in BLOCK.findall(page.read_text(encoding="utf-8")):
        shown: list[str] | None = None
        for raw in body.splitlines():
            line = raw.strip()
            if kind == "console":
                if not line.startswith("$ "):
                    if shown is not None and line and line != "…":
                        shown.append(raw.rstrip())
                    continue
                line = line[2:]
                shown = None
            if line.startswith("cchc-index "):
                argv = tuple(shlex.split(line, comments=True))
                # a transcript repeating a command shown above runs once
                found.setdefault(argv, [])
                if kind == "console":
                    shown = found[argv]
            elif kind == "console":
                shown = None
    return found


def _command_of(argv: list[str]) -> str:
    """The subcommand of a command line (after `--lang en`), or "" for `--version`."""
    rest = argv[1:]
    while rest and rest[0].startswith("-"):
        rest = rest[2:] if rest[0] == "--lang" else rest[1:]
    return rest[0] if rest else ""


def test_the_pages_show_commands() -> None:
    counts = {page.name: len(doc_commands(page)) for page in PAGES}
    assert counts["README.md"] >= 5
    for name in ("officer.md", "reviewer.md", "keeper.md", "ci.md", "install.md", "extract.md"):
        assert counts[name] >= 3, counts


@pytest.mark.slow  # ~60 commands, each a fresh process: about a minute on 2 cores
@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_command_of_the_docs_runs_on_the_samples(page: Path, tmp_path: Path) -> None:
    commands = doc_commands(page)
    if not commands:
        pytest.skip(f"{page.name} shows no cchc-index command")
    work = tmp_path / "work"
    copy_samples(work)
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("CCHC_LANG", None)
    for argv, shown in doc_transcripts(page).items():
        argv = list(argv)
        command = _command_of(argv)
        if command in NOT_RUN:
            help_run = subprocess.run(
                [BIN, command, "--help"], capture_output=True, text=True, env=env, timeout=60
            )
            assert help_run.returncode == 0
            for arg in argv[2:]:
                if not arg.startswith("-"):
                    assert (work / arg).exists(), f"{page.name}: {shlex.join(argv)}: no {arg}"
            continue
        where = work
        if command == "samples":  # it copies the samples, which never overwrite: a new folder
            where = tmp_path / f"empty-{len(list(tmp_path.iterdir()))}"
            where.mkdir()
        run = subprocess.run(
            [BIN, *argv[1:]], capture_output=True, text=True, cwd=where, env=env, timeout=300
        )
        # 1 is a finding (missing evidence, a difference), not a failure to run
        assert run.returncode in (0, 1), (
            f"{page.name}: {shlex.join(argv)} → {run.returncode}\n{run.stdout[-1500:]}\n{run.stderr[-1500:]}"
        )
        assert "Traceback" not in run.stderr
        printed = {line.rstrip() for line in (run.stdout + run.stderr).splitlines()}
        stale = [line for line in shown if line not in printed]
        assert not stale, f"{page.name}: {shlex.join(argv)} no longer prints:\n" + "\n".join(
            stale[:10]
        )
