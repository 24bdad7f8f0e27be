"""Read a report or document (.txt, .md, .docx, text-layer .pdf) into lines of NFC text.

The content decides, not only the name: a file whose bytes are not what its extension says
(a PDF renamed .docx, a Word 97 .doc renamed .txt) is refused with a located, clear error,
never a traceback.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cchc_index.extract.problems import fail
from cchc_index.i18n import os_reason, tr, using
from cchc_index.text import blank_controls

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf"}
MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class SourceText:
    """The text of one file: its lines, and for a PDF the page of each line."""

    path: str
    kind: str  # "txt", "md", "docx" or "pdf"
    lines: tuple[str, ...]
    pages: tuple[int, ...] = ()

    def where(self, line: int) -> str:
        """Where a line is, in words a person can follow in the original file, in Vietnamese:
        this text goes into the bundle's `note` and `source` fields."""
        with using("vi"):
            return self.shown(line)

    def shown(self, line: int) -> str:
        """The same place in the reader's language, for what is printed."""
        if self.pages:
            page = self.pages[line - 1]
            first = bisect.bisect_left(self.pages, page)
            return tr(f"trang {page}, dòng {line - first}", f"page {page}, line {line - first}")
        if self.kind == "docx":
            return tr(f"đoạn {line}", f"paragraph {line}")
        return tr(f"dòng {line}", f"line {line}")


def sniff(data: bytes) -> str:
    """What the bytes are: pdf, zip, ole (Word 97-2003), binary or text."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    if b"\x00" in data[:8192]:
        return "binary"
    return "text"


_WHAT = {
    "pdf": ("tệp PDF", "a PDF file"),
    "zip": ("tệp nén ZIP (có thể là .docx)", "a ZIP archive (perhaps a .docx)"),
    "ole": ("tệp Word 97-2003 (.doc)", "a Word 97-2003 file (.doc)"),
    "binary": ("tệp nhị phân", "a binary file"),
    "text": ("tệp văn bản thuần", "a plain-text file"),
}


def read_source(path: Path, shown: str | None = None) -> SourceText:
    """Read one file by its extension, after checking that its content agrees."""
    name = shown or str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise fail(
            name,
            f"không đọc được loại tệp '{suffix or '(không có đuôi)'}'; "
            "hỗ trợ .txt, .md, .docx, .pdf (PDF có lớp chữ)",
            f"unsupported file type '{suffix or '(no extension)'}'; "
            "supported: .txt, .md, .docx, .pdf (with a text layer)",
        )
    try:
        if path.is_dir():
            raise IsADirectoryError
        if not path.is_file() and path.exists():  # a FIFO or a device: reading would not end
            raise fail(
                name,
                "không phải tệp thường (ống hay thiết bị); không đọc",
                "not a regular file (a pipe or device); not read",
            )
        if path.stat().st_size > MAX_BYTES:
            raise fail(name, "tệp quá lớn (trên 200 MB)", "file too large (over 200 MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise fail(name, "không tìm thấy tệp", "file not found") from None
    except IsADirectoryError:
        raise fail(name, "đây là thư mục, không phải tệp", "this is a folder, not a file") from None
    except OSError as exc:
        raise fail(
            name, f"không đọc được tệp: {os_reason(exc)}", f"cannot read: {os_reason(exc)}"
        ) from None
    return read_bytes(data, suffix, name)


def read_bytes(data: bytes, suffix: str, name: str) -> SourceText:
    """Read file content known by its extension (`.txt`, `.md`, `.docx`, `.pdf`)."""
    from cchc_index.extract import office  # python-docx, pypdfium2: only for those files

    found = sniff(data)
    expected = {".docx": "zip", ".pdf": "pdf"}.get(suffix, "text")
    if found != expected:
        vi, en = _WHAT[found]
        raise fail(
            name,
            f"tệp có đuôi '{suffix}' nhưng nội dung là {vi}; hãy đổi đúng đuôi hoặc lưu lại",
            f"the file is named '{suffix}' but its content is {en}; rename or save it again",
        )
    if suffix == ".docx":
        lines = office.docx_lines(data, name)
        return SourceText(name, "docx", tuple(normalise(line) for line in lines))
    if suffix == ".pdf":
        lines, pages = office.pdf_lines(data, name)
        return SourceText(name, "pdf", tuple(normalise(line) for line in lines), pages)
    text = normalise(decode(data, name))
    kind = "md" if suffix in {".md", ".markdown"} else "txt"
    # trailing spaces go, trailing tabs stay: they are a table row's empty last cells
    return SourceText(name, kind, tuple(clean_markup(x.rstrip(" ")) for x in text.split("\n")))


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise fail(name, "tệp UTF-16 bị hỏng", "broken UTF-16 file") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise fail(
            name,
            f"tệp không phải UTF-8 (byte thứ {exc.start}); hãy lưu lại với bảng mã UTF-8 "
            "(Unicode), không dùng TCVN3/VNI",
            f"not UTF-8 (byte {exc.start}); save it again as UTF-8 (Unicode), not TCVN3/VNI",
            line,
        ) from None


_INVISIBLE: dict[int, str | None] = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Look-alikes that mean one character in a Vietnamese report: the Icelandic eth typed for Đ
# ("QÐ-UBND"), hyphens and minus signs for "-", slashes for "/" (a symbol must read the same).
_INVISIBLE.update({ord("Ð"): "Đ", ord("ð"): "đ"})
_INVISIBLE.update(dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2212\ufe63\uff0d"), "-"))
_INVISIBLE.update(dict.fromkeys(map(ord, "\u2044\u2215\uff0f"), "/"))
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\r\v]")


def normalise(text: str) -> str:
    """NFC, no invisible characters, ordinary spaces, no trailing spaces on a single line
    (a trailing tab stays: it is an empty cell of a table row)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _ODD_SPACES.sub(" ", text.replace("\r\n", "\n").replace("\f", "\n"))
    text = blank_controls(text)  # never into a draft bundle, never raw to a terminal
    return text if "\n" in text else text.rstrip(" ")  # a tab is a cell, even an empty one


_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|br|tr|td|th|div|table|tbody|thead)\b[^<>]{0,300}>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,300}>")
_CELL_PIPE = re.compile(r"(?:\s*\|\s*)+")
_MD_ROW = re.compile(r"\s*\|.*\|\s*")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_STAR_BULLET = re.compile(r"^(\s*)\*\s+(?=\S)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")


def clean_markup(line: str) -> str:
    """Drop Markdown and HTML markup that reports exported from Word carry, keep the words.

    Block tags and table pipes become tabs (cell boundaries, as in a TSV row); emphasis marks
    and heading hashes go.
    """
    md_row = _MD_ROW.fullmatch(line) is not None  # as written, before any tag becomes a cell
    if "<" in line:
        line = _AUTOLINK.sub(r"\1", line)
        line = _BLOCK_TAG.sub(" | ", line)
        line = _TAG.sub("", line)
    if "#" in line:
        line = _HEADING.sub("", line)
    if "*" in line:
        line = _STAR_BULLET.sub(r"\1- ", line).replace("*", "")
    if "__" in line:
        line = line.replace("__", "")
    if "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    if md_row and _MD_ROW.fullmatch(line):  # a Markdown table row: every cell, empty ones too
        return "\t".join(cell.strip() for cell in line.strip()[1:-1].split("|"))
    if "|" in line:  # an HTML list or table: cells become tab-separated
        return _CELL_PIPE.sub("\t", line.strip(" |\t"))
    return line.rstrip(" ")
