"""The decision a table belongs to, read from the document's text around the table."""

from __future__ import annotations

import re
from typing import Any

from cchc_index.importer.table import plain as fold

_NUMBER = re.compile(
    r"(?:Quyết định|Hướng dẫn|Công văn|Kế hoạch)\s+số\s*:?\s*([0-9…\.]+\s*/\s*[0-9]{0,4}/?[A-ZĐa-zđ\-]+(?:-[A-ZĐ]+)*)",
    re.I,
)
_DATE = re.compile(r"ngày\s*(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})", re.I)
_ISSUER = re.compile(
    r"của\s+((?:Ủy ban nhân dân|UBND|Sở Nội vụ|Phòng Nội vụ|Bộ Nội vụ)[^)\n,.;]*)", re.I
)
_PROVINCE = re.compile(r"tỉnh\s+([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,2})")
_SCHEME = re.compile(r"(\d+/QĐ-BNV)")


def read_header(preamble: str) -> tuple[dict[str, Any], list[str]]:
    """Decision number, date, issuer, province, year, level and scheme where the text has
    them; and the fields that had to be left for a person to fill."""
    found: dict[str, Any] = {}
    missing: list[str] = []
    number = _NUMBER.search(preamble)
    found["number"] = number[1].replace(" ", "") if number else "chưa rõ"
    date = _DATE.search(preamble[number.end() :] if number else preamble)
    if date:
        found["date"] = f"{int(date[1]):02d}/{int(date[2]):02d}/{date[3]}"
    issuer = _ISSUER.search(preamble)
    found["issuer"] = issuer[1].strip() if issuer else "chưa rõ"
    province = _PROVINCE.search(preamble)
    found["province"] = province[1] if province else "chưa rõ"
    years = re.findall(r"năm\s+(20\d\d)", preamble, re.I) or re.findall(r"/(20\d\d)\b", preamble)
    found["year"] = int(years[0]) if years else None
    folded = fold(preamble)
    found["level"] = (
        "xã"
        if "cap xa" in folded or "xa, phuong" in folded
        else "huyện"
        if "huyen" in folded
        else "sở"
        if "so, ban, nganh" in folded or "co quan chuyen mon" in folded
        else None
    )
    scheme = _SCHEME.search(preamble)
    if scheme:
        found["scheme"] = scheme[1]
    for key in ("number", "issuer", "province"):
        if found[key] == "chưa rõ":
            missing.append(key)
    missing += [key for key in ("year", "level", "date") if not found.get(key)]
    return found, missing
