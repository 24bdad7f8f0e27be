"""A yearly report written in the forms of other provinces (Markdown exported from Word)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc_index.extract.report import extract_report

SAMPLE = Path(__file__).parent / "samples" / "bao-cao-nam-2021.md"

# (symbol, date, issuer) read by hand; None = the commune's own.
CITED = [
    ("2638/QĐ-UBND", dt.date(2020, 12, 28), "UBND tỉnh Quảng Nam"),
    ("125/UBND-NV", dt.date(2021, 3, 3), "UBND huyện Núi Thành"),
    ("05/KH-UBND", dt.date(2021, 1, 8), None),
    ("06/KH-UBND", dt.date(2021, 1, 8), None),
    ("07/KH-UBND", dt.date(2021, 1, 11), None),
    ("76/NQ-CP", dt.date(2021, 7, 15), "Chính phủ"),
    ("23/CT-TTg", dt.date(2021, 9, 2), "Thủ tướng Chính phủ"),
    ("45/QĐ-UBND", dt.date(2021, 9, 15), None),
    ("61/2018/NĐ-CP", dt.date(2018, 4, 23), "Chính phủ"),
    ("107/2021/NĐ-CP", dt.date(2021, 12, 6), "Chính phủ"),
    ("01/2018/TT-VPCP", dt.date(2018, 11, 23), "Văn phòng Chính phủ"),
    ("98/BC-UBND", dt.date(2021, 6, 15), None),
    ("12-KH/ĐU", dt.date(2021, 1, 20), "Đảng ủy xã"),
]
FIGURES = {
    "nhiem_vu_ke_hoach": "25", "nhiem_vu_hoan_thanh": "24", "tin_cchc": "96",
    "tthc_thuoc_tham_quyen": "118", "tthc_tiep_nhan_mot_cua": "118",
    "ho_so_tiep_nhan": "2.415", "ho_so_da_giai_quyet": "2.390", "ho_so_truoc_han": "410",
    "ho_so_dung_han": "1.968", "ho_so_tre_han": "12", "ho_so_dang_giai_quyet": "25",
    "thu_xin_loi": "12", "ho_so_so_hoa": "2.300", "ho_so_truc_tuyen_muc_3": "205",
    "ho_so_truc_tuyen_muc_4": "107", "ho_so_bcci": "380", "tai_khoan_tao_moi": "650",
}  # fmt: skip


def test_sample_report() -> None:
    found = extract_report(SAMPLE)
    assert found.header.number is not None and found.header.number.symbol == "112/BC-UBND"
    assert (found.unit.name, found.year) == ("UBND xã Tam Hiệp", 2021)
    assert [(c.number.symbol, c.date, c.issuer) for c in found.citations] == CITED
    by_symbol = {c.number.symbol: c for c in found.citations}
    assert by_symbol["76/NQ-CP"].subject == (
        "Ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030"
    )
    assert by_symbol["125/UBND-NV"].subject == "Hướng dẫn chấm điểm Chỉ số CCHC năm 2021"
    assert by_symbol["98/BC-UBND"].subject == "Báo cáo CCHC 6 tháng đầu năm 2021"
    assert by_symbol["45/QĐ-UBND"].subject == "Kiện toàn Ban Chỉ đạo cải cách hành chính xã"
    assert len(by_symbol["05/KH-UBND"].mentions) == 2
    values = {r.variable: r.current.value for r in found.readings if r.mapped and r.current}
    assert values == FIGURES
    tin = next(r for r in found.readings if r.variable == "tin_cchc")
    assert tin.previous is not None and tin.previous.value == "78"


def test_a_report_citing_itself_gets_its_own_date(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "Số: 385/BC-UBND\nQuảng An, ngày 14 tháng 9 năm 2020\nBÁO CÁO\nCông tác CCHC\n\n"
        "Báo cáo số 385/BC-UBND này thay cho báo cáo tháng trước.\n",
        encoding="utf-8",
    )
    (citation,) = extract_report(report).citations
    assert (citation.date, citation.own, citation.line) == (dt.date(2020, 9, 14), True, 6)
