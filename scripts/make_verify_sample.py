"""Make the synthetic evidence files of `evidence/quang-an-2020/tep/` (for `verify`, `binder`).

    .venv/bin/python scripts/make_verify_sample.py    # rewrites evidence/quang-an-2020/tep/

The Quảng An report 385/BC-UBND cites these documents but ships none of their files, so the
files here are MADE UP, drawn in the NĐ 30 layout by `cchc_index.verify.render` from the
register's own number, date, issuer and title (every page says it is synthetic):

- 452/KH-UBND (1.1.1), a text-layer PDF signed with a self-made certificate (the round-1
  reason was "no digitally signed file"): matches; signature intact, not verified;
- 133/KH-UBND of UBND huyện Quảng Điền, a scan (JPEG, 200 dpi): read by OCR, matches;
- 474/BC-UBND (3.3.1), a photocopy scanned to an image-only PDF: read by OCR, matches;
- 472/KH-UBND, deliberately the WRONG file: it is 475/KH-UBND of 18/12/2019 on IT, so verify
  says what the file holds instead.

Deterministic: the same bytes on every run (reportlab invariant mode, Ed25519 signatures,
seeded degradation).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_index.verify.render import DocSpec, render_pdf  # noqa: E402
from cchc_index.verify.sign import VN, sign_pdf  # noqa: E402
from cchc_index.verify.testset import degrade  # noqa: E402

FOLDER = ROOT / "evidence" / "quang-an-2020" / "tep"
XA = ("ỦY BAN NHÂN DÂN", "XÃ QUẢNG AN")
HUYEN = ("ỦY BAN NHÂN DÂN", "HUYỆN QUẢNG ĐIỀN")


def _jpeg(image: object, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)  # type: ignore[attr-defined]
    return out.getvalue()


def _image_pdf(image: object, quality: int, scanned: dt.datetime) -> bytes:
    """An image-only PDF (a scanner's output): no text layer; its dates fixed."""
    from PIL import Image

    out = io.BytesIO()
    dates = {"creationDate": scanned.utctimetuple(), "modDate": scanned.utctimetuple()}
    if getattr(image, "mode", "") == "1":  # black and white: CCITT G4 inside the PDF
        image.save(out, "PDF", resolution=200, **dates)  # type: ignore[attr-defined]
        return out.getvalue()
    jpeg = Image.open(io.BytesIO(_jpeg(image, quality)))
    jpeg.save(out, "PDF", resolution=200, **dates)
    return out.getvalue()


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER  # a test makes them elsewhere
    folder.mkdir(exist_ok=True)
    plan = DocSpec(
        "452/KH-UBND", dt.date(2019, 12, 4), "UBND HUYỆN QUẢNG ĐIỀN", XA, "Quảng An",
        "KẾ HOẠCH", "Triển khai công tác cải cách hành chính năm 2020",
    )  # fmt: skip
    signed = sign_pdf(
        render_pdf(plan),
        "quang-an-2020 452",
        "Nguyễn Văn An (mẫu)",
        "UBND xã Quảng An",
        dt.datetime(2019, 12, 4, 16, 5, tzinfo=VN),
    )
    (folder / "452-KH-UBND-ky-so.pdf").write_bytes(signed)

    district = DocSpec(
        "133/KH-UBND", dt.date(2019, 12, 27), "UBND TỈNH THỪA THIÊN HUẾ", HUYEN, "Quảng Điền",
        "KẾ HOẠCH", "Triển khai công tác cải cách hành chính năm 2020",
    )  # fmt: skip
    scan = degrade(render_pdf(district), "scan-200", random.Random("quang-an 133"))
    # a scanner's grain costs most of a JPEG's bytes: smoothed away, as scanners do
    from PIL import ImageFilter

    scan = scan.filter(ImageFilter.MedianFilter(3))
    (folder / "133-KH-UBND-ban-quet.jpg").write_bytes(_jpeg(scan, 40))

    report = DocSpec(
        "474/BC-UBND", dt.date(2019, 12, 17), "UBND HUYỆN QUẢNG ĐIỀN", XA, "Quảng An",
        "BÁO CÁO", "Báo cáo công tác kiểm soát thủ tục hành chính năm 2019",
    )  # fmt: skip
    copy = degrade(render_pdf(report), "photocopy-200", random.Random("quang-an 474"))
    (folder / "474-BC-UBND-photocopy.pdf").write_bytes(
        _image_pdf(copy.convert("1", dither=0), 40, dt.datetime(2020, 9, 10, 8, 0))
    )

    wrong = DocSpec(
        "475/KH-UBND", dt.date(2019, 12, 18), "UBND HUYỆN QUẢNG ĐIỀN", XA, "Quảng An",
        "KẾ HOẠCH", "Ứng dụng và phát triển công nghệ thông tin trên địa bàn xã năm 2020",
    )  # fmt: skip
    (folder / "472-KH-UBND.pdf").write_bytes(render_pdf(wrong))
    for path in sorted(folder.glob("*.*[!d]")):
        print(f"{path}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
