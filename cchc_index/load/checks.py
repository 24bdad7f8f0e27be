"""Checks across nodes and files, on the raw located data so that one bad field does not
hide the others: unique ids, id nesting, children summing to their parent, every
variable and product that a method names defined, bands in order, ratio bands tiling."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from cchc_index.errors import Problem
from cchc_index.fields import parse_flag
from cchc_index.i18n import tr
from cchc_index.load.checks_format import check_completeness, check_dates, check_parts
from cchc_index.load.raw import _dec, _list
from cchc_index.methods.registry import parse as parse_method
from cchc_index.source import Key, Located
from cchc_index.suggest import suggest


def _adjustment(method: object) -> bool:
    """A bonus or deduction node sits outside its parent's sum."""
    try:
        return isinstance(method, dict) and parse_method(method).adjustment != 0
    except (ValidationError, ValueError):
        return False


class _Checker:
    def __init__(self, variables: set[str], step: Decimal | None, year: int | None) -> None:
        self.variables = variables
        self.step = step if step is not None and step > 0 else None
        self.year = year
        self.problems: list[Problem] = []
        self.ids: dict[str, str] = {}

    def add(self, src: Located, loc: Key, message: str, *, key: bool = False) -> None:
        self.problems.append(src.problem(loc, message, key=key))

    def node_id(
        self, src: Located, node: dict[str, Any], loc: Key, parent: str | None
    ) -> str | None:
        node_id = node.get("id")
        if not isinstance(node_id, str):
            return None
        where = f"{src.path}:{src.where((*loc, 'id'))[0]}"
        if node_id in self.ids:
            self.add(
                src,
                (*loc, "id"),
                tr(
                    f"mã '{node_id}' bị trùng (đã có ở {self.ids[node_id]})",
                    f"duplicate id '{node_id}' (first at {self.ids[node_id]})",
                ),
            )
        else:
            self.ids[node_id] = where
        if parent is not None and not node_id.startswith(parent + "."):
            self.add(
                src,
                (*loc, "id"),
                tr(
                    f"mã '{node_id}' phải bắt đầu bằng '{parent}.'",
                    f"id '{node_id}' must start with '{parent}.'",
                ),
            )
        return node_id

    def on_step(self, src: Located, loc: Key, value: Decimal | None) -> None:
        if value is not None and self.step is not None and value % self.step != 0:
            self.add(
                src,
                loc,
                tr(
                    f"điểm {value} không theo bước làm tròn {self.step} của bộ chỉ số",
                    f"points {value} are not a multiple of the framework's rounding step {self.step}",
                ),
            )

    def sums(self, src: Located, node: dict[str, Any], loc: Key, children: list[Any]) -> None:
        total, parts = _dec(node.get("points")), Decimal(0)
        self.on_step(src, (*loc, "points"), total)
        if total is None or not children:
            return
        for child in children:
            if not isinstance(child, dict):
                return
            if _adjustment(child.get("method")):
                continue
            points = _dec(child.get("points"))
            if points is None:
                return  # the missing or bad value is reported by the model
            parts += points
        if parts != total:
            self.add(
                src,
                (*loc, "points"),
                tr(
                    f"tổng điểm các mục con là {parts}, khác điểm tối đa {total} của '{node.get('id')}'",
                    f"children add up to {parts}, not the maximum {total} of '{node.get('id')}'",
                ),
            )

    def leaf(
        self, src: Located, node: dict[str, Any], loc: Key, holder: dict[str, Any] | None = None
    ) -> None:
        """A scored node, or a part of `holder` (whose provenance a part may share)."""
        check_parts(self, src, node, loc)
        products: dict[str, str] = {}
        stat_vars: set[str] = set()
        for i, product in enumerate(_list(node.get("evidence"))):
            if not isinstance(product, dict) or not isinstance(product.get("id"), str):
                continue
            check_dates(self, src, (*loc, "evidence", i), product)
            if product["id"] in products:
                self.add(
                    src,
                    (*loc, "evidence", i, "id"),
                    tr(
                        f"sản phẩm '{product['id']}' bị trùng",
                        f"duplicate product '{product['id']}'",
                    ),
                )
            products[product["id"]] = str(product.get("type"))
            for j, var in enumerate(_list(product.get("variables"))):
                stat_vars.add(str(var))
                self.variable(src, (*loc, "evidence", i, "variables", j), var)
        for i, product in enumerate(_list(node.get("evidence"))):
            after = product.get("after") if isinstance(product, dict) else None
            other = after.get("product") if isinstance(after, dict) else None
            if isinstance(other, str) and products.get(other) != "document":
                hint = suggest(other, products)
                self.add(
                    src,
                    (*loc, "evidence", i, "after", "product"),
                    tr(
                        f"'after' cần một văn bản khác trong 'evidence' của mục này, không có '{other}'{hint}",
                        f"'after' needs another document in this node's 'evidence'; there is no '{other}'{hint}",
                    ),
                )
        na = node.get("not_applicable")
        if isinstance(na, dict) and na.get("if_zero") is not None:
            self.variable(src, (*loc, "not_applicable", "if_zero"), na["if_zero"])
        method = node.get("method")
        if isinstance(method, dict):
            self.method(src, (*loc, "method"), method, node, products, stat_vars)
            self.reach(src, loc, method, node, holder)

    def reach(
        self,
        src: Located,
        loc: Key,
        method: dict[str, Any],
        node: dict[str, Any],
        holder: dict[str, Any] | None,
    ) -> None:
        """The node's points are the most its method can award, and the least is 0: unless
        the node (or the node a part belongs to) records the source's unreachable maximum."""
        points = _dec(node.get("points"))
        try:
            parsed = parse_method(method)
        except (ValidationError, ValueError):
            return
        if points is None or parsed.adjustment != 0:  # a bonus or deduction: points are a cap
            return
        reach = parsed.reach(points)
        if reach is None:
            return
        least, most = reach
        if most > points:
            return  # reported by the method's own problems (points above the maximum)
        if most == points and least == 0:
            return
        if _recorded(node) or (holder is not None and _recorded(holder)):
            return
        what = node.get("id") if holder is None else f"{holder.get('id')}#{node.get('id')}"
        if most != points:
            self.add(
                src,
                (*loc, "points"),
                tr(
                    f"'{what}' có {points} điểm nhưng phương pháp '{parsed.type}' cho nhiều nhất {most}: "
                    "sửa điểm hoặc phương pháp; nếu nguồn đúng là như vậy, ghi vào provenance.source_defects "
                    "một mục có 'kind: unreachable_maximum'",
                    f"'{what}' has {points} points but method '{parsed.type}' gives at most {most}: "
                    "fix the points or the method; if the source really says so, record it in "
                    "provenance.source_defects with 'kind: unreachable_maximum'",
                ),
            )
        else:
            self.add(
                src,
                (*loc, "method"),
                tr(
                    f"'{what}': phương pháp '{parsed.type}' cho ít nhất {least}, không phải 0",
                    f"'{what}': method '{parsed.type}' gives at least {least}, not 0",
                ),
            )

    def variable(self, src: Located, loc: Key, name: Any) -> bool:
        if name in self.variables:
            return True
        hint = suggest(str(name), self.variables)
        self.add(
            src,
            loc,
            tr(
                f"biến '{name}' chưa được khai báo trong framework.yaml (variables){hint}",
                f"variable '{name}' is not declared in framework.yaml (variables){hint}",
            ),
        )
        return False

    def method(
        self,
        src: Located,
        loc: Key,
        method: dict[str, Any],
        node: dict[str, Any],
        products: dict[str, str],
        stat_vars: set[str],
    ) -> None:
        try:
            parsed = parse_method(method)
        except (ValidationError, ValueError):
            return  # reported by the model validation
        for ref in parsed.references():  # the method says which of its values are names
            where = (*loc, *ref.path)
            if ref.kind == "product" and ref.name not in products:
                hint = suggest(ref.name, products)
                self.add(
                    src,
                    where,
                    tr(
                        f"sản phẩm '{ref.name}' không có trong 'evidence' của mục này{hint}",
                        f"product '{ref.name}' is not in this node's 'evidence'{hint}",
                    ),
                )
            elif (
                ref.kind == "variable"
                and self.variable(src, where, ref.name)
                and ref.name not in stat_vars
            ):
                self.add(
                    src,
                    where,
                    tr(
                        f"biến '{ref.name}' không thuộc sản phẩm thống kê nào của mục này",
                        f"variable '{ref.name}' is not in any statistic product of this node",
                    ),
                )
        if parsed.needs_last_year and not any(
            isinstance(p, dict) and parse_flag(p.get("last_year")) is True
            for p in _list(node.get("evidence"))
        ):
            self.add(
                src,
                loc,
                tr(
                    f"phương pháp '{parsed.type}' cần sản phẩm thống kê có 'last_year: true'",
                    f"method '{parsed.type}' needs a statistic product with 'last_year: true'",
                ),
            )
        points = _dec(node.get("points"))
        for sub, message in parsed.problems(points if points is not None else Decimal("Infinity")):
            self.add(src, (*loc, *sub), message)
        if points is not None:
            for tier in parsed.tiers(points):
                self.on_step(src, loc, tier.points)


