"""`verify-eval`: how often `verify`'s verdicts are right on a seeded synthetic set.

Each case (`testset.make_cases`) is checked as a text-layer PDF and as four images (clean 300
dpi, scan, photocopy, phone photo); its right verdicts are known. A wrong "match" (the file
differs, verify says it matches) is the error that must never happen; "not found" and
"unreadable" are honest failures; a wrong "differs" sends a person to look for nothing.
Signatures: a third of the PDFs are signed with a self-made certificate, half of those are
then changed by one byte; the verdict must be right every time.
"""

from __future__ import annotations

import datetime as dt
import platform
import random
import time
from collections import Counter
from dataclasses import dataclass, field

from cchc_index.model.bundle import Document
from cchc_index.verify.compare import check_document
from cchc_index.verify.ocr import ocr_header
from cchc_index.verify.read import ReadText, complete, from_ocr, header_of
from cchc_index.verify.render import render_pdf
from cchc_index.verify.sign import VN, sign_pdf, tamper
from cchc_index.verify.signature import SignatureVerdict, check_signature
from cchc_index.verify.testset import CONDITIONS, Case, degrade, make_cases
from cchc_index.verify.verdict import Verdict

SETS = ("text", *CONDITIONS)
EVAL_FIELDS = ("number", "date", "issuer", "subject")
TARGET_CLEAN = 0.98  # number, date, issuer on clean 300 dpi scans
TARGET_DEGRADED = 0.90  # the same on the degraded sets, with no wrong "match"


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    wrong_match: int = 0
    wrong_differs: int = 0
    missed: int = 0  # not found or unreadable

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Evaluation:
    count: int
    seed: int
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    signatures: Tally = field(default_factory=Tally)
    seconds: float = 0.0
    ocr_seconds: float = 0.0
    ocr_runs: int = 0
    mistakes: list[str] = field(default_factory=list)
    machine: str = ""
    date: str = ""

    def share(self, sets: tuple[str, ...], fields: tuple[str, ...]) -> float:
        picked = [self.tallies[(s, f)] for s in sets for f in fields if (s, f) in self.tallies]
        total = sum(t.total for t in picked)
        return sum(t.right for t in picked) / total if total else 1.0

    def wrong_matches(self) -> int:
        return sum(t.wrong_match for t in self.tallies.values())

    def wrong_differs(self, sets: tuple[str, ...]) -> int:
        return sum(t.wrong_differs for (s, _), t in self.tallies.items() if s in sets)

    def passed(self) -> bool:
        core = ("number", "date", "issuer")
        degraded = ("scan-200", "photocopy-200", "phone")
        return (
            self.share(("text",), core) >= TARGET_CLEAN
            and self.share(("clean-300",), core) >= TARGET_CLEAN
            and self.share(degraded, core) >= TARGET_DEGRADED
            and self.wrong_matches() == 0
            and self.wrong_differs(degraded) == 0
            and self.signatures.right == self.signatures.total
        )


def _row(case: Case) -> Document:
    return Document.model_validate(
        {
            "number": case.row_number,
            "date": f"{case.row_date:%d/%m/%Y}",
            "issuer": case.row_issuer,
            "subject": case.row_subject,
        }
    )


def _count(evaluation: Evaluation, name: str, case: Case, text: ReadText) -> None:
    header = header_of(text)
    for check in check_document(_row(case), header, text, []):
        tally = evaluation.tallies.setdefault((name, check.field), Tally())
        tally.total += 1
        truth = case.truth[check.field]
        if check.verdict.value == truth:
            tally.right += 1
            continue
        if check.verdict is Verdict.MATCH:
            tally.wrong_match += 1
        elif check.verdict is Verdict.DIFFERS:
            tally.wrong_differs += 1
        else:
            tally.missed += 1
        evaluation.mistakes.append(
            f"{case.name} {name} {check.field}: {check.verdict.value} ({check.found}), "
            f"should be {truth}"
        )


def signed_variant(case: Case, pdf: bytes) -> tuple[bytes, SignatureVerdict]:
    """The case's PDF as signed (or not) and tampered (or not), with the right verdict."""
    if not case.signed:
        return pdf, SignatureVerdict.NONE
    when = dt.datetime.combine(case.spec.date, dt.time(9, 30), VN)
    signed = sign_pdf(pdf, case.name, case.spec.signer, " ".join(case.spec.agency), when)
    if case.tampered:
        return tamper(signed), SignatureVerdict.TAMPERED
    return signed, SignatureVerdict.INTACT_UNTRUSTED


