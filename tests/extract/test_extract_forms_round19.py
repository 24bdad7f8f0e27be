"""Forms of citation found on the nineteenth never-tuned set after its first measurement (which
made it a seen set), written as new synthetic sentences (none taken from a stored report):

1. "Ngày 29-9, UBND thành phố có văn bản số 5333/UBND-KSTT về việc …": a day and month before
   the issuer, with no year: the report's year, flagged as assumed.
2. A decision of a body under the council ("Số: 1597/QĐ-TTPVHCC" below "UBND THÀNH PHỐ HÀ NỘI /
   TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"): the council's decisions it cites ("… của UBND Thành
   phố") are not its own; and the motto's second line, broken off by the page ("CHỦ NGHĨA VIỆT
   NAM"), is never the unit's name.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_forms_round4 import extracted
from tests.extract.test_extract_traps import SETTINGS


@SETTINGS
@given(st.integers(1, 9_999), st.dates(dt.date(2023, 1, 1), dt.date(2023, 12, 28)),
       st.sampled_from(["-", "/"]))  # fmt: skip
def test_a_day_and_month_before_the_issuer_take_the_reports_year(
    number: int, day: dt.date, sep: str
) -> None:
    text = (
        f"Ngày {day.day}{sep}{day.month}, UBND thành phố có văn bản số {number}/UBND-KSTT về việc "
        "triển khai các nhiệm vụ cải cách thủ tục hành chính từ nay đến hết năm 2023."
    )
    (citation,) = extracted(text, 2023).citations
    assert citation.date == day and citation.date_assumed


def test_a_day_that_cannot_be_is_no_date() -> None:
    text = "Ngày 31-2, UBND thành phố có văn bản số 12/UBND-KSTT về việc rà soát thủ tục."
    (citation,) = extracted(text, 2023).citations
    assert citation.date is None


@SETTINGS
@given(
    st.integers(1, 3_000), st.integers(1, 99), st.dates(dt.date(2020, 1, 1), dt.date(2025, 10, 28))
)
def test_a_body_under_the_council_does_not_own_the_councils_decisions(
    own: int, cited: int, day: dt.date
) -> None:
    lines = [
        "UBND THÀNH PHỐ HÀ", "NỘI", "**TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG**", "-------", "|",
        "**CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc", "|",
        f"Số: {own}/QĐ-TTPVHCC", "|", "*Hà Nội, ngày 21", "tháng 11 năm 2025*", "**QUYẾT ĐỊNH**",
        f"*Căn cứ Quyết định số {cited}/QĐ-UBND ngày {day:%d/%m/%Y} của UBND Thành phố về việc "
        "ủy quyền công bố danh mục thủ tục hành chính;*",
    ]  # fmt: skip
    found = extracted("\n".join(lines), 2025)
    assert found.header.agency is not None and "CHỦ NGHĨA" not in found.header.agency
    cited_ones = [c for c in found.citations if c.number.symbol == f"{cited}/QĐ-UBND"]
    assert [c.own for c in cited_ones] == [False]


def test_a_councils_own_report_still_owns_its_decisions() -> None:
    lines = [
        "ỦY BAN NHÂN DÂN", "XÃ QUẢNG AN", "Số: 385/BC-UBND",
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2020 của UBND xã về cải cách hành chính;",
    ]  # fmt: skip
    cited = [c for c in extracted("\n".join(lines), 2020).citations if c.number.number == "12"]
    assert [c.own for c in cited] == [True]
