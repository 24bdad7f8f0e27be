"""Who files the report and how NĐ 30/2020 prints it: header, number symbol, signature block,
recipients, and the cited guidance with its kind.

Phụ lục I of NĐ 30/2020/NĐ-CP: the superior body (cơ quan chủ quản) above, in capitals, where
common words may be abbreviated ("UBND HUYỆN QUẢNG ĐIỀN"); the issuing body below it in full,
in bold capitals ("ỦY BAN NHÂN DÂN / XÃ QUẢNG AN"); the number line "Số: …/BC-UBND"; a
collective body signs "TM." (thay mặt) above its head's title, a head of a department signs
under his own title. Inside sentences the kinds of unit stay in lower case ("huyện", "xã").
What a profile's `issuer:` block states wins; the rest comes from the unit's level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from cchc_index.docnumber import KIND_TITLES, KIND_TITLES_EN, parse_doc_number
from cchc_index.i18n import lang, tr
from cchc_index.model.bundle import Issuer
from cchc_index.model.framework import Decision

COMMUNE_LEVELS = frozenset({"xã", "phường", "xã_phường", "đặc_khu"})
_COMMITTEE = r"(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)"
_UNIT_KIND = r"(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)"
_HAS_KIND = re.compile(rf"^{_UNIT_KIND}\s", re.IGNORECASE)
_SMALL_WORDS = {"và", "của", "các"}


@dataclass(frozen=True, slots=True)
class Heading:
    """Everything the filed document prints about its issuer."""

    superior: str | None  # the line above, in capitals
    body: tuple[str, ...]  # the issuing body in full, in capitals, one or two lines
    body_in_text: str  # the same inside a sentence: "Ủy ban nhân dân xã Quảng An"
    symbol: str  # UBND, SNV: the report's number is …/BC-<symbol>
    place: str  # địa danh
    signature: tuple[str, ...]  # ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") or ("GIÁM ĐỐC",)
    recipients: tuple[str, ...]

    @property
    def number_line(self) -> str:
        return tr(f"Số: …/BC-{self.symbol}", f"No.: …/BC-{self.symbol}")


def upper(text: str) -> str:
    """Capitals as NĐ 30 prints a body's name: `UBND` stays, `Ủy ban` becomes `ỦY BAN`."""
    return text.upper()


def _with_kind(name: str, kind: str) -> str:
    name = " ".join(name.split())
    return name if _HAS_KIND.match(name) else f"{kind} {name}"


def _lower_kind(name: str) -> str:
    """ "Huyện Quảng Điền" inside a sentence is "huyện Quảng Điền"."""
    found = _HAS_KIND.match(name)
    return name[: found.end()].lower() + name[found.end() :] if found else name


def _committee(of: str) -> str:
    return f"UBND {_lower_kind(of)}"


def _own_name(unit: str) -> str:
    """The unit's name without the committee words: "UBND xã Quảng An" → "xã Quảng An"."""
    return re.sub(rf"^{_COMMITTEE}\s+", "", " ".join(unit.split()), flags=re.IGNORECASE)


def _place_of(name: str) -> str:
    return re.sub(rf"^{_UNIT_KIND}\s+", "", name, flags=re.IGNORECASE) or name


