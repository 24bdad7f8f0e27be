"""Reading a posted form: the CSRF token checked, every value NFC and trimmed, the upload
limit kept, and the answers a refused request gets."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse

from cchc_index.i18n import tr
from cchc_index.text import nfc
from cchc_index.web.guard import TooLarge, refusal_page

MAX_FIELD = 64 * 1024  # one text field


class Refused(Exception):
    """A request refused before anything is read or written: its status and message."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        self.message = message
        super().__init__(message)

    def response(self) -> HTMLResponse:
        return HTMLResponse(refusal_page(self.message), status_code=self.status)


@dataclass
class Posted:
    values: dict[str, str]
    files: dict[str, tuple[str, bytes]]  # field → (file name, content); empty uploads left out


async def read_form(request: Request, token: str, max_body: int) -> Posted:
    """The form of a POST, or Refused (403 without the right token, 413 over the limit)."""
    try:
        form = await request.form(max_files=4, max_fields=200, max_part_size=MAX_FIELD)
    except TooLarge:
        raise Refused(413, tr("Tệp quá lớn.", "Upload too large.")) from None
    except Exception as exc:  # malformed multipart: the client's fault, say so
        raise Refused(400, tr(f"Biểu mẫu không hợp lệ: {exc}", f"Malformed form: {exc}")) from None
    sent = form.get("csrf")
    if not isinstance(sent, str) or not hmac.compare_digest(sent, token):
        raise Refused(
            403,
            tr(
                "Thiếu hoặc sai mã bảo vệ biểu mẫu (CSRF); hãy tải lại trang rồi gửi lại.",
                "Missing or wrong form token (CSRF); reload the page and send again.",
            ),
        )
    values: dict[str, str] = {}
    files: dict[str, tuple[str, bytes]] = {}
    for name, value in form.multi_items():
        if isinstance(value, UploadFile):
            data = await value.read()
            if len(data) > max_body:
                raise Refused(413, tr("Tệp quá lớn.", "Upload too large."))
            if value.filename and data:
                files[name] = (value.filename, data)
        else:
            values[name] = nfc(value).strip().replace("\r\n", "\n")
    await form.close()
    return Posted(values, files)
