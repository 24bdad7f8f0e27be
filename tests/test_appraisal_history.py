"""The appraisal history is append-only: `appraise import` adds or replaces only the rounds
the workbook fills, keeps the others (reviewer, date, reasons), the explanations and the
file's header comments, and refuses a workbook made from an older state of the bundle."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from cchc_index.cli.main import cli
from cchc_index.errors import ExitCode
from cchc_index.load.appraisal import read_appraisal

from review_helpers import RULES, copy_sample


def _cli(*args: str | Path) -> tuple[int, str]:
    run = CliRunner().invoke(cli, [str(a) for a in args])
    return run.exit_code, run.output


def _sheet(bundle: Path, path: Path) -> Path:
    code, output = _cli("score", bundle, "--rules-dir", RULES, "-o", path)
    assert code == 0, output
    return path


def _fill(path: Path, node: str, cells: dict[str, object]) -> None:
    wb = load_workbook(path)
    ws = wb["Bảng tự đánh giá"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == node)
    for column, value in cells.items():
        ws[f"{column}{row}"] = value
    wb.save(path)


def _import(path: Path, bundle: Path, *more: str) -> tuple[int, str]:
    return _cli("appraise", "import", path, bundle, "--rules-dir", RULES, *more)


def _rounds(bundle: Path) -> dict[int, tuple[str, str, dict[str, tuple[str, str | None]]]]:
    found = read_appraisal(bundle)
    assert found is not None
    return {
        r.round: (
            r.reviewer,
            f"{r.date:%d/%m/%Y}",
            {i.node: (str(i.points), i.reason) for i in r.items},
        )
        for r in found[0].rounds
    }


def test_round_two_is_added_and_round_one_kept_whole(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    before = _rounds(bundle)
    header = (bundle / "appraisal.yaml").read_text(encoding="utf-8").splitlines()[:4]
    sheet = _sheet(bundle, tmp_path / "bang.xlsx")
    _fill(sheet, "3.6.1", {"L": 0.5, "M": "Đã bổ sung ảnh có số điện thoại"})
    code, output = _import(sheet, bundle, "--reviewer", "Tổ thẩm định tỉnh", "--date", "30/12/2020")
    assert code == 0, output
    after = _rounds(bundle)
    assert after[1] == before[1]  # round 1: reviewer, date, reasons untouched
    assert after[2][0] == "Tổ thẩm định tỉnh" and after[2][1] == "30/12/2020"
    assert after[2][2]["3.6.1"] == ("0.5", "Đã bổ sung ảnh có số điện thoại")
    text = (bundle / "appraisal.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[:4] == header  # the file's own comments kept
    assert "appraise import từ bang.xlsx" in text


def test_an_older_workbook_is_refused_and_says_what_changed(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    old = _sheet(bundle, tmp_path / "cu.xlsx")
    _fill(old, "3.5.4", {"L": 0.5, "M": "Giữ nguyên"})
    assert _import(old, bundle)[0] == 0
    new = _sheet(bundle, tmp_path / "moi.xlsx")  # made after that import
    _fill(new, "3.6.1", {"L": 0.5, "M": "Đã bổ sung"})
    assert _import(new, bundle)[0] == 0
    kept = (bundle / "appraisal.yaml").read_bytes()
    code, output = _import(old, bundle)
    assert code == ExitCode.INVALID_EVIDENCE, output
    assert "trạng thái cũ" in output and "appraisal.yaml" in output and "_meta!B" in output
    assert (bundle / "appraisal.yaml").read_bytes() == kept
    # the workbook just imported may be imported again (a corrected reason, say)
    _fill(new, "3.6.1", {"M": "Đã bổ sung ảnh rõ số điện thoại"})
    code, output = _import(new, bundle)
    assert code == 0, output
    assert _rounds(bundle)[2][2]["3.6.1"][1] == "Đã bổ sung ảnh rõ số điện thoại"


def test_a_changed_document_list_makes_the_workbook_old(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    sheet = _sheet(bundle, tmp_path / "bang.xlsx")
    with (bundle / "documents.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    code, output = _import(sheet, bundle)
    assert code == ExitCode.INVALID_EVIDENCE and "documents.csv" in output


def test_rounds_listed_out_of_order_are_read_in_number_order(tmp_path: Path) -> None:
    bundle = copy_sample(tmp_path)
    path = bundle / "appraisal.yaml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("rounds:\n", 1)
    one, two_and_more = rest.split("  - round: 2\n", 1)
    two, tail = two_and_more.split("explanations:\n", 1)
    path.write_text(
        head + "rounds:\n  - round: 2\n" + two + one + "explanations:\n" + tail, encoding="utf-8"
    )
    code, output = _cli("score", bundle, "--rules-dir", RULES, "--format", "json")
    assert code == 0, output
    # round 2 changes 1.1.1 from round 1's 0,25 to 0,5: the reason rule looks at round 1 first
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(line for line in lines if "đã bổ sung file Kế hoạch 452" not in line),
        encoding="utf-8",
    )
    code, output = _cli("score", bundle, "--rules-dir", RULES)
    assert code == ExitCode.INVALID_EVIDENCE
    assert "lần 2 đổi điểm mục '1.1.1' từ 0,25 thành 0,5" in output
