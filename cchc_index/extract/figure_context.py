"""What the words around a count say about it, beyond its variable.

A count is not the unit's result for the year when it is a target ("phấn đấu đạt 100 hồ
sơ"), a difference ("giảm 142 HS so với tháng 9"), one department's ("Sở Giao thông vận tải
829 HS"), another level's ("Với cấp xã, …"), a page-view counter, or a total over several
years ("qua 3 năm từ 2016 đến 2018"). These are told here from plain text, so that
`statistics` only has to ask.
"""

from __future__ import annotations

import re

from cchc_index.extract.flat import vkey
from cchc_index.extract.patterns import capital_run
from cchc_index.extract.unit import Unit

# Words that make a clause a plan or a norm, not a result.
_TARGET = re.compile(
    r"phấn đấu|ít nhất|tối thiểu|tối đa|chỉ tiêu|phải đạt|kế hoạch giao|mục tiêu|dự kiến"
    r"|cần đạt|đề ra|định mức"
)
_COMPARED_BEFORE = re.compile(r"(?:tăng|giảm)(?:\s+thêm)?\s*$")
_COMPARED_AFTER = re.compile(r"^\s*(?:so\s+với|so\s+cùng\s+kỳ)")
_COUNTER = re.compile(r"(?:lượt xem|đã xem|lượt truy cập|truy cập)\s*:?\s*$")
_SPAN = re.compile(r"từ\s+(?:năm\s+)?((?:19|20)\d\d)\s+(?:đến|tới)\s+(?:năm\s+)?((?:19|20)\d\d)")
_YEAR_AFTER = re.compile(r"\(\s*năm\s+((?:19|20)\d\d)\s*\)")
# One body among many, named right before its count.
_DEPARTMENTS = (
    "sở ", "công an", "phòng ", "chi cục", "cục ", "bảo hiểm", "kho bạc", "văn phòng đăng ký",
    "ubnd p.", "ubnd phường", "ubnd xã", "ubnd thị trấn", "chi nhánh", "ban quản lý",
    "lĩnh vực ", "riêng lĩnh vực",
)  # fmt: skip
# "trong đó …", "riêng …", "Về thẩm quyền công an phường …": what stands before the body's name
_IN_WHICH = re.compile(
    r"^(?:trong\s+đó|riêng|(?:về|đối\s+với|thuộc)\s+(?:thẩm\s+quyền\s+(?:của\s+)?)?)\s*,?\s*"
)
_SEGMENT_START = re.compile(r"[,;:(\n]")
VERBS_LISTED = re.compile(r"(?i)(tiếp\s+nhận)\s*,\s*(giải\s+quyết|xử\s+lý)")
# Another level than the unit's: "Với cấp xã, …", "Ở cấp huyện, …", "Cụ thể, cấp xã đã
# tiếp nhận …", "các sở, ngành cấp tỉnh tiếp nhận …", "Các UBND cấp xã đã giải quyết …"; it
# holds to the end of the line.
_SCOPE = re.compile(
    r"(?i)(?:\b(?:ở|với|đối với|riêng|tính riêng|tại)\s+(?:từng\s+)?cấp\s+(?P<a>tỉnh|huyện|xã)"
    r"|(?:^|[.,:]\s*)(?:cụ\s+thể,?\s*)?cấp\s+(?P<b>tỉnh|huyện|xã)\s+(?:đã\s+)?"
    r"(?:tiếp\s+nhận|giải\s+quyết)"
    r"|các\s+sở,?\s+(?:ban,?\s+)?ngành(?:\s+cấp\s+(?P<c>tỉnh))?\s+(?:đã\s+)?tiếp\s+nhận"
    # "Các UBND cấp xã đã giải quyết …", "UBND cấp xã tiếp nhận …" in a city's news
    r"|(?:\bcác\s+)?(?:\bUBND|\b[ỦU][ỷy]\s+ban\s+nhân\s+dân)\s+cấp\s+(?P<d>tỉnh|huyện|xã)\b"
    # "Tại khối UBND các phường, xã đã tiếp nhận …": the communes of a city, together
    # "Tại bộ phận một cửa của UBND các xã, thị trấn đã tiếp nhận …": the communes' desks
    r"|\b(?:tại|ở|với|đối\s+với)\s+(?:khối\s+)?"
    # "… tại Trung tâm Phục vụ hành chính công các xã, phường là 339 hồ sơ": the communes' centres
    r"(?:bộ\s+phận\s+(?:một\s+cửa|tiếp\s+nhận\s+và\s+trả\s+kết\s+quả)\s+(?:của|tại)\s+"
    r"|trung\s+tâm\s+phục\s+vụ\s+hành\s+chính\s+công\s+(?:của\s+)?)?"
    r"(?:(?:UBND|[ỦU][ỷy]\s+ban\s+nhân\s+dân)\s+)?"
    r"các\s+(?P<e>xã|phường|thị\s+trấn)\b"
    # "* Đối với xã phường:" heading the communes' and wards' block of a city's report
    r"|^[ \t*+•\-]*(?:đối\s+với|với|tại|ở)\s+(?P<f>xã|phường)(?:\s*,?\s*(?:xã|phường|thị\s+trấn))*"
    r"\s*:)",
    re.MULTILINE,
)


