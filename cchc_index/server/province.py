"""The Sở's pages: the ranking with its bands, its publication, the export of every bundle,
the frameworks (validated and tested before an upload replaces a file) and the year's dates."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
import tempfile
import zipfile
from pathlib import Path

import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cchc_index.errors import CchcError
from cchc_index.i18n import tr, using
from cchc_index.output import write_atomic
from cchc_index.readgate import read_file
from cchc_index.server import audit, cycle
from cchc_index.server.db import now, reading
from cchc_index.server.gate import user_of
from cchc_index.server.officer import set_status
from cchc_index.server.schema import publications, settings, units
from cchc_index.server.states import DRAFT, FINAL, SUBMITTED
from cchc_index.server.views import ServerSite, site
from cchc_index.text import parse_date
from cchc_index.web.forms import read_form
from cchc_index.web.site import Flash, NotFound, request_lang

MAX_FRAMEWORK_FILE = 2 * 1024 * 1024
HEAD_FILE = "dau-chuoi-nhat-ky.txt"  # beside each published ranking


def _folders(s: ServerSite) -> dict[str, Path]:
    with reading(s.deployment.engine) as conn:
        ids = [r[0] for r in conn.execute(sa.select(units.c.id).order_by(units.c.id))]
    return {i: s.folder(i) for i in ids}


def _back(s: ServerSite, to: str, text: str) -> Response:
    return RedirectResponse(f"{to}?m={s.flash(Flash(text))}", status_code=303)


def ranking_page(request: Request) -> Response:
    s = site(request)
    ranking = s.cycle.ranking(_folders(s))
    with reading(s.deployment.engine) as conn:
        last = conn.execute(
            sa.select(publications).order_by(publications.c.id.desc()).limit(1)
        ).first()
        status = dict(conn.execute(sa.select(units.c.id, units.c.status)).all())
    head = None
    if last is not None:
        path = s.deployment.root / "published" / f"{last.id:04d}" / HEAD_FILE
        head = read_file(path, HEAD_FILE).decode("ascii").strip() if path.is_file() else None
    return s.page(
        request, "ranking.html", ranking=ranking, last=last, status=status, audit_head=head
    )


async def publish(request: Request) -> Response:
    s = site(request)
    user = user_of(request)
    with using(request_lang(request)):
        await read_form(request, s.csrf(request), 64 * 1024)
        ranking = s.cycle.ranking(_folders(s))
        files = cycle.ranking_files(ranking)
        text = files["xep-hang.json"].decode("utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with s.deployment.engine.begin() as conn:
            inserted = conn.execute(
                publications.insert().values(at=now(), user_id=user.id, ranking=text, sha256=digest)
            ).inserted_primary_key
            assert inserted is not None
            number = inserted[0]
            folder = s.deployment.root / "published" / f"{number:04d}"
            folder.mkdir(parents=True, exist_ok=True)
            for file_name, data in files.items():
                write_atomic(folder / file_name, data)
            head = audit.append(conn, user.login, "publish", "ranking", "-", digest)
            # the audit trail's head at publication, printed with the ranking: kept outside
            # the server, it lets `server audit-verify --head` catch a rewritten trail
            write_atomic(folder / HEAD_FILE, head.text() + "\n")
            for unit_id, state in conn.execute(sa.select(units.c.id, units.c.status)).all():
                if state not in (DRAFT, FINAL):
                    set_status(conn, unit_id, state, FINAL, user.login)
        return _back(s, "/ranking", tr("Đã công bố bảng xếp hạng.", "The ranking is published."))


def published(request: Request) -> Response:
    """The latest published ranking's documents (the Thông báo as docx, html; xlsx, csv,
    json), as written at publication."""
    s = site(request)
    fmt = request.path_params["fmt"]
    if fmt not in ("docx", "html", "xlsx", "csv", "json"):
        raise NotFound(fmt)
    with reading(s.deployment.engine) as conn:
        last = conn.execute(
            sa.select(publications.c.id).order_by(publications.c.id.desc()).limit(1)
        ).scalar()
    path = s.deployment.root / "published" / f"{last or 0:04d}" / f"xep-hang.{fmt}"
    if last is None or not path.is_file():
        raise NotFound(fmt)
    media = {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "html": "text/html; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv": "text/csv; charset=utf-8",
        "json": "application/json",
    }[fmt]
    return Response(
        path.read_bytes(),
        media_type=media,
        headers={"content-disposition": f'attachment; filename="xep-hang.{fmt}"'},
    )


def export(request: Request) -> Response:
    """Every unit's bundle as the folder the CLI reads (`cchc-index batch units/`), zipped."""
    s = site(request)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for unit_id, folder in _folders(s).items():
            for path in sorted(folder.rglob("*")):
                relative = path.relative_to(folder)
                if (
                    path.is_file()
                    and not path.is_symlink()
                    and not any(p.startswith(".") for p in relative.parts)
                ):
                    archive.write(path, f"units/{unit_id}/{relative.as_posix()}")
        for path in sorted(s.deployment.rules_dir.rglob("*")):
            if path.is_file() and not path.is_symlink():
                archive.write(path, f"rules/{path.relative_to(s.deployment.rules_dir).as_posix()}")
    with s.deployment.engine.begin() as conn:
        audit.append(
            conn,
            user_of(request).login,
            "export",
            "units",
            "-",
            hashlib.sha256(buffer.getvalue()).hexdigest(),
        )
    stamp = dt.date.today().strftime("%Y%m%d")
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"content-disposition": f'attachment; filename="cchc-{stamp}.zip"'},
    )


