"""A unit's history (`history`, the documents' appendix): its submissions, the rounds with the
points they changed and why, the unit's explanations and the survey, in order."""

from __future__ import annotations

from pathlib import Path

from cchc_index.load.submissions import numbers, read_manifest
from cchc_index.model.history import ORDER, Event, EventKind, History, PointChange
from cchc_index.model.layers import Layer
from cchc_index.service.review import Review, Reviewer, read_appraisal_quietly

ROUND_LAYERS = {1: Layer.ROUND_1, 2: Layer.ROUND_2}


def unit_history(folder: Path, rules_dir: Path | None) -> History:
    return history_of(Reviewer(rules_dir).review(folder))


def history_of(review: Review) -> History:
    """The events of a reviewed unit (its appraisal already checked by the review)."""
    folder = review.folder
    events: list[Event] = []
    for n in numbers(folder):
        m = read_manifest(folder, n)
        events.append(Event(m.date, EventKind.SUBMISSION, m.by, number=n, total=m.self_total))
    appraisal = read_appraisal_quietly(folder) if review.layered.appraised else None
    totals = {t.layer: t.total for t in review.layered.totals}
    if appraisal is not None:
        for rnd in appraisal.rounds:
            layer = ROUND_LAYERS[rnd.round]
            changes = []
            for node in review.layered.nodes:
                values = node.values
                at = next((i for i, v in enumerate(values) if v.layer is layer), None)
                if at is None:
                    continue
                before, after = values[at - 1], values[at]
                changes.append(
                    PointChange(node.id, node.title, before.points, after.points, after.reason)
                )
            events.append(
                Event(
                    rnd.date,
                    EventKind.ROUND,
                    rnd.reviewer,
                    number=rnd.round,
                    submission=rnd.submission,
                    total=totals.get(layer),
                    changes=tuple(changes),
                )
            )
        for note in appraisal.explanations:
            events.append(
                Event(
                    note.date,
                    EventKind.EXPLANATION,
                    review.bundle.profile.name,
                    node=note.node,
                    text=note.text,
                )
            )
        if appraisal.survey is not None:
            survey = appraisal.survey
            changes = [
                PointChange(n.id, n.title, n.values[0].points, v.points, None)
                for n in review.layered.nodes
                for v in n.values
                if v.layer is Layer.SURVEY
            ]
            events.append(
                Event(
                    survey.date,
                    EventKind.SURVEY,
                    survey.entered_by,
                    total=totals.get(Layer.SURVEY),
                    changes=tuple(changes),
                )
            )
    events.sort(key=lambda e: (e.date, ORDER[e.kind], e.number or 0))
    return History(review.bundle.profile.name, review.bundle.year, tuple(events))
