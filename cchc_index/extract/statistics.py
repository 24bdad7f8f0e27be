"""Figures of the one-stop desk and the website, each with its variable, year and sentence."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from cchc_index.extract.counts import Count, counts, with_second
from cchc_index.extract.figure_context import (
    VERBS_LISTED,
    is_comparison,
    is_counter,
    is_department,
    is_target,
    of_some_bodies,
    scoped_spans,
    spans_years,
    sub_period_spans,
    year_after,
)
from cchc_index.extract.flat import UP, FlatText, vkey
from cchc_index.extract.parts import (
    drop_breakdowns,
    drop_channel_parts,
    drop_groups,
    drop_sub_bodies,
    drop_subsets,
)
from cchc_index.extract.relations import PART_OF_PERIOD
from cchc_index.extract.statrules import RULES, UNIT_CLASS, UNIT_RE, Rule, canon
from cchc_index.extract.tables import table_counts
from cchc_index.extract.unit import Unit
from cchc_index.text import parse_number

_LABELLED = re.compile(r"(?::|\blà|\bđạt|\bgồm|\bcòn)\s*:?\s*$")
_APPROX = re.compile(r"(?:\btrên|\bgần|\bkhoảng|\bhơn|\bxấp xỉ|\bước tính|\bước)\s*$")
# "năm 2023", "năm trước": the year a figure is of; but records carried over "từ năm trước",
# "tồn của năm trước", "năm trước chuyển sang" are this period's.
_YEAR = re.compile(  # not the year a figure is compared with ("tăng 300 so với năm 2023")
    r"(?<!so với )(?<!so với cùng kỳ )(?<!so cùng kỳ )(?<!so với cùng kì )\bnăm\s+(\d{4})\b"
    # "cùng kỳ" is last year's ("so với cùng kỳ"), but "Trong cùng kỳ, …" is the period just told
    r"|((?<!từ )(?<!tồn )(?<!tồn của )(?:năm trước|năm ngoái)(?!\s+chuyển)|(?<!trong )cùng kỳ)"
)
_ZERO = re.compile(  # "hồ sơ" or its abbreviation "HS"
    r"(?i)không\s+(?:có|phát\s+sinh)\s+(?:hồ\s+sơ|hs\b)(?:\s+nào)?"
    r"|(?:hồ\s+sơ|hs\b)\s+không\s+phát\s+sinh"
)
# A label that counts records, right before its count, with no colon: "Số hồ sơ trễ hạn 5;".
_RECORDS_LABEL = re.compile(r"(?i)(?<!\w)(?:tổng\s+)?số\s+(?:hồ\s+sơ|hs)\b[^,;:.()\d%]{0,50}$")
_LEVELS = frozenset("1234")  # the levels of online public services
_LEVEL_NUMBER = re.compile(r"(?i)\bmức(?:\s+độ)?\s*(?:\d\s*(?:,|và|-|–)\s*(?:mức(?:\s+độ)?\s*)?)*$")
_STANDARD = re.compile(r"(?:ISO|TCVN)\s*[\d.]+\s*[:/]\s*$")
# The words after a count end at a comma, a cell, a full stop, or a line that starts anew.
# "… là 115.665 và tổng số hồ sơ giải quyết là 168.746": "và (tổng) số …" is the next label.
_AFTER_END = re.compile(
    rf"[,;(|\t]|\.\s|\n(?=[ \t]*(?:{UP}|[-+•*]))|\s(?:và|còn)\s+(?:tổng\s+)?số\s"
    # "… 49.805 hồ sơ và dịch vụ công một phần là 886 hồ sơ": the next count's label
    # "… 94.665 hồ sơ thủ tục hành chính và giải quyết 94.985": the next verb's
    r"|\svà\s+(?=(?:dịch\s+vụ|tỷ\s+lệ|các\s+|có\s+|(?:đã\s+)?(?:giải\s+quyết|tiếp\s+nhận|trả"
    r"\s+kết\s+quả|xử\s+lý))\b)"
)


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
    label: str = ""  # the words of its clause before it ("Trong đó, tại Bộ phận Một cửa …")
    rate: Decimal | None = None  # a percentage stated right after it ("đạt tỷ lệ 98,33%")
    rate_places: int = 0
    part_of_period: bool = False  # its sentence opens on a quarter or a month ("Quý III/2021, …")
    tail: str = ""  # the words after it, to the next count ("hồ sơ (gồm cả 122 hồ sơ …")


def find_figures(
    flat: FlatText,
    year: int | None,
    skip: tuple[tuple[int, int], ...] = (),
    level: str | None = None,
    unit: Unit | None = None,
) -> list[Figure]:
    """Every count the rules recognise as the unit's, in text order; `level` is the unit's
    own level ("xã"), so that figures of other levels are passed over, and `unit` tells the
    unit's own council from another's ("UBND xã đã tiếp nhận …" in a commune's report).

    A part of the period ("tính riêng trong tuần", "Riêng tháng 12") is passed over beside
    the period's own figures; where the text tells no exact figure outside such parts ("Cụ
    thể, tính riêng tháng 7/2025, Trung tâm đã tiếp nhận …" in a month's news), the parts'
    figures are the text's, each marked as of part of the period."""
    skip = skip + scoped_spans(flat.text, level)
    parts = sub_period_spans(flat.text)
    figures = _find_figures(flat, year, skip + parts, level, unit)
    if not parts or any(not f.approximate for f in figures):
        return figures
    return [
        replace(f, part_of_period=True) if any(a <= f.offset < b for a, b in parts) else f
        for f in _find_figures(flat, year, skip, level, unit)
    ]


def _find_figures(
    flat: FlatText,
    year: int | None,
    skip: tuple[tuple[int, int], ...],
    level: str | None,
    unit: Unit | None,
) -> list[Figure]:
    text = flat.text
    numbers = [with_second(text, c) for c in counts(text, skip)]
    units = [UNIT_RE.match(text, c.end) for c in numbers]
    # The words after a figure run to the next figure with a unit ("… mức độ 3, 12 hồ sơ").
    counted = [c.start for c, u in zip(numbers, units, strict=True) if u] + [len(text)]
    figures: list[Figure] = []
    previous_end = 0
    records_until = -1  # the end of a sentence that counted records: its parts may omit "hồ sơ"
    handled: list[tuple[int, int]] = []  # "tiếp nhận và giải quyết N": where, to its sentence end
    body_until = -1  # the end of a sentence about another body than the unit
    for count, word in zip(numbers, units, strict=True):
        clause_start, clause_end = flat.sentence_bounds(count.start, count.end, clause=True)
        before = text[max(clause_start, previous_end) : count.start]
        if (
            _STANDARD.search(before)  # "ISO 9001: 2015"
            or is_counter(before)  # "Lượt xem: 8"
            or (count.a in _LEVELS and _LEVEL_NUMBER.search(before))  # "mức độ 3, 4"
        ):
            continue
        unit_end = word.end() if word else count.end
        if word and _ONE_PROCEDURE.match(text, unit_end):
            continue  # "335 hồ sơ cấp đổi giấy phép lái xe": one procedure's records, a part
        line_text = flat.lines[flat.line_of(count.start) - 1].strip()
        bare = False  # "trong đó trước hạn 800, đúng hạn 300": the unit of the sentence's count
        if word:
            kind = UNIT_CLASS.get(vkey(word["unit"]), "")
        elif _LABELLED.search(before) or line_text == text[count.start : count.end]:
            kind = _unit_in(before)
            bare = not kind and count.start < records_until
            kind = kind or ("ho_so" if bare else "")
        elif count.start < records_until and (
            _BARE_END.match(text, count.end) or _LABEL_AFTER.match(text, count.end)
        ):
            kind, bare = "ho_so", True
        elif _RECORDS_LABEL.search(before) and _BARE_END.match(text, count.end):
            kind = "ho_so"  # "Tổng số hồ sơ đã tiếp nhận 1.234 (trong đó: …)": the label's unit
        else:
            continue
        nxt = counted[bisect.bisect_right(counted, count.start)]
        # "hồ sơ của các tổ chức, cá nhân yêu cầu giải quyết": one noun, no cut at its comma
        tail = _ONE_NOUN.sub(r"\1 và \2", text[unit_end : min(clause_end, nxt, unit_end + 80)])
        cut = _AFTER_END.search(tail)
        after = text[count.end : unit_end] + (tail[: cut.start()] if cut else tail)
        if kind == "ho_so" and (paired := _PAIRED_VERB.match(text, unit_end)):
            other = UNIT_CLASS.get(vkey(paired["unit"]), "")
            if other and other != "ho_so":  # "433 hồ sơ TTHC và 980 văn bản được tiếp nhận"
                after += " " + paired["verb"]
        if cut is not None and (channel := _CHANNEL_ASIDE.match(tail, cut.start())):
            after += (
                " " + channel["words"]
            )  # "190.319 hồ sơ mới tiếp nhận (trực tiếp và bưu chính)"
        whole_clause = text[clause_start : count.start]
        if of_some_bodies(whole_clause):  # several bodies' count; the sentence goes on
            continue
        if count.start < body_until or is_department(before, unit):
            # "Sở Tư pháp tiếp nhận 120 hồ sơ; đã giải quyết 118 hồ sơ": to the end of the
            # sentence the figures are that body's
            body_until = max(body_until, flat.sentence_bounds(count.start, count.end)[1])
            continue
        if (
            is_target(whole_clause)
            or is_comparison(before, text[unit_end:clause_end])
            or spans_years(text[clause_start:clause_end])
        ):
            continue
        if not bare:
            found = _classify(kind, after, before)
        else:  # "trong đó trước hạn 800, …"; else its words after it: "…, 7.278 nhận mới."
            found = _classify(kind, "", _near(before)) or _classify(kind, _bare_after(after), "")
        if found is None:
            continue
        if kind == "ho_so":
            records_until = flat.sentence_bounds(count.start, count.end)[1]
        when = year_after(text[unit_end : min(clause_end, nxt)]) or _year_of(whole_clause, year)
        approx = count.rounded or _approx(before)
        rate = _RATE.match(text, unit_end, min(clause_end, nxt))
        sentence_start, sentence_end = flat.sentence_bounds(count.start, count.end)
        lead = text[sentence_start : count.start]
        found = _joint(_by_topic(found, lead), count, before)
        part = bool(_PART_OF_PERIOD.search(vkey(lead)))
        rules = [found]
        if _all_resolved(found, count, before, text[unit_end:sentence_end]):
            rules.append(_RESOLVED)
        elif _handled(found, count, before):
            handled.append((count.start, sentence_end))
        figures.extend(
            replace(f, label=before, rate=_percent(rate), rate_places=_places(rate),
                    part_of_period=part, tail=text[unit_end : min(clause_end, nxt)])
            for rule in rules
            for f in _figures(flat, count, rule, when, approx)
        )  # fmt: skip
        # the words after it, to the comma that ends them, are its own ("1.236 hồ sơ TTHC dịch
        # vụ công trực tuyến toàn trình, trả kết quả qua Bưu điện 8.278 hồ sơ")
        previous_end = unit_end + (
            cut.start() if cut is not None and tail[cut.start()] == "," else 0
        )
    figures.extend(_zeros(flat, year, skip))
    figures.extend(_tabled(flat, year, skip, unit))
    figures = drop_sub_bodies(flat, figures, unit)
    figures = drop_subsets(flat, figures, unit)
    figures = drop_groups(flat, sorted(figures, key=lambda f: f.offset))
    figures = drop_channel_parts(flat, figures)
    return _resolved_by_parts(drop_breakdowns(flat, figures), handled)


_PART_OF_PERIOD = re.compile("|".join(PART_OF_PERIOD))
# "Về hồ sơ trực tuyến, trong quý, UBND thành phố tiếp nhận 581 hồ sơ": the sentence's topic,
# said first, names the channel its records came by.
_TOPIC = re.compile(
    r"^\s*(?:\([^)]{0,20}\)\s*)?(?:về|đối với|riêng)\s+(?P<topic>[^,;:.]{3,90})[,:]"
)
_RECEIVED = frozenset({"ho_so_tiep_nhan", "ho_so_tiep_nhan_moi"})
_TOPIC_CHANNELS = frozenset(
    {"ho_so_truc_tuyen", "ho_so_bcci", "ho_so_truc_tiep", "ho_so_truc_tuyen_muc_3",
     "ho_so_truc_tuyen_muc_4", "ho_so_truc_tuyen_toan_trinh", "ho_so_truc_tuyen_mot_phan"}
)  # fmt: skip


def _by_topic(rule: Rule, lead: str) -> Rule:
    """A count of records received in a sentence whose topic is one channel is that channel's."""
    if rule.variable not in _RECEIVED:
        return rule
    topic = _TOPIC.match(VERBS_LISTED.sub(r"\1 và \2", vkey(lead)))
    if topic is None:
        return rule
    channel = _classify("ho_so", topic["topic"], "")
    return channel if channel is not None and channel.variable in _TOPIC_CHANNELS else rule


# "đã tiếp nhận, giải quyết và trả kết quả 4.572/4.572 hồ sơ": resolved of received.
_JOINT_VERB = re.compile(r"tiếp\s+nhận\s*(?:,|và)\s*(?:giải\s+quyết|xử\s+lý)[^,;.]{0,40}$")
_RESOLVED = next(r for r in RULES if r.variable == "ho_so_da_giai_quyet")


def _joint(rule: Rule, count: Count, before: str) -> Rule:
    """Records "tiếp nhận và giải quyết A/B" are A resolved of B received."""
    if rule.variable == "ho_so_tiep_nhan" and count.b and _JOINT_VERB.search(vkey(before)):
        return _RESOLVED
    return rule


# "… tiếp nhận và giải quyết 656 hồ sơ; theo đó, 100% hồ sơ đều được giải quyết sớm hạn":
# every record received was resolved.
_HUNDRED = re.compile(
    r"(?<![\d,.])100\s*%\s*(?:(?:số\s+)?(?:hồ\s+sơ|hs)\b)?[^.;\d%]{0,30}?giải\s+quyết"
    r"|giải\s+quyết[^.;\d%]{0,30}?(?:đạt\s+)?(?:tỷ\s+lệ\s+)?(?<![\d,.])100\s*%"
)


def _bare_after(after: str) -> str:
    """The words after a count with no unit, to the next "và": "7.278 nhận mới" → "nhận mới"."""
    return re.split(r"\s(?:và|hoặc)\s", after, maxsplit=1)[0]


def _all_resolved(rule: Rule, count: Count, before: str, rest: str) -> bool:
    """Records "tiếp nhận và giải quyết N", then "100% … giải quyết" in the same sentence: the N
    received were all resolved (without the 100%, "handled N" says nothing of how many were)."""
    return _handled(rule, count, before) and _HUNDRED.search(vkey(rest)) is not None


def _handled(rule: Rule, count: Count, before: str) -> bool:
    """Records "tiếp nhận và giải quyết N": N received, and as many handled."""
    return (
        rule.variable == "ho_so_tiep_nhan"
        and not count.b
        and _JOINT_VERB.search(vkey(before)) is not None
    )


_RESOLVED_PARTS = frozenset(
    {"ho_so_truoc_han", "ho_so_dung_han", "ho_so_tre_han", "ho_so_truoc_va_dung_han"}
)


def _resolved_by_parts(figures: list[Figure], handled: list[tuple[int, int]]) -> list[Figure]:
    """ "tiếp nhận và giải quyết 1.456 hồ sơ, trong đó trước hạn 1.200 hồ sơ, đúng hạn 256 hồ
    sơ": the parts of the resolved add up to the N received, and resolved ≤ received, so N
    were resolved (written as a figure at N's place; never when the sentence gives its own)."""
    added = []
    for start, end in handled:
        whole = next(
            (f for f in figures if f.offset == start and f.variable == "ho_so_tiep_nhan"), None
        )
        inside = [f for f in figures if start < f.offset <= end]
        if whole is None or any(f.variable == "ho_so_da_giai_quyet" for f in inside):
            continue
        parts = {f.variable: f.amount for f in inside if f.variable in _RESOLVED_PARTS}
        if len(parts) != len([f for f in inside if f.variable in _RESOLVED_PARTS]):
            continue  # one part told twice: not one breakdown
        if "ho_so_truoc_va_dung_han" in parts and parts.keys() & {
            "ho_so_truoc_han",
            "ho_so_dung_han",
        }:
            continue
        if parts and sum(parts.values(), Decimal(0)) == whole.amount:
            added.append(replace(whole, variable="ho_so_da_giai_quyet"))
    return sorted([*figures, *added], key=lambda f: f.offset) if added else figures


# "433 hồ sơ thủ tục hành chính và 980 văn bản được tiếp nhận, xử lý": the verb after a pair
# of counts of two kinds is the records' too.
_PAIRED_VERB = re.compile(
    r"(?i)[^,;.:()\d]{0,40}?\s+và\s+\d[\d.]*"
    + UNIT_RE.pattern
    + r"\s+(?P<verb>(?:đã\s+)?được\s+(?:tiếp\s+nhận|giải\s+quyết|xử\s+lý)(?:\s*(?:,|và)\s*"
    r"(?:giải\s+quyết|xử\s+lý))?)"
)
_ONE_NOUN = re.compile(r"(?i)(tổ\s+chức|cá\s+nhân)\s*,\s*(cá\s+nhân|tổ\s+chức)")
# A channel named in brackets right after a count's words: "(trực tiếp và bưu chính)".
_CHANNEL_ASIDE = re.compile(
    r"\(\s*(?P<words>[^()\d]{0,40}?(?:trực\s+tiếp|trực\s+tuyến|bưu\s+chính)[^()\d]{0,30}?)\s*\)",
    re.IGNORECASE,
)


# Records of one procedure or field named right after their unit: a part of the unit's.
_ONE_PROCEDURE = re.compile(
    r"(?i)\s+(?:thuộc\s+)?(?:cấp\s+(?:mới|đổi|lại)|cấp\s+giấy|đổi\s+giấy|chứng\s+thực|hộ\s+tịch|"
    r"lĩnh\s+vực|giấy\s+phép|lý\s+lịch|khai\s+sinh|kết\s+hôn|khai\s+tử|"
    r"đăng\s+ký\s+(?:kinh\s+doanh|doanh\s+nghiệp|hộ\s+kinh\s+doanh|thường\s+trú|tạm\s+trú))"
    # (not "hồ sơ đất đai": a land office's records are all of them)
)
# A part of a records sentence named right after its count: "…, 7.278 nhận mới."
_LABEL_AFTER = re.compile(
    r"\s+(?:nhận\s+mới|tiếp\s+nhận\s+mới|mới|kỳ\s+trước\s+chuyển\s+sang|chuyển\s+sang|"
    r"trước\s+hạn|đúng\s+hạn|trễ\s+hạn|quá\s+hạn|trực\s+tuyến|trực\s+tiếp)\s*(?:[,;.)\n]|\Z)",
    re.IGNORECASE,
)


# A count with no unit ends its part of a list: "trước hạn 800, đúng hạn 300 và trễ hạn 50."
_BARE_END = re.compile(r"\s*(?:[,;.)(\n]|và(?!\w)|\Z)")
_NEAR = re.compile(r"[^,;:(]{1,40}$")


def _near(before: str) -> str:
    """The words right before a count, since the last comma, colon or bracket."""
    match = _NEAR.search(before.rstrip(" :"))
    return match.group(0) if match else ""


# "148.761 hồ sơ, đạt tỷ lệ đúng hạn toàn tỉnh 98,33%", "12 hồ sơ (tỷ lệ 0,3%)"
_RATE = re.compile(
    r"[\s,(]*(?:đạt|chiếm)?\s*(?:tỷ\s+lệ|tỉ\s+lệ)?[^\d%;\n]{0,40}?(?P<p>\d{1,3}(?:,\d+)?)\s*%"
)


def _percent(match: re.Match[str] | None) -> Decimal | None:
    return Decimal(match["p"].replace(",", ".")) if match else None


def _places(match: re.Match[str] | None) -> int:
    return len(match["p"].split(",")[1]) if match and "," in match["p"] else 0


def _tabled(
    flat: FlatText,
    year: int | None,
    skip: tuple[tuple[int, int], ...],
    unit: Unit | None,
) -> list[Figure]:
    """Records counted in a table: its row's label or its column's header names each one."""
    out: list[Figure] = []
    for count in table_counts(flat):
        if any(a <= count.start < b for a, b in skip):
            continue
        if is_target(count.words) or is_department(count.words, unit):
            continue
        rule = _classify("ho_so", count.words, "")
        if rule is None:
            continue
        when = _year_of(count.period, year) if count.period else None
        part = bool(_PART_OF_PERIOD.search(vkey(count.period)))
        out.append(
            Figure(rule.variable, count.value, parse_number(count.value), when, False,
                   count.start, flat.line_of(count.start), count.row, label=count.words,
                   part_of_period=part)
        )  # fmt: skip
    return out


def _inside(match: re.Match[str], spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= match.start() < end for start, end in spans)


def _unit_in(before: str) -> str:
    """The class of the last unit word in a label ("Số hồ sơ trễ hạn:" → ho_so); records of
    procedures stay records ("tổng số hồ sơ giải quyết TTHC là" → ho_so, "Số TTHC có hồ sơ" →
    tthc)."""
    found = ""
    for unit in UNIT_RE.finditer(before):
        kind = UNIT_CLASS.get(vkey(unit["unit"]), found)
        if not (found == "ho_so" and kind == "tthc"):
            found = kind
    return found


# Two words joined by a comma that name one thing: "trước hạn, đúng hạn 1.190 hồ sơ" (early
# or on time), "tiếp nhận, giải quyết 1.300 hồ sơ" (received to handle).
_JOINED = (
    (re.compile(r"(?i)(trước|đúng)\s+(hạn|hẹn)\s*[,/]\s*(?!\1)(?:đúng|trước)\s+(?:hạn|hẹn)"),
     "trước và đúng hạn"),
    (re.compile(r"(?i)tiếp\s+nhận\s*,\s*(giải\s+quyết|xử\s+lý)"), r"tiếp nhận và \1"),
    # "Hồ sơ trực tuyến (một phần, toàn trình): 690": online records of both kinds
    (re.compile(r"(?i)(một\s+phần|toàn\s+trình)\s*,\s*(toàn\s+trình|một\s+phần)"), r"\1 và \2"),
    # "dịch vụ công trực tuyến mức độ 3, mức độ 4 là 2.150": both levels, no one level's
    (re.compile(r"(?i)mức(?:\s+độ)?\s*3\s*,\s*(?:mức(?:\s+độ)?\s*)?4"), "mức độ 3 và 4"),
)  # fmt: skip


_BY_KIND: dict[str, tuple[Rule, ...]] = {}


def _classify(kind: str, after: str, before: str) -> Rule | None:
    """Words right after the figure first, then ever longer stretches of its label."""
    candidates = _BY_KIND.get(kind)
    if candidates is None:
        candidates = _BY_KIND[kind] = tuple(rule for rule in RULES if kind in rule.units)
    contexts = [vkey(after)]
    if "," in before or "/" in before:
        for pattern, joined in _JOINED:
            before = pattern.sub(joined, before)
    parts = before.split(",")
    contexts += [vkey(",".join(parts[-n:])) for n in range(1, len(parts) + 1)]
    for context in contexts:
        context = canon(context)
        plain = context.isascii()
        for rule in candidates:
            if rule.matches_canon(context, plain):
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
    flat: FlatText, count: Count, rule: Rule, year: int | None, approx: bool
) -> list[Figure]:
    line = flat.line_of(count.start)
    sentence = flat.sentence(count.start, count.end)
    out = [Figure(rule.variable, count.a, count.amount, year, approx, count.start, line,
                  sentence)]  # fmt: skip
    if count.b and rule.ratio_of:
        out.append(Figure(rule.ratio_of, count.b, parse_number(count.b), year, approx,
                          count.start, line, sentence))  # fmt: skip
    return out


