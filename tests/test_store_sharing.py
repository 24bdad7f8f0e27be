"""The results store is safe to share: another program's SQLite is refused untouched, two
`batch --db` at once both finish, same-named units are both kept and named as such."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "evidence" / "quang-an-2020"
BIN = str(Path(sys.executable).with_name("cchc-index"))


def _province(tmp: Path, *names: str) -> Path:
    root = tmp / "tinh"
    for name in names:
        shutil.copytree(SAMPLE, root / name)
    return root


@pytest.mark.parametrize("version", [0, 1, 7])
def test_another_programs_sqlite_is_refused_and_untouched(tmp_path: Path, version: int) -> None:
    db = tmp_path / "khac.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE khach_hang (id INTEGER PRIMARY KEY, ten TEXT)")
    con.execute("INSERT INTO khach_hang(ten) VALUES ('A')")
    con.execute(f"PRAGMA user_version={version}")
    con.commit()
    con.close()
    before = db.read_bytes()
    root = _province(tmp_path, "qa")
    for args in (
        ["batch", str(root), "--rules-dir", str(ROOT / "rules"), "-j", "1", "-q", "--db", str(db)],
        ["results", "ranking", "--db", str(db)],
    ):
        run = CliRunner().invoke(cli, args)
        assert run.exit_code == ExitCode.INVALID_EVIDENCE, run.output
        assert "không phải cơ sở dữ liệu kết quả của cchc-index" in run.output
    assert db.read_bytes() == before
    assert not (tmp_path / "khac.db-wal").exists()


def test_two_batches_on_one_store_both_finish(tmp_path: Path) -> None:
    root = _province(tmp_path, "a", "b", "c")
    db = tmp_path / "k.db"
    argv = [BIN, "batch", str(root), "--rules-dir", str(ROOT / "rules"), "-j", "1", "-q"]
    runs = [
        subprocess.Popen([*argv, "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for run in runs:
        _out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    con = sqlite3.connect(db)
    finished = con.execute("SELECT count(*) FROM runs WHERE finished IS NOT NULL").fetchone()[0]
    assert finished == 2
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_same_named_units_are_both_kept_and_the_name_is_said_ambiguous(tmp_path: Path) -> None:
    root = _province(tmp_path, "huyen-a/quang-an", "huyen-b/quang-an")
    db = tmp_path / "k.db"
    run = CliRunner().invoke(
        cli, ["batch", str(root), "--rules-dir", str(ROOT / "rules"), "-j", "1", "--db", str(db)]
    )
    assert run.exit_code == 0, run.output
    assert "có trong 2 thư mục" in run.output  # the same unit and year twice
    ranking = CliRunner().invoke(cli, ["results", "ranking", "--db", str(db), "--format", "csv"])
    assert ranking.output.count("huyen-") == 2
    history = CliRunner().invoke(cli, ["results", "history", "UBND xã Quảng An", "--db", str(db)])
    assert "là của 2 đơn vị khác thư mục" in history.output


def test_a_missing_rules_dir_is_one_error(tmp_path: Path) -> None:
    root = _province(tmp_path, "a", "b")
    run = CliRunner().invoke(cli, ["batch", str(root), "--rules-dir", str(tmp_path / "khong")])
    assert run.exit_code == ExitCode.INVALID_RULES
    assert run.output.count("--rules-dir") == 1


def test_reuse_looks_at_the_bytes_not_size_and_time(tmp_path: Path) -> None:
    from cchc_index.province.hashing import folder_hash

    folder = tmp_path / "b"
    folder.mkdir()
    big = folder / "scan.pdf"
    big.write_bytes(b"a" * (2 << 20))
    first = folder_hash(folder)
    stat = big.stat()
    big.write_bytes(b"b" * (2 << 20))
    import os

    os.utime(big, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert folder_hash(folder) != first
