"""A scoring text → one method of the vocabulary, with how sure the reading is.

Each recogniser reads the options of a node (option rows, or the lines of its "Cách chấm"
cell) and either returns a method or declines. What no recogniser reads is kept verbatim as
a `qualitative` item flagged for review: never a guess presented as certain.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cchc_index.i18n import tr
from cchc_index.importer.parse import Option
from cchc_index.importer.table import plain as fold
from cchc_index.methods.ratios import Band, band_problems

HIGH, MEDIUM, LOW = "cao", "trung bình", "thấp"
_NUM = r"(\d+(?:[.,]\d+)?)"
_DATE = re.compile(r"(?:chậm nhất|trước|hạn)[^0-9]{0,20}(\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)
_ON_TIME = re.compile(
    r"kịp thời|đúng hạn|đúng thời gian|chậm nhất|đúng quy định về thời gian", re.I
)
_LATE = re.compile(r"không kịp thời|chậm|trễ|sau ngày|quá hạn", re.I)
_NONE = re.compile(r"không ban hành|không có|không gửi|chưa ban hành", re.I)
_NO = re.compile(r"^\s*(không|chưa)\b", re.I)


@dataclass
class Mapped:
    method: dict[str, Any]
    confidence: str
    recognised: str
    checks: list[str] = field(default_factory=list)
    statistic: list[str] = field(default_factory=list)  # variables a statistic product must hold
    document: bool = False  # the method needs a document product
    deadline: str | None = None


def _d(text: str) -> Decimal:
    return Decimal(text.replace(",", ".")).normalize() + 0


def _band(text: str) -> dict[str, Any] | None:
    t = text.lower().replace("≥", ">=").replace("≤", "<=")
    if m := re.search(rf"từ\s*{_NUM}\s*%?\s*đến\s*dưới\s*{_NUM}\s*%", t):
        return {"at_least": _d(m[1]), "below": _d(m[2])}
    if m := re.search(rf"(?:từ\s*)?{_NUM}\s*%?\s*(?:-|–|đến)\s*{_NUM}\s*%", t):
        return {"at_least": _d(m[1]), "at_most": _d(m[2])}
    if m := re.search(rf"(?:từ\s*{_NUM}\s*%\s*trở lên|>=\s*{_NUM}\s*%|{_NUM}\s*%\s*trở lên)", t):
        return {"at_least": _d(m[1] or m[2] or m[3])}
    if m := re.search(rf"(?:trên|>|lớn hơn)\s*{_NUM}\s*%", t):
        return {"above": _d(m[1])}
    if m := re.search(rf"(?:dưới|<|nhỏ hơn|thấp hơn)\s*{_NUM}\s*%", t):
        return {"below": _d(m[1])}
    if m := re.search(rf"(?:đủ|đạt|hoàn thành)?\s*{_NUM}\s*%", t):
        return {"at_least": _d(m[1])} if _d(m[1]) == 100 else None
    return None


def _pro_rata(text: str) -> bool:
    f = fold(text)
    return ("tinh theo" in f or "ty le" in f) and bool(re.search(r"[x×*]\s*\d*\s*(diem|d\b)", f))


def ratio_bands(node_id: str, options: list[Option], top: Decimal) -> Mapped | None:
    if sum(1 for o in options if "%" in o.text) < 2:
        return None
    bands, checks = [], []
    for o in options:
        bounds = _band(o.text)
        if bounds is None:
            return None
        if _pro_rata(o.text + " " + o.method_text) and o.points is None:
            bands.append({"pro_rata": True, **bounds})
        elif o.points is None:
            return None
        else:
            bands.append({"points": o.points, **bounds})
    bands.sort(key=lambda b: -(b.get("at_least", b.get("above", Decimal(-1)))))
    for higher, lower in itertools.pairwise(bands):  # "100%" next to "90% -100%"
        start = higher.get("at_least")
        if start is not None and lower.get("at_most") == start:
            lower["below"] = lower.pop("at_most")
            checks.append(
                tr(
                    f"hai mức cùng chứa {start}%: đã đọc {start}% thuộc mức cao hơn; ghi source_defects nếu đúng",
                    f"two bands both contain {start}%: read as the higher band; record it in source_defects if right",
                )
            )
    problems = band_problems(tuple(Band.model_validate(b) for b in bands), top)
    checks += [message for _loc, message in problems]
    slug = node_id.replace(".", "_").replace("#", "_")
    method = {
        "type": "ratio_bands",
        "numerator": [f"tu_so_{slug}"],
        "denominator": [f"mau_so_{slug}"],
        "bands": bands,
    }
    checks.append(
        tr(
            "đặt tên và tiêu đề cho tử số, mẫu số của tỷ lệ",
            "name the ratio's numerator and denominator",
        )
    )
    return Mapped(
        method,
        MEDIUM if problems else HIGH,
        "ratio_bands",
        checks,
        [f"tu_so_{slug}", f"mau_so_{slug}"],
    )


def timeliness(options: list[Option], top: Decimal, text: str) -> Mapped | None:
    deadline = _DATE.search(text)
    on = [
        o
        for o in options
        if _ON_TIME.search(o.text) and not _LATE.search(o.text.replace("chậm nhất", ""))
    ]
    late = [o for o in options if _LATE.search(o.text.replace("chậm nhất", "")) and o not in on]
    if not (on or deadline) or not (late or any(_NONE.search(o.text) for o in options)):
        return None
    on_time = next((o.points for o in on if o.points is not None), top)
    late_points = next((o.points for o in late if o.points is not None), Decimal(0))
    checks = (
        []
        if deadline
        else [
            tr(
                "nguồn không ghi hạn: điền 'deadline' của văn bản",
                "the source gives no deadline: fill in the document's 'deadline'",
            )
        ]
    )
    method = {"type": "timeliness", "on_time": on_time, "late": late_points}
    found = deadline[1] if deadline else None
    return Mapped(
        method,
        HIGH if deadline else MEDIUM,  # no deadline read: the rule is not whole
        "timeliness",
        checks,
        document=True,
        deadline=found,
    )


def count_ladder(node_id: str, options: list[Option]) -> Mapped | None:
    steps: list[dict[str, Any]] = []
    for o in options:
        m = re.search(r"(\d+)\s*(?:lần|cuộc|đợt|kỳ|hội nghị|văn bản|tin|bài)", o.text, re.I)
        if m is None or o.points is None:
            if o.points == 0 and ("còn lại" in o.text.lower() or _NO.search(o.text)):
                continue
            return None
        steps.append({"at_least": int(m[1]), "points": o.points})
    if len(steps) < 2:
        return None
    steps.sort(key=lambda s: -int(s["at_least"]))
    var = f"so_luong_{node_id.replace('.', '_').replace('#', '_')}"
    return Mapped(
        {"type": "count_ladder", "variable": var, "steps": steps},
        HIGH,
        "count_ladder",
        [tr("đặt tên biến số lượng", "name the count variable")],
        [var],
    )


def growth(node_id: str, text: str) -> Mapped | None:
    m = re.search(rf"tăng\s*(?:từ\s*|ít nhất\s*)?{_NUM}\s*%", text, re.I)
    if m is None or "năm trước" not in text.lower():
        return None
    var = f"so_luong_{node_id.replace('.', '_').replace('#', '_')}"
    method = {"type": "growth", "variable": var, "min_growth_percent": _d(m[1])}
    return Mapped(
        method,
        HIGH,
        "growth",
        [
            tr(
                "đặt tên biến; số năm trước cần 'last_year: true'",
                "name the variable; last year's figure needs 'last_year: true'",
            )
        ],
        [var],
    )


def capped(node_id: str, text: str) -> Mapped | None:
    m = re.search(rf"(thưởng|cộng|trừ)\s*{_NUM}\s*(?:điểm|đ)?", text, re.I)
    if m is None or not re.search(r"mỗi|cho mỗi|/\s*(?:lần|văn bản|trường hợp)", text, re.I):
        return None
    kind = "deduction" if m[1].lower() == "trừ" else "bonus"
    var = f"so_luong_{node_id.replace('.', '_').replace('#', '_')}"
    method = {"type": kind, "variable": var, "points_each": _d(m[2])}
    return Mapped(
        method,
        HIGH,
        kind,
        [
            tr(
                "đặt tên biến số lượng; trần là điểm tối đa của mục",
                "name the count variable; the cap is the maximum",
            )
        ],
        [var],
    )


def map_options(node_id: str, options: list[Option], top: Decimal) -> Mapped:
    """The method a node's options describe, or a flagged qualitative item."""
    text = " ".join(f"{o.text} {o.method_text}" for o in options)
    folded = fold(text)
    if "dieu tra xa hoi hoc" in folded or re.search(r"\bxhh\b", folded):
        return Mapped({"type": "survey"}, HIGH, "survey")
    for found in (
        ratio_bands(node_id, options, top),
        count_ladder(node_id, options),
        growth(node_id, text),
        capped(node_id, text),
        timeliness(options, top, text),
    ):
        if found is not None:
            return found
    if "ty le" in folded and re.search(r"[x×]\s*(so\s*)?diem toi da", folded):
        slug = node_id.replace(".", "_").replace("#", "_")
        return Mapped(
            {"type": "pro_rata", "numerator": [f"tu_so_{slug}"], "denominator": [f"mau_so_{slug}"]},
            HIGH,
            "pro_rata",
            [tr("đặt tên tử số, mẫu số", "name the numerator and denominator")],
            [f"tu_so_{slug}", f"mau_so_{slug}"],
        )
    positive = [o for o in options if o.points is not None and o.points > 0]
    negative = [o for o in options if o.points == 0 and _NO.search(o.text)]
    if len(positive) == 1 and negative and len(options) == 2:
        points = positive[0].points
        method: dict[str, Any] = {"type": "qualitative"}
        if points != top:
            method["points"] = points
        sure = HIGH if re.search(r"đạt yêu cầu|đảm bảo", text, re.I) else MEDIUM
        checks = (
            []
            if sure == HIGH
            else [
                tr(
                    "điều kiện có thể kiểm bằng sản phẩm: cân nhắc presence/all_of",
                    "the condition could be checked on products: consider presence/all_of",
                )
            ]
        )
        return Mapped(
            method, sure, tr("qualitative (đạt / không đạt)", "qualitative (met / not met)"), checks
        )
    return Mapped(
        {"type": "qualitative"},
        LOW,
        tr("không nhận ra", "not recognised"),
        [
            tr(
                "không nhận ra cách chấm: giữ nguyên văn trong 'requirement', tạm chấm định tính; cần viết lại",
                "scoring text not recognised: kept verbatim in 'requirement', scored as qualitative for now; rewrite it",
            )
        ],
    )
