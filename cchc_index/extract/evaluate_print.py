"""Print what `evaluate` measured, in the user's language, and time a 200-page report."""

from __future__ import annotations

import re
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from cchc_index.errors import ExitCode
from cchc_index.extract.evaluate import BARS, TUNED, Score, evaluate, is_never_tuned, never_tuned
from cchc_index.extract.interval import wilson
from cchc_index.extract.report import extract_report
from cchc_index.extract.synthetic import two_hundred_pages
from cchc_index.i18n import num, tr
from cchc_index.textfile import read_text

LABELS = {
    "citation precision": ("trích dẫn, độ chính xác", "citation precision"),
    "citation recall": ("trích dẫn, độ phủ", "citation recall"),
    "own-or-outside accuracy": ("của đơn vị hay cơ quan khác, tỷ lệ đúng", "own-or-outside accuracy"),
    "figure precision": ("số liệu ghi chắc chắn, độ chính xác", "figure precision"),
    "figure recall": ("số liệu, độ phủ", "figure recall"),
}  # fmt: skip
SECONDS_BAR = 2.0
_GROUPS = {
    "tuned": (
        "== Bộ đã dùng để chỉnh công cụ (con số lạc quan) ==",
        "== Sets the extractor was tuned on (optimistic) ==",
    ),
    "seen": (
        "== Bộ đã đo một lần rồi mới xem khi chỉnh (con số trung thực là lần đo đầu) ==",
        "== Sets measured once, then read while tuning (the honest figure is the first) ==",
    ),
    "never": (
        "== Bộ chưa từng dùng để chỉnh (con số trung thực) ==",
        "== Sets never tuned on (honest figures) ==",
    ),
}


