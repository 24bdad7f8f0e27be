"""Citation forms people type, one example each, and what must not be read as one."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc_index.extract.citations import Citation, find_citations
from cchc_index.extract.flat import FlatText
from cchc_index.extract.unit import Unit

XA = Unit("xã", "Quảng An", province="Thừa Thiên Huế")


def cite(text: str, unit: Unit = XA) -> list[Citation]:
    return find_citations(FlatText(tuple(text.split("\n"))), unit)


def one(text: str, unit: Unit = XA) -> Citation:
    found = cite(text, unit)
    assert len(found) == 1, [c.number.symbol for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "symbol", "date"),
    [
        (
            "UBND xã đã ban Kế hoạch số: 452/KH-UBND ngày 04/12/2019 về CCHC.",
            "452/KH-UBND",
            "2019-12-04",
        ),
        ("Quyết định 3141/QĐ-UBND ngày 26/12/2022 của UBND tỉnh.", "3141/QĐ-UBND", "2022-12-26"),
        ("Thực hiện Nghị quyết số 49-NQ/ĐU của Đảng ủy xã.", "49-NQ/ĐU", None),
        ("Theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018.", "61/2018/NĐ-CP", "2018-04-23"),
        ("Thông báo số số 01/TB-UBND ngày 3/1/2023.", "01/TB-UBND", "2023-01-03"),
        ("Quyết định số 04/QD-UBND ngày 10/1/2023.", "04/QĐ-UBND", "2023-01-10"),
        ("Nghị định 30/2020/ND-CP ngày 5/3/2020.", "30/2020/NĐ-CP", "2020-03-05"),
        ("Kế hoạch số 12/KH-UBND ngày 10 tháng 1năm 2023.", "12/KH-UBND", "2023-01-10"),
        ("Báo cáo số 5/BC-UBND ngày 26, tháng 6 năm 2018.", "5/BC-UBND", "2018-06-26"),
        (
            "Quyết định số 3141/QĐ-UBND của UBND tỉnh ngày 26/12/2022 về X.",
            "3141/QĐ-UBND",
            "2022-12-26",
        ),
        ("Công văn số 1301 /UBND ngày 07 tháng 9 năm 2020", "1301/UBND", "2020-09-07"),
        ("Kế hoạch số452/KH-UBND ngày 04/12/2019", "452/KH-UBND", "2019-12-04"),
        ("Quyết định số 3862/QĐ - UBND, ngày 22/11/2017", "3862/QĐ-UBND", "2017-11-22"),
        ("(Kế hoạch số 452/KH-UBND ngày 04-12-2019)", "452/KH-UBND", "2019-12-04"),
        ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", "05-CT/TW", "2016-05-15"),
        ("Thông tư số 01/2023/TT-VPCP ngày 5/4/2023", "01/2023/TT-VPCP", "2023-04-05"),
        ("Quyết định số 1462/QĐ-UBND được ban hành ngày 18/6/2019", "1462/QĐ-UBND", "2019-06-18"),
        (
            "Văn bản số 245/UBND-VP ngày 2/3/2021 V/v tăng cường kỷ cương",
            "245/UBND-VP",
            "2021-03-02",
        ),
    ],
)
def test_forms(text: str, symbol: str, date: str | None) -> None:
    found = one(text)
    assert found.number.symbol == symbol
    assert found.date == (dt.date.fromisoformat(date) if date else None)


def test_broken_across_lines() -> None:
    text = "- UBND xã đã ban hành Kế hoạch số\n452/KH-\nUBND ngày 04/12/\n2019 về triển khai\ncông tác CCHC năm 2020."
    found = one(text)
    assert (found.number.symbol, found.date, found.line) == (
        "452/KH-UBND",
        dt.date(2019, 12, 4),
        1 + 1,
    )
    assert found.subject == "Triển khai công tác CCHC năm 2020"
    words = "Thực hiện Quyết định số 1462/QĐ-UBND ngày 18 tháng\n\n6 năm 2019 của Chủ tịch UBND\ntỉnh Thừa Thiên Huế về việc ban hành Danh mục TTHC."
    found = one(words)
    assert found.date == dt.date(2019, 6, 18)
    assert found.issuer == "Chủ tịch UBND tỉnh Thừa Thiên Huế"
    assert found.subject == "Ban hành Danh mục TTHC"


def test_same_document_twice_is_one_item_and_other_dates_are_two() -> None:
    text = (
        "Kế hoạch số 452/KH-UBND ngày 04/12/2019 về CCHC. Tiếp tục thực hiện Kế hoạch số "
        "452/KH-UBND ngày 4/12/2019 của UBND xã. Kế hoạch 452/KH-UBND cũng nêu rõ. "
        "Năm sau, Kế hoạch số 452/KH-UBND ngày 03/12/2020 về CCHC năm 2021."
    )
    found = cite(text)
    assert [(c.number.symbol, c.date) for c in found] == [
        ("452/KH-UBND", dt.date(2019, 12, 4)),
        ("452/KH-UBND", dt.date(2020, 12, 3)),
    ]
    assert len(found[0].mentions) == 3  # the undated mention joins the dated item


def test_own_and_outside() -> None:
    text = (
        "Thực hiện Kế hoạch số 133/KH-UBND ngày 27/12/2019 của Ủy ban nhân dân huyện Quảng Điền; "
        "Kế hoạch số 452/KH-UBND ngày 04/12/2019 của UBND xã; Quyết định số 34/2019/QĐ-UBND "
        "ngày 13/6/2019 của UBND tỉnh Thừa Thiên Huế; Nghị định số 61/2018/NĐ-CP ngày "
        "23/4/2018; Nghị quyết số 49-NQ/ĐU ngày 1/2/2020; Quyết định số 3141/QĐ-UBND ngày "
        "26/12/2022 của UBND tỉnh. HĐND xã đã ban hành Nghị quyết số 05/NQ-HĐND ngày 3/3/2020. "
        "UBND xã đã ban hành Kế hoạch số 482/KH-UBND ngày 19/12/2019. Báo cáo số 474/BC-UBND "
        "xã Quảng An, ngày 17 tháng 12 năm 2019. Thực hiện Kế hoạch số 472/KH-UBND ngày 16/12/2019."
    )
    issuers = {c.number.symbol: c.issuer for c in cite(text)}
    assert issuers == {
        "133/KH-UBND": "Ủy ban nhân dân huyện Quảng Điền",
        "452/KH-UBND": None,
        "34/2019/QĐ-UBND": "UBND tỉnh Thừa Thiên Huế",
        "61/2018/NĐ-CP": "Chính phủ",
        "49-NQ/ĐU": "Đảng ủy",
        "3141/QĐ-UBND": "UBND tỉnh",
        "05/NQ-HĐND": "HĐND xã",
        "482/KH-UBND": None,
        "474/BC-UBND": None,
        "472/KH-UBND": None,
    }


def test_a_district_report_owns_what_its_ubnd_issued() -> None:
    huyen = Unit("huyện", "Nga Sơn")
    found = cite("Kế hoạch số 12/KH-UBND ngày 2/2/2018 của UBND huyện; Kế hoạch số 3/KH-UBND "
                 "ngày 5/1/2018 của UBND tỉnh Thanh Hóa.", huyen)  # fmt: skip
    assert [c.issuer for c in found] == [None, "UBND tỉnh Thanh Hóa"]


def test_subjects() -> None:
    text = (
        "UBND xã đã ban hành Kế hoạch số 482/KH-UBND ngày 19/12/2019 về tự kiểm tra CCHC, "
        "kiểm tra công vụ năm 2020, Kế hoạch số 484/KH-UBND ngày 19/12/2019 về tự kiểm tra kỷ "
        "luật năm 2020. Công văn số 45/UBND-VP ngày 2/3/2021 V/v: tăng cường kỷ cương; "
        "Quyết định số 7/QĐ-UBND ngày 1/1/2021 về việc kiện toàn Ban chỉ đạo CCHC, trong đó nêu rõ."
    )
    assert [c.subject for c in cite(text)] == [
        "Tự kiểm tra CCHC, kiểm tra công vụ năm 2020",
        "Tự kiểm tra kỷ luật năm 2020",
        "Tăng cường kỷ cương",
        "Kiện toàn Ban chỉ đạo CCHC",
    ]


def test_a_register_table() -> None:
    text = (
        "STT\tSố, ký hiệu\tNgày ban hành\tTrích yếu\n"
        "1\t452/KH-UBND\t04/12/2019\tTriển khai công tác CCHC năm 2020\n"
        "| 2 | 472/KH-UBND | 16/12/2019 | Tuyên truyền CCHC năm 2020 |"
    )
    found = cite(text)
    assert [(c.number.symbol, c.date, c.subject) for c in found] == [
        ("452/KH-UBND", dt.date(2019, 12, 4), "Triển khai công tác CCHC năm 2020"),
        ("472/KH-UBND", dt.date(2019, 12, 16), "Tuyên truyền CCHC năm 2020"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 04/12/2019, UBND xã họp; 22/22 cán bộ có tài khoản; 4/4 nhiệm vụ đạt 100 %.",
        "Tiêu chuẩn ISO 9001:2015; giai đoạn 2016-2020; tiêu chí 1.4.2 đạt 0.25 điểm, 84,09%.",
        "Đến thời điểm 5/9/2020 có 25/27 xã, thị trấn; 70 hồ sơ/tháng; 3 lần/năm; 24/7.",
        "UBND xã, QĐ, KH-UBND, số/ký hiệu, TN&TKQ, HĐND-UBND, km/h, 1/2 HĐND.",
        "Trong 9 tháng đầu năm 2020, tiếp nhận 2.299 hồ sơ (3.5.4); lúc 16:55 ngày 15/12/2020.",
    ],
)
def test_no_citation(text: str) -> None:
    assert cite(text) == []


def test_an_impossible_date_is_no_date() -> None:
    assert one("Kế hoạch số 9/KH-UBND ngày 31/02/2020 về X.").date is None