def _frameworks(s: ServerSite) -> list[tuple[str, list[str]]]:
    root = s.deployment.rules_dir
    return [
        (d.name, sorted(p.name for p in d.glob("*.yaml")))
        for d in sorted(root.iterdir())
        if d.is_dir() and (d / "framework.yaml").is_file()
    ]


def keeper_page(
    request: Request, report: list[str] | None = None, status_code: int = 200
) -> Response:
    s = site(request)
    with reading(s.deployment.engine) as conn:
        opened = conn.execute(sa.select(settings).where(settings.c.key.like("open_until:%"))).all()
        years = sorted({r[0] for r in conn.execute(sa.select(units.c.year))})
    return s.page(
        request,
        "keeper.html",
        status_code=status_code,
        frameworks=_frameworks(s),
        opened=opened,
        years=years,
        report=report or [],
    )


def check_framework(folder: Path) -> list[str]:
    """What `validate` and `test` say of a framework folder: located problems and failed
    cases (empty when it is sound)."""
    from cchc_index.load.rules import load_framework
    from cchc_index.scoring.cases import load_cases, run_cases

    try:
        source = load_framework(folder)
        load_cases(source)
        failed = [f"FAIL {o.case.id}: {o.why}" for o in run_cases(folder) if not o.passed]
    except CchcError as exc:
        return [p.format() for p in exc.problems]
    return failed


async def framework_upload(request: Request) -> Response:
    """Replace one file of a framework, only when the framework with it validates and its
    cases pass (checked in a copy; the deployment's folder is written only after)."""
    s = site(request)
    user = user_of(request)
    with using(request_lang(request)):
        posted = await read_form(request, s.csrf(request), MAX_FRAMEWORK_FILE)
        name = posted.values.get("framework", "")
        known = dict(_frameworks(s))
        upload = posted.files.get("file")
        if name not in known or upload is None:
            return keeper_page(
                request,
                [tr("Chọn bộ chỉ số và tệp YAML.", "Choose a framework and a YAML file.")],
                422,
            )
        filename, data = upload
        target_name = Path(filename).name
        if target_name not in known[name]:
            return keeper_page(
                request,
                [
                    tr(
                        f"Bộ chỉ số {name} không có tệp {target_name}; chỉ thay được tệp có sẵn.",
                        f"Framework {name} has no file {target_name}; only existing files can be replaced.",
                    )
                ],
                422,
            )
        folder = s.deployment.rules_dir / name
        with tempfile.TemporaryDirectory(prefix=".cchc-fw-", dir=s.deployment.root) as tmp:
            stage = Path(tmp) / name
            shutil.copytree(folder, stage)
            (stage / target_name).write_bytes(data)
            problems = check_framework(stage)
        if problems:
            return keeper_page(request, problems, 422)
        before = hashlib.sha256((folder / target_name).read_bytes()).hexdigest()
        write_atomic(folder / target_name, data)
        with s.deployment.engine.begin() as conn:
            audit.append(
                conn,
                user.login,
                "framework.upload",
                f"{name}/{target_name}",
                before,
                hashlib.sha256(data).hexdigest(),
            )
        return _back(
            s,
            "/keeper",
            tr(
                f"Đã thay {name}/{target_name} (hợp lệ, các ca kiểm thử đều đạt).",
                f"Replaced {name}/{target_name} (valid, every case passes).",
            ),
        )


async def framework_check(request: Request) -> Response:
    s = site(request)
    await read_form(request, s.csrf(request), 64 * 1024)
    report = []
    for name, _ in _frameworks(s):
        found = check_framework(s.deployment.rules_dir / name)
        report.append(
            f"{name}: "
            + (
                tr("hợp lệ, mọi ca đạt", "valid, every case passes")
                if not found
                else f"{len(found)} " + tr("lỗi", "problem(s)")
            )
        )
        report.extend(found[:20])
    return keeper_page(request, report)


async def open_year(request: Request) -> Response:
    """Open submissions of a year until a date (the Sở's decision, audited)."""
    s = site(request)
    user = user_of(request)
    with using(request_lang(request)):
        posted = await read_form(request, s.csrf(request), 64 * 1024)
        try:
            year = int(posted.values.get("year", ""))
            until = parse_date(posted.values.get("until", ""))
        except (ValueError, TypeError):
            return keeper_page(
                request,
                [
                    tr(
                        "Năm hoặc ngày không hợp lệ (ngày dạng 31/12/2026).",
                        "Invalid year or date (a date like 31/12/2026).",
                    )
                ],
                422,
            )
        key = f"open_until:{year}"
        with s.deployment.engine.begin() as conn:
            old = conn.execute(sa.select(settings.c.value).where(settings.c.key == key)).scalar()
            conn.execute(settings.delete().where(settings.c.key == key))
            conn.execute(settings.insert().values(key=key, value=until.isoformat()))
            audit.append(conn, user.login, "year.open", str(year), old or "-", until.isoformat())
        return _back(
            s,
            "/keeper",
            tr(
                f"Đã mở nộp năm {year} tới {until:%d/%m/%Y}.",
                f"Submissions of {year} open until {until:%d/%m/%Y}.",
            ),
        )


async def reopen_unit(request: Request) -> Response:
    """Give a submitted unit back to its officer (a draft again), audited."""
    s = site(request)
    user = user_of(request)
    name = request.path_params["bundle"]
    await read_form(request, s.csrf(request), 64 * 1024)
    with s.deployment.engine.begin() as conn:
        set_status(conn, name, SUBMITTED, DRAFT, user.login)
    return _back(
        s, f"/u/{name}/", tr("Đã trả lại đơn vị để sửa.", "The unit is open for changes again.")
    )
