"""Every command against the README's exit-code table: one meaning per code, one handler."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.errors import ExitCode
from cchc_index.i18n import set_lang

ROOT = Path(__file__).resolve().parent.parent

BIN = str(Path(sys.executable).with_name("cchc-index"))
SAMPLE = "evidence/quang-an-2020"
RULES = "rules/hue-xa-2020"
SEED = "tests/extract/seeds/001_fabfcb6c746946c4.txt"
COMMANDS = cli.list_commands(click.Context(cli))  # imported when used: cli/main.py


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CCHC_LANG", raising=False)
    monkeypatch.delenv("CCHC_DEBUG", raising=False)
    set_lang("vi")


def readme_codes() -> dict[int, str]:
    """The exit-code table of the docs (docs/reference.md; README.md until it moved there)."""
    pages = [ROOT / "docs" / "reference.md", ROOT / "README.md"]
    text = next(
        t
        for t in (p.read_text(encoding="utf-8") for p in pages if p.is_file())
        if re.search(r"^#+ Mã thoát \(exit codes\)$", t, re.M)
    )
    after = re.split(r"^#+ Mã thoát \(exit codes\)$", text, maxsplit=1, flags=re.M)[1]
    table = after.split("\n\n", 2)[1]
    return {int(m[1]): m[2] for m in re.finditer(r"^\| (\d+) \| (.*) \|$", table, re.M)}


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


def test_the_readme_table_is_the_enum() -> None:
    assert set(readme_codes()) == {int(code) for code in ExitCode}


def test_the_group_help_lists_every_code() -> None:
    code, out = invoke("--help")
    assert code == 0
    for number in ExitCode:
        assert re.search(rf"\b{int(number)}\b", out), number


@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_vietnamese_and_exits_0(command: str) -> None:
    code, out = invoke(command, "--help")
    assert code == ExitCode.OK
    assert "Cách dùng:" in out and "Hiện hướng dẫn này rồi thoát." in out
    assert "Usage:" not in out and "Show this message" not in out


@pytest.mark.parametrize("command", COMMANDS)
def test_a_usage_error_is_vietnamese_and_exits_2(command: str) -> None:
    code, out = invoke(command, "--khong-co")
    assert code == ExitCode.USAGE
    assert "Lỗi: Không có tùy chọn '--khong-co'" in out
    assert "Gõ 'cli " in out or "Gõ 'cchc-index " in out
    assert "Error" not in out and "Try" not in out


@pytest.mark.parametrize("command", COMMANDS)
def test_english_usage_error(command: str) -> None:
    code, out = invoke("--lang", "en", command, "--khong-co")
    assert code == ExitCode.USAGE and "No such option" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_ctrl_c_anywhere_exits_130(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def stop(_lang: str | None) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("cchc_index.cli.common.set_lang", stop)
    code, out = invoke(command, "--help")
    assert code == ExitCode.INTERRUPTED
    assert "Đã dừng (Ctrl-C)." in out and "Aborted" not in out


# One run of each command for each code it can give, and what shows it (a line of stderr).
CASES: list[tuple[str, list[str], ExitCode, str]] = [
    ("score", [SAMPLE], ExitCode.OK, ""),
    ("score", ["tests"], ExitCode.INVALID_EVIDENCE, "thiếu profile.yaml"),
    ("score", [SAMPLE, "--rules", "tests"], ExitCode.INVALID_RULES, "framework.yaml"),
    ("score", [SAMPLE, "-o", f"{SAMPLE}/documents.csv"], ExitCode.USAGE, "dữ liệu đầu vào"),
    ("score", [SAMPLE, "-o", "/tmp/x.xls"], ExitCode.USAGE, "các đuôi làm được"),
    ("score", [SAMPLE, "--format", "table", "-o", "/dev/full"], ExitCode.ENVIRONMENT, "hết chỗ"),
    ("check", [SAMPLE], ExitCode.FINDINGS, ""),
    ("check", ["tests"], ExitCode.INVALID_EVIDENCE, "profile.yaml"),
    ("check", [SAMPLE, "--rules", "tests"], ExitCode.INVALID_RULES, "framework.yaml"),
    ("plan", [SAMPLE, "--to", "Khá", "--on", "01/10/2020"], ExitCode.OK, ""),
    ("plan", [SAMPLE, "--to", "Giỏi"], ExitCode.USAGE, "không phải tên mức xếp loại"),
    ("plan", ["tests"], ExitCode.INVALID_EVIDENCE, "profile.yaml"),
    ("explain", ["1.1.1", "--rules", RULES], ExitCode.OK, ""),
    ("explain", ["1.1.1", "--rules", RULES, SAMPLE], ExitCode.OK, ""),
    ("explain", ["9.9.9", "--rules", RULES], ExitCode.INVALID_RULES, "không có tiêu chí"),
    ("explain", ["1.1.1", "--rules", RULES, "tests"], ExitCode.INVALID_EVIDENCE, "profile"),
    ("validate", [RULES], ExitCode.OK, ""),
    ("validate", ["tests/extract"], ExitCode.INVALID_RULES, "framework.yaml"),
    ("validate", [RULES, "-o", f"{RULES}/framework.yaml"], ExitCode.USAGE, "đầu vào"),
    ("validate", [RULES, "-o", "/dev/full"], ExitCode.ENVIRONMENT, "hết chỗ trên đĩa"),
    ("test", [RULES], ExitCode.OK, ""),
    ("test", [RULES, "-k", "khong-co-ca-nao"], ExitCode.FINDINGS, "Không tìm thấy ca"),
    ("test", ["tests/extract"], ExitCode.INVALID_RULES, "framework.yaml"),
    ("extract", [SEED], ExitCode.OK, ""),
    ("extract", [SEED, "--against", SAMPLE], ExitCode.FINDINGS, ""),
    ("extract", ["tests/khong-co.txt"], ExitCode.INVALID_EVIDENCE, "không tìm thấy tệp"),
    ("extract", [SEED, "--against", "tests"], ExitCode.INVALID_EVIDENCE, "profile.yaml"),
    ("extract", [SEED, "--against", SAMPLE, "-o", SAMPLE], ExitCode.USAGE, "đầu vào"),
    ("extract", [SEED, "-o", "evidence"], ExitCode.USAGE, "--force"),
    ("extract", [SEED, "-o", "tests"], ExitCode.USAGE, "là dữ liệu đầu vào"),
    ("extract", [SEED, "-o", "/sys/khong-ghi-duoc"], ExitCode.ENVIRONMENT, "Lỗi môi trường"),
    ("bench", ["--sizes", "abc"], ExitCode.USAGE, "số nguyên dương"),
    ("diff", [SAMPLE, SAMPLE], ExitCode.OK, ""),
    ("diff", [RULES, "rules/ca-mau-2013"], ExitCode.FINDINGS, ""),
    ("diff", [SAMPLE, "tests"], ExitCode.INVALID_EVIDENCE, "thiếu profile.yaml"),
    ("diff", [SAMPLE, SAMPLE, "-o", f"{SAMPLE}/x.md"], ExitCode.USAGE, "đầu vào"),
    ("extract-eval", ["tests"], ExitCode.INVALID_EVIDENCE, "không có báo cáo"),
    ("import-framework", ["khong-co.docx", "-o", "/tmp/cchc-imp"], ExitCode.INVALID_EVIDENCE, ""),
    ("appraise", ["import", "khong-co.xlsx", SAMPLE], ExitCode.USAGE, "không tồn tại"),
    ("survey", ["import", "khong-co.csv", SAMPLE, "--by", "x"], ExitCode.USAGE, "không tồn tại"),
    (
        "carry",
        [SAMPLE, "--to", "rules/hue-xa-2020", "-o", SAMPLE],
        ExitCode.USAGE,
        "là dữ liệu đầu vào",
    ),
    (
        "carry",
        [SAMPLE, "--to", "khong-co", "-o", "/tmp/cchc-carry"],
        ExitCode.USAGE,
        "không tồn tại",
    ),
    (
        "survey",
        ["import", "README.md", SAMPLE, "--by", "x", "--date", "1/1/2021"],
        ExitCode.INVALID_EVIDENCE,
        "README.md:",  # a located refusal, whatever line of the README breaks the table
    ),
    ("serve", ["tests", "--port", "abc"], ExitCode.USAGE, "không phải là số hợp lệ"),
    ("server", ["audit-verify", "khong-co"], ExitCode.USAGE, "không phải thư mục triển khai"),
    (
        "server",
        ["init", "khong-co", "--rules-dir", "khong-co"],
        ExitCode.USAGE,
        "không có thư mục bộ chỉ số",
    ),
    ("batch", ["evidence/tinh-mau", "-q"], ExitCode.OK, ""),
    ("batch", ["khong-co"], ExitCode.USAGE, "không tồn tại"),
    ("batch", ["tests/frameworks"], ExitCode.INVALID_EVIDENCE, "không có bộ minh chứng"),
    ("results", ["ranking", "--db", "khong-co.db"], ExitCode.INVALID_EVIDENCE, "cơ sở dữ liệu"),
    ("submit", [SAMPLE], ExitCode.INVALID_EVIDENCE, "không nhận bản nộp"),  # today: out of cycle
    ("submit", [SAMPLE, "--date", "31/02/2020"], ExitCode.USAGE, "31/02/2020"),
    ("submit", ["tests"], ExitCode.INVALID_EVIDENCE, "profile.yaml"),
    ("history", [SAMPLE], ExitCode.OK, "Thẩm định lần 2"),
    ("history", ["tests"], ExitCode.INVALID_EVIDENCE, "profile.yaml"),
    ("history", [SAMPLE, "-o", f"{SAMPLE}/x.md"], ExitCode.USAGE, "đầu vào"),
    ("samples", ["."], ExitCode.USAGE, "đã có"),
    ("init-framework-repo", ["rules"], ExitCode.USAGE, "đã có dữ liệu"),
    ("schema", [], ExitCode.USAGE, "--out"),
    ("verify", [SAMPLE], ExitCode.FINDINGS, ""),  # the sample's deliberately wrong file
    ("verify", ["tests"], ExitCode.INVALID_EVIDENCE, "profile.yaml"),
    ("verify", [SAMPLE, "-o", f"{SAMPLE}/x.md"], ExitCode.USAGE, "đầu vào"),
    ("binder", ["--check", "khong-co.zip"], ExitCode.INVALID_EVIDENCE, "không tìm thấy tệp"),
    ("binder", [SAMPLE], ExitCode.USAGE, "-o"),
    ("verify-eval", ["--sets", "khong-co"], ExitCode.USAGE, "bộ không có"),
    ("verify-eval", ["--count", "2", "--sets", "text"], ExitCode.OK, ""),
]


@pytest.mark.parametrize(
    ("command", "args", "expected", "says"),
    CASES,
    ids=[f"{c}-{int(e)}-{i}" for i, (c, _a, e, _s) in enumerate(CASES)],
)
def test_every_command_gives_its_documented_codes(
    command: str, args: list[str], expected: ExitCode, says: str
) -> None:
    run = subprocess.run(
        [BIN, command, *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert run.returncode == expected, run.stderr
    assert int(expected) in readme_codes()
    assert says in run.stderr + run.stdout
    assert "Traceback" not in run.stderr + run.stdout


def test_every_command_and_code_is_covered() -> None:
    seen = {c for c, *_ in CASES}
    assert seen == set(COMMANDS)
    codes = {e for *_, e, _s in CASES} | {ExitCode.INTERRUPTED, ExitCode.INTERNAL}
    codes |= {ExitCode.BROKEN_PIPE}
    codes |= {ExitCode.UNITS_FAILED}  # a folder with a broken bundle: tests/test_batch.py
    assert codes == set(ExitCode)


@pytest.mark.parametrize("command", ["score", "check", "explain", "validate", "test"])
def test_a_bug_of_ours_exits_5_plainly(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    import cchc_index.load.framework_cache
    import cchc_index.load.unit
    import cchc_index.scoring.cases  # noqa: F401  (imported before patching: they bind the name)

    for module in (
        "load.rules",
        "load.unit",
        "load.framework_cache",
        "scoring.cases",
    ):
        monkeypatch.setattr(f"cchc_index.{module}.load_framework", boom)
    monkeypatch.setattr("cchc_index.load.unit.load_framework_cached", boom)  # score, check
    args = {
        "score": [SAMPLE, "--rules", RULES],
        "check": [SAMPLE, "--rules", RULES],
        "explain": ["1.1.1", "--rules", RULES],
        "validate": [RULES],
        "test": [RULES],
    }[command]
    code, out = invoke(command, *args)
    assert code == ExitCode.INTERNAL
    assert "Lỗi nội bộ của cchc-index" in out and "Traceback" not in out


def test_a_real_ctrl_c_exits_130_in_vietnamese() -> None:
    proc = subprocess.Popen(
        [BIN, "bench", "--sizes", "3000"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.5)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == ExitCode.INTERRUPTED, err
    assert "Đã dừng (Ctrl-C)." in err
    assert "Aborted" not in err and "Traceback" not in err


def test_a_server_stopped_with_ctrl_c_exits_130() -> None:
    proc = subprocess.Popen(
        [BIN, "serve", SAMPLE, "--no-browser"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == ExitCode.INTERRUPTED, err
    assert "Đã dừng (Ctrl-C)." in err and "Traceback" not in err


def test_a_closed_pipe_is_quiet() -> None:
    run = subprocess.run(
        f"set -o pipefail; {BIN} score {SAMPLE} | head -c 10 >/dev/null",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert run.returncode in (0, ExitCode.BROKEN_PIPE)
    assert "Traceback" not in run.stderr and "Lỗi" not in run.stderr


def test_an_unwritable_folder_is_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("cchc_index.output.tempfile.mkstemp", denied)
    code, out = invoke("score", SAMPLE, "-o", "/tmp/cchc-khong-ghi.md")
    assert code == ExitCode.ENVIRONMENT, out
    assert "không ghi được /tmp/cchc-khong-ghi.md: không có quyền (EACCES)" in out
    assert "Permission denied" not in out


DROP_ROOT = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _nobody_can_run() -> bool:
    """Whether the command starts as another user (the checkout may be closed to others)."""
    probe = subprocess.run([*DROP_ROOT, BIN, "--help"], capture_output=True, timeout=60, cwd="/")
    return probe.returncode == 0


def test_not_root_read_only_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("root ignores folder permissions")
    if os.geteuid() == 0 and not _nobody_can_run():
        pytest.skip("the checkout or Python is closed to other users: cannot drop root here")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    cmd = [BIN, "score", SAMPLE, "-o", str(folder / "x.md")]
    if os.geteuid() == 0:
        tmp_path.chmod(0o755)
        cmd = [*DROP_ROOT, *cmd]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == ExitCode.ENVIRONMENT, run.stderr
    assert "không có quyền" in run.stderr


def test_the_readme_says_the_codes_of_every_command() -> None:
    """The per-command table of the reference (docs/reference.md, linked from the README) names
    every command of the CLI (groups by their subcommands), and its "-o never destroys" section
    every command that writes."""
    import click

    from cchc_index.cli.common import role_of
    from cchc_index.cli.main import COMMANDS

    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    section = text.split("## Mã thoát (exit codes)", 1)[1].split("## Ghi kết quả", 1)[0]
    gate = text.split("## Ghi kết quả: `-o` không bao giờ phá tệp", 1)[1].split("\n## ", 1)[0]
    ctx = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None
        leaves = (
            [(f"{name} {sub}", c) for sub, c in command.commands.items()]
            if isinstance(command, click.Group)
            else [(name, command)]
        )
        for shown, leaf in leaves:
            assert (
                f"`{shown}`" in section
                or f"`{name} …`" in section
                or (f"`{shown}`" in section.replace("`, `", "` `"))
            ), f"{shown} has no row in the README's exit codes"
            writes = any(role_of(p) not in (None, "input") for p in leaf.params)
            if writes:
                assert f"`{shown}`" in gate or f"`{name} …`" in gate, f"{shown} not in -o section"
