"""Figures of the one-stop desk and the website, each with its variable, year and sentence.

This module walks the counts of a text and asks the others: `classify` which variable a
count's words name, `figure_context` whether the words make it another body's or level's, a
plan or a difference, `handled` what "tiếp nhận và giải quyết N" says, `zeros` the zeros told
in words, `parts` which figures belong to a part of the unit."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from decimal import Decimal

from cchc_index.extract.classify import bare_after, classify, in_time_part, near, unit_in
from cchc_index.extract.counts import Count, counts, with_second
from cchc_index.extract.figure import Figure
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
from cchc_index.extract.handled import RESOLVED, all_resolved, handled, joint, resolved_by_parts
from cchc_index.extract.parts import (
    drop_breakdowns,
    drop_channel_parts,
    drop_groups,
    drop_sub_bodies,
    drop_subsets,
)
from cchc_index.extract.relations import PART_OF_PERIOD
from cchc_index.extract.statrules import UNIT_CLASS, UNIT_RE, Rule
from cchc_index.extract.tables import table_counts
from cchc_index.extract.unit import Unit
from cchc_index.extract.zeros import zeros
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
# A label that counts records, right before its count, with no colon: "Số hồ sơ trễ hạn 5;".
_RECORDS_LABEL = re.compile(r"(?i)(?<!\w)(?:tổng\s+)?số\s+(?:hồ\s+sơ|hs)\b[^,;:.()\d%]{0,50}$")
_LEVELS = frozenset("1234")  # the levels of online public services
_LEVEL_NUMBER = re.compile(r"(?i)\bmức(?:\s+độ)?\s*(?:\d\s*(?:,|và|-|–)\s*(?:mức(?:\s+độ)?\s*)?)*$")
_STANDARD = re.compile(r"(?:ISO|TCVN)\s*[\d.]+\s*[:/]\s*$")
# The words after a count end at a comma, a cell, a full stop, or a line that starts anew.
# "… là 115.665 và tổng số hồ sơ giải quyết là 168.746": "và (tổng) số …" is the next label.
# "… 2.855 hồ sơ trực tuyến mức độ 3, mức độ 4": one count for both levels, no cut at the comma.
_AFTER_END = re.compile(
    rf"[;(|\t]|,(?!\s*(?:mức(?:\s+độ)?\s*)?4\b)|\.\s|\n(?=[ \t]*(?:{UP}|[-+•*]))|\s(?:và|còn)\s+(?:tổng\s+)?số\s"
    # "… 49.805 hồ sơ và dịch vụ công một phần là 886 hồ sơ": the next count's label
    # "… 94.665 hồ sơ thủ tục hành chính và giải quyết 94.985": the next verb's
    r"|\svà\s+(?=(?:dịch\s+vụ|tỷ\s+lệ|các\s+|có\s+|(?:đã\s+)?(?:giải\s+quyết|tiếp\s+nhận|trả"
    r"\s+kết\s+quả|xử\s+lý))\b)"
)


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
    handled_spans: list[
        tuple[int, int]
    ] = []  # "tiếp nhận và giải quyết N": where, to its sentence end
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
            kind = unit_in(before)
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
            found = classify(kind, after, before)
        else:  # "trong đó trước hạn 800, …"; else its words after it: "…, 7.278 nhận mới."
            found = classify(kind, "", near(before)) or classify(kind, bare_after(after), "")
        if found is None:
            continue
        found = in_time_part(found, text[count.end : clause_end])
        if kind == "ho_so":
            records_until = flat.sentence_bounds(count.start, count.end)[1]
        when = year_after(text[unit_end : min(clause_end, nxt)]) or _year_of(whole_clause, year)
        approx = count.rounded or _approx(before)
        rate = _RATE.match(text, unit_end, min(clause_end, nxt))
        sentence_start, sentence_end = flat.sentence_bounds(count.start, count.end)
        lead = text[sentence_start : count.start]
        found = joint(_by_topic(found, lead), count, before)
        part = bool(_PART_OF_PERIOD.search(vkey(lead)))
        rules = [found]
        if all_resolved(found, count, before, text[unit_end:sentence_end]):
            rules.append(RESOLVED)
        elif handled(found, count, before):
            handled_spans.append((count.start, sentence_end))
        elif found.variable == _EARLY_OR_ON_TIME and _percent(rate) == _ALL:
            # "giải quyết xong 6.540 hồ sơ trước và đúng hạn (đạt 100%)": all of the records
            # resolved (of them or of all received, either way as many were resolved)
            rules.append(RESOLVED)
        figures.extend(
            replace(f, label=before, rate=_percent(rate) if rule is found else None,
                    rate_places=_places(rate), part_of_period=part,
                    tail=text[unit_end : min(clause_end, nxt)])
            for rule in rules
            for f in _figures(flat, count, rule, when, approx)
        )  # fmt: skip
        # the words after it, to the comma that ends them, are its own ("1.236 hồ sơ TTHC dịch
        # vụ công trực tuyến toàn trình, trả kết quả qua Bưu điện 8.278 hồ sơ")
        previous_end = unit_end + (
            cut.start() if cut is not None and tail[cut.start()] == "," else 0
        )
    figures.extend(zeros(flat, year, skip))
    figures.extend(_tabled(flat, year, skip, unit))
    figures = drop_sub_bodies(flat, figures, unit)
    figures = drop_subsets(flat, figures, unit)
    figures = drop_groups(flat, sorted(figures, key=lambda f: f.offset))
    figures = drop_channel_parts(flat, figures)
    return resolved_by_parts(drop_breakdowns(flat, figures), handled_spans)


_PART_OF_PERIOD = re.compile("|".join(PART_OF_PERIOD))
# "Về hồ sơ trực tuyến, trong quý, UBND thành phố tiếp nhận 581 hồ sơ", "Qua dịch vụ bưu chính
# công ích, đã tiếp nhận …": the sentence's topic, said first, names the channel its records
# came by.
_TOPIC = re.compile(
    r"^\s*(?:\([^)]{0,20}\)\s*)?(?:về|đối với|riêng|qua)\s+(?P<topic>[^,;:.]{3,90})[,:]"
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
    channel = classify("ho_so", topic["topic"], "")
    return channel if channel is not None and channel.variable in _TOPIC_CHANNELS else rule


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


# "148.761 hồ sơ, đạt tỷ lệ đúng hạn toàn tỉnh 98,33%", "12 hồ sơ (tỷ lệ 0,3%)"
_EARLY_OR_ON_TIME = "ho_so_truoc_va_dung_han"
_ALL = Decimal(100)
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
        rule = classify("ho_so", count.words, "")
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
