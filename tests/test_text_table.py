"""report/text_table.py draws the report tables without tabulate where it can, and wraps
text columns itself where it cannot: the table must stay, to the character, what tabulate
draws on its own (or fail the same way)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from cchc_index.report import text_table
from cchc_index.report.text_table import table

WORDS = [
    "Kế hoạch",
    "452/KH-UBND",
    "ban hành đúng hạn",
    "→",
    "0,5",
    "1,75",
    "0",
    "218",
    "007",
    "1,000",
    "1.5",
    "-3",
    "1e3",
    "1e999",
    "True",
    "False",
    "nan",
    "inf",
    "một-hai-ba-bốn-năm-sáu-bảy",
    "Thẩm định lần 1 (Hội đồng thẩm định UBND huyện Quảng Điền, 15/12/2020):",
    "x" * 37,
    "   ",
    " đạt ",
    "\u00a012",
    "—",
    "a\tb",
    "\x1b[31mđỏ\x1b[0m",
    "\x01",
]
TEXT = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=8).map(
    lambda parts: "".join(f"{p}{sep}" for p, sep in zip(parts, " \n " * len(parts), strict=False))
)
CELL = (
    st.none()
    | st.just("")
    | TEXT
    | st.sampled_from(WORDS)
    | st.integers(-5, 5000).map(str)
    | st.integers(-5, 5000)
)
HEADERS = ["Mã", "Tiêu chí", "Lý do", "#", "", "Điểm\ntối đa"]
Case = tuple[list[list[object]], list[str], list[int | None] | None]


@st.composite
def tables(draw: st.DrawFn) -> Case:
    ncols = draw(st.integers(1, 5))
    rows = draw(st.lists(st.lists(CELL, min_size=ncols, max_size=ncols), min_size=1, max_size=5))
    if draw(st.booleans()):  # a few ragged tables and missing headers: tabulate's business
        rows = draw(st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=1, max_size=4))
    count = ncols if draw(st.integers(0, 4)) else draw(st.integers(0, ncols + 1))
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=count, max_size=count))
    widths = draw(st.none() | st.lists(st.none() | st.integers(1, 40), max_size=ncols + 1))
    return rows, headers, widths


REPORT_WORDS = [w for w in WORDS if w.isprintable() and w not in ("True", "False")]
REPORT_TEXT = st.lists(
    st.sampled_from(REPORT_WORDS)
    | st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=10),
    max_size=8,
).map(
    lambda parts: "".join(f"{p}{sep}" for p, sep in zip(parts, "  \n" * len(parts), strict=False))
)
REPORT_CELL = (
    st.none() | st.just("") | REPORT_TEXT | st.sampled_from(["0", "12", "0,5", "1,75", "—"])
)


@st.composite
def report_tables(draw: st.DrawFn) -> Case:
    """Tables like the reports': strings or nothing, one header per column, some numbers."""
    ncols = draw(st.integers(1, 6))
    rows = draw(
        st.lists(st.lists(REPORT_CELL, min_size=ncols, max_size=ncols), min_size=1, max_size=6)
    )
    digits = draw(st.integers(0, ncols - 1))  # a column of whole numbers ("#")
    for i, row in enumerate(rows):
        row[digits] = draw(st.sampled_from([str(i + 1), "", None]))
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=ncols, max_size=ncols))
    widths = draw(st.none() | st.lists(st.none() | st.integers(1, 40), max_size=ncols))
    return rows, headers, widths


def outcome(draw_table: Callable[[], str]) -> str:
    try:
        return draw_table()
    except Exception as exc:  # tabulate's own failures (e.g. "1,000" in a wrapped column)
        return f"{type(exc).__name__}: {exc}"


@settings(max_examples=500)
@given(case=tables(), fmt=st.sampled_from(["simple_grid", "pipe", "grid"]))
def test_the_table_is_what_tabulate_draws(case: Case, fmt: str) -> None:
    rows, headers, widths = case
    expected = outcome(lambda: tabulate(rows, headers, tablefmt=fmt, maxcolwidths=widths))
    assert outcome(lambda: table(rows, headers, fmt, widths)) == expected


