"""Forms found on the twentieth never-tuned set after its first measurement (which made it a
seen set), written as new synthetic sentences (none taken from a stored report):

1. A page that gives a document only under a legal library's index card ("**Số hiệu:**", then
   "6225/BVHTTDL-VP"; "**Nơi ban hành:**", then the body; "**Ngày ban hành:**", then the date),
   with no "Số:" header of its own: the card's number, body and date are the document's.
2. "… của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch" in that body's own letter: its head's
   documents are its own (the issuer's name read to its first comma is the unit's).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_forms_round4 import extracted
from tests.extract.test_extract_traps import SETTINGS

_DAYS = st.dates(dt.date(2025, 1, 1), dt.date(2025, 11, 28))


def _card(number: int, day: dt.date) -> list[str]:
    return [
        "**Số hiệu:**", "|", f"{number}/BVHTTDL-VP", "|", "|", "**Loại văn bản:**", "|",
        "Công văn", "|", "**Nơi ban hành:**", "|", "Bộ Văn hoá, Thể thao và du lịch", "|", "|",
        "**Người ký:**", "|", "Nguyễn Văn A", "|", "**Ngày ban hành:**", "|", f"{day:%d/%m/%Y}",
        "|", "|",
    ]  # fmt: skip


@SETTINGS
@given(st.integers(1, 9_999), st.integers(1, 9_999), _DAYS, _DAYS)
def test_an_index_card_gives_the_documents_own_number_and_body(
    own: int, cited: int, day: dt.date, cited_day: dt.date
) -> None:
    lines = [
        *_card(own, day),
        f"Thực hiện Quyết định số {cited}/QĐ-BVHTTDL ngày {cited_day:%d/%m/%Y} của Bộ trưởng Bộ "
        "Văn hóa, Thể thao và Du lịch về kế hoạch cải cách hành chính năm 2025;",
    ]
    found = extracted("\n".join(lines), 2025)
    assert found.header.number is not None and found.header.number.symbol == f"{own}/BVHTTDL-VP"
    assert found.header.agency == "Bộ Văn hoá, Thể thao và du lịch" and found.header.date == day
    cited_ones = [c for c in found.citations if c.number.symbol == f"{cited}/QĐ-BVHTTDL"]
    assert [c.own for c in cited_ones] == [True]


def test_another_ministrys_head_is_another_body() -> None:
    lines = [
        *_card(12, dt.date(2025, 3, 3)),
        "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng "
        "Chính phủ; Quyết định số 34/QĐ-BNV ngày 05/01/2025 của Bộ trưởng Bộ Nội vụ;",
    ]
    found = extracted("\n".join(lines), 2025)
    assert [c.own for c in found.citations if c.number.number != "12"] == [False, False]


def test_a_card_cell_with_more_than_a_number_is_no_header() -> None:
    lines = ["**Số hiệu:**", "|", "xem 12/KH-UBND và các văn bản khác", "|"]
    assert extracted("\n".join(lines), 2025).header.number is None
