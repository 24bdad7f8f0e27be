"""The fast byte-level guards never miss what the exact scans would find."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from cchc_index.text import (
    _CONTROLS,
    _FOREIGN,
    control_chars,
    foreign_char,
    may_be_foreign,
    may_hold_controls,
    safe_text,
)

VIETNAMESE = "Kế hoạch cải cách hành chính năm 2020 “tuyên truyền” – ữ ỹ ơ ư đ Đ …"
TEXT = st.one_of(
    st.text(),
    st.text(
        alphabet=st.sampled_from(
            [*VIETNAMESE, "о", "ο", "١", "०", "１", "\x1b", "\r", "\u202e", "\x85"]
        )
    ),
)


@given(TEXT)
@example("Kế hοạch")
@example("a\u2066b")
@example("\u17e0")
def test_the_guards_never_miss(text: str) -> None:
    if _FOREIGN.search(text):
        assert may_be_foreign(text) and foreign_char(text) is not None
    if _CONTROLS.search(text):
        assert may_hold_controls(text.encode("utf-8", "surrogatepass")) and control_chars(text)
    assert not control_chars(safe_text(text).replace("\\", ""))


def test_vietnamese_passes_both_guards() -> None:
    assert not may_be_foreign(VIETNAMESE)
    assert not may_hold_controls(VIETNAMESE.encode())
