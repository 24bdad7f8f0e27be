"""The header of one official document, and a folder of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cchc_index.docnumber import DocKind
from cchc_index.errors import EvidenceError
from cchc_index.extract.documents import read_documents, unit_of_documents
from cchc_index.extract.flat import FlatText
from cchc_index.extract.header import read_header

from .helpers import make_docx, make_pdf

AGENCY = ["UBND HUYỆN QUẢNG ĐIỀN", "UBND XÃ QUẢNG AN", "Số: 452/KH-UBND"]
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
         "Quảng An, ngày 04 tháng 12 năm 2019"]  # fmt: skip


def header_of(text: str) -> object:
    return read_header(FlatText(tuple(text.split("\n"))))


def test_plan_in_plain_text() -> None:
    header = read_header(FlatText((
        "ỦY BAN NHÂN DÂN", "XÃ QUẢNG AN", "", "Số:   452 /KH-UBND", "",
        "Quảng An, ngày 04 tháng 12 năm 2019", "", "KẾ HOẠCH",
        "Triển khai công tác cải cách hành chính năm 2020", "",
        "Căn cứ Kế hoạch số 133/KH-UBND ngày 27/12/2019 của UBND huyện …",
    )))  # fmt: skip
    assert header.number is not None and header.number.symbol == "452/KH-UBND"
    assert (header.place, header.date, header.kind) == (
        "Quảng An", dt.date(2019, 12, 4), DocKind.KH)  # fmt: skip
    assert header.subject == "Triển khai công tác cải cách hành chính năm 2020"
    assert header.agency == "XÃ QUẢNG AN"


def test_decision_with_two_line_subject_and_a_letter() -> None:
    decision = read_header(FlatText((
        "UBND XÃ QUẢNG AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 353/QĐ-UBND\tQuảng An, ngày 18 tháng 8 năm 2020", "QUYẾT ĐỊNH",
        "Về việc công bố lần 03 hệ thống quản lý chất lượng", "theo tiêu chuẩn ISO 9001:2015",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG AN",
    )))  # fmt: skip
    assert decision.number is not None and decision.number.symbol == "353/QĐ-UBND"
    assert decision.subject == (
        "Công bố lần 03 hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001:2015"
    )
    letter = read_header(FlatText((
        "UBND XÃ QUẢNG AN", "Số: 1301/UBND", "V/v rà soát các nhiệm vụ chấm điểm CCHC",
        "Quảng An, ngày 7 tháng 9 năm 2020", "Kính gửi: các bộ phận",
    )))  # fmt: skip
    assert letter.number is not None and letter.number.kind is DocKind.CV
    assert (letter.subject, letter.date) == (
        "Rà soát các nhiệm vụ chấm điểm CCHC", dt.date(2020, 9, 7))  # fmt: skip


def test_no_header() -> None:
    header = read_header(FlatText(("Kế hoạch số: 452/KH-UBND, ngày 04/12/2019 về CCHC.",)))
    assert (header.number, header.date, header.place) == (None, None, None)


def test_a_folder_of_documents(tmp_path: Path) -> None:
    folder = tmp_path / "van-ban"
    folder.mkdir()
    (folder / "ke-hoach.docx").write_bytes(
        make_docx(
            ["KẾ HOẠCH", "Triển khai công tác CCHC năm 2020", "", "Căn cứ …"], (AGENCY, MOTTO)
        )
    )
    (folder / "quyet-dinh.pdf").write_bytes(make_pdf([[
        "UBND TỈNH THỪA THIÊN HUẾ", "Số: 1462/QĐ-UBND",
        "Thừa Thiên Huế, ngày 18 tháng 6 năm 2019", "QUYẾT ĐỊNH",
        "Về việc ban hành Danh mục TTHC", "", "CHỦ TỊCH UBND TỈNH",
    ]]))  # fmt: skip
    (folder / "anh.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    found, skipped = read_documents(folder)
    assert skipped == 1
    assert [(f.path.name, f.header.number.symbol if f.header.number else None)
            for f in found] == [("ke-hoach.docx", "452/KH-UBND"),
                                ("quyet-dinh.pdf", "1462/QĐ-UBND")]  # fmt: skip
    plan, decision = found
    assert (plan.header.place, plan.header.date, plan.header.agency) == (
        "Quảng An", dt.date(2019, 12, 4), "UBND XÃ QUẢNG AN")  # fmt: skip
    assert plan.header.subject == "Triển khai công tác CCHC năm 2020"
    assert decision.header.place == "Thừa Thiên Huế"
    assert decision.where == "trang 1, dòng 2" and len(decision.sha256) == 64
    unit = unit_of_documents(found)
    assert (unit.level, unit.place) in {("xã", "Quảng An"), ("tỉnh", "Thừa Thiên Huế")}


def test_a_folder_with_bad_files_reports_them_all(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(make_pdf([[]]))
    (tmp_path / "b.docx").write_bytes(b"%PDF-1.4 renamed")
    with pytest.raises(EvidenceError) as caught:
        read_documents(tmp_path)
    assert [Path(p.path).name for p in caught.value.problems] == ["a.pdf", "b.docx"]


def test_two_header_columns_merged_by_a_pdf() -> None:
    header = read_header(FlatText((
        "UBND XÃ QUẢNG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 385/BC-UBND Độc lập - Tự do - Hạnh phúc",
        "Quảng An, ngày 14 tháng 9 năm 2020", "BÁO CÁO", "Công tác CCHC 9 tháng năm 2020",
    )))  # fmt: skip
    assert header.number is not None and header.number.symbol == "385/BC-UBND"
    assert (header.agency, header.place, header.date) == (
        "UBND XÃ QUẢNG AN", "Quảng An", dt.date(2020, 9, 14))  # fmt: skip
    assert header.subject == "Công tác CCHC 9 tháng năm 2020"
