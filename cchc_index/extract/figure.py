"""A figure found in a report: its variable, its value as written, where it stands and the
words around it that later passes weigh (its label, a stated rate, part of the period)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Figure:
    """One figure found in the text, as written, with the sentence it came from."""

    variable: str
    value: str
    amount: Decimal
    year: int | None
    approximate: bool
    offset: int
    line: int
    sentence: str
    label: str = ""  # the words of its clause before it ("Trong đó, tại Bộ phận Một cửa …")
    rate: Decimal | None = None  # a percentage stated right after it ("đạt tỷ lệ 98,33%")
    rate_places: int = 0
    part_of_period: bool = False  # its sentence opens on a quarter or a month ("Quý III/2021, …")
    tail: str = ""  # the words after it, to the next count ("hồ sơ (gồm cả 122 hồ sơ …")
