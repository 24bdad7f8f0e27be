"""Units → ranking, with the tie rule.

Units are ranked by their index (Chỉ số, total ÷ applicable maximum × 100, as provinces
publish it; with equal maxima this is the order of the totals). Units with the same index
share a rank and the next rank skips ("1, 2, 2, 4": standard competition ranking). A unit
whose applicable maximum is 0 has no index and comes last. Within a shared rank, units are
listed by name (case- and Unicode-form-blind), then folder, so the ranking never depends on
the order the bundles were found. Units of different frameworks or years are ranked
separately, and so are the blocks (khối: sở, phường, xã) a framework or province file defines.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from cchc_index.model.ranking import FailedUnit, Ranking, RankingRow, UnitScore
from cchc_index.text import fold

_NONE = Decimal(-1)  # below every index: units without one come last


def _order(score: UnitScore) -> tuple[int, str, str, Decimal, str, str]:
    index = score.index_percent if score.index_percent is not None else _NONE
    block = score.block or ""
    return (-score.year, score.framework, block, -index, fold(score.unit), score.folder)


def rank(
    scores: Iterable[tuple[UnitScore, bool]],
    failed: Iterable[FailedUnit] = (),
    run_id: int | None = None,
) -> Ranking:
    """Rank `(score, reused)` pairs; `failed` units are listed apart, sorted by folder."""
    ordered = sorted(scores, key=lambda pair: _order(pair[0]))
    rows: list[RankingRow] = []
    group: tuple[int, str, str | None] | None = None
    position, current, last = 0, 0, None
    for score, reused in ordered:
        key = (score.year, score.framework, score.block)
        if key != group:
            group, position, current, last = key, 0, 0, None
        position += 1
        if score.index_percent != last or current == 0:
            current, last = position, score.index_percent
        rows.append(RankingRow(current, score, reused))
    return Ranking(tuple(rows), tuple(sorted(failed, key=lambda f: f.folder)), run_id)
