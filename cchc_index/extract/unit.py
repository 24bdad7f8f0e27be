"""Who wrote the report, so that "của UBND xã" can be told from "của UBND tỉnh".

A report names itself by its level and place ("UBND xã Quảng An", the place line
"Quảng An, ngày …") and its own documents carry its code ("…/KH-UBND"). Anything else that
issues a document (the province, the Government, the Party committee) is an outside body.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from cchc_index.docnumber import DocKind, DocNumber, ascii_key
from cchc_index.extract.flat import vkey
from cchc_index.extract.patterns import COUNCIL, LEVEL_RE, SYMBOL, capital_run

# Issuer codes in symbols whose body is known without being named in the sentence.
CODE_ISSUERS = {
    "CP": "Chính phủ",
    "TTG": "Thủ tướng Chính phủ",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "VPCP": "Văn phòng Chính phủ",
    "BNV": "Bộ Nội vụ",
    "BTC": "Bộ Tài chính",
    "BTP": "Bộ Tư pháp",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "TW": "Ban Chấp hành Trung ương",
    "BCT": "Bộ Chính trị",
    "TU": "Tỉnh ủy",
    "THU": "Thành ủy",
    "HU": "Huyện ủy",
    "DU": "Đảng ủy",
    "SNV": "Sở Nội vụ",
    "HDND": "HĐND",
}
_SELF_PREFIX = re.compile(
    r"^(?:tm\.?\s+)?(?:phó\s+)?(?:chủ tịch|thường trực|lãnh đạo|bộ trưởng|giám đốc|thủ trưởng)?\s*"
)
_COUNCIL_WORDS = re.compile(r"^(?:ủy ban nhân dân|ubnd|ủy ban)\s*")
_LEVEL_PLACE = re.compile(rf"^(?P<level>{LEVEL_RE})\b\s*(?P<place>.*)$")


@dataclass(frozen=True)
class Unit:
    """The reporting unit as far as it is known: level word, place, own code, other names."""

    level: str | None = None  # "xã", "huyện", "tỉnh" …
    place: str | None = None  # "Quảng An"
    code: str = "UBND"
    province: str | None = None
    district: str | None = None
    names: tuple[str, ...] = ()

    @property
    def name(self) -> str | None:
        if self.level and self.place:
            return f"UBND {self.level} {self.place}"
        return self.names[0] if self.names else None

    def is_self(self, phrase: str) -> bool:
        """True when an issuer phrase ("UBND xã", "Ủy ban nhân dân xã Quảng An") is the unit."""
        key = vkey(phrase).strip(" .,;:")
        if any(key == vkey(n) or key.endswith(" " + vkey(n)) for n in self.names if n):
            return True
        key = _SELF_PREFIX.sub("", key).strip()
        # "của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", read to its first comma: the unit
        # "Bộ Văn hoá, Thể thao và du lịch" by its head ("Bộ trưởng" leads it)
        if any(key and key == vkey(n).split(",")[0].strip() for n in self.names if "," in n):
            return True
        council = _COUNCIL_WORDS.match(key)
        if council and ascii_key(self.code) != "UBND":
            return False  # "…/QĐ-TTPVHCC": a body under the council reports, not the council
        rest = key[council.end() :] if council else key
        if council and not rest:
            return True  # a bare "UBND": the report's own council
        match = _LEVEL_PLACE.match(rest)
        if match is None:
            return False  # "Chính phủ", "HĐND xã", "Sở Nội vụ"
        place = match["place"].strip()
        same_place = self.place is not None and place == vkey(self.place)
        if self.level is None:
            return same_place
        return vkey(match["level"]) == vkey(self.level) and (place == "" or same_place)

    def owns_code(self, number: DocNumber) -> bool:
        """True when the symbol's issuer code is the unit's own (`…/KH-UBND` for a UBND)."""
        if number.kind in (DocKind.ND, DocKind.TT) or number.party_style:
            return False
        head = ascii_key(number.issuer).split("-")[0]
        return head == ascii_key(self.code)

    def code_issuer(self, number: DocNumber) -> str:
        """The body behind an outside code (`NĐ-CP` → Chính phủ); the code itself if unknown."""
        parts = ascii_key(number.issuer).split("-")
        # "220/CĐ-TTg": a kind the symbol's order does not know ("CĐ"), then the body
        for head in dict.fromkeys((parts[0], parts[-1])):
            for code, body in CODE_ISSUERS.items():
                if head == code or (code == "QH" and re.fullmatch(r"QH\d+", head)):
                    return f"HĐND {self.level}" if code == "HDND" and self.level else body
        return number.issuer


_NAMED = re.compile(rf"^(?:{COUNCIL}\s+)?(?P<level>{LEVEL_RE})\s+(?P<place>.+)$", re.I)


def parse_unit_name(name: str) -> tuple[str | None, str | None]:
    """Level and place of "UBND xã Quảng An", "ỦY BAN NHÂN DÂN HUYỆN NGA SƠN", "xã Quảng An"."""
    text = " ".join(name.split())
    if text.isupper():
        text = text.title()
    match = _NAMED.match(text)
    if match is None:
        return None, None
    return " ".join(match["level"].lower().split()), match["place"].strip(" .,")


_SELF_NAMED = re.compile(rf"{COUNCIL}\s+(?P<level>{LEVEL_RE})\s+(?=(?P<rest>[^\n]{{0,40}}))", re.I)
_PLACE_OF = {
    "province": re.compile(r"\b(?:tỉnh|Tỉnh)\s+(?P<rest>[^\n]{0,40})"),
    "district": re.compile(r"\b(?:huyện|Huyện|thị xã|quận)\s+(?P<rest>[^\n]{0,40})"),
}


def infer_unit(text: str, place: str | None, own: DocNumber | None) -> Unit:
    """The unit from the report: its place line, its own number and how it names itself.

    Read by the sentence's structure, not by how often a body is named: a council that
    reports ("UBND xã Quảng An báo cáo …") is the unit; one named as a document's issuer
    ("… của UBND huyện Quảng Điền") is not counted; among the rest, ties go to the lower
    level (a report cites the bodies above it)."""
    levels: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    named: Counter[tuple[str, str]] = Counter()
    office: str | None = None  # "Văn phòng UBND tỉnh báo cáo …": the council's Office reports
    for match in _SELF_NAMED.finditer(text):
        word = " ".join(match["level"].lower().split())
        run = capital_run(match["rest"].split())
        name = " ".join(run)
        weight = _weight(text, match, run)
        if weight == 0:
            continue
        if _OFFICE.search(text, max(0, match.start() - 12), match.start()):
            if weight >= _REPORTING and office is None:
                office = "Văn phòng " + " ".join([*match.group(0).split(), *run])
            continue  # the Office is another body than its council
        levels[word] += weight
        named[(word, name)] += weight
        if place and name and vkey(name) == vkey(place):
            exact[word] += weight
    if office is not None and not any(c >= _REPORTING for c in levels.values()):
        # the unit is the Office: "… của UBND tỉnh" is its council's, not its own
        names = {k: _most_common_name(text, pattern, place) for k, pattern in _PLACE_OF.items()}
        code = own.issuer.split("-")[0] if own is not None and not own.party_style else "VPUBND"
        return Unit(None, None, code, names["province"], None, (office,))
    chosen = sorted((exact or levels).items(), key=lambda kv: (-kv[1], _RANK.get(kv[0], 9)))
    level: str | None = chosen[0][0] if chosen else None
    if place is None and level is not None:  # no place line: the name it calls itself most
        ranked = sorted(
            ((n, c) for (lv, n), c in named.items() if lv == level and n),
            key=lambda nc: -nc[1],
        )
        place = ranked[0][0] if ranked else None
    names = {k: _most_common_name(text, pattern, place) for k, pattern in _PLACE_OF.items()}
    code = own.issuer.split("-")[0] if own is not None and not own.party_style else "UBND"
    district = names["district"] if level in {"xã", "phường", "thị trấn"} else None
    province = names["province"] if level != "tỉnh" else place
    return Unit(level, place, code, province, district)


# Lower levels first: a report names the bodies above it, seldom the one below.
_RANK = {"xã": 0, "phường": 0, "thị trấn": 0, "đặc khu": 0, "huyện": 1, "quận": 1, "thị xã": 1,
         "thành phố": 1, "tỉnh": 2}  # fmt: skip
_ISSUER_OF = re.compile(r"(?:của|do|Của|Do)\s*$")
_OFFICE = re.compile(r"(?i)(?<!\w)văn\s+phòng\s+$")
_REPORTING = 100  # the weight of a body that is the subject of "báo cáo"
_REPORTS = re.compile(r"\s*(?:xin\s+|kính\s+)?báo\s+cáo\b", re.IGNORECASE)


def _weight(text: str, match: re.Match[str], run: list[str]) -> int:
    """How much one mention tells about who reports: much when it is the subject of "báo
    cáo", nothing when it names a cited document's issuer ("số 3/KH-UBND … của UBND huyện
    …"; "Thống kê của UBND tỉnh" still counts)."""
    if _ISSUER_OF.search(text[max(0, match.start() - 8) : match.start()]):
        before = text[max(0, match.start() - 160) : match.start()]
        cut = max(before.rfind(";"), before.rfind("\n"), before.rfind(". "))
        if SYMBOL.search(before[cut + 1 :]):  # "Kế hoạch số 3/KH-UBND … của UBND huyện"
            return 0
    end = match.start("rest")
    if run:
        end = text.find(run[-1], end) + len(run[-1])
    return _REPORTING if _REPORTS.match(text, end) else 1


def _most_common_name(text: str, pattern: re.Pattern[str], place: str | None) -> str | None:
    counts: Counter[str] = Counter()
    for match in pattern.finditer(text):
        name = " ".join(capital_run(match["rest"].split(), 4))
        if name and (place is None or vkey(name) != vkey(place)):
            counts[name] += 1
    return counts.most_common(1)[0][0] if counts else None