def is_target(clause_before: str) -> bool:
    """True when the clause up to the count states a plan or a norm."""
    return bool(_TARGET.search(vkey(clause_before)))


def is_comparison(before: str, after: str) -> bool:
    """True for a difference: "giảm 142 HS so với tháng 9", "tăng 20 hồ sơ"."""
    return bool(_COMPARED_BEFORE.search(vkey(before)) or _COMPARED_AFTER.match(vkey(after)))


def is_counter(before: str) -> bool:
    """True for a page-view counter ("Lượt xem: 842")."""
    return bool(_COUNTER.search(vkey(before)))


# A body named before its count that may be the unit itself: a commune's council ("UBND xã
# đã tiếp nhận …" in the commune's own report), a department ("Sở đã tiếp nhận …").
MAYBE_SELF = re.compile(
    r"(?i)^\s*(?:trong\s+đó|riêng)?\s*,?\s*(?P<body>(?:UBND|[ỦU][ỷy]\s+ban\s+nhân\s+dân)\s+"
    r"(?P<level>xã|phường|thị\s+trấn)|Sở|Phòng|Chi\s+cục|Ban\s+quản\s+lý|Văn\s+phòng)(?P<rest>.*)$",
    re.DOTALL,
)


def is_unit(body: re.Match[str], unit: Unit | None) -> bool:
    """Whether a body named before a count is the unit itself: the unit's own name ("UBND
    xã Quảng An", the header's "SỞ NỘI VỤ"), or the body named bare ("UBND xã", "Sở") when
    nothing says the unit is of another level."""
    place = capital_run(body["rest"].split(), 4)
    phrase = " ".join([*body["body"].split(), *place])
    if unit is not None and unit.is_self(phrase):
        return True
    named = vkey(body["body"] + body["rest"])  # "Sở Nội vụ đã …": a name in lower case too
    if unit is not None and any(n and named.startswith(vkey(n) + " ") for n in unit.names):
        return True
    if place:
        return False  # another commune, another department
    return (
        unit is None
        or unit.level is None
        or (body["level"] is not None and vkey(body["level"]) == vkey(unit.level))
    )


# "… của UBND các huyện Phù Mỹ, Vân Canh và TP. Quy Nhơn là 40 hồ sơ": several bodies' count,
# when no other count stands between their names and it.
_OF_SOME_BODIES = re.compile(
    r"\bcủa\s+(?:(?:ubnd|ủy\s+ban\s+nhân\s+dân)\s+)?các\s+(?:huyện|quận|thị\s+xã|xã|phường|sở|"
    r"ngành|đơn\s+vị|cơ\s+quan|địa\s+phương)\b[^;:\d%]{0,100}$"
)


