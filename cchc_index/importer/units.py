"""One scored unit's pieces: the products its method needs, and the words of the review list."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cchc_index.i18n import num, tr
from cchc_index.importer.evidence_text import document_kind, slug, subject
from cchc_index.importer.parse import Option
from cchc_index.importer.scoring import HIGH, LOW, MEDIUM, Mapped


def unit_evidence(
    variables: dict[str, dict[str, str]],
    uid: str,
    title: str,
    mapped: Mapped,
    found: list[dict[str, Any]],
    checks: list[str],
) -> list[dict[str, Any]]:
    evidence = [dict(p) for p in found]
    if mapped.document and not any(p["type"] == "document" for p in evidence):
        kind = document_kind(title) or "BC"
        evidence.insert(
            0,
            {
                "id": slug(title),
                "type": "document",
                "title": title,
                "doc_kind": kind,
                **({"subject": subject(title)} if subject(title) else {}),
            },
        )
        checks.append(
            tr(
                f"sản phẩm văn bản suy từ tên mục (loại {kind}): kiểm tra",
                f"document product inferred from the title (kind {kind}): check it",
            )
        )
    if mapped.document:
        doc = next(p for p in evidence if p["type"] == "document")
        doc["deadline"] = mapped.deadline or "31/12 năm trước"
    if mapped.statistic:
        for var in mapped.statistic:
            variables[var] = {"title": f"{var} (đặt tên)"}
        evidence.append(
            {
                "id": f"so-lieu-{slug(uid)}",
                "type": "statistic",
                "title": f"Số liệu của mục {uid}",
                "variables": mapped.statistic,
                **({"last_year": True} if mapped.method["type"] == "growth" else {}),
            }
        )
    return evidence


def summary(recognised: str, method: dict[str, Any], evidence: list[dict[str, Any]]) -> str:
    """What was read, with the values a reviewer checks against the table."""
    kind = method["type"]
    if kind == "timeliness":
        deadline = next((p.get("deadline") for p in evidence if p.get("deadline")), "?")
        on_time, late = num(method["on_time"]), num(method["late"])
        return tr(
            f"{recognised}: đúng hạn {on_time}, trễ {late}, hạn {deadline}",
            f"{recognised}: on time {on_time}, late {late}, deadline {deadline}",
        )
    if kind == "ratio_bands":
        bands = []
        for band in method["bands"]:
            bounds = " ".join(
                f"{sign}{num(band[key])}%"
                for key, sign in (
                    ("at_least", "≥"),
                    ("above", ">"),
                    ("below", "<"),
                    ("at_most", "≤"),
                )
                if key in band
            )
            bands.append(
                f"{bounds} → {tr('tỷ lệ', 'pro rata') if band.get('pro_rata') else num(band['points'])}"
            )
        return f"{recognised}: " + "; ".join(bands)
    if kind == "count_ladder":
        return f"{recognised}: " + "; ".join(
            f"≥{s['at_least']} → {num(s['points'])}" for s in method["steps"]
        )
    if kind == "growth":
        return tr("tăng", "growth").join(
            (f"{recognised}: ", f" ≥{num(method['min_growth_percent'])}%")
        )
    if kind in ("bonus", "deduction"):
        return f"{recognised}: {num(method['points_each'])} {tr('mỗi lần', 'each')}"
    return recognised


def rank(confidence: str) -> int:
    return {HIGH: 2, MEDIUM: 1, LOW: 0}[confidence]


def say(option: Option) -> str:
    return f"{option.text}: {option.points}" if option.points is not None else option.text


def are_parts(options: list[Option], top: Decimal) -> bool:
    """Independent parts: every option earns something and together they make the maximum;
    alternatives have a 0 option (or a pro-rata one) instead."""
    if len(options) < 2 or any(o.points is None or o.points == 0 for o in options):
        return False
    return sum((o.points or Decimal(0) for o in options), Decimal(0)) == top
