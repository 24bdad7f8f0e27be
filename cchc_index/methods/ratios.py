"""Methods scored on a ratio of named variables: ratio bands, pro rata, growth."""

# No `from __future__ import annotations` here: pydantic builds these classes ~25 % faster
# from annotations Python has already evaluated (part of every `score` start).

from dataclasses import replace
from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from cchc_index.fields import Flag, Strict
from cchc_index.i18n import num, tr
from cchc_index.methods.base import (
    Cond,
    Facts,
    MethodBase,
    Metric,
    NonePolicy,
    Problems,
    Ref,
    Said,
    Tier,
    above_max,
    clamp,
    n,
    ratio,
    round_step,
    sum_values,
)


def _none_metric(policy: NonePolicy, detail: dict[str, str]) -> Metric:
    """Pattern 9/10: nothing arose (denominator 0): full points, zero, or not applicable."""
    if policy == "full":
        return Metric(None, none_arose=True, detail=detail)
    if policy == "not_applicable":
        return Metric(None, not_applicable=True, detail=detail)
    return Metric(Decimal(0), zero_base=True, detail=detail)


class Band(Strict):
    """One band of a ratio in percent; each bound says whether it is included. A band with
    `pro_rata: true` awards ratio × maximum instead of fixed points ("hoàn thành 90% -100%
    thì điểm … tính theo số mục tiêu đã hoàn thành / số mục tiêu đề ra x 1 điểm")."""

    points: Decimal | None = Field(default=None, ge=0)
    pro_rata: Flag = False
    at_least: Decimal | None = None
    above: Decimal | None = None
    below: Decimal | None = None
    at_most: Decimal | None = None

    @model_validator(mode="after")
    def _one_bound_each_side(self) -> "Band":
        if (self.points is None) != self.pro_rata:
            raise ValueError(
                tr(
                    "mỗi mức cần đúng một trong 'points' hoặc 'pro_rata: true'",
                    "each band needs exactly one of 'points' or 'pro_rata: true'",
                )
            )
        if self.at_least is not None and self.above is not None:
            raise ValueError(
                tr(
                    "chỉ dùng một trong 'at_least' (≥) và 'above' (>)",
                    "use only one of 'at_least' (≥) and 'above' (>)",
                )
            )
        if self.below is not None and self.at_most is not None:
            raise ValueError(
                tr(
                    "chỉ dùng một trong 'below' (<) và 'at_most' (≤)",
                    "use only one of 'below' (<) and 'at_most' (≤)",
                )
            )
        return self

    def lower(self) -> tuple[Decimal, bool] | None:
        if self.at_least is not None:
            return self.at_least, True
        return (self.above, False) if self.above is not None else None

    def upper(self) -> tuple[Decimal, bool] | None:
        if self.at_most is not None:
            return self.at_most, True
        return (self.below, False) if self.below is not None else None

    def conds(self) -> tuple[Cond, ...]:
        found = []
        if self.at_least is not None:
            found.append(Cond(">=", self.at_least))
        if self.above is not None:
            found.append(Cond(">", self.above))
        if self.below is not None:
            found.append(Cond("<", self.below))
        if self.at_most is not None:
            found.append(Cond("<=", self.at_most))
        return tuple(found)

    def describe(self) -> str:
        parts = []
        if (low := self.lower()) is not None:
            parts.append(f"{'≥' if low[1] else '>'} {low[0]}%")
        if (high := self.upper()) is not None:
            parts.append(f"{'≤' if high[1] else '<'} {high[0]}%")
        return tr(" và ", " and ").join(parts) or tr("mọi tỷ lệ", "any ratio")


