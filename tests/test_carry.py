"""Year to year: `carry` drafts next year's bundle from last year's against a changed copy of
the framework; a unit map lets `results history` follow a commune across a merger."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from cchc_index.cli.main import cli

from conftest import ROOT

QUANG_AN = ROOT / "evidence" / "quang-an-2020"


def _next_year(tmp_path: Path) -> Path:
    """rules/hue-xa-2020 for 2021, changed as a Sở changes last year's copy: 3.2.3 renumbered
    3.2.5 (same title), 3.5.2's title reworded."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules" / "hue-xa-2020", rules / "hue-xa-2020")
    folder = rules / "hue-xa-2021"
    shutil.copytree(ROOT / "rules" / "hue-xa-2020", folder)
    meta = folder / "framework.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8")
        .replace("\nyear: 2020", "\nyear: 2021")
        .replace("\nid: hue-xa-2020", "\nid: hue-xa-2021"),
        encoding="utf-8",
    )
    for name in ("3-cai-cach-tthc.yaml", "3-cai-cach-tthc.cases.yaml"):
        path = folder / name
        text = path.read_text(encoding="utf-8").replace("3.2.3", "3.2.5")
        text = text.replace(
            "title: Hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn\n",
            "title: Hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn, trước hạn\n",
        )
        path.write_text(text, encoding="utf-8")
    assert CliRunner().invoke(cli, ["validate", str(folder)]).exit_code == 0
    return rules


