"""import_table(path) → the rule files' text and the review list: the importer's plain API."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cchc_index.i18n import num, tr
from cchc_index.importer.build import Review, build
from cchc_index.importer.cases import starter_cases
from cchc_index.importer.columns import find_table
from cchc_index.importer.header import read_header
from cchc_index.importer.readers import read_document
from cchc_index.importer.table import fail
from cchc_index.importer.tree import Tree, build_tree
from cchc_index.load.dump import framework_files
from cchc_index.model.framework import Framework

BANDS = [
    {"name": "Tốt", "min_percent": 90},
    {"name": "Khá", "min_percent": 80},
    {"name": "Trung bình", "min_percent": 70},
    {"name": "Yếu", "min_percent": 0},
]


@dataclass(frozen=True)
class Imported:
    framework: Framework
    files: dict[str, str]
    reviews: tuple[Review, ...]


def _step(points: list[Decimal]) -> Decimal:
    places = max((max(0, -int(p.as_tuple().exponent)) for p in points), default=2)
    return Decimal(1).scaleb(-max(places, 2))


def import_table(path: Path, shown: str, overrides: dict[str, Any]) -> Imported:
    """Read the table, build the rule files, and list what a person must review."""
    document = read_document(path, shown)
    columns = find_table(document)
    tree = build_tree(columns)
    roots, stray = tree.roots, tree.stray
    if not roots:
        raise fail(
            shown,
            "bảng bộ chỉ số không có dòng nào có STT",
            "the framework table has no numbered row",
        )
    header, missing = read_header(document.preamble)
    header.update({k: v for k, v in overrides.items() if v is not None})
    missing = [m for m in missing if overrides.get(m) is None]
    source = f"{header['number']} ({path.name})"
    built = build(roots, source)
    reviews = list(built.reviews)
    reviews += [
        _review(
            "-",
            place,
            tr("dòng không thuộc mục nào", "a row under no node"),
            [tr("dòng bị bỏ qua", "row skipped")],
        )
        for place in stray
    ]
    reviews += [
        _review(
            "-",
            place,
            tr("STT trùng", "duplicate STT"),
            [tr(f"STT trùng với một dòng trước: {place}", f"STT repeats an earlier row: {place}")],
        )
        for place in tree.duplicates
    ]
    meta_defects = _total_defects(tree, reviews)
    if missing:
        reviews.insert(
            0,
            _review(
                "framework.yaml",
                tr("đầu văn bản", "document header"),
                tr("thông tin quyết định", "decision details"),
                [
                    tr(
                        f"không đọc được: {', '.join(missing)}; điền tay (hoặc --year/--level/--province)",
                        f"not found: {', '.join(missing)}; fill in by hand (or --year/--level/--province)",
                    )
                ],
            ),
        )
    reviews.insert(
        0,
        _review(
            "framework.yaml",
            "-",
            tr("xếp loại, bước làm tròn", "bands, rounding step"),
            [
                tr(
                    "mức xếp loại và bước làm tròn là minh họa: sửa theo quyết định",
                    "the bands and rounding step are illustrative: set them from the decision",
                )
            ],
        ),
    )
    meta = {
        "id": re.sub(r"[^a-z0-9]+", "-", str(overrides.get("id") or _id(header)).lower()).strip(
            "-"
        ),
        "title": (document.preamble.split("\n")[0] if document.preamble else path.stem)[:200]
        or path.stem,
        "decision": {k: header[k] for k in ("number", "date", "issuer") if header.get(k)},
        "level": header.get("level") or "xã",
        "province": header["province"],
        "year": header.get("year") or 2000,
        "completeness": {"rows_encoded": _rows(built.areas), "rows_source": _numbered(roots)},
        "bands": BANDS,
        "rounding_step": _step(built.points),
        "variables": built.variables,
        "provenance": {
            "source": f"{source}: nhập bằng cchc-index import-framework",
            "illustrative": ["bands", "rounding"],
            **({"source_defects": meta_defects} if meta_defects else {}),
        },
    }
    if header.get("scheme"):
        meta["scheme"] = header["scheme"]
    try:
        framework = Framework.model_validate({"meta": meta, "areas": built.areas})
    except ValidationError as exc:
        raise fail(
            shown,
            f"không dựng được bộ chỉ số từ bảng: {exc.errors()[0]['msg']} ({'.'.join(str(x) for x in exc.errors()[0]['loc'])})",
            f"could not build a framework from the table: {exc.errors()[0]['msg']}",
        ) from None
    files = framework_files(framework)
    files.update(starter_cases(framework))
    files["review.md"] = render_review(reviews)
    return Imported(framework, files, tuple(reviews))


def _total_defects(tree: Tree, reviews: list[Review]) -> list[dict[str, str]]:
    """The table's own total row against its area rows: a difference is recorded, never
    fixed (an area row without points counts 0 here; it is reported on its own)."""
    if tree.total is None:
        return []
    added = sum((r.points or Decimal(0) for r in tree.roots), Decimal(0))
    if added == tree.total:
        return []
    reviews.append(
        _review(
            "framework.yaml",
            tree.total_place,
            tr("dòng tổng của bảng", "the table's total row"),
            [
                tr(
                    f"các lĩnh vực cộng lại {num(added)}, khác tổng {num(tree.total)} của bảng: ghi vào source_defects, không sửa",
                    f"the areas add up to {num(added)}, not the table's total {num(tree.total)}: recorded in source_defects, not fixed",
                )
            ],
        )
    )
    return [
        {
            "kind": "totals",
            "where": f"dòng tổng ({tree.total_place})",
            "defect": f"các lĩnh vực cộng lại {added}, khác tổng {tree.total} ghi ở bảng",
            "reading": f"giữ điểm từng lĩnh vực như bảng; tổng của bộ chỉ số là {added}",
        }
    ]


def _rows(areas: list[dict[str, Any]]) -> int:
    """Rows the rule files hold: areas, criteria, sub-criteria (a skipped area is not one)."""
    return sum(1 + sum(1 + len(c.get("sub_criteria", ())) for c in a["criteria"]) for a in areas)


def _numbered(roots: list[Any]) -> int:
    """Numbered rows of the table (the rows with an STT)."""
    return sum(1 + _numbered(r.children) for r in roots)


def _id(header: dict[str, Any]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", str(header.get("number", "")).lower()).strip("-")
    return f"{base or 'bo-chi-so'}-{header.get('year') or 'nam'}"[:60]


def _review(node: str, place: str, what: str, checks: list[str]) -> Review:
    return Review(node, place, what, "thấp", checks)


CONFIDENCE = {"cao": "high", "trung bình": "medium", "thấp": "low"}


def render_review(reviews: list[Review]) -> str:
    """The review list: every node, what was recognised, how sure, what to check."""
    lines = [
        tr("# Danh sách cần rà soát sau khi nhập bảng", "# Review list of the imported table"),
        "",
        tr(
            "| mục | vị trí trong bảng | nhận ra | độ tin cậy | cần kiểm tra |",
            "| node | place in the table | recognised | confidence | to check |",
        ),
        "|---|---|---|---|---|",
    ]
    for r in reviews:
        checks = "<br>".join(r.checks) if r.checks else "—"
        sure = tr(r.confidence, CONFIDENCE.get(r.confidence, r.confidence))
        lines.append(f"| {r.node} | {r.place} | {r.recognised} | {sure} | {checks} |")
    flagged = sum(1 for r in reviews if r.checks)
    lines += [
        "",
        tr(
            f"{len(reviews)} mục, {flagged} mục cần kiểm tra.",
            f"{len(reviews)} items, {flagged} to check.",
        ),
    ]
    return "\n".join(lines) + "\n"
