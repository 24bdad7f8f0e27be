"""Evidence text ("Kế hoạch CCHC hàng năm 2021", "Ảnh …", "đường link …") → typed products."""

from __future__ import annotations

import re
from typing import Any

from cchc_index.docnumber import kind_from_text
from cchc_index.importer.table import plain as fold

_KINDS = (
    "quyết định",
    "kế hoạch",
    "báo cáo",
    "thông báo",
    "nghị quyết",
    "chương trình",
    "hướng dẫn",
    "kết luận",
    "tờ trình",
    "công văn",
)


_OTHER = re.compile(
    r"(?:của|do)\s+((?:UBND|Ủy ban nhân dân|Sở|Bộ|Văn phòng|Thủ tướng|HĐND|Hội đồng nhân dân)"
    r"[^,;()]*)",
    re.IGNORECASE,
)


def slug(text: str, limit: int = 40) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
    return words[:limit].rstrip("-") or "san-pham"


def subject(text: str) -> list[str]:
    """Keywords a document's subject must hold: the PAR words, and a year when named."""
    found = []
    folded = fold(text)
    if "cchc" in folded or "cai cach hanh chinh" in folded:
        found.append("cải cách hành chính")
    if "tuyen truyen" in folded:
        found.append("tuyên truyền")
    if (year := re.search(r"\bnăm (\d{4})\b", text)) is not None:
        found.append(f"năm {year[1]}")
    elif "giai đoạn" in text.lower():
        found.append("giai đoạn")
    return found


def document_kind(text: str) -> str | None:
    lowered = text.lower()
    for word in _KINDS:
        if word in lowered:
            kind = kind_from_text(word)
            return kind.value if kind else None
    return None


def products(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Products from an evidence cell, and the lines that could not be typed (kept for review)."""
    found: list[dict[str, Any]] = []
    unknown: list[str] = []
    for line in (x.strip(" -–•+") for x in re.split(r"\n|;", text or "")):
        if not line:
            continue
        lowered = line.lower()
        kind = document_kind(line)
        if kind is not None:
            product = {"id": slug(line), "type": "document", "title": line, "doc_kind": kind}
            if words := subject(line):
                product["subject"] = words
            if (other := _OTHER.search(line)) is not None:  # issued by a higher body, not the unit
                product["issuer"] = "other"
                product["issuer_name"] = other[1].strip()
            found.append(product)
        elif "ảnh" in lowered.split() or "hình ảnh" in lowered:
            found.append({"id": slug(line), "type": "photo", "title": line})
        elif "link" in lowered or "đường dẫn" in lowered or "website" in lowered:
            found.append({"id": slug(line), "type": "link", "title": line})
        else:
            unknown.append(line)
    seen: set[str] = set()
    unique = []
    for product in found:
        if product["id"] not in seen:
            seen.add(product["id"])
            unique.append(product)
    return unique, unknown
