"""Records "tiếp nhận và giải quyết N": one count for two verbs. N is what was received; how
many were resolved the sentence says only by "100%", by "A/B", or by parts that add up to N."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from cchc_index.extract.counts import Count
from cchc_index.extract.figure import Figure
from cchc_index.extract.flat import vkey
from cchc_index.extract.statrules import RULES, Rule

# "đã tiếp nhận, giải quyết và trả kết quả 4.572/4.572 hồ sơ": resolved of received.
_JOINT_VERB = re.compile(r"tiếp\s+nhận\s*(?:,|và)\s*(?:giải\s+quyết|xử\s+lý)[^,;.]{0,40}$")
RESOLVED = next(r for r in RULES if r.variable == "ho_so_da_giai_quyet")


def joint(rule: Rule, count: Count, before: str) -> Rule:
    """Records "tiếp nhận và giải quyết A/B" are A resolved of B received."""
    if rule.variable == "ho_so_tiep_nhan" and count.b and _JOINT_VERB.search(vkey(before)):
        return RESOLVED
    return rule


# "… tiếp nhận và giải quyết 656 hồ sơ; theo đó, 100% hồ sơ đều được giải quyết sớm hạn":
# every record received was resolved.
_HUNDRED = re.compile(
    r"(?<![\d,.])100\s*%\s*(?:(?:số\s+)?(?:hồ\s+sơ|hs)\b)?[^.;\d%]{0,30}?giải\s+quyết"
    r"|giải\s+quyết[^.;\d%]{0,30}?(?:đạt\s+)?(?:tỷ\s+lệ\s+)?(?<![\d,.])100\s*%"
)


def all_resolved(rule: Rule, count: Count, before: str, rest: str) -> bool:
    """Records "tiếp nhận và giải quyết N", then "100% … giải quyết" in the same sentence: the N
    received were all resolved (without the 100%, "handled N" says nothing of how many were)."""
    return handled(rule, count, before) and _HUNDRED.search(vkey(rest)) is not None


def handled(rule: Rule, count: Count, before: str) -> bool:
    """Records "tiếp nhận và giải quyết N": N received, and as many handled."""
    return (
        rule.variable == "ho_so_tiep_nhan"
        and not count.b
        and _JOINT_VERB.search(vkey(before)) is not None
    )


_RESOLVED_PARTS = frozenset(
    {"ho_so_truoc_han", "ho_so_dung_han", "ho_so_tre_han", "ho_so_truoc_va_dung_han"}
)


def resolved_by_parts(figures: list[Figure], handled: list[tuple[int, int]]) -> list[Figure]:
    """ "tiếp nhận và giải quyết 1.456 hồ sơ, trong đó trước hạn 1.200 hồ sơ, đúng hạn 256 hồ
    sơ": the parts of the resolved add up to the N received, and resolved ≤ received, so N
    were resolved (written as a figure at N's place; never when the sentence gives its own)."""
    added = []
    for start, end in handled:
        whole = next(
            (f for f in figures if f.offset == start and f.variable == "ho_so_tiep_nhan"), None
        )
        inside = [f for f in figures if start < f.offset <= end]
        if whole is None or any(f.variable == "ho_so_da_giai_quyet" for f in inside):
            continue
        parts = {f.variable: f.amount for f in inside if f.variable in _RESOLVED_PARTS}
        if len(parts) != len([f for f in inside if f.variable in _RESOLVED_PARTS]):
            continue  # one part told twice: not one breakdown
        if "ho_so_truoc_va_dung_han" in parts and parts.keys() & {
            "ho_so_truoc_han",
            "ho_so_dung_han",
        }:
            continue
        if parts and sum(parts.values(), Decimal(0)) == whole.amount:
            added.append(replace(whole, variable="ho_so_da_giai_quyet"))
    return sorted([*figures, *added], key=lambda f: f.offset) if added else figures
