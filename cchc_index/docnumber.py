"""Document numbers and symbols (số, ký hiệu): `452/KH-UBND`, `61/2018/NĐ-CP`, `49-NQ/ĐU`."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from functools import lru_cache

from cchc_index.text import nfc


class DocKind(enum.StrEnum):
    """Kinds of administrative document, by the abbreviation in their symbol."""

    QD = "QĐ"
    KH = "KH"
    BC = "BC"
    TB = "TB"
    NQ = "NQ"
    CTR = "CTr"
    HD = "HD"
    KL = "KL"
    TTR = "TTr"
    ND = "NĐ"
    TT = "TT"
    CT = "CT"
    QYD = "QyĐ"
    QC = "QC"
    BB = "BB"
    GM = "GM"
    CV = "CV"


KIND_TITLES: dict[DocKind, str] = {
    DocKind.QD: "Quyết định",
    DocKind.KH: "Kế hoạch",
    DocKind.BC: "Báo cáo",
    DocKind.TB: "Thông báo",
    DocKind.NQ: "Nghị quyết",
    DocKind.CTR: "Chương trình",
    DocKind.HD: "Hướng dẫn",
    DocKind.KL: "Kết luận",
    DocKind.TTR: "Tờ trình",
    DocKind.ND: "Nghị định",
    DocKind.TT: "Thông tư",
    DocKind.CT: "Chỉ thị",
    DocKind.QYD: "Quy định",
    DocKind.QC: "Quy chế",
    DocKind.BB: "Biên bản",
    DocKind.GM: "Giấy mời",
    DocKind.CV: "Công văn",
}
KIND_TITLES_EN: dict[DocKind, str] = {
    DocKind.QD: "Decision",
    DocKind.KH: "Plan",
    DocKind.BC: "Report",
    DocKind.TB: "Notice",
    DocKind.NQ: "Resolution",
    DocKind.CTR: "Programme",
    DocKind.HD: "Guidance",
    DocKind.KL: "Conclusion",
    DocKind.TTR: "Submission",
    DocKind.ND: "Decree",
    DocKind.TT: "Circular",
    DocKind.CT: "Directive",
    DocKind.QYD: "Regulation",
    DocKind.QC: "Rules",
    DocKind.BB: "Minutes",
    DocKind.GM: "Invitation",
    DocKind.CV: "Official letter",
}


def ascii_key(text: str) -> str:
    """Upper-case key with Đ read as D, so `QD`, `Qđ` and `QĐ` are one kind."""
    return nfc(text).replace("đ", "d").replace("Đ", "D").upper()


_KIND_BY_KEY = {ascii_key(k.value): k for k in DocKind}
_TITLE_BY_KEY = {ascii_key(t): k for k, t in KIND_TITLES.items()}


def kind_from_text(text: str) -> DocKind | None:
    """A kind from its symbol (`QD`, `KH`) or its name (`Quyết định`, `kế hoạch`)."""
    key = ascii_key(" ".join(text.split()))
    return _KIND_BY_KEY.get(key) or _TITLE_BY_KEY.get(key)


@dataclass(frozen=True, slots=True)
class DocNumber:
    """A parsed number and symbol, with one canonical spelling."""

    number: str
    kind: DocKind
    issuer: str
    year: int | None = None
    party_style: bool = False  # `49-NQ/ĐU`: the Party's order of parts

    # computed once when made (a parsed number is shared through `parse_doc_number`'s cache):
    # plain attributes, read for every document of every unit
    symbol: str = field(init=False, compare=False, repr=False)
    key: str = field(init=False, compare=False, repr=False)  # identity for matching

    def __post_init__(self) -> None:
        if self.party_style:
            symbol = f"{self.number}-{self.kind.value}/{self.issuer}"
        else:
            year = f"{self.year}/" if self.year else ""
            middle = "" if self.kind is DocKind.CV else f"{self.kind.value}-"
            symbol = f"{self.number}/{year}{middle}{self.issuer}"
        object.__setattr__(self, "symbol", symbol)
        # identity for matching: case, `Đ`/`D` and leading zeros do not matter. One string
        # (its hash is kept; a tuple holding the enum would hash through Python each time),
        # joined by a control character no accepted text holds
        parts = (self.number.lstrip("0") or "0", str(self.year or ""), self.kind.value)
        object.__setattr__(self, "key", "\x1f".join((*parts, ascii_key(self.issuer))))


_PREFIX = re.compile(r"^(?:số\s*:?\s*)+", re.IGNORECASE)
_PARTY = re.compile(r"^(\d+[a-z]?)-([^/\s]+)/(\S+)$", re.IGNORECASE)
# "66.7/2025/NQ-CP": the Government numbers some resolutions of one series 66.1, 66.2, …
_STATE = re.compile(r"^(\d+(?:\.\d{1,2})?[a-z]?)/(?:(\d{4})/)?(\S+)$", re.IGNORECASE)


def _issuer(text: str) -> str:
    return nfc(text).strip("-/ ")


@lru_cache(maxsize=65536)
def parse_doc_number(raw: str) -> DocNumber:
    """Parse a document number as people type it; raise ValueError saying what is missing."""
    text = _PREFIX.sub("", nfc(raw).strip())
    text = re.sub(r"\s*([/\-])\s*", r"\1", text).strip()
    party = _PARTY.match(text)
    if party:
        number, kind_text, issuer = party.groups()
        kind = kind_from_text(kind_text)
        if kind is None:
            raise ValueError(f"không nhận ra loại văn bản {kind_text!r} trong {raw!r}")
        return DocNumber(number, kind, _issuer(issuer), party_style=True)
    state = _STATE.match(text)
    if not state:
        raise ValueError(
            f"số, ký hiệu {raw!r} thiếu loại văn bản (dạng 452/KH-UBND, 61/2018/NĐ-CP, 1301/UBND)"
        )
    number, year_text, rest = state.groups()
    year = int(year_text) if year_text else None
    head, sep, tail = rest.partition("-")
    kind = kind_from_text(head) if sep else None
    if kind is None:
        if not re.search(r"[A-Za-zĐđ]", rest):
            raise ValueError(f"số, ký hiệu {raw!r} thiếu loại văn bản và cơ quan ban hành")
        return DocNumber(number, DocKind.CV, _issuer(rest), year)
    if not tail:
        raise ValueError(f"số, ký hiệu {raw!r} thiếu cơ quan ban hành sau dấu '-'")
    return DocNumber(number, kind, _issuer(tail), year)
