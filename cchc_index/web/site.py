"""What every page shares: the served folder, scoring, the form token, templates, language
and the one-time messages shown after a save."""

from __future__ import annotations

import secrets
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse

from cchc_index.i18n import choose, lang, num, tr, using
from cchc_index.model.result import Status
from cchc_index.report.labels import band_shown, gain, pct, pts, status
from cchc_index.report.layer_words import layer_name
from cchc_index.report.reasons import product_title
from cchc_index.verify.verdict import field_shown
from cchc_index.web.checks import Checks
from cchc_index.web.edits import EVIDENCE_SUFFIXES
from cchc_index.web.kinds import KINDS
from cchc_index.web.scores import Change, Scores
from cchc_index.web.workspace import OutsideError, Workspace

TEMPLATES = Path(__file__).parent / "templates"


class NotFound(Exception):
    pass


@dataclass
class Flash:
    text: str
    changes: list[Change] = field(default_factory=list)
    total: tuple[Decimal, Decimal] | None = None  # before, after


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        tr=tr,
        num=num,
        pts=pts,
        pct=pct,
        gain=gain,
        status=status,
        Status=Status,
        kinds=KINDS,
        kind=None,
        checking=False,  # the file checks' tab is the page's
        product_title=product_title,
        layer_name=layer_name,
        field_shown=field_shown,
        band_shown=band_shown,
    )
    env.globals["evidence_accept"] = ",".join(EVIDENCE_SUFFIXES)
    env.tests["file"] = lambda problem, name: Path(problem.path).name == name
    return env


@dataclass
class Site:
    workspace: Workspace
    scores: Scores
    max_body: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    env: jinja2.Environment = field(default_factory=_env)
    flashes: OrderedDict[str, Flash] = field(default_factory=OrderedDict)
    content_named: bool = False  # uploads kept under their sha256 (the province server)
    checks: Checks = field(default_factory=Checks)  # the last `verify` of each bundle shown

    def csrf(self, request: Request) -> str:
        """The form token of this request: the session's when a server in front set one
        (`scope["cchc.csrf"]`), else the one token of this local page."""
        token = request.scope.get("cchc.csrf")
        return token if isinstance(token, str) and token else self.token

    def folder(self, name: str) -> Path:
        try:
            return self.workspace.bundle(name)
        except OutsideError:
            raise NotFound(name) from None

    def flash(self, message: Flash) -> str:
        """Keep the message for the page the browser is sent to next; its key (`?m=`)."""
        key = secrets.token_urlsafe(16)
        self.flashes[key] = message
        while len(self.flashes) > 50:
            self.flashes.popitem(last=False)
        return key

    def take_flash(self, key: str) -> Flash | None:
        """The message kept under `key`, once."""
        return self.flashes.pop(key, None)

    def page(
        self, request: Request, template: str, status_code: int = 200, **ctx: Any
    ) -> HTMLResponse:
        flash = self.take_flash(request.query_params.get("m", ""))
        with using(request_lang(request)):
            html = self.env.get_template(template).render(
                csrf=self.csrf(request),
                lang=lang(),
                path=request.url.path,
                flash=flash,
                max_mb=self.max_body // (1024 * 1024),
                **ctx,
            )
        return HTMLResponse(html, status_code=status_code)


def request_lang(request: Request) -> str:
    return choose(request.query_params.get("lang") or request.cookies.get("lang") or "vi")


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site
