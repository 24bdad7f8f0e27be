"""The forms real reports write figures in, and the figures that are not results."""

from __future__ import annotations

import pytest

from cchc_index.extract.flat import FlatText
from cchc_index.extract.statistics import find_figures


def figures(text: str, level: str | None = None) -> list[tuple[str, str]]:
    return [(f.variable, f.value) for f in find_figures(FlatText(tuple(text.split("\n"))), 2020,
                                                         level=level)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tổng số hồ sơ tiếp nhận trong kỳ là 1.250 hồ sơ, trong đó kỳ trước chuyển sang "
         "50 hồ sơ, tiếp nhận mới 1.200 hồ sơ.",
         [("ho_so_tiep_nhan", "1.250"), ("ho_so_ky_truoc", "50"),
          ("ho_so_tiep_nhan_moi", "1.200")]),
        ("Bộ phận một cửa đã giải quyết 120 hồ sơ/130 hồ sơ.",
         [("ho_so_da_giai_quyet", "120"), ("ho_so_tiep_nhan", "130")]),
        ("Đã gửi 02/02 phiếu xin lỗi.", [("thu_xin_loi", "02"), ("ho_so_tre_han", "02")]),
        ("Tiếp nhận 12.345 bộ, trễ hạn 5 bộ.",
         [("ho_so_tiep_nhan", "12.345"), ("ho_so_tre_han", "5")]),
        ("Không có hồ sơ quá hạn.", [("ho_so_tre_han", "0")]),
        ("Trong kỳ không phát sinh hồ sơ trễ hạn.", [("ho_so_tre_han", "0")]),
        ("Chỉ tám hồ sơ quá hạn.", [("ho_so_tre_han", "8")]),
        ("Số hồ sơ trể hạn: 3 hồ sơ.", [("ho_so_tre_han", "3")]),
        ("so ho so tre han: 4 ho so", [("ho_so_tre_han", "4")]),
        ("259 hồ sơ đúng hạn và chỉ tám hồ sơ quá hạn.",
         [("ho_so_dung_han", "259"), ("ho_so_tre_han", "8")]),
        ("Số hồ sơ quá hạn còn 154, chiếm tỷ lệ 1%.", [("ho_so_tre_han", "154")]),
        ("Có 61 hồ sơ nộp mức độ 3 và 1.537 hồ sơ nộp mức độ 4, 20 hồ sơ toàn trình.",
         [("ho_so_truc_tuyen_muc_3", "61"), ("ho_so_truc_tuyen_muc_4", "1.537"),
          ("ho_so_truc_tuyen_toan_trinh", "20")]),
        ("Tiếp nhận qua dịch vụ bưu chính công ích 132 HS.", [("ho_so_bcci", "132")]),
        ("Số hồ sơ giải quyết đúng hạn và trước hạn: 1.190 hồ sơ; trễ hạn 10 hồ sơ.",
         [("ho_so_truoc_va_dung_han", "1.190"), ("ho_so_tre_han", "10")]),
        ("Đã giải quyết 1.200 hồ sơ, trong đó trước hạn, đúng hạn 1.190 hồ sơ; quá hạn 10 hồ sơ.",
         [("ho_so_da_giai_quyet", "1.200"), ("ho_so_truoc_va_dung_han", "1.190"),
          ("ho_so_tre_han", "10")]),
        ("Tiếp nhận: 1.234 hồ sơ; Giải quyết: 1.200 hồ sơ; Đang giải quyết: 34 hồ sơ.",
         [("ho_so_tiep_nhan", "1.234"), ("ho_so_da_giai_quyet", "1.200"),
          ("ho_so_dang_giai_quyet", "34")]),
        ("Năm 2020, tiếp nhận 1.234 hồ sơ, giải quyết 1.200 hồ sơ.",
         [("ho_so_tiep_nhan", "1.234"), ("ho_so_da_giai_quyet", "1.200")]),
        ("Trung tâm đã tiếp nhận, giải quyết 1.300 hồ sơ.", [("ho_so_tiep_nhan", "1.300")]),
        ("Tổng số hồ sơ giải quyết trong kỳ là 1.300 hồ sơ.", [("ho_so_tiep_nhan", "1.300")]),
        ("Có 4 hồ sơ quá hạn giải quyết nhưng chưa có kết quả.",
         [("ho_so_dang_giai_quyet_qua_han", "4")]),
    ],
)  # fmt: skip
def test_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Phấn đấu 100 hồ sơ được giải quyết trước hạn.",
        "Chỉ tiêu giao: tiếp nhận ít nhất 500 hồ sơ trực tuyến.",
        "Số lượng HS tiếp nhận giảm 142 HS so với tháng 9-2020.",
        "Các cơ quan tiếp nhận nhiều: Sở Giao thông vận tải 829 HS, Sở Tài chính 803 HS.",
        "Lượt xem: 842",
        "Qua 3 năm từ 2016 đến 2018 chỉ có 1 hồ sơ trễ hạn.",
        "Với cấp xã, toàn tỉnh tiếp nhận 264.610 hồ sơ, đã giải quyết 261.896 hồ sơ.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%.",
        "Có 4.215 hồ sơ đến hạn giải quyết.",
        "Hồ sơ giải quyết theo cơ chế liên thông 120 hồ sơ.",
    ],
)
def test_not_results(text: str) -> None:
    assert figures(text) == []


def test_a_communes_own_level_is_not_another_level() -> None:
    text = "Ở cấp xã, bộ phận một cửa đã tiếp nhận 120 hồ sơ."
    assert figures(text, level="xã") == [("ho_so_tiep_nhan", "120")]
    assert figures(text, level="tỉnh") == []


def test_parts_of_the_records_in_progress_are_not_the_late_count() -> None:
    text = ("Đã giải quyết 643.272 hồ sơ; số hồ sơ quá hạn có 7.677 hồ sơ. Trong số hồ sơ còn "
            "lại đang giải quyết gồm 7.172 hồ sơ, có 5.950 hồ sơ chưa đến hạn và 1.222 hồ sơ "
            "đã quá hạn.")  # fmt: skip
    assert figures(text) == [("ho_so_da_giai_quyet", "643.272"), ("ho_so_tre_han", "7.677"),
                             ("ho_so_dang_giai_quyet", "7.172"),
                             ("ho_so_dang_giai_quyet_qua_han", "1.222")]  # fmt: skip


def test_rounded_and_approximate_counts_are_marked() -> None:
    found = find_figures(FlatText(("Trung tâm tiếp nhận 5,65 ngàn hồ sơ; trên 7.600 hồ sơ "
                                   "bị quá hạn.",)), 2020)  # fmt: skip
    assert [(f.variable, f.amount, f.approximate) for f in found] == [
        ("ho_so_tiep_nhan", 5650, True), ("ho_so_tre_han", 7600, True)]  # fmt: skip


def test_a_year_in_brackets_after_the_count() -> None:
    found = find_figures(FlatText(("Chỉ có 1 hồ sơ trễ hạn (năm 2017).",)), 2018)
    assert [(f.variable, f.year) for f in found] == [("ho_so_tre_han", 2017)]
