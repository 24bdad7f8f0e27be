"""The rows every filed document shows, in framework order, and the texts of their cells.

One place decides what an area, criterion or sub-criterion row says, so the DOCX, XLSX, HTML
and CSV documents cannot disagree. Points are read from the Result, never recomputed.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from cchc_index.i18n import tr
from cchc_index.model.layers import Layer
from cchc_index.model.result import LeafResult, NodeResult, Result, Status
from cchc_index.report.filing import Filing
from cchc_index.report.labels import band_shown, pct, pts
from cchc_index.report.layer_words import layer_name
from cchc_index.report.method_words import figure_words
from cchc_index.report.reasons import product_title, reason_text


class Level(enum.Enum):
    AREA = 1
    CRITERION = 2
    LEAF = 3
    BONUS = 4
    DEDUCTION = 5

    def label(self) -> str:
        return {
            Level.AREA: tr("Lĩnh vực", "Area"),
            Level.CRITERION: tr("Tiêu chí", "Criterion"),
            Level.LEAF: tr("Tiêu chí thành phần", "Sub-criterion"),
            Level.BONUS: tr("Điểm thưởng", "Bonus"),
            Level.DEDUCTION: tr("Điểm trừ", "Deduction"),
        }[self]

    @property
    def vi(self) -> str:
        """The `Cấp` the working workbook stores: always Vietnamese, the import reads it."""
        return ("Lĩnh vực", "Tiêu chí", "Tiêu chí thành phần", "Điểm thưởng", "Điểm trừ")[
            self.value - 1
        ]

    @property
    def depth(self) -> int:
        """Outline depth: area 0, criterion 1, anything scored under a criterion 2."""
        return {Level.AREA: 0, Level.CRITERION: 1}.get(self, 2)


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    level: Level
    title: str
    max_points: Decimal
    points: Decimal | None  # None: not self-scored (not applicable, survey)
    node: NodeResult | None = None
    leaf: LeafResult | None = None


def reason(leaf: LeafResult) -> str:
    """A leaf's reason sentence: the one place a renderer reads it (it will become data)."""
    return reason_text(leaf)


def _leaf_level(leaf: LeafResult, criterion_scored: bool) -> Level:
    if leaf.adjustment > 0:
        return Level.BONUS
    if leaf.adjustment < 0:
        return Level.DEDUCTION
    return Level.CRITERION if criterion_scored else Level.LEAF


def _leaf_row(leaf: LeafResult, level: Level) -> Row:
    scored = leaf.status not in (Status.NOT_APPLICABLE, Status.SURVEY)
    return Row(
        leaf.id, level, leaf.title, leaf.max_points, leaf.points if scored else None, leaf=leaf
    )


def criteria_by_area(result: Result) -> dict[str, tuple[NodeResult, ...]]:
    """Each area's criteria, in framework order."""
    area_of = {leaf.criterion: leaf.area for leaf in result.leaves}
    return {
        area.id: tuple(c for c in result.criteria if area_of.get(c.id) == area.id)
        for area in result.areas
    }


def rows(result: Result) -> Iterator[Row]:
    """Area, its criteria, their sub-criteria: the order of the framework."""
    by_criterion: dict[str, list[LeafResult]] = {}
    for leaf in result.leaves:
        by_criterion.setdefault(leaf.criterion, []).append(leaf)
    area_of = {leaf.criterion: leaf.area for leaf in result.leaves}
    for area in result.areas:
        yield Row(area.id, Level.AREA, area.title, area.max_points, area.points, node=area)
        for criterion in result.criteria:
            if area_of.get(criterion.id) != area.id:
                continue
            members = by_criterion.get(criterion.id, [])
            if len(members) == 1 and members[0].id == criterion.id:  # scored directly
                leaf = members[0]
                yield _leaf_row(leaf, _leaf_level(leaf, criterion_scored=True))
                continue
            yield Row(
                criterion.id,
                Level.CRITERION,
                criterion.title,
                criterion.max_points,
                criterion.points,
                node=criterion,
            )
            for leaf in members:
                yield _leaf_row(leaf, _leaf_level(leaf, criterion_scored=False))


def shown_points(row: Row) -> str:
    """The self-assessed points as the filed table prints them: a number or why there is none."""
    leaf = row.leaf
    if leaf is not None and leaf.status is Status.NOT_APPLICABLE:
        return tr("Không áp dụng", "Not applicable")
    if leaf is not None and leaf.status is Status.SURVEY:
        return tr("Do tỉnh chấm (ĐTXHH)", "Scored by the province (survey)")
    text = pts(row.points if row.points is not None else Decimal(0))
    if leaf is not None and leaf.status is Status.PENDING:
        text += tr(" (chờ xác nhận)", " (awaiting confirmation)")
    if row.level is Level.DEDUCTION and row.points:
        text = "−" + text
    return text


