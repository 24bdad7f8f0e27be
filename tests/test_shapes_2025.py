"""The 2025 shapes of the rule language: each one's law as a hypothesis property, the content
caps of a bonus and penalty content, the working-day calendar, and the shipped framework that
uses every shape (its rule cases run in test_rule_cases.py)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cchc_index.cli.main import cli
from cchc_index.i18n import using
from cchc_index.load.rules import load_framework
from cchc_index.methods.base import Declaration, ProductMatch
from cchc_index.methods.registry import parse
from cchc_index.model.bundle import Statistic
from cchc_index.model.workdays import calendar, shipped
from cchc_index.scoring.cases import Case, case_bundle
from cchc_index.scoring.evaluate import Scorer

from conftest import ROOT

SHAPES = ROOT / "rules" / "hinh-thuc-2025"
STEP = Decimal("0.01")


class _Facts:
    """What a method reads, for one value (a count or a ratio's parts)."""

    def __init__(
        self,
        values: dict[str, Decimal],
        last: dict[str, Decimal] | None = None,
        present: bool = True,
        declared: Declaration | None = None,
    ) -> None:
        self.values, self.last, self.present, self.declared = values, last or {}, present, declared

    @property
    def year(self) -> int:
        return 2025

    def product(self, product_id: str) -> ProductMatch:
        return ProductMatch(product_id, self.present, int(self.present))

    def value(self, variable: str) -> Decimal | None:
        return self.values.get(variable)

    def last_year(self, variable: str) -> Decimal | None:
        return self.last.get(variable)

    def declaration(self) -> Declaration | None:
        return self.declared


def _points(method_data: dict[str, object], facts: _Facts, top: Decimal) -> Decimal:
    """The best tier the method's metric reaches (as the engine would fire it)."""
    method = parse(method_data)
    metric = method.derive(facts, top, STEP)
    best = Decimal(0)
    for tier in method.tiers(top):
        if tier.matches(metric):
            best = max(best, (metric.award if tier.points is None else tier.points) or Decimal(0))
    return min(best, top)


values = st.decimals("0", "60", places=2)


@given(a=values, b=values, better=st.sampled_from(["higher", "lower"]))
def test_step_cap_is_monotone_in_the_better_direction_and_capped(
    a: Decimal, b: Decimal, better: str
) -> None:
    method = {
        "type": "step_cap",
        "variable": "x",
        "threshold": 10,
        "base": 1,
        "per_step": "0.25",
        "cap": 2,
        "better": better,
    }
    pa, pb = (_points(method, _Facts({"x": v}), Decimal(3)) for v in (a, b))
    low, high = (pa, pb) if a <= b else (pb, pa)
    assert (low <= high) if better == "higher" else (low >= high)
    assert max(pa, pb) <= 2
    reached = (a >= 10) if better == "higher" else (a <= 10)
    assert (pa >= 1) == reached


@given(a=st.integers(0, 12), b=st.integers(0, 12))
def test_a_lower_is_better_ladder_never_rewards_more_cases(a: int, b: int) -> None:
    method = {
        "type": "count_ladder",
        "variable": "x",
        "steps": [{"at_most": 0, "points": 2}, {"at_most": 2, "points": 1}],
    }
    pa, pb = (_points(method, _Facts({"x": Decimal(v)}), Decimal(2)) for v in (a, b))
    assert (pa >= pb) if a <= b else (pa <= pb)


@given(late=st.integers(0, 500), extra=st.integers(0, 500))
def test_lower_pro_rata_is_the_complement_of_higher(late: int, extra: int) -> None:
    received = late + extra
    facts = _Facts({"late": Decimal(late), "all": Decimal(received)})
    lower = {"type": "pro_rata", "numerator": ["late"], "denominator": ["all"], "better": "lower"}
    higher = {"type": "pro_rata", "numerator": ["late"], "denominator": ["all"]}
    if received == 0:
        return
    got = _points(lower, facts, Decimal(2)) + _points(higher, facts, Decimal(2))
    assert abs(got - 2) <= STEP  # each is rounded to the step on its own


@given(last=st.integers(1, 400), now=st.integers(0, 400))
def test_a_fall_of_ten_percent_is_met_exactly_when_it_is(last: int, now: int) -> None:
    method = {
        "type": "growth",
        "variable": "x",
        "min_growth_percent": 10,
        "better": "lower",
    }
    facts = _Facts({"x": Decimal(now)}, {"x": Decimal(last)})
    assert (_points(method, facts, Decimal(1)) == 1) == (now * 10 <= last * 9)


@given(words=st.integers(0, 12), present=st.booleans(), met=st.booleans())
def test_explained_scores_evidence_or_a_full_explanation_only(
    words: int, present: bool, met: bool
) -> None:
    declared = Declaration(met, " ".join(["chữ"] * words)) if words else None
    method = {"type": "explained", "product": "p"}
    got = _points(method, _Facts({}, present=present, declared=declared), Decimal(1))
    assert (got == 1) == (present or (met and words >= 5))


@given(
    start=st.dates(dt.date(2020, 1, 1), dt.date(2027, 11, 30)),
    days=st.integers(1, 30),
)
def test_adding_working_days_lands_on_a_working_day_after_exactly_n(
    start: dt.date, days: int
) -> None:
    days_off = calendar()
    end = days_off.add(start, days)
    assert days_off.is_working(end)
    counted = sum(
        days_off.is_working(start + dt.timedelta(days=i)) for i in range(1, (end - start).days + 1)
    )
    assert counted == days


def test_the_calendar_has_tet_gio_to_and_national_days_each_year() -> None:
    years = shipped()
    assert set(years) == set(range(2020, 2028))
    assert all(y.basis == "computed" for y in years.values())
    days_off = calendar()
    assert not days_off.is_working(dt.date(2026, 2, 17))  # mùng 1 Tết Bính Ngọ
    assert not days_off.is_working(dt.date(2026, 4, 27))  # Giỗ Tổ 26/4 is a Sunday: nghỉ bù
    for year in range(2020, 2028):
        for day in (dt.date(year, 4, 30), dt.date(year, 5, 1), dt.date(year, 9, 2)):
            assert not days_off.is_working(day)


def test_the_shipped_holidays_are_what_the_script_writes() -> None:
    script = ROOT / "scripts" / "make_holidays.py"
    assert subprocess.run([sys.executable, str(script), "--check"]).returncode == 0


def test_a_framework_year_replaces_the_shipped_one() -> None:
    framework = load_framework(SHAPES).framework
    own = calendar(framework.meta.holidays)
    assert not own.is_working(dt.date(2025, 9, 1)) and own.is_working(dt.date(2025, 9, 3))
    assert not calendar().is_working(dt.date(2025, 9, 3))


def test_the_content_caps_bound_bonus_and_deduction_together(tmp_path: Path) -> None:
    source = load_framework(SHAPES)
    case = Case(
        name="tran-noi-dung",
        node="9.1",
        expect={"points": 0},
        evidence={
            "statistics": {
                "sang_kien": Statistic(value=Decimal(3)),
                "giai_thuong": Statistic(value=Decimal(2)),
                "bao_cao_tre": Statistic(value=Decimal(3)),
                "vi_pham": Statistic(value=Decimal(1)),
            }
        },
    )
    result = Scorer(source.framework, "reference").evaluate(case_bundle(source, case))
    by_id = {leaf.id: leaf.points for leaf in result.leaves}
    assert by_id["9.1"] + by_id["9.2"] == 3  # each node within its own cap …
    assert result.bonus == 2  # … and the content within its own
    assert by_id["9.3"] + by_id["9.4"] == Decimal("2.5") and result.deduction == 2


def test_after_must_name_another_document_of_the_node(tmp_path: Path) -> None:
    folder = tmp_path / "shapes"
    shutil.copytree(SHAPES, folder)
    area = folder / "1-chi-dao.yaml"
    text = area.read_text(encoding="utf-8")
    area.write_text(
        text.replace("after: {product: ke-hoach-tinh,", "after: {product: ke-hoach-tnh,"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 3
    assert "'after' cần một văn bản khác" in result.output and "ke-hoach-tinh" in result.output


def test_explain_says_every_new_shape_in_both_languages() -> None:
    runner = CliRunner()
    words = {
        "1.1.1": ("ngày làm việc sau ngày", "working days after the date"),
        "1.1.2": ("diễn giải cách tính điểm", "explain how it computed"),
        "1.2.1": ("mỗi 1 vượt ngưỡng: +0,25; tối đa 2", "each 1 above the threshold: +0.25"),
        "1.2.2": ("mỗi 1 dưới ngưỡng", "each 1 below the threshold"),
        "2.1.1": ("số lượng ≤ 0: 2", "count ≤ 0: 2"),
        "2.1.2": ("(100% − tỷ lệ) × điểm tối đa", "(100% − ratio) × maximum"),
        "2.1.4": ("giảm ít nhất", "fell by at least"),
    }
    for node, (vi, en) in words.items():
        got_vi = runner.invoke(cli, ["explain", node, "--rules", str(SHAPES)])
        assert got_vi.exit_code == 0 and vi in got_vi.output, got_vi.output
        with using("en"):
            got_en = runner.invoke(cli, ["explain", node, "--rules", str(SHAPES), "--lang", "en"])
        assert got_en.exit_code == 0 and en in got_en.output, got_en.output


_CONTENT = load_framework(SHAPES)
_SCORER = Scorer(_CONTENT.framework, "reference")


@given(
    ideas=st.integers(0, 6),
    prizes=st.integers(0, 4),
    late=st.integers(0, 6),
    breaches=st.integers(0, 4),
)
def test_a_content_never_adds_or_takes_more_than_its_caps(
    ideas: int, prizes: int, late: int, breaches: int
) -> None:
    """Property: each bonus or deduction node within its own cap, and the content's bonuses
    and deductions each within the content's cap (2 and 2)."""
    figures = {"sang_kien": ideas, "giai_thuong": prizes, "bao_cao_tre": late, "vi_pham": breaches}
    case = Case(
        name="tran",
        node="9.1",
        expect={"points": 0},
        evidence={"statistics": {k: Statistic(value=Decimal(v)) for k, v in figures.items()}},
    )
    result = _SCORER.evaluate(case_bundle(_CONTENT, case))
    by_id = {leaf.id: leaf.points for leaf in result.leaves}
    plus = min(Decimal(ideas) * Decimal("0.5"), Decimal("1.5")) + min(prizes, Decimal("1.5"))
    minus = min(Decimal(late) * Decimal("0.5"), Decimal("1.5")) + min(breaches, 2)
    assert by_id["9.1"] + by_id["9.2"] == plus and by_id["9.3"] + by_id["9.4"] == minus
    assert result.bonus == min(plus, 2) and result.deduction == min(minus, 2)


def test_the_report_shows_the_explanation_given_instead_of_evidence(tmp_path: Path) -> None:
    unit = tmp_path / "xa"
    shutil.copytree(ROOT / "evidence" / "tinh-minh-hoa-2025" / "xa-cat-tuong", unit)
    why = "Đã kiểm tra 4/6 bộ phận theo Kế hoạch 12/KH-UBND; biên bản lưu tại văn phòng"
    (unit / "declarations.yaml").write_text(
        f'qualitative:\n  - node: "1.1.2"\n    result: đạt\n    explanation: "{why}"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["score", str(unit), "--rules-dir", str(ROOT / "rules"), "--format", "markdown"]
    )
    assert result.exit_code in (0, 1), result.output
    row = next(line for line in result.output.splitlines() if line.startswith("| 1.1.2"))
    assert f"diễn giải: «{why}»" in row and "chờ xác nhận" in row
