"""Last year's bundle → a draft of next year's, against next year's framework.

Every year starts from last year: the unit copies its evidence register, the Sở copies its
framework. A record is kept where the new framework still asks for it: its nodes (`for`)
are matched to the new framework's by id (when the title still says the same thing), then by
title similarity; a record whose nodes are all gone is left out, and said so. The mapping is
shown, and a person may correct it (`--map FILE`: `old id: new id`, or `old id: null` to drop
it). Everything kept is flagged for review: a date outside the new assessment period, last
year's figures (they become the new `last_year`, and stand as this year's until replaced),
last year's self-assessments.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cchc_index.docnumber import parse_doc_number
from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.load.bundle import read_bundle
from cchc_index.load.rules import FrameworkSource
from cchc_index.model.framework import PART_SEP, DocumentProduct, Framework
from cchc_index.source import load_yaml, shown
from cchc_index.text import fold, parse_date
from cchc_index.textfile import MAX_TABLE_BYTES, read_text

SIMILAR = 0.6  # the least title similarity that maps a node by its title
TABLES = ("documents.csv", "links.csv", "photos.csv")


@dataclass(frozen=True)
class NodeMap:
    old: str
    title: str
    new: str | None
    how: str  # "id", "title", "map" (given by a person), "none"
    similarity: float = 0.0


@dataclass
class Carried:
    """The new bundle's files (name → text), the node mapping, and what to review."""

    files: dict[str, str] = field(default_factory=dict)
    copies: list[tuple[Path, str]] = field(default_factory=list)  # attachments: source, name
    mapping: list[NodeMap] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def _titles(framework: Framework) -> dict[str, str]:
    """Every id a record may name (`for`), with its title (a part: node — part)."""
    found: dict[str, str] = {}
    for _a, _c, node, unit in framework.units():
        found[node.id] = node.title
        if unit is not node:
            found[unit.id] = f"{node.title} — {unit.title}"
    return found


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio()


def map_nodes(old: Framework, new: Framework, given: Mapping[str, str | None]) -> list[NodeMap]:
    """Each node of the old framework → the node of the new one that asks the same thing."""
    before, after = _titles(old), _titles(new)
    found = []
    for node, title in before.items():
        if node in given:
            found.append(NodeMap(node, title, given[node], "map" if given[node] else "none"))
            continue
        if node in after and _similar(title, after[node]) >= SIMILAR:
            found.append(NodeMap(node, title, node, "id", _similar(title, after[node])))
            continue
        best = max(after, key=lambda n: _similar(title, after[n]), default=None)
        score = _similar(title, after[best]) if best is not None else 0.0
        if best is not None and score >= SIMILAR:
            found.append(NodeMap(node, title, best, "title", score))
        else:
            found.append(NodeMap(node, title, None, "none", score))
    return found


def read_map(path: Path) -> dict[str, str | None]:
    """A person's corrections of the mapping: `old id: new id` (or null)."""
    located = load_yaml(path, shown(path))
    data = located.data if isinstance(located.data, dict) else None
    if data is None or not all(
        isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in data.items()
    ):
        raise EvidenceError(
            [
                Problem(
                    shown(path),
                    1,
                    1,
                    tr(
                        "tệp ánh xạ cần dạng 'mã cũ: mã mới' (hoặc 'mã cũ: null' để bỏ)",
                        "a mapping file is 'old id: new id' lines (or 'old id: null' to drop)",
                    ),
                )
            ]
        )
    dropped = {"", "null", "~", "none"}  # the house YAML keeps scalars as text
    return {
        str(k): (None if v is None or str(v).lower() in dropped else str(v))
        for k, v in data.items()
    }


