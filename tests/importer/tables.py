"""Fixture tables built by code from the verbatim rows of the official tables (Cà Mau 1880/QĐ-UBND, Đồng Nai 244/PNV, Phụ lục 02 of 2021),
in the layouts the sources show (docs/keeper.md, import-framework)."""

from __future__ import annotations

from pathlib import Path

Row = tuple[str, ...]

CA_MAU_HEAD = (
    "STT",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Điểm tối đa",
    "Điểm đánh giá",
    "",
    "",
    "Điểm đạt được",
    "Chỉ số",
    "Ghi chú",
)
CA_MAU_SUB = ("", "", "", "Điều tra XHH", "Tự đánh giá", "SNV đánh giá", "", "", "")
CA_MAU: list[Row] = [
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "20"),
    ("1.1", "Kế hoạch CCHC năm", "5"),
    ("1.1.1", "Ban hành kế hoạch CCHC năm", "1"),
    ("", "Ban hành kịp thời", "1"),
    ("", "Ban hành không kịp thời", "0,5"),
    ("", "Không ban hành", "0"),
    (
        "1.1.2",
        "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí kinh phí thực hiện",
        "1",
    ),
    ("", "Xác định đầy đủ nhiệm vụ và có bố trí kinh phí", "1"),
    ("", "Không xác định đầy đủ nhiệm vụ hoặc không bố trí kinh phí", "0"),
    (
        "1.1.3",
        "Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách nhiệm triển khai của phòng, ban, đơn vị trực thuộc",
        "1",
    ),
    ("", "Đạt yêu cầu", "1"),
    ("", "Không đạt yêu cầu", "0"),
    ("1.1.4", "Mức độ thực hiện kế hoạch CCHC", "2"),
    ("", "Thực hiện trên 90% kế hoạch", "2"),
    ("", "Thực hiện từ 70% - 90% kế hoạch", "1"),
    ("", "Dưới 70% kế hoạch", "0"),
    ("1.2", "Báo cáo CCHC", "2"),
    (
        "1.2.1",
        "Tất cả báo cáo được gửi đúng thời gian quy định (báo cáo quí I, quí III, báo cáo 6 tháng và báo cáo năm)",
        "1",
    ),
    ("", "Đủ số lượng và đúng thời gian quy định", "1"),
    ("", "Không đủ số lượng báo cáo hoặc không đúng thời gian quy định", "0"),
    ("1.2.2", "Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn", "1"),
    ("", "Đạt yêu cầu", "1"),
    ("", "Không đạt yêu cầu", "0"),
    ("1.3", "Kiểm tra công tác CCHC", "3"),
]
CA_MAU_BREAK = 13  # the table continues on the next page after 1.1.4's first option row

PL02_HEAD = (
    "STT",
    "Lĩnh vực, tiêu chí, tiêu chí thành phần",
    "Điểm tối đa",
    "Cách chấm",
    "Tài liệu kiểm chứng",
    "Tài liệu đến thời điểm hiện tại",
)
_CONTENT = "- Kế hoạch CCHC ban hành phải xác định đầy đủ các nhiệm vụ theo quy định và có phụ lục phân công nhiệm vụ, thời gian thực hiện: 0.3 điểm\n- Không đảm bảo theo yêu cầu: 0 điểm"
PL02: list[Row] = [
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "8.25", "", "", ""),
    ("1.1", "Kế hoạch cải cách hành chính đúng quy định", "1.00", "", "", ""),
    ("1.1.1", "Kế hoạch CCHC hàng năm", "0.50", "", "", ""),
    (
        "",
        "Đầy đủ nội dung, có phụ lục phân công kèm theo: 0,3 điểm",
        "",
        _CONTENT,
        "Kế hoạch CCHC hàng năm 2021",
        "",
    ),
    (
        "",
        "Đúng thời gian quy định: 0,2 điểm",
        "",
        "- Thời gian ban hành chậm nhất ngày 20/12/2020\n- Ban hành sau ngày 20/12/2020 hoặc không ban hành: 0 điểm",
        "Kế hoạch CCHC hàng năm 2021",
        "",
    ),
    ("1.1.2", "Kế hoạch CCHC giai đoạn 2021-2025", "0.50", "", "", ""),
    (
        "",
        "Đầy đủ nội dung, có phụ lục phân công kèm theo: 0,3 điểm",
        "",
        _CONTENT,
        "Kế hoạch CCHC giai đoạn 2021-2025",
        "",
    ),
]
PL02_PREAMBLE = [
    "PHỤ LỤC 02: HƯỚNG DẪN ĐÁNH GIÁ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC HUYỆN, THÀNH PHỐ",
    "(Ban hành kèm theo Hướng dẫn số …... /HD-SNV ngày ……/…./2021 của Sở Nội vụ)",
]

