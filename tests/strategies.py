"""Hypothesis strategies: whole frameworks (as the data a rule file holds) and unit bundles."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from cchc_index.model.bundle import (
    Bundle,
    Declarations,
    Document,
    Item,
    Profile,
    Qualitative,
    Statistic,
)
from cchc_index.model.framework import Area, Framework, Meta

VARS = ["a", "b", "c", "d"]
YEAR = 2024
POINTS = st.sampled_from([Decimal("1"), Decimal("2"), Decimal("3"), Decimal("4")])
KINDS = ["KH", "BC", "QĐ"]


@st.composite
def bands(draw: st.DrawFn, top: Decimal) -> list[dict[str, Any]]:
    cuts = sorted(
        draw(st.sets(st.sampled_from([10, 25, 50, 70, 80, 90, 95, 100]), min_size=1, max_size=3))
    )
    incl = [draw(st.booleans()) for _ in cuts]
    out: list[dict[str, Any]] = []
    lower: dict[str, Any] = {"at_least": "0"}
    for cut, inclusive in zip(cuts, incl, strict=True):
        band = dict(lower, points=str(draw(st.sampled_from([Decimal(0), top / 2, top / 4]))))
        band["at_most" if inclusive else "below"] = str(cut)
        out.append(band)
        lower = {"above" if inclusive else "at_least": str(cut)}
    out.append(dict(lower, points=str(top)))
    return out


def _stat(pid: str, variables: list[str], last_year: bool = False) -> dict[str, Any]:
    return {
        "id": pid,
        "type": "statistic",
        "title": "Số liệu",
        "variables": variables,
        "last_year": last_year,
    }


def _doc(pid: str, kind: str, deadline: bool, subject: str = "cải cách") -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": pid,
        "type": "document",
        "title": "Văn bản",
        "doc_kind": kind,
        "subject": [subject],
    }
    if deadline:
        doc["deadline"] = "31/01 năm đánh giá"
    return doc


@st.composite
def leaf(draw: st.DrawFn, node_id: str) -> dict[str, Any]:
    top = draw(POINTS)
    kind = draw(
        st.sampled_from(
            [
                "presence",
                "timeliness",
                "ratio_bands",
                "pro_rata",
                "growth",
                "count_ladder",
                "qualitative",
                "formula",
                "all_of",
                "bonus",
                "deduction",
                "survey",
            ]
        )
    )
    num, den = draw(st.sampled_from(VARS)), draw(st.sampled_from(VARS))
    node: dict[str, Any] = {
        "id": node_id,
        "title": f"Mục {node_id}",
        "points": str(top),
        "provenance": {"source": "sinh ngẫu nhiên", "illustrative": ["points"]},
    }
    doc_kind = draw(st.sampled_from(KINDS))
    if kind == "presence":
        node["evidence"] = [_doc("p", doc_kind, False)]
        node["method"] = {"type": "presence", "product": "p"}
    elif kind == "timeliness":
        node["evidence"] = [_doc("p", doc_kind, True)]
        node["method"] = {
            "type": "timeliness",
            "product": "p",
            "on_time": str(top),
            "late": str(top / 2),
        }
    elif kind == "all_of":
        node["evidence"] = [
            _doc("p", doc_kind, True),
            # often the same question as the first: one document must not answer both
            _doc(
                "q",
                draw(st.sampled_from(KINDS)),
                True,
                draw(st.sampled_from(["cải cách", "kiểm tra"])),
            ),
        ]
        node["method"] = {"type": "all_of", "products": ["p", "q"]}
    elif kind == "ratio_bands":
        node["evidence"] = [_stat("s", sorted({num, den}))]
        node["method"] = {
            "type": "ratio_bands",
            "numerator": [num],
            "denominator": [den],
            "bands": draw(bands(top)),
            "if_none": draw(st.sampled_from(["full", "zero", "not_applicable"])),
        }
    elif kind == "pro_rata":
        node["evidence"] = [_stat("s", sorted({num, den}))]
        node["method"] = {"type": "pro_rata", "numerator": [num], "denominator": [den]}
    elif kind == "growth":
        node["evidence"] = [_stat("s", [num], True)]
        node["method"] = {"type": "growth", "variable": num, "min_growth_percent": "15"}
    elif kind == "count_ladder":
        node["evidence"] = [_stat("s", [num])]
        node["method"] = {
            "type": "count_ladder",
            "variable": num,
            "steps": [
                {"at_least": "4", "points": str(top)},
                {"at_least": "2", "points": str(top / 2)},
            ],
        }
    elif kind == "formula":
        node["evidence"] = [_stat("s", sorted({num, den}))]
        node["method"] = {
            "type": "formula",
            "terms": [
                {"variable": num, "coefficient": "0.1"},
                {"variable": den, "coefficient": "-0.05"},
            ],
        }
    elif kind in ("bonus", "deduction"):
        node["evidence"] = [_stat("s", [num])]
        node["method"] = {"type": kind, "variable": num, "points_each": "0.25"}
    elif kind == "survey":
        node["method"] = {"type": "survey"}
    else:
        node["method"] = {"type": "qualitative"}
    return node


PART_KEYS = ("points", "evidence", "method")


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    leaves = [draw(leaf(f"1.1.{i}")) for i in range(1, draw(st.integers(1, 6)) + 1)]
    for i, node in enumerate(leaves):
        if draw(st.booleans()):  # a node scored by two independent parts
            other = draw(leaf(f"{node['id']}.x"))
            if {node["method"]["type"], other["method"]["type"]} & {"bonus", "deduction", "survey"}:
                continue  # a part is a regular, self-scored unit
            parts = [
                {"id": pid, "title": f"Phần {pid}", **{k: part[k] for k in part if k in PART_KEYS}}
                for pid, part in (("a", node), ("b", other))
            ]
            points = Decimal(node["points"]) + Decimal(other["points"])
            leaves[i] = {
                **{k: node[k] for k in ("id", "title", "provenance")},
                "points": str(points),
                "parts": parts,
            }
    total = sum(  # bonus and deduction sit outside their parent's sum
        Decimal(x["points"])
        for x in leaves
        if x.get("method", {}).get("type") not in ("bonus", "deduction")
    )
    meta = Meta.model_validate(
        {
            "id": "sinh-ngau-nhien",
            "title": "Bộ chỉ số sinh ngẫu nhiên",
            "decision": {"number": "1/QĐ-UBND", "issuer": "UBND tỉnh"},
            "level": "xã",
            "province": "Thử",
            "year": str(YEAR),
            "bands": [{"name": "Tốt", "min_percent": "90"}, {"name": "Khác", "min_percent": "0"}],
            "rounding_step": draw(st.sampled_from(["0.01", "0.25"])),
            "variables": {v: {"title": v} for v in VARS},
            "provenance": {"source": "kiểm thử", "illustrative": ["points"]},
        }
    )
    area = Area.model_validate(
        {
            "id": "1",
            "title": "Lĩnh vực",
            "points": str(total),
            "provenance": {"source": "kiểm thử"},
            "criteria": [
                {"id": "1.1", "title": "Tiêu chí", "points": str(total), "sub_criteria": leaves}
            ],
        }
    )
    return Framework(meta=meta, areas=(area,))


DATES = st.dates(min_value=dt.date(YEAR - 1, 6, 1), max_value=dt.date(YEAR, 6, 1))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    return Document.model_validate(
        {
            "number": f"{draw(st.integers(1, 40))}/{draw(st.sampled_from(KINDS))}-UBND",
            "date": draw(DATES).isoformat(),
            "subject": draw(
                st.sampled_from(
                    [
                        "Kế hoạch cải cách hành chính",
                        "CẢI CÁCH thủ tục",
                        "Kiểm tra công vụ",
                        "văn bản khác",
                    ]
                )
            ),
        }
    )


@st.composite
def bundles(draw: st.DrawFn) -> Bundle:
    stats = {
        v: Statistic(
            value=Decimal(draw(st.integers(0, 30))),
            last_year=draw(st.one_of(st.none(), st.integers(0, 30).map(Decimal))),
        )
        for v in draw(st.sets(st.sampled_from(VARS)))
    }
    quals = tuple(
        Qualitative(
            node=f"1.1.{i}", result=draw(st.sampled_from(["đạt", "không đạt"])), explanation="x"
        )
        for i in draw(st.sets(st.integers(1, 6)))
    )
    return Bundle(
        profile=Profile(name="Đơn vị thử", level="xã", province="Thử", year=YEAR),
        documents=tuple(draw(st.lists(documents(), max_size=6))),
        statistics=stats,
        links=tuple(Item(url=f"https://x/{i}", title="t") for i in range(draw(st.integers(0, 2)))),
        declarations=Declarations(qualitative=quals),
    )
