"""Measure `extract` against hand-made gold: citations and one-stop figures, per set.

`python -m cchc_index.extract.evaluate [FOLDER …]` reads every `*.txt` with a `*.yaml` gold
beside it (by default the tuned sets tests/extract/eval and tests/extract/heldout, then the
never-tuned ones, tests/extract/fresh and tests/extract/untuned-*, printed apart; see their
READMEs for the gold's fields and how each set was made), extracts it
as `extract` would, and prints precision and recall of citations (number, kind and date all
right), of own-or-outside, and of figures written as certain, with every wrong figure named.
It also times a generated 200-page report. Exit code 1 if a bar of issue 13 is not met, 4 if
a folder holds no report with a gold file. The printing is in `evaluate_print`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from cchc_index.docnumber import parse_doc_number
from cchc_index.extract.readers import SourceText, read_source
from cchc_index.extract.report import Extraction, extract_source
from cchc_index.text import parse_date, parse_number
from cchc_index.textfile import read_text

_TESTS = Path(__file__).resolve().parents[2] / "tests" / "extract"
DEFAULT_SET = _TESTS / "eval"
HELD_OUT = _TESTS / "heldout"  # gathered after tuning on DEFAULT_SET; see its README
FRESH = _TESTS / "fresh"  # measured once after the tuning of issue 13; see its README
TUNED = (DEFAULT_SET, HELD_OUT)  # the extractor was tuned on these: optimistic figures


def never_tuned() -> tuple[Path, ...]:
    """The sets nobody tuned on: `fresh`, then every frozen `untuned-YYYY-MM`, oldest first."""
    return (FRESH, *sorted(_TESTS.glob("untuned-*")))


def is_never_tuned(folder: Path) -> bool:
    """True for a set gathered to measure, never to tune on (by its folder's name)."""
    return folder.name == FRESH.name or folder.name.startswith("untuned-")


# The figures measured: the one-stop desk's and the news posts', whatever the framework.
ONE_STOP = frozenset(
    {
        "ho_so_tiep_nhan", "ho_so_tiep_nhan_moi", "ho_so_ky_truoc", "ho_so_da_giai_quyet",
        "ho_so_truoc_han", "ho_so_dung_han", "ho_so_truoc_va_dung_han", "ho_so_tre_han",
        "ho_so_dang_giai_quyet", "ho_so_so_hoa", "thu_xin_loi", "ho_so_truc_tuyen",
        "ho_so_truc_tuyen_muc_3", "ho_so_truc_tuyen_muc_4", "ho_so_truc_tuyen_toan_trinh",
        "ho_so_truc_tuyen_mot_phan", "ho_so_bcci", "tin_cchc",
    }
)  # fmt: skip
BARS = {"citation precision": 0.97, "citation recall": 0.97, "figure recall": 0.9}

Key = tuple[Any, str, dt.date | None]


@dataclass
class Score:
    """Counts over a set; `wrong` lists every figure written as certain that is not right."""

    cited_right: int = 0
    cited_found: int = 0
    cited_expected: int = 0
    own_right: int = 0
    own_expected: int = 0
    figures_right: int = 0
    figures_expected: int = 0
    figures_written: int = 0
    wrong: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    own_wrong: list[str] = field(default_factory=list)  # found, but given to the wrong body

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    def counts(self) -> dict[str, tuple[int, int]]:
        """Each measure as (right, out of)."""
        return {
            "citation precision": (self.cited_right, self.cited_found),
            "citation recall": (self.cited_right, self.cited_expected),
            "own-or-outside accuracy": (self.own_right, self.own_expected),
            "figure precision": (self.figures_right, self.figures_written),
            "figure recall": (self.figures_right, self.figures_expected),
        }

    def summary(self) -> dict[str, float]:
        return {key: self.ratio(*pair) for key, pair in self.counts().items()}


def certain_figures(extraction: Extraction) -> dict[str, Decimal]:
    """The figures a draft writes as certain (to statistics.yaml), by variable."""
    return {
        r.variable: r.current.amount
        for r in extraction.readings
        if r.certain and r.current is not None
    }


_PARAGRAPH_MARK = re.compile(r"^\(đoạn \d+\)[ \t]*")


def page_text(text_path: Path) -> SourceText:
    """A stored item as the page gave it: the set's own annotations are no text of the page.
    The lines heading the file (`# Nguồn: …`, then how the page is stored) are read as blank
    lines, and the paragraph number a set writes before each passage it keeps ("(đoạn 5) …")
    is left out (the line numbers stay those of the file)."""
    source = read_source(text_path)
    raw = read_text(text_path, str(text_path)).splitlines()
    heading = next((i for i, line in enumerate(raw) if not line.startswith("# ")), len(raw))
    body = tuple(_PARAGRAPH_MARK.sub("", line) for line in source.lines[heading:])
    return replace(source, lines=("",) * heading + body)


def score_file(text_path: Path, gold: dict[str, Any], score: Score) -> None:
    """Add one report's counts to `score`."""
    extraction = extract_source(page_text(text_path), year=gold.get("year"))
    name = text_path.name
    own_key = extraction.header.number.key if extraction.header.number else None
    found = {
        (c.number.key, c.kind.value, c.date): c
        for c in extraction.citations
        if c.number.key != own_key
    }
    expected: dict[Key, bool | None] = {}
    shown: dict[Key, str] = {}  # as the gold writes it, with its kind
    for entry in gold.get("citations") or []:
        date = parse_date(entry["date"]) if entry["date"] else None
        gold_key: Key = (_gold_key(entry["number"]), entry["kind"], date)
        expected[gold_key] = entry["own"]
        shown[gold_key] = f"{entry['number']} ({entry['kind']})"
    score.cited_found += len(found)
    score.cited_expected += len(expected)
    for key, own in expected.items():
        citation = found.get(key)
        if citation is None:
            score.missed.append(f"{name}: citation {shown[key]} {key[2]}")
            continue
        score.cited_right += 1
        if own is not None:
            score.own_expected += 1
            score.own_right += citation.own is own
            if citation.own is not own:
                said = "own" if citation.own else f"outside ({citation.issuer})"
                score.own_wrong.append(f"{name}: citation {shown[key]} read as {said}")
    for key in found.keys() - expected.keys():
        extra = found[key]
        score.extra.append(
            f"{name}: citation {extra.number.symbol} ({extra.kind.value}) {key[2]} not in gold"
        )
    _score_figures(name, certain_figures(extraction), gold, score)


def _gold_key(number: str) -> object:
    """The matching key of a gold number; one the project cannot read (`147-CTHĐ/TU`, an
    unknown kind in the Party's order) can never be found, so it counts as missed."""
    try:
        return parse_doc_number(number).key
    except ValueError:
        return ("unreadable", number)


def _score_figures(
    name: str, written: dict[str, Decimal], gold: dict[str, Any], score: Score
) -> None:
    figures = {k: parse_number(v) for k, v in (gold.get("figures") or {}).items()}
    optional = {k: parse_number(v) for k, v in (gold.get("optional") or {}).items()}
    score.figures_expected += len(figures)
    for variable, value in written.items():
        if variable not in ONE_STOP:
            continue
        if variable in figures and figures[variable] == value:
            score.figures_right += 1
            score.figures_written += 1
        elif variable in optional and optional[variable] == value:
            continue  # may be inferred; neither required nor wrong
        else:
            score.figures_written += 1
            want = figures.get(variable, optional.get(variable, "none"))
            score.wrong.append(f"{name}: {variable} = {value} written as certain (gold: {want})")
    for variable, value in figures.items():
        if written.get(variable) != value:
            score.missed.append(f"{name}: {variable} = {value} not written")


def evaluate(folder: Path) -> Score:
    """Score every report in `folder` that has a gold file."""
    score = Score()
    for text_path in sorted(folder.glob("*.txt")):
        gold_path = text_path.with_suffix(".yaml")
        if gold_path.exists():
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
            score_file(text_path, gold, score)
    return score