def time_200_pages() -> float:
    """Seconds to extract a generated 200-page text report (best of three)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bao-cao.txt"
        path.write_text(two_hundred_pages(), encoding="utf-8")
        times = []
        for _ in range(3):
            start = time.perf_counter()
            extract_report(path, year=2020)
            times.append(time.perf_counter() - start)
    return min(times)


_DATE = r"\s*\**\s*(\d{1,2}/\d{1,2}/\d{4})"
_FROZEN = re.compile(r"(?:frozen(?:\s+on)?|đóng băng(?:\s+ngày)?)" + _DATE, re.I)
_SEEN = re.compile(r"(?:seen(?:\s+on)?|đã xem(?:\s+ngày)?)" + _DATE, re.I)


def _readme_date(folder: Path, pattern: re.Pattern[str]) -> str | None:
    readme = folder / "README.md"
    if not readme.is_file():
        return None
    found = pattern.search(read_text(readme, str(readme)))
    return found[1] if found else None


def frozen_on(folder: Path) -> str | None:
    """The date a never-tuned set was frozen, as its README states it ("frozen 07/12/2026")."""
    return _readme_date(folder, _FROZEN)


def seen_on(folder: Path) -> str | None:
    """The date a never-tuned set was first read by a tuning round after its measurement, as
    its README states it ("seen on 07/12/2026"): from then on its figures are optimistic."""
    return _readme_date(folder, _SEEN)


def kind(folder: Path) -> str:
    """`tuned`, `seen` (measured honestly once, read while tuning since) or `never`."""
    if not is_never_tuned(folder):
        return "tuned"
    return "seen" if seen_on(folder) else "never"


def status(folder: Path) -> str:
    """What a person must know of a set before its figures: tuned on, measured then seen (since
    when), or never (and since when frozen)."""
    group = kind(folder)
    if group == "tuned":
        return tr("  đã dùng để chỉnh công cụ", "  the extractor was tuned on it")
    day = frozen_on(folder)
    if group == "seen":
        return tr(f"  đo lần đầu và đóng băng ngày {day or '?'}, xem khi chỉnh từ ngày "
                  f"{seen_on(folder)}: con số trung thực là lần đo đầu (MEASUREMENTS.md)",
                  f"  first measured and frozen on {day or '?'}, read while tuning since "
                  f"{seen_on(folder)}: the honest figure is the first (MEASUREMENTS.md)")  # fmt: skip
    if day is None:
        return tr("  chưa từng dùng để chỉnh; README không ghi ngày đóng băng",
                  "  never tuned on; its README gives no date it was frozen")  # fmt: skip
    return tr(f"  chưa từng dùng để chỉnh; đóng băng ngày {day}",
              f"  never tuned on; frozen on {day}")  # fmt: skip


def render(folder: Path, score: Score) -> list[str]:
    """The lines printed for one set."""
    lines = [f"{folder}:", status(folder)]
    for key, (hits, trials) in score.counts().items():
        vi, en = LABELS[key]
        value = num(_decimal(score.ratio(hits, trials), 3), 3)
        lines.append(f"  {tr(vi, en)}: {value}{_interval(hits, trials)}")
    lines.append(
        tr(
            f"  trích dẫn: {score.cited_right} đúng, tìm thấy {score.cited_found}, "
            f"đáp án {score.cited_expected}",
            f"  citations: {score.cited_right} right, {score.cited_found} found, "
            f"{score.cited_expected} expected",
        )
    )
    lines.append(
        tr(
            f"  số liệu: {score.figures_right} đúng, {score.figures_written} ghi chắc chắn, "
            f"đáp án {score.figures_expected}; sai: {len(score.wrong)}",
            f"  figures: {score.figures_right} right, {score.figures_written} written as "
            f"certain, {score.figures_expected} expected; wrong: {len(score.wrong)}",
        )
    )
    lines += [tr("  SAI ", "  WRONG ") + line for line in score.wrong]
    lines += [tr("  thừa ", "  extra ") + line for line in score.extra]
    lines += [tr("  thiếu ", "  missed ") + line for line in score.missed]
    lines += [tr("  sai chủ thể ", "  wrong body ") + line for line in score.own_wrong]
    return lines


def _interval(hits: int, trials: int) -> str:
    """ " (khoảng tin cậy 95%: 0,730–0,990)", or nothing when nothing was counted."""
    bounds = wilson(hits, trials)
    if bounds is None:
        return ""
    low, high = (num(b.quantize(Decimal("0.001")), 3) for b in bounds)
    return tr(f" (khoảng tin cậy 95%: {low}–{high})", f" (95% interval: {low}–{high})")


def _in_order(folders: list[Path]) -> list[Path]:
    """Tuned sets first, then the seen ones, then those never tuned on (stable within each)."""
    order = list(_GROUPS)
    return sorted(folders, key=lambda folder: order.index(kind(folder)))


def _decimal(value: float, places: int) -> Decimal:
    return Decimal(str(round(value, places)))


def main(argv: list[str]) -> int:
    """Print the scores of each folder (default: the tuned sets, then the never-tuned ones,
    each group under its own heading); exit 1 when a bar is not met, 4 when a folder holds
    no report with its gold."""
    folders = _in_order([Path(a) for a in argv] or [*TUNED, *never_tuned()])
    failed = False
    heading = None
    for folder in folders:
        if not any(p.with_suffix(".yaml").exists() for p in folder.glob("*.txt")):
            print(
                tr(
                    f"{folder}: không có báo cáo (.txt) nào kèm đáp án (.yaml)",
                    f"{folder}: no report (.txt) with a gold file (.yaml)",
                ),
                file=sys.stderr,
            )
            return ExitCode.INVALID_EVIDENCE
        group = _GROUPS[kind(folder)]
        if group != heading:
            print(tr(*group))
            heading = group
        score = evaluate(folder)
        print("\n".join(render(folder, score)))
        summary = score.summary()
        failed |= any(summary[k] < bar for k, bar in BARS.items()) or bool(score.wrong)
    seconds = time_200_pages()
    print(
        tr(
            f"báo cáo 200 trang: {num(_decimal(seconds, 2), 2)} giây (ngưỡng 2 giây)",
            f"200-page report: {seconds:.2f} s (bar: 2 s)",
        )
    )
    return ExitCode.FINDINGS if failed or seconds >= SECONDS_BAR else ExitCode.OK
