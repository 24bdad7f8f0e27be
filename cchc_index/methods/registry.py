"""The closed vocabulary of scoring methods: name → class, and nothing else.

The 14 patterns of frameworks.md section D map to it as follows: 1 presence, 2 timeliness,
3 qualitative, 4 ratio_bands, 5 all_of, 6 pro_rata, 7 count_ladder, 8 growth, 9 `if_none:
full` on a ratio, 10 a node's `not_applicable` policy (or `if_none: not_applicable`),
11 survey, 12 bonus and deduction, 13 formula, 14 the roll-up in `evaluate`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from cchc_index.methods.base import MethodBase
from cchc_index.methods.counts import Bonus, CountLadder, Deduction, Formula
from cchc_index.methods.documents import AllOf, Presence, Timeliness
from cchc_index.methods.ratios import Growth, ProRata, RatioBands
from cchc_index.methods.special import Qualitative, Survey

METHODS: dict[str, type[MethodBase]] = {
    "presence": Presence,
    "timeliness": Timeliness,
    "qualitative": Qualitative,
    "ratio_bands": RatioBands,
    "all_of": AllOf,
    "pro_rata": ProRata,
    "count_ladder": CountLadder,
    "growth": Growth,
    "survey": Survey,
    "bonus": Bonus,
    "deduction": Deduction,
    "formula": Formula,
}

Method = Annotated[
    Presence
    | Timeliness
    | Qualitative
    | RatioBands
    | AllOf
    | ProRata
    | CountLadder
    | Growth
    | Survey
    | Bonus
    | Deduction
    | Formula,
    Field(discriminator="type"),
]


def get(name: str) -> type[MethodBase]:
    """The method called `name`, or a KeyError that lists the vocabulary."""
    try:
        return METHODS[name]
    except KeyError:
        raise KeyError(f"no such method: {name!r} (có: {', '.join(METHODS)})") from None
