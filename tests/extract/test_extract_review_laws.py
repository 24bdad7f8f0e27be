"""Laws of the draft's figures: what is not certain is never written as a fact."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cchc_index.extract.flat import FlatText
from cchc_index.extract.report import collect
from cchc_index.extract.statistics import find_figures
from cchc_index.text import format_number

counts = st.integers(min_value=0, max_value=999_999)
TARGETS = ("Phấn đấu", "Chỉ tiêu giao", "Kế hoạch giao", "Mục tiêu", "Phải đạt ít nhất")


def readings(text: str, year: int = 2022):  # type: ignore[no-untyped-def]
    figures = tuple(find_figures(FlatText(tuple(text.split("\n"))), year))
    return {r.variable: r for r in collect(figures, year, frozenset())}


@given(counts, counts)
def test_two_different_values_are_never_certain(a: int, b: int) -> None:
    text = (
        f"Đã tiếp nhận {format_number(a)} hồ sơ.\n\nBảng 2: đã tiếp nhận {format_number(b)} hồ sơ."
    )
    reading = readings(text)["ho_so_tiep_nhan"]
    assert reading.certain is (a == b)


@given(counts, st.sampled_from(TARGETS))
def test_a_target_is_never_a_result(a: int, target: str) -> None:
    assert readings(f"{target} tiếp nhận {format_number(a)} hồ sơ trực tuyến.") == {}


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=99))
def test_a_rounded_count_is_never_certain(whole: int, part: int) -> None:
    reading = readings(f"Trung tâm đã tiếp nhận {whole},{part:02d} ngàn hồ sơ.")["ho_so_tiep_nhan"]
    assert not reading.certain


@given(counts, counts)
def test_an_exact_count_wins_over_an_approximate_one(a: int, b: int) -> None:
    text = f"Trên {format_number(b)} hồ sơ bị quá hạn.\n\nSố hồ sơ quá hạn có {format_number(a)} hồ sơ."
    reading = readings(text)["ho_so_tre_han"]
    assert reading.certain and reading.current is not None and reading.current.amount == a


@given(counts, counts)
def test_one_fields_count_is_not_the_units(a: int, b: int) -> None:
    text = (f"Đã tiếp nhận {format_number(a)} hồ sơ, trong đó lĩnh vực đất đai "
            f"{format_number(b)} hồ sơ.")  # fmt: skip
    reading = readings(text)["ho_so_tiep_nhan"]
    assert reading.certain and reading.current is not None and reading.current.amount == a
