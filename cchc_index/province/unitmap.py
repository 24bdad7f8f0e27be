"""Which old units became which new one: a commune's history across the 2025 merger.

From 1 July 2025 about 10,000 communes became 3,321. A unit map names, for each new unit,
the old units merged into it, so that `results history` shows the new commune's years and,
before them, the years of the communes it was made from.

    # unit-map.yaml
    merged:
      - into: UBND xã Quảng An
        from: [UBND xã Quảng Thành, UBND xã Quảng An]
        date: 01/07/2025
        source: Nghị quyết … của Ủy ban Thường vụ Quốc hội (sắp xếp đơn vị hành chính cấp xã)
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError

from cchc_index.errors import EvidenceError
from cchc_index.fields import Strict, VnDate
from cchc_index.load.pydantic_problems import field_names, problems_from
from cchc_index.source import load_yaml, shown
from cchc_index.text import fold


class Merger(Strict):
    into: str = Field(min_length=1)
    from_: tuple[str, ...] = Field(alias="from", min_length=1)
    date: VnDate | None = None
    source: str | None = None


class UnitMap(Strict):
    merged: tuple[Merger, ...] = Field(min_length=1)
    note: str | None = None

    def before(self, unit: str) -> list[tuple[str, Merger]]:
        """The old units `unit` was made from (its own old name included when listed)."""
        wanted = fold(unit)
        return [(old, m) for m in self.merged if fold(m.into) == wanted for old in m.from_]


def load_unit_map(path: Path) -> UnitMap:
    located = load_yaml(path, shown(path))
    try:
        return UnitMap.model_validate(located.data)
    except ValidationError as exc:
        raise EvidenceError(problems_from(exc, located, field_names([UnitMap, Merger]))) from None
