"""The stages of a unit's yearly cycle, in order, and their names on the pages."""

from __future__ import annotations

from cchc_index.i18n import tr

DRAFT, SUBMITTED, ROUND1, EXPLAINED, ROUND2, FINAL = (
    "draft",
    "submitted",
    "round1",
    "explanations",
    "round2",
    "final",
)
STATES = (DRAFT, SUBMITTED, ROUND1, EXPLAINED, ROUND2, FINAL)


def state_name(state: str) -> str:
    return {
        DRAFT: tr("Đang chuẩn bị", "Draft"),
        SUBMITTED: tr("Đã nộp", "Submitted"),
        ROUND1: tr("Đã thẩm định lần 1", "Round 1 done"),
        EXPLAINED: tr("Đã giải trình", "Explanations sent"),
        ROUND2: tr("Đã thẩm định lần 2", "Round 2 done"),
        FINAL: tr("Đã công bố", "Final"),
    }.get(state, state)
