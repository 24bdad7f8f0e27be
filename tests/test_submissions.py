"""Submissions (issue 20): what the unit handed the council is frozen inside the bundle, the
appraised layers stay those of the submitted snapshot whatever is edited afterwards, and the
unit's history reads in order."""

from __future__ import annotations

import datetime as dt
import io
import json
import shlex
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.cli.main import cli
from cchc_index.errors import EvidenceError
from cchc_index.service import submit as submitting
from cchc_index.service.history import unit_history
from cchc_index.service.outputs import produce
from cchc_index.service.review import Reviewer, review_unit
from cchc_index.service.submit import submit
from tests.web.helpers import BUNDLE, RULES, SAMPLE, client, hidden, served_copy

# A document the unit adds after its submission: the annual CCHC report (1.1.2), worth 0,5.
REPORT_ROW = (
    "500/BC-UBND,10/12/2020,BC,,Báo cáo công tác cải cách hành chính năm 2020,,,,thêm sau khi nộp\n"
)
REPORT = {
    "number": "500/BC-UBND",
    "date": "10/12/2020",
    "kind": "BC",
    "subject": "Báo cáo công tác cải cách hành chính năm 2020",
}


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    target = tmp_path / "quang-an-2020"
    shutil.copytree(SAMPLE, target)
    return target


def _score_json(folder: Path) -> dict:  # type: ignore[type-arg]
    run = CliRunner().invoke(
        cli, ["score", str(folder), "--rules-dir", str(RULES), "--format", "json"]
    )
    assert run.exit_code == 0, run.output
    return json.loads(run.stdout)


def test_the_sample_was_submitted_before_its_rounds_and_they_name_it() -> None:
    review = review_unit(SAMPLE, None, RULES)
    assert review.submitted is not None and review.submitted.number == 1
    assert review.submitted.date == dt.date(2020, 11, 25)
    assert review.draft is None  # nothing changed since
    assert review.final.total == Decimal("1.75")
    rounds = [e for e in unit_history(SAMPLE, RULES).events if e.kind.value == "round"]
    assert [(r.number, r.submission) for r in rounds] == [(1, 1), (2, 1)]
    assert all(r.date > review.submitted.date for r in rounds)


def test_a_document_added_after_the_rounds_is_a_draft_on_the_command_line(bundle: Path) -> None:
    with (bundle / "documents.csv").open("a", encoding="utf-8") as table:
        table.write(REPORT_ROW)
    data = _score_json(bundle)
    assert data["final"]["total"] == "1.75"
    assert data["total"] == "2.00"  # the self layer is the submitted one
    assert data["draft"]["total"] == "2.50"  # what the draft would score, apart
    assert data["draft"]["changed"] == ["documents.csv: thêm hoặc sửa dòng «500/BC-UBND»"]
    table = CliRunner().invoke(cli, ["score", str(bundle), "--rules-dir", str(RULES)]).stdout
    assert "Tổng điểm cuối cùng (sau thẩm định): 1,75" in table
    assert "đã thay đổi sau khi nộp" in table and "Bản nháp tự chấm: 2,5 / 7" in table
    check = CliRunner().invoke(cli, ["check", str(bundle), "--rules-dir", str(RULES)]).stdout
    assert "đã thay đổi sau khi nộp" in check


def test_a_document_added_in_the_web_page_is_a_draft(tmp_path: Path) -> None:
    served = served_copy(tmp_path, without_plan=False, appraised=True)
    web = client(served)
    url = f"/u/{BUNDLE}/r/documents"
    form = web.get(url).text
    posted = {"csrf": hidden(form, "csrf"), "base": hidden(form, "base"), **REPORT}
    assert web.post(url, data=posted, follow_redirects=False).status_code == 303
    page = web.get(f"/u/{BUNDLE}/").text
    assert 'data-final="1.75"' in page
    assert "Đã thay đổi sau khi nộp" in page and 'data-draft-total="2.50"' in page
    assert "500/BC-UBND" in page
    assert _score_json(served / BUNDLE)["final"]["total"] == "1.75"  # the CLI agrees


def test_a_submission_is_refused_outside_the_cycle_with_its_dates(bundle: Path) -> None:
    with pytest.raises(EvidenceError) as refused:
        submit(bundle, RULES, "Văn phòng", dt.date(2020, 12, 10))
    message = refused.value.problems[0].message
    assert "10/12/2020" in message and "30/11/2020" in message and "15/12/2020" in message


