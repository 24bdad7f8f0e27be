"""Starter cases for what the importer recognised: for each scored unit it can read, one case
that earns and one that does not, so `cchc-index test` runs on the imported folder at once.

They state the importer's reading as checkable examples; a reviewer confirms or corrects
them with the review list (they are marked so in their `note`).
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import yaml

from cchc_index.methods.documents import Timeliness
from cchc_index.methods.ratios import Band, RatioBands
from cchc_index.model.framework import DocumentProduct, Framework, Leaf, StatisticProduct

NOTE = "sinh khi nhập bảng: kiểm tra lại theo danh sách rà soát"


def _evidence(unit: Leaf, year: int, stats: dict[str, Decimal]) -> dict[str, Any]:
    """Every product of the unit present and compliant; statistics as given."""
    evidence: dict[str, Any] = {}
    node = unit.id.split("#")[0]
    for i, product in enumerate(unit.evidence, start=1):
        if isinstance(product, DocumentProduct):
            date = product.deadline.resolve(year) if product.deadline else None
            when = date.strftime("%d/%m/%Y") if date else f"15/01/{year}"
            words = " ".join(product.subject)
            evidence.setdefault("documents", []).append(
                {
                    "number": f"{i}/{product.doc_kind.value}-UBND",
                    "date": when,
                    "subject": f"{product.title} {words}".strip(),
                    "for": node,
                }
            )
        elif isinstance(product, StatisticProduct):
            evidence.setdefault("statistics", {}).update(
                {v: str(stats.get(v, 0)) for v in product.variables}
            )
        else:
            key = "links" if product.type == "link" else "photos"
            item = (
                {"url": f"https://vi-du.gov.vn/{product.id}"}
                if key == "links"
                else {"file": f"anh/{product.id}.jpg"}
            )
            evidence.setdefault(key, []).append({**item, "title": product.title, "for": unit.id})
    return evidence


def _ratio(unit: Leaf) -> tuple[dict[str, Decimal], Decimal, dict[str, Decimal], Decimal] | None:
    method = unit.scoring
    if not isinstance(method, RatioBands):
        return None
    fixed = [b for b in method.bands if b.points is not None]
    if not fixed:
        return None

    def inside(band: Band) -> Decimal | None:
        low = band.lower()
        value = Decimal(0) if low is None else low[0] + (0 if low[1] else 1)
        high = band.upper()
        if value > 100 or (
            high is not None and (value > high[0] or (value == high[0] and not high[1]))
        ):
            return None
        return value

    best = max(fixed, key=lambda b: b.points or 0)
    worst = min(fixed, key=lambda b: b.points or 0)
    hi, lo = inside(best), inside(worst)
    if hi is None or lo is None or best.points is None or worst.points is None:
        return None
    if best.points == worst.points:
        return None
    num, den = method.numerator[0], method.denominator[0]
    return {num: hi, den: Decimal(100)}, best.points, {num: lo, den: Decimal(100)}, worst.points


def starter_cases(framework: Framework) -> dict[str, str]:
    """`<area>.cases.yaml` text for every area with a unit the importer could read."""

    year = framework.meta.year
    files: dict[str, list[dict[str, Any]]] = {}
    for area, _criterion, _node, unit in framework.units():
        kind = unit.scoring.type
        cases: list[tuple[str, dict[str, Any], Decimal]] = []
        if kind == "qualitative":
            ok = _evidence(unit, year, {})
            met = {
                **copy.deepcopy(ok),
                "declarations": {
                    "qualitative": [{"node": unit.id, "result": "đạt", "explanation": "ví dụ"}]
                },
            }
            not_met = {
                **copy.deepcopy(ok),
                "declarations": {
                    "qualitative": [
                        {"node": unit.id, "result": "không đạt", "explanation": "ví dụ"}
                    ]
                },
            }
            earned = getattr(unit.scoring, "points", None) or unit.points
            cases = [("dat", met, earned), ("khong-dat", not_met, Decimal(0))]
        elif isinstance(unit.scoring, Timeliness):
            on_time = unit.scoring.on_time
            cases = [("dung-han", _evidence(unit, year, {}), on_time), ("khong-co", {}, Decimal(0))]
        elif kind == "ratio_bands" and (found := _ratio(unit)) is not None:
            high, got_high, low, got_low = found
            cases = [
                ("muc-cao-nhat", _evidence(unit, year, high), got_high),
                ("muc-thap-nhat", _evidence(unit, year, low), got_low),
            ]
        for name, evidence, points in cases:
            case: dict[str, Any] = {
                "name": f"{unit.id.replace('#', '-')}-{name}",
                "note": NOTE,
                "node": unit.id,
            }
            if evidence:
                case["evidence"] = evidence
            case["expect"] = {"points": str(points)}
            files.setdefault(area.id, []).append(case)
    return {
        f"{aid}.cases.yaml": yaml.safe_dump(c, allow_unicode=True, sort_keys=False)
        for aid, c in files.items()
    }
