"""More provincial layouts, built in the suite from the verbatim rows of frameworks-found-2026.md
(§2.1 the 2021 row, §2.3 Cà Mau, §2.4 the 2019 area row of 99,55 points): one scoring cell
holding two parts, I / 1 / 1.1 / a numbering with area rows merged across columns, a total
row that does not add up, a missing points cell, bonus and penalty rows."""

from __future__ import annotations

from pathlib import Path

Row = tuple[str, ...]

# §2.1, row 1.1.1 as one cell of "Cách chấm" (the two parts and their detail lines)
ROW_2021 = (
    "Đầy đủ nội dung, có phụ lục phân công kèm theo: 0,3 điểm\n"
    "- Kế hoạch CCHC ban hành phải xác định đầy đủ các nhiệm vụ theo quy định và có phụ lục "
    "phân công nhiệm vụ, thời gian thực hiện: 0.3 điểm\n"
    "- Không đảm bảo theo yêu cầu: 0 điểm\n"
    "Đúng thời gian quy định: 0,2 điểm – thời gian ban hành chậm nhất ngày 20/12/2020\n"
    "- Ban hành sau ngày 20/12/2020 hoặc không ban hành: 0 điểm"
)
ONE_CELL_HEAD = (
    "STT",
    "Lĩnh vực, tiêu chí, tiêu chí thành phần",
    "Điểm tối đa",
    "Cách chấm",
    "Tài liệu kiểm chứng",
)
ONE_CELL: list[Row] = [
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "8.25", "", ""),
    ("1.1", "Kế hoạch cải cách hành chính đúng quy định", "1.00", "", ""),
    ("1.1.1", "Kế hoạch CCHC hàng năm", "0.50", ROW_2021, "Kế hoạch CCHC hàng năm 2021"),
]

# §2.3 Cà Mau area 1 renumbered the way many provinces write it: I / 1 / 1.1, option rows
# lettered a), b); the area row merged across STT and title with its points in the text.
ROMAN_HEAD = ("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Ghi chú")
ROMAN: list[Row] = [
    ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "7", ""),
    ("1", "Kế hoạch CCHC năm", "5", ""),
    ("1.1", "Ban hành kế hoạch CCHC năm", "1", ""),
    ("a", "Ban hành kịp thời", "1", ""),
    ("b", "Ban hành không kịp thời", "0,5", ""),
    ("c", "Không ban hành", "0", ""),
    (
        "1.2",
        "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí kinh phí thực hiện",
        "1",
        "",
    ),
    ("a", "Xác định đầy đủ nhiệm vụ và có bố trí kinh phí", "1", ""),
    ("b", "Không xác định đầy đủ nhiệm vụ hoặc không bố trí kinh phí", "0", ""),
    (
        "1.3",
        "Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách nhiệm triển khai của phòng, ban, đơn vị trực thuộc",
        "1",
        "",
    ),
    ("a", "Đạt yêu cầu", "1", ""),
    ("b", "Không đạt yêu cầu", "0", ""),
    ("1.4", "Mức độ thực hiện kế hoạch CCHC", "2", ""),
    ("a", "Thực hiện trên 90% kế hoạch", "2", ""),
    ("b", "Thực hiện từ 70% - 90% kế hoạch", "1", ""),
    ("c", "Dưới 70% kế hoạch", "0", ""),
    ("2", "Báo cáo CCHC", "2", ""),
    (
        "2.1",
        "Tất cả báo cáo được gửi đúng thời gian quy định (báo cáo quí I, quí III, báo cáo 6 tháng và báo cáo năm)",
        "1",
        "",
    ),
    ("a", "Đủ số lượng và đúng thời gian quy định", "1", ""),
    ("b", "Không đủ số lượng báo cáo hoặc không đúng thời gian quy định", "0", ""),
    ("2.2", "Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn", "1", ""),
    ("a", "Đạt yêu cầu", "1", ""),
    ("b", "Không đạt yêu cầu", "0", ""),
    ("II. ĐIỂM THƯỞNG, ĐIỂM TRỪ", "II. ĐIỂM THƯỞNG, ĐIỂM TRỪ", "", ""),
    ("1", "Điểm thưởng: sáng kiến CCHC được công nhận, cộng 0,5 điểm cho mỗi sáng kiến", "1", ""),
    ("2", "Điểm trừ: trừ 0,25 điểm cho mỗi báo cáo gửi trễ hạn", "1", ""),
]
# The rows the ROMAN table numbers (its STT rows, the option letters not counted)
ROMAN_NUMBERED = 12

