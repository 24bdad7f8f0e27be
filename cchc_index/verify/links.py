"""Whether a link answers: one bounded HEAD (GET when HEAD is refused), a timeout, at most a
few redirects and 64 kB read. Only http and https; only run when asked (`--links`)."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlsplit

from cchc_index.i18n import tr
from cchc_index.verify.verdict import FieldCheck, Verdict

TIMEOUT = 5.0
MAX_READ = 64 * 1024
MAX_REDIRECTS = 3


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


def _open(url: str, method: str, timeout: float) -> int:
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(
        url, method=method, headers={"User-Agent": "cchc-index verify"}
    )
    with opener.open(request, timeout=timeout) as response:
        if method == "GET":
            response.read(MAX_READ)
        status: int = response.status
        return status


def check_link(url: str, timeout: float = TIMEOUT) -> FieldCheck:
    if urlsplit(url).scheme not in ("http", "https"):
        return FieldCheck(
            "link",
            Verdict.UNREADABLE,
            note=tr("chỉ kiểm tra đường link http, https", "only http and https links are checked"),
        )
    status = None
    for method in ("HEAD", "GET"):
        try:
            status = _open(url, method, timeout)
            break
        except urllib.error.HTTPError as exc:
            status = exc.code
            if exc.code not in (405, 501, 403):  # HEAD refused: try GET
                break
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return FieldCheck(
                "link",
                Verdict.UNREADABLE,
                note=tr(f"không mở được: {reason}", f"cannot open: {reason}"),
            )
    if status is not None and 200 <= status < 400:
        return FieldCheck("link", Verdict.MATCH, f"HTTP {status}")
    return FieldCheck("link", Verdict.DIFFERS, f"HTTP {status}")
