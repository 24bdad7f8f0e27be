"""Narrative CCHC reports and official documents → evidence-bundle entries.

Library entry points (the `extract` command is a thin layer over `run_extract`):

- `extract_report(path)`: read a report; its header, cited documents and figures.
- `read_documents(folder)`: the header of every document in a folder.
- `build_draft(...)` / `write_draft(folder, draft, origin)`: a draft bundle, written safely.
- `cross_check(extraction, bundle)`: what the report and a bundle disagree on.
- `run_extract(report, output=…, against=…, documents=…)`: all of the above.
"""

from __future__ import annotations

from cchc_index.extract.api import run_extract
from cchc_index.extract.citations import Citation, Mention, find_citations
from cchc_index.extract.crosscheck import Finding, cross_check
from cchc_index.extract.documents import FileDocument, read_documents
from cchc_index.extract.draft import Draft, build_draft
from cchc_index.extract.header import DocHeader, read_header
from cchc_index.extract.readers import SourceText, read_source
from cchc_index.extract.report import Extraction, Reading, extract_report, extract_source
from cchc_index.extract.statistics import Figure, find_figures
from cchc_index.extract.writer import BundleExists, write_draft

__all__ = [
    "BundleExists",
    "Citation",
    "DocHeader",
    "Draft",
    "Extraction",
    "Figure",
    "FileDocument",
    "Finding",
    "Mention",
    "Reading",
    "SourceText",
    "build_draft",
    "cross_check",
    "extract_report",
    "extract_source",
    "find_citations",
    "find_figures",
    "read_documents",
    "read_header",
    "read_source",
    "run_extract",
    "write_draft",
]
