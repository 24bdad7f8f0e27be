"""Forms of report language written before the fifth never-tuned set was measured, from
synthetic sentences only (none taken from a stored report); a figure written is right or
absent, and where the form says what a figure is, it is written:

1. A tab-separated table whose total row has an empty first cell ("\\tTổng cộng\\t1.300\\t…")
   is a row of its own, not the next cell of the row above.
2. "Số hồ sơ chưa giải quyết N (trong hạn a, quá hạn b)": N in progress, b their overdue part.
3. A records label right before its count, with no colon ("Tổng số hồ sơ đã tiếp nhận 1.234
   (trong đó: tồn kỳ trước 34, tiếp nhận trong kỳ 1.200)").
4. The year a figure is compared with is not the figure's ("tăng 300 hồ sơ so với năm 2023").
5. Thousands split by a space ("1 234 hồ sơ"): never the last group alone (234).
6. "đang được giải quyết" is in progress; "lượt hồ sơ" counts records.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_traps import SETTINGS, n, written


@SETTINGS
@given(st.lists(st.tuples(st.integers(1, 900), st.integers(0, 50)), min_size=2, max_size=4))
def test_a_total_row_with_an_empty_first_cell(rows: list[tuple[int, int]]) -> None:
    lines = [
        "Kết quả giải quyết TTHC năm 2024 theo lĩnh vực:",
        "TT\tLĩnh vực\tTổng số hồ sơ tiếp nhận\tĐã giải quyết\tĐang giải quyết",
    ]
    fields = ["Hộ tịch", "Chứng thực", "Đất đai", "Tư pháp"]
    for index, (resolved, open_) in enumerate(rows):
        lines.append(
            f"{index + 1}\t{fields[index]}\t{n(resolved + open_)}\t{n(resolved)}\t{n(open_)}"
        )
    resolved = sum(r for r, _ in rows)
    open_ = sum(o for _, o in rows)
    lines.append(f"\tTổng cộng\t{n(resolved + open_)}\t{n(resolved)}\t{n(open_)}")
    got = written("\n".join(lines))
    assert got.get("ho_so_tiep_nhan") == resolved + open_
    assert got.get("ho_so_da_giai_quyet") == resolved
    assert got.get("ho_so_dang_giai_quyet") == open_


@SETTINGS
@given(st.integers(1, 9_000), st.integers(1, 90), st.integers(0, 9))
def test_records_not_yet_resolved_are_in_progress(resolved: int, within: int, over: int) -> None:
    text = (
        f"Năm 2024, số hồ sơ đã giải quyết {n(resolved)} hồ sơ. Số hồ sơ chưa giải quyết "
        f"{n(within + over)} hồ sơ (trong hạn {n(within)}, quá hạn {n(over)})."
    )
    got = written(text)
    assert got.get("ho_so_dang_giai_quyet") == within + over
    assert "ho_so_tre_han" not in got  # the overdue ones are still in progress


@SETTINGS
@given(st.integers(0, 500), st.integers(1, 9_000))
def test_a_records_label_right_before_its_count(carried: int, new: int) -> None:
    text = (
        f"Kết quả giải quyết hồ sơ năm 2024: Tổng số hồ sơ đã tiếp nhận {n(carried + new)} (trong "
        f"đó: tồn kỳ trước {n(carried)}, tiếp nhận trong kỳ {n(new)})."
    )
    got = written(text)
    assert got.get("ho_so_tiep_nhan") == carried + new
    assert got.get("ho_so_tiep_nhan_moi", new) == new
    assert got.get("ho_so_ky_truoc", carried) == carried


@SETTINGS
@given(st.integers(100, 9_000), st.integers(1, 900), st.integers(1, 99))
def test_the_year_compared_with_is_not_the_figures(received: int, more: int, open_: int) -> None:
    text = (
        f"Trong năm 2024, xã tiếp nhận {n(received + open_)} hồ sơ TTHC (tăng {n(more)} hồ sơ so "
        f"với năm 2023), đã giải quyết {n(received)} hồ sơ."
    )
    got = written(text, 2024)
    assert got.get("ho_so_tiep_nhan") == received + open_
    assert got.get("ho_so_da_giai_quyet") == received


@SETTINGS
@given(st.integers(1, 999), st.integers(0, 999), st.sampled_from([" ", "\u00a0"]))
def test_thousands_split_by_a_space_are_never_read_as_the_last_group(
    high: int, low: int, space: str
) -> None:
    text = f"Năm 2024, xã tiếp nhận {high}{space}{low:03d} hồ sơ."
    got = written(text)
    assert got.get("ho_so_tiep_nhan", high * 1000 + low) == high * 1000 + low


@SETTINGS
@given(st.integers(100, 9_000), st.integers(1, 90), st.sampled_from(["lượt hồ sơ", "hồ sơ"]))
def test_in_progress_said_passively_and_records_counted_as_turns(
    resolved: int, open_: int, unit: str
) -> None:
    text = (
        f"Năm 2024, xã đã tiếp nhận {n(resolved + open_)} {unit}, giải quyết {n(resolved)} {unit}; "
        f"còn {n(open_)} hồ sơ đang được giải quyết."
    )
    got = written(text)
    assert got.get("ho_so_tiep_nhan") == resolved + open_
    assert got.get("ho_so_da_giai_quyet") == resolved
    assert got.get("ho_so_dang_giai_quyet") == open_


def test_two_readings_left_tied_are_named_so_in_the_review() -> None:
    """A count whose words allow two readings ("tổng số hồ sơ giải quyết": to handle, or
    resolved) that no other figure settles is not written, and the note says why."""
    from cchc_index.extract.draft import build_draft
    from tests.extract.test_extract_forms_round4 import extracted

    found = extracted("Năm 2024, tổng số hồ sơ giải quyết TTHC của xã là 1.234 hồ sơ.", 2024)
    draft = build_draft(found, [], found.unit, 2024)
    assert any("1.234" in w and "hiểu theo hai cách" in w for w in draft.warnings)
    assert not any(r.certain for r in found.readings if r.variable == "ho_so_tiep_nhan")


def test_competing_values_are_named_as_such_in_the_review() -> None:
    """Several values for one variable that the other figures do not decide between: the note
    lists them as competing values to choose from, not as a sum that does not add up."""
    from cchc_index.extract.draft import build_draft
    from tests.extract.test_extract_forms_round4 import extracted

    found = extracted(
        "Năm 2024, phường Tân An tiếp nhận 3.200 hồ sơ. Phường Tân Bình tiếp nhận 2.800 hồ sơ.",
        2024,
    )
    draft = build_draft(found, [], found.unit, 2024)
    note = next(w for w in draft.warnings if w.startswith("ho_so_tiep_nhan:"))
    assert "nhiều số khác nhau (3.200 (dòng 1); 2.800 (dòng 1))" in note and "hãy chọn" in note
