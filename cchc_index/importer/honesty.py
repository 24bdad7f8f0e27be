"""How sure a reading may say it is: "cao" only when the method reaches the node's points and
every scoring line of the source went into it; otherwise the review list says what is off."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from cchc_index.i18n import num, tr
from cchc_index.importer.parse import Option
from cchc_index.methods.registry import parse as parse_method

_DATE = re.compile(r"\b(\d{1,2}/\d{1,2}/\d{4})\b")
_RATIO_METHODS = {"ratio_bands", "pro_rata", "growth", "step_cap"}


def _said(option: Option) -> str:
    return (
        f"«{option.text}: {num(option.points)}»"
        if option.points is not None
        else (f"«{option.text}»")
    )


def honesty(
    method: dict[str, Any], options: list[Option], top: Decimal, deadline: str | None
) -> list[str]:
    """The checks that keep a reading from being rated "cao": the most the method gives when
    it is not the node's points, and the scoring lines of the source it does not use."""
    checks: list[str] = []
    try:
        parsed = parse_method(method)
    except (ValidationError, ValueError):
        return checks  # the method is reported elsewhere (flagged by its recogniser)
    awards: set[Decimal] = {Decimal(0)}
    if not parsed.adjustment:
        reach = parsed.reach(top)
        if reach is not None and reach[1] != top:
            checks.append(
                tr(
                    f"phương pháp '{parsed.type}' cho nhiều nhất {num(reach[1])}, khác {num(top)} điểm của mục: thiếu một phần?",
                    f"method '{parsed.type}' gives at most {num(reach[1])}, not the node's {num(top)} points: a part missing?",
                )
            )
    for tier in parsed.tiers(top):
        awards.add(top if tier.points is None else tier.points)
    unused = []
    for option in options:
        dates = _DATE.findall(option.text)
        percent = "%" in option.text
        if option.points is None and not dates and not percent:
            continue  # not a scoring line: an explanation, an example
        used = option.points is None or option.points in awards or (parsed.adjustment != 0)
        if dates and deadline not in dates:
            used = False
        if percent and parsed.type not in _RATIO_METHODS:
            used = False
        if not used:
            unused.append(_said(option))
    if unused:
        checks.append(
            tr(
                "các dòng chấm điểm của nguồn chưa được dùng: ",
                "scoring lines of the source not used: ",
            )
            + "; ".join(unused)
        )
    return checks
