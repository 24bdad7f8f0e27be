"""Conventions of a command-line tool: `--lang en` before the command covers all after it,
help included; click's own words (Usage, [OPTIONS], metavars, Error) follow the language;
NO_COLOR and a non-terminal output give plain text."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli

BIN = str(Path(sys.executable).with_name("cchc-index"))
ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in {"CCHC_LANG", "NO_COLOR"}}
    return subprocess.run(
        [BIN, *args], capture_output=True, text=True, env={**environ, **env}, timeout=60, cwd=ROOT
    )


@pytest.mark.parametrize("command", ["score", "validate", "batch", "explain"])
def test_lang_before_the_command_covers_its_help(command: str) -> None:
    english = run("--lang", "en", command, "--help").stdout
    assert english.startswith(f"Usage: cchc-index {command} [OPTIONS]")
    assert "Show this message and exit." in english and "Options:" in english
    vietnamese = run(command, "--help").stdout
    assert vietnamese.startswith(f"Cách dùng: cchc-index {command} [TÙY_CHỌN]")
    assert "Hiện hướng dẫn này rồi thoát." in vietnamese and "Tùy chọn:" in vietnamese
    assert "[OPTIONS]" not in vietnamese and "Show this" not in vietnamese


def test_click_words_and_metavars_follow_the_language() -> None:
    vi = run("--help").stdout
    assert vi.startswith("Cách dùng: cchc-index [TÙY_CHỌN] LỆNH [THAM_SỐ]...")
    assert "\nLệnh:\n" in vi
    bench = run("bench", "--help").stdout
    assert "--sizes CHUỖI" in bench and "--workers SỐ_NGUYÊN" in bench
    en_bench = run("--lang", "en", "bench", "--help").stdout
    assert "--sizes TEXT" in en_bench and "--workers INTEGER RANGE" in en_bench
    missing = run("validate")
    assert missing.returncode == 2
    assert "Lỗi: Thiếu tham số 'ĐƯỜNG_DẪN...'." in missing.stderr
    assert "Cách dùng: cchc-index validate [TÙY_CHỌN] ĐƯỜNG_DẪN..." in missing.stderr
    english = run("--lang", "en", "validate")
    assert "Error: Missing argument 'PATHS...'." in english.stderr
    assert "Usage: cchc-index validate [OPTIONS] PATHS..." in english.stderr


def test_a_help_built_in_one_language_follows_the_next_run() -> None:
    """click keeps each command's --help option once built: its text must not stick."""
    runner = CliRunner()
    assert "Show this message" in runner.invoke(cli, ["--lang", "en", "check", "--help"]).output
    again = runner.invoke(cli, ["check", "--help"]).output
    assert "Hiện hướng dẫn này rồi thoát." in again and "Show this" not in again


def _through_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """Run with stdout and stderr on a pseudo-terminal; everything it wrote."""
    leader, follower = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    process = subprocess.Popen(
        [BIN, *args], stdout=follower, stderr=follower, env={**environ, **env}, cwd=ROOT
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks)


def test_no_color_and_pipes_give_plain_text() -> None:
    for args in (["--help"], ["score", "evidence/quang-an-2020"], ["validate", "rules"]):
        piped = run(*args)
        assert "\x1b" not in piped.stdout + piped.stderr
        shown = _through_a_terminal(args, {"NO_COLOR": "1"})
        assert shown and b"\x1b" not in shown


def test_no_color_turns_off_click_styles_even_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool | None] = []

    @cli.command("colour-probe")
    def probe() -> None:
        seen.append(click.get_current_context().color)

    try:
        monkeypatch.setenv("NO_COLOR", "1")
        CliRunner().invoke(cli, ["colour-probe"])
        monkeypatch.delenv("NO_COLOR")
        CliRunner().invoke(cli, ["colour-probe"])
    finally:
        cli.commands.pop("colour-probe", None)
    assert seen == [False, None]  # None: click decides (styles only on a terminal)


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and sub-command path (the lazy group's too)."""
    ctx = click.Context(group)
    found: list[tuple[str, ...]] = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        path = (*prefix, name)
        found.append(path)
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


def test_no_help_page_leaks_clicks_english_words() -> None:
    """Every command's Vietnamese help: click's bracketed extras ([required], default:, env
    var:) and its headings in Vietnamese, in process (one interpreter for all of them)."""
    runner = CliRunner()
    leaks = []
    paths = _commands(cli)  # type: ignore[arg-type]
    assert len(paths) > 30 and ("survey", "import") in paths
    for path in paths:
        page = runner.invoke(cli, [*path, "--help"], env={"CCHC_LANG": "vi"}).output
        for english in ("[required", "required]", "default:", "env var:", "Options:", "Usage:"):
            if english in page:
                leaks.append(f"{' '.join(path)}: {english}")
    assert leaks == []
