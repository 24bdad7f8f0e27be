"""Parts of a part: which of the figures found are the unit's own, and which belong to a
part of it (one desk's, one body's) or to a part of one of its figures (the records in
progress that are past their deadline).

`statistics` finds every figure with its variable; these passes then drop or rename the ones
the sentence's structure gives to a part: "…, trong đó tại Bộ phận Một cửa thành phố: đã giải
quyết …" (one body's, to the end of the sentence), "Đang giải quyết 40 hồ sơ, trong đó quá hạn
3 hồ sơ" (the in-progress records' parts, never the period's late records).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any, ClassVar, Protocol, TypeVar

from cchc_index.extract.figure_context import MAYBE_SELF, is_unit, sub_body_starts
from cchc_index.extract.flat import FlatText, vkey
from cchc_index.extract.unit import Unit


class _Placed(Protocol):
    """What these rules read of a figure (`statistics.Figure`, a dataclass `replace` copies):
    which variable it was read as, its amount, and where it stands in the text."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def variable(self) -> str: ...

    @property
    def offset(self) -> int: ...

    @property
    def amount(self) -> Decimal: ...


F = TypeVar("F", bound=_Placed)

_IN_PROGRESS_PARTS = frozenset({"ho_so_tre_han", "ho_so_dang_giai_quyet", "ho_so_dung_han"})
# the counts that open the parts of the records in progress: all of them, or the first part
_IN_PROGRESS_OPENS = frozenset({"ho_so_dang_giai_quyet", "ho_so_dang_giai_quyet_trong_han"})


# How records came in: a desk's own count of them is still a count of the unit's channel.
_CHANNELS = frozenset(
    {"ho_so_truc_tiep", "ho_so_bcci", "ho_so_truc_tuyen", "ho_so_truc_tuyen_muc_3",
     "ho_so_truc_tuyen_muc_4", "ho_so_truc_tuyen_toan_trinh", "ho_so_truc_tuyen_mot_phan"}
)  # fmt: skip


def drop_sub_bodies(flat: FlatText, figures: list[F], unit: Unit | None) -> list[F]:
    """ "…, trong đó tại Bộ phận Một cửa thành phố: đã giải quyết 29.500 hồ sơ, đang giải
    quyết 370 hồ sơ": to the end of the sentence the figures are that body's, a part of the
    unit's, not the unit's own (a channel's count excepted)."""
    starts = sub_body_starts(flat.text, unit)
    if not starts:
        return figures
    spans = [(start, flat.sentence_bounds(start, start + 1)[1]) for start in starts]
    return [
        f for f in figures if f.variable in _CHANNELS or not any(a < f.offset < b for a, b in spans)
    ]


def drop_breakdowns(flat: FlatText, figures: list[F]) -> list[F]:
    """ "Đang giải quyết 7.172 hồ sơ, có 5.950 chưa đến hạn và 1.222 đã quá hạn": the parts
    of the records in progress are not the period's late or in-progress counts. They run to
    the end of the sentence, through the next one when it goes on with them ("Số hồ sơ đang
    giải quyết: 40 hồ sơ. Trong đó: chưa đến hạn 37 hồ sơ; quá hạn 3 hồ sơ.") and through
    the list's lines one level down ("+ Quá hạn: 3 hồ sơ"); a late part is the records in
    progress past their deadline, the others are dropped."""
    kept: list[F] = []
    scope: tuple[int, int] | None = None  # from the in-progress count to the end of its parts
    for figure in figures:
        inside = scope is not None and scope[0] < figure.offset < scope[1]
        if inside and figure.variable in _IN_PROGRESS_PARTS:
            if figure.variable == "ho_so_tre_han":
                kept.append(replace(figure, variable="ho_so_dang_giai_quyet_qua_han"))
            continue
        if figure.variable in _IN_PROGRESS_OPENS:  # "đang giải quyết 30 hồ sơ trong hạn và 4 …"
            scope = (figure.offset, _breakdown_end(flat, figure.offset))
        kept.append(figure)
    return kept


# The sentence after a count that goes on with its parts: "Trong đó: …", "Cụ thể: …".
_GOES_ON = re.compile(r"[\s\-+•*]*(?:trong\s+(?:đó|số\s+(?:đó|này|trên))|bao\s+gồm|gồm|cụ\s+thể)\b",
                      re.IGNORECASE)  # fmt: skip


# A line of a list one level down: "- Số hồ sơ đang giải quyết: 34 hồ sơ." then "+ Quá hạn: 4".
_SUB_ITEM = re.compile(r"[ \t.;:]*(?:\n[ \t]*)+\+\s")  # blank lines between items too
_ITEM = re.compile(r"[ \t]*\+\s")


# A list's next item, after a semicolon, opens on its own label ("; số hồ sơ quá hạn: 0").
_NEXT_ITEM = re.compile(r"(?i);\s*(?:[-+•]\s*)?(?:tổng\s+)?số\s+(?:hồ\s+sơ|hs)\b")


