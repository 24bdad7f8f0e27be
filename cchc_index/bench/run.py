"""`cchc-index bench`: a synthetic province scored from disk on the batch path, timed.

Generates a framework of ~100 sub-criteria over every common method and N unit bundles of
a few hundred facts each, writes them to a temporary folder, then measures, back to back on
the same files: the batch path (`province.runner`, `Scorer.evaluate_many`) with durable_rules
on one process and on `workers`, the same with the pure-Python reference evaluator, the
one-unit path `score` uses, and — given `baseline`, a source tree of an earlier version —
that version's one-unit loop in its own interpreters. Totals must agree everywhere.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from cchc_index.bench.data import synthetic_framework, write_bundle
from cchc_index.load.bundle import load_bundle
from cchc_index.load.dump import framework_files
from cchc_index.load.rules import load_framework
from cchc_index.scoring.evaluate import EngineName, Scorer

Echo = Callable[[str], None]
_BASELINE = """
import gc, sys, time
from decimal import Decimal
from pathlib import Path
gc.set_threshold(50_000, 20, 20)
from cchc_index.load.bundle import load_bundle
from cchc_index.load.rules import load_framework
from cchc_index.scoring.evaluate import Scorer
scorer = Scorer(load_framework(Path(sys.argv[1])).framework, "durable")
folders = [Path(p) for p in sys.argv[2:]]
wall, cpu = time.perf_counter(), time.process_time()
total = sum((scorer.evaluate(load_bundle(f)).total for f in folders), Decimal(0))
print(time.perf_counter() - wall, time.process_time() - cpu, total)
"""
Timing = tuple[float, float, Decimal]  # wall seconds, CPU seconds (all processes), total


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


# Both timers start once the code is imported: the earlier version's loop imports durable_rules
# when its Scorer is built, before its timer; the batch imports it on its first chunk, so it is
# imported here first. The batch's own framework loading stays inside its timer.
_BATCH = """
import sys, time
from decimal import Decimal
from pathlib import Path
from cchc_index.province.runner import score_folders
import cchc_index.engine.runtime
rules, engine, jobs = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
folders = [Path(p) for p in sys.argv[4:]]
wall, cpu = time.perf_counter(), time.process_time()
total = Decimal(0)
for chunk in score_folders(folders, rules.parent, engine, jobs, storing=False):
    total += sum((item.score.total for item in chunk), Decimal(0))
import resource
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - wall, time.process_time() - cpu + kids.ru_utime + kids.ru_stime, total)
"""


def _batch(rules: Path, units: list[Path], engine: EngineName, jobs: int) -> Timing:
    """The batch path in a fresh interpreter, as the old code is run: same conditions."""
    out = subprocess.run(
        [sys.executable, "-P", "-c", _BATCH, str(rules), engine, str(jobs), *map(str, units)],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), float(out[1]), Decimal(out[2])


def _one_unit(rules: Path, units: list[Path]) -> Timing:
    scorer = Scorer(load_framework(rules).framework, "durable")
    wall, cpu = time.perf_counter(), _cpu()
    total = sum((scorer.evaluate(load_bundle(f)).total for f in units), Decimal(0))
    return time.perf_counter() - wall, _cpu() - cpu, total


def _baseline(tree: Path, rules: Path, units: list[Path], jobs: int) -> Timing:
    """The earlier version's one-unit loop, `jobs` interpreters on equal shares at once;
    each times its own loop (not its start-up), the slowest one is the wall time. `-P`: the
    working folder must not shadow the tree on PYTHONPATH (run from a checkout, it would)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    shares = [units[i::jobs] for i in range(jobs)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-P", "-c", _BASELINE, str(rules), *map(str, share)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for share in shares
    ]
    outs = [p.communicate()[0].split() for p in procs]
    return (
        max(float(o[0]) for o in outs),
        sum(float(o[1]) for o in outs),
        sum((Decimal(o[2]) for o in outs), Decimal(0)),
    )


