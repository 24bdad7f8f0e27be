"""What a submitted unit's outputs say about its submission and about the edits made after it
("đã thay đổi sau khi nộp"): the changed records and the draft's own self score, apart from
the appraised layers, which stay those of the submitted snapshot."""

from __future__ import annotations

import json
import textwrap

from cchc_index.i18n import num, tr
from cchc_index.model.layers import Layer, Layered
from cchc_index.model.submission import Draft, Submitted
from cchc_index.report.layer_words import layer_name
from cchc_index.text import format_date

CHANGED = ("đã thay đổi sau khi nộp", "changed since submission")


def submitted_line(submitted: Submitted) -> str:
    m = submitted.manifest
    return tr(
        f"Điểm tự chấm và thẩm định ở đây là của bản nộp số {m.number} ({format_date(m.date)}, {m.by}; {submitted.folder}).",
        f"The self score and appraisal here are those of submission {m.number} ({format_date(m.date)}, {m.by}; {submitted.folder}).",
    )


def final_basis(layered: Layered, submitted: Submitted | None) -> str:
    """Which layer the final points are, who gave it and when, and which submission it
    appraised: the sentence a filed document prints under its totals."""
    if not layered.appraised:
        return ""
    rounds = [t.layer for t in layered.totals if t.layer not in (Layer.SELF, Layer.FINAL)]
    last = rounds[-1] if rounds else Layer.SELF
    given = [v for n in layered.nodes for v in n.values if v.layer is last and v.by]
    by = f" ({given[-1].by}, {format_date(given[-1].date)})" if given and given[-1].date else ""
    text = tr(
        f"Điểm cuối cùng là điểm sau {layer_name(last).lower()}{by}",
        f"The final points are those of {layer_name(last).lower()}{by}",
    )
    if submitted is not None:
        m = submitted.manifest
        text += tr(
            f", thẩm định trên hồ sơ nộp lần {m.number} ngày {format_date(m.date)}",
            f", appraising submission {m.number} of {format_date(m.date)}",
        )
    return text + "."


def draft_lines(draft: Draft) -> list[str]:
    """The draft in words: the heading, each changed record, the draft's self score."""
    lines = [tr(f"Bản nháp {CHANGED[0]}:", f"Draft {CHANGED[1]}:")]
    lines += [f"  - {change}" for change in draft.changed]
    r = draft.result
    lines.append(
        tr(
            f"Bản nháp tự chấm: {num(r.total)} / {num(r.max_points)} điểm (chưa nộp; không thay đổi điểm thẩm định).",
            f"The draft's self score: {num(r.total)} / {num(r.max_points)} (not submitted; no appraised layer changes).",
        )
    )
    return lines


def submission_note(
    submitted: Submitted | None,
    draft: Draft | None,
    markdown: bool = False,
    width: int | None = None,
) -> str:
    """The note printed under a submitted unit's table or Markdown ("" without a submission);
    with a terminal `width`, each line wrapped to it."""
    if submitted is None:
        return ""
    lines = [submitted_line(submitted)]
    if draft is not None:
        lines += draft_lines(draft)
    if width is not None:
        lines = [
            textwrap.fill(line, width, subsequent_indent="    " if line.startswith("  -") else "")
            for line in lines
        ]
    if markdown:
        return (
            "\n"
            + "\n".join(line if line.startswith("  -") else line + "\n" for line in lines)
            + "\n"
        )
    return "\n" + "\n".join(lines) + "\n"


def with_submission_json(text: str, submitted: Submitted | None, draft: Draft | None) -> str:
    """A JSON rendering with the submission and the draft added (unchanged without one)."""
    if submitted is None:
        return text
    data = json.loads(text)
    m = submitted.manifest
    data["submission"] = {
        "number": m.number,
        "date": format_date(m.date),
        "by": m.by,
        "folder": submitted.folder,
        "self_total": str(m.self_total),
        "framework_sha256": m.framework_sha256,
    }
    data["draft"] = (
        None
        if draft is None
        else {
            "changed": list(draft.changed),
            "total": str(draft.result.total),
            "max_points": str(draft.result.max_points),
        }
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
