"""Did you mean: the nearest valid name for a mistyped key, id or file."""

from __future__ import annotations

from collections.abc import Iterable

from cchc_index.i18n import tr


def suggest(word: str, choices: Iterable[str]) -> str:
    """` (có phải ý bạn là 'x'?)` when a close match exists, else ''."""
    import difflib  # only a mistake needs it: not loaded by every run

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    if not close:
        return ""
    return tr(f" (có phải ý bạn là '{close[0]}'?)", f" (did you mean '{close[0]}'?)")
