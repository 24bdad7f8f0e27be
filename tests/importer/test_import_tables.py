"""Import the fixture tables built from the verbatim rows, and compare with rules/."""

from __future__ import annotations

import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.importer.api import import_table
from cchc_index.load.rules import load_framework
from cchc_index.model.framework import Framework, Leaf

from .tables import ca_mau_docx, dong_nai_xlsx, pl02_docx
from conftest import ROOT


def _nodes(framework: Framework) -> dict[str, Leaf]:
    return {leaf.id: leaf for _a, _c, leaf in framework.leaves()}


def _committed(name: str) -> Framework:
    return load_framework(ROOT / "rules" / name).framework


def test_ca_mau_docx_split_over_two_pages_with_a_two_line_header(tmp_path: Path) -> None:
    imported = import_table(ca_mau_docx(tmp_path / "cm.docx"), "cm.docx", {"id": "cm"})
    got, want = _nodes(imported.framework), _nodes(_committed("ca-mau-2013"))
    assert set(got) == set(want)  # every node, including 1.2.x from the second page
    assert {k: v.points for k, v in got.items()} == {k: v.points for k, v in want.items()}
    assert got["1.1.1"].scoring.model_dump(include={"type", "on_time", "late"}) == {
        "type": "timeliness",
        "on_time": Decimal(1),
        "late": Decimal("0.5"),
    }
    bands = [
        b.model_dump(exclude_none=True, exclude_defaults=True) for b in got["1.1.4"].scoring.bands
    ]  # type: ignore[union-attr]
    assert bands == [
        b.model_dump(exclude_none=True, exclude_defaults=True) for b in want["1.1.4"].scoring.bands
    ]  # type: ignore[union-attr]
    for node in ("1.1.2", "1.1.3", "1.2.2"):
        assert got[node].scoring.type == "qualitative"
    reviews = {r.node: r for r in imported.reviews}
    assert reviews["1.3"].confidence == "thấp" and reviews["1.3"].checks  # unreadable: flagged
    assert "chênh 10" in reviews["1"].checks[0]  # the official area does not add up here
    assert imported.framework.meta.decision.number == "1880/QĐ-UBND"


def test_pl02_docx_parts_and_calendar_deadline(tmp_path: Path) -> None:
    imported = import_table(pl02_docx(tmp_path / "pl.docx"), "pl.docx", {"id": "pl", "year": 2021})
    got, want = _nodes(imported.framework)["1.1.1"], _nodes(_committed("huyen-2021-pl02"))["1.1.1"]
    assert [(p.id, p.points, p.method.type) for p in got.parts] == [
        (p.id, p.points, p.method.type) for p in want.parts
    ]
    timely = got.parts[1]
    assert str(timely.evidence[0].deadline) == "20/12/2020"  # type: ignore[union-attr]
    assert timely.method.model_dump(include={"on_time", "late"}) == {
        "on_time": Decimal("0.2"),
        "late": Decimal(0),
    }
    reviews = {r.node: r for r in imported.reviews}
    assert "chênh 7,25" in reviews["1"].checks[0]
    assert reviews["1.1.2"].confidence == "thấp"  # its second part was cut off in the source


def test_dong_nai_xlsx_band_with_pro_rata_and_the_overlap_flagged(tmp_path: Path) -> None:
    imported = import_table(
        dong_nai_xlsx(tmp_path / "dn.xlsx"), "dn.xlsx", {"id": "dn", "year": 2022}
    )
    got, want = _nodes(imported.framework), _nodes(_committed("dong-nai-xa-2022"))
    dump = [
        b.model_dump(exclude_none=True, exclude_defaults=True) for b in got["4.1"].scoring.bands
    ]  # type: ignore[union-attr]
    assert dump == [
        b.model_dump(exclude_none=True, exclude_defaults=True) for b in want["4.1"].scoring.bands
    ]  # type: ignore[union-attr]
    reviews = {r.node: r for r in imported.reviews}
    assert any("100%" in c for c in reviews["4.1"].checks)  # the overlap at 100 % is named
    assert sum(p.points for p in got["4.2"].parts) == Decimal(1)
    assert all(reviews[f"4.2#{p}"].checks for p in "ab")  # "Chứng minh …": flagged, not guessed
    assert imported.framework.meta.decision.date is not None


def test_cli_writes_the_folder_and_the_review_list_and_refuses_to_overwrite(tmp_path: Path) -> None:
    table = pl02_docx(tmp_path / "pl.docx")
    out = tmp_path / "rules" / "pl"
    runner = CliRunner()
    first = runner.invoke(cli, ["import-framework", str(table), "-o", str(out), "--year", "2021"])
    assert first.exit_code == 0, first.output
    assert "Danh sách cần rà soát" in first.output
    assert {p.name for p in out.iterdir()} == {
        "framework.yaml",
        "1.yaml",
        "1.cases.yaml",
        "review.md",
        ".cchc-index-written.json",  # what --force may replace later, and nothing else
    }
    (out / "ghi-chu.txt").write_text("của cán bộ", encoding="utf-8")
    refused = runner.invoke(cli, ["import-framework", str(table), "-o", str(out), "--force"])
    assert refused.exit_code == 2 and "ghi-chu.txt" in refused.output
    assert (out / "ghi-chu.txt").read_text(encoding="utf-8") == "của cán bộ"
    (out / "ghi-chu.txt").unlink()
    again = runner.invoke(cli, ["import-framework", str(table), "-o", str(out)])
    assert again.exit_code == 2
    forced = runner.invoke(
        cli, ["import-framework", str(table), "-o", str(out), "--force", "--year", "2021"]
    )
    assert forced.exit_code == 0
    validate = runner.invoke(cli, ["validate", str(out)])
    assert validate.exit_code == 3 and "8.25" in validate.output  # only the listed sum fails


