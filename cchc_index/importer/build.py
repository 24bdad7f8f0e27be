"""The node tree → rule-file data (areas, criteria, sub-criteria, parts) and a review list."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cchc_index.i18n import num, tr
from cchc_index.importer.evidence_text import products
from cchc_index.importer.parse import Option, options_of
from cchc_index.importer.scoring import HIGH, LOW, MEDIUM, map_options
from cchc_index.importer.tree import Node
from cchc_index.importer.units import are_parts, rank, say, summary, unit_evidence


@dataclass
class Review:
    node: str
    place: str
    recognised: str
    confidence: str
    checks: list[str] = field(default_factory=list)


@dataclass
class Built:
    areas: list[dict[str, Any]]
    variables: dict[str, dict[str, str]]
    reviews: list[Review]
    points: list[Decimal]


class Builder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.variables: dict[str, dict[str, str]] = {}
        self.reviews: list[Review] = []
        self.points: list[Decimal] = []

    def provenance(self, node: Node, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"source": f"{self.source}, {node.place} (mục {node.id})", **(extra or {})}

    def max_of(self, node: Node) -> Decimal:
        if node.points is not None:
            self.points.append(node.points)
            return node.points
        total = sum((self.max_of(c) for c in node.children), Decimal(0))
        self.reviews.append(
            Review(
                node.id,
                node.place,
                tr("điểm tối đa", "maximum points"),
                LOW,
                [
                    tr(
                        f"không đọc được điểm '{node.points_text}'; tạm lấy tổng các mục con {num(total)}",
                        f"could not read the points '{node.points_text}'; the children's sum {num(total)} is used",
                    )
                ],
            )
        )
        return total

    def sums(self, node: Node, top: Decimal) -> None:
        if not node.children:
            return
        total = sum((c.points or Decimal(0) for c in node.children), Decimal(0))
        if total != top:
            rows = ", ".join(c.id for c in node.children)
            self.reviews.append(
                Review(
                    node.id,
                    node.place,
                    tr("tổng các mục con", "sum of the children"),
                    LOW,
                    [
                        tr(
                            f"bảng nguồn không cộng đúng: {rows} cộng lại {num(total)}, khác {num(top)} của dòng {node.id} (chênh {num(top - total)})",
                            f"the official table does not add up: {rows} add up to {num(total)}, not {num(top)} of row {node.id} (difference {num(top - total)})",
                        )
                    ],
                )
            )

    def area(self, node: Node) -> dict[str, Any] | None:
        top = self.max_of(node)
        self.sums(node, top)
        if not node.children:
            self.reviews.append(
                Review(
                    node.id,
                    node.place,
                    tr("lĩnh vực không có tiêu chí", "area without criteria"),
                    LOW,
                    [
                        tr(
                            "bỏ qua: thêm các tiêu chí của lĩnh vực này",
                            "skipped: add the criteria of this area",
                        )
                    ],
                )
            )
            return None
        criteria = []
        for child in node.children:
            ctop = self.max_of(child)
            self.sums(child, ctop)
            data: dict[str, Any] = {"id": child.id, "title": child.title, "points": ctop}
            if child.children:
                subs = []
                for sub in child.children:
                    if sub.children:
                        self.reviews.append(
                            Review(
                                sub.id,
                                sub.place,
                                tr("mục cấp 4", "a fourth-level row"),
                                LOW,
                                [
                                    tr(
                                        "các dòng dưới mục này được gộp làm cách chấm",
                                        "the rows under it are read as its scoring text",
                                    )
                                ],
                            )
                        )
                    subs.append(
                        {
                            "id": sub.id,
                            "title": sub.title,
                            "points": self.max_of(sub),
                            **self.scored(sub),
                        }
                    )
                data["sub_criteria"] = subs
            else:
                data.update(self.scored(child))
            criteria.append(data)
        return {
            "id": node.id,
            "title": node.title,
            "points": top,
            "provenance": self.provenance(node),
            "criteria": criteria,
        }

    def scored(self, node: Node) -> dict[str, Any]:
        """method or parts, evidence, requirement and provenance of a scored node."""
        top = node.points if node.points is not None else Decimal(0)
        options = node.options or options_of(node.method_text)
        requirement = "; ".join(say(o) for o in options) or node.method_text
        extra: dict[str, Any] = {"requirement": requirement} if requirement else {}
        if are_parts(options, top):
            parts = []
            for i, option in enumerate(options):
                part_id = chr(ord("a") + i)
                inner = options_of(option.method_text) or [Option(option.text, option.points)]
                assert option.points is not None
                body = self.unit(
                    f"{node.id}#{part_id}",
                    option.place or node.place,
                    option.text,
                    inner,
                    option.points,
                    option.evidence_text or node.evidence_text,
                    option.method_text,
                )
                parts.append({"id": part_id, "title": option.text, "points": option.points, **body})
            self.reviews.append(
                Review(
                    node.id,
                    node.place,
                    tr("{} phần cộng dồn ({})", "{} additive parts ({})").format(
                        len(parts), " + ".join(num(p["points"]) for p in parts)
                    ),
                    HIGH,
                )
            )
            return {**extra, "parts": parts, "provenance": self.provenance(node)}
        body = self.unit(
            node.id, node.place, node.title, options, top, node.evidence_text, node.method_text
        )
        body.pop("requirement", None)
        earning = [o.points for o in options if o.points is not None]
        if earning and len(earning) == len(options) and all(p > 0 for p in earning):
            added = sum(earning, Decimal(0))
            if added != top:  # component rows that do not make the maximum: one cut off?
                self.reviews[-1].checks.append(
                    tr(
                        f"các dòng thành phần cộng lại {num(added)}, khác {num(top)} của dòng {node.id}"
                        f" (chênh {num(top - added)}): thiếu một phần?",
                        f"the component rows add up to {num(added)}, not {num(top)} of row {node.id}"
                        f" (difference {num(top - added)}): a part missing?",
                    )
                )
        return {**extra, **body, "provenance": self.provenance(node)}

    def unit(
        self,
        uid: str,
        place: str,
        title: str,
        options: list[Option],
        top: Decimal,
        evidence_text: str,
        method_text: str,
    ) -> dict[str, Any]:
        mapped = map_options(uid, options, top)
        found, unknown = products(evidence_text)
        checks = list(mapped.checks)
        for figure in re.findall(r"\((\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\)", method_text):
            if Decimal(figure.replace(",", ".")) > top:  # "(1đ)" inside a 0,5-point option
                checks.append(
                    tr(
                        f"lời ghi '({figure}đ)' lớn hơn điểm tối đa {num(top)} của mục: lỗi của nguồn?",
                        f"the text says '({figure}đ)', more than the maximum {num(top)}: a defect of the source?",
                    )
                )
        if unknown:
            checks.append(
                tr(
                    "tài liệu kiểm chứng không rõ loại, giữ nguyên văn: ",
                    "evidence of an unknown kind, kept verbatim: ",
                )
                + " | ".join(unknown)
            )
        evidence = unit_evidence(self.variables, uid, title, mapped, found, checks)
        method = dict(mapped.method)
        if mapped.document:
            method["product"] = next(p["id"] for p in evidence if p["type"] == "document")
        if method["type"] in ("all_of",):
            method["products"] = [p["id"] for p in evidence]
        self.reviews.append(
            Review(
                uid,
                place,
                summary(mapped.recognised, method, evidence),
                mapped.confidence if not unknown else min(mapped.confidence, MEDIUM, key=rank),
                checks,
            )
        )
        body: dict[str, Any] = {"method": method}
        if evidence:
            body["evidence"] = evidence
        text = "; ".join(say(o) for o in options) or method_text
        if text:
            body["requirement"] = text
        return body


def build(roots: list[Node], source: str) -> Built:
    builder = Builder(source)
    areas = [a for a in (builder.area(r) for r in roots) if a is not None]
    return Built(areas, builder.variables, builder.reviews, builder.points)