# Some of the bodies, counted or not, as the subject of a zero.
_SOME_BODIES = re.compile(
    r"(?:\d+|các|một số|nhiều|có)\s+(?:đơn vị|cơ quan|xã|phường|thị trấn|sở|ngành|phòng|ban"
    r"|địa phương|huyện|quận|bộ phận)\b[^,;.]{0,30}$"
)


_ZERO_AFTER = re.compile(r"[^,;.:()\n]{1,40}")


def _zeros(flat: FlatText, year: int | None, skip: tuple[tuple[int, int], ...]) -> list[Figure]:
    """ "Không có hồ sơ phát sinh": 0 of whatever the clause, or else its table row, is about."""
    out: list[Figure] = []
    for match in _ZERO.finditer(flat.text):
        if _inside(match, skip):
            continue
        start, end = flat.sentence_bounds(match.start(), match.end(), clause=True)
        if _SOME_BODIES.search(vkey(flat.text[start : match.start()])):
            continue  # "9 đơn vị không phát sinh hồ sơ trễ hạn": theirs, not the unit's 0
        line = flat.line_of(match.start())
        candidates = [r for r in RULES if "ho_so" in r.units and r.zero_ok]
        # the words right after it first ("không có HS trễ hạn; tiếp nhận 1.105 HS trực tuyến")
        right_after = _ZERO_AFTER.match(flat.text, match.end())
        own = right_after.group(0) if right_after else ""
        for context in (own, flat.text[start:end], flat.lines[line - 1]):
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
