"""Vietnamese first, English on request (`--lang en` or `CCHC_LANG=en`).

Every user-facing string is written as a pair, `tr("tiếng Việt", "English")`, next to
where it is used: no catalogue to drift out of step, and a reader sees both at once.

The language is a `ContextVar`: the CLI sets it once per command, a renderer can be given
its own (`with using("en"): …`), and nothing reads it at import time. Unset, it follows
`CCHC_LANG`, else Vietnamese.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Literal

from cchc_index.text import format_number

Lang = Literal["vi", "en"]
_LANG: ContextVar[Lang | None] = ContextVar("cchc_index_lang", default=None)


def choose(lang: str | None) -> Lang:
    """An explicit choice, else `CCHC_LANG`, else Vietnamese."""
    chosen = (lang or os.environ.get("CCHC_LANG") or "vi").strip().lower()[:2]
    return "en" if chosen == "en" else "vi"


def set_lang(lang: str | None) -> None:
    """Choose the language of this context (the CLI calls it once per command)."""
    _LANG.set(choose(lang))


def lang() -> Lang:
    current = _LANG.get()
    return current if current is not None else choose(None)


@contextmanager
def using(lang_: str | None) -> Iterator[Lang]:
    """Render in `lang_` inside the block (None: the current language)."""
    token = _LANG.set(choose(lang_) if lang_ is not None else lang())
    try:
        yield lang()
    finally:
        _LANG.reset(token)


def tr(vi: str, en: str) -> str:
    return en if lang() == "en" else vi


def num(value: Decimal, places: int | None = None) -> str:
    """A number as the reader's language writes it: `0,25` and `31.724`, or `0.25` and `31,724`."""
    if lang() == "en":
        if places is not None:
            return f"{value:,.{places}f}"
        text = f"{value:,f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return format_number(value, places)
