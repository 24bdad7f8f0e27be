"""A scoring method's parameters, a unit's figures and a node's provenance in words.

What a reader sees is never a key of the rule file (`numerator`, `if_none`) nor a variable id
(`ho_so_tre_han`): every parameter has its words in `PARAMS`, every value is shown by the
framework's title for it, and a figure by its title with the number as an official writes it
("Số hồ sơ trễ hạn: 03"). `tests/test_method_words.py` fails when a registered method has a
parameter without words here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from pydantic import BaseModel

from cchc_index.i18n import lang, num, tr
from cchc_index.model.framework import Framework, Leaf

# parameter → its words; None: the tiers of `describe` already say it
PARAMS: dict[str, tuple[str, str] | None] = {
    "product": ("Sản phẩm", "Product"),
    "products": ("Các sản phẩm", "Products"),
    "required": ("Các sản phẩm phải có đủ", "Products all required"),
    "points": ("Điểm", "Points"),
    "on_time": ("Ban hành đúng hạn được", "Issued on time earns"),
    "late": ("Ban hành trễ hạn được", "Issued late earns"),
    "late_within_days": ("Trễ không quá (ngày)", "Late by at most (days)"),
    "numerator": ("Tử số", "Numerator"),
    "denominator": ("Mẫu số", "Denominator"),
    "if_none": ("Khi không phát sinh (mẫu số bằng 0)", "When nothing arose (zero denominator)"),
    "variable": ("Số liệu", "Figure"),
    "min_growth_percent": ("Mức tăng tối thiểu (%)", "Least growth (%)"),
    "points_each": ("Điểm cho mỗi mục", "Points for each item"),
    "terms": ("Công thức", "Formula"),
    "constant": ("Hằng số cộng thêm", "Constant added"),
    "threshold": ("Ngưỡng", "Threshold"),
    "base": ("Điểm khi đạt ngưỡng", "Points on reaching the threshold"),
    "per_step": ("Điểm cộng thêm mỗi bậc", "Points added for each step"),
    "step": ("Mỗi bậc", "Step size"),
    "cap": ("Mức trần", "Cap"),
    "better": ("Chiều tốt hơn", "Better direction"),
    "min_words": ("Lời diễn giải ít nhất (chữ)", "Least words of an explanation"),
    "bands": None,
    "steps": None,
}

# values of the closed vocabularies a parameter can take
VALUES: dict[str, tuple[str, str]] = {
    "full": ("đủ điểm", "full points"),
    "zero": ("0 điểm", "0 points"),
    "not_applicable": ("không áp dụng", "not applicable"),
    "higher": ("càng cao càng tốt", "higher is better"),
    "lower": ("càng thấp càng tốt", "lower is better"),
}

ILLUSTRATIVE: dict[str, tuple[str, str]] = {
    "points": ("điểm tối đa", "maximum points"),
    "method": ("cách chấm", "scoring method"),
    "evidence": ("minh chứng", "evidence"),
    "deadline": ("hạn", "deadline"),
    "bands": ("các mức", "bands"),
    "rounding": ("bước làm tròn", "rounding step"),
}

PRODUCT_TYPES: dict[str, tuple[str, str]] = {
    "document": ("văn bản", "document"),
    "statistic": ("số liệu", "figures"),
    "link": ("đường dẫn", "link"),
    "photo": ("hình ảnh", "photo"),
}

# how scoring labels a figure it used: `ho_so_tre_han = 3`, `tuyen_truyen = 218 (2019: 50)`
_FIGURE = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*) = (?P<value>-?[0-9.]+)(?: \((?P<year>\d{4}): (?P<last>-?[0-9.]+)\))?$"
)


def words(pair: tuple[str, str]) -> str:
    return tr(*pair)


def count(value: Decimal) -> str:
    """A figure as an official writes it: whole numbers under ten with a leading zero in
    Vietnamese ("03"), others in the reader's number form."""
    if lang() == "vi" and value == value.to_integral_value() and 0 <= value < 10:
        return f"{int(value):02d}"
    return num(value)


def figure_words(label: str, variables: Mapping[str, str]) -> str:
    """A figure the scoring used, by the framework's title: `Số hồ sơ trễ hạn: 03`; any
    other evidence label (a document, a link) unchanged."""
    found = _FIGURE.match(label)
    if found is None or found["name"] not in variables:
        return label
    try:
        text = f"{variables[found['name']]}: {count(Decimal(found['value']))}"
        if found["year"]:
            last = count(Decimal(found["last"]))
            text += tr(f" (năm {found['year']}: {last})", f" ({found['year']}: {last})")
    except InvalidOperation:
        return label
    return text


def variable_titles(framework: Framework) -> dict[str, str]:
    """Each variable's title, with its unit when the framework gives one."""
    return {
        name: var.title + (f" ({var.unit})" if var.unit else "")
        for name, var in framework.meta.variables.items()
    }


def parameter_lines(leaf: Leaf, variables: Mapping[str, str]) -> list[str]:
    """The method's parameters, one line each, in words (for `explain`)."""
    products = {p.id: p.title for p in leaf.evidence}
    method = leaf.scoring
    lines = []
    for name in type(method).model_fields:
        if name == "type":
            continue
        said = PARAMS.get(name)
        value = getattr(method, name)
        if said is None or value is None or value == () or (name == "constant" and not value):
            continue
        lines.append(f"  {words(said)}: {_value(value, variables, products)}")
    return lines


def _value(value: object, variables: Mapping[str, str], products: Mapping[str, str]) -> str:
    if isinstance(value, bool):
        return tr("có", "yes") if value else tr("không", "no")
    if isinstance(value, Decimal | int):
        return num(Decimal(value))
    if isinstance(value, str):
        if value in VALUES:
            return words(VALUES[value])
        return variables.get(value) or products.get(value) or value
    if isinstance(value, tuple):
        return " + ".join(_value(v, variables, products) for v in value)
    if isinstance(value, BaseModel):  # a formula term: coefficient × variable
        fields = value.model_dump()
        if "coefficient" in fields and "variable" in fields:
            return (
                f"{num(fields['coefficient'])} × {_value(fields['variable'], variables, products)}"
            )
    return str(value)


def illustrative_words(names: tuple[str, ...]) -> str:
    return ", ".join(words(ILLUSTRATIVE[n]) if n in ILLUSTRATIVE else n for n in names)


def product_type(kind: str) -> str:
    return words(PRODUCT_TYPES[kind]) if kind in PRODUCT_TYPES else kind
