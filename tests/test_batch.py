"""`batch`: the sample province ranked, a broken bundle listed while the others are ranked,
and the results store's reuse and queries."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.errors import ExitCode
from cchc_index.province import runner
from cchc_index.province.queries import history, item_spreads, ranking_of_year
from cchc_index.province.runner import run_batch
from cchc_index.province.store import Store

from conftest import ROOT

SAMPLE = ROOT / "evidence" / "tinh-mau"
RULES = ROOT / "rules"


def _province(tmp_path: Path, count: int = 6) -> Path:
    folder = tmp_path / "tinh"
    for source in sorted(SAMPLE.glob("xa-*"))[:count]:
        shutil.copytree(source, folder / source.name)
    return folder


def test_batch_ranks_the_sample_province(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["batch", "evidence", "-q", "-j", "2"])
    assert result.exit_code == 0, result.output
    assert len(list(SAMPLE.glob("xa-*/profile.yaml"))) >= 20
    assert "UBND xã Quảng An" in result.stdout
    assert "UBND xã Đông Lâm" in result.stdout
    # appraised units are ranked on their final layer: Quảng An and four synthetic communes;
    # the sample department (evidence/so-mau, another framework and year) in a group of its own,
    # and the five units of evidence/tinh-minh-hoa-2025 in their three blocks
    assert result.stdout.count("Tự chấm") == 26
    assert "khối Phường, 2 đơn vị" in result.stdout
    assert "Sở Tư pháp tỉnh Cà Mau" in result.stdout
    assert result.stdout.count("Thẩm định lần 2") == 3
    assert result.stdout.count("Thẩm định lần 1") == 2


def test_every_sample_says_it_is_synthetic() -> None:
    from cchc_index.load.bundle import load_bundle

    for folder in sorted(SAMPLE.glob("xa-*")):
        profile = load_bundle(folder).profile
        assert profile.synthetic and profile.note and "TỔNG HỢP" in profile.note


@pytest.mark.parametrize("suffix", [".json", ".csv", ".md"])
def test_batch_writes_the_ranking_by_suffix(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"xep-hang{suffix}"
    result = CliRunner().invoke(
        cli, ["batch", str(_province(tmp_path)), "--rules-dir", str(RULES), "-o", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if suffix == ".json":
        rows = json.loads(text)
        assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
        assert {"rank", "unit", "total", "index_percent", "band"} <= set(rows[0])
    elif suffix == ".csv":
        assert text.splitlines()[0].startswith("rank,unit,folder,year,framework,total")
    else:
        assert text.startswith("## Xếp hạng năm 2020")


def test_a_broken_bundle_is_listed_and_the_others_are_ranked(tmp_path: Path) -> None:
    province = _province(tmp_path)
    broken = sorted(province.iterdir())[2]
    docs = broken / "documents.csv"
    lines = docs.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("/12/2019", "/13/2019", 1)  # no 13th month
    docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, db = tmp_path / "xep-hang.json", tmp_path / "kq.db"
    result = CliRunner().invoke(
        cli,
        ["batch", str(province), "--rules-dir", str(RULES), "-o", str(out), "--db", str(db), "-q"],
    )
    assert result.exit_code == ExitCode.UNITS_FAILED == 7
    assert f"{docs}:4:2:" in result.stderr  # file:line:col of the bad date
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert len(rows) == 5 and broken.name not in {Path(r["folder"]).name for r in rows}
    store = Store.open(db)
    assert len(ranking_of_year(store, 2020).rows) == 5
    assert [f.folder for f in ranking_of_year(store, 2020).failed] == [str(broken)]


def test_a_second_run_reuses_every_stored_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    province, db = _province(tmp_path), tmp_path / "kq.db"
    first = run_batch([province], RULES, store=Store.open(db))
    loads: list[Path] = []
    real = runner.read_bundle
    monkeypatch.setattr(runner, "read_bundle", lambda f: loads.append(f) or real(f))
    second = run_batch([province], RULES, store=Store.open(db))
    assert loads == []  # nothing read, validated or scored again
    assert all(row.reused for row in second.rows)
    assert [(r.rank, r.score) for r in second.rows] == [(r.rank, r.score) for r in first.rows]
    changed = sorted(province.iterdir())[0] / "statistics.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "# đổi\n", encoding="utf-8")
    third = run_batch([province], RULES, store=Store.open(db))
    assert loads == [changed.parent] and sum(not r.reused for r in third.rows) == 1


def test_queries_read_what_the_run_stored(tmp_path: Path) -> None:
    province, db = _province(tmp_path), tmp_path / "kq.db"
    ranking = run_batch([province], RULES, store=Store.open(db))
    store = Store.open(db)
    top = ranking.rows[0].score
    assert [s.total for s in history(store, top.unit.upper())] == [top.total]
    spreads = {s.node: s for s in item_spreads(store, 2020)}
    assert all(s.units == len(ranking.rows) for s in spreads.values())
    lost = sum((s.lost for s in spreads.values()), start=spreads["1.1.1"].lost * 0)
    assert lost == sum(r.score.max_points - r.score.total for r in ranking.rows)
    cli_out = CliRunner().invoke(cli, ["results", "items", "--db", str(db), "--year", "2020"])
    assert cli_out.exit_code == 0 and "1.1.1" in cli_out.stdout
    hist = CliRunner().invoke(cli, ["results", "history", top.unit, "--db", str(db)])
    assert hist.exit_code == 0 and "2020" in hist.stdout


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "kq.db"
    bad.write_text("không phải SQLite " * 100, encoding="utf-8")
    result = CliRunner().invoke(cli, ["results", "ranking", "--db", str(bad)])
    assert result.exit_code == 4 and "kq.db:1:1:" in result.stderr


def test_the_order_folders_are_named_does_not_change_the_ranking(tmp_path: Path) -> None:
    folders = sorted(_province(tmp_path, 8).iterdir())
    forward = run_batch(folders, RULES)
    backward = run_batch(folders[::-1], RULES, jobs=2)
    assert [(r.rank, r.score) for r in forward.rows] == [(r.rank, r.score) for r in backward.rows]
