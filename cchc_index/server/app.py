"""The server's ASGI app: the local page's gate (Host, Origin, body size, safe headers)
around the session and authorization gate around the routes of the one table."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from cchc_index.i18n import tr, using
from cchc_index.server.cycle import CachedScores, Cycle
from cchc_index.server.deployment import Deployment
from cchc_index.server.gate import Gate
from cchc_index.server.routes import RULES
from cchc_index.server.views import ServerSite, server_env
from cchc_index.web import pages
from cchc_index.web.forms import Refused
from cchc_index.web.guard import Guard
from cchc_index.web.site import NotFound, request_lang
from cchc_index.web.workspace import Workspace


async def _not_found(request: Request, _exc: Exception) -> Response:
    site = request.app.state.site
    with using(request_lang(request)):
        message = tr("Không tìm thấy trang này.", "Page not found.")
    response: Response = site.page(request, "error.html", status_code=404, message=message)
    return response


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    return exc.response()


def create_app(root: Path, *, warm: bool = False) -> Guard:
    """The app of the deployment at `root`; `warm`: every unit is scored before the first
    request is taken (each worker of `server run`), so no page pays for the others' first
    scoring and the ranking is ready."""
    deployment = Deployment.open(root)
    max_body = deployment.max_upload_mb * 1024 * 1024
    scores = CachedScores(deployment.rules_dir)
    site = ServerSite(Workspace(deployment.units_dir), scores, max_body)
    site.env = server_env(site.env)
    site.content_named = True
    site.deployment = deployment
    site.cycle = Cycle(scores)
    routes: list[Route | Mount] = [
        Route(rule.path, rule.endpoint, methods=[rule.method])
        for rule in RULES
        if rule.endpoint is not None
    ]
    routes.append(Mount("/static", StaticFiles(directory=pages.static_path()), name="static"))

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if warm:
            await run_in_threadpool(site.cycle.warm, site.workspace.bundles())
        yield

    app = Starlette(
        routes=routes,
        exception_handlers={NotFound: _not_found, 404: _not_found, Refused: _refused},
        lifespan=lifespan,
    )
    app.state.site = site
    return Guard(Gate(app, deployment, RULES), max_body, deployment.hosts)
