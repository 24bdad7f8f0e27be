"""One evidence file → its first page's lines, and how they were read.

The text layer first (a PDF exported from Word, a .docx); OCR only for a page without one (a
scan) or an image. Nothing is written into the file. A file that cannot be read is a verdict
(`unreadable`, with the reason), not an error of the whole run; a missing OCR engine is an
environment error (exit 6) naming the Debian packages.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc_index.errors import CchcError, EnvironmentProblem, SourceError
from cchc_index.extract.readers import MAX_BYTES, read_bytes
from cchc_index.i18n import tr
from cchc_index.readgate import read_file
from cchc_index.verify.header import FileHeader, merged_header
from cchc_index.verify.ocr import MAX_PIXELS, OcrText, ocr_header

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp"})
TEXT_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md"})
RENDER_DPI = 300


@dataclass(frozen=True)
class ReadText:
    """The lines of a file's first page; `how` is "text" (PDF text layer), "docx", "txt" or
    "ocr"; `problem` says why nothing could be read."""

    lines: tuple[str, ...] = ()
    how: str = ""
    confidence: float | None = None  # OCR only
    engine: str | None = None
    retries: tuple[tuple[str, ...], ...] = ()  # OCR passes after the first, when it missed
    problem: str | None = None

    @property
    def ocr(self) -> bool:
        return self.how == "ocr"


def _unreadable(message: str) -> ReadText:
    return ReadText(problem=message)


def load_bytes(path: Path) -> bytes | str:
    """The file's bytes through the reader gate (a regular file of at most 200 MB), or why
    they cannot be had."""
    try:
        return read_file(path, str(path), MAX_BYTES)
    except SourceError as exc:
        return exc.problems[0].message


def read_evidence(path: Path, shown: str, data: bytes | str | None = None) -> ReadText:
    """`data`: the file's bytes when the caller has read them already."""
    if data is None:
        data = load_bytes(path)
    if isinstance(data, str):
        return _unreadable(data)
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return _ocr_image(data)
    if suffix not in TEXT_SUFFIXES:
        return _unreadable(
            tr(
                f"không đọc loại tệp '{suffix or '(không đuôi)'}' (đọc .pdf, .docx, ảnh .jpg/.png/.tif)",
                f"file type '{suffix or '(none)'}' is not read (reads .pdf, .docx, .jpg/.png/.tif images)",
            )
        )
    try:
        source = read_bytes(data, suffix, shown)
    except EnvironmentProblem:
        raise
    except CchcError as exc:
        if suffix == ".pdf":
            return _ocr_pdf(data, exc)
        return _unreadable(exc.lines()[0].split(": ", 1)[-1])
    lines = source.lines
    if source.pages:
        lines = tuple(
            line for line, page in zip(source.lines, source.pages, strict=True) if page == 1
        )
    how = {"pdf": "text", "docx": "docx"}.get(source.kind, "txt")
    return ReadText(lines=lines, how=how)


def _ocr_pdf(data: bytes, first: CchcError) -> ReadText:
    """A PDF without a text layer: page one rendered at 300 dpi, then OCR."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
        try:
            if len(document) == 0:
                raise pdfium.PdfiumError("no page")
            page = document[0]
            image = page.render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
            page.close()
        finally:
            document.close()
    except pdfium.PdfiumError:
        return _unreadable(first.lines()[0].split(": ", 1)[-1])
    return _ocr(image)


def _ocr_image(data: bytes) -> ReadText:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            width, height = opened.size
            if width * height > MAX_PIXELS:
                return _unreadable(
                    tr(
                        f"ảnh quá lớn ({width}×{height} điểm ảnh)",
                        f"image too large ({width}×{height} pixels)",
                    )
                )
            opened.load()
            image = opened.copy()
            image.info.update(opened.info)
            exif = opened.getexif()
            if exif:
                image.info["exif"] = exif.tobytes()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return _unreadable(tr("không mở được ảnh (hỏng?)", "cannot open the image (damaged?)"))
    return _ocr(image)


def complete(passes: list[tuple[str, ...]]) -> bool:
    header = merged_header(passes)
    return header.number is not None and header.date is not None


def from_ocr(text: OcrText) -> ReadText:
    return ReadText(
        lines=text.lines,
        how="ocr",
        confidence=text.confidence,
        engine=text.engine,
        retries=text.retries,
    )


def _ocr(image: Any) -> ReadText:
    return from_ocr(ocr_header(image, complete))


def header_of(text: ReadText) -> FileHeader:
    """The header read from every pass of the file's text."""
    return merged_header([text.lines, *text.retries])
