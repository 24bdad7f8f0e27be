"""`extract` as a library call: read, draft, cross-check, write; no printing here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from cchc_index.extract.crosscheck import cross_check
from cchc_index.extract.documents import FileDocument, read_documents, unit_of_documents
from cchc_index.extract.draft import build_draft
from cchc_index.extract.profile_draft import LEVELS
from cchc_index.extract.render import Outcome
from cchc_index.extract.report import Extraction, extract_report, unit_from_profile
from cchc_index.extract.unit import Unit
from cchc_index.extract.variables import (
    FrameworkVariables,
    choose_framework,
    fitting_framework,
    variables_of,
)
from cchc_index.extract.writer import write_draft
from cchc_index.i18n import tr
from cchc_index.load.against import level_fits


def run_extract(
    report: Path | None,
    *,
    year: int | None = None,
    output: Path | None = None,
    against: Path | None = None,
    documents: Path | None = None,
    force: bool = False,
    rules: Path | None = None,
    rules_dir: Path | None = None,
) -> Outcome:
    """Read a report and/or a folder of documents; draft a bundle; compare with a bundle.

    The draft fills the variables of the framework named by `rules`, else the one the
    `against` bundle's profile names in `rules_dir`, else the one framework on the search
    path made for the report's year and level, else the shipped default. Raises
    EvidenceError for unreadable input, RuleError for an invalid framework and OutputExists
    for a non-empty `output` without `force`.
    """
    hint: Unit | None = None
    bundle = None
    source = None
    if against is not None:
        from cchc_index.load.bundle import read_bundle  # only `extract --against` reads one

        source = read_bundle(against)
        bundle = source.bundle
        hint = unit_from_profile(bundle.profile)
        year = year or bundle.profile.year
    named = bundle.profile.framework if bundle is not None else None
    variables = variables_of(choose_framework(rules, named, rules_dir))
    extraction = (
        extract_report(report, year=year, unit=hint, variables=variables)
        if report is not None
        else None
    )
    if report is not None and extraction is not None and rules is None and named is None:
        fitting = _fitting(extraction, year, variables, rules_dir)
        if fitting is not None:  # read again for the variables of the framework that fits
            variables = fitting
            extraction = extract_report(report, year=year, unit=hint, variables=variables)
    files, skipped = read_documents(documents) if documents is not None else ([], 0)
    if extraction is not None:
        unit = extraction.unit
        year = year or extraction.year
    else:
        unit = hint or unit_of_documents(files)
        year = year or _common_year(files)
    draft = build_draft(extraction, files, unit, year, output, variables.framework)
    if year is not None and variables.year is not None and year != variables.year:
        draft.warnings.append(
            tr(
                f"profile.yaml: năm đánh giá {year} khác năm {variables.year} của bộ chỉ số "
                f"'{variables.framework}' mà bản nháp điền biến; `score` sẽ không chấm bản nháp "
                f"này: dùng --rules với bộ chỉ số của năm {year}",
                f"profile.yaml: assessment year {year} differs from year {variables.year} of "
                f"framework '{variables.framework}' the draft was drafted for; `score` will "
                f"refuse it: pass --rules with a framework for {year}",
            )
        )
    level = str(draft.profile.get("level", ""))
    if variables.level is not None and not level_fits(level, variables.level):
        draft.warnings.append(
            tr(
                f"profile.yaml: đơn vị cấp '{level}' không chấm theo bộ chỉ số "
                f"'{variables.framework}' của cấp '{variables.level}' mà bản nháp điền biến; "
                "`score` sẽ không chấm bản nháp này: dùng --rules với bộ chỉ số của cấp này",
                f"profile.yaml: a unit of level '{level}' is not scored on framework "
                f"'{variables.framework}' (level '{variables.level}') the draft was drafted for; "
                "`score` will refuse it: pass --rules with a framework for this level",
            )
        )
    if skipped:
        draft.warnings.append(
            tr(
                f"{documents}: bỏ qua {skipped} tệp không phải .txt, .md, .docx, .pdf",
                f"{documents}: {skipped} file(s) other than .txt, .md, .docx, .pdf passed over",
            )
        )
    findings = None
    if bundle is not None and extraction is not None:
        findings = cross_check(extraction, bundle, source)
    written: tuple[str, ...] = ()
    if output is not None:
        origin = str(report) if report is not None else str(documents)
        written = tuple(write_draft(output, draft, origin, force=force))
    return Outcome(
        extraction,
        files,
        draft,
        findings,
        str(against) if against is not None else None,
        output,
        written,
    )


def _fitting(
    extraction: Extraction, year: int | None, default: FrameworkVariables, rules_dir: Path | None
) -> FrameworkVariables | None:
    """With no framework named, the one made for the report's year and level when the
    default is not (`score` refuses a draft whose year or level its framework does not fit)."""
    year = year or extraction.year
    level = LEVELS.get(extraction.unit.level or "", "xã")
    if year is None or (
        default.year == year and default.level is not None and level_fits(level, default.level)
    ):
        return None
    found = fitting_framework(year, level, rules_dir)
    return variables_of(found) if found is not None else None


def _common_year(files: list[FileDocument]) -> int | None:
    years = Counter(f.header.date.year for f in files if f.header.date is not None)
    return years.most_common(1)[0][0] if years else None
