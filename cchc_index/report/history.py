"""A unit's history in words: a table, Markdown or JSON (`history`; the documents' appendix
reads `history_rows`)."""

from __future__ import annotations

import json
from collections.abc import Callable

from tabulate import tabulate

from cchc_index.i18n import num, tr
from cchc_index.model.history import Event, EventKind, History
from cchc_index.text import format_date


def _what(event: Event) -> str:
    if event.kind is EventKind.SUBMISSION:
        total = num(event.total) if event.total is not None else ""
        return tr(
            f"Nộp bản số {event.number}: tự chấm {total} điểm",
            f"Submission {event.number}: self score {total}",
        )
    if event.kind is EventKind.ROUND:
        named = (
            tr(f" bản nộp số {event.submission}", f" of submission {event.submission}")
            if event.submission is not None
            else ""
        )
        total = num(event.total) if event.total is not None else ""
        return tr(
            f"Thẩm định lần {event.number}{named}: tổng sau lần này {total} điểm",
            f"Appraisal round {event.number}{named}: total after it {total}",
        )
    if event.kind is EventKind.EXPLANATION:
        return tr(f"Giải trình mục {event.node}", f"Explanation of {event.node}")
    total = num(event.total) if event.total is not None else ""
    return tr(f"Điểm điều tra xã hội học: tổng {total} điểm", f"Survey points: total {total}")


def _details(event: Event) -> list[str]:
    if event.kind is EventKind.EXPLANATION:
        return [event.text or ""]
    lines = []
    for c in event.changes:
        kept = c.before == c.after
        move = (
            tr(f"giữ {num(c.after)}", f"kept {num(c.after)}")
            if kept
            else f"{num(c.before)} → {num(c.after)}"
        )
        reason = f": {c.reason}" if c.reason else ""
        lines.append(f"{c.node} {move}{reason}")
    return lines


def history_rows(history: History) -> list[tuple[str, str, str, str]]:
    """(date, event, who, details) per event, in order: what every rendering prints."""
    return [(format_date(e.date), _what(e), e.by, "\n".join(_details(e))) for e in history.events]


def _headers() -> list[str]:
    return [
        tr("Ngày", "Date"),
        tr("Sự kiện", "Event"),
        tr("Người", "By"),
        tr("Chi tiết", "Details"),
    ]


def _title(history: History) -> str:
    return tr(
        f"Lịch sử chu kỳ đánh giá của {history.unit} năm {history.year}",
        f"Assessment cycle of {history.unit}, {history.year}",
    )


def render_history_table(history: History) -> str:
    if not history.events:
        return (
            _title(history)
            + "\n"
            + tr("Chưa có bản nộp hay lần thẩm định nào.\n", "No submission or appraisal yet.\n")
        )
    table = tabulate(
        history_rows(history), _headers(), tablefmt="simple_grid", maxcolwidths=[None, 34, 24, 60]
    )
    return f"{_title(history)}\n{table}\n"


def render_history_markdown(history: History) -> str:
    rows = [
        (d, w, b, x.replace("\n", "<br>").replace("|", "\\|"))
        for d, w, b, x in history_rows(history)
    ]
    body = (
        tabulate(rows, _headers(), tablefmt="pipe")
        if rows
        else tr("Chưa có bản nộp hay lần thẩm định nào.", "No submission or appraisal yet.")
    )
    return f"# {_title(history)}\n\n{body}\n"


def render_history_json(history: History) -> str:
    def event(e: Event) -> dict[str, object]:
        return {
            "date": format_date(e.date),
            "kind": e.kind.value,
            "by": e.by,
            "number": e.number,
            "submission": e.submission,
            "total": str(e.total) if e.total is not None else None,
            "changes": [
                {"node": c.node, "before": str(c.before), "after": str(c.after), "reason": c.reason}
                for c in e.changes
            ],
            "node": e.node,
            "text": e.text,
        }

    data = {
        "unit": history.unit,
        "year": history.year,
        "events": [event(e) for e in history.events],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


HISTORY_RENDERERS: dict[str, Callable[[History], str]] = {
    "table": render_history_table,
    "markdown": render_history_markdown,
    "json": render_history_json,
}
