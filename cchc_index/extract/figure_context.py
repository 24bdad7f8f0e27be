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
_IN_WHICH = re.compile(r"^(?:trong\s+đó|riêng)\s*,?\s*")
_SEGMENT_START = re.compile(r"[,;:(\n]")
# Another level than the unit's: "Với cấp xã, …", "Ở cấp huyện, …", "Cụ thể, cấp xã đã
# tiếp nhận …", "các sở, ngành cấp tỉnh tiếp nhận …"; it holds to the end of the line.
_SCOPE = re.compile(
    r"(?i)(?:\b(?:ở|với|đối với|riêng|tính riêng|tại)\s+(?:từng\s+)?cấp\s+(?P<a>tỉnh|huyện|xã)"
    r"|(?:^|[.,:]\s*)(?:cụ\s+thể,?\s*)?cấp\s+(?P<b>tỉnh|huyện|xã)\s+(?:đã\s+)?"
    r"(?:tiếp\s+nhận|giải\s+quyết)"
    r"|các\s+sở,?\s+(?:ban,?\s+)?ngành(?:\s+cấp\s+(?P<c>tỉnh))?\s+(?:đã\s+)?tiếp\s+nhận)",
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


def is_department(before: str) -> bool:
    """True when the words since the last comma name one body or field ("Sở Tài chính 803
    HS", "trong đó lĩnh vực đất đai 120 hồ sơ")."""
    cut = 0
    for match in _SEGMENT_START.finditer(before):
        cut = match.end()
    segment = _IN_WHICH.sub("", vkey(before[cut:]).strip())
    return bool(segment) and (segment + " ").startswith(_DEPARTMENTS)


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
_SUB_PERIOD = re.compile(r"(?i)(?:tính\s+)?riêng\s+(?:trong\s+)?(?:tuần|tháng|quý)\b")
_PARAGRAPH_END = re.compile(r"\n\s*\n")


def _sub_period_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _SUB_PERIOD.finditer(text):
        end = match.end()
        for _ in range(2):
            gap = _PARAGRAPH_END.search(text, end)
            end = gap.end() if gap else len(text)
        spans.append((match.start(), end))
    return spans


def scoped_spans(text: str, level: str | None) -> tuple[tuple[int, int], ...]:
    """Stretches about one level of several ("Với cấp tỉnh, …" in a province's figures) or
    one part of the period ("tính riêng trong tuần").
    A commune (`level` "xã") has no level below it: there "cấp xã" is the unit itself."""
    spans = []
    for match in _SCOPE.finditer(text):
        named = match["a"] or match["b"] or match["c"] or "tỉnh"
        if level in _LOWEST and vkey(named) == "xã":
            continue
        end = text.find("\n", match.end())
        spans.append((match.start(), len(text) if end < 0 else end))
    return tuple(spans + _sub_period_spans(text))
