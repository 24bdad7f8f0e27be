"""Figures of the one-stop desk and the website, each with its variable, year and sentence."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from cchc_index.extract.flat import FlatText, vkey
from cchc_index.extract.statrules import RULES, UNIT_CLASS, UNIT_RE, Rule
from cchc_index.text import parse_number

_INT = r"\d{1,3}(?:\.\d{3})+|\d+"
_NUMBER = re.compile(
    rf"(?<![\w.,/\-])(?<!\d:)(?P<a>{_INT})(?P<frac>,\d+)?(?:\s*/\s*(?P<b>{_INT}))?"
    r"(?![\w/%]|[.,\-–]\d|\s*%)"
)
_LABELLED = re.compile(r"(?::|\blà|\bđạt|\bgồm)\s*:?\s*$")
_APPROX = re.compile(r"(?:\btrên|\bgần|\bkhoảng|\bhơn|\bxấp xỉ|\bước tính|\bước)\s*$")
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b|(năm trước|năm ngoái|cùng kỳ)")
_ZERO = re.compile(
    r"(?i)không\s+(?:có|phát\s+sinh)\s+hồ\s+sơ(?:\s+nào)?|hồ\s+sơ\s+không\s+phát\s+sinh"
)
_STANDARD = re.compile(r"(?:ISO|TCVN)\s*[\d.]+\s*[:/]\s*$")
_AFTER_END = re.compile(r"[,;(|\t]|\.\s")


@dataclass(frozen=True)
class Figure:
    """One figure found in the text, as written, with the sentence it came from."""

    variable: str
    value: str
    amount: Decimal
    year: int | None
    approximate: bool
    offset: int
    line: int
    sentence: str


def find_figures(
    flat: FlatText, year: int | None, skip: tuple[tuple[int, int], ...] = ()
) -> list[Figure]:
    """Every count the rules recognise, in text order."""
    text = flat.text
    numbers = [m for m in _NUMBER.finditer(text) if not m["frac"] and not _inside(m, skip)]
    units = [UNIT_RE.match(text, m.end()) for m in numbers]
    # The words after a figure run to the next figure with a unit ("… mức độ 3, 12 hồ sơ").
    counted = [m.start() for m, u in zip(numbers, units, strict=True) if u] + [len(text)]
    figures: list[Figure] = []
    previous_end = 0
    for match, unit in zip(numbers, units, strict=True):
        clause_start, clause_end = flat.sentence_bounds(*match.span(), clause=True)
        before = text[max(clause_start, previous_end) : match.start()]
        if _STANDARD.search(before):  # "ISO 9001: 2015", "TCVN 5/ 2020"
            continue
        unit_end = unit.end() if unit else match.end()
        if unit:
            kind = UNIT_CLASS.get(vkey(unit["unit"]), "")
        elif _LABELLED.search(before) or flat.lines[flat.line_of(match.start()) - 1].strip() == (
            match.group(0)
        ):
            kind = _unit_in(before)
        else:
            continue
        nxt = counted[bisect.bisect_right(counted, match.start())]
        tail = text[unit_end : min(clause_end, nxt, unit_end + 80)]
        cut = _AFTER_END.search(tail)
        after = text[match.end() : unit_end] + (tail[: cut.start()] if cut else tail)
        found = _classify(kind, after, before)
        if found is None:
            continue
        whole_clause = text[clause_start : match.start()]
        made = _figures(flat, match, found, _year_of(whole_clause, year), _approx(before))
        figures.extend(made)
        previous_end = unit_end
    figures.extend(_zeros(flat, year))
    return sorted(figures, key=lambda f: f.offset)


def _inside(match: re.Match[str], spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= match.start() < end for start, end in spans)


def _unit_in(before: str) -> str:
    """The class of the last unit word in a label ("Số hồ sơ trễ hạn:" → ho_so)."""
    found = ""
    for unit in UNIT_RE.finditer(before):
        found = UNIT_CLASS.get(vkey(unit["unit"]), found)
    return found


def _classify(kind: str, after: str, before: str) -> Rule | None:
    """Words right after the figure first, then ever longer stretches of its label."""
    candidates = [rule for rule in RULES if kind in rule.units]
    contexts = [vkey(after)]
    parts = before.split(",")
    contexts += [vkey(",".join(parts[-n:])) for n in range(1, len(parts) + 1)]
    for context in contexts:
        for rule in candidates:
            if rule.matches(context):
                return rule
    return None


def _year_of(clause: str, year: int | None) -> int | None:
    found = None
    for match in _YEAR.finditer(vkey(clause)):
        found = int(match[1]) if match[1] else (year - 1 if year else None)
    return found


def _approx(before: str) -> bool:
    return bool(_APPROX.search(vkey(before)))


def _figures(
    flat: FlatText, match: re.Match[str], rule: Rule, year: int | None, approx: bool
) -> list[Figure]:
    line = flat.line_of(match.start())
    sentence = flat.sentence(*match.span())
    out = [Figure(rule.variable, match["a"], parse_number(match["a"]), year, approx,
                  match.start(), line, sentence)]  # fmt: skip
    if match["b"] and rule.ratio_of:
        out.append(
            Figure(
                rule.ratio_of,
                match["b"],
                parse_number(match["b"]),
                year,
                approx,
                match.start(),
                line,
                sentence,
            )
        )
    return out


def _zeros(flat: FlatText, year: int | None) -> list[Figure]:
    """ "Không có hồ sơ phát sinh": 0 of whatever the clause, or else its table row, is about."""
    out: list[Figure] = []
    for match in _ZERO.finditer(flat.text):
        start, end = flat.sentence_bounds(match.start(), match.end(), clause=True)
        line = flat.line_of(match.start())
        candidates = [r for r in RULES if "ho_so" in r.units and r.zero_ok]
        for context in (flat.text[start:end], flat.lines[line - 1]):
            rule = next((r for r in candidates if r.matches(vkey(context))), None)
            if rule is not None:
                sentence = flat.sentence(match.start(), match.end())
                out.append(
                    Figure(
                        rule.variable, "0", Decimal(0), year, False, match.start(), line, sentence
                    )
                )
                break
    return out
