"""`plan`: the sample's plan applied to a copy of the bundle reaches its target when `score` runs;
after every deadline the target is out of reach and the reason is given; costs.yaml is read
with located errors and changes the plan; on generated frameworks, every plan reaches its target
by the engine and no cheaper set of actions does (brute force); shared products and parts
count once."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.cli.main import cli
from cchc_index.model.bundle import Bundle, Profile
from cchc_index.model.framework import Area, Framework, Meta
from cchc_index.model.plan import Adjustable, Costs, Target
from cchc_index.scoring.evaluate import Scorer
from cchc_index.scoring.layers import score_range
from cchc_index.scoring.plan import Planner, make_plan
from cchc_index.scoring.plan_actions import apply_actions
from cchc_index.scoring.review import review_unit

from review_helpers import RULES, copy_sample, write
from strategies import YEAR, bundles, frameworks

D = Decimal


def _plan(bundle: Path, *args: str) -> tuple[int, str]:
    run = CliRunner().invoke(cli, ["plan", str(bundle), "--rules-dir", str(RULES), *args])
    return run.exit_code, run.output


def _append_csv(path: Path, rows: list[dict[str, str]]) -> None:
    text = path.read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in header})
    path.write_text(text.rstrip("\n") + "\n" + out.getvalue(), encoding="utf-8")


def apply_to_folder(folder: Path, steps: list[dict[str, Any]]) -> None:
    """Write the rows the plan's actions describe, as an officer would."""
    docs, links, photos = [], [], []
    stats = yaml.safe_load((folder / "statistics.yaml").read_text(encoding="utf-8")) or {}
    said = yaml.safe_load((folder / "declarations.yaml").read_text(encoding="utf-8")) or {}
    for step in steps:
        docs += [{**d, "for": d["for"]} for d in step["documents"]]
        links += step["links"]
        photos += step["photos"]
        for name, figure in step["statistics"].items():
            entry = {"value": figure["value"]}
            if figure["last_year"] is not None:
                entry["last_year"] = figure["last_year"]
            stats[name] = entry
        said.setdefault("qualitative", [])
        said["qualitative"] = (said["qualitative"] or []) + step["declarations"]
    if docs:
        _append_csv(folder / "documents.csv", docs)
    if links:
        _append_csv(folder / "links.csv", links)
    if photos:
        _append_csv(folder / "photos.csv", photos)
    text = yaml.safe_dump(stats, allow_unicode=True, default_style="'")
    write(folder / "statistics.yaml", text)
    write(folder / "declarations.yaml", yaml.safe_dump(said, allow_unicode=True))


def test_sample_plan_to_kha_reaches_it_when_scored(tmp_path: Path) -> None:
    code, text = _plan(copy_sample(tmp_path, "a"), "--to", "Khá", "--on", "01/10/2020")
    assert code == 0, text
    assert "Mục tiêu: Khá" in text and "Kế hoạch ít tốn nhất" in text
    code, out = _plan(
        copy_sample(tmp_path, "b"), "--to", "Khá", "--on", "01/10/2020", "--format", "json"
    )
    data = json.loads(out)
    plan = data["plan"]
    assert data["reachable"] and plan["reaches"]
    days = [dt.datetime.strptime(s["last_day"], "%d/%m/%Y") for s in plan["steps"]]
    assert days == sorted(days)  # in the order of their deadlines
    # the photo answers 3.2.2 and 3.2.3 at once: one action, both nodes
    assert any(set(s["nodes"]) == {"3.2.2", "3.2.3"} for s in plan["steps"])
    folder = copy_sample(tmp_path, "c")
    apply_to_folder(folder, plan["steps"])
    review = review_unit(folder, None, RULES)
    assert review.layered.final.total >= D(data["target"]["points"])
    assert review.layered.final.band == "Khá"
    run = CliRunner().invoke(cli, ["score", str(folder), "--rules-dir", str(RULES)])
    assert run.exit_code == 0, run.output
    assert "Khá" in run.output