def _breakdown_end(flat: FlatText, offset: int) -> int:
    """The end of the parts of the in-progress count at `offset`: its sentence, the next one
    if it goes on with them, and the lines one level down in a list."""
    text = flat.text
    end = flat.sentence_bounds(offset, offset + 1)[1]
    item = _NEXT_ITEM.search(text, offset, end)
    if item is not None:  # "đang giải quyết 10 hồ sơ; số hồ sơ quá hạn: 0": the list's next item
        return item.start()
    if _GOES_ON.match(text, end):
        end = flat.sentence_bounds(end + 1, end + 2)[1]
    if not _ITEM.match(flat.lines[flat.line_of(offset) - 1]):  # not itself one level down
        while (item := _SUB_ITEM.match(text, end)) is not None:
            end = max(end + 1, flat.sentence_bounds(item.end(), item.end() + 1)[1])
    return end


# "Riêng các hồ sơ thuộc thẩm quyền cấp xã, có tổng số 2.760, với 2.602 hồ sơ …": a
# sentence that opens on "Riêng" is about one part of the unit's records (a part of the
# period, "Riêng quý IV", is weighed by `settle`).
_SUBSET = re.compile(
    r"(?:(?<=[.!?;]\s)|(?<=\n)|(?<=\)\s)|^)\s*(?:RIÊNG|Riêng|riêng)\s+(?!(?i:(?:trong\s+)?"
    r"(?:tuần|tháng|quý|năm|kỳ|đợt|[0-9])))",
    re.MULTILINE,
)


# "Về tình hình thực hiện thủ tục hành chính cải thiện môi trường đầu tư kinh doanh …, tổng số
# hồ sơ mới là 327 hồ sơ": a sentence whose topic is some of the procedures (a field, a
# programme), told apart by what qualifies them.
_PROCEDURES_TOPIC = re.compile(
    r"(?i)(?:(?<=[.!?;]\s)|(?<=\n)|(?<=\)\s)|^)\s*(?:về|đối\s+với)\s+(?:[^,.;:\n]{0,40}?\s)?"
    r"(?:các\s+)?(?:thủ\s+tục\s+hành\s+chính|tthc|hồ\s+sơ)\s+(?:liên\s+quan|cải\s+thiện|"
    r"thuộc\s+lĩnh\s+vực|trong\s+lĩnh\s+vực|lĩnh\s+vực|về\s+)",
    re.MULTILINE,
)


def drop_subsets(flat: FlatText, figures: list[F], unit: Unit | None) -> list[F]:
    """Figures of a sentence that opens on "Riêng …" or whose topic is some of the procedures
    ("Về … thủ tục hành chính cải thiện môi trường đầu tư …, …") are a part's, not the unit's
    (a channel's count excepted); the unit's own council named so is the unit."""
    spans = []
    text = flat.text
    for match in _SUBSET.finditer(text):
        end = flat.sentence_bounds(match.end(), match.end() + 1)[1]
        if _names_unit(text[match.end() : end], unit):
            continue
        # "Riêng Chi nhánh … đã tiếp nhận 13.039 hồ sơ. Tổng số hồ sơ đã giải quyết là 10.502 …":
        # the part's figures go on, in its paragraph, while no sentence names another subject
        while (more := _GOES_ON_WITH_PART.match(text, end)) is not None:
            end = max(end + 1, flat.sentence_bounds(more.end(), more.end() + 1)[1])
        spans.append((match.start(), end))
    for match in _PROCEDURES_TOPIC.finditer(flat.text):
        spans.append((match.start(), flat.sentence_bounds(match.end(), match.end() + 1)[1]))
    if not spans:
        return figures
    return [
        f for f in figures if f.variable in _CHANNELS or not any(a < f.offset < b for a, b in spans)
    ]


_GOES_ON_WITH_PART = re.compile(
    r"(?i)[.;]?[ \t]+(?:tổng\s+số\s+hồ\s+sơ|số\s+hồ\s+sơ|trong\s+đó|đã\s+giải\s+quyết|"
    r"đã\s+tiếp\s+nhận|có\s+\d)"
)


def _names_unit(rest: str, unit: Unit | None) -> bool:
    body = MAYBE_SELF.match(rest)
    return body is not None and is_unit(body, unit)


# The records of a total told again by group: "… 4.572/4.572 hồ sơ. Trong đó, theo cơ chế
# một cửa 3.172/3.172 HS, đã giải quyết sớm hẹn 2.881 HS, đúng hẹn 291 HS; theo cơ chế một
# cửa liên thông 295/295 HS …": smaller counts of the same variable after "trong đó" (two at
# least) start groups, and every figure told after "trong đó" to the end of the parts is a
# group's.
_WHOLES = frozenset({"ho_so_tiep_nhan", "ho_so_da_giai_quyet"})
_IN_WHICH = re.compile(r"(?i)trong\s+(?:đó|số\s+(?:đó|này|trên))")


# "Trong đó cấp huyện tiếp nhận 12.345 hồ sơ": a group named by its level, even when the
# other levels' counts were dropped as not the unit's.
_LEVEL_GROUP = re.compile(r"(?i)\bcấp\s+(?:tỉnh|huyện|xã)\b[^,;.\d]{0,30}$")


