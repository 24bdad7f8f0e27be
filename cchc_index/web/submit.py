"""The submit button of a unit's page: `cchc-index submit` for the served bundle, today."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cchc_index.errors import CchcError
from cchc_index.i18n import num, tr, using
from cchc_index.service.submit import submit
from cchc_index.text import format_date
from cchc_index.web.forms import read_form
from cchc_index.web.scores import LOCK
from cchc_index.web.site import Flash, request_lang, site_of


async def post_submit(request: Request) -> Response:
    site = site_of(request)
    name = request.path_params["bundle"]
    folder = site.folder(name)
    with using(request_lang(request)):
        posted = await read_form(request, site.token, site.max_body)
        try:
            with LOCK:
                made = submit(folder, site.scores.rules_dir, posted.values.get("by") or None)
            text = tr(
                f"Đã nộp bản số {made.number} ngày {format_date(made.date)}: tự chấm {num(made.self_total)} điểm.",
                f"Submitted number {made.number} on {format_date(made.date)}: self score {num(made.self_total)}.",
            )
        except CchcError as exc:
            text = tr("Chưa nộp được: ", "Not submitted: ") + "; ".join(
                p.message for p in exc.problems
            )
        key = site.flash(Flash(text))
    return RedirectResponse(f"/u/{name}/?m={key}", status_code=303)
