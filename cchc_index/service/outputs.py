"""A reviewed unit as any output: the one place `score -o`, `score` on the terminal, the web
page's downloads and every later document are produced.

An appraised unit (or one with items awaiting the reviewers) in a format that can show layers
gets its layers side by side with the reasons; otherwise the documents are made from a Filing
of the self layer with the appraisal marks. Only the DOCX, XLSX and HTML print the bundle's
hash.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from cchc_index.load.digest import bundle_files, digest_of
from cchc_index.report.filing import build_filing
from cchc_index.report.formats import FORMATS, stdout_text
from cchc_index.report.history import history_rows
from cchc_index.report.layers import LAYER_RENDERERS, render_layers_table
from cchc_index.report.layers_files import appraisal_marks, layer_file
from cchc_index.report.submission_words import (
    final_basis,
    submission_note,
    with_submission_json,
)
from cchc_index.service.history import history_of
from cchc_index.service.review import Review

MEDIA = {
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
}
HASHED = ("docx", "pdf", "xlsx", "html")  # the documents that print the bundle's hash


def _now() -> datetime:
    return datetime.now().astimezone()


clock: Callable[[], datetime] = _now  # when a document says it was written


@dataclass(frozen=True)
class Output:
    data: str | bytes
    suffix: str  # the format's first file suffix (`.txt`, `.docx`, …)

    @property
    def media(self) -> str:
        return MEDIA.get(self.suffix, "application/octet-stream")

    def as_bytes(self) -> bytes:
        return self.data.encode("utf-8") if isinstance(self.data, str) else self.data


def produce(review: Review, fmt: str, *, width: int | None = None) -> Output:
    """`review` in the format `fmt` (a key of report/formats.FORMATS), as a file holds it;
    with a terminal `width`, as the terminal shows it (the table wrapped, CSV without its
    byte-order mark)."""
    chosen = FORMATS[fmt]
    layers = review.layered
    if (layers.appraised or layers.range is not None) and fmt in LAYER_RENDERERS:
        if fmt == "table" and width is not None:  # fitted to the terminal
            text = _noted(fmt, render_layers_table(layers, width), review, width)
        else:
            text = _noted(fmt, LAYER_RENDERERS[fmt](layers), review, width)
        return Output(text if width is not None else layer_file(fmt, text), chosen.suffixes[0])
    files = bundle_files(review.folder) if fmt in HASHED else {}
    filing = build_filing(
        layers.self_result,
        review.framework,
        review.bundle,
        digest_of(files) if fmt in HASHED else "",
        clock(),
        appraisal_marks(layers),
        layers,
    )
    filing = dataclasses.replace(
        filing, bundle_files=files, basis=final_basis(layers, review.submitted)
    )
    if fmt in HASHED and (review.submitted is not None or layers.appraised):
        # the documents carry the cycle as an appendix
        filing = dataclasses.replace(filing, history=tuple(history_rows(history_of(review))))
    data = stdout_text(chosen, filing, width) if width is not None else chosen.render(filing)
    if isinstance(data, str):
        data = _noted(fmt, data, review, width)
    return Output(data, chosen.suffixes[0])


def _noted(fmt: str, text: str, review: Review, width: int | None = None) -> str:
    """The text with what a submitted unit adds: the submission, and the draft beside it."""
    if fmt == "json":
        return with_submission_json(text, review.submitted, review.draft)
    if fmt in ("table", "markdown"):
        note = submission_note(review.submitted, review.draft, fmt == "markdown", width)
        return text + note
    return text
