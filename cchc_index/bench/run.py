"""`cchc-index bench`: a synthetic province scored from disk, timed, against the reference.

Generates a framework of ~100 sub-criteria over every common method and N unit bundles
of a few hundred facts each (documents.csv rows, statistics, links, declarations), writes
them to a temporary folder, then measures reading, scoring with durable_rules and with the
pure-Python reference evaluator of the same compiled rules, in one process and in two.
"""

from __future__ import annotations

import gc
import multiprocessing
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

from cchc_index.bench.data import synthetic_framework, write_bundle
from cchc_index.engine.compile import fact
from cchc_index.load.bundle import load_bundle
from cchc_index.load.dump import framework_files
from cchc_index.load.rules import load_framework
from cchc_index.scoring.evaluate import EngineName, Scorer
from cchc_index.scoring.matching import EvidenceIndex
from cchc_index.scoring.metrics import derive


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
        breakdown(rules, bundles[:200], echo)
    return rows


def breakdown(rules: Path, bundles: list[Path], echo: Callable[[str], None]) -> None:
    """Median milliseconds a unit spends in each step of `Scorer.evaluate`, durable engine."""
    scorer = Scorer(load_framework(rules).framework, "durable")
    steps: dict[str, list[float]] = {
        "read": [],
        "index": [],
        "derive": [],
        "durable": [],
        "total": [],
    }
    for folder in bundles:
        t0 = time.perf_counter()
        bundle = load_bundle(folder)
        t1 = time.perf_counter()
        index = EvidenceIndex(bundle)
        t2 = time.perf_counter()
        derived = [derive(index, a, c, u, scorer.step, o) for a, c, _n, u, o in scorer.units]
        t3 = time.perf_counter()
        scorer.runner.fired([fact(d.leaf.id, d.metric) for d in derived])
        t4 = time.perf_counter()
        scorer.evaluate(bundle)
        t5 = time.perf_counter()
        for key, value in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            steps[key].append(1000 * value)
    medians = {key: statistics.median(values) for key, values in steps.items()}
    medians["results"] = (
        medians["total"] - medians["index"] - medians["derive"] - medians["durable"]
    )
    echo("per_unit_ms " + " ".join(f"{k}={v:.2f}" for k, v in medians.items() if k != "total"))


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
