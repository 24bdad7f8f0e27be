"""Working days in Vietnam: Monday to Friday less public holidays, plus make-up Saturdays.

The holidays of 2020–2027 ship as data (`holidays.yaml`, written by scripts/make_holidays.py:
every year computed from the Labour Code and the lunar calendar, none from the government's
yearly announcement); a framework replaces a year with `holidays:` in its framework.yaml
("within 7 working days after the province's plan", as an An Giang commune system checks).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

import yaml

from cchc_index.fields import Strict, VnDate


class Holiday(Strict):
    date: VnDate
    name: str


class HolidayYear(Strict):
    """One year's days off and make-up working days, and where they come from."""

    basis: str  # "computed", or the announcement read ("Thông báo 6150/TB-BLĐTBXH …")
    days_off: tuple[Holiday, ...] = ()
    work_days: tuple[VnDate, ...] = ()  # make-up Saturdays of a swap


@dataclass(frozen=True)
class Calendar:
    off: frozenset[dt.date]
    work: frozenset[dt.date]
    years: frozenset[int]

    def is_working(self, day: dt.date) -> bool:
        if day in self.work:
            return True
        return day.weekday() < 5 and day not in self.off

    def add(self, start: dt.date, days: int) -> dt.date:
        """The `days`-th working day after `start` (the day of `start` itself not counted)."""
        day, left = start, days
        while left > 0:
            day += dt.timedelta(days=1)
            if self.is_working(day):
                left -= 1
        return day


@functools.cache
def shipped() -> Mapping[int, HolidayYear]:
    text = resources.files("cchc_index.model").joinpath("holidays.yaml").read_text("utf-8")
    return {int(y): HolidayYear.model_validate(v) for y, v in yaml.safe_load(text).items()}


def calendar(overrides: Mapping[int, HolidayYear] | None = None) -> Calendar:
    """The shipped years with a framework's own years in their place."""
    years = {**shipped(), **(overrides or {})}
    off = frozenset(h.date for y in years.values() for h in y.days_off)
    work = frozenset(d for y in years.values() for d in y.work_days)
    return Calendar(off, work, frozenset(years))
