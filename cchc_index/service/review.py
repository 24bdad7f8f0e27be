"""One unit through the review cycle: open it, score it with a kept Scorer (under the deadline
lock when asked), read its appraisal, build the layers and fill the considered rows.

A `Reviewer` keeps one compiled Scorer per framework; `score` makes one for a single unit, the
web page and the batch workers keep theirs. What a bad appraisal.yaml does is a policy:
`raise` (the command line stops with located problems) or `collect` (the web page shows them as
notes and the self layer still stands).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from cchc_index.errors import CchcError, EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.load.against import check_against
from cchc_index.load.appraisal import load_appraisal, read_appraisal
from cchc_index.load.bundle import BundleSource, read_bundle
from cchc_index.load.rules import FrameworkSource
from cchc_index.load.submissions import changed_since, numbers, read_manifest, records_of
from cchc_index.load.unit import find_framework
from cchc_index.model.appraisal import Appraisal
from cchc_index.model.bundle import Bundle, Document
from cchc_index.model.deadlines import Split
from cchc_index.model.framework import Framework
from cchc_index.model.layers import Layer, Layered
from cchc_index.model.result import Result
from cchc_index.model.submission import SUBMISSIONS, Draft, Submitted
from cchc_index.scoring.considered import row_places, with_considered
from cchc_index.scoring.deadlines import lock_bundle, self_due, split_missing
from cchc_index.scoring.evaluate import EngineName, Scorer
from cchc_index.scoring.layers import layered, self_points
from cchc_index.source import shown

Policy = Literal["raise", "collect"]


@dataclass(frozen=True)
class Review:
    """A unit after the cycle: its self layer (with the rows considered and not used), the
    appraisal layered over it, and what was left out or could not be read."""

    folder: Path
    source: FrameworkSource
    bundle: Bundle
    layered: Layered
    ignored: tuple[Document, ...] = ()  # documents dated after the self-assessment due (lock)
    located: BundleSource | None = None  # the bundle's files with positions, and its warnings
    notes: tuple[Problem, ...] = ()  # problems of appraisal.yaml (policy `collect`)
    submitted: Submitted | None = None  # the submission the layers are built on
    draft: Draft | None = None  # the working bundle, when it changed after the latest submission
    working: BundleSource | None = None  # the working bundle, when the layers are a snapshot's
    problems: tuple[Problem, ...] = ()  # never any: a Review is a unit that loaded

    @property
    def framework(self) -> Framework:
        return self.source.framework

    @property
    def result(self) -> Result:
        """The self layer."""
        return self.layered.self_result

    @property
    def layers(self) -> Layered:
        return self.layered

    @property
    def final(self) -> Result:
        """The result after the reviewers' rounds (the self result when there are none)."""
        return self.layered.final

    @cached_property
    def split(self) -> Split:
        """The missing products of the final layer still possible today, and those too late."""
        return split_missing(self.framework, self.final, dt.date.today())

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The working bundle's warnings (what its officer can still edit)."""
        shown = self.working if self.working is not None else self.located
        return tuple(shown.warnings) if shown is not None else ()

    @property
    def working_bundle(self) -> Bundle:
        """The bundle as its folder holds it now (the snapshot's after a submission is
        `bundle`)."""
        return self.working.bundle if self.working is not None else self.bundle

    @property
    def draft_result(self) -> Result:
        """The self score of the working bundle: the draft's when it changed, else the self
        layer itself."""
        return self.draft.result if self.draft is not None else self.result


@dataclass(frozen=True)
class Unloaded:
    """A bundle that does not load, with the problems `score` would print (policy `collect`)."""

    folder: Path
    problems: tuple[Problem, ...]
    source: None = None
    bundle: None = None
    layered: None = None
    layers: None = None
    result: None = None
    final: None = None
    split: None = None
    notes: tuple[Problem, ...] = ()
    submitted: None = None
    draft: None = None
    draft_result: None = None


