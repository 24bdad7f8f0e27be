"""Every cell a workbook writes from data is text: only the formulas this code builds stay live.

openpyxl makes any string that starts with `=` a formula; a unit name, a title or a reason
typed as `=HYPERLINK(...)` or `=cmd|...` would then run in the reviewer's Excel. The writers
build their own formulas through `formula`, and `workbook_bytes` (the one way a workbook is
saved) turns every other formula-looking cell back into the literal text it was given.
Strings that start with `+`, `-` or `@` are stored as text cells already (Excel evaluates
them only when typed, not when read from a file). A control character cannot reach a cell:
every loader refuses it (`cchc_index.textfile`, `cchc_index.yaml_events`).
"""

from __future__ import annotations

import io
from typing import Any

_OURS: set[str] = set()


def formula(text: str) -> str:
    """`text` (starting with `=`) marked as a formula this code built: it stays live."""
    _OURS.add(text)
    return text


def workbook_bytes(wb: Any) -> bytes:
    """The workbook as .xlsx bytes, every formula not built by `formula` made literal text."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and cell.value not in _OURS:
                    cell.data_type = "s"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
