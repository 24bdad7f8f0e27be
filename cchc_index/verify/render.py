"""A synthetic administrative document in the NĐ 30/2020 layout, drawn to PDF with reportlab.

Left column: the governing body, the issuing body (bold capitals), a short rule, "Số: …";
right column: the Quốc hiệu, the Tiêu ngữ, a rule, the place-and-date line (italic); then the
kind and the title (trích yếu), centred and bold, a few "Căn cứ" lines and a body. Liberation
Serif 2 (metric-compatible with Times New Roman, with the Vietnamese letters that Liberation 1
lacks). Deterministic: reportlab's invariant mode fixes the dates and ids it would vary.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from cchc_index.errors import EnvironmentProblem
from cchc_index.i18n import tr

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
LEFT, RIGHT, TOP = 30 * MM, 15 * MM, 20 * MM


@dataclass(frozen=True)
class DocSpec:
    """What a synthetic document says."""

    number: str  # "452/KH-UBND"
    date: dt.date
    parent: str | None  # "UBND HUYỆN QUẢNG ĐIỀN"
    agency: tuple[str, ...]  # ("ỦY BAN NHÂN DÂN", "XÃ QUẢNG AN")
    place: str  # "Quảng An"
    kind: str | None  # "KẾ HOẠCH"; None for a letter (công văn), whose title is "V/v …"
    subject: str
    signer: str = "Nguyễn Văn An"
    synthetic_note: str = (
        "Văn bản mẫu tổng hợp (synthetic) để kiểm thử cchc-index; không phải văn bản thật."
    )


def date_line(place: str, date: dt.date) -> str:
    """NĐ 30: a day below 10 and the months 1 and 2 are written with a leading zero."""
    day = f"{date.day:02d}"
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {day} tháng {month} năm {date.year}"


_FONTS = {
    "R": "LiberationSerif-Regular",
    "B": "LiberationSerif-Bold",
    "I": "LiberationSerif-Italic",
}


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for key, name in _FONTS.items():
        path = FONT_DIR / f"{name}.ttf"
        if not path.is_file():
            raise EnvironmentProblem(
                [],
                tr(
                    f"thiếu phông {path}: apt-get install fonts-liberation2",
                    f"font {path} missing: apt-get install fonts-liberation2",
                ),
            )
        if key not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(key, str(path)))


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.lib.utils import simpleSplit

    lines: list[str] = simpleSplit(text, font, size, width)
    return lines


def render_pdf(spec: DocSpec) -> bytes:
    from reportlab.pdfgen import canvas

    _register_fonts()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    pdf.setTitle(spec.synthetic_note)
    left_mid = LEFT + 36 * MM
    right_mid = PAGE_W - RIGHT - 52 * MM
    y = PAGE_H - TOP - 12
    # left column
    ly = y
    if spec.parent:
        pdf.setFont("R", 12.5)
        pdf.drawCentredString(left_mid, ly, spec.parent)
        ly -= 15
    pdf.setFont("B", 12.5)
    for line in spec.agency:
        pdf.drawCentredString(left_mid, ly, line)
        ly -= 15
    pdf.setLineWidth(0.6)
    pdf.line(left_mid - 12 * MM, ly + 10, left_mid + 12 * MM, ly + 10)
    ly -= 10
    pdf.setFont("R", 13)
    pdf.drawCentredString(left_mid, ly, f"Số: {spec.number}")
    ly -= 16
    if spec.kind is None:
        pdf.setFont("R", 12)
        for line in _wrap(f"V/v {spec.subject}", "R", 12, 70 * MM):
            pdf.drawCentredString(left_mid, ly, line)
            ly -= 14
    # right column
    ry = y
    pdf.setFont("B", 12.5)
    pdf.drawCentredString(right_mid, ry, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    ry -= 16
    pdf.setFont("B", 13.5)
    pdf.drawCentredString(right_mid, ry, "Độc lập - Tự do - Hạnh phúc")
    pdf.line(right_mid - 30 * MM, ry - 4, right_mid + 30 * MM, ry - 4)
    ry -= 30
    pdf.setFont("I", 13.5)
    pdf.drawCentredString(right_mid, ry, date_line(spec.place, spec.date))
    y = min(ly, ry) - 28
    middle = (LEFT + PAGE_W - RIGHT) / 2
    if spec.kind is not None:
        pdf.setFont("B", 14)
        pdf.drawCentredString(middle, y, spec.kind)
        y -= 18
        for line in _wrap(spec.subject, "B", 14, 150 * MM):
            pdf.drawCentredString(middle, y, line)
            y -= 18
        pdf.line(middle - 20 * MM, y + 10, middle + 20 * MM, y + 10)
        y -= 20
    pdf.setFont("R", 13.5)
    body = [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
        f"Thực hiện chương trình công tác năm {spec.date.year}, {spec.agency[-1].title()} ban hành văn bản này với các nội dung sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Nâng cao chất lượng, hiệu quả công tác cải cách hành chính trên địa bàn.",
        "2. Gắn trách nhiệm của người đứng đầu với kết quả thực hiện nhiệm vụ được giao.",
        spec.synthetic_note,
    ]
    for paragraph in body:
        for line in _wrap(paragraph, "R", 13.5, PAGE_W - LEFT - RIGHT - 10 * MM):
            pdf.drawString(LEFT + 10 * MM, y, line)
            y -= 19
        y -= 4
    pdf.setFont("B", 13)
    role = "TM. " + " ".join(spec.agency) if spec.agency[0].startswith("ỦY BAN") else "TM. CƠ QUAN"
    pdf.drawCentredString(right_mid, y - 20, role)
    pdf.drawCentredString(right_mid, y - 36, "CHỦ TỊCH")
    pdf.drawCentredString(right_mid, y - 110, spec.signer)
    pdf.showPage()
    pdf.save()
    return out.getvalue()