class Reviewer:
    """Reviews units against the frameworks under `rules_dir`, keeping one Scorer per
    framework (compiled once, rebuilt when the framework's files change)."""

    def __init__(
        self,
        rules_dir: Path | None,
        engine: EngineName = "durable",
        *,
        cache: bool = False,
        keep_frameworks: bool = False,
        kept: bool = False,
    ) -> None:
        self.rules_dir = rules_dir
        self.engine: EngineName = engine
        self.cache = cache  # frameworks through the on-disk cache (`score`, `check`)
        self.keep_frameworks = keep_frameworks  # loaded once per name (a batch's workers)
        self.kept = kept  # kept in memory while their files are unchanged (the servers)
        self._scorers: dict[tuple[str, str], Scorer] = {}
        self._frameworks: dict[str, FrameworkSource] = {}

    def scorer(self, source: FrameworkSource) -> Scorer:
        key = (str(source.folder), source.framework.meta.id)
        found = self._scorers.get(key)
        if found is None or (
            found.framework is not source.framework and found.framework != source.framework
        ):
            found = self._scorers[key] = Scorer(source.framework, self.engine)
        return found

    def open(
        self,
        folder: Path,
        rules: Path | None = None,
        loaded: FrameworkSource | None = None,
        *,
        evidence_files: bool = True,
    ) -> tuple[FrameworkSource, BundleSource]:
        """The bundle read and checked against its framework (the one `--rules` names, the
        one already `loaded`, else the one its profile names under `rules_dir`)."""
        located = read_bundle(folder, evidence_files=evidence_files)
        source = loaded if loaded is not None else self._framework(located.bundle, folder, rules)
        check_against(located, source.framework)
        return source, located

    def _framework(self, bundle: Bundle, folder: Path, rules: Path | None) -> FrameworkSource:
        name = str(rules) if rules is not None else bundle.profile.framework or ""
        kept = self._frameworks.get(name) if self.keep_frameworks else None
        if kept is None:
            kept = find_framework(
                bundle, folder, rules, self.rules_dir, cache=self.cache, kept=self.kept
            )
            if self.keep_frameworks:
                self._frameworks[name] = kept
        return kept

    def review(
        self,
        folder: Path,
        rules: Path | None = None,
        *,
        lock: bool = False,
        loaded: FrameworkSource | None = None,
        policy: Policy = "raise",
        submission: int | None = None,
    ) -> Review:
        """`folder` through the cycle; load problems always raise (CchcError). Once the
        bundle has a submission, the layers are built on the submitted snapshot (the one the
        latest round names, else the latest, else `submission`) and later edits are a draft
        beside them."""
        source, located = self.open(folder, rules, loaded)
        taken = numbers(folder)
        if not taken:
            if submission is not None:
                raise _no_such_submission(folder, submission, taken)
            return self._layered(folder, source, located, lock, policy, {})
        manifests = {n: read_manifest(folder, n) for n in taken}
        chosen = submission if submission is not None else _appraised(folder, taken)
        if chosen not in manifests:
            raise _no_such_submission(folder, chosen, taken)
        snap_source, snap = self.open(
            records_of(folder, chosen), rules, source, evidence_files=False
        )
        dates = {n: m.date for n, m in manifests.items()}
        review = self._layered(folder, snap_source, snap, lock, policy, dates)
        latest = manifests[taken[-1]]
        changed = changed_since(folder, latest)
        draft = None
        if changed or chosen != taken[-1]:
            scored = _locked(source.framework, located.bundle, lock)[0]
            draft = Draft(self.scorer(source).evaluate(scored), changed)
        shown_folder = f"{SUBMISSIONS}/{chosen:03d}"
        return dataclasses.replace(
            review,
            submitted=Submitted(manifests[chosen], shown_folder),
            draft=draft,
            working=located,
        )

    def _layered(
        self,
        folder: Path,
        source: FrameworkSource,
        located: BundleSource,
        lock: bool,
        policy: Policy,
        submitted: dict[int, dt.date],
    ) -> Review:
        framework = source.framework
        scored, ignored = _locked(framework, located.bundle, lock)
        result = self.scorer(source).evaluate(scored)
        layers, notes = self.appraise(folder, framework, result, policy, submitted)
        considered = explained(result, framework, located)  # the self layer, as it is shown
        layers = dataclasses.replace(layers, self_result=considered)
        return Review(folder, source, located.bundle, layers, ignored, located, notes)

    def unit(self, folder: Path) -> Review | Unloaded:
        """The web page's view: a bundle that does not load comes back with its problems, and
        a bad appraisal.yaml as notes beside the self layer."""
        try:
            return self.review(folder, policy="collect")
        except CchcError as exc:
            return Unloaded(folder, tuple(exc.problems))

    @staticmethod
    def appraise(
        folder: Path,
        framework: Framework,
        result: Result,
        policy: Policy = "raise",
        submitted: dict[int, dt.date] | None = None,
    ) -> tuple[Layered, tuple[Problem, ...]]:
        """The appraisal of `folder` laid over `result`; by `policy`, a bad appraisal.yaml
        raises EvidenceError or comes back as notes under the self layer alone."""
        try:
            appraisal = load_appraisal(folder, framework, self_points(result), submitted)
        except CchcError as exc:
            if policy == "raise":
                raise
            return layered(framework, result, None), tuple(exc.problems)
        return layered(framework, result, appraisal), ()


