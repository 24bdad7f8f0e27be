"""The bad-input suite: every case in `hostile_cases.py`, run in its own process under a memory
and CPU limit, must exit with its code, say what and where, write nothing, show no traceback
and no English library text in the Vietnamese interface."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hostile_cases import CASES, Case

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("run_limited.py")
SEED = ROOT / "tests" / "extract" / "seeds" / "001_fabfcb6c746946c4.txt"
# Phrases of Python, pydantic, click, libyaml, csv and the C library: none may reach a user of
# the Vietnamese interface.
ENGLISH = [
    "Traceback",
    "Error:",
    "Usage:",
    "Aborted",
    "Input should",
    "validation error",
    "Field required",
    "field required",
    "could not",
    "found character",
    "while parsing",
    "while scanning",
    "mapping values",
    "Permission denied",
    "No such file",
    "No space left",
    "invalid literal",
    "has no attribute",
    "is not a valid",
    "does not exist",
    "Try '",
    "codec can't",
    "line contains NUL",
    "field larger",
    "day is out of range",
    "month must be",
    "Invalid value",
    "InvalidOperation",
    "KeyError",
    "ValueError",
    "TypeError",
    "Exception",
    "String should",
    "Value error",
]


def _zip(entries: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _apply(root: Path, op: tuple[Any, ...]) -> None:
    kind, path = op[0], root / op[1]
    if kind == "write":
        path.parent.mkdir(parents=True, exist_ok=True)
        data = op[2]
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    elif kind == "append":
        path.write_bytes(path.read_bytes() + op[2].encode("utf-8"))
    elif kind == "replace":
        text = path.read_text(encoding="utf-8")
        assert op[2] in text, f"{op[1]} has no {op[2]!r}"
        path.write_text(text.replace(op[2], op[3], 1), encoding="utf-8")
    elif kind == "remove":
        path.unlink()
    elif kind == "mkdir":
        path.mkdir(parents=True)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        path.symlink_to(op[2])
    elif kind == "zip":
        path.write_bytes(_zip(op[2]))
    elif kind in ("zipbomb", "bomb"):  # 400 MB of zeros in a few hundred kB, in blocks
        member_name = op[2] if kind == "bomb" else "word/document.xml"
        block = b"\0" * 4_000_000
        with (
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
            archive.open(member_name, "w", force_zip64=True) as member,
        ):
            for _ in range(100):
                member.write(block)
    elif kind == "encrypted":  # what Word and Excel save with a password: an OLE container
        path.write_bytes(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 504
            + "EncryptedPackage".encode("utf-16-le")
        )
    elif kind == "rename":
        path.rename(root / op[2])
    elif kind == "sqlite":  # another program's database
        import sqlite3

        con = sqlite3.connect(path)
        con.execute("CREATE TABLE khach_hang (id INTEGER PRIMARY KEY, ten TEXT)")
        con.execute(f"PRAGMA user_version={op[2] if len(op) > 2 else 0}")
        con.commit()
        con.close()
    elif kind == "cell":  # one cell of the working workbook's main sheet
        from openpyxl import load_workbook

        book = load_workbook(path)
        book["Bảng tự đánh giá"][op[2]] = op[3]
        book.save(path)
    else:
        raise AssertionError(kind)


def _tree(root: Path) -> dict[str, str]:
    found = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[rel] = "dir" if path.is_dir() else "special"
    return found


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile-base")
    shutil.copytree(ROOT / "evidence" / "quang-an-2020", base / "b")
    shutil.copytree(ROOT / "rules" / "hue-xa-2020", base / "r")
    shutil.copy(SEED, base / "report.txt")
    return base


def run_case(
    case: Case, workspace: Path, tmp: Path
) -> tuple[subprocess.CompletedProcess[str], int, float]:
    root = tmp / "w"
    shutil.copytree(workspace, root, symlinks=True)
    for op in case.ops:
        _apply(root, op)
    before = _tree(root)
    report = tmp / "usage.txt"
    env = {
        **os.environ,
        "CCHC_TEST_REPORT": str(report),
        "CCHC_LANG": "vi",
        "COLUMNS": "120",
    }
    env.pop("CCHC_DEBUG", None)
    run = subprocess.run(
        [sys.executable, str(RUNNER), *case.args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    after = _tree(root)
    assert after == before, f"{case.id}: files changed: {set(after.items()) ^ set(before.items())}"
    rss_kb, cpu = report.read_text().split() if report.exists() else ("0", "0")
    return run, int(rss_kb), float(cpu)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input(case: Case, workspace: Path, tmp_path: Path) -> None:
    run, rss_kb, cpu = run_case(case, workspace, tmp_path)
    out = run.stdout + run.stderr
    assert run.returncode == case.code, f"{case.id}: exit {run.returncode}\n{run.stderr[-3000:]}"
    assert case.says in out, f"{case.id}: {out[-3000:]}"
    if case.at:
        assert re.search(case.at, out, re.MULTILINE), f"{case.id}: no {case.at!r} in\n{out[-3000:]}"
    leaked = [phrase for phrase in ENGLISH if phrase in out]
    assert not leaked, f"{case.id}: English library text {leaked}:\n{out[-3000:]}"
    assert rss_kb > 0, f"{case.id}: run_limited.py wrote no usage report"  # or no limit holds
    assert rss_kb < 400_000, f"{case.id}: {rss_kb} kB"
    if case.fast:  # hostile YAML and archives: refused in under 1 s and 200 MB
        assert cpu < 1.0, f"{case.id}: {cpu:.2f} s of CPU"
        assert rss_kb < 200_000, f"{case.id}: {rss_kb} kB"


def test_the_suite_is_large_and_covers_every_class() -> None:
    assert len(CASES) >= 120
    prefixes = {c.id.split("-")[0] for c in CASES}
    assert {
        "yaml",
        "enc",
        "csv",
        "date",
        "number",
        "stat",
        "file",
        "path",
        "rules",
        "out",
        "extract",
        "cli",
    } <= prefixes
    codes = {c.code for c in CASES}
    assert {0, 2, 3, 4, 6} <= codes


def test_control_characters_in_a_report_never_reach_the_terminal(tmp_path: Path) -> None:
    report = tmp_path / "bc.txt"
    text = SEED.read_text(encoding="utf-8")
    report.write_text(
        text.replace("Kế hoạch", "Kế \x1b[2J\x1b]0;pwned\x07hoạch", 3), encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, str(RUNNER), "extract", str(report), "-o", str(tmp_path / "nhap")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode in (0, 1), run.stderr
    assert "\x1b" not in run.stdout + run.stderr and "\x07" not in run.stdout
    for written in (tmp_path / "nhap").iterdir():
        assert "\x1b" not in written.read_text(encoding="utf-8")