def evidence_lines(filing: Filing, leaf: LeafResult) -> list[str]:
    """One line per piece of evidence: number, date, subject and file; or "Chưa có"."""
    lines = []
    for label in leaf.evidence:
        doc = filing.documents.get(label)
        if doc is None:
            lines.append(figure_words(label, filing.variables))
            continue
        line = f"{doc.number}, {tr('ngày', 'dated')} {doc.date:%d/%m/%Y}"
        if doc.subject:
            line += f" — {doc.subject}"
        if doc.file:
            line += f" [{doc.file}]"
        lines.append(line)
    if not lines:
        if leaf.status in (Status.NOT_APPLICABLE, Status.SURVEY):
            lines.append("—")  # nothing is asked of the unit
        else:
            lines.append(tr("Chưa có", "None yet"))
    return lines


def missing_titles(filing: Filing, leaf: LeafResult) -> list[str]:
    titles = {m.product: product_title(m) for m in filing.result.missing if m.node == leaf.id}
    return [titles.get(p, p) for p in leaf.missing]


def needs_explanation(leaf: LeafResult) -> bool:
    """Items the Báo cáo must explain: evidence incomplete, not applicable, awaiting review."""
    return leaf.status in (Status.MISSING, Status.NOT_APPLICABLE, Status.PENDING)


def explanation(filing: Filing, leaf: LeafResult) -> str:
    """The unit's giải trình from the bundle; for an item the framework's rule made not
    applicable, that rule's reason; else nothing (the unit writes it)."""
    given = filing.explanations.get(leaf.id, "")
    if not given and leaf.status is Status.NOT_APPLICABLE:
        return reason(leaf)
    return given


def explanation_hint(filing: Filing, leaf: LeafResult) -> str:
    """What the unit still has to explain, when the bundle holds no explanation yet."""
    missing = missing_titles(filing, leaf)
    if missing:
        return tr("Thiếu: ", "Missing: ") + "; ".join(missing)
    return tr("(đơn vị giải trình)", "(the unit explains)")


def appraised(filing: Filing, node: str) -> Decimal | None:
    """The latest appraisal layer of a node (round 2 over round 1), when there is one."""
    marks = filing.appraisal.get(node)
    if marks is None:
        return None
    return marks.round2 if marks.round2 is not None else marks.round1


def note(leaf: LeafResult) -> str:
    return tr("(minh họa)", "(illustrative)") if leaf.illustrative else ""


def totals(result: Result) -> list[tuple[str, str]]:
    """The rows after the table: bonus, deduction, total, applicable maximum, index, band."""
    lines = [
        (tr("Điểm thưởng", "Bonus"), pts(result.bonus)),
        (tr("Điểm trừ", "Deduction"), ("−" if result.deduction else "") + pts(result.deduction)),
        (tr("TỔNG CỘNG", "TOTAL"), pts(result.total)),
        (tr("Điểm tối đa áp dụng", "Applicable maximum"), pts(result.max_points)),
        (tr("Chỉ số (%)", "Index (%)"), pct(result.index_percent)),
    ]
    if result.band:
        lines.append((tr("Xếp loại (dự kiến)", "Band (provisional)"), band_shown(result)))
    return lines


def layer_totals(filing: Filing) -> list[tuple[str, str]]:
    """Each layer's total, index and band, the final one last and in capitals; nothing for a
    unit no council has appraised (its self-score is then the only total)."""
    layered = filing.layered
    if layered is None or not layered.appraised:
        return []
    lines = []
    for total in layered.totals:
        value = tr(
            f"{pts(total.total)} / {pts(total.max_points)} (chỉ số {pct(total.index_percent)})",
            f"{pts(total.total)} / {pts(total.max_points)} (index {pct(total.index_percent)})",
        ) + (f" — {total.band}" if total.band else "")
        if total.layer is Layer.FINAL:
            label = tr("TỔNG ĐIỂM CUỐI CÙNG (sau thẩm định)", "FINAL TOTAL (after appraisal)")
        else:
            label = tr("Tổng điểm", "Total") + f" — {layer_name(total.layer).lower()}"
        lines.append((label, value))
    return lines
