"""The base of every model: strict about keys, frozen once built."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer

from cchc_index.i18n import tr
from cchc_index.text import parse_date, parse_number


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


def _vn_decimal(value: object) -> object:
    return parse_number(value) if isinstance(value, str) else value


def _vn_date(value: object) -> object:
    return parse_date(value) if isinstance(value, str) else value


def parse_flag(value: object) -> object:
    if isinstance(value, str):
        lowered = value.strip().casefold()
        if lowered in {"true", "yes", "có", "co", "x", "1"}:
            return True
        if lowered in {"false", "no", "không", "khong", "0"}:
            return False
    return value


VnDecimal = Annotated[Decimal, BeforeValidator(_vn_decimal)]
VnDate = Annotated[dt.date, BeforeValidator(_vn_date)]
Flag = Annotated[bool, BeforeValidator(parse_flag)]

_RELATIVE = re.compile(r"^(\d{1,2})/(\d{1,2})\s+năm\s+(trước|đánh giá|sau)$", re.IGNORECASE)
_OFFSETS = {"trước": -1, "đánh giá": 0, "sau": 1}


@dataclass(frozen=True)
class RelDate:
    """A date relative to the assessment year: `31/12 năm trước`, or an absolute date."""

    day: int
    month: int
    year_offset: int | None = None
    year: int | None = None

    def resolve(self, assessment_year: int) -> dt.date:
        year = self.year if self.year is not None else assessment_year + (self.year_offset or 0)
        return dt.date(year, self.month, self.day)

    def __str__(self) -> str:
        if self.year is not None:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        word = {v: k for k, v in _OFFSETS.items()}[self.year_offset or 0]
        return f"{self.day:02d}/{self.month:02d} năm {word}"


def parse_rel_date(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = " ".join(value.strip().split())
    match = _RELATIVE.match(text)
    if match:
        day, month, word = int(match[1]), int(match[2]), match[3].casefold()
        if (day, month) == (29, 2):
            raise ValueError(
                tr(
                    f"'{text}': ngày 29/02 không có trong mọi năm; dùng 28/02 hoặc 01/03",
                    f"'{text}': 29/02 is not in every year; use 28/02 or 01/03",
                )
            )
        try:
            dt.date(2001, month, day)  # a year that is not a leap year: the date exists in all
        except ValueError:
            raise ValueError(
                tr(f"'{text}': ngày không tồn tại", f"'{text}': no such date")
            ) from None
        return RelDate(day, month, year_offset=_OFFSETS[word])
    try:
        absolute = parse_date(text)
    except ValueError:
        raise ValueError(
            tr(
                f"không đọc được mốc thời gian {value!r}: viết 'dd/mm năm trước', "
                "'dd/mm năm đánh giá', 'dd/mm năm sau' hoặc 'dd/mm/yyyy'",
                f"cannot read the date {value!r}: write 'dd/mm năm trước', "
                "'dd/mm năm đánh giá', 'dd/mm năm sau' or 'dd/mm/yyyy'",
            )
        ) from None
    return RelDate(absolute.day, absolute.month, year=absolute.year)


Deadline = Annotated[
    RelDate, BeforeValidator(parse_rel_date), PlainSerializer(str, return_type=str)
]
