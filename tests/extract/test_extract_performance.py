"""A generated 200-page report is read whole (its time is measured and printed by
`cchc-index extract-eval`, not asserted here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_index.extract.report import extract_report
from cchc_index.extract.synthetic import pages, two_hundred_pages

from .helpers import make_docx, make_pdf

PAGES = pages(200)


def test_a_200_page_text_report(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.txt"
    path.write_text(two_hundred_pages(), encoding="utf-8")
    extraction = extract_report(path, year=2020)
    assert len(extraction.citations) == 200 * 10


@pytest.mark.slow
def test_a_200_page_docx_and_pdf(tmp_path: Path) -> None:
    docx_path = tmp_path / "bao-cao.docx"
    docx_path.write_bytes(make_docx([line for p in PAGES for line in p]))
    pdf_path = tmp_path / "bao-cao.pdf"
    pdf_path.write_bytes(make_pdf([[x for x in p if x][:40] for p in PAGES]))
    assert len(extract_report(docx_path, year=2020).citations) == 2000
    assert len(extract_report(pdf_path, year=2020).citations) > 1000
