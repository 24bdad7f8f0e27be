"""Forms of report language found on the fifteenth never-tuned set after its first measurement
(which made it a seen set), written as new synthetic sentences (none taken from a stored
report), with numbers hypothesis draws; a figure written is right or absent:

1. "Tổng số hồ sơ điện tử năm 2021 là N hồ sơ": electronic records are online records, never the
   period's received total.
2. "… nằm trong Top 3 bộ, ngành có tỷ lệ hồ sơ xử lý trực tuyến cao nhất": "bộ, ngành" are
   ministries and sectors, so 3 counts no records.
3. "Ngày D đánh dấu … khi Ủy ban Thường vụ Quốc hội thông qua Nghị quyết số …": the body after
   "khi" adopts the resolution on day D.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_forms_round4 import extracted
from tests.extract.test_extract_traps import SETTINGS, n, written


@SETTINGS
@given(st.integers(1_000, 9_000_000), st.integers(2, 9))
def test_electronic_records_are_online_records(records: int, top: int) -> None:
    text = (
        f"Bộ nằm trong Top {top} bộ, ngành có tỷ lệ hồ sơ xử lý trực tuyến cao nhất. Tổng số hồ sơ "
        f"điện tử năm 2021 là {n(records)} hồ sơ, tương ứng hơn 99% tổng số hồ sơ được gửi đến Bộ."
    )
    got = written(text, 2021)
    assert got.get("ho_so_truc_tuyen") == records
    assert "ho_so_tiep_nhan" not in got


@SETTINGS
@given(st.integers(2, 9))
def test_ministries_and_sectors_count_no_records(top: int) -> None:
    text = (
        "Theo số liệu thống kê DVCTT tính từ ngày 1/1 đến ngày 30/4/2022, Bộ nằm trong Top "
        f"{top} bộ, ngành có tỷ lệ hồ sơ xử lý trực tuyến cao nhất."
    )
    assert extracted(text, 2022).figures == ()  # not even a candidate for review


def test_records_counted_in_sets_still_count() -> None:
    """ "12.345 bộ," is still a count of records (a set of papers is one record)."""
    assert written("Năm 2024, xã tiếp nhận 1.234 bộ, đã giải quyết 1.200 bộ.") == {
        "ho_so_tiep_nhan": 1234, "ho_so_da_giai_quyet": 1200}  # fmt: skip


@SETTINGS
@given(st.integers(1, 3_000), st.dates(dt.date(2021, 1, 1), dt.date(2026, 12, 28)))
def test_a_date_before_the_body_that_adopts_a_resolution(number: int, day: dt.date) -> None:
    text = (
        f"Ngày {day.day}/{day.month}/{day.year} đánh dấu một bước ngoặt trong lịch sử hành chính "
        "của thành phố khi Ủy ban Thường vụ Quốc hội thông qua Nghị quyết số "
        f"{number}/NQ-UBTVQH15 về việc sắp xếp các đơn vị hành chính cấp xã."
    )
    (citation,) = extracted(text, day.year).citations
    assert citation.date == day and not citation.own
