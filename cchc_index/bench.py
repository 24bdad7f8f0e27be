"""`cchc-index bench`: a synthetic province scored from disk, timed, against the reference.

Generates a framework of ~100 sub-criteria over every common method and N unit bundles
of a few hundred facts each (documents.csv rows, statistics, links, declarations), writes
them to a temporary folder, then measures reading, scoring with durable_rules and with the
pure-Python reference evaluator of the same compiled rules, in one process and in two.
"""

from __future__ import annotations

import gc
import multiprocessing
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from cchc_index.dump import framework_files
from cchc_index.evaluate import EngineName, Scorer
from cchc_index.load.bundle import load_bundle
from cchc_index.load.rules import load_framework
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


def _leaf(node_id: str, n: int) -> dict[str, Any]:
    kind, topic, var = KINDS[n % len(KINDS)], TOPICS[n % len(TOPICS)], f"v{n % 40}"
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


def synthetic_framework(leaves: int = 100) -> Framework:
    areas, n = [], 0
    for a in range(1, 9):
        criteria = []
        for c in range(1, 5):
            count = leaves // 32 + (1 if (a - 1) * 4 + c <= leaves % 32 else 0)
            subs = [_leaf(f"{a}.{c}.{i}", n + i) for i in range(1, count + 1)]
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


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _run(
    rules: Path, bundles: list[Path], engine: EngineName
) -> tuple[list[float], list[float], Decimal]:
    scorer = Scorer(load_framework(rules).framework, engine)
    reads, scores, total = [], [], Decimal(0)
    for folder in bundles:
        start = time.perf_counter()
        bundle = load_bundle(folder)
        middle = time.perf_counter()
        total += scorer.evaluate(bundle).total
        reads.append(middle - start)
        scores.append(time.perf_counter() - middle)
    return reads, scores, total


def _worker(args: tuple[Path, list[Path], EngineName]) -> tuple[list[float], list[float], Decimal]:
    gc.set_threshold(50_000, 20, 20)  # as the CLI does (cli.main)
    return _run(*args)


def measure(sizes: list[int], workers: int, echo: Callable[[str], None]) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        root = Path(tmp)
        rules = root / "bench"
        rules.mkdir()
        for name, text in framework_files(synthetic_framework()).items():
            (rules / name).write_text(text, encoding="utf-8")
        bundles = [root / "units" / f"u{i}" for i in range(max(sizes))]
        for i, folder in enumerate(bundles):
            write_bundle(folder, i)
        for size in sizes:
            batch = bundles[:size]
            wall: dict[str, float] = {}
            engines: tuple[EngineName, ...] = ("durable", "reference")
            for engine in engines:
                start = time.perf_counter()
                reads, scores, total = _run(rules, batch, engine)
                wall[engine] = time.perf_counter() - start
                if engine == "durable":
                    durable_total, lat, read = (
                        total,
                        [r + s for r, s in zip(reads, scores, strict=True)],
                        reads,
                    )
                    score_d = sum(scores)
                else:
                    assert total == durable_total, "durable and reference disagree"
                    score_r = sum(scores)
            start = time.perf_counter()
            chunks = [batch[i::workers] for i in range(workers)]
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                pool.map(_worker, [(rules, chunk, "durable") for chunk in chunks])
            parallel = time.perf_counter() - start
            row = {
                "units": size,
                "one_core_s": wall["durable"],
                f"{workers}_procs_s": parallel,
                "units_per_s": size / wall["durable"],
                "p50_ms": 1000 * _quantile(lat, 0.5),
                "p95_ms": 1000 * _quantile(lat, 0.95),
                "read_share": sum(read) / wall["durable"],
                "reference_s": wall["reference"],
                "engine_ratio": score_d / score_r,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
            rows.append(row)
            echo(
                " ".join(
                    f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()
                )
            )
    return rows


def cold_start(bundle: Path, runs: int = 5) -> float:
    """Median wall time of `cchc-index score BUNDLE` in a fresh interpreter."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "cchc_index", "score", str(bundle)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)
