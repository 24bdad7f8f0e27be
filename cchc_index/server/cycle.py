"""The one door from the server to scoring and documents: the service layer's Reviewer
(through the local page's `web/scores.py`, one Scorer per framework behind one lock), its
`produce` for every download, and the batch's ranking.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from cchc_index.load.appraisal import APPRAISAL_FILE, points_problem
from cchc_index.load.digest import bundle_sha256
from cchc_index.load.stamps import folder_stamp
from cchc_index.model.framework import Leaf
from cchc_index.model.layers import Layer
from cchc_index.model.ranking import Ranking, unit_score
from cchc_index.output import refuse_inputs, write_atomic
from cchc_index.province.ranking import rank
from cchc_index.report.ranking import (
    render_ranking_csv,
    render_ranking_docx,
    render_ranking_html,
    render_ranking_json,
)
from cchc_index.report.ranking_xlsx import render_ranking_xlsx
from cchc_index.scoring.deadlines import self_due
from cchc_index.service.outputs import produce
from cchc_index.web.scores import Scores, Unit

__all__ = ["Unit", "produce"]


class CachedScores(Scores):
    """The local page's scoring, a unit's result kept while its files (and the frameworks)
    are unchanged: the pages, the ranking and the reused local pages all go through it. The
    key is the bundle's stamp (`stamps.folder_stamp`: the file system's records of settled
    files, the bytes of files changed in the last seconds), not a hash of every file."""

    def __init__(self, rules_dir: Path, keep: int = 400) -> None:
        super().__init__(rules_dir)
        self._cache: OrderedDict[tuple[str, str], Unit] = OrderedDict()
        self._lock = threading.Lock()
        self._keep = keep

    def unit(self, folder: Path, rules: str | None = None) -> Unit:
        """The unit's review; `rules`: the frameworks' version when the caller already has it
        (a ranking of every unit stamps the frameworks once, not once a unit)."""
        version = _rules_version(self.rules_dir) if rules is None else rules
        key = (str(folder), folder_stamp(folder) + version)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
        unit = super().unit(folder)
        with self._lock:
            self._cache[key] = unit
            while len(self._cache) > self._keep:
                self._cache.popitem(last=False)
        return unit

    def rules_version(self) -> str:
        return _rules_version(self.rules_dir)


class Cycle:
    """What the server's pages ask of scoring."""

    def __init__(self, scores: CachedScores) -> None:
        self.scores = scores

    def unit(self, folder: Path) -> Unit:
        return self.scores.unit(folder)

    def units(self, folders: dict[str, Path]) -> dict[str, Unit]:
        """Every unit named (the frameworks' version stamped once for all of them)."""
        rules = self.scores.rules_version()
        return {name: self.scores.unit(folder, rules) for name, folder in folders.items()}

    def warm(self, folders: dict[str, Path]) -> None:
        """Score every unit once (kept until its files change)."""
        self.units(folders)

    def ranking(self, folders: dict[str, Path]) -> Ranking:
        """The units ranked by their final layer (after the rounds entered so far)."""
        scored = []
        for unit_id, unit in self.units(folders).items():
            if unit.final is not None:
                layer = Layer.FINAL.value if unit.layers and unit.layers.appraised else "self"
                scored.append((unit_score(unit.final, unit_id, layer, leaves=False), False))
        return rank(scored)


def _rules_version(rules: Path | None) -> str:
    """Changes when a framework file changes (a keeper's upload): sizes and times of them."""
    if rules is None:  # the search path: frameworks shipped with the package do not change
        return ""
    return ":" + folder_stamp(rules)[:16]


def ranking_files(ranking: Ranking) -> dict[str, bytes]:
    """The published ranking's documents (the batch's renderers): name → bytes."""
    return {
        "xep-hang.docx": render_ranking_docx(ranking),  # the Thông báo kết quả (NĐ 30/2020)
        "xep-hang.html": render_ranking_html(ranking).encode("utf-8"),
        "xep-hang.xlsx": render_ranking_xlsx(ranking),
        "xep-hang.csv": render_ranking_csv(ranking).encode("utf-8"),
        "xep-hang.json": render_ranking_json(ranking).encode("utf-8"),
    }


def due_date(unit: Unit) -> dt.date | None:
    """The framework's self-assessment due date for the unit's year."""
    if unit.source is None or unit.bundle is None:
        return None
    return self_due(unit.source.framework, unit.bundle.year)


def leaves(unit: Unit) -> list[Leaf]:
    if unit.source is None:
        return []
    return [leaf for _, _, leaf in unit.source.framework.leaves()]


def step(unit: Unit) -> Decimal:
    assert unit.source is not None
    return unit.source.framework.meta.rounding_step


def check_points(points: Decimal, leaf: Leaf, unit: Unit) -> str | None:
    return points_problem(points, leaf, step(unit))


def fingerprint(folder: Path) -> str:
    return bundle_sha256(folder)


def _vn(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def _vn_date(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y")


@dataclass(frozen=True)
class Entry:
    round: int
    node: str
    points: Decimal
    reason: str
    reviewer: str
    at: str


@dataclass(frozen=True)
class Answer:
    node: str
    text: str
    at: str


def write_appraisal(folder: Path, entries: list[Entry], answers: list[Answer]) -> None:
    """The unit's appraisal.yaml from the store's rows: each round with the latest entry of
    each node, the latest explanation of each node (the store keeps every earlier one)."""
    rounds = []
    for number in (1, 2):
        mine = [e for e in entries if e.round == number]
        if not mine:
            continue
        latest: dict[str, Entry] = {}
        for e in mine:
            latest[e.node] = e
        items = [
            {"node": e.node, "points": _vn(e.points), **({"reason": e.reason} if e.reason else {})}
            for e in latest.values()
        ]
        rounds.append(
            {
                "round": number,
                "reviewer": ", ".join(sorted({e.reviewer for e in mine})),
                "date": _vn_date(max(e.at for e in mine)),
                "items": items,
            }
        )
    latest_answer: dict[str, Answer] = {}
    for a in answers:
        latest_answer[a.node] = a
    data: dict[str, object] = {"rounds": rounds}
    if latest_answer:
        data["explanations"] = [
            {"node": a.node, "date": _vn_date(a.at), "text": a.text} for a in latest_answer.values()
        ]
    target = folder / APPRAISAL_FILE
    if not rounds and not latest_answer:
        target.unlink(missing_ok=True)
        return
    text = "# Ghi bởi máy chủ cchc-index từ các dòng thẩm định (không sửa tay).\n"
    text += yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    refuse_inputs(target, [])
    write_atomic(target, text)


def snapshot(folder: Path, target: Path) -> str:
    """Copy the unit's bundle as submitted into `target` (new, never changed); its hash."""
    digest = bundle_sha256(folder)
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if (
            any(p.startswith(".") for p in relative.parts)
            or path.is_symlink()
            or not path.is_file()
        ):
            continue
        out = target / relative
        refuse_inputs(out, [folder])
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, path.read_bytes())
    return digest
