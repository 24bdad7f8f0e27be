"""The web application: routes, the gate around them, and how errors become pages."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from cchc_index.errors import CchcError, ExitCode
from cchc_index.i18n import tr, using
from cchc_index.scoring.evaluate import EngineName
from cchc_index.web import draft, pages, records, submit, verify_view
from cchc_index.web.forms import Refused
from cchc_index.web.guard import Guard
from cchc_index.web.scores import Scores
from cchc_index.web.site import NotFound, Site, request_lang, site_of
from cchc_index.web.workspace import Workspace

DEFAULT_MAX_UPLOAD_MB = 20


async def _not_found(request: Request, _exc: Exception) -> Response:
    site = site_of(request)
    with using(request_lang(request)):
        message = tr("Không tìm thấy trang này.", "Page not found.")
    return site.page(request, "error.html", status_code=404, message=message)


async def _user_error(request: Request, exc: Exception) -> Response:
    """A problem of the user's files or input (a `CchcError`): a page naming it, never 500."""
    assert isinstance(exc, CchcError)
    site = site_of(request)
    status = 500 if exc.exit_code == ExitCode.INTERNAL else 422
    return site.page(request, "error.html", status_code=status, message="\n".join(exc.lines()[:20]))


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    return exc.response()


def create_app(
    root: Path,
    rules_dir: Path | None = None,
    engine: EngineName = "durable",
    max_upload_mb: int = DEFAULT_MAX_UPLOAD_MB,
) -> Guard:
    """The ASGI app serving the bundles under `root` (and nothing outside it)."""
    max_body = max_upload_mb * 1024 * 1024
    site = Site(Workspace(root), Scores(rules_dir, engine), max_body)
    kind = "/u/{bundle}/r/{kind}"
    routes = [
        Route("/", pages.bundle_list),
        Route("/lang", pages.set_lang),
        Route("/draft", draft.draft_form),
        Route("/draft", draft.draft_read, methods=["POST"]),
        Route("/draft/save", draft.draft_save, methods=["POST"]),
        Route("/u/{bundle}/", pages.unit_page),
        Route("/u/{bundle}/explain/{node}", pages.explain_page),
        Route("/u/{bundle}/download/{fmt}", pages.download),
        Route("/u/{bundle}/submit", submit.post_submit, methods=["POST"]),
        Route("/u/{bundle}/verify", verify_view.verify_page),
        Route(kind, records.list_page),
        Route(kind, records.post_record, methods=["POST"]),
        Route(kind + "/{key}/edit", records.edit_page),
        Route(kind + "/{key}", records.post_record, methods=["POST"]),
        Route(kind + "/{key}/delete", records.post_record, methods=["POST"]),
        Mount("/static", StaticFiles(directory=pages.static_path()), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            NotFound: _not_found,
            404: _not_found,
            Refused: _refused,
            CchcError: _user_error,
        },
    )
    app.state.site = site
    app.state.drafts = draft.Drafts()
    return Guard(app, max_body)


__all__ = ["HTTPException", "create_app"]
