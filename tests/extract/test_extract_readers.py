"""Reading .txt, .md, .docx and .pdf; refusing files that are not what they say."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_index.errors import EvidenceError
from cchc_index.extract.readers import read_source
from cchc_index.extract.report import extract_report

from .helpers import make_docx, make_pdf

BODY = [
    "Thực hiện Kế hoạch số 133/KH-UBND ngày 27 tháng 12 năm 2019 của Ủy ban nhân dân huyện "
    "Quảng Điền về triển khai công tác Cải cách hành chính năm 2020.",
    "- UBND xã đã ban hành Kế hoạch số 452/KH-UBND ngày 04/12/2019 về triển khai công tác "
    "cải cách hành chính năm 2020.",
    "Trong 9 tháng đầu năm 2020, đã có 2.299 hồ sơ được tiếp nhận, giải quyết và trả kết quả.",
]


def _refused(path: Path) -> str:
    with pytest.raises(EvidenceError) as caught:
        read_source(path)
    problem = caught.value.problems[0]
    assert problem.path == str(path)
    return problem.message


def test_markdown_and_html_markup_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(
        "## **1. Về kế hoạch**\n\n* UBND xã đã ban **Kế hoạch số: 452/KH-UBND** ngày "
        "04/12/2019\n<ul><li>Số thư xin lỗi: <b>03</b> phiếu</li></ul>\n<https://x.gov.vn>\n",
        encoding="utf-8",
    )
    lines = read_source(path).lines
    assert lines[0] == "1. Về kế hoạch"
    assert lines[2] == "- UBND xã đã ban Kế hoạch số: 452/KH-UBND ngày 04/12/2019"
    assert lines[3] == "Số thư xin lỗi: 03 phiếu"
    assert lines[4] == "https://x.gov.vn"


def test_text_in_other_encodings(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("\n".join(BODY).encode("utf-16"))
    assert read_source(path).lines[1].startswith("- UBND xã")
    path.write_bytes(("\ufeff" + BODY[0]).encode("utf-8"))
    assert read_source(path).lines[0].startswith("Thực hiện")
    path.write_bytes("Báo cáo\nCông tác CCHC".encode("cp1258"))
    message = _refused(path)
    assert "UTF-8" in message


def test_decomposed_unicode_is_composed(tmp_path: Path) -> None:
    import unicodedata

    path = tmp_path / "r.txt"
    path.write_text(unicodedata.normalize("NFD", BODY[1]), encoding="utf-8")
    found = extract_report(path, year=2020)
    assert [c.number.symbol for c in found.citations] == ["452/KH-UBND"]


def test_docx(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    header = (["UBND HUYỆN QUẢNG ĐIỀN", "UBND XÃ QUẢNG AN", "Số: 385/BC-UBND"],
              ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
               "Quảng An, ngày 14 tháng 9 năm 2020"])  # fmt: skip
    path.write_bytes(make_docx(["BÁO CÁO", "Công tác cải cách hành chính 9 tháng năm 2020", "",
                                *BODY], header))  # fmt: skip
    found = extract_report(path)
    assert found.header.number is not None and found.header.number.symbol == "385/BC-UBND"
    assert (found.header.place, found.header.agency) == ("Quảng An", "UBND XÃ QUẢNG AN")
    assert found.header.subject == "Công tác cải cách hành chính 9 tháng năm 2020"
    assert [(c.number.symbol, c.own) for c in found.citations] == [
        ("133/KH-UBND", False), ("452/KH-UBND", True)]  # fmt: skip
    assert {r.variable: r.current.value for r in found.readings if r.current} == {
        "ho_so_tiep_nhan": "2.299"}  # fmt: skip
    assert found.source.where(found.citations[0].line).startswith("đoạn ")


def test_pdf(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(make_pdf([["Số: 385/BC-UBND", "Quảng An, ngày 14 tháng 9 năm 2020",
                                "BÁO CÁO", BODY[0][:70], BODY[0][70:]],
                               [BODY[1][:60], BODY[1][60:], BODY[2]]]))  # fmt: skip
    found = extract_report(path)
    assert found.header.number is not None and found.header.number.symbol == "385/BC-UBND"
    assert [c.number.symbol for c in found.citations] == ["133/KH-UBND", "452/KH-UBND"]
    assert found.source.where(found.citations[1].line) == "trang 2, dòng 1"
    assert found.citations[0].issuer == "Ủy ban nhân dân huyện Quảng Điền"


def test_scanned_pdf_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []]))
    assert "OCR" in _refused(path) or "lớp chữ" in _refused(path)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("r.docx", b"%PDF-1.4\n...", "PDF"),
        ("r.pdf", b"PK\x03\x04 not really", "ZIP"),
        ("r.txt", b"%PDF-1.7\n1 0 obj", "PDF"),
        ("r.md", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Word 97-2003"),
        ("r.txt", b"\x00\x01\x02binary", "nhị phân"),
        ("r.docx", b"PK\x03\x04\x14\x00broken zip", "hỏng"),
        ("r.pdf", b"%PDF-1.7\ngarbage without objects", "PDF"),
        ("r.doc", b"whatever", ".doc"),
        ("r", b"no extension", "không có đuôi"),
    ],
)
def test_files_that_are_not_what_they_say(
    tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert words in _refused(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "không tìm thấy" in _refused(tmp_path / "none.txt")
    (tmp_path / "d.txt").mkdir()
    assert "thư mục" in _refused(tmp_path / "d.txt")


def test_english_messages(tmp_path: Path) -> None:
    from cchc_index.i18n import set_lang

    path = tmp_path / "r.docx"
    path.write_bytes(b"%PDF-1.4")
    set_lang("en")
    try:
        assert "its content is a PDF file" in _refused(path)
    finally:
        set_lang("vi")
