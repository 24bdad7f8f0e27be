"""A form found on the tenth never-tuned set after its first measurement (which made it a seen
set), written as new synthetic sentences (none taken from a stored report):

1. A document numbered with a year ("77/2015/QH13", "118/2025/NĐ-CP") was issued in that year:
   a date of another year written after it ("… số 77/2015/QH13 ngày 22/11/2019", the amending
   law's; or a slip) is not taken; the document goes to the undated list and the draft says
   which date was set aside and why.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from cchc_index.extract.draft import build_draft
from cchc_index.server.proposals import to_check
from tests.extract.test_extract_forms_round4 import extracted
from tests.extract.test_extract_traps import SETTINGS


@SETTINGS
@given(st.integers(1, 200), st.integers(2000, 2024), st.integers(1, 5), st.integers(1, 12),
       st.integers(1, 28))  # fmt: skip
def test_a_date_of_another_year_than_the_symbols_is_set_aside(
    number: int, year: int, later: int, month: int, day: int
) -> None:
    other = dt.date(year + later, month, day)
    text = (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức chính quyền địa phương số "
        f"{number}/{year}/QH13 ngày {other:%d/%m/%Y};"
    )
    found = extracted(text, 2024)
    (citation,) = found.citations
    assert citation.date is None and citation.date_set_aside == other
    draft = build_draft(found, [], found.unit, 2024)
    assert any(f"khác năm {year} trong số ký hiệu" in w for w in draft.warnings)
    assert [r["number"] for r in draft.undated] == [citation.number.symbol]
    assert any("khác năm" in note for note in to_check(found))


def test_a_date_of_the_symbols_year_is_kept() -> None:
    found = extracted("Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;", 2024)
    (citation,) = found.citations
    assert citation.date == dt.date(2018, 4, 23) and citation.date_set_aside is None
