"""Parts of a part, and the unit's own words for itself (synthetic sentences written for
these tests, in the forms one-stop reports use).

- Records still in progress past their deadline ("đang giải quyết quá hạn") are not the
  period's late records (resolved late), wherever the words stand.
- The parts of the records in progress run on into a sentence that goes on with them
  ("Trong đó: …").
- "…, trong đó tại Bộ phận Một cửa thành phố: đã giải quyết …, đang giải quyết …": to the end
  of the sentence the figures are that body's, not the unit's.
- "UBND xã đã tiếp nhận …" in the commune's own report is the unit, not another body.
- Parts listed without their unit after a count of records ("trong đó trước hạn 800, đúng
  hạn 300") are counts of records.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_index.extract.flat import FlatText
from cchc_index.extract.readers import SourceText
from cchc_index.extract.report import extract_source
from cchc_index.extract.statistics import find_figures


def written(text: str, year: int = 2024) -> dict[str, Decimal]:
    extraction = extract_source(SourceText("b.txt", "txt", tuple(text.split("\n"))), year=year)
    return {r.variable: r.current.amount for r in extraction.readings
            if r.certain and r.current is not None}  # fmt: skip


def found(text: str, level: str | None = None) -> list[tuple[str, str]]:
    flat = FlatText(tuple(text.split("\n")))
    return [(f.variable, f.value) for f in find_figures(flat, 2024, level=level)]


@pytest.mark.parametrize(
    "text",
    [
        "Số hồ sơ đã giải quyết: 500 hồ sơ, trong đó quá hạn 5 hồ sơ. Số hồ sơ đang giải quyết "
        "quá hạn: 3 hồ sơ.",
        "Đã giải quyết 500 hồ sơ (trễ hạn 5 hồ sơ). Hiện còn 3 hồ sơ đang giải quyết đã quá hạn.",
        "Đã giải quyết 500 hồ sơ, trễ hạn 5 hồ sơ.\nĐang giải quyết 40 hồ sơ, trong đó 37 hồ sơ "
        "trong hạn, 3 hồ sơ quá hạn.",
        "Đã giải quyết 500 hồ sơ, trễ hạn 5 hồ sơ.\nSố hồ sơ đang giải quyết: 40 hồ sơ.\nTrong "
        "đó: chưa đến hạn 37 hồ sơ; quá hạn 3 hồ sơ.",
        "Đã giải quyết 500 hồ sơ, trễ hạn 5 hồ sơ; có 3 hồ sơ quá hạn chưa giải quyết.",
        "Đã giải quyết 500 hồ sơ, trễ hạn 5 hồ sơ, 3 hồ sơ đang xử lý quá hạn.",
        "- Số hồ sơ đã giải quyết: 500 hồ sơ.\n + Đúng hạn: 495 hồ sơ.\n + Quá hạn: 5 hồ sơ.\n"
        "- Số hồ sơ đang giải quyết: 40 hồ sơ.\n + Trong hạn: 37 hồ sơ.\n + Quá hạn: 3 hồ sơ.",
    ],
)  # fmt: skip
def test_records_in_progress_past_their_deadline_are_not_the_late_ones(text: str) -> None:
    draft = written(text)
    assert draft.get("ho_so_tre_han") == 5, text
    assert draft.get("ho_so_dang_giai_quyet_qua_han", Decimal(3)) == 3, text
    assert draft.get("ho_so_dang_giai_quyet", Decimal(40)) == 40, text


def test_a_list_one_level_down_is_the_part_of_its_line_only() -> None:
    text = ("- Số hồ sơ đang giải quyết: 40 hồ sơ.\n + Quá hạn: 3 hồ sơ.\n- Số hồ sơ giải quyết "
            "trễ hạn: 5 hồ sơ.\n + Trễ hạn do người dân: 2 hồ sơ.")  # fmt: skip
    assert found(text) == [("ho_so_dang_giai_quyet", "40"), ("ho_so_dang_giai_quyet_qua_han", "3"),
                           ("ho_so_tre_han", "5"), ("ho_so_tre_han", "2")]  # fmt: skip


def test_a_sentence_that_goes_on_with_other_figures_is_not_a_breakdown() -> None:
    text = ("Đang giải quyết 40 hồ sơ. Tiếp nhận trực tuyến 300 hồ sơ, trễ hạn 5 hồ sơ. Trong "
            "đó, 2 hồ sơ quá hạn do người dân chưa bổ sung.")  # fmt: skip
    assert found(text) == [("ho_so_dang_giai_quyet", "40"), ("ho_so_truc_tuyen", "300"),
                           ("ho_so_tre_han", "5"), ("ho_so_tre_han", "2")]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Toàn thành phố tiếp nhận 87.000 hồ sơ, đã giải quyết 86.000 hồ sơ, trong đó tại Bộ phận "
        "Một cửa thành phố: đã giải quyết 29.500 hồ sơ, đang giải quyết 370 hồ sơ, 9 hồ sơ đang "
        "giải quyết quá hạn.",
        "Toàn thành phố tiếp nhận 87.000 hồ sơ, đã giải quyết 86.000 hồ sơ; riêng Bộ phận Một "
        "cửa thành phố đã giải quyết 29.500 hồ sơ, đang giải quyết 370 hồ sơ.",
        "Toàn thành phố tiếp nhận 87.000 hồ sơ, đã giải quyết 86.000 hồ sơ, trong đó UBND các "
        "xã, phường đã giải quyết 29.500 hồ sơ, đang giải quyết 370 hồ sơ, trễ hạn 9 hồ sơ.",
        "Toàn thành phố tiếp nhận 87.000 hồ sơ, đã giải quyết 86.000 hồ sơ, trong đó của Trung "
        "tâm Phục vụ hành chính công: đã giải quyết 29.500 hồ sơ, đang giải quyết 370 hồ sơ.",
    ],
)  # fmt: skip
def test_one_bodys_figures_inside_the_units_are_not_the_units(text: str) -> None:
    draft = written(text)
    assert draft == {"ho_so_tiep_nhan": 87000, "ho_so_da_giai_quyet": 86000}, text


def test_a_desks_channel_counts_are_still_the_units_channels() -> None:
    text = ("Xã tiếp nhận 1.250 hồ sơ, trong đó tại Bộ phận Một cửa: tiếp nhận trực tiếp 900 "
            "hồ sơ, trực tuyến 350 hồ sơ.")  # fmt: skip
    assert written(text) == {"ho_so_tiep_nhan": 1250, "ho_so_truc_tiep": 900,
                             "ho_so_truc_tuyen": 350}  # fmt: skip


def test_the_communes_own_council_is_the_unit() -> None:
    text = ("UBND xã Quảng An báo cáo như sau. Trong kỳ báo cáo, UBND xã đã tiếp nhận 2.345 hồ sơ "
            "TTHC (kỳ trước chuyển sang 12 hồ sơ, tiếp nhận mới 2.333 hồ sơ).")  # fmt: skip
    assert written(text) == {"ho_so_tiep_nhan": 2345, "ho_so_ky_truoc": 12,
                             "ho_so_tiep_nhan_moi": 2333}  # fmt: skip
    named = "UBND xã Quảng An đã tiếp nhận 2.345 hồ sơ."
    assert written("UBND xã Quảng An báo cáo như sau. " + named) == {"ho_so_tiep_nhan": 2345}
    # another commune's council, in a district's report, is another body
    other = "UBND huyện Quảng Điền báo cáo như sau. UBND xã Quảng Thành đã tiếp nhận 345 hồ sơ."
    assert written(other) == {}
    # the unit unknown: a council named without a place is the one writing
    assert found("UBND xã đã tiếp nhận 2.345 hồ sơ.") == [("ho_so_tiep_nhan", "2.345")]
    assert found("UBND xã Quảng Thành đã tiếp nhận 345 hồ sơ.") == []


def test_a_departments_own_name_is_the_unit() -> None:
    report = ("SỞ NỘI VỤ\nSố: 12/BC-SNV\nBÁO CÁO\nKết quả công tác CCHC năm 2024\n"
              "Trong năm, Sở đã tiếp nhận 1.234 hồ sơ, đã giải quyết 1.200 hồ sơ.")  # fmt: skip
    assert written(report) == {"ho_so_tiep_nhan": 1234, "ho_so_da_giai_quyet": 1200}
    named = report.replace("Trong năm, Sở đã", "Trong năm, Sở Nội vụ đã")
    assert written(named) == {"ho_so_tiep_nhan": 1234, "ho_so_da_giai_quyet": 1200}
    # another department, named, is another body
    other = report.replace("Trong năm, Sở đã", "Trong năm, Sở Tư pháp đã")
    assert written(other) == {}
    # in a commune's report, a bare "Sở" is not the commune
    commune = "UBND xã Quảng An báo cáo như sau. Trong năm, Sở đã tiếp nhận 1.234 hồ sơ."
    assert written(commune) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tổng số hồ sơ tiếp nhận 1.250 hồ sơ, trong đó trước hạn 800, đúng hạn 300, trễ hạn 50, "
         "đang giải quyết 100.",
         [("ho_so_tiep_nhan", "1.250"), ("ho_so_truoc_han", "800"), ("ho_so_dung_han", "300"),
          ("ho_so_tre_han", "50"), ("ho_so_dang_giai_quyet", "100")]),
        ("Số hồ sơ tiếp nhận trong kỳ: 567 hồ sơ. Trong đó: trực tuyến: 300 hồ sơ; trực tiếp: "
         "250; qua dịch vụ BCCI: 17 hồ sơ.",
         [("ho_so_tiep_nhan", "567"), ("ho_so_truc_tuyen", "300"), ("ho_so_truc_tiep", "250"),
          ("ho_so_bcci", "17")]),
        ("Đã giải quyết 1.200 hồ sơ, đúng hạn 1.190 và trễ hạn 10.",
         [("ho_so_da_giai_quyet", "1.200"), ("ho_so_dung_han", "1.190"), ("ho_so_tre_han", "10")]),
    ],
)  # fmt: skip
def test_parts_listed_without_their_unit(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tiếp nhận 1.250 hồ sơ của 12 lĩnh vực, trong đó có 3 lĩnh vực trễ hạn.",
        "Tiếp nhận 1.250 hồ sơ. Trễ hạn 50 ngày.",
        "Trễ hạn 50, đang giải quyết 100.",  # no count of records before: no unit to share
        "Tiếp nhận 1.250 hồ sơ, đạt 98%, tăng 12 so với năm 2023.",
    ],
)
def test_bare_numbers_that_are_not_parts(text: str) -> None:
    assert [v for v, _ in found(text)] in ([], ["ho_so_tiep_nhan"])


def test_records_carried_over_from_last_year_are_this_periods() -> None:
    text = ("Năm 2024, tổng số hồ sơ tiếp nhận là 1.300 hồ sơ, trong đó số hồ sơ tiếp nhận mới "
            "là 1.200 hồ sơ, số hồ sơ tồn từ năm trước chuyển sang là 100 hồ sơ.")  # fmt: skip
    assert written(text) == {"ho_so_tiep_nhan": 1300, "ho_so_tiep_nhan_moi": 1200,
                             "ho_so_ky_truoc": 100}  # fmt: skip
    # but last year's figure is last year's
    flat = FlatText(("Năm trước, xã tiếp nhận 1.100 hồ sơ.",))
    assert [f.year for f in find_figures(flat, 2024)] == [2023]
