"""Output formats of `score`: which renderer, which file suffixes, text or bytes.

The format follows the `-o` suffix unless `--format` forces one; an unknown suffix is refused
with the list of known ones rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_index.report.render import DEFAULT_WIDTH, RENDERERS, render_table

if TYPE_CHECKING:  # `score` of an appraised unit prints its layers and never builds a filing
    from cchc_index.report.filing import Filing


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    render: Callable[[Filing], str | bytes]
    to_stdout: bool  # binary documents only go to a file


def _text(name: str) -> Callable[[Filing], str]:
    renderer = RENDERERS[name]
    return lambda filing: renderer(filing.result)


def _csv_file(filing: Filing) -> bytes:
    """CSV for Excel: a UTF-8 byte-order mark, or Excel on Windows reads the file as ANSI and
    garbles the Vietnamese letters."""
    return ("\ufeff" + RENDERERS["csv"](filing.result)).encode("utf-8")


def _docx(filing: Filing) -> bytes:
    from cchc_index.report.docx_report import render_docx  # python-docx only when asked

    return render_docx(filing)


def _pdf(filing: Filing) -> bytes:
    from cchc_index.report.pdf import docx_to_pdf  # LibreOffice converts the DOCX

    return docx_to_pdf(_docx(filing))


def _xlsx(filing: Filing) -> bytes:
    from cchc_index.report.xlsx_workbook import render_xlsx  # openpyxl only when asked

    return render_xlsx(filing)


def _html(filing: Filing) -> str:
    from cchc_index.report.html_page import render_html  # Jinja2 only when asked

    return render_html(filing)


FORMATS: dict[str, Format] = {
    "table": Format("table", (".txt",), _text("table"), True),
    "markdown": Format("markdown", (".md",), _text("markdown"), True),
    "json": Format("json", (".json",), _text("json"), True),
    "csv": Format("csv", (".csv",), _csv_file, True),
    "html": Format("html", (".html", ".htm"), _html, True),
    "docx": Format("docx", (".docx",), _docx, False),
    "pdf": Format("pdf", (".pdf",), _pdf, False),
    "xlsx": Format("xlsx", (".xlsx",), _xlsx, False),
}


def known_suffixes() -> list[str]:
    return [s for f in FORMATS.values() for s in f.suffixes]


def format_for(output: Path | None) -> Format | None:
    """The format an output file's suffix names; None when the suffix is unknown."""
    if output is None:
        return FORMATS["table"]
    suffix = output.suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.suffixes), None)


def stdout_text(fmt: Format, filing: Filing, width: int = DEFAULT_WIDTH) -> str:
    """What a text format prints on the terminal (the CSV without its byte-order mark, the
    table wrapped to the terminal's `width`)."""
    if fmt.name == "csv":
        return RENDERERS["csv"](filing.result)
    if fmt.name == "table":
        return render_table(filing.result, width)
    text = fmt.render(filing)
    assert isinstance(text, str)
    return text
