"""OCR of a scanned page's header with Debian's Tesseract and its `vie` model.

`vie` alone (not `vie+eng`, 3-4× worse on these headers), one thread (OMP_THREAD_LIMIT=1 made a
header 4× faster), the header region only (the top of page one), and a second pass with
Sauvola thresholding when the first is unsure: phone photos with uneven light read at ~55 %
character error with the default Otsu thresholding, ~8 % with Sauvola.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cchc_index.errors import EnvironmentProblem
from cchc_index.i18n import tr

HEADER_SHARE = 0.42  # the header, title and first lines fit in the top 42 % of an A4 page
LOW_CONFIDENCE = 80.0  # mean word confidence under which the Sauvola pass is tried
MAX_PIXELS = 60_000_000  # a 600 dpi A4 page is 35 Mpx; refuse decompression bombs above
ENGINE = "tesseract-vie"
PACKAGES = "tesseract-ocr tesseract-ocr-vie"


@dataclass(frozen=True)
class OcrText:
    lines: tuple[str, ...]  # the first pass
    confidence: float  # mean word confidence of the first pass, 0-100
    engine: str
    retries: tuple[tuple[str, ...], ...] = ()  # the lines of each further pass


def need_tesseract() -> None:
    """Exit 6 naming the Debian packages when Tesseract or its Vietnamese model is absent."""
    import pytesseract

    if shutil.which("tesseract") is None:
        raise EnvironmentProblem(
            [],
            tr(
                f"cần Tesseract để đọc bản quét: apt-get install {PACKAGES}",
                f"reading scans needs Tesseract: apt-get install {PACKAGES}",
            ),
        )
    if "vie" not in pytesseract.get_languages(config=""):
        raise EnvironmentProblem(
            [],
            tr(
                "Tesseract thiếu mô hình tiếng Việt: apt-get install tesseract-ocr-vie",
                "Tesseract lacks its Vietnamese model: apt-get install tesseract-ocr-vie",
            ),
        )


def header_image(image: Any) -> Any:
    """The top of the page, in grey, upright (EXIF orientation applied)."""
    from PIL import ImageOps

    upright = ImageOps.exif_transpose(image)
    grey = upright.convert("L")
    width, height = grey.size
    if height > width * 1.2:  # a whole portrait page: keep its header region
        grey = grey.crop((0, 0, width, int(height * HEADER_SHARE)))
    return grey


def _run(image: Any, config: str) -> tuple[list[str], float]:
    import pytesseract

    data = pytesseract.image_to_data(
        image, lang="vie", config=f"--psm 3 {config}".strip(), output_type=pytesseract.Output.DICT
    )
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for index, word in enumerate(data["text"]):
        if not word.strip():
            continue
        key = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
        lines.setdefault(key, []).append(word)
        confidence = float(data["conf"][index])
        if confidence >= 0:
            confidences.append(confidence)
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return [" ".join(words) for _, words in sorted(lines.items())], mean


# further passes when the first leaves the number or the date unread: the italic date line and
# a stray mark beside "Số" are what Tesseract misses most; another segmentation (one block of
# text), Sauvola thresholding or a larger image often reads them
_RETRIES = (
    ("-c thresholding_method=2", 1.0),
    ("--psm 6", 1.0),
    ("--psm 6", 1.5),
)


def ocr_header(
    image: Any, enough: Callable[[list[tuple[str, ...]]], bool] | None = None
) -> OcrText:
    """OCR the header of one page image (a PIL image). `enough` says whether the passes read
    so far hold what is looked for; when they do not, other passes are tried (a reader takes
    each value from the first pass that has it)."""
    need_tesseract()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    region = header_image(image)
    lines, confidence = _run(region, "")
    engine = ENGINE
    if confidence < LOW_CONFIDENCE:
        second, sauvola = _run(region, "-c thresholding_method=2")
        if sauvola > confidence:
            lines, confidence, engine = second, sauvola, f"{ENGINE} sauvola"
    passes = [tuple(lines)]
    if enough is not None and not enough(passes):
        for config, scale in _RETRIES:
            source = region
            if scale != 1.0:
                width, height = region.size
                source = region.resize((int(width * scale), int(height * scale)))
            more, _ = _run(source, config)
            passes.append(tuple(more))
            if enough(passes):
                break
    return OcrText(passes[0], confidence, engine, tuple(passes[1:]))
