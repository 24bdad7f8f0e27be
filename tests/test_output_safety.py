"""`-o` never destroys anything: not an input, not a special file, not a link."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cchc_index.errors import ExitCode, OutputError
from cchc_index.output import OutputGate, _write_through, write_atomic

ROOT = Path(__file__).resolve().parent.parent
BIN = str(Path(sys.executable).with_name("cchc-index"))
SAMPLE = ROOT / "evidence" / "quang-an-2020"
RULES = ROOT / "rules" / "hue-xa-2020"


def cchc(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BIN, *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


@pytest.fixture()
def bundle(tmp_path: Path) -> Path:
    copy = tmp_path / "bundle"
    shutil.copytree(SAMPLE, copy)
    return copy


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", ["documents.csv", "profile.yaml", "ket-qua.md", "sub/x.json"])
def test_an_output_inside_the_bundle_is_refused(bundle: Path, name: str) -> None:
    before = snapshot(bundle)
    run = cchc("score", bundle, "-o", bundle / name)
    assert run.returncode == ExitCode.USAGE
    assert "là dữ liệu đầu vào của lệnh này" in run.stderr
    assert snapshot(bundle) == before


def test_the_bundle_through_a_symlink_is_still_the_bundle(bundle: Path, tmp_path: Path) -> None:
    link = tmp_path / "alias"
    link.symlink_to(bundle)
    before = snapshot(bundle)
    run = cchc("score", bundle, "-o", link / "documents.csv")
    assert run.returncode == ExitCode.USAGE
    assert snapshot(bundle) == before


def test_an_output_inside_the_framework_is_refused(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    before = snapshot(rules)
    assert cchc("score", SAMPLE, "--rules", rules, "-o", rules / "x.md").returncode == 2
    assert cchc("validate", rules, "-o", rules / "1.yaml").returncode == 2
    assert snapshot(rules) == before


def test_extract_never_writes_into_the_bundle_it_compares_with(bundle: Path) -> None:
    before = snapshot(bundle)
    seed = ROOT / "tests" / "extract" / "seeds" / "001_fabfcb6c746946c4.txt"
    run = cchc("extract", seed, "--against", bundle, "-o", bundle, "--force")
    assert run.returncode == ExitCode.USAGE
    assert snapshot(bundle) == before


@pytest.mark.parametrize("suffix", [".xls", ".odt", ".rtf", ".yaml", ".MD5"])
def test_a_suffix_no_renderer_makes_is_refused_with_the_list(tmp_path: Path, suffix: str) -> None:
    from cchc_index.report.formats import known_suffixes

    target = tmp_path / f"ket-qua{suffix}"
    run = cchc("score", SAMPLE, "-o", target)
    assert run.returncode == ExitCode.USAGE
    assert f"các đuôi làm được: {', '.join(sorted(known_suffixes()))}" in run.stderr
    assert not target.exists() and list(tmp_path.iterdir()) == []
    forced = cchc("score", SAMPLE, "--format", "json", "-o", target)
    assert forced.returncode == ExitCode.USAGE and not target.exists()


def test_the_list_comes_from_the_renderer_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from click.testing import CliRunner

    from cchc_index.cli.main import cli
    from cchc_index.report import formats

    made = dataclasses.replace(formats.FORMATS["json"], suffixes=(".json", ".jsn"))
    monkeypatch.setitem(formats.FORMATS, "json", made)
    out = tmp_path / "a.jsn"
    result = CliRunner().invoke(cli, ["score", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("{")


def test_a_format_other_than_the_suffix_is_refused(tmp_path: Path) -> None:
    run = cchc("score", SAMPLE, "--format", "json", "-o", tmp_path / "a.md")
    assert run.returncode == ExitCode.USAGE and "dạng json" in run.stderr
    assert cchc("score", SAMPLE, "--format", "json", "-o", tmp_path / "a.txt").returncode == 0


def test_a_symlink_is_kept_and_its_file_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert cchc("score", SAMPLE, "-o", link).returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the replaced file keeps its permissions


def test_dev_null_and_a_symlink_to_it_stay_what_they_are(tmp_path: Path) -> None:
    assert cchc("score", SAMPLE, "--format", "table", "-o", "/dev/null").returncode == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    link = tmp_path / "null.md"
    link.symlink_to("/dev/null")
    assert cchc("score", SAMPLE, "-o", link).returncode == 0
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_with_a_reader_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    proc = subprocess.Popen([BIN, "score", str(SAMPLE), "-o", str(fifo)], cwd=ROOT)
    reader.join(timeout=60)
    assert proc.wait(timeout=60) == 0
    assert received and received[0].startswith(b"# ")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_nobody_reads_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    run = cchc("score", SAMPLE, "-o", fifo)
    assert run.returncode == ExitCode.USAGE
    assert "không có thiết bị hay tiến trình nào ở đầu kia" in run.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_block_device_or_socket_is_refused(tmp_path: Path) -> None:
    for kind in (stat.S_IFBLK, stat.S_IFSOCK):
        with pytest.raises(OutputError):
            _write_through(tmp_path / "dev", kind | 0o600, b"x")
    assert list(tmp_path.iterdir()) == []


def test_an_unharmless_character_device_is_refused() -> None:
    if not os.path.exists("/dev/kmsg") or not os.access("/dev/kmsg", os.W_OK):
        pytest.skip("no writable /dev/kmsg here")
    with pytest.raises(OutputError):
        write_atomic(Path("/dev/kmsg"), "x")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        write_atomic(tmp_path, "x")
    run = cchc("validate", RULES, "-o", tmp_path)
    assert run.returncode == ExitCode.USAGE


def test_a_full_disk_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc_index.errors import EnvironmentProblem

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("cchc_index.output.os.fsync", full)
    target = tmp_path / "a.md"
    target.write_text("keep", encoding="utf-8")
    with pytest.raises(EnvironmentProblem) as caught:
        write_atomic(target, "new")
    assert "hết chỗ trên đĩa" in caught.value.message
    assert target.read_text(encoding="utf-8") == "keep"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_an_appended_log_goes_through_the_gate(tmp_path: Path) -> None:
    """`append` (the audit witness): lines add up; an input, a place outside the folder the
    run may write in, and a symbolic link are refused, and nothing is written there."""
    data = tmp_path / "du-lieu"
    data.mkdir()
    (data / "ngoai.txt").write_text("x\n", encoding="utf-8")
    gate = OutputGate(inputs=[data / "ngoai.txt"], within=data)
    log = data / "audit-witness.log"
    gate.append(log, b"1 aa\n")
    gate.append(log, b"2 bb\n")
    assert log.read_bytes() == b"1 aa\n2 bb\n"
    with pytest.raises(OutputError):
        gate.append(data / "ngoai.txt", b"3 cc\n")
    with pytest.raises(OutputError):
        gate.append(tmp_path / "khac.log", b"3 cc\n")
    (data / "lien-ket.log").symlink_to(tmp_path / "dich.log")
    with pytest.raises((OSError, OutputError)):  # outside once resolved, and never followed
        gate.append(data / "lien-ket.log", b"3 cc\n")
    assert (data / "ngoai.txt").read_text(encoding="utf-8") == "x\n"
    assert not (tmp_path / "khac.log").exists() and not (tmp_path / "dich.log").exists()