def test_after_every_deadline_the_target_cannot_be_reached(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    code, text = _plan(bundle, "--to", "Khá", "--on", "01/12/2020")
    assert code == 0, text
    assert "Không còn đạt được mục tiêu" in text
    assert "Đã quá hạn tự đánh giá (30/11/2020)" in text
    assert "1.1.2" in text  # a product whose last day has passed, named
    code, out = _plan(bundle, "--to", "Khá", "--on", "01/12/2020", "--format", "json")
    data = json.loads(out)
    assert not data["reachable"] and data["past_due"] and data["open_actions"] == 0
    assert data["too_late"] and data["best_plan"] is None


def test_already_reached_needs_nothing(tmp_path: Path) -> None:
    code, text = _plan(copy_sample(tmp_path), "--to", "Yếu", "--on", "01/10/2020")
    assert code == 0 and "Không cần làm gì thêm" in text


def test_bad_target_is_a_usage_error(tmp_path: Path) -> None:
    code, text = _plan(copy_sample(tmp_path), "--to", "Xuất sắc", "--on", "01/10/2020")
    assert code == 2 and "Xuất sắc" in text


def test_costs_file_is_validated_with_located_errors(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    costs = write(
        tmp_path / "costs.yaml",
        "default: 1\nkinds:\n  photo: 0\nnodes:\n  '9.9.9': 2\nadjustable:\n  khong_co: {to: 5}\n",
    )
    code, text = _plan(bundle, "--to", "Khá", "--on", "01/10/2020", "--costs", str(costs))
    assert code == 4, text
    assert "costs.yaml:3:" in text  # photo: 0 is not a cost
    costs = write(
        tmp_path / "costs.yaml", "nodes:\n  '9.9.9': 2\nadjustable:\n  khong_co: {to: 5}\n"
    )
    code, text = _plan(bundle, "--to", "Khá", "--on", "01/10/2020", "--costs", str(costs))
    assert code == 4
    assert "costs.yaml:2:3: không có mục '9.9.9'" in text
    assert "costs.yaml:4:3: bộ chỉ số không có số liệu 'khong_co'" in text


def test_costs_change_the_plan(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    costs = write(tmp_path / "costs.yaml", "kinds:\n  statistic: 3\n  photo: 2\n")
    _code, out = _plan(
        bundle,
        "--to",
        "Trung bình",
        "--on",
        "01/10/2020",
        "--costs",
        str(costs),
        "--format",
        "json",
    )
    data = json.loads(out)
    kinds = [s["kind"] for s in data["plan"]["steps"]]
    # every figure costs 3: the plan takes the cheaper document and photo (+1 for 2) first
    assert "document" in kinds and "photo" in kinds
    assert D(data["plan"]["cost"]) == sum(D(s["cost"]) for s in data["plan"]["steps"])


# --- generated frameworks ------------------------------------------------------------------


def _subsets(planner: Planner) -> list[tuple[int, ...]]:
    """Every set of actions, at most one variant of each adjustable figure."""
    singles = [i for i, a in enumerate(planner.actions) if a.group is None]
    groups: dict[str, list[int]] = {}
    for i, a in enumerate(planner.actions):
        if a.group is not None:
            groups.setdefault(a.group, []).append(i)
    choices = [[(), (i,)] for i in singles] + [[()] + [(i,) for i in g] for g in groups.values()]
    return [tuple(itertools.chain.from_iterable(c)) for c in itertools.product(*choices)]


def _final_total(scorer: Scorer, bundle: Bundle) -> D:
    return scorer.evaluate(bundle).total


def _low_total(scorer: Scorer, bundle: Bundle) -> D:
    """The total if every item awaiting a reviewer is refused (the range's low end)."""
    result = scorer.evaluate(bundle)
    found = score_range(scorer.framework, result)
    return found.low.total if found is not None else result.total


@settings(max_examples=40, deadline=None)
@given(
    framework=frameworks(),
    bundle=bundles(),
    on=st.dates(dt.date(YEAR - 1, 12, 1), dt.date(YEAR, 3, 1)),
    extra=st.sampled_from([D("0.25"), D("0.5"), D(1), D(2), D(4), D(100)]),
    adjust=st.booleans(),
    kinds=st.fixed_dictionaries({}, optional={"document": st.sampled_from([D(1), D(2), D(3)])}),
)
def test_plans_reach_their_target_and_none_is_cheaper(
    framework: Framework,
    bundle: Bundle,
    on: dt.date,
    extra: D,
    adjust: bool,
    kinds: dict[str, D],
) -> None:
    scorer = Scorer(framework, "reference")
    adjustable = {}
    if adjust and bundle.statistics:
        name = sorted(bundle.statistics)[0]
        adjustable[name] = Adjustable(to=bundle.statistics[name].value + 12, step=D(3))
    costs = Costs.model_validate({"kinds": kinds, "adjustable": adjustable})
    planner = Planner(scorer, bundle, None, on, costs)
    if len(planner.actions) > 7:
        return
    target = Target(None, planner.final.total + extra, None)
    outcome = make_plan(planner, target)
    cheapest = cheapest_low = None
    for chosen in _subsets(planner):
        amended = apply_actions(bundle, [planner.actions[i] for i in chosen])
        total = _final_total(scorer, amended)
        cost = sum((planner.actions[i].cost for i in chosen), D(0))
        if total >= target.points and (cheapest is None or cost < cheapest):
            cheapest = cost
        low = _low_total(scorer, amended)
        if low >= target.points and (cheapest_low is None or cost < cheapest_low):
            cheapest_low = cost
    if cheapest is None:
        assert outcome.plan is None
        return
    plan = outcome.plan
    assert plan is not None and plan.reaches
    assert plan.cost == cheapest  # no cheaper set of actions reaches the target
    chosen_actions = [s.action for s in plan.steps]
    assert _final_total(scorer, apply_actions(bundle, chosen_actions)) >= target.points
    assert sum((s.gain for s in plan.steps), D(0)) == plan.result.total - outcome.current.total
    for other in outcome.alternatives:
        assert other.cost == plan.cost and other.reaches
    # pending items: a plan that needs them confirmed comes with the cheapest one that does not
    if plan.reaches_low:
        assert cheapest_low == plan.cost
    elif cheapest_low is None:
        assert outcome.safe is None
    else:
        assert outcome.safe is not None and outcome.safe.reaches_low
        assert outcome.safe.cost == cheapest_low


def _small(leaves: list[dict[str, Any]]) -> Framework:
    total = sum(D(x["points"]) for x in leaves)
    meta = Meta.model_validate(
        {
            "id": "nho",
            "title": "Bộ nhỏ",
            "decision": {"number": "1/QĐ-UBND", "issuer": "UBND tỉnh"},
            "level": "xã",
            "province": "Thử",
            "year": str(YEAR),
            "bands": [{"name": "Tốt", "min_percent": "90"}, {"name": "Khác", "min_percent": "0"}],
            "rounding_step": "0.25",
            "provenance": {"source": "kiểm thử", "illustrative": ["points"]},
        }
    )
    area = Area.model_validate(
        {
            "id": "1",
            "title": "Lĩnh vực",
            "points": str(total),
            "provenance": {"source": "kiểm thử"},
            "criteria": [
                {"id": "1.1", "title": "Tiêu chí", "points": str(total), "sub_criteria": leaves}
            ],
        }
    )
    return Framework(meta=meta, areas=(area,))


DOC = {
    "id": "kh",
    "type": "document",
    "title": "Kế hoạch",
    "doc_kind": "KH",
    "subject": ["cải cách"],
}
PROV = {"source": "kiểm thử"}


def test_shared_products_and_parts_count_once() -> None:
    presence = {"type": "presence", "product": "kh"}
    leaves = [
        {"id": "1.1.1", "title": "A", "points": "1", "evidence": [DOC], "method": presence},
        {"id": "1.1.2", "title": "B", "points": "1", "evidence": [DOC], "method": presence},
        {
            "id": "1.1.3",
            "title": "C",
            "points": "2",
            "provenance": PROV,
            "parts": [
                {"id": "a", "title": "a", "points": "1", "evidence": [DOC], "method": presence},
                {"id": "b", "title": "b", "points": "1", "evidence": [DOC], "method": presence},
            ],
        },
    ]
    leaves = [{**x, "provenance": PROV} for x in leaves]
    framework = _small(leaves)
    bundle = Bundle(profile=Profile(name="Xã Thử", level="xã", province="Thử", year=YEAR))
    planner = Planner(Scorer(framework, "reference"), bundle, None, dt.date(YEAR, 3, 1))
    (action,) = planner.actions  # one document answers all four units
    assert set(action.nodes) == {"1.1.1", "1.1.2", "1.1.3#a", "1.1.3#b"}
    outcome = make_plan(planner, Target(None, D(4), None))
    assert outcome.plan is not None and outcome.plan.cost == 1
    assert outcome.plan.result.total == 4 and outcome.plan.steps[0].gain == 4


def test_docs_show_the_real_output() -> None:
    """docs/plan.md prints what the two sample commands print today."""
    from conftest import ROOT

    page = (ROOT / "docs" / "plan.md").read_text(encoding="utf-8")
    for day in ("01/10/2020", "01/12/2020"):
        run = CliRunner().invoke(
            cli,
            ["plan", str(ROOT / "evidence" / "quang-an-2020"), "--to", "Khá", "--on", day],
        )
        assert run.exit_code == 0
        assert run.output in page, day


def test_batch_adds_the_cost_to_the_next_band(tmp_path: Path) -> None:
    root = tmp_path / "units"
    root.mkdir()
    copy_sample(root, "a")
    (copy_sample(root, "b") / "appraisal.yaml").unlink()
    args = ["batch", str(root), "--rules-dir", str(RULES), "-q", "-j", "1", "--plan-next"]
    run = CliRunner().invoke(cli, [*args, "--on", "01/10/2020"])
    assert run.exit_code == 0, run.output
    assert "Để lên mức kế trên (tính đến 01/10/2020" in run.output
    assert "+3,15" in run.output and "+2,9" in run.output  # 4,9 (70 % of 7) from 1,75 and 2
    run = CliRunner().invoke(cli, [*args, "--on", "01/12/2020"])
    assert run.exit_code == 0 and "không còn đạt được" in run.output
    run = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert run.exit_code == 2 and "--plan-next" in run.output


def test_markdown_and_json_written_to_a_file(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    out = tmp_path / "plan.md"
    code, _text = _plan(
        bundle, "--to", "Khá", "--on", "01/10/2020", "--format", "markdown", "-o", str(out)
    )
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert "| # |" in page.replace("|   # |", "| # |") or "|   #" in page
    assert "| 3.2.2<br>3.2.3 |" in page  # one photo for both nodes
    assert "\n\nCác dòng cần ghi vào bộ minh chứng:\n  1. documents.csv: 901/BC-UBND" in page
    code, _text = _plan(bundle, "--to", "Khá", "-o", str(bundle / "profile.yaml"))
    assert code != 0  # never over an input


def test_results_items_counts_the_units_an_action_raises_a_band(tmp_path: Path) -> None:
    root = tmp_path / "units"
    root.mkdir()
    near = copy_sample(root, "near")
    _code, out = _plan(near, "--to", "Trung bình", "--on", "01/10/2020", "--format", "json")
    steps = json.loads(out)["plan"]["steps"]
    apply_to_folder(near, steps[:-1])  # one action short of Trung bình
    copy_sample(root, "far")
    db = tmp_path / "results.sqlite"
    run = CliRunner().invoke(
        cli, ["batch", str(root), "--rules-dir", str(RULES), "-q", "-j", "1", "--db", str(db)]
    )
    assert run.exit_code == 0, run.output
    run = CliRunner().invoke(
        cli,
        [
            *("results", "items", "--db", str(db), "--raise-bands"),
            *("--on", "01/10/2020", "--rules-dir", str(RULES)),
        ],
    )
    assert run.exit_code == 0, run.output
    last = steps[-1]["members"][0]
    row = next(line for line in run.output.splitlines() if line.startswith(f"│ {last} "))
    cells = [c.strip() for c in row.strip("│").split("│")]
    assert cells[3] == "2" and cells[4] == "1", row  # both units can; it lifts the near one


def test_docs_batch_commands_run_on_the_sample(tmp_path: Path) -> None:
    from conftest import ROOT

    page = (ROOT / "docs" / "plan.md").read_text(encoding="utf-8")
    sample = str(ROOT / "evidence" / "quang-an-2020")
    run = CliRunner().invoke(
        cli, ["batch", sample, "--plan-next", "--on", "01/10/2020", "-q", "-j", "1"]
    )
    assert run.exit_code == 0
    tail = "\n".join(run.output.splitlines()[-5:])
    assert tail in page
    db = str(tmp_path / "ketqua.sqlite")
    assert CliRunner().invoke(cli, ["batch", sample, "--db", db, "-q", "-j", "1"]).exit_code == 0
    run = CliRunner().invoke(
        cli, ["results", "items", "--db", db, "--raise-bands", "--on", "01/10/2020"]
    )
    assert run.exit_code == 0 and "Số ĐV lên một mức" in run.output


def test_an_adjustable_figure_moves_the_least_that_scores(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    (bundle / "appraisal.yaml").unlink()
    stats = bundle / "statistics.yaml"
    text = stats.read_text(encoding="utf-8")
    stats.write_text(text.replace("thu_xin_loi:\n  value: 3", "thu_xin_loi:\n  value: 1"), "utf-8")
    text = "adjustable:\n  thu_xin_loi: {to: 5}\nkinds:\n  statistic: 2\n"  # figures cost more
    costs = write(tmp_path / "costs.yaml", text)
    args = ["--to", "Khá", "--on", "01/10/2020", "--costs", str(costs), "--format", "json"]
    code, out = _plan(bundle, *args)
    assert code == 0, out
    steps = json.loads(out)["plan"]["steps"]
    adjust = [s for s in steps if s["kind"] == "adjust"]
    # 3 late records, 1 letter: 3 letters is the least that earns 3.5.4 its points (100 %)
    assert [s["id"] for s in adjust] == ["thu_xin_loi=3"] and D(adjust[0]["gain"]) == D("0.5")
    assert json.loads(out)["plan"]["reaches"]