def of_some_bodies(before: str) -> bool:
    """True for a count told of several named bodies ("của UBND các huyện A, B … là 40")."""
    return bool(_OF_SOME_BODIES.search(vkey(before)))


def is_department(before: str, unit: Unit | None = None) -> bool:
    """True when the words since the last comma name one body or field ("Sở Tài chính 803
    HS", "trong đó lĩnh vực đất đai 120 hồ sơ"), not the unit itself ("UBND xã đã tiếp nhận
    1.300 hồ sơ" in the commune's own report, "Sở đã tiếp nhận" in a department's)."""
    before = VERBS_LISTED.sub(r"\1 và \2", before)  # "tiếp nhận, giải quyết": one clause
    cut = 0
    for match in _SEGMENT_START.finditer(before):
        cut = match.end()
    segment = _IN_WHICH.sub("", vkey(before[cut:]).strip())
    if not segment or not (segment + " ").startswith(_DEPARTMENTS):
        return False
    body = MAYBE_SELF.match(before[cut:])
    return body is None or not is_unit(body, unit)


# One body inside the unit's figures, as the subject of the rest of its sentence: "…, trong
# đó tại Bộ phận Một cửa thành phố: đã giải quyết 29.500 hồ sơ, đang giải quyết 370 hồ sơ".
_SUB_BODY = re.compile(
    r"(?<!\w)(?:[tT]rong\s+đó|TRONG\s+ĐÓ|[rR]iêng|RIÊNG)(?i:\s*,?\s*(?:tại|ở|của|đối\s+với)?\s*"
    r"(?P<body>bộ\s+phận|trung\s+tâm|(?:ubnd|[ủu][ỷy]\s+ban\s+nhân\s+dân)(?=\s+(?:xã|phường|"
    r"thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh|các)\b)|các\s+(?:xã|phường|sở|phòng|"
    r"cơ\s+quan|đơn\s+vị|địa\s+phương)|sở|phòng|chi\s+nhánh|văn\s+phòng|ban\s+quản\s+lý)"
    r"(?P<rest>[^.;:()\n\d]{0,80}?)"
    r"(?::|\s(?:đã|đang|tiếp\s+nhận|giải\s+quyết|có|thực\s+hiện|xử\s+lý|trả)(?!\w)))"
)


def sub_body_starts(text: str, unit: Unit | None = None) -> list[int]:
    """Where a clause about one body inside the unit starts ("trong đó tại Bộ phận Một cửa
    thành phố: …", "riêng UBND các xã đã tiếp nhận …"); to the end of its sentence its
    figures are that body's. The unit's own council ("trong đó UBND xã đã …" in the
    commune's report) is no such body."""
    starts = []
    for match in _SUB_BODY.finditer(text):
        body = MAYBE_SELF.match(text[match.start("body") : match.end()])
        if body is not None and is_unit(body, unit):
            continue
        starts.append(match.start())
    return starts


def spans_years(clause: str) -> bool:
    """True for a total over several years ("từ 2016 đến 2018")."""
    match = _SPAN.search(vkey(clause))
    return bool(match) and match is not None and match[1] != match[2]


def year_after(after: str) -> int | None:
    """A year in brackets after the count, before the next ("1 hồ sơ trễ hạn (năm 2017)")."""
    match = _YEAR_AFTER.search(vkey(after))
    return int(match[1]) if match else None


_LOWEST = frozenset({"xã", "phường", "thị trấn"})


# Part of the period: "Chỉ tính riêng trong tuần (từ …)": to the end of the next paragraph,
# where such news goes on with the week's figures.
_SUB_PERIOD = re.compile(r"(?:riêng|Riêng|RIÊNG)\s+(?i:(?:trong\s+)?(?:tuần|tháng|quý)\b)")
_PARAGRAPH_END = re.compile(r"\n\s*\n")


