"""`serve`: the local web page for an officer who does not use the terminal."""

from __future__ import annotations

from pathlib import Path

import click

from cchc_index.cli.common import ENGINE, LANG, RULES_DIR, Workspace, reports_errors
from cchc_index.i18n import tr


@click.command(
    "serve",
    help=tr(
        "Mở trang web trên máy này (127.0.0.1) để xem điểm, sửa minh chứng và tải tài liệu về. "
        "EVIDENCE_DIR là một bộ minh chứng hoặc thư mục chứa nhiều bộ (mặc định: evidence).",
        "Open a local web page (127.0.0.1) to see the score, edit the evidence and download "
        "the documents. EVIDENCE_DIR is one bundle or a folder of bundles (default: evidence).",
    ),
)
@click.argument(
    "evidence_dir",
    type=Workspace(),
    default=Path("evidence"),
)
@RULES_DIR
@ENGINE
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    help=tr("Cổng (mặc định: một cổng trống).", "Port (default: a free one)."),
)
@click.option(
    "--no-browser", is_flag=True, help=tr("Không tự mở trình duyệt.", "Do not open the browser.")
)
@click.option(
    "--max-upload-mb",
    type=click.IntRange(1, 500),
    default=20,
    show_default=True,
    help=tr("Cỡ tối đa của một lần tải lên (MB).", "Largest upload (MB)."),
)
@LANG
@reports_errors
def serve(
    evidence_dir: Path,
    rules_dir: Path | None,
    engine: str,
    port: int,
    no_browser: bool,
    max_upload_mb: int,
) -> None:
    import socket  # here, not at the top: every other command's cold start would pay for them
    import threading
    import webbrowser

    import uvicorn

    from cchc_index.errors import EnvironmentProblem
    from cchc_index.i18n import os_reason
    from cchc_index.output import serving
    from cchc_index.web.app import create_app

    app = create_app(evidence_dir, rules_dir, engine, max_upload_mb)  # type: ignore[arg-type]
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        raise EnvironmentProblem(
            [],
            tr(
                f"không mở được cổng {port} trên 127.0.0.1: {os_reason(exc)}; hãy chọn cổng "
                "khác hoặc bỏ --port để lấy một cổng trống",
                f"cannot open port {port} on 127.0.0.1: {os_reason(exc)}; choose another port "
                "or leave out --port for a free one",
            ),
        ) from exc
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    click.echo(
        tr(
            f"Đang phục vụ {evidence_dir} tại {url} (Ctrl+C để dừng)",
            f"Serving {evidence_dir} at {url} (Ctrl+C to stop)",
        ),
        err=True,
    )
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    if not no_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    with serving():
        server.run(sockets=[sock])