def _row(size: int, runs: dict[str, list[Timing]], workers: int) -> dict[str, Any]:
    totals = {name: {t for _w, _c, t in timings} for name, timings in runs.items()}
    assert len(set().union(*totals.values())) == 1, f"totals disagree: {totals}"
    wall = {name: statistics.median(w for w, _c, _t in ts) for name, ts in runs.items()}
    cpu = {name: statistics.median(c for _w, c, _t in ts) for name, ts in runs.items()}
    row: dict[str, Any] = {"units": size, "rounds": len(runs["batch_1"])}
    row |= {f"{name}_s": s for name, s in wall.items()}
    row["ms_per_unit_cpu"] = 1000 * cpu["batch_1"] / size
    row["durable_over_reference"] = cpu["batch_1"] / cpu["reference_1"]
    row[f"speedup_{workers}_procs"] = wall["batch_1"] / wall[f"batch_{workers}"]
    if "today_1" in wall:
        row["today_over_batch_1_cpu"] = cpu["today_1"] / cpu["batch_1"]
        row["today_over_batch_1_wall"] = wall["today_1"] / wall["batch_1"]
        row[f"today_over_batch_{workers}_wall"] = (
            wall[f"today_{workers}"] / wall[f"batch_{workers}"]
        )
    row["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return row


def measure(
    sizes: list[int], workers: int, echo: Echo, baseline: Path | None = None, rounds: int = 3
) -> list[dict[str, Any]]:
    """Each size: `rounds` rounds in which every variant runs once, in turn (medians kept),
    so a busy machine slows old and new code alike."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        root = Path(tmp)
        rules = root / "rules" / "bench"
        rules.mkdir(parents=True)
        for name, text in framework_files(synthetic_framework()).items():
            (rules / name).write_text(text, encoding="utf-8")
        bundles = [root / "units" / f"u{i:05d}" for i in range(max(sizes))]
        for i, folder in enumerate(bundles):
            write_bundle(folder, i)
        for size in sizes:
            units = bundles[:size]
            runs: dict[str, list[Timing]] = {}
            variants: dict[str, Callable[[], Timing]] = {}
            if baseline is not None:  # old and new back to back, on the same files
                variants["today_1"] = partial(_baseline, baseline, rules, units, 1)
            variants["batch_1"] = partial(_batch, rules, units, "durable", 1)
            variants["reference_1"] = partial(_batch, rules, units, "reference", 1)
            if baseline is not None:
                variants[f"today_{workers}"] = partial(_baseline, baseline, rules, units, workers)
            variants[f"batch_{workers}"] = partial(_batch, rules, units, "durable", workers)
            for _round in range(rounds):
                for name, variant in variants.items():
                    runs.setdefault(name, []).append(variant())
            runs["one_unit_path_1"] = [_one_unit(rules, units)]
            row = _row(size, runs, workers)
            rows.append(row)
            echo(
                " ".join(
                    f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()
                )
            )
        breakdown(rules, bundles[:400], echo)
    return rows


def breakdown(rules: Path, bundles: list[Path], echo: Echo, chunk: int = 20) -> None:
    """Median milliseconds a unit spends in each stage of the batch path, per chunk of 20."""
    scorers = {e: Scorer(load_framework(rules).framework, e) for e in ("durable", "reference")}
    durable, reference = scorers["durable"], scorers["reference"]
    steps: dict[str, list[float]] = {
        k: [] for k in ("read", "derive", "durable", "reference", "results")
    }
    for start in range(0, len(bundles), chunk):
        folders = bundles[start : start + chunk]
        t0 = time.perf_counter()
        units = [load_bundle(f) for f in folders]
        t1 = time.perf_counter()
        staged = [durable._derive(u) for u in units]
        t2 = time.perf_counter()
        fired = durable.runner.fired_many([facts for _i, _d, facts in staged])
        t3 = time.perf_counter()
        reference.runner.fired_many([facts for _i, _d, facts in staged])
        t4 = time.perf_counter()
        for unit, (index, derived, _f), names in zip(units, staged, fired, strict=True):
            durable._finish(unit, index, derived, names)
        t5 = time.perf_counter()
        for key, value in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            steps[key].append(1000 * value / len(folders))
    medians = {key: statistics.median(values) for key, values in steps.items()}
    echo("per_unit_ms " + " ".join(f"{k}={v:.3f}" for k, v in medians.items()))
    echo(f"engine_durable_over_reference={medians['durable'] / medians['reference']:.2f}")


def cold_start(bundle: Path, runs: int = 7, tree: Path | None = None) -> float:
    """Median wall time of `cchc-index score BUNDLE` in a fresh interpreter (of the code
    in `tree` when given, run in that tree: an earlier version reads its own rule files and
    sample, which the current rule format may have outgrown)."""
    env = {**os.environ, "PYTHONPATH": str(tree)} if tree is not None else None
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-P", "-m", "cchc_index", "score", str(bundle)],
            check=True,
            capture_output=True,
            env=env,
            cwd=tree,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)
