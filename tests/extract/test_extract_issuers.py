"""Issuers and dates attributed by the sentence's structure, not by proximity (issue 23).

Synthetic sentences (written for these tests): the unit is who reports, a body named as a
document's issuer is not the unit, the issuer and the date may come in either order after
the symbol, and `--against` names an issuer that differs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc_index.extract.api import run_extract
from cchc_index.extract.crosscheck import cross_check, same_body
from cchc_index.extract.readers import SourceText
from cchc_index.extract.report import Extraction, extract_source
from cchc_index.model.bundle import Bundle, Document, Profile

Cited = tuple[str, dt.date | None, str | None]


def read(text: str, year: int = 2024) -> Extraction:
    return extract_source(SourceText("r.txt", "txt", tuple(text.split("\n"))), year=year)


def cited(text: str, year: int = 2024) -> list[Cited]:
    return [(c.number.symbol, c.date, c.issuer) for c in read(text, year).citations]


def test_the_districts_letter_is_not_the_communes() -> None:
    text = (
        "Thực hiện Công văn số 245/UBND-VP ngày 10/3/2024 của UBND huyện Quảng Điền về việc "
        "báo cáo CCHC, UBND xã Quảng An báo cáo như sau:\n"
        "UBND xã Quảng An đã ban hành Kế hoạch số 12/KH-UBND ngày 05/01/2024."
    )
    extraction = read(text)
    assert (extraction.unit.level, extraction.unit.place) == ("xã", "Quảng An")
    assert cited(text) == [
        ("245/UBND-VP", dt.date(2024, 3, 10), "UBND huyện Quảng Điền"),
        ("12/KH-UBND", dt.date(2024, 1, 5), None),
    ]


def test_a_body_that_issues_before_the_title() -> None:
    assert cited(
        "UBND tỉnh Thừa Thiên Huế ban hành Quyết định số 12/QĐ-UBND ngày 05/02/2024; UBND xã "
        "Quảng An báo cáo kết quả như sau."
    ) == [("12/QĐ-UBND", dt.date(2024, 2, 5), "UBND tỉnh Thừa Thiên Huế")]
    assert cited(
        "Ngày 11/5/2024, UBND huyện Quảng Điền có Công văn số 456/UBND-NV về việc đôn đốc; "
        "UBND xã Quảng An đã triển khai."
    ) == [("456/UBND-NV", dt.date(2024, 5, 11), "UBND huyện Quảng Điền")]


def test_the_issuer_then_the_date_after_the_symbol() -> None:
    text = (
        "Quyết định số 1234/QĐ-UBND UBND tỉnh Thừa Thiên Huế Ngày 05/02/2024 về việc công bố\n"
        "Kế hoạch số 77/KH-UBND Ủy ban nhân dân huyện Quảng Điền ngày 9/2/2024\n"
        "Quyết định số 15/QĐ-UBND của UBND tỉnh ngày 3/1/2024\n"
        "UBND xã Quảng An báo cáo như sau."
    )
    assert cited(text) == [
        ("1234/QĐ-UBND", dt.date(2024, 2, 5), "UBND tỉnh Thừa Thiên Huế"),
        ("77/KH-UBND", dt.date(2024, 2, 9), "Ủy ban nhân dân huyện Quảng Điền"),
        ("15/QĐ-UBND", dt.date(2024, 1, 3), "UBND tỉnh"),
    ]


def test_a_date_without_a_year_is_the_reports_and_flagged() -> None:
    [citation] = read("Thực hiện Công văn số 15/UBND-VP ngày 20/11 của UBND huyện.").citations
    assert (citation.date, citation.date_assumed, citation.issuer) == (
        dt.date(2024, 11, 20), True, "UBND huyện")  # fmt: skip


def test_names_of_one_body() -> None:
    assert same_body("UBND huyện", "Ủy ban nhân dân huyện Quảng Điền")
    assert same_body("UBND tỉnh Thừa Thiên Huế", "Ủy ban nhân dân tỉnh Thừa Thiên Huế")
    assert not same_body("UBND huyện Quảng Điền", "UBND tỉnh Thừa Thiên Huế")


def test_against_names_an_issuer_that_differs(tmp_path: Path) -> None:
    report = tmp_path / "bao-cao.txt"
    report.write_text(
        "UBND xã Quảng An báo cáo như sau. Thực hiện Công văn số 245/UBND-VP ngày 10/3/2024 "
        "của UBND huyện Quảng Điền; UBND xã đã ban hành Kế hoạch số 12/KH-UBND ngày "
        "05/01/2024 và Kế hoạch số 13/KH-UBND ngày 06/01/2024.",
        encoding="utf-8",
    )
    extraction = run_extract(report, year=2024).extraction
    assert extraction is not None
    bundle = Bundle(
        profile=Profile(name="UBND xã Quảng An", level="xã", province="Thừa Thiên Huế", year=2024),
        documents=(
            Document.model_validate({"number": "245/UBND-VP", "date": "10/03/2024"}),  # "own"
            Document.model_validate(
                {"number": "12/KH-UBND", "date": "05/01/2024", "issuer": "UBND tỉnh Thừa Thiên Huế"}
            ),
            Document.model_validate({"number": "13/KH-UBND", "date": "06/01/2024"}),
        ),
        statistics={},
    )
    findings = [f for f in cross_check(extraction, bundle) if f.kind == "issuer_differs"]
    assert [f.item for f in findings] == ["245/UBND-VP", "12/KH-UBND"]
    assert findings[0].message == (
        "245/UBND-VP: báo cáo ghi cơ quan ban hành là UBND huyện Quảng Điền (dòng 1), "
        "documents.csv ghi của đơn vị"
    )


def test_documents_listed_after_their_issuer_share_it() -> None:
    assert cited(
        "UBND xã Quảng An báo cáo như sau.\nUBND tỉnh Thừa Thiên Huế đã ban hành nhiều văn bản "
        "chỉ đạo như Kế hoạch số 12/KH-UBND ngày 05/01/2024, Quyết định số 34/QĐ-UBND ngày "
        "10/01/2024 và Công văn số 56/UBND-NV ngày 12/01/2024."
    ) == [
        ("12/KH-UBND", dt.date(2024, 1, 5), "UBND tỉnh Thừa Thiên Huế"),
        ("34/QĐ-UBND", dt.date(2024, 1, 10), "UBND tỉnh Thừa Thiên Huế"),
        ("56/UBND-NV", dt.date(2024, 1, 12), "UBND tỉnh Thừa Thiên Huế"),
    ]
    # a new clause, or a document that names its own issuer, breaks the list
    assert cited(
        "UBND xã Quảng An báo cáo như sau.\nUBND huyện ban hành Kế hoạch số 7/KH-UBND ngày "
        "3/1/2024; UBND xã ban hành Kế hoạch số 9/KH-UBND ngày 8/1/2024, Quyết định số "
        "10/QĐ-UBND ngày 9/1/2024 của UBND tỉnh."
    ) == [
        ("7/KH-UBND", dt.date(2024, 1, 3), "UBND huyện"),
        ("9/KH-UBND", dt.date(2024, 1, 8), None),
        ("10/QĐ-UBND", dt.date(2024, 1, 9), "UBND tỉnh"),
    ]


def test_only_a_cited_documents_issuer_is_left_out_of_who_reports() -> None:
    unit = read(
        "Thống kê của UBND tỉnh cho biết, trong quý I toàn tỉnh đã tiếp nhận 659 hồ sơ."
    ).unit
    assert unit.level == "tỉnh"
    unit = read(
        "Căn cứ Kế hoạch số 3/KH-UBND ngày 02/01/2024 của UBND huyện Quảng Điền; UBND xã "
        "triển khai thực hiện."
    ).unit
    assert unit.level == "xã"


def test_an_issuer_named_after_a_list_is_every_listed_documents() -> None:
    """ "Kế hoạch số 15 … và Kế hoạch số 20 … của UBND huyện": the issuer named once, after
    the list, is each listed document's that names none (joined by "," or "và", one code)."""
    lead = "UBND xã Quảng An báo cáo như sau. "
    district = "UBND huyện Quảng Điền"
    for text in [
        "Thực hiện Kế hoạch số 15/KH-UBND ngày 3/1/2024 và Kế hoạch số 20/KH-UBND ngày "
        "10/1/2024 của UBND huyện Quảng Điền về CCHC.",
        "Thực hiện các Kế hoạch số 15/KH-UBND ngày 3/1/2024, số 20/KH-UBND ngày 10/1/2024 của "
        "UBND huyện Quảng Điền.",
        "Thực hiện Kế hoạch số 15/KH-UBND, Công văn số 20/UBND-VP ngày 10/1/2024 của UBND huyện "
        "Quảng Điền.",
    ]:
        assert [issuer for _, _, issuer in cited(lead + text)] == [district, district], text
    # the commune's own before a verb, another code, or a new clause: not shared
    for text, first in [
        ("UBND xã đã ban hành Kế hoạch số 15/KH-UBND ngày 3/1/2024 và Kế hoạch số 20/KH-UBND "
         "ngày 10/1/2024 của UBND huyện Quảng Điền.", None),
        ("Thực hiện Kế hoạch số 15/KH-UBND ngày 3/1/2024 và triển khai Kế hoạch số 20/KH-UBND "
         "ngày 10/1/2024 của UBND huyện Quảng Điền.", None),
        ("Thực hiện Kế hoạch số 15/KH-UBND ngày 3/1/2024; Kế hoạch số 20/KH-UBND ngày 10/1/2024 "
         "của UBND huyện Quảng Điền.", None),
        ("Thực hiện Nghị quyết số 15/NQ-HĐND ngày 3/1/2024 và Kế hoạch số 20/KH-UBND ngày "
         "10/1/2024 của UBND huyện Quảng Điền.", "HĐND xã"),
    ]:  # fmt: skip
        assert cited(lead + text)[0][2] == first, text


