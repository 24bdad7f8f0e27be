"""The small readings of the importer, on the phrases real tables use."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_index.importer.evidence_text import products
from cchc_index.importer.parse import Option, points, split_inline, stt
from cchc_index.importer.scoring import map_options


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0,5", "0.5"),
        ("0.50", "0.5"),
        ("1 điểm", "1"),
        ("01", "1"),
        ("8.25", "8.25"),
        ("1đ", "1"),
        ("", None),
        ("Hướng dẫn", None),
    ],
)
def test_points_in_every_form_tables_use(text: str, value: str | None) -> None:
    assert points(text) == (Decimal(value) if value else None)


def test_inline_points_of_a_component_row() -> None:
    assert split_inline("Đầy đủ nội dung, có phụ lục phân công kèm theo: 0,3 điểm") == (
        "Đầy đủ nội dung, có phụ lục phân công kèm theo",
        Decimal("0.3"),
    )
    assert split_inline("Ban hành kịp thời") == ("Ban hành kịp thời", None)


@pytest.mark.parametrize(
    ("text", "mark"),
    [("1.1.1", "1.1.1"), ("II", "II"), ("a)", "a"), ("b.", "b"), ("", None), ("Ghi chú", None)],
)
def test_stt_forms(text: str, mark: str | None) -> None:
    assert stt(text) == mark


def test_bands_keep_inclusive_and_exclusive_bounds() -> None:
    options = [
        Option("Từ 95% trở lên", Decimal(2)),
        Option("Từ 80% đến dưới 95%", Decimal(1)),
        Option("Dưới 80%", Decimal(0)),
    ]
    mapped = map_options("3.5.2", options, Decimal(2))
    assert mapped.method["bands"] == [
        {"points": 2, "at_least": 95},
        {"points": 1, "at_least": 80, "below": 95},
        {"points": 0, "below": 80},
    ]
    assert mapped.confidence == "cao"


def test_bands_that_leave_a_gap_are_flagged_not_fixed() -> None:
    options = [Option("Trên 90%", Decimal(2)), Option("Dưới 70%", Decimal(0))]
    mapped = map_options("1.1.4", options, Decimal(2))
    assert mapped.method["type"] == "ratio_bands"
    assert mapped.confidence == "trung bình"
    assert any("khoảng trống" in c or "không có mức" in c for c in mapped.checks)


def test_unreadable_text_is_kept_and_flagged() -> None:
    mapped = map_options("2.1", [Option("Thực hiện tốt công tác phối hợp", None)], Decimal(1))
    assert (mapped.method, mapped.confidence) == ({"type": "qualitative"}, "thấp")
    assert mapped.checks


def test_evidence_text_to_typed_products() -> None:
    found, unknown = products(
        "Kế hoạch CCHC năm 2021\nQuyết định của UBND tỉnh giao chỉ tiêu\nHình ảnh hội nghị\nĐường link bài viết\nSổ theo dõi"
    )
    kinds = [(p["type"], p.get("doc_kind"), p.get("issuer")) for p in found]
    assert kinds == [
        ("document", "KH", None),
        ("document", "QĐ", "other"),
        ("photo", None, None),
        ("link", None, None),
    ]
    assert found[0]["subject"] == ["cải cách hành chính", "năm 2021"]
    assert found[1]["issuer_name"].startswith("UBND tỉnh")
    assert unknown == ["Sổ theo dõi"]