def band_problems(bands: tuple[Band, ...], max_points: Decimal) -> Problems:
    """Bands must tile [0 %, ∞) in order: no gap, no overlap, none above the maximum."""
    found: Problems = []
    for i, band in enumerate(bands):
        if band.points is not None and band.points > max_points:
            found.append(
                (
                    ("bands", i, "points"),
                    tr(
                        f"điểm {band.points} vượt tối đa {max_points}",
                        f"points {band.points} exceed the maximum {max_points}",
                    ),
                )
            )
        low, high = band.lower(), band.upper()
        if low and high and (low[0] > high[0] or (low[0] == high[0] and not (low[1] and high[1]))):
            found.append(
                (("bands", i), tr(f"mức rỗng: {band.describe()}", f"empty band: {band.describe()}"))
            )

    def start(band: Band) -> tuple[Decimal, bool]:
        return band.lower() or (Decimal(0), True)

    order = sorted(range(len(bands)), key=lambda i: (start(bands[i])[0], not start(bands[i])[1]))
    reach: tuple[Decimal, bool] | None = (Decimal(0), True)  # where the next band must start
    for i in order:
        band, low = bands[i], start(bands[i])
        if low[0] < 0:
            found.append(
                (
                    ("bands", i),
                    tr(
                        f"mức {band.describe()} bắt đầu dưới 0%",
                        f"band {band.describe()} starts below 0%",
                    ),
                )
            )
        elif reach is None or (low != reach and not _after(low, reach)):
            found.append(
                (
                    ("bands", i),
                    tr(
                        f"mức {band.describe()} chồng lên một mức khác",
                        f"band {band.describe()} overlaps another band",
                    ),
                )
            )
        elif low != reach:
            found.append(
                (
                    ("bands", i),
                    tr(
                        f"có khoảng trống ngay trước mức {band.describe()}",
                        f"there is a gap just before band {band.describe()}",
                    ),
                )
            )
        high = band.upper()
        reach = None if high is None else (high[0], not high[1])
    if reach is not None:
        sign = "≥" if reach[1] else ">"
        found.append(
            (
                ("bands",),
                tr(
                    f"không có mức nào cho tỷ lệ {sign} {reach[0]}%",
                    f"no band covers ratios {sign} {reach[0]}%",
                ),
            )
        )
    return found


def _after(low: tuple[Decimal, bool], reach: tuple[Decimal, bool]) -> bool:
    """True when a band starting at `low` leaves a gap after `reach`."""
    return low[0] > reach[0] or (low[0] == reach[0] and reach[1] and not low[1])


class _Ratio(MethodBase):
    """numerator / denominator in percent, each a sum of named variables."""

    numerator: tuple[str, ...] = Field(min_length=1)
    denominator: tuple[str, ...] = Field(min_length=1)
    if_none: NonePolicy = "zero"

    METRIC = ("tỷ lệ (%)", "ratio (%)")

    def references(self) -> tuple[Ref, ...]:
        return tuple(
            Ref((side, i), name, "variable")
            for side, names in (("numerator", self.numerator), ("denominator", self.denominator))
            for i, name in enumerate(names)
        )

    @classmethod
    def sentence(cls, said: Said) -> str:
        d, earned = said.detail, num(said.earned)
        part, whole, pct = n(d.get("numerator")), n(d.get("denominator")), n(d.get("percent", "0"))
        return tr(
            f"Tỷ lệ {part}/{whole} = {pct}% → {earned} điểm.",
            f"Ratio {part}/{whole} = {pct}% → {earned} points.",
        )

    def ratio_metric(self, facts: Facts) -> Metric:
        num, den = sum_values(facts, self.numerator), sum_values(facts, self.denominator)
        if num is None or den is None:
            return Metric(None)
        detail = {"numerator": str(num), "denominator": str(den)}
        if den == 0:
            return _none_metric(self.if_none, detail)
        value = ratio(num, den)
        return Metric(value, detail={**detail, "percent": str(value)})


class RatioBands(_Ratio):
    """Pattern 4. Points by the band that numerator / denominator (in %) falls in."""

    type: Literal["ratio_bands"]
    bands: tuple[Band, ...] = Field(min_length=1)

    SUMMARY = (
        "Điểm theo mức mà tỷ lệ tử số / mẫu số (%) rơi vào.",
        "Points by the band the ratio numerator / denominator (%) falls in.",
    )

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        metric = self.ratio_metric(facts)
        if metric.value is None or not any(b.pro_rata for b in self.bands):
            return metric
        share = clamp(metric.value, Decimal(0), Decimal(100)) * max_points / 100
        return replace(metric, award=round_step(share, step))

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        return tuple(Tier(b.conds(), b.points) for b in self.bands)

    def problems(self, max_points: Decimal) -> Problems:
        return band_problems(self.bands, max_points)