_NEXT_LINE = re.compile(r"\n[ \t]*\S[^\n]*")
_FIRST_SENTENCE = re.compile(r"[^\n]*?(?:[.!?](?=\s|$)|$)")
_WHOLE_PERIOD = re.compile(
    r"trong kỳ|kỳ báo cáo|cả năm|trong năm|năm \d{4}|từ đầu năm|lũy kế|tổng số|tổng cộng"
    r"|gồm cả|bao gồm"
)


def sub_period_spans(text: str) -> tuple[tuple[int, int], ...]:
    """From "tính riêng trong tuần" to the end of the next paragraph, where paragraphs are
    parted by blank lines (a news page goes on with the week's figures there); where each
    line is a paragraph (a .docx), to the end of its line, or of the next when it ends on a
    colon ("Riêng quý IV:"). A next paragraph that names the whole period is not the part's."""
    spans = []
    blank_lines = _PARAGRAPH_END.search(text) is not None
    for match in _SUB_PERIOD.finditer(text):
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        following = _NEXT_LINE.search(text, line_end)
        if following is None or not (blank_lines or text[:line_end].rstrip().endswith(":")):
            spans.append((match.start(), line_end))
            continue
        end = following.end()
        first = _FIRST_SENTENCE.match(following.group(0).lstrip())
        if first and _WHOLE_PERIOD.search(vkey(first.group(0))):
            end = line_end  # "Tổng số hồ sơ tiếp nhận trong kỳ …": the period's again
        spans.append((match.start(), end))
    return tuple(spans)


# Every scope names "cấp" or "các sở": a quick search for those words first, then the whole
# pattern only around them (a 200-page report is read in well under a second).
_ANCHOR = re.compile(
    r"[cC](?:ấp|ẤP|ác\s+sở|ÁC\s+SỞ|ác\s+(?:xã|phường|thị))|[đĐ]ối\s+với\s+(?:xã|phường)"
)


def _scopes(text: str) -> list[re.Match[str]]:
    found: dict[int, re.Match[str]] = {}
    for anchor in _ANCHOR.finditer(text):
        lo = max(0, anchor.start() - 60)
        for match in _SCOPE.finditer(text, lo, min(len(text), anchor.end() + 80)):
            if match.start() <= anchor.start() < match.end():
                found.setdefault(match.start(), match)
    return [found[k] for k in sorted(found)]


# The next heading of the same kind ("- Đối với thành phố:"), or a numbered section ("2. …").
_NEXT_HEADING = re.compile(
    r"(?im)^[ \t]*(?:[*+•\-][ \t]*)?(?:đối\s+với|với|tại|ở)\s+[^\n:]{1,60}:[ \t]*$"
    r"|^[ \t]*(?:\d+|[IVX]+)\.\s"
)


def _block_end(text: str, heading: re.Match[str]) -> int:
    """The end of the block a heading line opens ("* Đối với xã phường:"): the next heading of
    its kind, a numbered section, or the end of the text."""
    found = _NEXT_HEADING.search(text, heading.end())
    return found.start() if found else len(text)


def scoped_spans(text: str, level: str | None) -> tuple[tuple[int, int], ...]:
    """Stretches about one level of several ("Với cấp tỉnh, …" in a province's figures).
    A commune (`level` "xã") has no level below it: there "cấp xã" is the unit itself."""
    spans = []
    for match in _scopes(text):
        named = (
            match["a"] or match["b"] or match["c"] or match["d"]
            or ("xã" if match["e"] or match["f"] else "tỉnh")
        )  # fmt: skip
        if level in _LOWEST and vkey(named) == "xã":
            continue
        end = _block_end(text, match) if match["f"] else text.find("\n", match.end())
        spans.append((match.start(), len(text) if end < 0 else end))
    return tuple(spans)
