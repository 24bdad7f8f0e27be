"""The yearly cycle through HTTP on SQLite and PostgreSQL: the Sở opens the year, the officer
submits, the council appraises round 1, the officer explains, round 2, the Sở publishes;
the audit trail verifies, and an edited or deleted row is found."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.server.deployment import Deployment
from cchc_index.server.schema import audit, units
from tests.server.conftest import MINE, OTHER, UNITS, app_of, csrf_of, login


def test_the_whole_cycle(deployment: Deployment) -> None:
    app = app_of(deployment)
    keeper, officer, reviewer = login(app, "keeper"), login(app, "officer"), login(app, "reviewer")
    until = (dt.date.today() + dt.timedelta(days=10)).strftime("%d/%m/%Y")

    # officer: only their unit; past the framework's date, submitting is refused
    home = officer.get("/")
    assert home.headers["location"] == f"/u/{MINE}/"
    page = officer.get(f"/u/{MINE}/").text
    assert 'data-stage="draft"' in page and "Đã quá hạn" in page
    refused = officer.post(
        f"/u/{MINE}/submit", data={"csrf": csrf_of(officer)}, follow_redirects=True
    )
    assert "Không nộp được nữa" in refused.text
    # the Sở opens the year; now 10 days remain and the submission goes through
    answer = keeper.post(
        "/keeper/open", data={"csrf": csrf_of(keeper, "/keeper"), "year": "2020", "until": until}
    )
    assert answer.status_code == 303
    assert "còn 10 ngày" in officer.get(f"/u/{MINE}/").text
    officer.post(f"/u/{MINE}/submit", data={"csrf": csrf_of(officer)})
    assert 'data-stage="submitted"' in officer.get(f"/u/{MINE}/").text
    # after submission the officer cannot edit any more
    edit = officer.post(f"/u/{MINE}/r/links", data={"csrf": csrf_of(officer)})
    assert edit.status_code == 409

    # reviewer: every unit, the Sở's list of units not submitted
    listing = reviewer.get("/review").text
    assert listing.count('data-unit="') == UNITS
    assert f'data-unsubmitted="{OTHER}"' in listing and f'data-unsubmitted="{MINE}"' not in listing
    csrf = csrf_of(reviewer, f"/u/{MINE}/appraise")
    # points off the rounding step, and a change without a reason, are refused
    bad = reviewer.post(f"/u/{MINE}/appraise", data={"csrf": csrf, "points-1.4.2": "0,123"})
    assert bad.status_code == 422 and "bước làm tròn" in bad.text
    bad = reviewer.post(f"/u/{MINE}/appraise", data={"csrf": csrf, "points-1.4.2": "0"})
    assert bad.status_code == 422 and "cần ghi lý do" in bad.text
    ok = reviewer.post(
        f"/u/{MINE}/appraise",
        data={"csrf": csrf, "points-1.4.2": "0", "reason-1.4.2": "Thiếu chữ ký", "close": "1"},
    )
    assert ok.status_code == 303
    assert (deployment.units_dir / MINE / "appraisal.yaml").is_file()

    # officer explains round 1 and sends the explanations
    csrf = csrf_of(officer, f"/u/{MINE}/explanations")
    officer.post(
        f"/u/{MINE}/explanations",
        data={"csrf": csrf, "text-1.4.2": "Đã bổ sung bản có chữ ký", "send": "1"},
    )
    shown = reviewer.get(f"/u/{MINE}/explanations").text
    assert "Đã bổ sung bản có chữ ký" in shown

    # round 2: the council gives the points back, with a reason
    csrf = csrf_of(reviewer, f"/u/{MINE}/appraise")
    ok = reviewer.post(
        f"/u/{MINE}/appraise",
        data={"csrf": csrf, "points-1.4.2": "0,25", "reason-1.4.2": "Đã giải trình", "close": "1"},
    )
    assert ok.status_code == 303
    with deployment.engine.connect() as conn:
        assert (
            conn.execute(sa.select(units.c.status).where(units.c.id == MINE)).scalar() == "round2"
        )

    # the Sở publishes the ranking; everyone reads the published documents
    assert keeper.get("/ranking").text.count("<tr data-unit=") == UNITS
    keeper.post("/ranking/publish", data={"csrf": csrf_of(keeper, "/ranking")})
    published = json.loads(officer.get("/published/json").content)
    assert published
    assert officer.get("/published/xlsx").content[:2] == b"PK"
    assert officer.get("/published/docx").content[:2] == b"PK"  # the Thông báo kết quả
    assert "Kết quả xác định Chỉ số cải cách hành chính" in officer.get("/published/html").text
    export = keeper.get("/export")
    assert export.status_code == 200 and export.content[:2] == b"PK"

    # the audit trail verifies; an edited row, then a deleted one, are found
    runner = CliRunner()
    # the trail's head at publication is printed with the ranking, and checks against it
    head = (deployment.root / "published" / "0001" / "dau-chuoi-nhat-ky.txt").read_text()
    assert head.strip() in keeper.get("/ranking").text
    good = runner.invoke(cli, ["server", "audit-verify", str(deployment.root), "--head", head])
    assert good.exit_code == 0, good.output
    with deployment.engine.begin() as conn:
        conn.execute(audit.update().where(audit.c.action == "submit").values(actor="someone"))
    edited = runner.invoke(cli, ["server", "audit-verify", str(deployment.root)])
    assert edited.exit_code == 1 and "edited" in edited.output
    with deployment.engine.begin() as conn:
        conn.execute(audit.delete().where(audit.c.action == "year.open"))
    deleted = runner.invoke(cli, ["server", "audit-verify", str(deployment.root)])
    assert deleted.exit_code == 1 and "missing" in deleted.output


def test_init_upgrade_and_adduser_from_the_command_line(tmp_path, db_url) -> None:  # type: ignore[no-untyped-def]
    from tests.server.conftest import EVIDENCE, RULES

    runner = CliRunner()
    args = [
        "server",
        "init",
        str(tmp_path / "d"),
        "--from",
        str(EVIDENCE),
        "--rules-dir",
        str(RULES),
    ]
    if db_url:
        args += ["--db", db_url]
    made = runner.invoke(cli, args)
    assert made.exit_code == 0, made.output
    assert f": {UNITS} " in made.output
    again = runner.invoke(cli, args)
    assert again.exit_code == 2  # a deployment is already there
    added = runner.invoke(
        cli,
        ["server", "adduser", str(tmp_path / "d"), "off", "--role", "officer", "--unit", MINE],
        input="a-long-password\n",
    )
    assert added.exit_code == 0, added.output
    short = runner.invoke(
        cli,
        ["server", "adduser", str(tmp_path / "d"), "off2", "--role", "officer", "--unit", MINE],
        input="short\n",
    )
    assert short.exit_code == 2
    upgraded = runner.invoke(cli, ["server", "upgrade", str(tmp_path / "d")])
    assert upgraded.exit_code == 0 and "0001" in upgraded.output
    Deployment.open(tmp_path / "d").engine.dispose()


def test_a_backup_restores(sqlite_deployment: Deployment, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """docs/server.md's backup (the SQLite store by its backup API, the folders as files)
    restored into a new folder: the accounts log in, the units are there, the audit verifies."""
    import shutil
    import sqlite3

    root = sqlite_deployment.root
    restored = tmp_path / "restored"
    shutil.copytree(root, restored, ignore=shutil.ignore_patterns("store.sqlite3*"))
    source = sqlite3.connect(root / "store.sqlite3")
    target = sqlite3.connect(restored / "store.sqlite3")
    source.backup(target)
    source.close()
    target.close()
    again = Deployment.open(restored)
    client = login(app_of(again), "officer")
    assert client.get(f"/u/{MINE}/").status_code == 200
    verified = CliRunner().invoke(cli, ["server", "audit-verify", str(restored)])
    assert verified.exit_code == 0, verified.output
    again.engine.dispose()


def test_server_run_serves_the_login_page(sqlite_deployment: Deployment) -> None:
    """`server run` as docs/server.md shows it (a free port of 127.0.0.1), stopped after."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "cchc_index",
        "server",
        "run",
        str(sqlite_deployment.root),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "2",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=5) as page:
                    assert page.status == 200 and "Đăng nhập" in page.read().decode("utf-8")
                    break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(30)
        if process.stderr:
            process.stderr.close()
