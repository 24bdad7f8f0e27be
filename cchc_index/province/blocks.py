"""Blocks (khối) a province ranks separately: sở/ban/ngành, phường, xã/đặc khu.

A framework defines them in framework.yaml (`blocks`, by level); a province file
(`batch --province FILE`) may define its own, by level or by naming units, and wins. A
block's own bands replace the framework's for its units (Hải Phòng 2025: a ward is "xuất
sắc" from 93 points).

    # province.yaml
    blocks:
      - id: phuong
        title: Phường
        levels: [phường]
        bands: [{name: Xuất sắc, min_percent: 93}, {name: Tốt, min_percent: 0}]
      - id: xa-mien-nui
        title: Xã miền núi
        units: [UBND xã An Hòa, xa-binh-minh-2020]   # unit names or folder names
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pydantic import Field, ValidationError

from cchc_index.errors import EvidenceError
from cchc_index.fields import Strict
from cchc_index.load.pydantic_problems import field_names, problems_from
from cchc_index.model.framework import Band, Block
from cchc_index.model.ranking import UnitScore
from cchc_index.source import load_yaml, shown
from cchc_index.text import fold


class ProvinceBlock(Block):
    units: tuple[str, ...] = ()  # unit names (as in profile.yaml) or bundle folder names


class ProvinceFile(Strict):
    """A province's own settings for a batch: its blocks (synthetic samples say so)."""

    province: str | None = None
    synthetic: bool = False
    note: str | None = None
    blocks: tuple[ProvinceBlock, ...] = Field(min_length=1)


def load_province(path: Path) -> ProvinceFile:
    """The province file, validated; located problems (exit 4) otherwise."""
    located = load_yaml(path, shown(path))
    try:
        return ProvinceFile.model_validate(located.data)
    except ValidationError as exc:
        raise EvidenceError(
            problems_from(exc, located, field_names([ProvinceFile, ProvinceBlock]))
        ) from None


def _band(bands: Sequence[Band], score: UnitScore) -> str | None:
    if score.index_percent is None:
        return score.band
    return next((b.name for b in bands if score.index_percent >= b.min_percent), None)


def place(score: UnitScore, block: Block) -> UnitScore:
    """The unit in `block`, its band read from the block's bands when it has some."""
    band = _band(block.bands, score) if block.bands else score.band
    return replace(score, block=block.id, block_title=block.title, band=band)


def by_level(score: UnitScore, blocks: Sequence[Block]) -> UnitScore:
    """The framework's blocks: the first whose levels hold the unit's level."""
    for block in blocks:
        if score.level in block.levels:
            return place(score, block)
    return score


def by_province(score: UnitScore, province: ProvinceFile | None) -> UnitScore:
    """The province file's blocks: a unit named in one, else the first holding its level."""
    if province is None:
        return score
    name, folder = fold(score.unit), Path(score.folder).name
    for block in province.blocks:
        if any(fold(u) == name or u == folder for u in block.units):
            return place(score, block)
    for block in province.blocks:
        if score.level in block.levels:
            return place(score, block)
    return score