def test_a_second_submission_between_rounds_keeps_the_first_readable(bundle: Path) -> None:
    first = {p: p.read_bytes() for p in (bundle / "submissions").rglob("*") if p.is_file()}
    with pytest.raises(EvidenceError, match="không có gì thay đổi"):
        submit(bundle, RULES, None, dt.date(2020, 12, 20))
    with (bundle / "documents.csv").open("a", encoding="utf-8") as table:
        table.write(REPORT_ROW)
    made = submit(bundle, RULES, "Văn phòng UBND xã", dt.date(2020, 12, 20))
    assert made.number == 2 and made.self_total == Decimal("2.50")
    assert {p: p.read_bytes() for p in first} == first  # never rewritten
    assert (bundle / "submissions" / "002" / "records" / "documents.csv").read_bytes() == (
        bundle / "documents.csv"
    ).read_bytes()
    review = review_unit(bundle, None, RULES)  # the rounds still name number 1
    assert review.submitted is not None and review.submitted.number == 1
    assert review.final.total == Decimal("1.75")
    assert review_unit(bundle, None, RULES, submission=2).result.total == Decimal("2.50")
    kinds = [(e.kind.value, e.number) for e in unit_history(bundle, RULES).events]
    assert kinds[:2] == [("submission", 1), ("round", 1)]
    assert ("submission", 2) in kinds


def test_the_web_button_submits_and_says_why_not(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    web = client(bundle.parent)
    page = web.get(f"/u/{BUNDLE}/").text
    token = hidden(page, "csrf")
    answer = web.post(f"/u/{BUNDLE}/submit", data={"csrf": token, "by": "Văn phòng"})
    assert answer.status_code == 200 and "Chưa nộp được" in answer.text  # today: out of cycle
    monkeypatch.setattr(submitting, "today", lambda: dt.date(2020, 12, 20))
    with (bundle / "documents.csv").open("a", encoding="utf-8") as table:
        table.write(REPORT_ROW)
    answer = web.post(f"/u/{BUNDLE}/submit", data={"csrf": token, "by": "Văn phòng"})
    assert "Đã nộp bản số 2 ngày 20/12/2020" in answer.text
    assert (bundle / "submissions" / "002" / "manifest.yaml").is_file()
    assert web.post(f"/u/{BUNDLE}/submit", data={"by": "x"}).status_code == 403


def test_diff_compares_a_submission_with_the_working_draft(bundle: Path) -> None:
    with (bundle / "documents.csv").open("a", encoding="utf-8") as table:
        table.write(REPORT_ROW)
    run = CliRunner().invoke(
        cli, ["diff", f"{bundle}@submission:1", str(bundle), "--rules-dir", str(RULES)]
    )
    assert run.exit_code == 1, run.output
    assert "(bản nộp số 1): 2 / 7" in run.stdout and "(bản nháp hiện tại): 2,5 / 7" in run.stdout
    assert "1.1.2" in run.stdout
    missing = CliRunner().invoke(
        cli, ["diff", f"{bundle}@submission:7", str(bundle), "--rules-dir", str(RULES)]
    )
    assert missing.exit_code == 4 and "không có bản nộp số 7" in missing.output


def test_a_round_naming_a_submission_that_does_not_exist_is_located(bundle: Path) -> None:
    appraisal = bundle / "appraisal.yaml"
    appraisal.write_text(
        appraisal.read_text("utf-8").replace("submission: 1", "submission: 3", 1), "utf-8"
    )
    run = CliRunner().invoke(cli, ["score", str(bundle), "--rules-dir", str(RULES)])
    assert run.exit_code == 4
    assert "appraisal.yaml:" in run.output and "không có bản nộp đó (có: 1)" in run.output


def test_history_in_order_in_every_format() -> None:
    runner = CliRunner()
    table = runner.invoke(cli, ["history", str(SAMPLE), "--rules-dir", str(RULES)]).stdout
    at = [
        table.index(s)
        for s in ("Nộp bản số 1", "Thẩm định lần 1", "Giải trình mục 1.1.1", "Thẩm định lần 2")
    ]
    assert at == sorted(at)
    assert "1.1.1 0,5 → 0,25: Chưa cung cấp file Kế hoạch" in table
    markdown = runner.invoke(
        cli, ["history", str(SAMPLE), "--rules-dir", str(RULES), "--format", "markdown"]
    ).stdout
    assert markdown.startswith("# Lịch sử chu kỳ đánh giá của UBND xã Quảng An năm 2020")
    data = json.loads(
        runner.invoke(
            cli, ["history", str(SAMPLE), "--rules-dir", str(RULES), "--format", "json"]
        ).stdout
    )
    assert [e["kind"] for e in data["events"]] == [
        "submission",
        "round",
        "explanation",
        "explanation",
        "round",
    ]
    assert data["events"][4]["changes"][0] == {
        "node": "1.1.1",
        "before": "0.25",
        "after": "0.5",
        "reason": "Đơn vị đã bổ sung file Kế hoạch 452/KH-UBND có chữ ký số; chấp nhận",
    }


# Later edits of a submitted bundle: rows added to or taken from its tables, figures changed.
EXTRA_ROWS = [
    REPORT_ROW,
    "501/KH-UBND,05/01/2020,KH,,Kế hoạch kiểm tra công tác cải cách hành chính năm 2020,,,,x\n",
    "502/QĐ-UBND,06/01/2020,QĐ,,Quyết định ban hành danh mục thủ tục hành chính,,,,x\n",
    "503/BC-UBND,20/06/2020,BC,,Báo cáo tình hình giải quyết thủ tục hành chính 6 tháng,,,,x\n",
]
EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from(EXTRA_ROWS)),
        st.tuples(st.just("drop"), st.integers(min_value=1, max_value=19)),
        st.tuples(st.just("readme"), st.text("abc", min_size=1, max_size=3)),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=12)
