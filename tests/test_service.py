"""One answer whichever face asks (issue 20): the web download, `score -o` and the batch's
stored result of one unit agree for every format, and the web explain page prints the
considered rows `explain` prints."""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from cchc_index.cli.main import cli
from cchc_index.province.runner import run_batch
from cchc_index.province.store import Store
from cchc_index.report.formats import FORMATS
from cchc_index.service import outputs
from cchc_index.service.outputs import produce
from cchc_index.service.review import Reviewer, review_unit
from tests.web.helpers import BUNDLE, RULES, client, served_copy

WHEN = datetime(2026, 12, 7, 9, 30).astimezone()


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(outputs, "clock", lambda: WHEN)
    return served_copy(tmp_path, without_plan=False, appraised=True)


def _parts(data: bytes) -> dict[str, bytes]:
    """A DOCX or XLSX as its parts, the times openpyxl stamps into docProps removed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name in parts:
        if name.startswith("docProps/"):
            parts[name] = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"T", parts[name])
    return parts


def _pdf_text(data: bytes) -> list[str]:
    """A PDF's text page by page (its creation time and ID differ from one conversion to the
    next)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def _same(fmt: str, a: bytes, b: bytes) -> None:
    if fmt == "pdf":
        assert _pdf_text(a) == _pdf_text(b)
    elif fmt in ("docx", "xlsx"):
        assert _parts(a) == _parts(b)
    else:
        assert a == b


@pytest.mark.parametrize(
    "fmt",
    [pytest.param(f, marks=pytest.mark.slow) if f == "pdf" else f for f in sorted(FORMATS)],
)  # the PDF through LibreOffice: slow
def test_the_web_download_is_what_score_writes(served: Path, tmp_path: Path, fmt: str) -> None:
    folder = served / BUNDLE
    web = client(served).get(f"/u/{BUNDLE}/download/{fmt}")
    assert web.status_code == 200
    target = tmp_path / f"out{FORMATS[fmt].suffixes[0]}"
    run = CliRunner().invoke(
        cli, ["score", str(folder), "--rules-dir", str(RULES), "-o", str(target)]
    )
    assert run.exit_code == 0, run.output
    _same(fmt, web.content, target.read_bytes())
    library = produce(review_unit(folder, None, RULES), fmt).as_bytes()
    _same(fmt, web.content, library)


def test_the_json_download_has_the_considered_rows_and_every_layer(served: Path) -> None:
    data = json.loads(client(served).get(f"/u/{BUNDLE}/download/json").content)
    assert sum(len(leaf.get("considered", [])) for leaf in data["leaves"]) > 0
    assert [layer["layer"] for layer in data["layers"]][-1] == "final"


def test_the_batch_stores_the_final_layer_the_others_show(served: Path, tmp_path: Path) -> None:
    ranking = run_batch([served], RULES, store=Store.open(tmp_path / "kq.db"))
    stored = Store.open(tmp_path / "kq.db").load(1, str(served / BUNDLE))
    review = review_unit(served / BUNDLE, None, RULES)
    data = json.loads(produce(review, "json").data)
    assert ranking.rows[0].score.total == review.final.total == Decimal(data["final"]["total"])
    assert stored.total == review.final.total and stored.layer == "round_2"
    points = {n.node: n.points for n in stored.nodes if n.kind == "leaf"}
    assert all(points[leaf.id] == leaf.points for leaf in review.final.leaves)


def test_the_web_explain_page_has_the_considered_rows_explain_prints(served: Path) -> None:
    folder = served / BUNDLE
    run = CliRunner().invoke(
        cli, ["explain", "1.1.1", str(folder), "--rules", str(RULES / "hue-xa-2020")]
    )
    assert run.exit_code == 0, run.output
    considered = [line.strip() for line in run.output.splitlines() if "đã xét" in line.lower()]
    assert considered
    page = client(served).get(f"/u/{BUNDLE}/explain/1.1.1").text
    for line in considered:
        assert str(escape(line)) in page, line


def test_a_kept_reviewer_answers_as_a_fresh_one(served: Path) -> None:
    reviewer = Reviewer(RULES)
    folder = served / BUNDLE
    first, again = reviewer.review(folder), reviewer.review(folder)
    fresh = review_unit(folder, None, RULES)
    assert first.layered == again.layered == fresh.layered


EXTRA_ROWS = [
    "500/BC-UBND,10/12/2020,BC,,Báo cáo công tác cải cách hành chính năm 2020,,,,x\n",
    "501/KH-UBND,05/01/2020,KH,,Kế hoạch kiểm tra công tác cải cách hành chính năm 2020,,,,x\n",
    "503/BC-UBND,20/06/2020,BC,,Báo cáo tình hình giải quyết thủ tục hành chính 6 tháng,,,,x\n",
]


@settings(max_examples=6)
@given(
    rows=st.lists(st.sampled_from(EXTRA_ROWS), max_size=3),
    appraised=st.booleans(),
    fmt=st.sampled_from(["json", "markdown", "csv", "html"]),
)
def test_every_face_gives_the_same_answer(rows: list[str], appraised: bool, fmt: str) -> None:
    """Whatever the bundle holds: the web download, `score -o` and the library agree."""
    with tempfile.TemporaryDirectory() as tmp:
        _compare_faces(served_copy(Path(tmp), without_plan=False, appraised=appraised), rows, fmt)


def _compare_faces(served: Path, rows: list[str], fmt: str) -> None:
    folder = served / BUNDLE
    table = folder / "documents.csv"
    table.write_text(table.read_text("utf-8") + "".join(rows), "utf-8")
    original, outputs.clock = outputs.clock, lambda: WHEN
    try:
        web = client(served).get(f"/u/{BUNDLE}/download/{fmt}").content
        target = folder.parent / f"out{FORMATS[fmt].suffixes[0]}"
        run = CliRunner().invoke(
            cli, ["score", str(folder), "--rules-dir", str(RULES), "-o", str(target)]
        )
        assert run.exit_code == 0, run.output
        library = produce(Reviewer(RULES).review(folder), fmt).as_bytes()
    finally:
        outputs.clock = original
    assert web == target.read_bytes() == library
