"""The 95% interval `extract-eval` prints beside each ratio (Wilson score interval)."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_index.extract.interval import wilson


def _float_wilson(hits: int, trials: int) -> tuple[float, float]:
    """The textbook formula in floats, written apart, to check the Decimal one against."""
    z = 1.959963984540054
    p = hits / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return centre - half, centre + half


@st.composite
def counts(draw: st.DrawFn) -> tuple[int, int]:
    trials = draw(st.integers(1, 500))
    return draw(st.integers(0, trials)), trials


@given(counts())
def test_it_lies_in_zero_to_one_and_holds_the_measured_ratio(pair: tuple[int, int]) -> None:
    hits, trials = pair
    bounds = wilson(hits, trials)
    assert bounds is not None
    low, high = bounds
    ratio = Decimal(hits) / Decimal(trials)
    assert Decimal(0) <= low <= ratio <= high <= Decimal(1)
    assert low < high  # a finite set never pins the true ratio down


@given(counts(), st.integers(2, 20))
def test_more_of_the_same_ratio_narrows_it(pair: tuple[int, int], times: int) -> None:
    hits, trials = pair
    small, large = wilson(hits, trials), wilson(hits * times, trials * times)
    assert small is not None and large is not None
    assert large[1] - large[0] < small[1] - small[0]


@given(counts())
def test_it_agrees_with_the_textbook_formula(pair: tuple[int, int]) -> None:
    bounds = wilson(*pair)
    assert bounds is not None
    expected = _float_wilson(*pair)
    assert abs(float(bounds[0]) - max(0.0, expected[0])) < 1e-9
    assert abs(float(bounds[1]) - min(1.0, expected[1])) < 1e-9


def test_known_values() -> None:
    """0 of 10 gives [0; 0,2775] (the usual table value); 16 of 17, [0,730; 0,990]."""
    zero = wilson(0, 10)
    assert zero is not None and zero[0] == 0 and round(zero[1], 4) == Decimal("0.2775")
    most = wilson(16, 17)
    assert most is not None
    assert (round(most[0], 3), round(most[1], 3)) == (Decimal("0.730"), Decimal("0.990"))


def test_nothing_counted_gives_no_interval_and_a_bad_count_is_refused() -> None:
    assert wilson(0, 0) is None
    with pytest.raises(ValueError):
        wilson(5, 4)