def _joint_pair(figures: list[F], figure: F) -> bool:
    """The figure is one half of "A/B": received and resolved read at the same place."""
    return {f.variable for f in figures if f.offset == figure.offset} >= _WHOLES


def drop_groups(flat: FlatText, figures: list[F]) -> list[F]:
    """Drop the figures of the groups a total is told again by (a channel's kept)."""
    text = flat.text
    dropped: set[int] = set()
    for i, whole in enumerate(figures):
        if whole.variable not in _WHOLES or i in dropped:
            continue
        end = flat.sentence_bounds(whole.offset, whole.offset + 1)[1]
        in_which = _IN_WHICH.search(text, whole.offset, end)
        start = in_which.start() if in_which else end
        if in_which is None:
            if not _GOES_ON.match(text, end):
                continue
            end = flat.sentence_bounds(end + 1, end + 2)[1]
        groups = [
            g for g in figures[i + 1 :]
            if g.variable == whole.variable and g.amount < whole.amount and start < g.offset < end
        ]  # fmt: skip
        # two groups at least ("một cửa …; liên thông …"): one smaller count alone may be the
        # newly received of a grand total, unless it is told as the whole was, resolved of
        # received ("1.000/1.000 HS"), which a newly received count never is; every figure
        # told after "trong đó" is then a group's
        if (
            len(groups) >= 2
            or any(_joint_pair(figures, g) for g in groups)
            or any(_LEVEL_GROUP.search(text, max(start, g.offset - 40), g.offset) for g in groups)
        ):
            dropped.update(
                k for k in range(i + 1, len(figures))
                if start < figures[k].offset < end and figures[k].variable not in _CHANNELS
            )  # fmt: skip
    return [f for k, f in enumerate(figures) if k not in dropped]


# What is told of records once they are in: how they were resolved, or that they are not yet.
_OUTCOMES = frozenset(
    {"ho_so_da_giai_quyet", "ho_so_truoc_han", "ho_so_dung_han", "ho_so_truoc_va_dung_han",
     "ho_so_tre_han", "ho_so_dang_giai_quyet"}
)  # fmt: skip
_RECEIVED = frozenset({"ho_so_tiep_nhan", "ho_so_tiep_nhan_moi"})
# what a channel's count may be told to hold "trong đó"
_HELD = _OUTCOMES | _RECEIVED | {"ho_so_ky_truoc"}
# a count of records taken in and results sent back at once ("tiếp nhận và chuyển trả kết quả")
_TAKEN_AND_SENT = re.compile(r"tiếp\s+nhận\s*(?:,|và)\s*(?:chuyển\s+)?(?:trả|phát\s+trả)\b")


def drop_channel_parts(flat: FlatText, figures: list[F]) -> list[F]:
    """ "… tổng số hồ sơ trực tuyến đã tiếp nhận … là 43.007 hồ sơ. Trong đó số được xử lý
    đúng hạn 40.042 hồ sơ …": where one channel's count opens its sentence (no count of all
    records before it), what is told "trong đó" after it, in its sentence or the next one that
    goes on with it, is that channel's (received, carried over, outcome), not the unit's.

    A channel's count that joins the records it took in and the results it sent back ("tiếp
    nhận và chuyển trả kết quả qua dịch vụ bưu chính công ích 2.000 hồ sơ (trong đó: tiếp nhận
    900 hồ sơ; …)") is no count of records received: the part received is the channel's other
    value, and with two values the channel's count goes to review."""
    text = flat.text
    dropped: set[int] = set()
    relabelled: dict[int, str] = {}
    for i, channel in enumerate(figures):
        if channel.variable not in _CHANNELS:
            continue
        start, end = flat.sentence_bounds(channel.offset, channel.offset + 1)
        if _GOES_ON.match(text, start) or any(
            start <= f.offset < channel.offset and f.variable not in _CHANNELS for f in figures
        ):
            continue  # "tiếp nhận 1.000 hồ sơ (600 trực tuyến), …", "Trong đó, … trực tuyến …"
        in_which = _IN_WHICH.search(text, channel.offset, end)
        if in_which is None and _GOES_ON.match(text, end):
            in_which = _IN_WHICH.search(text, end, end + 40)
            end = flat.sentence_bounds(end + 1, end + 2)[1]
        if in_which is None or any(
            channel.offset < f.offset < in_which.start() and f.variable not in _CHANNELS
            for f in figures
        ):
            continue  # "…; đã giải quyết 5.415 hồ sơ, trong đó …": that count's parts
        joint = _TAKEN_AND_SENT.search(vkey(text[start : channel.offset])) is not None
        for k in range(i + 1, len(figures)):
            figure = figures[k]
            if not in_which.start() < figure.offset < end or figure.variable not in _HELD:
                continue
            if joint and figure.variable in _RECEIVED:
                relabelled[k] = channel.variable
            else:
                dropped.add(k)
    return [
        replace(f, variable=relabelled[k]) if k in relabelled else f
        for k, f in enumerate(figures)
        if k not in dropped
    ]
