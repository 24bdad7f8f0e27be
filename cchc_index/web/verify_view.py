"""The unit's "Đối chiếu tệp" page: `cchc-index verify` of the bundle's files, row by row (the
number, date, issuer and title each file itself shows against its row, a scan read by OCR, a
digital signature), and the verdict of each documents and photos row on its records page.

Reading a scan takes a second or two, so a bundle's check is kept until one of its files
changes (`checks.Checks`), and the records page shows the kept verdicts only: it never reads a
file itself. Links are not checked here (that asks the network; `cchc-index verify --links`
does it).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from cchc_index.errors import CchcError, ExitCode
from cchc_index.i18n import using
from cchc_index.verify.run import VerifyReport
from cchc_index.verify.verdict import Verdict
from cchc_index.web.site import request_lang, site_of

# the machine, not the bundle, refused (Tesseract missing): the service is unavailable here
_STATUS = {ExitCode.ENVIRONMENT: 503}


def verdict_class(verdict: Verdict) -> str:
    return f"verdict-{verdict.value}"


def verify_page(request: Request) -> Response:
    site = site_of(request)
    name = request.path_params["bundle"]
    folder = site.folder(name)
    unit = site.scores.unit(folder)
    with using(request_lang(request)):
        try:
            report: VerifyReport | None = site.checks.run(folder)
            problem, status = None, 200
        except CchcError as exc:  # a bundle that does not load, or no Tesseract: as `verify` says
            report, problem, status = None, exc.lines(), _STATUS.get(exc.exit_code, 422)
    return site.page(
        request,
        "verify.html",
        status_code=status,
        name=name,
        unit=unit,
        report=report,
        problem=problem,
        verdict_class=verdict_class,
        Verdict=Verdict,
    )