class ProRata(_Ratio):
    """Pattern 6. points = numerator / denominator × max, capped at max, to the rounding step;
    with `better: lower`, (1 − ratio) × max (a rate of late records, of complaints)."""

    type: Literal["pro_rata"]
    better: Literal["higher", "lower"] = "higher"

    SUMMARY = (
        "Điểm = tỷ lệ × điểm tối đa, làm tròn theo bước của bộ chỉ số.",
        "Points = ratio × maximum, rounded to the framework's step.",
    )

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        metric = self.ratio_metric(facts)
        if metric.value is None:
            return metric
        if metric.zero_base:  # nothing arose, and the framework gives 0 for it
            return replace(metric, award=Decimal(0))
        rate = clamp(metric.value, Decimal(0), Decimal(100))
        share = (rate if self.better == "higher" else 100 - rate) * max_points / 100
        return replace(metric, award=round_step(share, step))

    def describe(self, max_points: Decimal) -> list[str]:
        if self.better == "higher":
            return super().describe(max_points)
        return [
            tr(
                "Điểm = (100% − tỷ lệ) × điểm tối đa: tỷ lệ càng thấp càng tốt.",
                "Points = (100% − ratio) × maximum: the lower the ratio, the better.",
            ),
            f"  {tr('tỷ lệ', 'ratio')} 0%: {num(max_points)}; 100%: 0",
        ]

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        return (Tier((Cond(">=", Decimal(0)),), None),)


class Growth(MethodBase):
    """Pattern 8. This year's value grew by at least `min_growth_percent` over last year's."""

    type: Literal["growth"]
    variable: str
    min_growth_percent: Decimal = Field(ge=0)
    # lower: the figure must fall by at least the percentage ("giảm ít nhất 10% so với năm trước")
    better: Literal["higher", "lower"] = "higher"
    points: Decimal | None = Field(default=None, ge=0)
    if_none: NonePolicy = "zero"

    SUMMARY = (
        "Số năm nay tăng ít nhất tỷ lệ yêu cầu so với năm trước.",
        "This year's figure grew by at least the required percentage over last year's.",
    )
    METRIC = ("tăng so với năm trước (%)", "growth over last year (%)")

    def references(self) -> tuple[Ref, ...]:
        return (Ref(("variable",), self.variable, "variable"),)

    @property
    def needs_last_year(self) -> bool:
        return True

    def describe(self, max_points: Decimal) -> list[str]:
        if self.better == "higher":
            return super().describe(max_points)
        points = num(max_points if self.points is None else self.points)
        return [
            tr(
                "Số năm nay giảm ít nhất tỷ lệ yêu cầu so với năm trước (càng thấp càng tốt).",
                "This year's figure fell by at least the required percentage (lower is better).",
            ),
            tr(
                f"  giảm so với năm trước (%) ≥ {num(self.min_growth_percent)}: {points}",
                f"  fall over last year (%) ≥ {num(self.min_growth_percent)}: {points}",
            ),
        ]

    @classmethod
    def sentence(cls, said: Said) -> str:
        d, earned = said.detail, num(said.earned)
        now, last, pct = n(d.get("current")), n(d.get("last")), n(d.get("percent", "0"))
        return tr(
            f"Năm nay {now}, năm trước {last}: tăng {pct}% → {earned} điểm.",
            f"This year {now}, last year {last}: growth {pct}% → {earned} points.",
        )

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        current, last = facts.value(self.variable), facts.last_year(self.variable)
        if current is None or last is None:
            return Metric(None)
        detail = {"current": str(current), "last": str(last)}
        if last == 0:
            if current == 0:
                return _none_metric(self.if_none, detail)
            if self.better == "lower":  # from nothing to something: never a fall
                return Metric(Decimal("-1E+9"), detail={**detail, "percent": "-∞"})
            return Metric(Decimal("1E+9"), detail={**detail, "percent": "∞"})
        value = (current - last) * 100 / last
        if self.better == "lower":
            value = -value  # a fall, counted as the better direction
        return Metric(value, detail={**detail, "percent": str(value)})

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        points = max_points if self.points is None else self.points
        return (Tier((Cond(">=", self.min_growth_percent),), points),)

    def problems(self, max_points: Decimal) -> Problems:
        return above_max("points", self.points, max_points)
