"""The node tree → rule-file data (areas, criteria, sub-criteria, parts) and a review list."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cchc_index.i18n import num, tr
from cchc_index.importer.evidence_text import products
from cchc_index.importer.honesty import honesty
from cchc_index.importer.parse import Option, components, options_of
from cchc_index.importer.scoring import HIGH, LOW, MEDIUM, map_options
from cchc_index.importer.table import plain
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
        self.defects: list[dict[str, str]] = []  # of the area being built
        self.unread: set[str] = set()  # rows whose points cell could not be read

    def provenance(self, node: Node, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"source": f"{self.source}, {node.place} (mục {node.id})", **(extra or {})}

    def max_of(self, node: Node) -> Decimal:
        """The points the table gives a row; a missing cell is reported, never guessed: a
        parent's is the sum of its rows (marked illustrative), a scored row's is 0 until a
        person fills it in (and `validate` refuses the sums until then)."""
        if node.points is not None:
            self.points.append(node.points)
            return node.points
        if node.children and is_adjustment(node.title):
            return Decimal(0)  # a bonus and penalty content: outside the maximum
        total = sum((self.max_of(c) for c in node.children), Decimal(0))
        self.unread.add(node.id)
        self.reviews.append(
            Review(
                node.id,
                node.place,
                tr("điểm tối đa", "maximum points"),
                LOW,
                [
                    tr(
                        f"ô điểm trống hoặc không đọc được ('{node.points_text}'): ghi tổng các mục con {num(total)}, đánh dấu minh họa; cần điền theo nguồn",
                        f"points cell empty or unreadable ('{node.points_text}'): the children's sum {num(total)} is written, marked illustrative; fill it in from the source",
                    )
                    if node.children
                    else tr(
                        f"ô điểm trống hoặc không đọc được ('{node.points_text}'): ghi 0, không đoán; cần điền theo nguồn",
                        f"points cell empty or unreadable ('{node.points_text}'): 0 is written, not guessed; fill it in from the source",
                    )
                ],
            )
        )
        return total

    def sums(self, node: Node, top: Decimal) -> None:
        if not node.children:
            return
        counted = [c for c in node.children if not is_adjustment(c.title)]
        total = sum((c.points or Decimal(0) for c in counted), Decimal(0))
        if total != top:
            rows = ", ".join(c.id for c in counted)
            self.defects.append(
                {
                    "kind": "totals",
                    "where": f"dòng {node.id} ({node.place})",
                    "defect": f"các mục {rows} cộng lại {total}, khác {top} ghi ở dòng {node.id}",
                    "reading": f"giữ {top} như bảng, không sửa; cần người quyết định (thiếu dòng hay lỗi của nguồn)",
                }
            )
            self.reviews.append(
                Review(
                    node.id,
                    node.place,
                    tr("tổng các mục con", "sum of the children"),
                    LOW,
                    [
                        tr(
                            f"bảng nguồn không cộng đúng: {rows} cộng lại {num(total)}, khác {num(top)} của dòng {node.id} (chênh {num(top - total)}); ghi vào source_defects",
                            f"the official table does not add up: {rows} add up to {num(total)}, not {num(top)} of row {node.id} (difference {num(top - total)}); recorded in source_defects",
                        )
                    ],
                )
            )

    def area(self, node: Node) -> dict[str, Any] | None:
        self.defects = []
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
        extra: dict[str, Any] = {"source_defects": self.defects} if self.defects else {}
        if self.unread:
            extra["illustrative"] = ["points"]
        return {
            "id": node.id,
            "title": node.title,
            "points": top,
            "provenance": self.provenance(node, extra),
            "criteria": criteria,
        }

    def scored(self, node: Node) -> dict[str, Any]:
        """method or parts, evidence, requirement and provenance of a scored node."""
        top = node.points if node.points is not None else Decimal(0)
        if is_adjustment(node.title):
            return self.adjustment(node, top)
        options = node.options or options_of(node.method_text)
        requirement = "; ".join(say(o) for o in options) or node.method_text
        extra: dict[str, Any] = {"requirement": requirement} if requirement else {}
        groups = (
            [[o, *(options_of(o.method_text) or [])] for o in options]
            if are_parts(options, top)
            else components(options, top)
        )
        if groups is not None:
            parts = []
            for i, group in enumerate(groups):
                head, inner = group[0], group[1:]
                assert head.points is not None
                part_id = chr(ord("a") + i)
                body = self.unit(
                    f"{node.id}#{part_id}",
                    head.place or node.place,
                    head.text,
                    inner or [Option(head.text, head.points)],
                    head.points,
                    head.evidence_text or node.evidence_text,
                    head.method_text or "\n".join(say(o) for o in group),
                )
                parts.append({"id": part_id, "title": head.text, "points": head.points, **body})
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

    def adjustment(self, node: Node, top: Decimal) -> dict[str, Any]:
        """A bonus or penalty row (điểm thưởng, điểm trừ): outside the sums, capped at its
        points; the amount for each counted case is read from its text, or flagged."""
        options = node.options or options_of(node.method_text)
        text = " ".join(
            [node.title, node.method_text, *(f"{o.text} {o.method_text}" for o in options)]
        )
        kind = "deduction" if re.search(r"\btru\b", plain(node.title)) else "bonus"
        each = next((o.points for o in options if o.points), None)
        found = re.search(r"mỗi[^0-9]{0,60}(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)", text, re.I)
        said = re.search(r"(?:cộng|trừ|thưởng)\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\b", text, re.I)
        if said and "mỗi" in text.lower():
            found = said
        if found:
            each = Decimal(found[1].replace(",", ".")).normalize() + 0
        uid = node.id
        var = f"so_luong_{uid.replace('.', '_')}"
        self.variables[var] = {"title": f"{var} (đặt tên)"}
        checks = [
            tr(
                "đặt tên biến số lượng; trần là điểm của dòng",
                "name the count variable; the cap is the row's points",
            )
        ]
        if each is None:
            each = top
            checks.append(
                tr(
                    "không đọc được mức mỗi lần: tạm ghi bằng trần; cần điền theo nguồn",
                    "the amount for each case was not read: the cap is written for now; fill it in",
                )
            )
        self.reviews.append(
            Review(
                uid,
                node.place,
                f"{kind}: {num(each)} {tr('mỗi lần', 'each')}, {tr('trần', 'cap')} {num(top)}",
                MEDIUM,
                checks,
            )
        )
        return {
            "requirement": text.strip(),
            "evidence": [
                {
                    "id": f"so-lieu-{uid.replace('.', '-')}",
                    "type": "statistic",
                    "title": f"Số liệu của mục {uid}",
                    "variables": [var],
                }
            ],
            "method": {"type": kind, "variable": var, "points_each": each},
            "provenance": self.provenance(node),
        }

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
        honest = honesty(method, options, top, mapped.deadline)
        checks += honest
        confidence = mapped.confidence if not unknown else min(mapped.confidence, MEDIUM, key=rank)
        if honest:
            confidence = min(confidence, MEDIUM, key=rank)
        self.reviews.append(
            Review(uid, place, summary(mapped.recognised, method, evidence), confidence, checks)
        )
        body: dict[str, Any] = {"method": method}
        if evidence:
            body["evidence"] = evidence
        text = "; ".join(say(o) for o in options) or method_text
        if text:
            body["requirement"] = text
        return body


_ADJUSTMENT = re.compile(
    r"\bdiem thuong\b|\bdiem cong\b|\bdiem tru\b|\bbi tru\b|\btru diem\b|\bcong diem\b"
)


def is_adjustment(title: str) -> bool:
    """A bonus or penalty row or content, by its title."""
    return bool(_ADJUSTMENT.search(plain(title)))


def build(roots: list[Node], source: str) -> Built:
    builder = Builder(source)
    areas = [a for a in (builder.area(r) for r in roots) if a is not None]
    return Built(areas, builder.variables, builder.reviews, builder.points)
