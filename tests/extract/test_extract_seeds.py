"""The seed reports: citations against a hand-checked list, headers, figures of 001."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from cchc_index.docnumber import parse_doc_number
from cchc_index.extract.report import Extraction, extract_report
from cchc_index.text import parse_date

HERE = Path(__file__).parent
SEEDS = HERE / "seeds"
EXPECTED = yaml.safe_load((HERE / "expected_citations.yaml").read_text(encoding="utf-8"))

Key = tuple[Any, str, dt.date | None]


def _key(number: str, kind: str, date: str | None) -> Key:
    return (parse_doc_number(number).key, kind, parse_date(date) if date else None)


def _found(extraction: Extraction) -> list[Key]:
    return [(c.number.key, c.kind.value, c.date) for c in extraction.citations]


@pytest.fixture(scope="module")
def extractions() -> dict[str, Extraction]:
    return {name: extract_report(SEEDS / name) for name in EXPECTED}


def test_citation_precision_and_recall(extractions: dict[str, Extraction]) -> None:
    """Number, kind and date all right, over both seeds: each at least 0.95."""
    true_positive = found_total = expected_total = 0
    for name, entries in EXPECTED.items():
        expected = {_key(e["number"], e["kind"], e["date"]) for e in entries}
        found = _found(extractions[name])
        assert len(found) == len(set(found)), f"{name}: a document listed twice"
        true_positive += len(expected & set(found))
        found_total += len(found)
        expected_total += len(expected)
        missing = expected - set(found)
        extra = set(found) - expected
        print(f"{name}: {len(found)} found, {len(expected)} expected, "
              f"missing {sorted(map(str, missing))}, extra {sorted(map(str, extra))}")  # fmt: skip
    precision = true_positive / found_total
    recall = true_positive / expected_total
    print(f"citations: precision {precision:.3f}, recall {recall:.3f} "
          f"({true_positive} right of {found_total} found, {expected_total} expected)")  # fmt: skip
    assert precision >= 0.95
    assert recall >= 0.95


def test_own_or_outside_and_lines(extractions: dict[str, Extraction]) -> None:
    for name, entries in EXPECTED.items():
        by_key = {(c.number.key, c.date): c for c in extractions[name].citations}
        for entry in entries:
            key = _key(entry["number"], entry["kind"], entry["date"])
            citation = by_key[(key[0], key[2])]
            if entry["own"] is not None:
                assert citation.own is entry["own"], entry["number"]
            assert [m.line for m in citation.mentions] == entry["lines"], entry["number"]


def test_issuers_and_subjects_of_001(extractions: dict[str, Extraction]) -> None:
    cited = {c.number.symbol: c for c in extractions["001_fabfcb6c746946c4.txt"].citations}
    assert cited["133/KH-UBND"].issuer == "Ủy ban nhân dân huyện Quảng Điền"
    assert cited["61/2018/NĐ-CP"].issuer == "Chính phủ"
    assert cited["34/2019/QĐ-UBND"].issuer == "UBND tỉnh Thừa Thiên Huế"
    assert cited["1462/QĐ-UBND"].issuer == "Chủ tịch UBND tỉnh Thừa Thiên Huế"
    assert cited["452/KH-UBND"].subject == "Triển khai công tác cải cách hành chính năm 2020"
    assert cited["484/KH-UBND"].subject == "Tự kiểm tra kỷ luật, kỷ cương công vụ năm 2020"
    assert cited["475/KH-UBND"].subject == (
        "Ứng dụng và phát triển công nghệ thông tin trên địa bàn xã năm 2020"
    )
    note = cited["452/KH-UBND"].mentions[0].sentence
    assert note.startswith("UBND xã đã ban Kế hoạch số: 452/KH-UBND ngày 04/12/2019 về")


def test_headers_of_the_seeds(extractions: dict[str, Extraction]) -> None:
    first = extractions["001_fabfcb6c746946c4.txt"]
    assert first.header.number is not None and first.header.number.symbol == "385/BC-UBND"
    assert (first.header.place, first.header.date) == ("Quảng An", dt.date(2020, 9, 14))
    assert first.header.subject == "Công tác Cải cách hành 9 tháng năm 2020"
    assert (first.unit.name, first.unit.province, first.unit.district, first.year) == (
        "UBND xã Quảng An", "Thừa Thiên Huế", "Quảng Điền", 2020)  # fmt: skip
    second = extractions["002_25fbc4818a50f3ff.txt"]
    assert second.header.number is not None and second.header.number.symbol == "243/BC-UBND"
    assert (second.header.place, second.header.date) == ("Nga Sơn", dt.date(2018, 6, 26))
    assert (second.unit.name, second.unit.province, second.year) == (
        "UBND huyện Nga Sơn", "Thanh Hóa", 2018)  # fmt: skip


# Read by hand from seed 001: value this year, last year's value, line of the first mention.
STATISTICS_001 = {
    "tin_cchc": ("218", "50", 38),  # l.38, l.106 and l.221: 218 CCHC posts; l.221: 50 in 2019
    "ho_so_tiep_nhan": ("2299", None, 102),  # "2299 hồ sơ được tiếp nhận, giải quyết …"
    "nhiem_vu_hoan_thanh": ("4", None, 217),  # "Đã tham mưu thực hiện 4/4 nhiệm vụ"
    "nhiem_vu_ke_hoach": ("4", None, 217),
    "tin_cong_khai_tthc": ("71", None, 227),  # links publishing procedures: 71 posts
    "tin_cong_khai_tien_do": ("09", None, 228),  # links publishing progress: 09 posts
    "thu_xin_loi": ("03", None, 237),  # "03/03 phiếu xin lỗi": 3 letters for 3 late records
    "ho_so_tre_han": ("03", None, 237),
    "ho_so_bcci": ("0", None, 247),  # BCCI row: "Không có hồ sơ phát sinh"
}
UNMAPPED_001 = {"tong_tin_bai": "1718", "nhiem_vu_trong_tam": "07", "van_ban_ky_so": "167",
                "van_ban_den": "1317", "van_ban_moi_truong_mang": "347"}  # fmt: skip


def test_statistics_of_001(extractions: dict[str, Extraction]) -> None:
    readings = {r.variable: r for r in extractions["001_fabfcb6c746946c4.txt"].readings}
    mapped = {name: r for name, r in readings.items() if r.mapped}
    assert set(mapped) == set(STATISTICS_001)
    for name, (value, last_year, line) in STATISTICS_001.items():
        reading = mapped[name]
        assert reading.current is not None and reading.current.value == value, name
        assert reading.current.line == line, name
        assert (reading.previous.value if reading.previous else None) == last_year, name
        assert not reading.others, name
        assert reading.current.sentence, name
    assert {n: r.current.value for n, r in readings.items() if not r.mapped and r.current} == (
        UNMAPPED_001
    )


def test_statistics_of_002_keep_both_tables(extractions: dict[str, Extraction]) -> None:
    """Communes' totals first (l.86), the district centre's (l.90) reported as disagreeing."""
    readings = {r.variable: r for r in extractions["002_25fbc4818a50f3ff.txt"].readings}
    expected = {
        "ho_so_tiep_nhan": ("31.724", "3.192"),
        "ho_so_dung_han": ("31.134", "2.499"),
        "ho_so_tre_han": ("0", "18"),
        "ho_so_dang_giai_quyet": ("590", "675"),
    }
    assert set(readings) == set(expected)
    for name, (first, other) in expected.items():
        reading = readings[name]
        assert reading.current is not None
        assert (reading.current.value, [f.value for f in reading.others]) == (first, [other])
    assert readings["ho_so_tiep_nhan"].current.amount == Decimal(31724)  # type: ignore[union-attr]
