"""verify on real files: text-layer PDFs, scans (OCR), signatures, photos, links."""

from __future__ import annotations

import datetime as dt
import http.server
import io
import random
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_index.verify.compare import check_document
from cchc_index.verify.header import read_file_header
from cchc_index.verify.links import check_link
from cchc_index.verify.photos import check_photo
from cchc_index.verify.read import read_evidence
from cchc_index.verify.render import DocSpec, render_pdf
from cchc_index.verify.sign import VN, sign_pdf, tamper
from cchc_index.verify.signature import SignatureVerdict, check_signature
from cchc_index.verify.testset import degrade
from cchc_index.verify.verdict import Verdict
from tests.rendering import need
from tests.verify.test_header import _row

SPEC = DocSpec(
    "1462/QĐ-UBND",
    dt.date(2019, 6, 18),
    None,
    ("ỦY BAN NHÂN DÂN", "TỈNH THỪA THIÊN HUẾ"),
    "Thừa Thiên Huế",
    "QUYẾT ĐỊNH",
    "Ban hành Danh mục TTHC được tiếp nhận, giải quyết và trả kết quả theo cơ chế một cửa",
)
ROW = _row(
    "1462/QĐ-UBND",
    "18/06/2019",
    "UBND tỉnh Thừa Thiên Huế",
    "Ban hành Danh mục TTHC được tiếp nhận, giải quyết theo cơ chế một cửa",
)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_pdf(SPEC)


def _verdicts(path: Path, row: object = ROW) -> list[Verdict]:
    text = read_evidence(path, path.name)
    assert text.problem is None, text.problem
    return [c.verdict for c in check_document(row, read_file_header(text.lines), text, [])]  # type: ignore[arg-type]


def test_text_layer_pdf_matches_and_a_wrong_row_differs(pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "qd.pdf"
    path.write_bytes(pdf)
    assert read_evidence(path, "qd.pdf").how == "text"
    assert _verdicts(path) == [Verdict.MATCH] * 4
    wrong = _row("1463/QĐ-UBND", "19/06/2019", "UBND huyện Quảng Điền", "Kế hoạch tuyên truyền")
    text = read_evidence(path, "qd.pdf")
    checks = check_document(wrong, read_file_header(text.lines), text, [])
    assert [c.verdict for c in checks] == [Verdict.DIFFERS] * 4
    assert [c.found for c in checks[:2]] == ["1462/QĐ-UBND", "18/06/2019"]


def test_render_is_deterministic(pdf: bytes) -> None:
    assert render_pdf(SPEC) == pdf


def test_unreadable_files_are_a_verdict(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "b.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "c.jpg").write_bytes(b"not an image")
    for name in ("a.pdf", "b.xlsx", "c.jpg", "missing.pdf"):
        assert read_evidence(tmp_path / name, name).problem, name


def test_signature_verdicts(pdf: bytes) -> None:
    assert check_signature(pdf).verdict is SignatureVerdict.NONE
    assert check_signature(b"\xff\xd8 jpeg").verdict is SignatureVerdict.NOT_PDF
    when = dt.datetime(2019, 6, 18, 10, 0, tzinfo=VN)
    signed = sign_pdf(pdf, "test", "Trần Thị Bình", "UBND tỉnh Thừa Thiên Huế", when)
    assert signed == sign_pdf(pdf, "test", "Trần Thị Bình", "UBND tỉnh Thừa Thiên Huế", when)
    check = check_signature(signed, dt.date(2019, 6, 18))
    assert check.verdict is SignatureVerdict.INTACT_UNTRUSTED  # a self-made root: never "valid"
    assert (check.signer, check.organisation) == ("Trần Thị Bình", "UBND tỉnh Thừa Thiên Huế")
    assert check.signed_at == when and check.note is None
    assert "chưa xác minh" in check.text()
    assert check_signature(tamper(signed)).verdict is SignatureVerdict.TAMPERED
    early = check_signature(signed, dt.date(2019, 7, 1))
    assert early.note is not None and "ký trước ngày văn bản" in early.note
    late = check_signature(signed, dt.date(2019, 3, 1))
    assert late.note is not None and "ký sau ngày văn bản" in late.note


def _jpeg(taken: str | None) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (40, 30), "white")
    exif = Image.Exif()
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_photo_exif_date_against_the_window() -> None:
    photo = _jpeg("2020:09:05 08:15:00")
    assert check_photo(photo, dt.date(2020, 9, 5), 2020).verdict is Verdict.MATCH
    assert check_photo(photo, None, 2020).verdict is Verdict.MATCH
    late = check_photo(photo, dt.date(2020, 6, 1), 2020)
    assert late.verdict is Verdict.DIFFERS and late.found == "05/09/2020"
    assert check_photo(photo, None, 2021).verdict is Verdict.DIFFERS
    assert check_photo(_jpeg(None), None, 2020).verdict is Verdict.NOT_FOUND
    assert check_photo(b"junk", None, 2020).verdict is Verdict.UNREADABLE


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        if self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    def do_GET(self) -> None:
        self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_links_against_a_local_server(server: str) -> None:
    assert check_link(f"{server}/ok").verdict is Verdict.MATCH
    assert check_link(f"{server}/no-head").verdict is Verdict.MATCH  # HEAD refused: GET
    missing = check_link(f"{server}/gone")
    assert missing.verdict is Verdict.DIFFERS and missing.found == "HTTP 404"
    closed = check_link("http://127.0.0.1:9/", timeout=2)
    assert closed.verdict is Verdict.UNREADABLE
    assert check_link("ftp://example.org/x").verdict is Verdict.UNREADABLE


def test_ocr_of_a_clean_scan(pdf: bytes, tmp_path: Path) -> None:
    need("tesseract")
    image = degrade(pdf, "clean-300", random.Random(1))
    path = tmp_path / "scan.png"
    image.save(path)
    text = read_evidence(path, "scan.png")
    assert text.how == "ocr" and text.confidence is not None and text.confidence > 60
    assert _verdicts(path)[:3] == [Verdict.MATCH] * 3


def test_ocr_of_an_image_only_pdf(pdf: bytes, tmp_path: Path) -> None:
    need("tesseract")
    image = degrade(pdf, "scan-200", random.Random(2))
    path = tmp_path / "scan.pdf"
    image.convert("L").save(path, "PDF", resolution=200)
    assert read_evidence(path, "scan.pdf").how == "ocr"
    assert Verdict.MATCH in _verdicts(path)


def test_a_word_document_header(tmp_path: Path) -> None:
    """An NĐ 30 header as Word lays it out: a borderless two-column table, then the title."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "UBND HUYỆN QUẢNG ĐIỀN\nỦY BAN NHÂN DÂN\nXÃ QUẢNG AN\nSố: 353/QĐ-UBND"
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng An, ngày 18 tháng 8 năm 2020"
    document.add_paragraph("QUYẾT ĐỊNH")
    document.add_paragraph(
        "Công bố lần 03 hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001:2015"
    )
    document.add_paragraph("Căn cứ Luật Tổ chức chính quyền địa phương;")
    path = tmp_path / "qd.docx"
    document.save(str(path))
    row = _row("353/QĐ-UBND", "18/08/2020", None, "Công bố lần 03 hệ thống quản lý chất lượng")
    text = read_evidence(path, "qd.docx")
    assert text.how == "docx"
    checks = check_document(row, read_file_header(text.lines), text, ["UBND xã Quảng An"])
    assert [c.verdict for c in checks] == [Verdict.MATCH] * 4