def _period(framework: Framework) -> tuple[dt.date, dt.date]:
    year = framework.meta.year
    if framework.meta.period is not None:
        return framework.meta.period.start.resolve(year), framework.meta.period.end.resolve(year)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _asked_kinds(framework: Framework) -> set[str]:
    return {
        p.doc_kind.value
        for _a, _c, _n, unit in framework.units()
        for p in unit.evidence
        if isinstance(p, DocumentProduct)
    }


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = read_text(path, shown(path), limit=MAX_TABLE_BYTES)
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), [dict(r) for r in reader]


def _csv(header: list[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _remap(targets: str, by_old: dict[str, NodeMap]) -> tuple[str, bool]:
    """A `for` cell with each node mapped; False when it named nodes and none is left."""
    names = [t.strip() for t in re.split(r"[;,]", targets) if t.strip()]
    if not names:
        return "", True
    kept = []
    for name in names:
        found = by_old.get(name)
        if found is not None and found.new is not None:
            kept.append(found.new)
        elif found is None and PART_SEP not in name:
            kept.append(name)  # not a node of the old framework: kept as written
    return ";".join(dict.fromkeys(kept)), bool(kept)


def carry(
    folder: Path, old: FrameworkSource, new: FrameworkSource, given: Mapping[str, str | None]
) -> Carried:
    """The draft of next year's bundle (nothing written here)."""
    source = read_bundle(folder)
    out = Carried(mapping=map_nodes(old.framework, new.framework, given))
    by_old = {m.old: m for m in out.mapping}
    meta = new.framework.meta
    start, end = _period(new.framework)
    kinds = _asked_kinds(new.framework)
    out.files["profile.yaml"] = _profile(folder, new, source.bundle.year)
    for table in TABLES:
        path = folder / table
        if not path.is_file():
            continue
        header, rows = _rows(path)
        kept = []
        for i, row in enumerate(rows, start=2):
            label = row.get("number") or row.get("title") or row.get("url") or f"{table}:{i}"
            targets, alive = _remap(row.get("for") or "", by_old)
            if not alive:
                out.dropped.append(
                    tr(
                        f"{table}:{i} {label}: các mục '{row.get('for')}' không còn trong bộ chỉ số mới",
                        f"{table}:{i} {label}: nodes '{row.get('for')}' are not in the new framework",
                    )
                )
                continue
            if table == "documents.csv" and not targets:
                kind = parse_doc_number(row.get("number") or "").kind
                if kind is not None and kind.value not in kinds and row.get("kind") not in kinds:
                    out.dropped.append(
                        tr(
                            f"{table}:{i} {label}: bộ chỉ số mới không hỏi loại văn bản {kind.value}",
                            f"{table}:{i} {label}: the new framework asks for no {kind.value}",
                        )
                    )
                    continue
            if "for" in row:
                row["for"] = targets
            _flag_date(out, table, i, label, row.get("date") or "", start, end)
            if row.get("file"):
                attached = folder / row["file"]
                if attached.is_file():
                    out.copies.append((attached, row["file"]))
            kept.append(row)
        out.files[table] = _csv(header, kept)
    out.files["statistics.yaml"] = _statistics(folder, new.framework, out)
    out.files["declarations.yaml"] = _declarations(folder, by_old, out)
    out.flags.insert(
        0,
        tr(
            f"bộ minh chứng năm {meta.year} dựng từ năm {source.bundle.year}: mọi dòng cần rà soát",
            f"the {meta.year} bundle is drafted from {source.bundle.year}: review every record",
        ),
    )
    return out


def _flag_date(
    out: Carried, table: str, line: int, label: str, text: str, start: dt.date, end: dt.date
) -> None:
    if not text:
        return
    try:
        day = parse_date(text)
    except ValueError:
        return
    if not start <= day <= end:
        out.flags.append(
            tr(
                f"{table}:{line} {label}: ngày {text} ngoài kỳ đánh giá mới ({start:%d/%m/%Y}–{end:%d/%m/%Y})",
                f"{table}:{line} {label}: date {text} outside the new assessment period ({start:%d/%m/%Y}–{end:%d/%m/%Y})",
            )
        )


def _profile(folder: Path, new: FrameworkSource, old_year: int) -> str:
    located = load_yaml(folder / "profile.yaml", shown(folder / "profile.yaml"))
    data: dict[str, Any] = dict(located.data) if isinstance(located.data, dict) else {}
    data["year"] = new.framework.meta.year
    data["framework"] = new.folder.name
    note = tr(
        f"Dựng từ bộ minh chứng năm {old_year} ({folder.name}) bằng cchc-index carry; cần rà soát.",
        f"Drafted from the {old_year} bundle ({folder.name}) by cchc-index carry; to review.",
    )
    data["note"] = f"{data['note']} {note}" if data.get("note") else note
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _statistics(folder: Path, new: Framework, out: Carried) -> str:
    path = folder / "statistics.yaml"
    if not path.is_file():
        return "{}\n"
    located = load_yaml(path, shown(path))
    data = located.data if isinstance(located.data, dict) else {}
    kept: dict[str, Any] = {}
    for name, value in data.items():
        if name not in new.meta.variables:
            out.dropped.append(
                tr(
                    f"statistics.yaml {name}: bộ chỉ số mới không dùng biến này",
                    f"statistics.yaml {name}: the new framework has no such variable",
                )
            )
            continue
        figure = value.get("value") if isinstance(value, dict) else value
        kept[name] = {"value": figure, "last_year": figure}
        out.flags.append(
            tr(
                f"statistics.yaml {name}: số năm trước ({figure}) ghi làm last_year và tạm làm số năm nay: cần cập nhật",
                f"statistics.yaml {name}: last year's figure ({figure}) is the new last_year and stands as this year's: update it",
            )
        )
    return yaml.safe_dump(kept, allow_unicode=True, sort_keys=False) if kept else "{}\n"


def _declarations(folder: Path, by_old: dict[str, NodeMap], out: Carried) -> str:
    path = folder / "declarations.yaml"
    if not path.is_file():
        return "qualitative: []\nnot_applicable: []\n"
    located = load_yaml(path, shown(path))
    data = located.data if isinstance(located.data, dict) else {}
    kept: dict[str, list[Any]] = {"qualitative": [], "not_applicable": []}
    for key in kept:
        for entry in data.get(key) or []:
            if not isinstance(entry, dict):
                continue
            mapped = by_old.get(str(entry.get("node")))
            if mapped is None or mapped.new is None:
                out.dropped.append(
                    tr(
                        f"declarations.yaml {key} {entry.get('node')}: mục không còn",
                        f"declarations.yaml {key} {entry.get('node')}: the node is gone",
                    )
                )
                continue
            kept[key].append({**entry, "node": mapped.new})
            out.flags.append(
                tr(
                    f"declarations.yaml {mapped.new}: tự đánh giá của năm trước, cần xác nhận lại",
                    f"declarations.yaml {mapped.new}: last year's self-assessment, confirm it again",
                )
            )
    return yaml.safe_dump(kept, allow_unicode=True, sort_keys=False)


def mapping_text(mapping: list[NodeMap]) -> str:
    """The mapping as a file a person edits and gives back with --map."""
    lines = [
        tr(
            "# Ánh xạ mục cũ → mục mới (sửa rồi chạy lại với --map TỆP; null: bỏ bản ghi của mục)",
            "# Old node → new node (edit, then run again with --map FILE; null: drop its records)",
        )
    ]
    for m in mapping:
        how = {"id": tr("cùng mã", "same id"), "title": tr("tên gần giống", "similar title")}
        why = how.get(m.how, tr("người sửa", "given") if m.how == "map" else tr("không có", "none"))
        target = f'"{m.new}"' if m.new else "null"
        lines.append(f'"{m.old}": {target}  # {why} {m.similarity:.2f}: {m.title[:60]}')
    return "\n".join(lines) + "\n"
