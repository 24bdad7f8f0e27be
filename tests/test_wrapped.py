"""report/wrapped.py wraps plain-text columns itself for speed: the table must stay, to the
character, what tabulate draws on its own (or fail the same way)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from cchc_index.report import wrapped
from cchc_index.report.wrapped import table

WORDS = [
    "Kế hoạch",
    "452/KH-UBND",
    "ban hành đúng hạn",
    "→",
    "0,5",
    "0",
    "218",
    "1,000",
    "1.5",
    "1e3",
    "True",
    "False",
    "nan",
    "inf",
    "một-hai-ba-bốn-năm-sáu-bảy",
    "Thẩm định lần 1 (Hội đồng thẩm định UBND huyện Quảng Điền, 15/12/2020):",
    "x" * 37,
    "   ",
    "\t",
    "đạt",
    "—",
    "\x1b[31mđỏ\x1b[0m",
]
TEXT = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=8).map(
    lambda parts: "".join(f"{p}{sep}" for p, sep in zip(parts, " \n " * len(parts), strict=False))
)
CELL = st.none() | st.just("") | TEXT | st.sampled_from(WORDS) | st.integers(-5, 5000)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[list[object]], list[str], list[int | None]]:
    ncols = draw(st.integers(1, 5))
    rows = draw(st.lists(st.lists(CELL, min_size=ncols, max_size=ncols), min_size=1, max_size=5))
    headers = draw(st.lists(st.sampled_from(["Mã", "Tiêu chí", "Lý do", "#", ""]), max_size=ncols))
    widths = draw(st.lists(st.none() | st.integers(1, 40), min_size=0, max_size=ncols + 1))
    return rows, headers, widths


def outcome(draw_table: object, *args: object, **kwargs: object) -> str:
    try:
        return draw_table(*args, **kwargs)  # type: ignore[operator,no-any-return]
    except Exception as exc:  # tabulate's own failures (e.g. "1,000" in a wrapped column)
        return f"{type(exc).__name__}: {exc}"


@settings(max_examples=400)
@given(case=tables(), fmt=st.sampled_from(["simple_grid", "pipe", "grid"]))
def test_the_table_is_what_tabulate_draws(
    case: tuple[list[list[object]], list[str], list[int | None]], fmt: str
) -> None:
    rows, headers, widths = case
    expected = outcome(tabulate, rows, headers, tablefmt=fmt, maxcolwidths=widths)
    assert outcome(table, rows, headers, fmt, widths) == expected


def test_the_plain_columns_are_wrapped_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text columns reach tabulate already wrapped (width None); a column holding a number
    tabulate could parse keeps its width, and tabulate wraps it itself."""
    reason = "452/KH-UBND (04/12/2019): ban hành đúng hạn → 0,5 điểm.\nThẩm định lần 1: " + "x" * 70
    rows = [["1.1.1", reason, "0,5 đạt"], ["1.1.2", None, "0"]]
    head = ["Mã", "Lý do", "Điểm"]
    expected = tabulate(rows, head, tablefmt="simple_grid", maxcolwidths=[None, 30, 5])
    seen: list[object] = []

    def spy(*args: object, **kwargs: object) -> str:
        seen.append(kwargs["maxcolwidths"])
        return tabulate(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(wrapped, "tabulate", spy)
    assert table(rows, head, "simple_grid", [None, 30, 5]) == expected
    assert seen == [[None, None, 5]]
    assert "│ 452/KH-UBND (04/12/2019): ban  │" in expected  # wrapped at 30
