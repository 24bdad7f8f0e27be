"""Read a narrative CCHC report: its own header, the documents it cites, its figures."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from cchc_index.extract.citations import Citation, find_citations
from cchc_index.extract.figure import Figure
from cchc_index.extract.flat import FlatText
from cchc_index.extract.header import DocHeader, read_header
from cchc_index.extract.readers import SourceText, read_source
from cchc_index.extract.settle import Settlement, settle
from cchc_index.extract.statistics import find_figures
from cchc_index.extract.unit import Unit, infer_unit, parse_unit_name
from cchc_index.extract.variables import FrameworkVariables, default_variables
from cchc_index.model.bundle import Profile


@dataclass(frozen=True)
class Reading:
    """A variable as the report states it: this year's figure, last year's, and any
    other figure for this year that disagrees with the first."""

    variable: str
    current: Figure | None
    previous: Figure | None
    others: tuple[Figure, ...]
    mapped: bool
    settled: bool = False  # the relations chose `current` among the values found
    doubt: tuple[str, ...] = ()  # the relations (labels) no consistent assignment settled

    @property
    def certain(self) -> bool:
        """One value for this year, stated plainly and consistent with the report's other
        figures: the draft may write it as a fact."""
        return (
            self.current is not None
            and not self.current.approximate
            and not self.doubt
            and (self.settled or not self.others)
        )


@dataclass(frozen=True)
class Extraction:
    """Everything read from one report."""

    source: SourceText
    header: DocHeader
    unit: Unit
    year: int | None
    citations: tuple[Citation, ...]
    figures: tuple[Figure, ...]
    readings: tuple[Reading, ...]
    variables: FrameworkVariables  # of the framework drafted for: which figures map, labels


def extract_report(
    path: Path,
    *,
    year: int | None = None,
    unit: Unit | None = None,
    variables: FrameworkVariables | None = None,
    shown: str | None = None,
) -> Extraction:
    """Read a report file (.txt, .md, .docx, .pdf); raises EvidenceError if it cannot.
    `variables` are the framework's the draft is for (default: the shipped framework's)."""
    return extract_source(read_source(path, shown), year=year, unit=unit, variables=variables)


def extract_source(
    source: SourceText,
    *,
    year: int | None = None,
    unit: Unit | None = None,
    variables: FrameworkVariables | None = None,
) -> Extraction:
    """Read an already loaded report; see `extract_report`."""
    variables = variables or default_variables()
    flat = FlatText(source.lines)
    header = read_header(flat)
    inferred = infer_unit(flat.text, header.place, header.number)
    if header.agency:  # "UBND XÃ QUẢNG AN" above the number: another name of the unit
        inferred = replace(inferred, names=(*inferred.names, header.agency))
        level, place = parse_unit_name(header.agency)
        if inferred.level is None and level is not None:  # the text never named it otherwise
            inferred = replace(inferred, level=level, place=place)
    unit = merge_units(unit, inferred) if unit is not None else inferred
    year = year or report_year(header, flat.text)
    skip = (header.number_span,) if header.number_span else ()
    citations = tuple(_dated_by_header(c, header) for c in find_citations(flat, unit, skip, year))
    settlement = settle(find_figures(flat, year, level=unit.level, unit=unit), year)
    figures = tuple(settlement.figures)
    readings = collect(figures, year, variables.names, settlement)
    return Extraction(source, header, unit, year, citations, figures, readings, variables)


def _dated_by_header(citation: Citation, header: DocHeader) -> Citation:
    """The report citing itself without a date ("báo cáo số 385/BC-UBND này") gets its date."""
    own = header.number
    if citation.date is None and own is not None and citation.number.key == own.key:
        return replace(citation, date=header.date, issuer=None)
    return citation


_YEAR_IN_TITLE = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_ANY_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b")


def report_year(header: DocHeader, text: str) -> int | None:
    """The year a report is about: its title's, else its date's, else the most named one."""
    if header.subject:
        found = _YEAR_IN_TITLE.findall(header.subject)
        if found:
            return int(found[-1])
    if header.date is not None:
        return header.date.year
    counts = Counter(_ANY_YEAR.findall(text[:20000]))
    return int(counts.most_common(1)[0][0]) if counts else None


def collect(
    figures: tuple[Figure, ...],
    year: int | None,
    variables: frozenset[str],
    settlement: Settlement | None = None,
) -> tuple[Reading, ...]:
    """One reading per variable: this year's figure, last year's, and the disagreements.

    A figure stated exactly wins over a rounded or approximate one ("trên 7.600 hồ sơ" in a
    headline, "7.677 hồ sơ" in the text); approximate figures never disagree with it. With a
    `settlement`, the value the relations settled is the current one, and a variable they
    left open is doubtful.
    """
    settled = settlement.settled if settlement else {}
    doubtful = settlement.doubtful if settlement else {}
    by_name: dict[str, list[Figure]] = {}
    for figure in figures:
        by_name.setdefault(figure.variable, []).append(figure)
    readings = []
    for name, found in by_name.items():
        now = [f for f in found if year is None or f.year in (None, year)]
        exact = [f for f in now if not f.approximate]
        now = exact or now
        before = [f for f in found if year is not None and f.year == year - 1]
        before = [f for f in before if not f.approximate] or before
        if name in settled:
            now = sorted(now, key=lambda f: f.amount != settled[name])
        current = now[0] if now else None
        seen = {current.amount} if current else set()
        others = []
        for figure in now[1:]:
            if figure.amount not in seen:
                seen.add(figure.amount)
                others.append(figure)
        previous = before[0] if before else None
        if current or previous:
            chosen = name in settled and current is not None and current.amount == settled[name]
            readings.append(
                Reading(
                    name,
                    current,
                    previous,
                    tuple(others),
                    name in variables,
                    settled=chosen,
                    doubt=doubtful.get(name, ()) if current is not None else (),
                )
            )
    return tuple(readings)


_LEVEL_WORDS = {
    "xã": "xã",
    "phường": "phường",
    "huyện": "huyện",
    "tỉnh": "tỉnh",
    "đặc_khu": "đặc khu",
}


def unit_from_profile(profile: Profile) -> Unit:
    """The unit as a bundle's profile names it ("UBND xã Quảng An", level xã)."""
    level, place = parse_unit_name(profile.name)
    level = level or _LEVEL_WORDS.get(profile.level)
    names = (profile.name, *profile.aliases)
    return Unit(level, place, "UBND", profile.province or None, profile.district, names)


def merge_units(given: Unit, inferred: Unit) -> Unit:
    """A unit given by the user (from a profile) filled in with what the report shows."""
    return replace(
        given,
        level=given.level or inferred.level,
        place=given.place or inferred.place,
        code=inferred.code,
        province=given.province or inferred.province,
        district=given.district or inferred.district,
    )
