"""'Draft from my report': read an uploaded CCHC report with `extract`, show every document
and figure found with the line it came from, and only on a second, explicit step write the
draft bundle into a new folder of the served folder."""

from __future__ import annotations

import secrets
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import PurePath

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cchc_index.errors import CchcError
from cchc_index.extract.draft import Draft, build_draft
from cchc_index.extract.readers import read_bytes
from cchc_index.extract.report import Extraction, extract_source
from cchc_index.extract.writer import write_draft
from cchc_index.i18n import tr, using
from cchc_index.text import format_date
from cchc_index.web.forms import read_form
from cchc_index.web.site import Flash, request_lang, site_of
from cchc_index.web.workspace import OutsideError, safe_name

SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass
class Pending:
    filename: str
    extraction: Extraction
    draft: Draft


class Drafts(OrderedDict[str, Pending]):
    """Reports read and awaiting review, kept in memory only: the ten latest."""

    def keep(self, pending: Pending) -> str:
        key = secrets.token_urlsafe(12)
        self[key] = pending
        while len(self) > 10:
            self.popitem(last=False)
        return key


def drafts(request: Request) -> Drafts:
    found: Drafts = request.app.state.drafts  # one per app (create_app)
    return found


def _suggested(extraction: Extraction) -> str:
    names = extraction.unit.names
    base = extraction.unit.place or (names[0] if names else "don-vi")
    return safe_name(f"{base}-{extraction.year or ''}".replace(" ", "-").lower()).strip("-")


def frameworks(request: Request) -> list[str]:
    """The frameworks a new bundle can name: every id the framework search path offers."""
    from cchc_index.shipped import available_frameworks

    return available_frameworks(site_of(request).scores.rules_dir)


def draft_form(request: Request) -> Response:
    return site_of(request).page(request, "draft.html", problems=[], suffixes=SUFFIXES)


async def draft_read(request: Request) -> Response:
    site = site_of(request)
    with using(request_lang(request)):
        posted = await read_form(request, site.csrf(request), site.max_body)
        upload = posted.files.get("report")
        problems: list[str] = []
        if upload is None:
            problems.append(tr("Hãy chọn tệp báo cáo.", "Choose a report file."))
        else:
            filename, data = upload
            suffix = PurePath(filename).suffix.lower()
            if suffix not in SUFFIXES:
                problems.append(
                    tr(
                        f"Chỉ đọc được tệp {', '.join(SUFFIXES)}.",
                        f"Only {', '.join(SUFFIXES)} files can be read.",
                    )
                )
            else:
                year_text = posted.values.get("year", "")
                year = int(year_text) if year_text.isascii() and year_text.isdigit() else None
                try:
                    extraction = extract_source(
                        read_bytes(data, suffix, safe_name(filename)), year=year
                    )
                except CchcError as exc:
                    problems.extend(p.message for p in exc.problems)
                else:
                    draft = build_draft(extraction, [], extraction.unit, extraction.year)
                    pending = Pending(safe_name(filename), extraction, draft)
                    key = drafts(request).keep(pending)
                    return site.page(
                        request,
                        "draft_review.html",
                        key=key,
                        pending=pending,
                        folder=_suggested(extraction),
                        frameworks=frameworks(request),
                        chosen="",
                        format_date=format_date,
                        problems=[],
                    )
        return site.page(
            request, "draft.html", status_code=422, problems=problems, suffixes=SUFFIXES
        )


async def draft_save(request: Request) -> Response:
    site = site_of(request)
    with using(request_lang(request)):
        posted = await read_form(request, site.csrf(request), site.max_body)
        pending = drafts(request).get(posted.values.get("key", ""))
        if pending is None:
            return site.page(
                request,
                "draft.html",
                status_code=409,
                suffixes=SUFFIXES,
                problems=[
                    tr(
                        "Bản nháp đã hết hạn; hãy tải báo cáo lên lại.",
                        "The draft has expired; upload the report again.",
                    )
                ],
            )
        wanted = posted.values.get("folder", "")
        chosen = posted.values.get("framework", "")
        problems: list[str] = []
        if chosen and chosen not in frameworks(request):
            problems.append(tr(f"Không có bộ chỉ số '{chosen}'.", f"No framework '{chosen}'."))
        elif chosen:
            pending.draft.profile["framework"] = chosen
        try:
            target = site.workspace.new_bundle(wanted)
        except OutsideError:
            problems.append(
                tr("Tên thư mục không dùng được ở đây.", "That folder name cannot be used here.")
            )
        else:
            if problems:
                pass
            elif target.exists():
                problems.append(
                    tr(
                        f"Thư mục '{target.name}' đã có; hãy chọn tên khác.",
                        f"The folder '{target.name}' already exists; choose another name.",
                    )
                )
            else:
                try:
                    write_draft(target, pending.draft, pending.filename)
                except CchcError as exc:
                    problems.extend(p.message for p in exc.problems)
        if problems:
            return site.page(
                request,
                "draft_review.html",
                status_code=422,
                key=posted.values.get("key", ""),
                pending=pending,
                folder=wanted,
                format_date=format_date,
                problems=problems,
                frameworks=frameworks(request),
                chosen=chosen,
            )
        drafts(request).pop(posted.values.get("key", ""), None)
        flash = site.flash(
            Flash(
                tr(
                    f"Đã lưu bộ minh chứng nháp vào thư mục {target.name}. Hãy kiểm tra từng dòng.",
                    f"Saved the draft bundle in {target.name}. Check every row.",
                )
            )
        )
        return RedirectResponse(f"/u/{target.name}/?m={flash}", status_code=303)
