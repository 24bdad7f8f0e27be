"""Forms of citation found on the seventeenth never-tuned set after its first measurement (which
made it a seen set), written as new synthetic sentences (none taken from a stored report):

1. "Công điện số 220/CĐ-TTg ngày …": a dispatch, a letter in the symbol's order, issued by the
   body its code ends on (TTg: the Prime Minister).
2. "Nghị quyết số 66.7/2025/NQ-CP ngày 15 tháng 11 năm 2025": one of a series the Government
   numbers 66.1, 66.2, …; the number keeps its point.
3. "Ngân hàng Nhà nước Việt Nam tiếp tục ban hành Quyết định số …": "tiếp tục" in lower case is a
   verb, not part of the issuer's name.
4. "UBND tỉnh đã ban hành Quyết định số 685/QĐ-UBND … chọn ngày ban hành Nghị quyết 06/TU": the
   day of a document's issue names no issuer, and a symbol whose code is a known body's (TU: the
   provincial Party committee) keeps that body rather than the list's issuer.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from cchc_index.docnumber import DocKind
from tests.extract.test_extract_forms_round4 import extracted
from tests.extract.test_extract_traps import SETTINGS

_DAYS = st.dates(dt.date(2025, 1, 1), dt.date(2025, 12, 28))


@SETTINGS
@given(st.integers(1, 400), _DAYS)
def test_a_dispatch_is_found_with_its_date_and_issuer(number: int, day: dt.date) -> None:
    text = (
        f"Thủ tướng Chính phủ vừa ký Công điện số {number}/CĐ-TTg ngày {day:%d/%m/%Y} yêu cầu "
        "các bộ, ngành, địa phương tập trung cắt giảm thủ tục hành chính."
    )
    (citation,) = extracted(text, 2025).citations
    assert citation.number.symbol == f"{number}/CĐ-TTg" and citation.kind is DocKind.CV
    assert citation.date == day and citation.issuer == "Thủ tướng Chính phủ"


@SETTINGS
@given(st.integers(1, 99), st.integers(1, 9), _DAYS)
def test_a_resolution_numbered_in_a_series(series: int, part: int, day: dt.date) -> None:
    text = (
        f"Chính phủ đã ban hành Nghị quyết số {series}.{part}/2025/NQ-CP ngày {day.day} tháng "
        f"{day.month} năm {day.year} quy định cắt giảm, đơn giản hóa thủ tục hành chính."
    )
    (citation,) = extracted(text, 2025).citations
    assert citation.number.symbol == f"{series}.{part}/2025/NQ-CP" and citation.date == day


def test_figures_with_a_thousands_dot_are_no_document() -> None:
    assert extracted("Năm 2025, xã tiếp nhận 1.234/1.240 hồ sơ.", 2025).citations == ()


@SETTINGS
@given(st.integers(1, 9_000), _DAYS)
def test_a_verb_in_lower_case_ends_the_issuers_name(number: int, day: dt.date) -> None:
    text = (
        f"Ngày {day:%d/%m/%Y}, Ngân hàng Nhà nước Việt Nam tiếp tục ban hành Quyết định số "
        f"{number}/QĐ-NHNN công bố thủ tục hành chính được sửa đổi."
    )
    (citation,) = extracted(text, 2025).citations
    assert citation.issuer == "Ngân hàng Nhà nước Việt Nam" and citation.date == day


@SETTINGS
@given(st.integers(1, 900), st.integers(1, 99), _DAYS)
def test_a_known_bodys_code_beats_the_lists_issuer(
    decision: int, resolution: int, day: dt.date
) -> None:
    text = (
        "Để thể hiện quyết tâm lớn trong chiến lược chuyển đổi số, UBND tỉnh đã ban hành Quyết "
        f"định số {decision}/QĐ-UBND ngày\n{day:%d/%m/%Y} chọn ngày ban hành Nghị quyết "
        f"{resolution}/TU - ngày 26/3 hàng năm là Ngày chuyển đổi số của tỉnh."
    )
    found = extracted("ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG\n\n" + text, 2023)
    owns = {c.number.symbol: c.own for c in found.citations}
    assert owns == {f"{decision}/QĐ-UBND": True, f"{resolution}/TU": False}