def test_issued_by_a_body_in_the_passive() -> None:
    assert cited(
        "UBND xã Quảng An báo cáo như sau. Kế hoạch số 15/KH-UBND được UBND huyện Quảng Điền "
        "ban hành ngày 03/01/2024 về CCHC."
    ) == [("15/KH-UBND", dt.date(2024, 1, 3), "UBND huyện Quảng Điền")]
    assert cited(
        "UBND xã Quảng An báo cáo như sau. Kế hoạch số 15/KH-UBND được ban hành ngày 03/01/2024."
    ) == [("15/KH-UBND", dt.date(2024, 1, 3), None)]


def test_a_date_in_words_without_a_year_is_the_reports_and_flagged() -> None:
    text = ("UBND xã Quảng An báo cáo như sau. Kế hoạch số 3/KH-UBND, ngày 02 tháng 01 của UBND "
            "xã; Công văn số 9/UBND ngày 5 tháng 3 về việc báo cáo; Quyết định số 4/QĐ-UBND ngày "
            "6 tháng 3 năm 2023.")  # fmt: skip
    found = [(c.number.symbol, c.date, c.date_assumed) for c in read(text).citations]
    assert found == [("3/KH-UBND", dt.date(2024, 1, 2), True),
                     ("9/UBND", dt.date(2024, 3, 5), True),
                     ("4/QĐ-UBND", dt.date(2023, 3, 6), False)]  # fmt: skip