def _recorded(node: dict[str, Any]) -> bool:
    """The node's provenance records that its source gives a maximum no branch reaches."""
    provenance = node.get("provenance")
    defects = provenance.get("source_defects") if isinstance(provenance, dict) else None
    return any(
        isinstance(d, dict) and d.get("kind") == "unreachable_maximum" for d in _list(defects)
    )


def check_framework(meta: Located | None, areas: list[Located]) -> list[Problem]:
    variables: set[str] = set()
    data = meta.data if meta is not None and isinstance(meta.data, dict) else {}
    year = data.get("year")
    checker = _Checker(
        variables,
        _dec(data.get("rounding_step")),
        int(year) if isinstance(year, int | str) and str(year).isdigit() else None,
    )
    if meta is not None and isinstance(meta.data, dict):
        declared = meta.data.get("variables")
        if isinstance(declared, dict):
            variables.update(declared)
            for name, spec in declared.items():
                if isinstance(spec, dict) and spec.get("at_most") is not None:
                    checker.variable(meta, ("variables", name, "at_most"), spec["at_most"])
        _check_bands(checker, meta)
    rows = 0
    for src in areas:
        area = src.data
        if isinstance(area, dict):
            rows += 1 + sum(
                1 + len(_list(c.get("sub_criteria")))
                for c in _list(area.get("criteria"))
                if isinstance(c, dict)
            )
        if not isinstance(area, dict):
            checker.add(
                src,
                (),
                tr("tệp lĩnh vực phải là một bảng khóa: giá trị", "an area file must be a mapping"),
            )
            continue
        area_id = checker.node_id(src, area, (), None)
        criteria = _list(area.get("criteria"))
        checker.sums(src, area, (), criteria)
        for i, criterion in enumerate(criteria):
            if not isinstance(criterion, dict):
                continue
            loc: Key = ("criteria", i)
            crit_id = checker.node_id(src, criterion, loc, area_id)
            subs = _list(criterion.get("sub_criteria"))
            checker.sums(src, criterion, loc, subs)
            if not subs:
                checker.on_step(src, (*loc, "points"), _dec(criterion.get("points")))
                checker.leaf(src, criterion, loc)
            for j, sub in enumerate(subs):
                if isinstance(sub, dict):
                    checker.node_id(src, sub, (*loc, "sub_criteria", j), crit_id)
                    checker.on_step(
                        src, (*loc, "sub_criteria", j, "points"), _dec(sub.get("points"))
                    )
                    checker.leaf(src, sub, (*loc, "sub_criteria", j))
    if meta is not None:
        check_completeness(checker, meta, rows)
    return checker.problems


def _check_bands(checker: _Checker, meta: Located) -> None:
    bands = _list(meta.data.get("bands"))
    previous: Decimal | None = None
    for i, band in enumerate(bands):
        value = _dec(band.get("min_percent")) if isinstance(band, dict) else None
        if value is None:
            continue
        if previous is not None and value >= previous:
            checker.add(
                meta,
                ("bands", i, "min_percent"),
                tr(
                    "các mức xếp loại phải xếp giảm dần theo 'min_percent'",
                    "bands must be in decreasing order of 'min_percent'",
                ),
            )
        previous = value
    if bands and previous is not None and previous != 0:
        checker.add(
            meta,
            ("bands",),
            tr("mức xếp loại cuối cùng phải bắt đầu từ 0", "the last band must start at 0"),
        )
