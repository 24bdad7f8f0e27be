"""Round trip: a generated framework, written as an official DOCX table in the phrasing real
tables use, imports back to the same nodes, points and methods, for every method the
importer claims to recognise (parts, calendar deadlines, inclusive and exclusive bands)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.importer.api import import_table

KINDS = [
    "qualitative",
    "timeliness",
    "bands_closed",
    "bands_open",
    "ladder",
    "growth",
    "bonus",
    "deduction",
    "survey",
    "pro_rata",
    "parts",
]
QUARTERS = st.integers(1, 12).map(lambda n: Decimal(n) / 4)


def _written(value: Decimal, form: int) -> str:
    """Points the way tables write them: "0,5", "0.50", "1 điểm", "01"."""
    text = format(value.normalize(), "f")
    if form == 0:
        return text.replace(".", ",")
    if form == 1 and value == value.quantize(Decimal("0.01")):
        return format(value, ".2f")
    if form == 2:
        return f"{text.replace('.', ',')} điểm"
    return f"0{text}" if value == value.to_integral_value() and value < 10 else text


@st.composite
def unit(draw: st.DrawFn, top: Decimal) -> tuple[list[tuple[str, str, str]], str, dict[str, Any]]:
    """Option rows (title, points, cách chấm), the node's cách chấm, and what must come back."""
    kind = draw(st.sampled_from(KINDS[:-1]))
    form = draw(st.integers(0, 3))
    w = lambda v: _written(v, form)  # noqa: E731
    if kind == "qualitative":
        return (
            [("Đạt yêu cầu", w(top), ""), ("Không đạt yêu cầu", "0", "")],
            "",
            {"type": "qualitative"},
        )
    if kind == "timeliness":
        day = draw(st.integers(1, 28))
        late = top / 2 if draw(st.booleans()) else Decimal(0)
        rows = [(f"Ban hành đúng hạn, chậm nhất ngày {day:02d}/12/2020", w(top), "")]
        rows.append(
            (
                "Ban hành không kịp thời" if late else f"Ban hành sau ngày {day:02d}/12/2020",
                w(late),
                "",
            )
        )
        rows.append(("Không ban hành", "0", ""))
        return (
            rows,
            "",
            {"type": "timeliness", "on_time": top, "late": late, "deadline": f"{day:02d}/12/2020"},
        )
    if kind in ("bands_closed", "bands_open"):
        high = draw(st.integers(60, 99))
        low = draw(st.integers(10, high - 1))
        mid = top / 2
        if kind == "bands_closed":
            rows = [
                (f"Từ {high}% trở lên", w(top), ""),
                (f"Từ {low}% đến dưới {high}%", w(mid), ""),
                (f"Dưới {low}%", "0", ""),
            ]
            bands = [
                {"points": top, "at_least": high},
                {"points": mid, "at_least": low, "below": high},
                {"points": 0, "below": low},
            ]
        else:
            rows = [
                (f"Trên {high}%", w(top), ""),
                (f"Từ {low}% - {high}%", w(mid), ""),
                (f"Dưới {low}%", "0", ""),
            ]
            bands = [
                {"points": top, "above": high},
                {"points": mid, "at_least": low, "at_most": high},
                {"points": 0, "below": low},
            ]
        return rows, "", {"type": "ratio_bands", "bands": bands}
    if kind == "ladder":
        rows = [("Họp 4 lần", w(top), ""), ("Họp 2 lần", w(top / 2), ""), ("Còn lại", "0", "")]
        return rows, "", {"type": "count_ladder", "steps": [(4, top), (2, top / 2)]}
    if kind == "growth":
        pct = draw(st.integers(5, 50))
        return (
            [],
            f"Số tin, bài tăng từ {pct}% trở lên so với năm trước: {w(top)}",
            {"type": "growth", "min_growth_percent": pct},
        )
    if kind in ("bonus", "deduction"):
        each = draw(st.sampled_from([Decimal("0.25"), Decimal("0.5")]))
        verb = "Cộng" if kind == "bonus" else "Trừ"
        return (
            [],
            f"{verb} {w(each)} cho mỗi văn bản, tối đa {w(top)}",
            {"type": kind, "points_each": each},
        )
    if kind == "survey":
        return [], "Điểm do điều tra xã hội học", {"type": "survey"}
    return [], "Điểm = tỷ lệ × điểm tối đa", {"type": "pro_rata"}


