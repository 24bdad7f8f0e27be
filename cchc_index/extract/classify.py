"""Which variable a count is, from the words after it and, failing them, ever longer stretches
of the words before it (`statrules` states the words; this module only reads them)."""

from __future__ import annotations

import re

from cchc_index.extract.flat import vkey
from cchc_index.extract.statrules import (
    IN_PROGRESS_IN_TIME,
    RULES,
    UNIT_CLASS,
    UNIT_RE,
    Rule,
    canon,
)

# Two words joined by a comma that name one thing: "trước hạn, đúng hạn 1.190 hồ sơ" (early
# or on time), "tiếp nhận, giải quyết 1.300 hồ sơ" (received to handle).
_JOINED = (
    (re.compile(r"(?i)(trước|đúng)\s+(hạn|hẹn)\s*[,/]\s*(?!\1)(?:đúng|trước)\s+(?:hạn|hẹn)"),
     "trước và đúng hạn"),
    (re.compile(r"(?i)tiếp\s+nhận\s*,\s*(giải\s+quyết|xử\s+lý)"), r"tiếp nhận và \1"),
    # "Hồ sơ trực tuyến (một phần, toàn trình): 690": online records of both kinds
    (re.compile(r"(?i)(một\s+phần|toàn\s+trình)\s*,\s*(toàn\s+trình|một\s+phần)"), r"\1 và \2"),
    # "dịch vụ công trực tuyến mức độ 3, mức độ 4 là 2.150": both levels, no one level's
    (re.compile(r"(?i)mức(?:\s+độ)?\s*3\s*,\s*(?:mức(?:\s+độ)?\s*)?4"), "mức độ 3 và 4"),
)  # fmt: skip


_BY_KIND: dict[str, tuple[Rule, ...]] = {}


def classify(kind: str, after: str, before: str) -> Rule | None:
    """Words right after the figure first, then ever longer stretches of its label."""
    candidates = _BY_KIND.get(kind)
    if candidates is None:
        candidates = _BY_KIND[kind] = tuple(rule for rule in RULES if kind in rule.units)
    contexts = [vkey(after)]
    if "," in before or "/" in before:
        for pattern, joined in _JOINED:
            before = pattern.sub(joined, before)
    parts = before.split(",")
    contexts += [vkey(",".join(parts[-n:])) for n in range(1, len(parts) + 1)]
    for context in contexts:
        context = canon(context)
        plain = context.isascii()
        for rule in candidates:
            if rule.matches_canon(context, plain):
                return rule
    return None


# "đang giải quyết 3.000 hồ sơ trong hạn và 2 hồ sơ quá hạn": the words right after the count
# (its unit, "trong hạn", then a count past the deadline) make it the part still within it.
_IN_TIME_AFTER = re.compile(
    r"\s*(?:hồ\s+sơ|hs)?\s*(?:còn\s+|đang\s+)?trong\s+(?:thời\s+)?hạn\b[^.;:()\d]{0,20}?"
    r"(?:,|\bvà)\s*(?:có\s+)?\d[\d.]*\s*(?:hồ\s+sơ|hs)?\s*(?:đã\s+|bị\s+)?(?:quá|trễ)\s+hạn\b"
)
_IN_PROGRESS = "ho_so_dang_giai_quyet"


def in_time_part(rule: Rule, following: str) -> Rule:
    """A count of records in progress followed by "trong hạn" and a count past the deadline
    is the part of them still within it ("đang giải quyết 3.000 hồ sơ trong hạn và 2 hồ sơ
    quá hạn"), not all; `following` is the text after the count, to its sentence's end."""
    if rule.variable == _IN_PROGRESS and _IN_TIME_AFTER.match(vkey(following)):
        return IN_PROGRESS_IN_TIME
    return rule


def unit_in(before: str) -> str:
    """The class of the last unit word in a label ("Số hồ sơ trễ hạn:" → ho_so); records of
    procedures stay records ("tổng số hồ sơ giải quyết TTHC là" → ho_so, "Số TTHC có hồ sơ" →
    tthc)."""
    found = ""
    for unit in UNIT_RE.finditer(before):
        kind = UNIT_CLASS.get(vkey(unit["unit"]), found)
        if not (found == "ho_so" and kind == "tthc"):
            found = kind
    return found


_NEAR = re.compile(r"[^,;:(]{1,40}$")


def near(before: str) -> str:
    """The words right before a count, since the last comma, colon or bracket."""
    match = _NEAR.search(before.rstrip(" :"))
    return match.group(0) if match else ""


def bare_after(after: str) -> str:
    """The words after a count with no unit, to the next "và": "7.278 nhận mới" → "nhận mới"."""
    return re.split(r"\s(?:và|hoặc)\s", after, maxsplit=1)[0]