@pytest.mark.parametrize("kind", ["no-table", "corrupted", "scanned-pdf"])
def test_bad_documents_exit_4_and_write_nothing(tmp_path: Path, kind: str) -> None:
    import docx
    import pypdfium2 as pdfium

    path = tmp_path / ("x.pdf" if kind == "scanned-pdf" else "x.docx")
    if kind == "no-table":
        document = docx.Document()
        document.add_paragraph("Báo cáo kết quả cải cách hành chính năm 2021")
        document.save(str(path))
    elif kind == "corrupted":
        path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    else:
        pdf = pdfium.PdfDocument.new()
        pdf.new_page(595, 842)
        pdf.save(str(path))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import-framework", str(path), "-o", str(out)])
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.slow
def test_pdf_rendered_by_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        message = "LibreOffice (soffice) is not installed: the PDF fixture cannot be rendered"
        if os.environ.get("CI"):
            pytest.fail(message + " (scripts/test.sh installs it in CI)")
        pytest.skip(message)
    source = pl02_docx(tmp_path / "pl.docx")
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    from_pdf = import_table(tmp_path / "pl.pdf", "pl.pdf", {"id": "pl", "year": 2021})
    from_docx = import_table(source, "pl.docx", {"id": "pl", "year": 2021})
    # the rule files are the same, whichever format was read (the row places differ)
    assert from_pdf.files["1.yaml"].replace("trang 1", "bảng 1").count("\n") == from_docx.files[
        "1.yaml"
    ].count("\n")
    got, want = _nodes(from_pdf.framework), _nodes(from_docx.framework)
    assert set(got) == set(want) == {"1.1.1", "1.1.2"}
    for node in got:
        assert got[node].model_dump(exclude={"provenance"}) == want[node].model_dump(
            exclude={"provenance"}
        )
    assert str(got["1.1.1"].parts[1].evidence[0].deadline) == "20/12/2020"  # type: ignore[union-attr]
    assert from_pdf.framework.meta.decision.number == from_docx.framework.meta.decision.number


@pytest.mark.parametrize("suffix", [".md", ".csv"])
def test_markdown_and_csv_import_like_the_sheet(tmp_path: Path, suffix: str) -> None:
    import csv

    from .tables import DONG_NAI, DONG_NAI_HEAD, DONG_NAI_PREAMBLE

    path = tmp_path / f"dn{suffix}"
    if suffix == ".md":
        lines = [
            *DONG_NAI_PREAMBLE,
            "",
            "| " + " | ".join(DONG_NAI_HEAD) + " |",
            "|---|---|---|---|",
        ]
        lines += [
            "| " + " | ".join(c.replace("\n", "<br>") for c in row) + " |" for row in DONG_NAI
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows([DONG_NAI_HEAD, *DONG_NAI])
    got = import_table(path, path.name, {"id": "dn", "year": 2022}).files
    want = import_table(
        dong_nai_xlsx(tmp_path / "dn.xlsx"), "dn.xlsx", {"id": "dn", "year": 2022}
    ).files

    def rules(text: str) -> list[str]:  # the same rules; only the row places differ
        return [line for line in text.splitlines() if "source:" not in line]

    assert rules(got["4.yaml"]) == rules(want["4.yaml"])


def test_an_imported_table_that_adds_up_validates_and_its_starter_cases_pass(
    tmp_path: Path,
) -> None:
    """Đồng Nai's criterion 4 adds up: the imported folder validates at once, and the cases
    written for what was recognised (an earning and a non-earning one per unit) pass."""
    table = dong_nai_xlsx(tmp_path / "dn.xlsx")
    out = tmp_path / "dn"
    runner = CliRunner()
    assert runner.invoke(cli, ["import-framework", str(table), "-o", str(out)]).exit_code == 0
    assert (out / "4.cases.yaml").is_file()
    assert runner.invoke(cli, ["validate", str(out)]).exit_code == 0
    result = runner.invoke(cli, ["test", str(out)])
    assert result.exit_code == 0 and "6 passed, 0 failed" in result.output, result.output


@pytest.mark.parametrize(
    ("build", "committed", "year", "unflagged"),
    [
        (ca_mau_docx, "ca-mau-2013", 2013, 2),  # 1.1.3 and 1.2.2 ("Đạt yêu cầu")
        (pl02_docx, "huyen-2021-pl02", 2021, 2),  # both parts of 1.1.1, the deadline included
        (dong_nai_xlsx, "dong-nai-xa-2022", 2022, 0),  # every unit has something to check
    ],
    ids=["ca-mau-docx", "pl02-docx", "dong-nai-xlsx"],
)
def test_every_unflagged_unit_matches_the_committed_rules(
    tmp_path: Path, build: object, committed: str, year: int, unflagged: int
) -> None:
    """What the review list does not flag was read exactly as the committed rule file has it
    (names of products and variables aside); every difference is a flagged item."""
    table = build(tmp_path / "t.docx" if build is not dong_nai_xlsx else tmp_path / "t.xlsx")  # type: ignore[operator]
    imported = import_table(table, table.name, {"id": "t", "year": year})
    flagged = {r.node for r in imported.reviews if r.checks}
    want = {u.id: u for _a, _c, _n, u in _committed(committed).units()}
    names = {"product", "products", "numerator", "denominator", "variable"}
    compared = 0
    for _a, _c, _n, unit in imported.framework.units():
        if unit.id in flagged or unit.id.split("#")[0] in flagged:
            continue
        assert unit.id in want, unit.id
        assert unit.points == want[unit.id].points
        assert unit.scoring.model_dump(exclude=names) == want[unit.id].scoring.model_dump(
            exclude=names
        ), unit.id
        compared += 1
    assert compared == unflagged
