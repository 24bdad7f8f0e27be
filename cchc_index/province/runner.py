"""`batch`: find every bundle under some folders, score them in a process pool, rank them.

Each worker process keeps a service `Reviewer`: one compiled `Scorer` (one durable_rules Host) per framework and
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
from cchc_index.load.rules import FrameworkSource, load_framework
from cchc_index.load.submissions import numbers
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import Block
from cchc_index.model.ranking import FailedUnit, Ranking, UnitScore, unit_score
from cchc_index.model.submission import SUBMISSIONS
from cchc_index.province.blocks import ProvinceFile, by_level, by_province
from cchc_index.province.hashing import code_hash, folder_hash
from cchc_index.province.ranking import rank
from cchc_index.province.store import Scored, Store
from cchc_index.scoring.evaluate import EngineName
from cchc_index.service.review import Reviewer, final_layer
from cchc_index.shipped import locate_framework
from cchc_index.source import shown, walk

CHUNK = 20  # units a worker takes at once: one engine session, one store transaction
Progress = Callable[[int, int], None]


def find_bundles(folders: Sequence[Path]) -> list[Path]:
    """Every folder holding a profile.yaml, under (or equal to) the given ones, sorted."""
    found: set[Path] = set()
    for root in folders:
        if (root / "profile.yaml").is_file():
            found.add(root)
            continue
        # a submission's copies are not a bundle of their own
        for entry in walk(root, skip=frozenset({SUBMISSIONS})):
            if entry.name == "profile.yaml" and entry.is_file():
                found.add(Path(entry.path).parent)
    return sorted(found)


@dataclass
class _Worker:
    """What one process keeps between chunks: a Reviewer (compiled frameworks) and hashes."""

    rules_dir: Path | None
    engine: EngineName
    storing: bool = True  # for a results store: content hashes to reuse results, every leaf
    reviewer: Reviewer = field(init=False)
    hashes: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reviewer = Reviewer(self.rules_dir, self.engine, keep_frameworks=True)

    def score(self, folders: Sequence[Path]) -> list[Scored | FailedUnit]:
        out: dict[Path, Scored | FailedUnit] = {}
        groups: dict[str, list[tuple[Path, str, Bundle]]] = {}
        sources: dict[str, FrameworkSource] = {}
        for folder in folders:
            try:
                source, located = self.reviewer.open(folder)
            except CchcError as exc:
                out[folder] = _failed(shown(folder), exc)
                continue
            ref = located.bundle.profile.framework or ""
            if ref not in self.hashes:
                self.hashes[ref] = folder_hash(source.folder) if self.storing else ""
            if numbers(folder):  # submitted: ranked on the appraised layers of its snapshot
                out[folder] = self._submitted(folder, located.shown, ref)
                continue
            sources[ref] = source
            groups.setdefault(ref, []).append((folder, located.shown, located.bundle))
        for ref, members in groups.items():
            scorer = self.reviewer.scorer(sources[ref])
            results = scorer.evaluate_many([b for _f, _n, b in members])
            for (folder, name, bundle), result in zip(members, results, strict=True):
                try:  # an appraised unit is ranked on its final layer
                    layers, _notes = self.reviewer.appraise(folder, scorer.framework, result)
                except CchcError as exc:
                    out[folder] = _failed(name, exc)
                    continue
                final, layer = final_layer(layers)
                digest = folder_hash(folder) if self.storing else ""
                score = unit_score(final, name, layer, leaves=self.storing)
                blocks = scorer.framework.meta.blocks
                score = by_level(replace(score, level=bundle.profile.level), blocks)
                out[folder] = Scored(name, digest, ref, self.hashes[ref], score)
        return [out[f] for f in folders]

    def _submitted(self, folder: Path, name: str, ref: str) -> Scored | FailedUnit:
        try:
            review = self.reviewer.review(folder)
        except CchcError as exc:
            return _failed(name, exc)
        final, layer = final_layer(review.layered)
        digest = folder_hash(folder) if self.storing else ""
        score = unit_score(final, name, layer, leaves=self.storing)
        level = review.bundle.profile.level
        score = by_level(replace(score, level=level), review.framework.meta.blocks)
        return Scored(name, digest, ref, self.hashes[ref], score)


def _failed(name: str, exc: CchcError) -> FailedUnit:
    return FailedUnit(name, tuple(p.format() for p in exc.problems), int(exc.exit_code))


_WORKER: _Worker | None = None


def _init(rules_dir: Path | None, engine: EngineName, storing: bool) -> None:
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
    folders: list[Path], rules_dir: Path | None, engine: EngineName, jobs: int, storing: bool = True
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
    rules_dir: Path | None,
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

    rules_dir: Path | None
    found: dict[str, tuple[Block, ...]] = field(default_factory=dict)

    def of(self, ref: str) -> tuple[Block, ...]:
        if ref not in self.found:
            located = locate_framework(ref, self.rules_dir)  # as the units themselves find it
            try:
                if located is None:
                    raise CchcError([], ref)
                self.found[ref] = load_framework(located.path).framework.meta.blocks
            except CchcError:
                self.found[ref] = ()  # the framework is reported when the unit is rescored
        return self.found[ref]


def _reusable(
    store: Store, code: str, bundles: list[Path], rules_dir: Path | None
) -> tuple[list[Path], list[tuple[Path, int]]]:
    """Split bundles into those to score and those whose stored result still holds."""
    framework_hashes: dict[str, str | None] = {}
    todo, reused = [], []
    for folder in bundles:
        hit = None
        for aid, ref, fw_hash in store.candidates(folder_hash(folder), code):
            if ref not in framework_hashes:
                found = locate_framework(ref, rules_dir)
                framework_hashes[ref] = folder_hash(found.path) if found is not None else None
            if framework_hashes[ref] == fw_hash:
                hit = aid
                break
        if hit is None:
            todo.append(folder)
        else:
            reused.append((folder, hit))
    return todo, reused
