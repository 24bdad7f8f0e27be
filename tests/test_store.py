"""The results store's laws: it gives back what rescoring gives, a killed run leaves the
previous one intact, and the ranking does not depend on the order bundles are found."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.bench.data import synthetic_framework, write_bundle
from cchc_index.load.dump import framework_files
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import Framework
from cchc_index.model.ranking import NodeScore, UnitScore, pack, unit_score
from cchc_index.province.queries import latest_run, ranking_of_year
from cchc_index.province.ranking import rank
from cchc_index.province.store import Scored, Store
from cchc_index.scoring.evaluate import Scorer

from strategies import bundles, frameworks


@settings(max_examples=40)
@given(frameworks(), st.lists(bundles(), min_size=1, max_size=8))
def test_the_store_gives_the_same_results_as_rescoring(
    framework: Framework, units: list[Bundle]
) -> None:
    store = Store.open(Path(":memory:"))
    run = store.begin_run("durable", "code", ["x"])
    scorer = Scorer(framework, "durable")
    fresh = [unit_score(r, f"u{i}") for i, r in enumerate(scorer.evaluate_many(units))]
    store.record(
        run, "code", [Scored(s.folder, f"b{i}", "fw", "h", s) for i, s in enumerate(fresh)]
    )
    store.finish_run(run)
    stored = {s.folder: s for s, _reused in _pairs(store, run)}
    rescored = Scorer(framework, "reference").evaluate_many(units)
    for i, result in enumerate(rescored):
        expected = unit_score(result, f"u{i}")
        assert stored[f"u{i}"] == expected  # reasons too: stored as data, in no language


def _pairs(store: Store, run: int) -> list[tuple[UnitScore, bool]]:
    from cchc_index.province.queries import run_scores

    return run_scores(store, run)


SCORES = st.builds(
    lambda i, idx, total: UnitScore(
        f"f{i}", f"Xã {i % 5}", 2024, "fw", "Bộ", Decimal(total), Decimal(10),
        None if idx is None else Decimal(idx), None, 0, "self",
        (pack(NodeScore("1", "area", "A", Decimal(total), Decimal(10), None, None, None)),),
    ),
    st.integers(0, 10**6),
    st.one_of(st.none(), st.sampled_from(["10", "25.5", "50", "50.00", "90"])),
    st.sampled_from(["1", "2.5", "5"]),
)  # fmt: skip


@given(st.lists(SCORES, max_size=12, unique_by=lambda s: s.folder), st.randoms())
def test_ranking_is_invariant_to_the_order_bundles_are_found(
    scores: list[UnitScore], rnd: object
) -> None:
    shuffled = list(scores)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a = rank((s, False) for s in scores)
    b = rank((s, False) for s in shuffled)
    assert a == b
    for row in a.rows:  # equal indexes share a rank; a better index never ranks lower
        same = [r.rank for r in a.rows if r.score.index_percent == row.score.index_percent]
        assert set(same) == {row.rank}
        ahead = sum(
            1
            for r in a.rows
            if (r.score.index_percent if r.score.index_percent is not None else -1)
            > (row.score.index_percent if row.score.index_percent is not None else -1)
        )
        assert row.rank == ahead + 1


def _bench_province(root: Path, units: int) -> tuple[Path, Path]:
    rules = root / "rules" / "bench"
    rules.mkdir(parents=True)
    for name, text in framework_files(synthetic_framework(40)).items():
        (rules / name).write_text(text, encoding="utf-8")
    for i in range(units):
        write_bundle(root / "units" / f"u{i:04d}", i, documents=60)
    return root / "rules", root / "units"


def _batch(rules: Path, units: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "cchc_index", "batch", str(units), "--rules-dir", str(rules)]
    command += ["--db", str(db), "-q", "-j", "1", "--format", "json"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_a_killed_run_leaves_the_previous_one_intact_and_a_rerun_finishes_it(
    tmp_path: Path,
) -> None:
    rules, units = _bench_province(tmp_path, 400)
    first_units = tmp_path / "first"
    first_units.mkdir()
    for folder in sorted(units.iterdir())[:20]:
        shutil.copytree(folder, first_units / folder.name)
    db = tmp_path / "kq.db"
    assert _batch(rules, first_units, db).wait(timeout=120) == 0
    before = ranking_of_year(Store.open(db))
    process = _batch(rules, units, db)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with sqlite3.connect(db) as peek:
            done = peek.execute("SELECT count(*) FROM run_units WHERE run_id = 2").fetchone()[0]
        if done >= 60:
            break
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    store = Store.open(db)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert 60 <= done < 400, "the run was not killed halfway"
    assert latest_run(store) == 1  # the killed run is not a finished run
    assert ranking_of_year(store) == before
    rerun = _batch(rules, units, db)
    assert rerun.wait(timeout=300) == 0
    store = Store.open(db)
    assert latest_run(store) == 3
    after = ranking_of_year(store)
    assert len(after.rows) == 400
    assert sum(r.reused for r in after.rows) >= done  # what the killed run stored is reused


def test_the_schema_is_migrated_once_and_a_newer_one_is_refused(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cchc_index.cli.main import cli
    from cchc_index.province.schema import MIGRATIONS

    db = tmp_path / "kq.db"
    Store.open(db).close()
    Store.open(db).close()  # already up to date: nothing runs twice
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        raw.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    result = CliRunner().invoke(cli, ["results", "ranking", "--db", str(db)])
    assert result.exit_code == 4 and "mới hơn" in result.stderr
