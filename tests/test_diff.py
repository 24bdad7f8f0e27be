"""`diff`: two results (layers, a copy with documents removed) and two framework versions."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.load.rules import load_framework
from cchc_index.scoring.diff import diff_frameworks

from review_helpers import RULES, SAMPLE, copy_sample, drop_documents

D = Decimal


def _diff(*args: str) -> tuple[int, dict[str, object]]:
    run = CliRunner().invoke(cli, ["diff", *args, "--rules-dir", str(RULES), "--format", "json"])
    assert run.exit_code in (0, 1), run.output
    return run.exit_code, json.loads(run.output)


def test_a_copy_without_two_documents_names_exactly_the_affected_items(tmp_path: Path) -> None:
    copy = copy_sample(tmp_path)
    # 452/KH-UBND is the plan of 1.1.1; 472/KH-UBND, the CCHC *propaganda* plan, does not take
    # its place (subject_excludes, issue 8): 1.1.1 loses its points. 474/BC-UBND is the
    # TTHC-control report of 3.3.1 (still 0 points, now two products missing).
    drop_documents(copy, {"452/KH-UBND", "474/BC-UBND"})
    code, data = _diff(f"{SAMPLE}@self", f"{copy}@self")
    changes = data["changes"]
    assert code == 1 and isinstance(changes, list)
    assert [(c["a"]["id"], c["a"]["points"], c["b"]["points"], c["delta"]) for c in changes] == [
        ("1.1.1", "0.5", "0", "-0.5"),
        ("3.3.1", "0", "0", "0"),
    ]
    assert changes[0]["b"]["status"] == "thiếu minh chứng"
    assert changes[0]["b"]["evidence"] == []
    assert changes[1]["fields"] == ["missing", "evidence"]


def test_a_copy_without_the_plans_loses_the_points_of_1_1_1(tmp_path: Path) -> None:
    copy = copy_sample(tmp_path)
    drop_documents(copy, {"452/KH-UBND", "472/KH-UBND", "482/KH-UBND"})
    (copy / "appraisal.yaml").unlink()
    code, data = _diff(str(SAMPLE), str(copy))  # the final layers
    changes = data["changes"]
    assert code == 1 and isinstance(changes, list)
    assert [(c["a"]["id"], c["delta"]) for c in changes] == [("1.1.1", "-0.5"), ("3.6.1", "0.25")]
    assert changes[0]["b"]["status"] == "thiếu minh chứng"
    assert D(data["b"]["total"]) - D(data["a"]["total"]) == D("-0.25")  # type: ignore[index]


def test_two_layers_of_one_unit_and_the_mirror(tmp_path: Path) -> None:
    code, data = _diff(f"{SAMPLE}@self", f"{SAMPLE}@final")
    assert code == 1
    assert [(c["a"]["id"], c["delta"]) for c in data["changes"]] == [("3.6.1", "-0.25")]  # type: ignore[index, union-attr]
    code, back = _diff(f"{SAMPLE}@final", f"{SAMPLE}@self")
    assert [(c["b"]["id"], c["delta"]) for c in back["changes"]] == [("3.6.1", "0.25")]  # type: ignore[index, union-attr]
    code, same = _diff(f"{SAMPLE}@1", f"{SAMPLE}@1")
    assert code == 0 and same["changes"] == []


def _edited_framework(tmp: Path) -> Path:
    """hue-xa-2020 next year: 1.1.1 worth 0.75 and scored by presence instead of timeliness
    (area 1 and 1.1 follow), 1.1.2's threshold moved from 90 % to 80 % (a parameter of its
    method), 3.6.1 renumbered 3.6.2."""
    target = tmp / "hue-xa-2021"
    shutil.copytree(RULES / "hue-xa-2020", target)
    area1 = target / "1-chi-dao-dieu-hanh.yaml"
    text = area1.read_text(encoding="utf-8")
    text = text.replace("points: 1.25\n", "points: 1.5\n", 1)
    text = text.replace(
        "    title: Kế hoạch CCHC\n    points: 1\n",
        "    title: Kế hoạch CCHC\n    points: 1.25\n",
        1,
    )
    text = text.replace(
        "        title: Ban hành kế hoạch CCHC\n        points: 0.5\n",
        "        title: Ban hành kế hoạch CCHC\n        points: 0.75\n",
        1,
    )
    old = "method: {type: timeliness, product: ke-hoach-cchc, on_time: 0.5, late: 0.25}"
    assert old in text
    text = text.replace(old, "method: {type: presence, product: ke-hoach-cchc}")
    text = text.replace("{points: 0, at_most: 90}", "{points: 0, at_most: 80}").replace(
        "{points: 0.5, above: 90}", "{points: 0.5, above: 80}"
    )
    area1.write_text(text, encoding="utf-8")
    area3 = target / "3-cai-cach-tthc.yaml"
    text = area3.read_text(encoding="utf-8")
    assert text.count('id: "3.6.1"') == 1
    area3.write_text(text.replace('id: "3.6.1"', 'id: "3.6.2"'), encoding="utf-8")
    return target


def test_two_framework_versions_list_maxima_methods_and_renumbered(tmp_path: Path) -> None:
    new = _edited_framework(tmp_path)
    code, data = _diff(str(RULES / "hue-xa-2020"), str(new))
    assert code == 1
    by_id = {(c["a"] or {}).get("id"): c for c in data["changes"]}  # type: ignore[union-attr]
    assert set(by_id) == {"1", "1.1", "1.1.1", "1.1.2", "3.6.1"}
    assert by_id["1.1.1"]["fields"] == ["max_points", "method", "detail"]
    assert by_id["1.1.1"]["delta"] == "0.25"
    assert by_id["1.1.2"]["fields"] == ["detail"]  # same maximum, the bands moved
    assert by_id["1"]["delta"] == "0.25" and by_id["1.1"]["delta"] == "0.25"
    renumbered = by_id["3.6.1"]
    assert renumbered["renumbered"] and renumbered["b"]["id"] == "3.6.2"
    assert renumbered["similarity"] == "1.0" or D(renumbered["similarity"]) == 1
    table = CliRunner().invoke(cli, ["diff", str(RULES / "hue-xa-2020"), str(new)])
    assert "đánh số lại" in table.output and "3.6.1 → 3.6.2, tên giống nhau 100%" in table.output
    assert "timeliness → presence" in table.output


def test_framework_diff_with_itself_is_empty_and_mirrors() -> None:
    a = load_framework(RULES / "hue-xa-2020").framework
    b = load_framework(RULES / "ca-mau-2013").framework
    assert diff_frameworks(a, a).empty
    assert diff_frameworks(b, a) == diff_frameworks(a, b).mirrored()
    methods = {(c.a.method, c.b.method) for c in diff_frameworks(b, a).changes if c.a and c.b}
    assert ("qualitative", "timeliness") in methods or len(methods) > 1


def test_a_bundle_and_a_framework_cannot_be_compared() -> None:
    run = CliRunner().invoke(cli, ["diff", str(SAMPLE), str(RULES / "hue-xa-2020")])
    assert run.exit_code == 2 and "cùng loại" in run.output


def test_the_same_unit_in_two_years_under_a_renumbered_framework(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    new = _edited_framework(tmp_path)
    meta = new / "framework.yaml"
    text = meta.read_text(encoding="utf-8").replace("id: hue-xa-2020", "id: hue-xa-2021")
    meta.write_text(text.replace("year: 2020", "year: 2021"), encoding="utf-8")
    shutil.move(str(new), rules / "hue-xa-2021")
    shutil.copytree(RULES / "hue-xa-2020", rules / "hue-xa-2020")
    bundle = copy_sample(tmp_path, "quang-an-2021")
    (bundle / "appraisal.yaml").unlink()
    profile = (bundle / "profile.yaml").read_text(encoding="utf-8")
    profile = profile.replace("year: 2020", "year: 2021").replace("hue-xa-2020", "hue-xa-2021")
    (bundle / "profile.yaml").write_text(profile, encoding="utf-8")
    for name in ("documents.csv", "photos.csv"):
        table = (bundle / name).read_text(encoding="utf-8")
        table = table.replace("/2020,", "/2021,").replace("/2019,", "/2020,")
        (bundle / name).write_text(table.replace("3.6.1", "3.6.2"), encoding="utf-8")
    links = (bundle / "links.csv").read_text(encoding="utf-8")
    (bundle / "links.csv").write_text(links.replace("3.6.1", "3.6.2"), encoding="utf-8")
    run = CliRunner().invoke(
        cli, ["diff", f"{SAMPLE}@self", str(bundle), "--rules-dir", str(rules), "--format", "json"]
    )
    assert run.exit_code == 1, run.output
    assert "hai bộ chỉ số khác nhau (hue-xa-2020 và hue-xa-2021)" in run.stderr  # said loudly
    data = json.loads(run.stdout)
    assert data["a"]["label"].endswith("2020 (Tự chấm)") and "2021" in data["b"]["label"]
    renumbered = [c for c in data["changes"] if c["renumbered"]]
    assert [(c["a"]["id"], c["b"]["id"], c["delta"]) for c in renumbered] == [
        ("3.6.1", "3.6.2", "0")
    ]
    assert renumbered[0]["fields"] == ["id"]
