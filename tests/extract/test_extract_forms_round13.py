"""Forms of report language read again on the seen sets before the thirteenth round, written as
new synthetic sentences (none taken from a stored report), with numbers hypothesis draws; a
figure written is right or absent:

1. "Hồ sơ đã có kết quả …: A/A hồ sơ": records with a result are the records resolved; the
   second number of "A/A" is not the period's received total when the report gives another.
2. "… của cả năm 2021": a year after its word is never a count.

Forms found on the eleventh never-tuned set after its first measurement (which made it a seen
set):

3. "Trong đó, số hồ sơ tiếp nhận tại Trung tâm Phục vụ hành chính công các xã, phường là N": the
   communes' centres, one level of the unit's figures, not the unit's.
4. "Với A hồ sơ thủ tục hành chính và B văn bản được tiếp nhận, xử lý": the verb after a pair of
   counts of two kinds is the records' too (A received; resolved not said apart).
5. "Văn phòng UBND tỉnh báo cáo …": the Office reports, so "Kế hoạch số …/KH-UBND … của UBND
   tỉnh" is its council's document, not its own.
6. "… trong tháng 8/2025": a month after its word is never a count (found while writing 4).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_forms_round4 import extracted
from tests.extract.test_extract_traps import SETTINGS, n, written


@SETTINGS
@given(st.integers(0, 900), st.integers(10, 9_000), st.integers(0, 500), st.integers(0, 500))
def test_records_with_a_result_are_the_resolved(
    carried: int, new: int, pending: int, early: int
) -> None:
    received = carried + new
    resolved = received - min(pending, received - 1)
    early = min(early, resolved)
    text = (
        f"Năm 2024, bộ phận một cửa đã tiếp nhận {n(received)} hồ sơ, trong đó có {n(carried)} "
        f"hồ sơ kỳ trước chuyển sang, {n(new)} hồ sơ nhận mới.\n\n"
        f"Hồ sơ đã có kết quả trả cho cá nhân, tổ chức đạt {n(resolved)}/{n(resolved)} hồ sơ "
        f"chiếm tỷ lệ 100%; trong đó giải quyết trước hạn là {n(early)} hồ sơ."
    )
    got = written(text)
    assert got.get("ho_so_da_giai_quyet") == resolved
    assert got.get("ho_so_tiep_nhan", received) == received


def test_a_result_still_awaited_is_no_resolved_count() -> None:
    text = "Năm 2024, UBND xã tiếp nhận 120 hồ sơ; 15 hồ sơ chưa có kết quả giải quyết."
    assert "ho_so_da_giai_quyet" not in written(text)


@SETTINGS
@given(st.integers(100, 90_000), st.integers(2015, 2026), st.integers(2, 95))
def test_a_year_after_its_word_is_never_a_count(online: int, year: int, share: int) -> None:
    """2. "… bằng trên 90% số hồ sơ trực tuyến của cả năm 2021": the year the words are of, not
    a second count of online records beside the one stated."""
    text = (
        f"Trong quý I năm {year + 1}, toàn tỉnh tiếp nhận {n(online * 3)} hồ sơ, trong đó có "
        f"{n(online)} hồ sơ trực tuyến. Số lượng hồ sơ trực tuyến của quý I năm {year + 1} bằng "
        f"trên {share}% số hồ sơ trực tuyến của cả năm {year} và bằng 205,6% số hồ sơ trực tuyến "
        f"của quý I năm {year}."
    )
    assert written(text, year + 1).get("ho_so_truc_tuyen") == online


@SETTINGS
@given(st.integers(50, 9_000), st.integers(0, 40), st.integers(1, 49),
       st.sampled_from(["", "của "]))  # fmt: skip
def test_the_communes_centres_are_one_level_of_the_units_figures(
    online: int, direct: int, share: int, of: str
) -> None:
    part_online, part_direct = online * share // 100, direct // 2
    text = (
        f"Trong ngày 1/7/2025, các sở, ngành cấp tỉnh và UBND các xã, phường trên địa bàn tỉnh đã "
        f"tiếp nhận {n(online + direct)} hồ sơ ({n(online)} hồ sơ trực tuyến và {n(direct)} hồ sơ "
        f"trực tiếp).\n\nTrong đó, số lượng hồ sơ tiếp nhận tại Trung tâm Phục vụ hành chính công "
        f"{of}các xã, phường là {n(part_online + part_direct)} hồ sơ (trực tiếp {n(part_direct)} hồ "
        f"sơ, trực tuyến {n(part_online)} hồ sơ), còn lại là tiếp nhận tại Trung tâm tỉnh."
    )
    got = written(text, 2025)
    assert got.get("ho_so_tiep_nhan") == online + direct
    assert got.get("ho_so_truc_tuyen") == online


@SETTINGS
@given(st.integers(1, 9_000), st.integers(1, 9_000),
       st.sampled_from(["được tiếp nhận, xử lý", "được tiếp nhận", "đã được tiếp nhận và xử lý"]))  # fmt: skip
def test_a_verb_after_a_pair_of_counts_is_the_records_too(
    records: int, papers: int, verb: str
) -> None:
    text = (
        f"Với {n(records)} hồ sơ thủ tục hành chính và {n(papers)} văn bản {verb} trong tháng "
        "8/2025, xã vươn lên đứng thứ nhất toàn tỉnh."
    )
    got = written(text, 2025)
    assert got.get("ho_so_tiep_nhan") == records
    assert "ho_so_da_giai_quyet" not in got  # one count for both verbs: resolved not said apart


def test_a_pair_of_records_counts_shares_no_verb() -> None:
    """Two counts of records ("120 hồ sơ và 30 hồ sơ được tiếp nhận") are not this form."""
    got = written("Năm 2025, có 120 hồ sơ trực tuyến và 30 hồ sơ được tiếp nhận trực tiếp.", 2025)
    assert got.get("ho_so_tiep_nhan") != 120


@SETTINGS
@given(st.integers(1, 900), st.dates(dt.date(2022, 1, 1), dt.date(2022, 12, 28)))
def test_the_office_reports_so_its_councils_plan_is_not_its_own(number: int, day: dt.date) -> None:
    text = (
        f"Thực hiện Kế hoạch số {number}/KH-UBND ngày {day:%d/%m/%Y} của UBND tỉnh về triển khai "
        "Bộ chỉ số phục vụ người dân, doanh nghiệp.\n\nVăn phòng UBND tỉnh báo cáo kết quả tháng "
        "8/2023 như sau:"
    )
    found = extracted(text, 2023)
    (citation,) = found.citations
    assert not citation.own and citation.date == day
    assert found.unit.names == ("Văn phòng UBND tỉnh",)


def test_a_council_that_reports_keeps_its_plan() -> None:
    text = (
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 08/9/2022 của UBND tỉnh về cải cách hành chính."
        "\n\nUBND tỉnh báo cáo kết quả thực hiện như sau:"
    )
    (citation,) = extracted(text, 2023).citations
    assert citation.own


@SETTINGS
@given(st.integers(1, 9_000), st.integers(1, 12), st.sampled_from(["tháng", "quý"]))
def test_a_month_after_its_word_is_never_a_count(records: int, month: int, word: str) -> None:
    month = month if word == "tháng" else (month - 1) // 3 + 1
    text = (
        f"Xã đã tiếp nhận {n(records)} hồ sơ và 12 văn bản được tiếp nhận trong {word} "
        f"{month}/2025, đứng thứ nhất toàn tỉnh."
    )
    assert written(text, 2025).get("ho_so_tiep_nhan") == records
