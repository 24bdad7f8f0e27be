"""The laws of the distribution of items across units (`province.spread`): every unit in
one share of each item, the points lost are the units' own losses, the order is by loss."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cchc_index.model.result import Status
from cchc_index.model.spread import (
    FULL,
    NOT_COUNTED,
    PARTIAL,
    SHARES,
    WAITING,
    ZERO,
    LeafRow,
    lost_of,
    share_of,
)
from cchc_index.province.spread import spread

QUARTER = Decimal("0.25")


@st.composite
def leaf_rows(draw: st.DrawFn) -> list[LeafRow]:
    nodes = draw(st.lists(st.sampled_from(["1.1", "1.2", "2.1", "3.4"]), min_size=1, unique=True))
    units = draw(st.integers(1, 6))
    rows = []
    for node in nodes:
        top = QUARTER * draw(st.integers(0, 8))
        adjustment = draw(st.sampled_from([0, 0, 1, -1]))
        for u in range(units):
            points = QUARTER * draw(st.integers(0, int(top / QUARTER)))
            status = draw(st.sampled_from([s.value for s in Status]))
            rows.append(LeafRow(f"u{u}", node, f"mục {node}", top, points, status, adjustment))
    return rows


@given(leaf_rows(), st.randoms())
def test_every_unit_is_in_one_share_and_the_losses_add_up(rows: list[LeafRow], rnd) -> None:  # type: ignore[no-untyped-def]
    found = spread(rows)
    for item in found:
        mine = [r for r in rows if r.node == item.node]
        folders = [f for share in SHARES for f in item.folders.get(share, ())]
        assert sorted(folders) == sorted(r.folder for r in mine)  # a partition of the units
        assert item.lost == sum(
            (lost_of(r.points, r.max_points, r.status, r.adjustment) for r in mine), Decimal(0)
        )
        assert item.lost >= 0 and item.units_losing <= item.units
        if item.mean is not None:
            assert 0 <= item.mean <= item.max_points
    losses = [(-s.lost, -s.units_losing, s.node) for s in found]
    assert losses == sorted(losses)
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert spread(shuffled) == found  # the order of the rows changes nothing


def test_the_shares() -> None:
    one, half = Decimal(1), Decimal("0.5")
    assert share_of(one, one, Status.MET.value) == FULL
    assert share_of(half, one, Status.PARTLY.value) == PARTIAL
    assert share_of(Decimal(0), one, Status.NOT_MET.value) == ZERO
    assert share_of(Decimal(0), one, Status.MISSING.value) == WAITING
    assert share_of(one, one, Status.PENDING.value) == WAITING
    assert share_of(Decimal(0), one, Status.NOT_APPLICABLE.value) == NOT_COUNTED
    assert share_of(Decimal(0), one, Status.SURVEY.value) == NOT_COUNTED
    # a deduction's points are taken off: none taken is full, the whole cap is zero
    assert share_of(Decimal(0), one, Status.MET.value, -1) == FULL
    assert share_of(one, one, Status.NOT_MET.value, -1) == ZERO
    assert lost_of(half, one, Status.NOT_MET.value, -1) == half
    assert lost_of(Decimal(0), one, Status.NOT_MET.value, 1) == 0  # a bonus not earned
    assert lost_of(Decimal(0), one, Status.NOT_APPLICABLE.value) == 0
