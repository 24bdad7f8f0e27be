"""Narrative CCHC reports and official documents → evidence-bundle entries.

Library entry points (the `extract` command is a thin layer over `run_extract`):

- `extract_report(path)`: read a report; its header, cited documents and figures.
- `read_documents(folder)`: the header of every document in a folder.
- `build_draft(...)` / `write_draft(folder, draft, origin)`: a draft bundle, written safely.
- `settle(figures, year)`: which candidate figure is which variable, by the relations
  stated once as data in `relations.RELATIONS`; a figure no consistent assignment supports
  goes to review.
- `cross_check(extraction, bundle)`: what the report and a bundle disagree on (documents,
  dates, issuers, figures).
- `run_extract(report, output=…, against=…, documents=…)`: all of the above.
"""

from __future__ import annotations

import importlib
from typing import Any

# Names → the module that defines them; imported on first use, so that loading the CLI (which
# registers the `extract` command) does not pay for the extractor's patterns.
_EXPORTS = {
    "run_extract": "api",
    "Citation": "citations",
    "Mention": "citations",
    "find_citations": "citations",
    "Finding": "crosscheck",
    "cross_check": "crosscheck",
    "FileDocument": "documents",
    "read_documents": "documents",
    "Draft": "draft",
    "build_draft": "draft",
    "DocHeader": "header",
    "read_header": "header",
    "SourceText": "readers",
    "read_source": "readers",
    "Extraction": "report",
    "Reading": "report",
    "extract_report": "report",
    "extract_source": "report",
    "RELATIONS": "relations",
    "Settlement": "settle",
    "settle": "settle",
    "Figure": "statistics",
    "find_figures": "statistics",
    "write_draft": "writer",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'cchc_index.extract' has no attribute {name!r}")
    return getattr(importlib.import_module(f"cchc_index.extract.{_EXPORTS[name]}"), name)
