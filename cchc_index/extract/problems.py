"""The one error of reading an input file: where it is and what is wrong, in both languages."""

from __future__ import annotations

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr


def fail(path: str, message_vi: str, message_en: str, line: int = 1) -> EvidenceError:
    return EvidenceError([Problem(path, line, 1, tr(message_vi, message_en))])