@given(edits=EDITS)
def test_the_appraised_layers_of_a_submission_never_change_under_later_edits(
    edits: list[tuple[str, object]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _edit_and_compare(Path(tmp) / "quang-an-2020", edits)


def _edit_and_compare(folder: Path, edits: list[tuple[str, object]]) -> None:
    shutil.copytree(SAMPLE, folder)
    reviewer = Reviewer(RULES)
    before = reviewer.review(folder)
    table = folder / "documents.csv"
    for kind, value in edits:
        if kind == "add":
            table.write_text(table.read_text("utf-8") + str(value), "utf-8")
        elif kind == "drop":
            lines = table.read_text("utf-8").splitlines(keepends=True)
            index = int(str(value))
            if index < len(lines):
                table.write_text("".join(lines[:index] + lines[index + 1 :]), "utf-8")
        else:
            (folder / "README.md").write_text(str(value), "utf-8")
    after = reviewer.review(folder)
    assert after.layered.nodes == before.layered.nodes
    assert after.layered.totals == before.layered.totals
    assert after.final == before.final
    assert after.draft is not None and after.draft.changed


def test_every_command_of_the_docs_page_runs_on_the_sample(tmp_path: Path) -> None:
    """docs/submissions.md: each command line runs (on copies of the sample: `submit` on the
    sample as it was before its submission)."""
    page = (SAMPLE.parent.parent / "docs" / "submissions.md").read_text(encoding="utf-8")
    commands = [line.split() for line in page.splitlines() if line.startswith("cchc-index ")]
    assert {c[1] for c in commands} == {"submit", "diff", "history"}
    for words in commands:
        copy = tmp_path / f"run-{len(list(tmp_path.iterdir()))}" / "quang-an-2020"
        shutil.copytree(SAMPLE, copy)
        if words[1] == "submit":
            shutil.rmtree(copy / "submissions")
        text = " ".join(words[1:]).replace("evidence/quang-an-2020", str(copy))
        text = text.replace("lich-su.md", str(copy.parent / "lich-su.md"))
        args = [*shlex.split(text), "--rules-dir", str(RULES)]
        run = CliRunner().invoke(cli, args)
        assert run.exit_code == 0, (args, run.output)


def test_the_documents_of_an_appraised_unit_show_every_layer_and_the_history(
    tmp_path: Path,
) -> None:
    import docx
    import openpyxl

    review = review_unit(SAMPLE, None, RULES)
    html = produce(review, "html").as_bytes().decode("utf-8")
    layers = html[html.index('id="layers"') : html.index('id="history"')]
    for name in ("Tự chấm", "Thẩm định lần 1", "Thẩm định lần 2", "Cuối cùng"):
        assert name in layers
    assert all(f">{total}<" in layers for total in ("2", "1,5", "1,75"))
    assert "Nộp bản số 1" in html[html.index('id="history"') :]
    document = docx.Document(io.BytesIO(produce(review, "docx").as_bytes()))
    history = document.tables[-1]
    assert [r.cells[0].text for r in history.rows[1:]] == [
        "25/11/2020",
        "15/12/2020",
        "20/12/2020",
        "20/12/2020",
        "28/12/2020",
    ]
    workbook = openpyxl.load_workbook(io.BytesIO(produce(review, "xlsx").as_bytes()))
    sheet = workbook["Lịch sử"]
    assert sheet.cell(row=2, column=2).value == "Nộp bản số 1: tự chấm 2 điểm"


def test_the_sample_workbook_imports_back_into_the_submitted_bundle(tmp_path: Path) -> None:
    """Rounds that name submission 1 stay valid when appraise import merges a workbook."""
    import shutil

    from click.testing import CliRunner

    from cchc_index.cli.main import cli

    bundle = tmp_path / "quang-an-2020"
    shutil.copytree(Path(__file__).resolve().parent.parent / "evidence" / "quang-an-2020", bundle)
    book = tmp_path / "lam-viec.xlsx"
    assert CliRunner().invoke(cli, ["score", str(bundle), "-o", str(book)]).exit_code == 0
    run = CliRunner().invoke(cli, ["appraise", "import", str(book), str(bundle)])
    assert run.exit_code == 0, run.output
    assert "submission: 1" in (bundle / "appraisal.yaml").read_text(encoding="utf-8")
