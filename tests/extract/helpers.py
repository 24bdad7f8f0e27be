"""Fixture generators: a minimal text PDF written by hand, a .docx by python-docx."""

from __future__ import annotations

import io

import docx
from hypothesis import HealthCheck, settings


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold these lines, with a Type0 font and a ToUnicode map, so that
    any Vietnamese text (the Basic Multilingual Plane) extracts back exactly."""
    chars = sorted({ord(c) for page in pages for line in page for c in line} | {32})
    cmap_entries = [f"<{c:04X}> <{c:04X}>" for c in chars]
    blocks = []
    for i in range(0, len(cmap_entries), 100):
        chunk = cmap_entries[i : i + 100]
        blocks.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar")
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode()
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: str = "") -> bytes:
        return f"<< /Length {len(data)}{extra} >>\nstream\n".encode() + data + b"\nendstream"

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /Helv /Flags 32 /FontBBox [0 -200 1000 800] "
        b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"
    )
    cid_font = add(
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helv /CIDSystemInfo << /Registry "
        f"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R "
        f"/DW 500 >>".encode()
    )
    to_unicode = add(stream(cmap))
    font = add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /Helv /Encoding /Identity-H "
        f"/DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>".encode()
    )
    kids = []
    for page in pages:
        ops = ["BT", "/F1 10 Tf", "14 TL", "40 800 Td"]
        for line in page:
            ops.append("<" + "".join(f"{ord(c):04X}" for c in line) + "> Tj T*")
        ops.append("ET")
        content = add(stream("\n".join(ops).encode()))
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842] /Resources "
                f"<< /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    refs = " ".join(f"{k} 0 R" for k in kids)
    objects[pages_obj - 1] = f"<< /Type /Pages /Kids [{refs}] /Count {len(kids)} >>".encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def make_docx(paragraphs: list[str], header: tuple[list[str], list[str]] | None = None) -> bytes:
    """A .docx with an optional two-column header table (agency | national motto), then
    the paragraphs."""
    document = docx.Document()
    if header is not None:
        table = document.add_table(rows=1, cols=2)
        for cell, lines in zip(table.rows[0].cells, header, strict=True):
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# The extract properties' hypothesis settings: the same examples on every run, no deadline
# (a generated report can take a while on a busy machine).
SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)