def _locked(
    framework: Framework, bundle: Bundle, lock: bool
) -> tuple[Bundle, tuple[Document, ...]]:
    """The bundle as scored: under the deadline lock, without what was issued after the due."""
    due = self_due(framework, bundle.year)
    if lock and due is not None:
        return lock_bundle(bundle, due)
    return bundle, ()


def _appraised(folder: Path, taken: list[int]) -> int:
    """The submission the layers are built on: the one the latest round names, else the latest."""
    read = read_appraisal_quietly(folder)
    named = [r.submission for r in read.rounds if r.submission is not None] if read else []
    return named[-1] if named and named[-1] in taken else taken[-1]


def read_appraisal_quietly(folder: Path) -> Appraisal | None:
    """appraisal.yaml when it reads; its problems are reported where it is checked."""
    try:
        found = read_appraisal(folder)
    except CchcError:
        return None
    return found[0] if found is not None else None


def _no_such_submission(folder: Path, number: int, taken: list[int]) -> EvidenceError:
    have = ", ".join(str(n) for n in taken) or tr("chưa có", "none")
    return EvidenceError(
        [
            Problem(
                shown(folder / SUBMISSIONS),
                1,
                1,
                tr(
                    f"không có bản nộp số {number} (có: {have})",
                    f"no submission number {number} (there are: {have})",
                ),
            )
        ]
    )


def review_unit(
    folder: Path,
    rules: Path | None,
    rules_dir: Path | None,
    engine: EngineName = "durable",
    lock: bool = False,
    loaded: FrameworkSource | None = None,
    *,
    cache: bool = False,
    submission: int | None = None,
) -> Review:
    """One unit through the cycle with a Scorer of its own (`score`, `check`, `explain`);
    `cache`: the framework through the on-disk cache (`load/framework_cache.py`);
    `submission`: the layers on that submission's snapshot."""
    reviewer = Reviewer(rules_dir, engine, cache=cache)
    return reviewer.review(folder, rules, lock=lock, loaded=loaded, submission=submission)


def final_layer(layers: Layered) -> tuple[Result, str]:
    """The unit's final layer and the latest layer it comes from (`self` without rounds)."""
    if not layers.appraised:
        return layers.final, Layer.SELF.value
    return layers.final, layers.totals[-2].layer.value  # the last layer before "final"


def explained(result: Result, framework: Framework, unit: BundleSource | None) -> Result:
    """The result with, for each product, the rows considered and not used (and their line)."""
    if unit is None:
        return result
    places: dict[int, str] = {}
    tables = (
        ("documents.csv", unit.bundle.documents),
        ("links.csv", unit.bundle.links),
        ("photos.csv", unit.bundle.photos),
    )
    for name, rows in tables:
        table = unit.files.get(name)
        if table is not None:
            places |= row_places(rows, table.path, table.row_lines)
    return with_considered(result, framework, unit.bundle, places)
