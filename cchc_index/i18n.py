"""Vietnamese first, English on request (`--lang en` or `CCHC_LANG=en`).

Every user-facing string is written as a pair, `tr("tiếng Việt", "English")`, next to
where it is used: no catalogue to drift out of step, and a reader sees both at once.
"""

from __future__ import annotations

import os

_LANG = ["vi"]


def set_lang(lang: str | None) -> None:
    """Choose the language: an explicit choice, else `CCHC_LANG`, else Vietnamese."""
    chosen = (lang or os.environ.get("CCHC_LANG") or "vi").strip().lower()[:2]
    _LANG[0] = "en" if chosen == "en" else "vi"


def lang() -> str:
    return _LANG[0]


def tr(vi: str, en: str) -> str:
    return en if _LANG[0] == "en" else vi