def _carry(rules: Path, out: Path, *extra: str, bundle: Path = QUANG_AN) -> str:
    result = CliRunner().invoke(
        cli,
        [
            "carry",
            str(bundle),
            "--to",
            str(rules / "hue-xa-2021"),
            "-o",
            str(out),
            "--rules-dir",
            str(ROOT / "rules"),
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_carry_of_quang_an_to_a_changed_framework_validates_and_scores(tmp_path: Path) -> None:
    rules = _next_year(tmp_path)
    out = tmp_path / "quang-an-2021"
    said = _carry(rules, out)
    assert '"3.2.3": "3.2.5"  # tên gần giống' in said  # matched by title, id changed
    assert '"3.5.2": "3.5.2"  # cùng mã' in said
    assert "ngày 04/12/2019 ngoài kỳ đánh giá mới (01/11/2020–31/10/2021)" in said
    assert "bộ chỉ số mới không hỏi loại văn bản QĐ" in said
    profile = (out / "profile.yaml").read_text(encoding="utf-8")
    assert "year: 2021" in profile and "framework: hue-xa-2021" in profile
    assert "3.2.5" in (out / "links.csv").read_text(encoding="utf-8")
    statistics = (out / "statistics.yaml").read_text(encoding="utf-8")
    assert "tin_cchc:\n  value: '218'\n  last_year: '218'" in statistics
    scored = CliRunner().invoke(cli, ["score", str(out), "--rules-dir", str(rules)])
    assert scored.exit_code in (0, 1), scored.output  # scored; 1: evidence still missing
    assert "Tổng điểm" in scored.output or "Tổng" in scored.output
    mapping = tmp_path / "quang-an-2021.carry-map.yaml"
    assert mapping.read_text(encoding="utf-8") in said
    again = CliRunner().invoke(
        cli, ["carry", str(QUANG_AN), "--to", str(rules / "hue-xa-2021"), "-o", str(out)]
    )
    assert again.exit_code == 2 and "thư mục đã có" in again.output


def test_an_edited_mapping_drops_or_moves_records(tmp_path: Path) -> None:
    rules = _next_year(tmp_path)
    edited = tmp_path / "map.yaml"
    edited.write_text('"3.2.3": null\n"1.4.2": "1.4.2"\n', encoding="utf-8")
    out = tmp_path / "qa"
    said = _carry(rules, out, "--map", str(edited))
    assert '"3.2.3": null' in said
    links = (out / "links.csv").read_text(encoding="utf-8")
    assert "3.2.5" not in links and "3.2.3" not in links
    assert "links.csv:3" in said and "không còn trong bộ chỉ số mới" in said
    bad = tmp_path / "bad.yaml"
    bad.write_text("- 3.2.3\n", encoding="utf-8")
    refused = CliRunner().invoke(
        cli,
        [
            "carry",
            str(QUANG_AN),
            "--to",
            str(rules / "hue-xa-2021"),
            "-o",
            str(tmp_path / "x"),
            "--map",
            str(bad),
            "--rules-dir",
            str(ROOT / "rules"),
        ],
    )
    assert refused.exit_code == 4 and not (tmp_path / "x").exists()


def test_history_follows_a_commune_across_a_merger(tmp_path: Path) -> None:
    rules = _next_year(tmp_path)
    units = tmp_path / "units"
    for slug in ("xa-an-hoa-2020", "xa-binh-minh-2020"):
        shutil.copytree(ROOT / "evidence" / "tinh-mau" / slug, units / "2020" / slug)
        (units / "2020" / slug / "appraisal.yaml").unlink(missing_ok=True)
    merged = units / "2021" / "xa-an-binh-2021"
    _carry(rules, merged, bundle=units / "2020" / "xa-an-hoa-2020")
    profile = merged / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("UBND xã An Hòa", "UBND xã An Bình"),
        encoding="utf-8",
    )
    db = tmp_path / "kq.sqlite"
    for year in ("2020", "2021"):
        run = CliRunner().invoke(
            cli,
            [
                "batch",
                str(units / year),
                "--rules-dir",
                str(rules),
                "--db",
                str(db),
                "-q",
                "-j",
                "1",
            ],
        )
        assert run.exit_code == 0, run.output
    unit_map = tmp_path / "unit-map.yaml"
    unit_map.write_text(
        "note: minh họa (đơn vị tổng hợp)\nmerged:\n  - into: UBND xã An Bình\n"
        "    from: [UBND xã An Hòa, UBND xã Bình Minh]\n    date: 01/07/2020\n",
        encoding="utf-8",
    )
    alone = CliRunner().invoke(cli, ["results", "history", "UBND xã An Bình", "--db", str(db)])
    assert [line[:4] for line in alone.output.splitlines()] == ["2021"]
    followed = CliRunner().invoke(
        cli,
        ["results", "history", "UBND xã An Bình", "--db", str(db), "--unit-map", str(unit_map)],
    )
    assert followed.exit_code == 0, followed.output
    lines = followed.output.splitlines()
    assert [line[:4] for line in lines] == ["2020", "2020", "2021"]
    assert "UBND xã An Hòa" in lines[0] and "→ sáp nhập vào UBND xã An Bình 01/07/2020" in lines[0]
    assert "UBND xã An Bình" in lines[2] and "sáp nhập" not in lines[2]


def test_the_shipped_unit_map_shows_the_old_communes_of_a_merged_one(tmp_path: Path) -> None:
    sample = ROOT / "evidence" / "tinh-mau"
    db = tmp_path / "kq.sqlite"
    run = CliRunner().invoke(
        cli,
        [
            "batch",
            str(sample),
            "--rules-dir",
            str(ROOT / "rules"),
            "--db",
            str(db),
            "-q",
            "-j",
            "1",
        ],
    )
    assert run.exit_code == 0, run.output
    found = CliRunner().invoke(
        cli,
        [
            "results",
            "history",
            "UBND xã An Bình",
            "--db",
            str(db),
            "--unit-map",
            str(sample / "unit-map.yaml"),
        ],
    )
    assert found.exit_code == 0, found.output
    lines = found.output.splitlines()
    assert len(lines) == 2 and all("→ sáp nhập vào UBND xã An Bình 01/07/2025" in x for x in lines)
    assert {line.split("  ")[1] for line in lines} == {"UBND xã An Hòa", "UBND xã Bình Minh"}


def test_carry_onto_the_same_framework_as_the_docs_show(tmp_path: Path) -> None:
    """docs/frameworks-2025.md: `carry evidence/quang-an-2020 --to rules/hue-xa-2020`."""
    out = tmp_path / "quang-an-ban-nhap"
    result = CliRunner().invoke(
        cli, ["carry", str(QUANG_AN), "--to", str(ROOT / "rules" / "hue-xa-2020"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert '"3.2.3": "3.2.3"  # cùng mã 1.00' in result.output
    scored = CliRunner().invoke(cli, ["score", str(out), "--rules-dir", str(ROOT / "rules")])
    assert scored.exit_code in (0, 1), scored.output