# §2.4: the 2019 area rows (99,55 under a total of 100), as a sheet; area 1 keeps Cà Mau's
# 1.1.1 as its one criterion so that the folder is a framework.
TEMPLATE_2019_HEAD = ("STT", "Lĩnh vực", "Điểm tối đa")
TEMPLATE_2019: list[Row] = [
    ("", "Chỉ số cải cách HC năm 2019", "100"),
    ("1", "CÔNG TÁC THAM MƯU UBND HUYỆN BAN HÀNH VĂN BẢN CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "20.5"),
    ("1.1", "Ban hành kế hoạch CCHC năm", "20.5"),
    ("", "Ban hành kịp thời", "20.5"),
    ("", "Không ban hành", "0"),
    ("2", "THAM MƯU XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT (VBQPPL)", "10.00"),
    ("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "10.00"),
    ("4", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC", "6.00"),
    ("5", "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC", "10.05"),
    ("6", "CẢI CÁCH TÀI CHÍNH CÔNG", "6.00"),
    ("7", "HIỆN ĐẠI HÓA HÀNH CHÍNH", "14.00"),
    ("8", "THỰC HIỆN CƠ CHẾ MỘT CỬA, CƠ CHẾ MỘT CỬA LIÊN THÔNG", "9.00"),
    ("9", "TÁC ĐỘNG CẢI CÁCH HÀNH CHÍNH ĐẾN PHÁT TRIỂN KINH TẾ - XÃ HỘI", "14.00"),
]

# Cà Mau 1.2 as 1 / 1.1 / a, b, the points cell of b) left empty (a copy that lost it)
LETTERED_HEAD = ("TT", "Nội dung", "Điểm", "Hướng dẫn")
LETTERED: list[Row] = [
    ("1", "Báo cáo CCHC", "2", ""),
    ("1.1", "Báo cáo CCHC", "2", ""),
    (
        "a",
        "Tất cả báo cáo được gửi đúng thời gian quy định (báo cáo quí I, quí III, báo cáo 6 tháng và báo cáo năm)",
        "1",
        "Đủ số lượng và đúng thời gian quy định: 1; Không đủ số lượng báo cáo hoặc không đúng thời gian quy định: 0",
    ),
    (
        "b",
        "Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn",
        "",
        "Đạt yêu cầu: 1; Không đạt yêu cầu: 0",
    ),
]
PREAMBLE = [
    "ỦY BAN NHÂN DÂN TỈNH CÀ MAU",
    "(Kèm theo Quyết định số 1880/QĐ-UBND năm 2013 của Ủy ban nhân dân tỉnh Cà Mau)",
]


def docx_table(
    path: Path,
    head: Row,
    rows: list[Row],
    merge_areas: bool = False,
    preamble: list[str] = PREAMBLE,
) -> Path:
    """A DOCX with one ruled table; `merge_areas` merges each roman area row's STT and title
    cells (Word repeats a merged cell's text in each grid column it spans)."""
    import docx

    document = docx.Document()
    for line in preamble:
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(rows), cols=len(head))
    table.style = "Table Grid"
    for i, row in enumerate([head, *rows]):
        for j, text in enumerate(row):
            table.rows[i].cells[j].text = text
        if merge_areas and i and row[0][:2] in ("I.", "II"):
            table.cell(i, 0).merge(table.cell(i, 1)).text = row[0]
    document.save(str(path))
    return path


def xlsx_table(
    path: Path,
    head: Row,
    rows: list[Row],
    merge_areas: bool = False,
    preamble: list[str] = PREAMBLE,
) -> Path:
    """A sheet with the preamble above the table; `merge_areas` merges A:B of the area rows
    (the text left in A alone, as a spreadsheet keeps it)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for line in preamble:
        sheet.append([line])
    sheet.append(list(head))
    for row in rows:
        sheet.append(list(row))
        r = sheet.max_row
        if merge_areas and row[0][:2] in ("I.", "II"):
            sheet.cell(r, 2).value = None
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    book.save(str(path))
    return path
