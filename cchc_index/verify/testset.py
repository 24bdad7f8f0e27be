"""A seeded set of synthetic administrative documents and their scans, for measuring `verify`.

No real scans ship. Each document is drawn in the NĐ 30 layout (`render`), with numbering
patterns of the seed reports (452/KH-UBND, 1462/QĐ-UBND, 02/2019/NQ-HĐND, 1301/UBND-VP …),
then rasterised (pypdfium2, the renderer the project already uses) and degraded with Pillow:

- clean-300: 300 dpi, grey;
- scan-200: 200 dpi, ±1° skew, light blur, noise, JPEG quality 60;
- photocopy-200: 200 dpi, blur, heavy noise, hard threshold, speckles;
- phone: 200 dpi, ±3° skew, uneven light, blur, JPEG quality 45.

A register row is made for each document; for a quarter of them one field is deliberately
wrong (another number, date or issuer), so that "differs" is measured as well as "matches".
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass
from typing import Any

from cchc_index.verify.render import DocSpec

CONDITIONS = ("clean-300", "scan-200", "photocopy-200", "phone")

_UNITS = (
    # (level word, name, place on the date line, district or city above it)
    ("XÃ", "QUẢNG AN", "Quảng An", "UBND HUYỆN QUẢNG ĐIỀN"),
    ("XÃ", "QUẢNG THÀNH", "Quảng Thành", "UBND HUYỆN QUẢNG ĐIỀN"),
    ("PHƯỜNG", "AN CỰU", "An Cựu", "UBND THÀNH PHỐ HUẾ"),
    ("XÃ", "NGA THẠCH", "Nga Thạch", "UBND HUYỆN NGA SƠN"),
    ("THỊ TRẤN", "SỊA", "Sịa", "UBND HUYỆN QUẢNG ĐIỀN"),
    ("XÃ", "PHÚ MẬU", "Phú Mậu", "UBND HUYỆN PHÚ VANG"),
    ("HUYỆN", "QUẢNG ĐIỀN", "Quảng Điền", "UBND TỈNH THỪA THIÊN HUẾ"),
    ("XÃ", "ĐIỆN HÒA", "Điện Hòa", "UBND THỊ XÃ ĐIỆN BÀN"),
)
_SUBJECTS = {
    "KH": (
        "Triển khai công tác cải cách hành chính năm {y}",
        "Tuyên truyền cải cách hành chính năm {y}",
        "Tự kiểm tra cải cách hành chính năm {y}",
        "Công tác kiểm soát thủ tục hành chính năm {y}",
        "Ứng dụng và phát triển công nghệ thông tin năm {y}",
    ),
    "QĐ": (
        "Ban hành Quy chế làm việc của Ủy ban nhân dân",
        "Công bố hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001:2015",
        "Thành lập Tổ giúp việc cải cách hành chính năm {y}",
    ),
    "BC": (
        "Báo cáo công tác cải cách hành chính năm {y}",
        "Kết quả kiểm soát thủ tục hành chính quý III năm {y}",
    ),
    "TB": ("Kết luận của Chủ tịch tại cuộc họp giao ban tháng {m}",),
    "NQ": ("Nhiệm vụ phát triển kinh tế - xã hội năm {y}",),
    "CV": (
        "Rà soát việc triển khai các nhiệm vụ cải cách hành chính năm {y}",
        "Đôn đốc thực hiện chế độ báo cáo định kỳ",
    ),
}
_KIND_TITLES = {
    "KH": "KẾ HOẠCH",
    "QĐ": "QUYẾT ĐỊNH",
    "BC": "BÁO CÁO",
    "TB": "THÔNG BÁO",
    "NQ": "NGHỊ QUYẾT",
    "CV": None,
}


@dataclass(frozen=True)
class Case:
    """A synthetic document and the register row it is checked against, with the right
    verdict of each field for that row."""

    name: str
    spec: DocSpec
    row_number: str
    row_date: dt.date
    row_issuer: str
    row_subject: str
    truth: dict[str, str]  # field → "match" or "differs"
    signed: bool = False
    tampered: bool = False


def _agency(kind: str, level: str, name: str) -> tuple[str, ...]:
    body = "HỘI ĐỒNG NHÂN DÂN" if kind == "NQ" else "ỦY BAN NHÂN DÂN"
    return (body, f"{level} {name}")


def _issuer_row(kind: str, level: str, name: str) -> str:
    body = "HĐND" if kind == "NQ" else "UBND"
    return f"{body} {level.lower()} {name.title()}"


def _number(rng: random.Random, kind: str, year: int) -> str:
    n = rng.choice((rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 3999)))
    if kind == "NQ":
        return f"{n:02d}/{year}/NQ-HĐND"
    if kind == "CV":
        return rng.choice((f"{n}/UBND", f"{n}/UBND-VP", f"{n}/UBND-VX"))
    if kind == "QĐ" and rng.random() < 0.3:
        return f"{n}/{year}/QĐ-UBND"
    return f"{n}/{kind}-UBND"


def make_cases(count: int, seed: int = 2020) -> list[Case]:
    """`count` cases; every fourth has one field of its row made wrong."""
    rng = random.Random(seed)
    cases: list[Case] = []
    kinds = list(_KIND_TITLES)
    for index in range(count):
        kind = kinds[index % len(kinds)]
        level, name, place, parent = _UNITS[rng.randrange(len(_UNITS))]
        year = rng.choice((2019, 2020, 2021))
        date = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        subject = rng.choice(_SUBJECTS[kind]).format(y=year + (kind == "KH"), m=date.month)
        number = _number(rng, kind, year)
        spec = DocSpec(
            number=number,
            date=date,
            parent=parent,
            agency=_agency(kind, level, name),
            place=place,
            kind=_KIND_TITLES[kind],
            subject=subject,
        )
        row_number, row_date, row_issuer = number, date, _issuer_row(kind, level, name)
        truth = {"number": "match", "date": "match", "issuer": "match", "subject": "match"}
        if index % 4 == 3:
            wrong = ("number", "date", "issuer")[(index // 4) % 3]
            truth[wrong] = "differs"
            if wrong == "number":
                head, _, tail = number.partition("/")
                row_number = f"{int(head) + rng.randint(11, 300)}/{tail}"
            elif wrong == "date":
                row_date = date + dt.timedelta(days=rng.choice((-40, -17, 23, 61)))
            else:
                other = (
                    next(u for u in _UNITS[::-1] if u[1] != name and u[0] == level)
                    if any(u[1] != name and u[0] == level for u in _UNITS)
                    else _UNITS[0]
                )
                row_issuer = _issuer_row(kind, other[0], other[1])
        cases.append(
            Case(
                name=f"vb{index + 1:03d}",
                spec=spec,
                row_number=row_number,
                row_date=row_date,
                row_issuer=row_issuer,
                row_subject=subject,
                truth=truth,
                signed=index % 3 == 0,
                tampered=index % 6 == 0,
            )
        )
    return cases


def rasterise(pdf: bytes, dpi: int) -> Any:
    """Page one as a grey PIL image."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        page.close()
    finally:
        document.close()
    return image


