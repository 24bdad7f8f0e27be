"""The four verdicts a field can get, and one field's check."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from cchc_index.i18n import tr


class Verdict(enum.StrEnum):
    MATCH = "match"
    DIFFERS = "differs"
    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"

    def shown(self) -> str:
        vi, en = _WORDS[self]
        return tr(vi, en)


_WORDS = {
    Verdict.MATCH: ("khớp", "matches"),
    Verdict.DIFFERS: ("khác", "differs"),
    Verdict.NOT_FOUND: ("không thấy", "not found"),
    Verdict.UNREADABLE: ("không đọc được", "unreadable"),
}
FIELDS = ("number", "date", "issuer", "subject")
FIELD_WORDS = {
    "number": ("số, ký hiệu", "number"),
    "date": ("ngày", "date"),
    "issuer": ("cơ quan ban hành", "issuer"),
    "subject": ("trích yếu", "title"),
    "photo_date": ("ngày chụp", "photo date"),
    "link": ("đường link", "link"),
}


def field_shown(name: str) -> str:
    vi, en = FIELD_WORDS[name]
    return tr(vi, en)


@dataclass(frozen=True)
class FieldCheck:
    """One field's verdict; `found` is what the file says (for differs, and for an unsure
    reading), `note` why."""

    field: str
    verdict: Verdict
    found: str | None = None
    note: str | None = None

    def text(self) -> str:
        shown = self.verdict.shown()
        if self.verdict is Verdict.DIFFERS and self.found:
            shown += tr(f" (tệp ghi: {self.found})", f" (file says: {self.found})")
        elif self.found and self.verdict is not Verdict.MATCH:
            shown += tr(f" (đọc được: {self.found})", f" (read: {self.found})")
        if self.note:
            shown += f"; {self.note}"
        return shown