def evaluate(count: int = 24, seed: int = 2020, sets: tuple[str, ...] = SETS) -> Evaluation:
    started = time.perf_counter()
    evaluation = Evaluation(
        count,
        seed,
        machine=f"{platform.machine()}, {platform.system()} {platform.release()}, Python {platform.python_version()}",
        date=f"{dt.date.today():%d/%m/%Y}",
    )
    for case in make_cases(count, seed):
        pdf = render_pdf(case.spec)
        data, truth = signed_variant(case, pdf)
        found = check_signature(data, case.spec.date).verdict
        evaluation.signatures.total += 1
        if found is truth:
            evaluation.signatures.right += 1
        else:
            evaluation.mistakes.append(
                f"{case.name} signature: {found.value}, should be {truth.value}"
            )
        if "text" in sets:
            from cchc_index.extract.readers import read_bytes

            source = read_bytes(data, ".pdf", case.name)
            _count(evaluation, "text", case, ReadText(lines=source.lines, how="text"))
        for condition in CONDITIONS:
            if condition not in sets:
                continue
            image = degrade(pdf, condition, random.Random(f"{seed} {case.name} {condition}"))
            ocr_started = time.perf_counter()
            text = ocr_header(image, complete)
            evaluation.ocr_seconds += time.perf_counter() - ocr_started
            evaluation.ocr_runs += 1
            _count(evaluation, condition, case, from_ocr(text))
    evaluation.seconds = time.perf_counter() - started
    return evaluation


def render_evaluation(evaluation: Evaluation) -> str:
    from cchc_index.i18n import tr
    from cchc_index.report.text_table import table

    rows: list[list[str]] = []
    for name in SETS:
        cells = [name]
        present = False
        for field_name in EVAL_FIELDS:
            tally = evaluation.tallies.get((name, field_name))
            if tally is None:
                cells.append("")
                continue
            present = True
            cells.append(
                f"{tally.right}/{tally.total} ({tally.share * 100:.1f}%)".replace(".", ",")
                + (f" ✗match {tally.wrong_match}" if tally.wrong_match else "")
                + (f" ✗differs {tally.wrong_differs}" if tally.wrong_differs else "")
                + (f" ?{tally.missed}" if tally.missed else "")
            )
        if present:
            rows.append(cells)
    headers = [tr("Bộ", "Set"), *EVAL_FIELDS]
    lines = [
        tr(
            f"verify-eval: {evaluation.count} văn bản tổng hợp (seed {evaluation.seed}), {evaluation.date}, {evaluation.machine}",
            f"verify-eval: {evaluation.count} synthetic documents (seed {evaluation.seed}), {evaluation.date}, {evaluation.machine}",
        ),
        table(rows, headers, "simple_grid"),
        tr(
            f"Chữ ký số: {evaluation.signatures.right}/{evaluation.signatures.total} đúng",
            f"Signatures: {evaluation.signatures.right}/{evaluation.signatures.total} right",
        ),
        tr(
            f"Khớp sai (nguy hiểm): {evaluation.wrong_matches()}; thời gian {evaluation.seconds:.0f} s, OCR {evaluation.ocr_runs} lần, trung bình {evaluation.ocr_seconds / max(evaluation.ocr_runs, 1):.2f} s".replace(
                ".", ","
            ),
            f"Wrong matches (dangerous): {evaluation.wrong_matches()}; {evaluation.seconds:.0f} s, {evaluation.ocr_runs} OCR runs, {evaluation.ocr_seconds / max(evaluation.ocr_runs, 1):.2f} s each",
        ),
        tr(
            "Đạt ngưỡng." if evaluation.passed() else "CHƯA đạt ngưỡng.",
            "Targets met." if evaluation.passed() else "Targets NOT met.",
        ),
    ]
    if evaluation.mistakes:
        lines.append(tr("Sai:", "Mistakes:"))
        lines.extend(f"  {m}" for m in evaluation.mistakes)
    return "\n".join(lines) + "\n"


def summary_counter(evaluation: Evaluation) -> Counter[str]:
    """Verdict outcomes by kind, for tests."""
    counter: Counter[str] = Counter()
    for tally in evaluation.tallies.values():
        counter["right"] += tally.right
        counter["wrong_match"] += tally.wrong_match
        counter["wrong_differs"] += tally.wrong_differs
        counter["missed"] += tally.missed
    return counter
