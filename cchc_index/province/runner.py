"""`batch`: find every bundle under some folders, score them in a process pool, rank them.

Each worker process keeps one compiled `Scorer` (one durable_rules Host) per framework and
scores its chunk of bundles with `evaluate_many` (units share engine sessions, never state).
An invalid bundle does not stop the batch: it comes back as a `FailedUnit` with its located
problems. With a store, a bundle whose bytes, framework files and scoring code all match a
stored result is not rescored, and every chunk is committed as it arrives, so a killed run
loses at most the chunks in flight.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from cchc_index.errors import CchcError, EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.load.against import check_against
from cchc_index.load.appraisal import load_appraisal
from cchc_index.load.bundle import read_bundle
from cchc_index.load.rules import load_framework
from cchc_index.load.unit import find_framework
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import Block, Framework
from cchc_index.model.layers import Layer
from cchc_index.model.ranking import FailedUnit, Ranking, UnitScore, unit_score
from cchc_index.model.result import Result
from cchc_index.province.blocks import ProvinceFile, by_level, by_province
from cchc_index.province.hashing import code_hash, folder_hash
from cchc_index.province.ranking import rank
from cchc_index.province.store import Scored, Store
from cchc_index.scoring.evaluate import EngineName, Scorer
from cchc_index.scoring.layers import layered, self_points
from cchc_index.source import shown

CHUNK = 20  # units a worker takes at once: one engine session, one store transaction
Progress = Callable[[int, int], None]


def find_bundles(folders: Sequence[Path]) -> list[Path]:
    """Every folder holding a profile.yaml, under (or equal to) the given ones, sorted."""
    found: set[Path] = set()
    for root in folders:
        if (root / "profile.yaml").is_file():
            found.add(root)
            continue
        for profile in root.rglob("profile.yaml"):
            if not any(part.startswith(".") for part in profile.relative_to(root).parts):
                found.add(profile.parent)
    return sorted(found)


@dataclass
class _Worker:
    """What one process keeps between chunks: compiled frameworks and their hashes."""

    rules_dir: Path
    engine: EngineName
    storing: bool = True  # for a results store: content hashes to reuse results, every leaf
    scorers: dict[str, Scorer] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)

    def score(self, folders: Sequence[Path]) -> list[Scored | FailedUnit]:
        out: dict[Path, Scored | FailedUnit] = {}
        groups: dict[str, list[tuple[Path, str, Bundle]]] = {}
        for folder in folders:
            try:
                source = read_bundle(folder)
                bundle = source.bundle
                ref = bundle.profile.framework or ""
                if ref not in self.scorers:
                    rules = find_framework(bundle, folder, None, self.rules_dir)
                    self.scorers[ref] = Scorer(rules.framework, self.engine)
                    self.hashes[ref] = folder_hash(self.rules_dir / ref) if self.storing else ""
                check_against(source, self.scorers[ref].framework)
            except CchcError as exc:
                problems = tuple(p.format() for p in exc.problems)
                out[folder] = FailedUnit(shown(folder), problems, int(exc.exit_code))
                continue
            groups.setdefault(ref, []).append((folder, source.shown, bundle))
        for ref, members in groups.items():
            results = self.scorers[ref].evaluate_many([b for _f, _n, b in members])
            framework = self.scorers[ref].framework
            for (folder, name, bundle), result in zip(members, results, strict=True):
                try:  # an appraised unit is ranked on its final layer
                    final, layer = final_layer(folder, framework, result)
                except CchcError as exc:
                    problems = tuple(p.format() for p in exc.problems)
                    out[folder] = FailedUnit(name, problems, int(exc.exit_code))
                    continue
                digest = folder_hash(folder) if self.storing else ""
                score = unit_score(final, name, layer, leaves=self.storing)
                score = by_level(replace(score, level=bundle.profile.level), framework.meta.blocks)
                out[folder] = Scored(name, digest, ref, self.hashes[ref], score)
        return [out[f] for f in folders]


def final_layer(folder: Path, framework: Framework, result: Result) -> tuple[Result, str]:
    """The unit's final layer and the latest layer it comes from (`self` when the bundle has no
    appraisal.yaml); an invalid appraisal raises EvidenceError like any bundle file."""
    appraisal = load_appraisal(folder, framework, self_points(result))
    if appraisal is None:
        return result, Layer.SELF.value
    found = layered(framework, result, appraisal)
    return found.final, found.totals[-2].layer.value  # the last layer before "final"


_WORKER: _Worker | None = None


def _init(rules_dir: Path, engine: EngineName, storing: bool) -> None:
    global _WORKER
    gc.set_threshold(50_000, 20, 20)  # as the CLI does: short-lived acyclic objects
    _WORKER = _Worker(rules_dir, engine, storing)


def _score_chunk(folders: list[Path]) -> list[Scored | FailedUnit]:
    assert _WORKER is not None
    return _WORKER.score(folders)


def _chunks(items: list[Path], jobs: int) -> list[list[Path]]:
    size = max(1, min(CHUNK, -(-len(items) // (4 * jobs))))  # small batches still spread out
    return [items[i : i + size] for i in range(0, len(items), size)]


def score_folders(
    folders: list[Path], rules_dir: Path, engine: EngineName, jobs: int, storing: bool = True
) -> Iterator[list[Scored | FailedUnit]]:
    """Score bundles chunk by chunk, in `jobs` processes; chunks come back as they finish."""
    chunks = _chunks(folders, jobs)
    if jobs <= 1 or len(chunks) <= 1:
        _init(rules_dir, engine, storing)
        for chunk in chunks:
            yield _score_chunk(chunk)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(jobs, initializer=_init, initargs=(rules_dir, engine, storing)) as pool:
        yield from pool.imap_unordered(_score_chunk, chunks)


def run_batch(
    folders: Sequence[Path],
    rules_dir: Path,
    *,
    engine: EngineName = "durable",
    jobs: int = 1,
    store: Store | None = None,
    progress: Progress | None = None,
    province: ProvinceFile | None = None,
) -> Ranking:
    """Score and rank every bundle under `folders`, within each block (of the framework, or
    of the `province` file); record the run in `store` when given."""
    bundles = find_bundles(folders)
    if not bundles:
        raise EvidenceError(
            [
                Problem(
                    shown(f),
                    1,
                    1,
                    tr(
                        "không có bộ minh chứng nào (thư mục chứa profile.yaml)",
                        "no evidence bundle here (a folder holding profile.yaml)",
                    ),
                )
                for f in folders
            ]
        )
    code = code_hash()
    run_id = store.begin_run(engine, code, [str(f) for f in folders]) if store else None
    scores: list[tuple[UnitScore, bool]] = []
    failed: list[FailedUnit] = []
    todo = bundles
    if store is not None and run_id is not None:
        todo, reused = _reusable(store, code, bundles, rules_dir)
        store.record(run_id, code, [], [(shown(f), aid) for f, aid in reused])
        blocks = _FrameworkBlocks(rules_dir)
        for f, aid in reused:  # a stored unit is placed in its block as a new one would be
            score = by_level(store.load(aid, shown(f)), blocks.of(store.framework_ref(aid)))
            scores.append((by_province(score, province), True))
    done = len(bundles) - len(todo)
    if progress:
        progress(done, len(bundles))
    for chunk in score_folders(todo, rules_dir, engine, jobs, store is not None):
        new = [
            replace(item, score=by_province(item.score, province))
            for item in chunk
            if isinstance(item, Scored)
        ]
        bad = [item for item in chunk if isinstance(item, FailedUnit)]
        if store is not None and run_id is not None:
            store.record(run_id, code, new, failed=bad)
        scores += [(item.score, False) for item in new]
        failed += bad
        done += len(chunk)
        if progress:
            progress(done, len(bundles))
    if store is not None and run_id is not None:
        store.set_blocks(run_id, [s for s, _r in scores])
        store.finish_run(run_id)
    return rank(scores, failed, run_id)


@dataclass
class _FrameworkBlocks:
    """The blocks of each framework a batch reuses stored results of, loaded once."""

    rules_dir: Path
    found: dict[str, tuple[Block, ...]] = field(default_factory=dict)

    def of(self, ref: str) -> tuple[Block, ...]:
        if ref not in self.found:
            try:
                self.found[ref] = load_framework(self.rules_dir / ref).framework.meta.blocks
            except CchcError:
                self.found[ref] = ()  # the framework is reported when the unit is rescored
        return self.found[ref]


def _reusable(
    store: Store, code: str, bundles: list[Path], rules_dir: Path
) -> tuple[list[Path], list[tuple[Path, int]]]:
    """Split bundles into those to score and those whose stored result still holds."""
    framework_hashes: dict[str, str | None] = {}
    todo, reused = [], []
    for folder in bundles:
        hit = None
        for aid, ref, fw_hash in store.candidates(folder_hash(folder), code):
            if ref not in framework_hashes:
                path = rules_dir / ref
                framework_hashes[ref] = folder_hash(path) if path.is_dir() else None
            if framework_hashes[ref] == fw_hash:
                hit = aid
                break
        if hit is None:
            todo.append(folder)
        else:
            reused.append((folder, hit))
    return todo, reused
