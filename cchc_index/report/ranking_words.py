"""What every rendering of a ranking shares: the areas its units have, the bands in rank
order, and the name of the layer a unit is ranked on (no cache word such as "stored")."""

from __future__ import annotations

from cchc_index.model.layers import Layer
from cchc_index.model.ranking import RankingRow
from cchc_index.report.layer_words import layer_name


def area_ids(rows: list[RankingRow]) -> list[str]:
    """The area ids of the units, in the order they first appear."""
    seen: dict[str, None] = {}
    for row in rows:
        for area in row.score.areas():
            seen.setdefault(area.node, None)
    return list(seen)


def band_order(rows: list[RankingRow]) -> list[str]:
    """The bands of the units as a ranking shows them: the best first ("—" for none)."""
    seen: dict[str, None] = {}
    for row in sorted(rows, key=lambda r: r.rank):
        seen.setdefault(row.score.band or "—", None)
    return list(seen)


def ranked_on(code: str) -> str:
    """The layer a unit is ranked on, in words (self-assessment or an appraisal round)."""
    return layer_name(Layer(code)) if code in set(Layer) else code
