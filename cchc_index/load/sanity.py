"""What `validate` guarantees beyond the models: numbers are plain, finite and in range, the
rounding step is one a score can be rounded to, and `at_most` bounds have no cycle.

Whatever passes here and in the models, `score` can score: the engine compares metrics at
10⁻⁶ (`engine/compile.py`), so a number with more decimals, an exponent (`1e30`), `inf` or
`nan` in a rule file would either mean nothing or crash the arithmetic.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from cchc_index.errors import Problem
from cchc_index.i18n import tr
from cchc_index.source import Key, Located

MAX_MAGNITUDE = Decimal(10) ** 9
MAX_PLACES = 6
MIN_STEP = Decimal("0.0001")
_SPECIAL = re.compile(r"^[+-]?(inf|infinity|nan|snan)$", re.IGNORECASE)
_EXPONENT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$")
_PLAIN = re.compile(r"^[+-]?(\d+)(?:\.(\d+))?$", re.ASCII)
# Keys whose values are words, never amounts: a title "1e5" or a source "0123456789012" is text.
TEXT_KEYS = {
    "id",
    "title",
    "source",
    "note",
    "requirement",
    "responsible",
    "name",
    "number",
    "issuer",
    "issuer_name",
    "subject",
    "subject_excludes",
    "unit",
    "reason",
    "province",
    "level",
    "node",
    "product",
    "products",
    "variable",
    "variables",
    "numerator",
    "denominator",
    "at_most",
    "illustrative",
    "doc_kind",
    "type",
    "date",
    "start",
    "end",
    "deadline",
    "not_before",
    "if_zero",
    "expect",
    "explanation",
    "result",
    "url",
    "file",
}


def number_problems(src: Located) -> list[Problem]:
    """Every scalar of a rule file that is a number written in a way a score cannot use."""
    problems: list[Problem] = []
    stack: list[tuple[Key, Any]] = [((), src.data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*loc, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*loc, i), v) for i, v in enumerate(value))
        elif isinstance(value, str) and not _is_text(loc):
            message = _number_message(value.strip())
            if message:
                problems.append(src.problem(loc, message))
    return problems


def _is_text(loc: Key) -> bool:
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return False
    if "provenance" in names or ("evidence" in names and names[-1] != "count"):
        return True
    if names[-1] == "at_most":  # a variable's bound is a name; a band's bound is a number
        return "variables" in names
    return names[-1] in TEXT_KEYS


def _number_message(text: str) -> str:
    if _SPECIAL.match(text) or _EXPONENT.match(text):
        return tr(
            f"'{text}' không phải một số dùng được: hãy viết số thường (ví dụ 0.25, 100)",
            f"'{text}' is not a usable number: write a plain number (e.g. 0.25, 100)",
        )
    match = _PLAIN.match(text)
    if match is None:
        return ""
    if len(match[2] or "") > MAX_PLACES:
        return tr(
            f"'{text}' có quá {MAX_PLACES} chữ số sau dấu thập phân",
            f"'{text}' has more than {MAX_PLACES} decimal places",
        )
    if abs(Decimal(text)) > MAX_MAGNITUDE:
        return tr(f"'{text}' quá lớn (tối đa 10⁹)", f"'{text}' is too large (at most 10⁹)")
    return ""


def meta_problems(meta: Located) -> list[Problem]:
    """The rounding step, and the `at_most` bounds between variables."""
    data = meta.data if isinstance(meta.data, dict) else {}
    problems: list[Problem] = []
    step = data.get("rounding_step")
    if isinstance(step, str) and _PLAIN.match(step.strip()):
        value = Decimal(step.strip())
        if not (MIN_STEP <= value <= 1) or Decimal(1) % value != 0:
            problems.append(
                meta.problem(
                    ("rounding_step",),
                    tr(
                        f"bước làm tròn {step} không dùng được: cần từ 0.0001 đến 1 và chia hết 1 "
                        "(ví dụ 0.01, 0.05, 0.25, 0.5, 1)",
                        f"rounding step {step} is not usable: it must be 0.0001 to 1 and divide 1 "
                        "(e.g. 0.01, 0.05, 0.25, 0.5, 1)",
                    ),
                )
            )
    variables = data.get("variables")
    if isinstance(variables, dict):
        problems.extend(_cycles(meta, variables))
    return problems


def _cycles(meta: Located, variables: dict[str, Any]) -> list[Problem]:
    """A variable bounded, through `at_most`, by itself: no figure could ever satisfy it
    without all being equal, and correct bundles would be refused."""
    bound = {
        name: spec.get("at_most")
        for name, spec in variables.items()
        if isinstance(spec, dict) and isinstance(spec.get("at_most"), str)
    }
    problems: list[Problem] = []
    reported: set[str] = set()
    for start in sorted(bound):
        path = [start]
        current = bound.get(start)
        while current is not None and current not in path and len(path) <= len(bound):
            path.append(current)
            current = bound.get(current)
        if current is None or current != start or reported & set(path):
            continue
        reported.update(path)
        chain = " ≤ ".join([*path, start])
        problems.append(
            meta.problem(
                ("variables", start, "at_most"),
                tr(
                    f"các 'at_most' tạo thành vòng: {chain}; hãy bỏ một liên kết",
                    f"'at_most' bounds form a cycle: {chain}; remove one link",
                ),
            )
        )
    return problems
