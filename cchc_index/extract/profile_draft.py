"""profile.yaml of a draft: who the unit is, as far as the report tells, and what is unknown."""

from __future__ import annotations

import datetime as dt

from cchc_index.extract.unit import Unit
from cchc_index.i18n import tr

LEVELS = {
    "xã": "xã",
    "phường": "phường",
    "thị trấn": "xã_phường",
    "đặc khu": "đặc_khu",
    "huyện": "huyện",
    "quận": "huyện",
    "thị xã": "huyện",
    "thành phố": "huyện",
    "tỉnh": "tỉnh",
}


def draft_profile(
    unit: Unit, year: int | None, framework: str | None = None
) -> tuple[dict[str, object], list[str]]:
    """The profile mapping, and a warning for every field a person must fill in;
    `framework` is the id of the framework the draft was drafted for (its variables), so
    that `score` of the draft reads the same framework."""
    profile = _profile(unit, year)
    if framework:
        profile["framework"] = framework
    return profile, _warnings(unit, year)


def _profile(unit: Unit, year: int | None) -> dict[str, object]:
    name = unit.name or (
        unit.names[0] if unit.names else tr("(chưa rõ tên đơn vị)", "(unit name unknown)")
    )
    profile: dict[str, object] = {"name": name}
    if unit.level and unit.place:
        full = {"UBND": "Ủy ban nhân dân"}.get(unit.code, unit.code)
        profile["aliases"] = [f"{full} {unit.level} {unit.place}", f"{unit.level} {unit.place}"]
    profile["level"] = LEVELS.get(unit.level or "", "xã")
    profile["province"] = unit.province or ""
    if unit.district:
        profile["district"] = unit.district
    profile["year"] = year or dt.date.today().year
    return profile


def _warnings(unit: Unit, year: int | None) -> list[str]:
    warnings: list[str] = []
    if not unit.name:
        warnings.append(
            tr(
                "profile.yaml: chưa rõ tên đơn vị, hãy điền 'name'",
                "profile.yaml: unit name unknown, fill in 'name'",
            )
        )
    if unit.level not in LEVELS:
        warnings.append(
            tr(
                "profile.yaml: chưa rõ cấp đơn vị, đã tạm ghi 'xã'",
                "profile.yaml: level unknown, 'xã' written for now",
            )
        )
    if not unit.province:
        warnings.append(
            tr(
                "profile.yaml: chưa rõ tỉnh, hãy điền 'province'",
                "profile.yaml: province unknown, fill in 'province'",
            )
        )
    if year is None:
        warnings.append(
            tr(
                "profile.yaml: chưa rõ năm đánh giá, hãy dùng --year",
                "profile.yaml: assessment year unknown, use --year",
            )
        )
    return warnings
