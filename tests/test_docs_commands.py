"""Every command the docs show runs on the shipped samples: each `cchc-index …` line of the
```bash/```sh blocks, of the indented code blocks (and `$ cchc-index …` lines of ```console
blocks) in README.md and docs/*.md runs, in the order written, in a fresh copy of the samples
(`cchc-index samples`)."""

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
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
INDENTED = re.compile(r"^ {4}(cchc-index .*)$", re.MULTILINE)  # a Markdown indented code block
# Shown but not run: a server runs until stopped (tests/web and tests/server run it), a load
# run takes minutes (tests/server/test_bench.py runs a small one); their options are checked.
NOT_RUN = {
    ("serve",): "chạy tới khi dừng; tests/web chạy nó",
    ("server", "run"): "chạy tới khi dừng; tests/server chạy nó",
    ("server", "bench"): "đo vài phút; tests/server/test_bench.py chạy một lần nhỏ",
}


def doc_commands(page: Path) -> list[list[str]]:
    """The cchc-index command lines of a page, split as a shell would."""
    return list(doc_transcripts(page))


def doc_transcripts(page: Path) -> dict[tuple[str, ...], list[str]]:
    """Each command line of a page (once, in order) → the output lines a ```console block
    shows under it (none for ```bash lines)."""
    found: dict[tuple[str, ...], list[str]] = {}
    text = page.read_text(encoding="utf-8")
    blocks = [(m.start(), m.group(1), m.group(2)) for m in BLOCK.finditer(text)]
    outside = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)  # same offsets
    blocks += [(m.start(), "bash", m.group(1) + "\n") for m in INDENTED.finditer(outside)]
    for _, kind, body in sorted(blocks):
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
    rest = _after_options(argv)
    return rest[0] if rest else ""


def _after_options(argv: list[str]) -> list[str]:
    rest = argv[1:]
    while rest and rest[0].startswith("-"):
        rest = rest[2:] if rest[0] == "--lang" else rest[1:]
    return rest


def _not_run(argv: list[str]) -> tuple[str, ...] | None:
    """The NOT_RUN entry the command line is, if any."""
    rest = tuple(_after_options(argv))
    return next((key for key in NOT_RUN if rest[: len(key)] == key), None)


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
        shown_only = _not_run(argv)
        if shown_only is not None:
            # --help stops click before it runs anything, but after it has parsed every option
            # shown: an option the command does not have is still refused (exit 2)
            help_run = subprocess.run(
                [BIN, *argv[1:], "--help"], capture_output=True, text=True, cwd=work, env=env,
                timeout=60,
            )  # fmt: skip
            assert help_run.returncode == 0, f"{page.name}: {shlex.join(argv)}: {help_run.stderr}"
            words = _after_options(argv)[len(shown_only) :]
            values = {i + 1 for i, w in enumerate(words) if w.startswith("--") and "=" not in w}
            for i, arg in enumerate(words):
                if not arg.startswith("-") and i not in values:
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
