"""A table as read from any format: rows of cell texts, each row with where it is."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.text import nfc


@dataclass(frozen=True)
class RawTable:
    """One table of a document: cell texts (merged cells repeated), and a place for each row
    a person can find in the original ("bảng 2, dòng 5", "Sheet1!A7", "trang 2")."""

    rows: tuple[tuple[str, ...], ...]
    places: tuple[str, ...]

    def __post_init__(self) -> None:
        # every row as wide as the widest: a short row of a hand-made CSV or Markdown table
        # (or a PDF row missing its last cells) reads as empty cells, never an IndexError
        width = max(map(len, self.rows), default=0)
        if any(len(row) != width for row in self.rows):
            padded = tuple(row + ("",) * (width - len(row)) for row in self.rows)
            object.__setattr__(self, "rows", padded)


@dataclass(frozen=True)
class Document:
    """What a reader gives: the document's text outside tables (for the decision's header) and
    its tables in order."""

    path: str
    kind: str
    preamble: str
    tables: tuple[RawTable, ...]
    notes: tuple[str, ...] = field(default=())


def clean(text: str | None) -> str:
    """A cell's text, NFC, with runs of spaces folded and lines kept."""
    if not text:
        return ""
    lines = [" ".join(line.split()) for line in nfc(str(text)).replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def fail(path: str, vi: str, en: str) -> EvidenceError:
    """An input document that cannot be imported: exit 4, nothing written."""
    return EvidenceError([Problem(path, 1, 1, tr(vi, en))])


def sniff(data: bytes) -> str:
    """What the bytes are: pdf, zip (docx, xlsx), ole (Office 97-2003) or text."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    return "binary" if b"\x00" in data[:8192] else "text"


def plain(text: str) -> str:
    """Lower case without diacritics ("Điểm tối đa" → "diem toi da"), for matching words."""

    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