def _initials(name: str) -> str:
    """ "Sở Nội vụ" → "SNV", "Sở Kế hoạch và Đầu tư" → "SKHĐT": the symbol a department uses."""
    words = [w for w in re.split(r"\s+", name) if w and w.lower() not in _SMALL_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _province_body(province: str) -> str:
    return _with_kind(province, "tỉnh")


def _defaults(level: str, unit: str, province: str, district: str | None, year: int) -> Issuer:
    province_name = _province_body(province)
    if level in COMMUNE_LEVELS:
        kind = {"phường": "phường", "đặc_khu": "đặc khu"}.get(level, "xã")
        own = _lower_kind(_with_kind(_own_name(unit), kind))
        if district and year < 2025:  # three tiers: the district is the superior
            superior = _committee(_with_kind(district, "huyện"))
            recipients = [superior, f"Phòng Nội vụ {_lower_kind(_with_kind(district, 'huyện'))}"]
        else:  # two tiers since 1 July 2025: the province is
            superior = _committee(province_name)
            recipients = [f"Sở Nội vụ {_lower_kind(province_name)}"]
        return Issuer(
            body=f"Ủy ban nhân dân {own}",
            superior=superior,
            symbol="UBND",
            signer="Chủ tịch",
            on_behalf="TM. Ủy ban nhân dân",
            place=_place_of(own),
            recipients=tuple(recipients),
        )
    if level == "huyện":
        own = _lower_kind(_with_kind(_own_name(district or unit), "huyện"))
        return Issuer(
            body=f"Ủy ban nhân dân {own}",
            superior=_committee(province_name),
            symbol="UBND",
            signer="Chủ tịch",
            on_behalf="TM. Ủy ban nhân dân",
            place=_place_of(own),
            recipients=(_committee(province_name), f"Sở Nội vụ {_lower_kind(province_name)}"),
        )
    if level == "tỉnh":
        return Issuer(
            body=f"Ủy ban nhân dân {_lower_kind(province_name)}",
            symbol="UBND",
            signer="Chủ tịch",
            on_behalf="TM. Ủy ban nhân dân",
            place=_place_of(province_name),
            recipients=("Bộ Nội vụ",),
        )
    # sở, ban, ngành (and a ministry): the head signs under his own title
    body = re.sub(rf"\s+{_UNIT_KIND}\s.*$", "", " ".join(unit.split()), flags=re.IGNORECASE)
    head = "Trưởng ban" if body.lower().startswith("ban ") else "Giám đốc"
    if level == "bộ":
        head = "Bộ trưởng"
    recipients = [_committee(province_name)] if level != "bộ" else ["Chính phủ"]
    if level != "bộ" and not body.lower().startswith("sở nội vụ"):
        recipients.append(f"Sở Nội vụ {_lower_kind(province_name)}")
    return Issuer(
        body=body,
        superior=_committee(province_name) if level != "bộ" else None,
        symbol=_initials(body) or "VP",
        signer=head,
        on_behalf="",
        place=_place_of(province_name),
        recipients=tuple(recipients),
    )


def heading(
    given: Issuer | None,
    level: str,
    unit: str,
    province: str,
    district: str | None,
    year: int,
) -> Heading:
    """The report's heading: what the profile's `issuer:` gives, the level's defaults for the rest."""
    base = _defaults(level, unit, province, district, year)
    chosen = base.model_copy(
        update={
            k: v for k, v in (given.model_dump() if given else {}).items() if v not in (None, ())
        }
    )
    body = chosen.body or unit
    # the committee's name on two lines, as NĐ 30's samples print it
    split = re.match(rf"^({_COMMITTEE})\s+(.+)$", body, flags=re.IGNORECASE)
    body_lines = ("ỦY BAN NHÂN DÂN", upper(split.group(2))) if split else (upper(body),)
    signature = tuple(upper(line) for line in (chosen.on_behalf, chosen.signer) if line)
    return Heading(
        superior=upper(chosen.superior) if chosen.superior else None,
        body=body_lines,
        body_in_text=body,
        symbol=chosen.symbol or "UBND",
        place=chosen.place or province,
        signature=signature,
        recipients=chosen.recipients,
    )


def cited(decision: Decision) -> str:
    """The guidance as an opening sentence cites it: "Công văn số 1301/UBND ngày 07/09/2020
    của UBND huyện Quảng Điền" (the kind read from the number's symbol; none is a Công văn)."""
    try:
        kind = parse_doc_number(decision.number).kind
        titles = KIND_TITLES_EN if lang() == "en" else KIND_TITLES
        named = f"{titles[kind]} " + tr("số ", "No. ")
    except ValueError:  # "…/HD-SNV": a number the source leaves blank
        named = ""
    when = tr(f" ngày {_date(decision.date)}", f" dated {_date(decision.date)}")
    of = tr(f" của {decision.issuer}", f" of {decision.issuer}")
    return f"{named}{decision.number}{when if decision.date else ''}{of}"


def _date(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""