def _noise(image: Any, rng: random.Random, amount: float) -> Any:
    """Seeded grain: uniform noise from `rng`, blended in at `amount` (0-1)."""
    from PIL import Image

    width, height = image.size
    noise = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    return Image.blend(image, noise, amount)


def _speckles(image: Any, rng: random.Random, count: int) -> Any:
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    width, height = image.size
    for _ in range(count):
        x, y = rng.randrange(width), rng.randrange(height)
        draw.point((x, y), fill=rng.choice((0, 255)))
    return image


def _light(image: Any, strength: int) -> Any:
    """Uneven light: darker towards one corner, as a phone held over a desk sees a page."""
    from PIL import Image, ImageChops

    width, height = image.size
    gradient = Image.linear_gradient("L").resize((width, height)).rotate(35, expand=False)
    shade = gradient.point(lambda v: 255 - v * strength // 255)
    return ImageChops.multiply(image, shade)


def _jpeg(image: Any, quality: int) -> Any:
    from PIL import Image

    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return Image.open(io.BytesIO(out.getvalue()))


def degrade(pdf: bytes, condition: str, rng: random.Random) -> Any:
    """The page as `condition` (one of CONDITIONS) would give it; a grey PIL image."""
    from PIL import ImageFilter

    if condition == "clean-300":
        return rasterise(pdf, 300)
    image = rasterise(pdf, 200)
    if condition == "scan-200":
        image = image.rotate(rng.uniform(-1, 1), fillcolor=255, resample=3)
        image = image.filter(ImageFilter.GaussianBlur(0.6))
        image = _noise(image, rng, 0.10)
        return _jpeg(image, 60)
    if condition == "photocopy-200":
        image = image.rotate(rng.uniform(-1.5, 1.5), fillcolor=255, resample=3)
        image = image.filter(ImageFilter.GaussianBlur(0.9))
        image = _noise(image, rng, 0.22)
        image = image.point(lambda v: 0 if v < 150 else 255)
        return _speckles(image, rng, 3000)
    if condition == "phone":
        image = image.rotate(rng.uniform(-3, 3), fillcolor=235, resample=3)
        image = _light(image, 90)
        image = image.filter(ImageFilter.GaussianBlur(1.0))
        image = _noise(image, rng, 0.08)
        return _jpeg(image, 45)
    raise ValueError(condition)