DONG_NAI_HEAD = ("STT", "Nội dung", "Điểm", "Hướng dẫn")
DONG_NAI: list[Row] = [
    ("4", "Thực hiện tuyên truyền về cải cách hành chính", "2", "Hướng dẫn"),
    ("4.1", "Mức độ thực hiện kế hoạch tuyên truyền", "1", ""),
    (
        "",
        "Hoàn thành 100% kế hoạch",
        "1",
        "Có kế hoạch, báo cáo kèm theo (1đ).\nVí dụ: Kế hoạch đặt ra 5 mục tiêu, đơn vị hoàn thành 5 mục tiêu đó.",
    ),
    (
        "",
        "Hoàn thành 90% -100% kế hoạch thì điểm đánh giá được tính theo số mục tiêu đã hoàn thành/ số mục tiêu đề ra của kế hoạch x 1điểm",
        "",
        "Ví dụ: Kế hoạch đặt ra 5 mục tiêu, đơn vị hoàn thành 4 mục tiêu.\n4/5*1= 0,8 điểm",
    ),
    ("", "Hoàn thành dưới 90%", "0", ""),
    ("4.2", "Mức độ đa dạng trong tuyên truyền CCHC", "1", ""),
    (
        "",
        "Tuyên truyền thông qua các phương tiện trực tuyến, ứng dụng công nghệ thông tin",
        "0,5",
        "Chứng minh các hình thức tuyên truyền trực tuyến như: bảng thông tin điện tử, màn hình điện tử (0,25đ); ứng dụng CNTT như: website, trang mạng xã hội (0,25đ), có báo cáo và tài liệu kiểm chứng kèm theo",
    ),
    (
        "",
        "Tuyên truyền CCHC thông qua các hình thức truyền thống (hội nghị, tờ xếp, ….)",
        "0,5",
        "Chứng minh các hình thức tuyên truyền, có báo cáo và tài liệu kiểm chứng kèm theo (1đ)",
    ),
]
DONG_NAI_PREAMBLE = [
    "Hướng dẫn xác định tiêu chí 4 và 7 của Bộ chỉ số cải cách hành chính cấp xã",
    "Thực hiện Công văn số 244/PNV ngày 08/8/2022 của Phòng Nội vụ về việc hướng dẫn xác định tiêu chí 4 và 7 của Bộ chỉ số cải cách hành chính cấp xã, cụ thể như sau:",
    "ỦY BAN NHÂN DÂN HUYỆN XUÂN LỘC, tỉnh Đồng Nai",
]


def _fill(table: object, rows: list[Row], start: int) -> None:
    for i, row in enumerate(rows):
        cells = table.rows[start + i].cells  # type: ignore[attr-defined]
        for j, text in enumerate(row):
            cells[j].text = text


def ca_mau_docx(path: Path) -> Path:
    """Two-line header with a merged "Điểm đánh giá" over three columns, STT/title/points
    merged down the two header lines, and the table broken over two pages (two tables, the
    header repeated on the second)."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN TỈNH CÀ MAU")
    document.add_paragraph(
        "(Kèm theo Quyết định số 1880/QĐ-UBND năm 2013 của Ủy ban nhân dân tỉnh Cà Mau)"
    )
    document.add_paragraph("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN, NGÀNH TỈNH")
    for part, rows in enumerate((CA_MAU[:CA_MAU_BREAK], CA_MAU[CA_MAU_BREAK:])):
        if part:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        table = document.add_table(rows=2 + len(rows), cols=9)
        table.style = "Table Grid"
        for j, (a, b) in enumerate(zip(CA_MAU_HEAD, CA_MAU_SUB, strict=True)):
            table.cell(0, j).text = a
            table.cell(1, j).text = b
        table.cell(0, 3).merge(table.cell(0, 5)).text = "Điểm đánh giá"
        for j in (0, 1, 2, 6, 7, 8):
            table.cell(0, j).merge(table.cell(1, j)).text = CA_MAU_HEAD[j]
        _fill(table, rows, 2)
    document.save(str(path))
    return path


def pl02_docx(path: Path) -> Path:
    """The 2021 district layout: parts as rows without STT, multi-line "Cách chấm" cells, and
    the evidence cell of 1.1.1 merged down its two parts."""
    import docx

    document = docx.Document()
    for line in PL02_PREAMBLE:
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(PL02), cols=6)
    table.style = "Table Grid"
    _fill(table, [PL02_HEAD, *PL02], 0)
    table.cell(4, 4).merge(table.cell(5, 4)).text = "Kế hoạch CCHC hàng năm 2021"
    document.save(str(path))
    return path


def dong_nai_xlsx(path: Path) -> Path:
    """Đồng Nai criterion 4 as a sheet: the option rows without STT, the guidance merged."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tiêu chí 4"
    for i, line in enumerate(DONG_NAI_PREAMBLE, start=1):
        sheet.append([line])
        sheet.merge_cells(start_row=i, start_column=1, end_row=i, end_column=4)
    sheet.append(list(DONG_NAI_HEAD))
    first = len(DONG_NAI_PREAMBLE) + 2
    for row in DONG_NAI:
        sheet.append(
            [
                float(c.replace(",", ".")) if c.replace(",", "").replace(".", "").isdigit() else c
                for c in row
            ]
        )
    # the 4.2 row's STT merged down over its option rows, as workbooks often do: the reader
    # must give the merged text to the first row only, or the options would become nodes
    sheet.merge_cells(start_row=first + 5, start_column=1, end_row=first + 7, end_column=1)
    book.save(str(path))
    return path


if (
    __name__ == "__main__"
):  # build a sample table to try the importer: python tests/importer/tables.py out.docx
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "phu-luc-02.docx")
    {".xlsx": dong_nai_xlsx}.get(target.suffix, pl02_docx)(target)
    print(target)
