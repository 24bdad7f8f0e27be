"""The tolerant header reader and the field verdicts: never "matches" when the file differs."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from cchc_index.docnumber import parse_doc_number
from cchc_index.model.bundle import Document
from cchc_index.verify.compare import check_date, check_document, check_issuer, check_number
from cchc_index.verify.fold import clean, name_words, plain
from cchc_index.verify.header import FileHeader, read_file_header
from cchc_index.verify.read import ReadText
from cchc_index.verify.verdict import Verdict

TEXT = ReadText(how="text")
OCR = ReadText(how="ocr", confidence=90.0)

# what Tesseract gives for an NĐ 30 header: the columns merged on a line, a stray Eth beside
# the Đ, "tháng" read as "thắng", the motto glued to the unit's name
OCR_HEADER = [
    "UBND HUYỆN QUẢNG ĐIỀN ÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "UY BAN NHÂN DÂN Độc lập - Tự do - Hạnh phúc",
    "XÃ QUẢNG AN",
    "Số: 353/QĐÐ-UBND Quảng An, ngày 18 thắng 8 năm 2020",
    "QUYẾT ĐỊNH",
    "Công bố lần 03 hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001:2015",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Kế hoạch số 133/KH-UBND ngày 27/12/2019 của UBND huyện;",
]


def _row(number: str, date: str, issuer: str | None = None, subject: str | None = None) -> Document:
    return Document.model_validate(
        {"number": number, "date": date, "issuer": issuer, "subject": subject}
    )


def test_look_alikes_are_mapped() -> None:
    assert clean("QĐÐ-UBND") == "QĐ-UBND"
    assert clean("12⁄KH–UBND") == "12/KH-UBND"
    assert plain("Ủy ban nhân dân xã") == "uy ban nhan dan xa"
    assert name_words("UBND xã Quảng An") == ["uy", "ban", "nhan", "dan", "xa", "quang", "an"]


def test_ocr_header_is_read() -> None:
    header = read_file_header(OCR_HEADER)
    assert header.number is not None and header.number.symbol == "353/QĐ-UBND"
    assert header.date == dt.date(2020, 8, 18)
    assert header.agency == "UY BAN NHÂN DÂN XÃ QUẢNG AN"
    assert header.parent == "UBND HUYỆN QUẢNG ĐIỀN"
    assert header.kind == "Quyết định"
    assert header.title is not None and header.title.startswith("Công bố lần 03")
    # the body's citation (133/KH-UBND) is not the document's own number
    assert header.number.symbol != "133/KH-UBND"


def test_sample_row_matches_its_ocr_header() -> None:
    row = _row("353/QĐ-UBND", "18/08/2020", None, "Công bố lần 03 hệ thống quản lý chất lượng ISO")
    checks = check_document(row, read_file_header(OCR_HEADER), OCR, ["UBND xã Quảng An"])
    assert [c.verdict for c in checks] == [Verdict.MATCH] * 4


def test_letter_title_and_numeric_date() -> None:
    header = read_file_header(
        [
            "ỦY BAN NHÂN DÂN",
            "HUYỆN QUẢNG ĐIỀN",
            "Số: 1301/UBND",
            "V/v rà soát việc triển khai các nhiệm vụ CCHC năm 2020",
            "Quảng Điền, 07/09/2020",
            "Kính gửi: UBND các xã, thị trấn",
        ]
    )
    assert header.number is not None and header.number.symbol == "1301/UBND"
    assert header.date == dt.date(2020, 9, 7)
    assert header.kind == "Công văn"
    assert header.title == "rà soát việc triển khai các nhiệm vụ CCHC năm 2020"


def test_nothing_found_is_not_found() -> None:
    header = read_file_header(["Biên bản họp", "Nội dung không có số"])
    row = _row("452/KH-UBND", "04/12/2019", None, "Kế hoạch CCHC")
    verdicts = [c.verdict for c in check_document(row, header, TEXT, ["UBND xã Quảng An"])]
    assert verdicts == [Verdict.NOT_FOUND] * 4


def test_issuer_of_another_level_differs() -> None:
    header = FileHeader(agency="ỦY BAN NHÂN DÂN HUYỆN QUẢNG ĐIỀN")
    for text in (TEXT, OCR):
        check = check_issuer(["UBND xã Quảng An"], header, text)
        assert check.verdict is Verdict.DIFFERS
        assert check.found == "ỦY BAN NHÂN DÂN HUYỆN QUẢNG ĐIỀN"
    assert check_issuer(["UBND huyện Quảng Điền"], header, TEXT).verdict is Verdict.MATCH


def test_an_ocr_near_miss_is_unsure_not_differs() -> None:
    """OCR misreads a digit more often than a unit attaches another document: 462 for 452 is
    'unreadable' with what was read; from a text layer it is 'differs'."""
    header = FileHeader(number=parse_doc_number("462/KH-UBND"), numbers=())
    row = parse_doc_number("452/KH-UBND")
    assert check_number(row, header, OCR).verdict is Verdict.UNREADABLE
    assert check_number(row, header, TEXT).verdict is Verdict.DIFFERS


_numbers = st.integers(1, 9999)
_kinds = st.sampled_from(["KH", "QĐ", "BC", "TB"])


@given(_numbers, _numbers, _kinds, _kinds, st.booleans())
def test_a_different_number_never_matches(
    a: int, b: int, kind_a: str, kind_b: str, ocr: bool
) -> None:
    file_number = parse_doc_number(f"{a}/{kind_a}-UBND")
    row_number = parse_doc_number(f"{b}/{kind_b}-UBND")
    header = FileHeader(number=file_number, numbers=(file_number,))
    verdict = check_number(row_number, header, OCR if ocr else TEXT).verdict
    assert (verdict is Verdict.MATCH) == (file_number.key == row_number.key)


@given(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)), st.integers(-400, 400), st.booleans())
def test_a_different_date_never_matches(day: dt.date, shift: int, ocr: bool) -> None:
    other = day + dt.timedelta(days=shift)
    header = FileHeader(date=other)
    verdict = check_date(day, header, OCR if ocr else TEXT).verdict
    assert (verdict is Verdict.MATCH) == (shift == 0)
    if not ocr:
        assert verdict is (Verdict.MATCH if shift == 0 else Verdict.DIFFERS)


@given(
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(2015, 2030),
    st.sampled_from(["thắng", "tháng", "thẳng", "THÁNG"]),
)
def test_dates_in_words_with_ocr_accents(day: int, month: int, year: int, thang: str) -> None:
    line = f"Quảng An, ngày {day:02d} {thang} {month} năm {year}"
    assert read_file_header([line]).date == dt.date(year, month, day)


def test_a_cited_date_is_not_the_documents_own() -> None:
    """OCR may lose the place-and-date line; a "Căn cứ" sentence's date must not take its place."""
    header = read_file_header(
        [
            "ỦY BAN NHÂN DÂN",
            "XÃ QUẢNG AN",
            "Số: 452/KH-UBND",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ",
        ]
    )
    assert header.date is None
