"""One unit through the review cycle: open it, score the self layer (under the deadline lock
when asked), read its appraisal and build the layers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cchc_index.load.appraisal import load_appraisal
from cchc_index.load.bundle import BundleSource
from cchc_index.load.rules import FrameworkSource
from cchc_index.load.unit import open_unit_source
from cchc_index.model.bundle import Bundle, Document
from cchc_index.model.layers import Layered
from cchc_index.scoring.deadlines import lock_bundle, self_due
from cchc_index.scoring.evaluate import EngineName, evaluate
from cchc_index.scoring.layers import layered, self_points


@dataclass(frozen=True)
class Review:
    source: FrameworkSource
    bundle: Bundle
    layered: Layered
    ignored: tuple[Document, ...]  # documents dated after the self-assessment due date (lock)
    located: BundleSource | None = None  # the bundle's files with positions, and its warnings


def review_unit(
    folder: Path,
    rules: Path | None,
    rules_dir: Path | None,
    engine: EngineName = "durable",
    lock: bool = False,
    loaded: FrameworkSource | None = None,
    *,
    cache: bool = False,
) -> Review:
    """Score `folder`'s self layer and lay its appraisal (if any) over it; a framework
    already `loaded` (`explain`) is used instead of being loaded again; `cache`: the
    framework through the on-disk cache (`load/framework_cache.py`, `score` and `check`)."""
    source, located = open_unit_source(folder, rules, rules_dir, loaded, cache=cache)
    bundle = located.bundle
    framework = source.framework
    scored, ignored = bundle, tuple[Document, ...]()
    due = self_due(framework, bundle.year)
    if lock and due is not None:
        scored, ignored = lock_bundle(bundle, due)
    result = evaluate(framework, scored, engine)
    appraisal = load_appraisal(folder, framework, self_points(result))
    return Review(source, bundle, layered(framework, result, appraisal), ignored, located)
