"""`server`: the province server (docs/server.md): init, adduser, run, upgrade, audit-verify."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from cchc_index.cli.common import LANG, RULES_DIR, DataDir, reports_errors
from cchc_index.errors import ExitCode, OutputError, Problem
from cchc_index.i18n import tr

DATA_DIR = click.argument("data_dir", type=DataDir())


@click.group(
    "server",
    help=tr(
        "Máy chủ của tỉnh: mọi đơn vị, hội đồng thẩm định và Sở Nội vụ trên một hệ thống có tài khoản, vai trò và nhật ký kiểm tra.",
        "The province server: every unit, the review council and the Department on one system with accounts, roles and an audit trail.",
    ),
)
def server() -> None:
    pass


@server.command(
    "init",
    help=tr(
        "Tạo một triển khai trong DATA_DIR: bộ chỉ số, các đơn vị (từ --from), cơ sở dữ liệu (SQLite trong DATA_DIR, hoặc --db postgresql://…).",
        "Create a deployment in DATA_DIR: frameworks, units (from --from), the store (SQLite in DATA_DIR, or --db postgresql://…).",
    ),
)
@DATA_DIR
@click.option(
    "--db",
    default=None,
    help=tr("URL PostgreSQL (mặc định: SQLite).", "PostgreSQL URL (default: SQLite)."),
)
@click.option(
    "--from",
    "evidence",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help=tr("Thư mục các bộ minh chứng của tỉnh.", "The province's folder of bundles."),
)
@RULES_DIR
@click.option(
    "--host-name",
    "hosts",
    multiple=True,
    help=tr("Tên máy chủ được phục vụ (sau proxy).", "A host name served (behind the proxy)."),
)
@LANG
@reports_errors
def init(
    data_dir: Path, db: str | None, evidence: Path | None, rules_dir: Path, hosts: tuple[str, ...]
) -> None:
    from cchc_index.server.deployment import init as make

    deployment = make(data_dir, db, evidence, rules_dir, list(hosts))
    count = len(list(deployment.units_dir.iterdir()))
    deployment.engine.dispose()
    click.echo(
        tr(
            f"Đã tạo triển khai {data_dir}: {count} đơn vị.",
            f"Created deployment {data_dir}: {count} unit(s).",
        )
    )


@server.command(
    "adduser",
    help=tr(
        "Tạo tài khoản; mật khẩu đọc từ đầu vào chuẩn (không bao giờ là đối số).",
        "Create an account; the password is read from standard input (never an argument).",
    ),
)
@DATA_DIR
@click.argument("login")
@click.option(
    "--role", type=click.Choice(["officer", "reviewer", "keeper", "admin"]), required=True
)
@click.option(
    "--unit",
    "unit_ids",
    multiple=True,
    help=tr("Đơn vị được giao (lặp lại được).", "A unit assigned (repeatable)."),
)
@LANG
@reports_errors
def adduser(data_dir: Path, login: str, role: str, unit_ids: tuple[str, ...]) -> None:
    from cchc_index.server.accounts import AccountError, add_user
    from cchc_index.server.deployment import Deployment

    deployment = Deployment.open(data_dir)
    if sys.stdin.isatty():
        import getpass

        password = getpass.getpass(tr("Mật khẩu: ", "Password: "))
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        with deployment.engine.begin() as conn:
            add_user(conn, login, role, password, unit_ids, "cli")
    except AccountError as exc:
        raise OutputError([Problem(login, 1, 1, str(exc))]) from None
    finally:
        deployment.engine.dispose()
    click.echo(tr(f"Đã tạo tài khoản {login} ({role}).", f"Created account {login} ({role})."))


@server.command(
    "run", help=tr("Phục vụ triển khai bằng uvicorn.", "Serve the deployment with uvicorn.")
)
@DATA_DIR
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8080, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@LANG
@reports_errors
def run(data_dir: Path, host: str, port: int, workers: int) -> None:
    import os

    import uvicorn

    from cchc_index.output import serving
    from cchc_index.server.deployment import Deployment

    deployment = Deployment.open(data_dir)
    deployment.upgrade()
    os.environ["CCHC_SERVER_DATA"] = str(deployment.root)
    click.echo(
        tr(
            f"Đang phục vụ {data_dir} tại http://{host}:{port}/",
            f"Serving {data_dir} at http://{host}:{port}/",
        ),
        err=True,
    )
    with serving():  # one worker serves in this process: its gate must not grow
        uvicorn.run(
            "cchc_index.server.asgi:app",
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            lifespan="on",  # each worker scores every unit before its first request
            proxy_headers=True,
        )


@server.command(
    "upgrade",
    help=tr(
        "Nâng lược đồ cơ sở dữ liệu lên bản mới nhất.", "Migrate the store to the newest schema."
    ),
)
@DATA_DIR
@LANG
@reports_errors
def upgrade_cmd(data_dir: Path) -> None:
    from cchc_index.server.db import revision
    from cchc_index.server.deployment import upgrade_store

    deployment = upgrade_store(data_dir)
    click.echo(
        tr(f"Lược đồ: {revision(deployment.engine)}", f"Schema: {revision(deployment.engine)}")
    )


def _heads(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> list[Any]:
    from cchc_index.server.audit import Head

    try:
        return [Head.parse(v) for v in values]
    except ValueError:
        raise click.BadParameter(
            tr(
                "dạng SỐ_DÒNG:SHA256, như audit-verify in ra",
                "ID:SHA256, as audit-verify prints it",
            )
        ) from None


@server.command(
    "audit-verify",
    help=tr(
        "Kiểm tra chuỗi băm của nhật ký kiểm tra và sổ chứng kiến (audit-witness.log): mọi đầu "
        "chuỗi đã ghi phải còn trong bảng (phát hiện cả việc xóa các dòng cuối); in đầu chuỗi "
        "hiện tại để giữ ở nơi khác.\n\nMã thoát: 0 nguyên vẹn; 1 có dòng bị sửa hoặc xóa, "
        "hoặc sổ chứng kiến mất; 2 sai cú pháp lệnh.",
        "Check the audit trail's hash chain and its witness (audit-witness.log): every head "
        "recorded must still be in the table (so deleting the last rows is found too); print the "
        "current head to keep elsewhere.\n\nExit codes: 0 intact; 1 a row edited or deleted, or "
        "the witness missing; 2 bad command line.",
    ),
)
@DATA_DIR
@click.option(
    "--head",
    "kept",
    multiple=True,
    callback=_heads,
    help=tr(
        "Một đầu chuỗi đã giữ ở nơi khác (SỐ_DÒNG:SHA256), phải còn trong bảng; lặp lại được.",
        "A head kept elsewhere (ID:SHA256) that must still be in the table; repeatable.",
    ),
)
@LANG
@reports_errors
def audit_verify(data_dir: Path, kept: list[Any]) -> None:
    from cchc_index.server.audit import verify
    from cchc_index.server.deployment import Deployment

    deployment = Deployment.open(data_dir)
    with deployment.engine.connect() as conn:
        found = verify(conn, deployment.witness_path, kept)
    deployment.engine.dispose()
    for b in found.broken:
        click.echo(f"audit:{b.row_id}: {b.why}")
    click.echo(
        tr(
            f"{found.rows} dòng, {found.witnessed} đầu chuỗi đã chứng kiến, "
            f"{len(found.broken)} chỗ hỏng.",
            f"{found.rows} row(s), {found.witnessed} witnessed head(s), "
            f"{len(found.broken)} break(s).",
        )
    )
    if found.head is not None:
        click.echo(
            tr(
                f"Đầu chuỗi (giữ ở nơi khác, đối chiếu bằng --head): {found.head.text()}",
                f"Head (keep it elsewhere, check it with --head): {found.head.text()}",
            )
        )
    sys.exit(ExitCode.FINDINGS if found.broken else ExitCode.OK)


def think_range(text: str) -> tuple[float, float]:
    """'a-b' or 'a' seconds (a ≤ b, at most 60); a usage error otherwise."""
    low, _, high = text.strip().partition("-")
    try:
        pause = (float(low), float(high or low))
    except ValueError:
        pause = (-1.0, -1.0)
    if not 0 <= pause[0] <= pause[1] <= 60:
        raise click.BadParameter(
            tr(
                f"'{text}' không phải khoảng giây 'a-b' (0 ≤ a ≤ b ≤ 60).",
                f"'{text}' is not a range of seconds 'a-b' (0 ≤ a ≤ b ≤ 60).",
            ),
            param_hint="--think",
        )
    return pause


@server.command(
    "bench",
    help=tr(
        "Đo dưới tải trên 127.0.0.1: cán bộ lưu minh chứng và xem điểm mới, hội đồng xem xếp hạng (docs/server.md).",
        "A load run on 127.0.0.1: officers save evidence and see the new score, reviewers read the ranking (docs/server.md).",
    ),
)
@click.option(
    "--sample",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path("evidence/tinh-mau"),
    show_default=True,
)
@RULES_DIR
@click.option("--officers", type=click.IntRange(1, 2000), default=170, show_default=True)
@click.option("--reviewers", type=click.IntRange(0, 100), default=5, show_default=True)
@click.option(
    "--saves",
    type=click.IntRange(1, 100),
    default=10,
    show_default=True,
    help=tr("Số lần lưu của mỗi cán bộ trong một phiên.", "Saves of each officer in a session."),
)
@click.option("--reads", type=click.IntRange(0, 1000), default=10, show_default=True)
@click.option(
    "--users",
    type=click.IntRange(1, 1000),
    default=50,
    show_default=True,
    help=tr(
        "Số cán bộ làm việc cùng lúc (mỗi người một phiên).",
        "Officers working at once (a session each).",
    ),
)
@click.option(
    "--think",
    default="2-10",
    show_default=True,
    help=tr(
        "Giây nghỉ trước mỗi thao tác, khoảng 'a-b' (như locust); '0' gửi liền: đo sức chịu tối đa.",
        "Seconds of pause before each action, a range 'a-b' (as locust); '0' sends at once: the capacity.",
    ),
)
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True)
@LANG
@reports_errors
def bench_cmd(
    sample: Path,
    rules_dir: Path | None,
    officers: int,
    reviewers: int,
    saves: int,
    reads: int,
    users: int,
    think: str,
    workers: int,
) -> None:
    from cchc_index.server.bench import Load, summary
    from cchc_index.server.bench import run as load
    from cchc_index.server.deployment import default_rules_dir

    pause = think_range(think)
    plan = Load(officers, users, reviewers, saves, reads, pause, ramp=10.0 if pause[1] else 0.0)
    figures = load(sample, rules_dir or default_rules_dir(), plan, workers)
    click.echo(summary(figures))
    sys.exit(ExitCode.FINDINGS if figures.errors or figures.lost else ExitCode.OK)
