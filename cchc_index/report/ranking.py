"""Ranking → terminal table, Markdown, CSV, JSON text, or an XLSX workbook (bytes).

`RANKING_RENDERERS` is the registry keyed by format; a binary format (`FILE_ONLY`) is only
written to an `-o` file. Each renderer reads a `Ranking` and computes nothing. Units of different
frameworks or years come as separate groups; the units that failed are the CLI's to list.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from cchc_index.i18n import tr
from cchc_index.model.ranking import Ranking, RankingRow
from cchc_index.report.labels import block_words, pct, pts
from cchc_index.report.ranking_words import area_ids, ranked_on
from cchc_index.report.text_table import table


def _layer(row: RankingRow) -> str:
    """The layer a unit is ranked on (self, or the latest appraisal round), in words."""
    return ranked_on(row.score.layer)


def _header(areas: list[str]) -> list[str]:
    return [
        tr("Hạng", "Rank"),
        tr("Đơn vị", "Unit"),
        tr("Tổng điểm", "Total"),
        tr("Tối đa", "Max"),
        tr("Chỉ số", "Index"),
        tr("Xếp loại", "Band"),
        *(tr(f"LV {a}", f"Area {a}") for a in areas),
        tr("SP thiếu", "Missing"),
        tr("Thẩm định", "Appraisal"),
    ]


def _cells(row: RankingRow, areas: list[str]) -> list[str]:
    by_id = {a.node: a for a in row.score.areas()}
    s = row.score
    return [
        str(row.rank),
        s.unit,
        pts(s.total),
        pts(s.max_points),
        pct(s.index_percent),
        s.band or "—",
        *(pct(by_id[a].index_percent) if a in by_id else "" for a in areas),
        str(s.missing),
        _layer(row),
    ]


def _title(year: int, framework: str, rows: list[RankingRow]) -> str:
    title = rows[0].score.framework_title
    block = block_words(rows)
    return tr(
        f"Xếp hạng năm {year} — {title} ({framework}){block}, {len(rows)} đơn vị",
        f"Ranking {year} — {title} ({framework}){block}, {len(rows)} unit(s)",
    )


def _text(ranking: Ranking, fmt: str, heading: str) -> str:
    parts = []
    for (year, framework), rows in ranking.groups():
        areas = area_ids(rows)
        drawn = table([_cells(r, areas) for r in rows], _header(areas), tablefmt=fmt)
        parts.append(f"{heading}{_title(year, framework, rows)}\n\n{drawn}\n")
    if not parts:
        parts.append(tr("Không có đơn vị nào được chấm.\n", "No unit was scored.\n"))
    return "\n".join(parts)


def render_ranking_table(ranking: Ranking) -> str:
    return _text(ranking, "simple_grid", "")


def render_ranking_markdown(ranking: Ranking) -> str:
    return _text(ranking, "pipe", "## ")


def _row_json(row: RankingRow) -> dict[str, Any]:
    s = row.score
    return {
        "rank": row.rank,
        "unit": s.unit,
        "folder": s.folder,
        "year": s.year,
        "framework": s.framework,
        "block": s.block,
        "block_title": s.block_title,
        "total": str(s.total),
        "max_points": str(s.max_points),
        "index_percent": None if s.index_percent is None else str(s.index_percent),
        "band": s.band,
        "areas": {
            a.node: None if a.index_percent is None else str(a.index_percent) for a in s.areas()
        },
        "missing": s.missing,
        "appraisal": s.layer,
        "reused": row.reused,
    }


def render_ranking_json(ranking: Ranking) -> str:
    return json.dumps([_row_json(r) for r in ranking.rows], ensure_ascii=False, indent=2) + "\n"


def render_ranking_csv(ranking: Ranking) -> str:
    areas = area_ids(list(ranking.rows))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "rank",
            "unit",
            "folder",
            "year",
            "framework",
            "total",
            "max_points",
            "index_percent",
            "band",
            *(f"area_{a}" for a in areas),
            "missing",
            "appraisal",
            "block",
        ]
    )
    for row in ranking.rows:
        s = row.score
        by_id = {a.node: a.index_percent for a in s.areas()}
        writer.writerow(
            [row.rank, s.unit, s.folder, s.year, s.framework, s.total, s.max_points]
            + [s.index_percent if s.index_percent is not None else "", s.band or ""]
            + [by_id.get(a) if by_id.get(a) is not None else "" for a in areas]
            + [s.missing, s.layer, s.block or ""]
        )
    return out.getvalue()


def render_ranking_xlsx(ranking: Ranking) -> bytes:
    from cchc_index.report.ranking_xlsx import render_ranking_xlsx as workbook  # openpyxl on demand

    return workbook(ranking)


def render_ranking_docx(ranking: Ranking) -> bytes:
    from cchc_index.report.ranking_docx import render_ranking_docx as document

    return document(ranking)


def render_ranking_pdf(ranking: Ranking) -> bytes:
    from cchc_index.report.pdf import docx_to_pdf  # LibreOffice converts the DOCX

    return docx_to_pdf(render_ranking_docx(ranking))


def render_ranking_html(ranking: Ranking) -> str:
    from cchc_index.report.ranking_html import render_ranking_html as page

    return page(ranking)


RANKING_RENDERERS: dict[str, Callable[[Ranking], str | bytes]] = {
    "table": render_ranking_table,
    "markdown": render_ranking_markdown,
    "json": render_ranking_json,
    "csv": render_ranking_csv,
    "html": render_ranking_html,
    "docx": render_ranking_docx,
    "pdf": render_ranking_pdf,
    "xlsx": render_ranking_xlsx,
}
SUFFIXES = {
    ".txt": "table",
    ".md": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
}
FILE_ONLY = frozenset({"xlsx", "docx", "pdf"})  # binary: written to an -o file only
