"""Every user error is a user error: out-of-range or busy ports, folders nested past the
recursion limit, renumbered frameworks of 1,000 items diffed in seconds."""

from __future__ import annotations

import os
import shutil
import socket
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.errors import ExitCode
from cchc_index.scoring.diff import match_nodes

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "evidence" / "quang-an-2020"


@pytest.mark.parametrize("port", ["70000", "-1", "http"])
def test_a_port_out_of_range_is_a_usage_error(port: str) -> None:
    run = CliRunner().invoke(cli, ["serve", str(SAMPLE), "--port", port, "--no-browser"])
    assert run.exit_code == ExitCode.USAGE, run.output


def test_a_busy_port_is_an_environment_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = CliRunner().invoke(cli, ["serve", str(SAMPLE), "--port", str(port), "--no-browser"])
    assert run.exit_code == ExitCode.ENVIRONMENT, run.output
    assert f"không mở được cổng {port}" in run.output


def test_a_folder_nested_past_the_recursion_limit_is_walked(tmp_path: Path) -> None:
    root = tmp_path / "tinh"
    root.mkdir()
    fd = os.open(root, os.O_RDONLY)
    for _ in range(sys.getrecursionlimit() + 200):  # by hand: pathlib's mkdir recurses too
        os.mkdir("a", dir_fd=fd)
        inner = os.open("a", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(fd)
    shutil.copytree(SAMPLE, root / "quang-an")
    try:
        run = CliRunner().invoke(
            cli, ["batch", str(root), "--rules-dir", str(ROOT / "rules"), "-j", "1", "-q"]
        )
        assert run.exit_code == ExitCode.OK, run.output
    finally:
        _remove_chain(root)


def _remove_chain(root: Path) -> None:
    """Remove the chain of `a` folders without recursion (shutil.rmtree, and pytest's own
    clean-up of old temporary folders, would overflow on it)."""
    fds = [os.open(root, os.O_RDONLY)]
    while "a" in os.listdir(fds[-1]):
        fds.append(os.open("a", os.O_RDONLY, dir_fd=fds[-1]))
    for parent in reversed(fds[:-1]):
        os.rmdir("a", dir_fd=parent)
    for fd in fds:
        os.close(fd)


def test_a_renumbered_framework_of_a_thousand_items_matches_in_seconds() -> None:
    import random

    pick = random.Random(18)
    letters = "abcdeghiklmnopqrstuvxyđơưâêô "
    titles = ["".join(pick.choice(letters) for _ in range(50)) for _ in range(1000)]
    a = {f"{i // 100 + 1}.{i % 100 + 1}": t for i, t in enumerate(titles)}
    b = {f"{i // 100 + 1}.{i % 100 + 2}": t for i, t in enumerate(titles)}  # all renumbered
    b["9.99"] = titles[5] + " trong năm"  # and one changed title
    start = time.perf_counter()
    found = match_nodes(a, b)
    assert time.perf_counter() - start < 5
    assert sum(1 for m in found if m.a and m.b and m.a != m.b) >= 999
