"""Find the framework table by its header words, and which column holds what.

Layouts seen in official tables (docs/keeper.md, import-framework): `STT · Lĩnh vực/Tiêu chí/Tiêu chí thành phần ·
Điểm tối đa · Điểm đánh giá (Điều tra XHH · Tự đánh giá · SNV đánh giá) · …` (a header on two
lines), `STT · Lĩnh vực, tiêu chí, tiêu chí thành phần · Điểm tối đa · Cách chấm · Tài liệu
kiểm chứng · Tài liệu đến thời điểm hiện tại`, `Số TT · Tiêu chí · Điểm chuẩn · … · Tài liệu
minh chứng`. The unit's own columns (self score, appraisal, notes) are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_index.importer.table import Document, RawTable, fail
from cchc_index.importer.table import plain as fold

ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "skip",
        re.compile(
            r"tu danh gia|tu cham|tham dinh|dieu tra|dat duoc|ghi chu|den thoi diem|phuc tra|diem cham|giai trinh|^chi so ?\(?%?\)?$"
        ),
    ),
    ("stt", re.compile(r"^(stt|so tt|tt|so thu tu)$")),
    ("title", re.compile(r"tieu chi|linh vuc|noi dung|chi so thanh phan")),
    ("points", re.compile(r"diem toi da|diem chuan|^diem$|diem so toi da|so diem")),
    ("method", re.compile(r"cach cham|cach tinh|cach xac dinh|huong dan|yeu cau|thang diem")),
    ("evidence", re.compile(r"tai lieu kiem chung|minh chung|san pham")),
)
NEEDED = ("stt", "title", "points")


@dataclass(frozen=True)
class Columns:
    """Column index of each role, and the rows of the table under its header."""

    roles: dict[str, int]
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    places: tuple[str, ...]


def _roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, text in enumerate(header):
        key = " ".join(fold(text).replace("/", " ").replace(",", " ").split())
        for role, pattern in ROLES:
            if pattern.search(key):
                if role != "skip":
                    roles.setdefault(role, i)
                break
    return roles


def _header(table: RawTable) -> tuple[int, list[str], dict[str, int]] | None:
    """The header row (joined with the line under it when it spans two) and its roles."""
    for i, row in enumerate(table.rows[:6]):
        roles = _roles(list(row))
        if not all(r in roles for r in NEEDED):
            continue
        nxt = table.rows[i + 1] if i + 1 < len(table.rows) else None
        if nxt is None or _is_data(nxt, roles):
            return i, list(row), roles
        header = [a if a == b or not b else f"{a} {b}" for a, b in zip(row, nxt, strict=False)]
        return i + 1, header, _roles(header) | roles
    return None


def _is_data(row: tuple[str, ...], roles: dict[str, int]) -> bool:
    """A numbered row, or one with points: not the second line of a header."""
    numbered = re.match(r"^\s*[0-9IVXivx]+(\.|$)", row[roles["stt"]] or "")
    return bool(numbered) or bool(re.search(r"\d", row[roles["points"]]))


def _cut_by_page(row: tuple[str, ...], roles: dict[str, int]) -> bool:
    """The first row after a page break with neither STT nor title: the rest of a cell."""
    return not row[roles["stt"]] and not row[roles["title"]] and any(row)


def _joined(above: tuple[str, ...], rest: tuple[str, ...]) -> tuple[str, ...]:
    def join(a: str, b: str) -> str:
        if not b:
            return a
        if a and a[-1] in "0123456789" and b[0] in "0123456789":
            return a + b
        return f"{a}\n{b}" if b[0] in "-+•–" else f"{a} {b}".strip()

    return tuple(join(a, b) for a, b in zip(above, rest, strict=False))


def find_table(document: Document) -> Columns:
    """The first table whose header names STT, the criterion and its points, with the tables
    that continue it (a table broken over pages: same columns, header repeated or not)."""
    for t, table in enumerate(document.tables):
        found = _header(table)
        if found is None:
            continue
        last, header, roles = found
        rows = list(table.rows[last + 1 :])
        places = list(table.places[last + 1 :])
        for follow in document.tables[t + 1 :]:
            if not follow.rows or len(follow.rows[0]) != len(table.rows[0]):
                break
            skip = 0
            again = _header(follow)
            if again is not None:
                skip = again[0] + 1
            more = list(follow.rows[skip:])
            if more and rows and _cut_by_page(more[0], roles):
                rows[-1] = _joined(rows[-1], more.pop(0))
                skip += 1
            rows += more
            places += follow.places[skip:]
        return Columns(roles, tuple(header), tuple(rows), tuple(places))
    raise fail(
        document.path,
        "không tìm thấy bảng bộ chỉ số: cần một bảng có các cột STT, tên lĩnh vực/tiêu chí và điểm tối đa",
        "no framework table found: a table with columns STT, the area/criterion name and the maximum points is needed",
    )
