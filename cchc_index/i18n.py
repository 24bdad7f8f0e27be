"""Vietnamese first, English on request (`--lang en` or `CCHC_LANG=en`).

Every user-facing string is written as a pair, `tr("tiếng Việt", "English")`, next to
where it is used: no catalogue to drift out of step, and a reader sees both at once.
"""

from __future__ import annotations

import os
from decimal import Decimal

from cchc_index.text import format_number

_LANG = ["vi"]


def set_lang(lang: str | None) -> None:
    """Choose the language: an explicit choice, else `CCHC_LANG`, else Vietnamese."""
    chosen = (lang or os.environ.get("CCHC_LANG") or "vi").strip().lower()[:2]
    _LANG[0] = "en" if chosen == "en" else "vi"


def lang() -> str:
    return _LANG[0]


def tr(vi: str, en: str) -> str:
    return en if _LANG[0] == "en" else vi


def num(value: Decimal, places: int | None = None) -> str:
    """A number as the reader's language writes it: `0,25` and `31.724`, or `0.25` and `31,724`."""
    if _LANG[0] == "en":
        if places is not None:
            return f"{value:,.{places}f}"
        text = f"{value:,f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return format_number(value, places)
