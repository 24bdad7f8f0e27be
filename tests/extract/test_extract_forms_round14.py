"""Forms of report language found on the twelfth never-tuned set after its first measurement
(which made it a seen set), written as new synthetic sentences (none taken from a stored
report), with numbers hypothesis draws; a figure written is right or absent:

1. "… tổng số hồ sơ trực tuyến đã tiếp nhận … là N hồ sơ. Trong đó số được xử lý đúng hạn M hồ
   sơ …": where one channel's count opens its sentence, what is told "trong đó" after it is that
   channel's outcome, not the unit's.
2. "Đối với việc tiếp nhận, giải quyết hồ sơ thủ tục hành chính trực tuyến, UBND thành phố đã
   tiếp nhận N hồ sơ": the topic names the channel, whatever verbs it lists.
3. "N hồ sơ TTHC đang ở trạng thái “xử lý quá hạn”": a state now, the overdue part of the records
   in progress, never the records resolved late.
4. "hơn 2,578 triệu hồ sơ": a rounded count in millions, for review, never written.
5. "Luật sửa đổi, bổ sung một số điều của Luật A số …, … và Luật B số … ngày D": D is the
   amending law's date, not the last amended law's.
6. "… của Chủ tịch Ủy ban nhân dân tỉnh công bố Danh mục …": "công bố" in lower case is a verb,
   not part of the issuer's name.
7. A page whose first lines are a legal library's index card: the document's own header is read
   where the national motto stands, further down.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from cchc_index.extract.readers import SourceText
from cchc_index.extract.report import extract_source
from tests.extract.test_extract_forms_round4 import extracted
from tests.extract.test_extract_traps import SETTINGS, n, written


@SETTINGS
@given(st.integers(100, 90_000), st.integers(0, 100), st.integers(0, 500), st.integers(0, 500))
def test_a_channels_outcome_is_not_the_units(
    online: int, share: int, accepted_late: int, overdue: int
) -> None:
    on_time = online * share // 100
    text = (
        "Số liệu thống kê trên Cổng Dịch vụ công quốc gia cho thấy từ ngày 1 – 31/8/2025, tổng số "
        f"hồ sơ trực tuyến đã tiếp nhận, giải quyết trên địa bàn tỉnh là {n(online)} hồ sơ.\n"
        f"Trong đó số được xử lý đúng hạn {n(on_time)} hồ sơ, số chậm được tiếp nhận "
        f"{n(accepted_late)} hồ sơ và số giải quyết quá hạn đang xử lý {n(overdue)} hồ sơ."
    )
    got = written(text, 2025)
    assert got.get("ho_so_truc_tuyen") == online
    assert not got.keys() & {"ho_so_dung_han", "ho_so_tre_han", "ho_so_da_giai_quyet"}


@SETTINGS
@given(st.integers(1, 9_000), st.integers(1, 9_000), st.integers(1, 9_000))
def test_the_units_outcome_after_a_channels_part_is_kept(
    online: int, direct: int, early: int
) -> None:
    """Not the form above: the channel is itself a part ("Trong đó, … trực tuyến …") and the
    resolved count told after it has its own "trong đó"."""
    received = online + direct
    resolved = received - 1 if received > 1 else received
    early = min(early, resolved)
    text = (
        f"Trung tâm Phục vụ hành chính công tỉnh tiếp nhận {n(received)} hồ sơ thủ tục hành "
        f"chính. Trong đó, số hồ sơ tiếp nhận trực tuyến là {n(online)} hồ sơ; hồ sơ tiếp nhận "
        f"trực tiếp là {n(direct)}; số hồ sơ đã xử lý và trả kết quả là {n(resolved)} hồ sơ, "
        f"trong đó, số hồ sơ trả trước hạn là {n(early)}; không có hồ sơ quá hạn."
    )
    got = written(text, 2025)
    assert got.get("ho_so_truoc_han", early) == early
    assert got.get("ho_so_truc_tuyen", online) == online


@SETTINGS
@given(st.integers(1, 9_000), st.integers(1, 90_000))
def test_a_topic_that_lists_its_verbs_still_names_the_channel(online: int, other: int) -> None:
    text = (
        "Đối với việc tiếp nhận, giải quyết hồ sơ thủ tục hành chính trực tuyến, UBND thành phố "
        f"đã tiếp nhận {n(online)} hồ sơ, đạt 32,58%; UBND cấp xã tiếp nhận {n(other)} hồ sơ."
    )
    got = written(text, 2021)
    assert got.get("ho_so_truc_tuyen") == online
    assert "ho_so_tiep_nhan" not in got


@SETTINGS
@given(st.integers(1, 9_000), st.sampled_from(["“xử lý quá hạn”", "quá hạn", "trễ hạn"]))
def test_a_state_of_being_overdue_is_not_resolved_late(count: int, state: str) -> None:
    text = (
        "Theo báo cáo rà soát trên Cổng Dịch vụ công quốc gia (tính đến ngày 4/3), toàn tỉnh hiện "
        f"có {n(count)} hồ sơ TTHC đang ở trạng thái {state}."
    )
    assert "ho_so_tre_han" not in written(text, 2026)


@SETTINGS
@given(st.integers(1, 9), st.integers(0, 999), st.sampled_from(["hơn ", "gần ", ""]))
def test_a_count_in_millions_is_for_review(whole: int, part: int, about: str) -> None:
    text = (
        f"Tổng số hồ sơ nhận giải quyết trong kỳ báo cáo là {about}{whole},{part:03d} triệu hồ sơ."
    )
    extraction = extract_source(SourceText("b.txt", "txt", (text,)), year=2025)
    (reading,) = [r for r in extraction.readings if r.variable == "ho_so_tiep_nhan"]
    assert reading.current is not None and not reading.certain
    assert reading.current.amount == (whole * 1000 + part) * 1000
    assert "ho_so_tiep_nhan" not in written(text, 2025)


@SETTINGS
@given(st.integers(2, 4), st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 28)))
def test_a_date_after_a_list_of_amended_laws_is_the_amending_laws(laws: int, day: dt.date) -> None:
    names = [
        "Luật Đất đai",
        "Luật Nhà ở",
        "Luật Kinh doanh bất động sản",
        "Luật Các tổ chức tín dụng",
    ]
    listed = [f"{name} số {30 + i}/2024/QH15" for i, name in enumerate(names[:laws])]
    text = (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của " + ", ".join(listed[:-1])
        + f" và {listed[-1]} ngày {day.day} tháng {day.month} năm {day.year};"
    )  # fmt: skip
    found = extracted(text, 2025)
    assert len(found.citations) == laws
    assert all(c.date is None for c in found.citations)


def test_a_date_after_one_law_stays_its_own() -> None:
    (citation,) = extracted("Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18/01/2024;", 2025).citations
    assert citation.date == dt.date(2024, 1, 18)


@SETTINGS
@given(st.integers(1, 3_000), st.dates(dt.date(2025, 1, 1), dt.date(2025, 12, 28)))
def test_a_verb_after_the_issuer_ends_its_name(number: int, day: dt.date) -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH GIA LAI\nSố: 2698/QĐ-UBND\n\nQUYẾT ĐỊNH\n\nĐiều 2. Quyết định này "
        f"sửa đổi, bổ sung Quyết định số {number}/QĐ-UBND ngày {day.day} tháng {day.month} năm "
        f"{day.year} của Chủ tịch Ủy ban nhân dân tỉnh công bố Danh mục thủ tục hành chính."
    )
    found = extracted(text, 2025)
    cited = [c for c in found.citations if c.number.symbol != "2698/QĐ-UBND"]
    assert [c.own for c in cited] == [True]


def test_a_body_named_with_a_capital_cong_is_not_cut() -> None:
    text = "Thực hiện Công văn số 12/BCT-KH ngày 05/02/2025 của Bộ Công Thương về thủ tục."
    (citation,) = extracted(text, 2025).citations
    assert citation.issuer is not None and citation.issuer.startswith("Bộ Công Thương")


@SETTINGS
@given(st.integers(30, 150), st.integers(1, 3_000), st.dates(dt.date(2025, 1, 1), dt.date(2025, 12, 28)))  # fmt: skip
def test_a_header_below_an_index_card_is_the_documents_own(
    card: int, number: int, day: dt.date
) -> None:
    lines = ["**Số hiệu:**", "|", f"{number}/QĐ-UBND", "|"]
    lines += [f"Dòng {i} của phiếu văn bản" for i in range(card)]
    lines += [
        "ỦY BAN NHÂN DÂN", "TỈNH GIA LAI", "-------", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
        "Độc lập - Tự do - Hạnh phúc", f"Số: {number}/QĐ-UBND",
        f"Gia Lai, ngày {day.day} tháng {day.month} năm {day.year}", "QUYẾT ĐỊNH",
        "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ;",
    ]  # fmt: skip
    found = extracted("\n".join(lines), 2025)
    assert found.header.number is not None and found.header.number.symbol == f"{number}/QĐ-UBND"
    assert found.header.date == day
    own = found.header.number.key  # the card names it too: its own number, no citation
    assert [c.number.symbol for c in found.citations if c.number.key != own] == ["63/2010/NĐ-CP"]