@settings(max_examples=500)
@given(case=report_tables(), fmt=st.sampled_from(["simple_grid", "pipe"]))
def test_report_tables_are_what_tabulate_draws(case: Case, fmt: str) -> None:
    """The same law on tables like the reports' (most of them drawn without tabulate)."""
    rows, headers, widths = case
    expected = outcome(lambda: tabulate(rows, headers, tablefmt=fmt, maxcolwidths=widths))
    assert outcome(lambda: table(rows, headers, fmt, widths)) == expected


@settings(max_examples=300)
@given(case=tables(), fmt=st.sampled_from(["simple_grid", "pipe"]))
def test_tabulate_with_columns_wrapped_here_draws_the_same(case: Case, fmt: str) -> None:
    rows, headers, widths = case
    expected = outcome(lambda: tabulate(rows, headers, tablefmt=fmt, maxcolwidths=widths))
    assert outcome(lambda: text_table._tabulate(rows, headers, fmt, widths)) == expected


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    real = text_table._tabulate

    def spy(*args: object) -> str:
        calls.append(args[3])
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(text_table, "_tabulate", spy)
    return calls


def test_text_and_whole_numbers_are_drawn_here(monkeypatch: pytest.MonkeyPatch) -> None:
    reason = "452/KH-UBND (04/12/2019): ban hành đúng hạn → 0,5 điểm.\nThẩm định lần 1: " + "x" * 70
    rows = [["1", "1.1.1", reason, "0,5 đạt"], ["2", "1.1.2", None, "0"]]
    head = ["#", "Mã", "Lý do", "Điểm"]
    calls = _spy(monkeypatch)
    for fmt in ("simple_grid", "pipe"):
        expected = tabulate(rows, head, tablefmt=fmt, maxcolwidths=[None, None, 30, 5])
        assert table(rows, head, fmt, [None, None, 30, 5]) == expected
    assert calls == []
    assert "│ 452/KH-UBND (04/12/2019): ban  │" in table(
        rows, head, "simple_grid", [None, None, 30]
    )


def test_other_numbers_go_to_tabulate_with_the_text_wrapped_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = [["1.1.1", "a long reason " * 5, "0.5"], ["1.1.2", "short", "1.25"]]
    head = ["Mã", "Lý do", "Điểm"]
    calls = _spy(monkeypatch)
    seen: list[object] = []

    def spy_tabulate(*args: object, **kwargs: object) -> str:
        seen.append(kwargs["maxcolwidths"])
        return tabulate(*args, **kwargs)  # type: ignore[arg-type]

    expected = tabulate(rows, head, tablefmt="simple_grid", maxcolwidths=[None, 20, 10])
    monkeypatch.setattr("tabulate.tabulate", spy_tabulate)
    assert table(rows, head, "simple_grid", [None, 20, 10]) == expected  # decimal alignment
    assert calls == [[None, 20, 10]] and seen == [[None, None, None]]  # numbers stay whole


@pytest.mark.parametrize("cell", ["1e999", "inf", "nan", "218", "1,000", "True", "0,5 đạt"])
@pytest.mark.parametrize("fmt", ["simple_grid", "pipe"])
def test_numbers_in_a_narrow_column(cell: str, fmt: str) -> None:
    rows = [[cell, "x"], ["y", None]]
    expected = outcome(lambda: tabulate(rows, ["a", "b"], tablefmt=fmt, maxcolwidths=[2, 1]))
    assert outcome(lambda: table(rows, ["a", "b"], fmt, [2, 1])) == expected


def test_a_separating_line_mark_is_left_to_tabulate() -> None:
    """tabulate takes rows starting with "\\x01" out before it counts the columns."""
    rows: list[list[object]] = [["\x01"], [None, None]]
    expected = outcome(lambda: tabulate(rows, [], tablefmt="simple_grid", maxcolwidths=[]))
    assert outcome(lambda: table(rows, [], "simple_grid", [])) == expected
    assert outcome(lambda: text_table._tabulate(rows, [], "simple_grid", [])) == expected
