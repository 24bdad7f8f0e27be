"""Synthetic data for `cchc-index bench`: a framework of ~100 sub-criteria over the common
methods, and unit bundles of a few hundred facts (documents, figures, links)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from cchc_index.model.framework import Area, Framework, Meta

KINDS = ["KH", "BC", "QĐ", "TB", "CTr", "HD"]
TOPICS = [
    "cải cách hành chính",
    "kiểm soát thủ tục",
    "tuyên truyền",
    "văn bản quy phạm",
    "chuyển đổi số",
    "công vụ",
]


def _leaf(node_id: str, n: int, distinct: bool = False) -> dict[str, Any]:
    kind, topic, var = KINDS[n % len(KINDS)], TOPICS[n % len(TOPICS)], f"v{n % 40}"
    if distinct:  # each sub-criterion asks for a document of its own (`bench --plan`)
        topic = f"{topic} mục {n}"
    base: dict[str, Any] = {
        "id": node_id,
        "title": f"Tiêu chí thành phần {node_id}",
        "points": "1",
        "provenance": {"source": "bench", "illustrative": ["points"]},
    }
    doc = {
        "id": "vb",
        "type": "document",
        "title": "Văn bản",
        "doc_kind": kind,
        "subject": [topic],
        "not_before": "01/07 năm trước",
        "deadline": "31/12 năm trước",
    }
    stat = {
        "id": "tk",
        "type": "statistic",
        "title": "Số liệu",
        "variables": [var, "v_total"],
        "last_year": n % 4 == 3,
    }
    choice = n % 4
    if choice == 0:
        return {
            **base,
            "evidence": [doc],
            "method": {"type": "timeliness", "product": "vb", "on_time": "1", "late": "0.5"},
        }
    if choice == 1:
        bands = [
            {"points": "1", "above": "95"},
            {"points": "0.5", "at_least": "80", "at_most": "95"},
            {"points": "0", "below": "80"},
        ]
        return {
            **base,
            "evidence": [stat],
            "method": {
                "type": "ratio_bands",
                "numerator": [var],
                "denominator": ["v_total"],
                "bands": bands,
                "if_none": "full",
            },
        }
    if choice == 2:
        return {
            **base,
            "evidence": [doc, stat],
            "method": {
                "type": "count_ladder",
                "variable": var,
                "steps": [{"at_least": "50", "points": "1"}, {"at_least": "20", "points": "0.5"}],
            },
        }
    return {
        **base,
        "evidence": [stat],
        "method": {"type": "growth", "variable": var, "min_growth_percent": "15"},
    }


def synthetic_framework(leaves: int = 100, distinct: bool = False) -> Framework:
    areas, n = [], 0
    for a in range(1, 9):
        criteria = []
        for c in range(1, 5):
            count = leaves // 32 + (1 if (a - 1) * 4 + c <= leaves % 32 else 0)
            subs = [_leaf(f"{a}.{c}.{i}", n + i, distinct) for i in range(1, count + 1)]
            n += count
            criteria.append(
                {
                    "id": f"{a}.{c}",
                    "title": f"Tiêu chí {a}.{c}",
                    "points": str(count),
                    "sub_criteria": subs,
                }
            )
        total = sum(int(str(c["points"])) for c in criteria)
        areas.append(
            Area.model_validate(
                {
                    "id": str(a),
                    "title": f"Lĩnh vực {a}",
                    "points": str(total),
                    "criteria": criteria,
                    "provenance": {"source": "bench"},
                }
            )
        )
    meta = Meta.model_validate(
        {
            "id": "bench",
            "title": "Bộ chỉ số tổng hợp để đo hiệu năng",
            "decision": {"number": "1/QĐ-UBND", "issuer": "UBND tỉnh"},
            "level": "xã",
            "province": "Tổng hợp",
            "year": "2024",
            "bands": [{"name": "Tốt", "min_percent": "90"}, {"name": "Khác", "min_percent": "0"}],
            "rounding_step": "0.25",
            "variables": {f"v{i}": {"title": f"v{i}"} for i in range(40)}
            | {"v_total": {"title": "tổng"}},
            "provenance": {
                "source": "bench: dữ liệu tổng hợp, không phải bộ chỉ số thật",
                "illustrative": ["points"],
            },
        }
    )
    return Framework(meta=meta, areas=tuple(areas))


def write_bundle(folder: Path, seed: int, documents: int = 250) -> None:
    rnd = random.Random(seed)
    folder.mkdir(parents=True)
    (folder / "profile.yaml").write_text(
        f"name: UBND xã Tổng Hợp {seed}\nlevel: xã\nprovince: Tổng hợp\nyear: 2024\nframework: bench\n",
        encoding="utf-8",
    )
    rows = ["number,date,issuer,subject,for"]
    for i in range(documents):
        day, month, year = rnd.randint(1, 28), rnd.randint(1, 12), rnd.choice([2023, 2024])
        rows.append(
            f"{i + 1}/{rnd.choice(KINDS)}-UBND,{day:02d}/{month:02d}/{year},,Về {rnd.choice(TOPICS)} năm 2024 số {i},"
        )
    (folder / "documents.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    total = rnd.randint(0, 3000)
    lines = [f"v_total: {{value: '{total}', last_year: '{total}'}}"]
    lines += [
        f"v{i}: {{value: '{rnd.randint(0, total)}', last_year: '{rnd.randint(0, 60)}'}}"
        for i in range(40)
    ]
    (folder / "statistics.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    links = ["url,title,for"] + [
        f"https://xa{seed}.gov.vn/tin/{i},Tin {i},1.{i % 4 + 1}.1" for i in range(20)
    ]
    (folder / "links.csv").write_text("\n".join(links) + "\n", encoding="utf-8")