@st.composite
def table(draw: st.DrawFn) -> tuple[list[tuple[str, ...]], dict[str, Any]]:
    rows: list[tuple[str, ...]] = []
    expected: dict[str, Any] = {}
    leaves = draw(st.integers(1, 4))
    body: list[tuple[str, ...]] = []
    total = Decimal(0)
    for i in range(1, leaves + 1):
        node_id = f"1.1.{i}"
        if draw(st.integers(0, 4)) == 0:  # parts: each part a row with its own cách chấm
            a, b = draw(QUARTERS), draw(QUARTERS)
            body.append((node_id, f"Tiêu chí thành phần {i}", _written(a + b, 1), ""))
            parts = []
            for pid, points in (("a", a), ("b", b)):
                options, method_text, want = draw(unit(points))
                text = method_text or "\n".join(f"- {t}: {p}" for t, p, _ in options)
                body.append(("", f"Phần {pid}: {_written(points, 2)}", "", text))
                parts.append((pid, points, want))
            expected[node_id] = (a + b, parts)
            total += a + b
            continue
        top = draw(QUARTERS)
        options, method_text, want = draw(unit(top))
        body.append(
            (
                node_id,
                f"Tiêu chí thành phần {i}",
                _written(top, draw(st.integers(0, 3))),
                method_text,
            )
        )
        body += [("", t, p, m) for t, p, m in options]
        expected[node_id] = (top, want)
        total += top
    rows.append(("1", "LĨNH VỰC", _written(total, 1), ""))
    rows.append(("1.1", "Tiêu chí", _written(total, 0), ""))
    return rows + body, expected


def _docx(rows: list[tuple[str, ...]], path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(
        "(Ban hành kèm theo Quyết định số 99/QĐ-UBND ngày 10/01/2021 của UBND tỉnh Thử)"
    )
    grid = document.add_table(rows=1 + len(rows), cols=4)
    for j, text in enumerate(("STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Cách chấm")):
        grid.cell(0, j).text = text
    for i, row in enumerate(rows, start=1):
        for j, text in enumerate(row):
            grid.cell(i, j).text = text
    document.save(str(path))
    return path


def _check(method: Any, want: dict[str, Any]) -> None:
    assert method.type == want["type"], (method, want)
    if want["type"] == "timeliness":
        assert (method.on_time, method.late) == (want["on_time"], want["late"])
    elif want["type"] == "ratio_bands":
        got = [b.model_dump(exclude_none=True, exclude_defaults=True) for b in method.bands]
        assert got == [{k: Decimal(v) for k, v in b.items()} for b in want["bands"]]
    elif want["type"] == "count_ladder":
        assert [(int(s.at_least), s.points) for s in method.steps] == want["steps"]
    elif want["type"] == "growth":
        assert method.min_growth_percent == want["min_growth_percent"]
    elif want["type"] in ("bonus", "deduction"):
        assert method.points_each == want["points_each"]


@settings(max_examples=25, deadline=None)
@given(table())
def test_generated_table_imports_back(
    tmp_path_factory: Any, drawn: tuple[list[tuple[str, ...]], dict[str, Any]]
) -> None:
    rows, expected = drawn
    path = _docx(rows, tmp_path_factory.mktemp("t") / "t.docx")
    imported = import_table(path, "t.docx", {"id": "t", "year": 2021})
    leaves = {leaf.id: leaf for _a, _c, leaf in imported.framework.leaves()}
    assert set(leaves) == set(expected)
    for node_id, (points, want) in expected.items():
        leaf = leaves[node_id]
        assert leaf.points == points
        if isinstance(want, list):
            assert [(p.id, p.points) for p in leaf.parts] == [(pid, pts) for pid, pts, _ in want]
            for part, (_pid, _pts, wanted) in zip(leaf.parts, want, strict=True):
                _check(part.method, wanted)
            continue
        _check(leaf.scoring, want)
        if want["type"] == "timeliness":
            assert str(leaf.evidence[0].deadline) == want["deadline"]  # type: ignore[union-attr]
    assert imported.framework.meta.decision.number == "99/QĐ-UBND"
