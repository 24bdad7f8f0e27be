"""`cchc-index extract` through click: output, exit codes, languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.extract import extract_command
from cchc_index.i18n import set_lang

SEEDS = Path(__file__).parent / "seeds"
SEED = str(SEEDS / "001_fabfcb6c746946c4.txt")


@pytest.fixture(autouse=True)
def _vietnamese() -> object:
    set_lang("vi")
    yield
    set_lang("vi")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(extract_command, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_listing() -> None:
    code, out, _ = run(SEED)
    assert code == 0
    assert "Văn bản được trích dẫn (20; 12 của đơn vị, 8 của cơ quan khác):" in out
    assert "452/KH-UBND        04/12/2019  Kế hoạch    của đơn vị" in out
    assert "tin_cchc = 218 (năm trước: 50)" in out
    assert (
        "tong_tin_bai = 1718  [tổng số tin, bài đã đăng; không có biến trong bộ chỉ số hue-xa-2020]"
        in out
    )
    assert "130/2005/NĐ-CP (dòng 82): báo cáo không ghi ngày ban hành" in out


def test_json() -> None:
    code, out, _ = run(SEED, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["report"]["number"] == "385/BC-UBND" and data["year"] == 2020
    plan = next(c for c in data["citations"] if c["number"] == "452/KH-UBND")
    assert (plan["date"], plan["kind"], plan["own"], plan["mentions"][0]["line"]) == (
        "04/12/2019", "KH", True, 16)  # fmt: skip
    tin = next(s for s in data["statistics"] if s["variable"] == "tin_cchc")
    assert (tin["value"]["value"], tin["last_year"]["value"], tin["mapped"]) == ("218", "50", True)
    assert data["discrepancies"] is None and data["written"] is None


def test_write_then_refuse_then_force_then_check(tmp_path: Path) -> None:
    out = str(tmp_path / "bundle")
    code, stdout, _ = run(SEED, "-o", out)
    assert code == 0 and "Đã ghi bộ minh chứng nháp vào" in stdout
    code, _, err = run(SEED, "-o", out)
    assert code == 2 and "--force" in err
    assert run(SEED, "-o", out, "--force")[0] == 0
    code, stdout, _ = run(SEED, "--against", out)
    assert code == 1
    assert "Đối chiếu với bộ minh chứng" in stdout and "2 chênh lệch" in stdout
    statistics = Path(out) / "statistics.yaml"
    statistics.write_text(statistics.read_text(encoding="utf-8").replace("'2299'", "'2300'"),
                          encoding="utf-8")  # fmt: skip
    code, stdout, _ = run(SEED, "--against", out, "--format", "json")
    kinds = [d["kind"] for d in json.loads(stdout)["discrepancies"]]
    assert code == 1 and kinds.count("statistic_differs") == 1


def test_bad_input_exits_4(tmp_path: Path) -> None:
    fake = tmp_path / "bao-cao.docx"
    fake.write_bytes(b"%PDF-1.4 not a docx")
    code, out, err = run(str(fake))
    assert code == 4 and out == ""
    assert f"{fake}:1:1: tệp có đuôi '.docx' nhưng nội dung là tệp PDF" in err
    code, _, err = run(str(tmp_path / "none.txt"))
    assert code == 4 and "không tìm thấy tệp" in err
    bundle = tmp_path / "not-a-bundle"
    bundle.mkdir()
    assert run(SEED, "--against", str(bundle))[0] == 4


def test_usage_errors() -> None:
    assert run()[0] == 2
    assert run("--documents", ".", "--against", ".")[0] == 2
    assert run(SEED, "--year", "1999")[0] == 2


def test_english(tmp_path: Path) -> None:
    code, out, _ = run(SEED, "--lang", "en")
    assert code == 0 and "Documents cited (20; 12 own, 8 from other bodies):" in out
    fake = tmp_path / "x.pdf"
    fake.write_text("plain text", encoding="utf-8")
    code, _, err = run(str(fake), "--lang", "en")
    assert code == 4 and "its content is a plain-text file" in err


def test_year_option_decides_last_year(tmp_path: Path) -> None:
    code, out, _ = run(SEED, "--year", "2019", "--format", "json")
    tin = next(s for s in json.loads(out)["statistics"] if s["variable"] == "tin_cchc")
    assert code == 0 and tin["value"]["value"] == "50"  # "năm 2019: 50 tin" is now this year


EVAL = Path(__file__).parent / "eval"


def test_a_draft_of_a_measured_report_scores(tmp_path: Path) -> None:
    """`extract <report> -o draft && score draft` on the seed 001, a real commune report of
    2020 measured with the evaluation sets: the draft's profile names the framework it was
    drafted for (`hue-xa-2020`, the default), and `score` reads it."""
    from cchc_index.cli.score import score

    draft = tmp_path / "draft"
    code, _, _ = run(SEED, "-o", str(draft))
    assert code == 0
    assert "framework: hue-xa-2020" in (draft / "profile.yaml").read_text(encoding="utf-8")
    result = CliRunner().invoke(score, [str(draft), "--rules-dir", "rules"])
    assert result.exit_code == 0, result.output


def test_a_draft_of_an_evaluation_report_scores(tmp_path: Path) -> None:
    """Issue 23's acceptance: `extract <report> -o draft && score draft` for a report of
    tests/extract/eval with figures and a citation (e11, a commune's one-stop centre, 2025).
    No framework is named: `extract` takes the one shipped framework made for a commune in
    2025 (`hinh-thuc-2025`), writes it in the profile, and `score` scores the draft with
    the draft's figure among its evidence."""
    from cchc_index.cli.score import score

    draft = tmp_path / "draft"
    code, out, _ = run(str(EVAL / "e11-thanhhoa-quangyen-2026.txt"), "--year", "2025", "-o",
                       str(draft))  # fmt: skip
    assert code == 0, out
    profile = (draft / "profile.yaml").read_text(encoding="utf-8")
    assert "framework: hinh-thuc-2025" in profile and "year: 2025" in profile
    statistics = (draft / "statistics.yaml").read_text(encoding="utf-8")
    assert "ho_so_tiep_nhan:\n  value: '1.940'" in statistics
    assert "214/NQ-CP" in (draft / "van-ban-chua-co-ngay.csv").read_text(encoding="utf-8")
    result = CliRunner().invoke(score, [str(draft), "--format", "json"])
    assert result.exit_code == 0, result.output
    scored = json.loads(result.stdout)
    assert (scored["framework"], scored["year"]) == ("hinh-thuc-2025", 2025)
    evidence = [e for leaf in scored["leaves"] for e in leaf["evidence"]]
    assert "ho_so_tiep_nhan = 1940" in evidence


def test_the_shipped_plan_is_an_evaluation_report_and_scores(tmp_path: Path) -> None:
    """The file the docs show (`examples/ke-hoach-cchc-2025-long-phung.txt`) is the
    evaluation report e13, unchanged; with no option its draft is for `hinh-thuc-2025`
    (a commune, 2025) and scores, its own decision listed in documents.csv."""
    from cchc_index.cli.score import score

    shipped = Path(__file__).parents[2] / "examples" / "ke-hoach-cchc-2025-long-phung.txt"
    measured = EVAL / "e13-quangngai-longphung-2025.txt"
    assert shipped.read_bytes() == measured.read_bytes()
    draft = tmp_path / "nhap"
    assert run(str(shipped), "-o", str(draft))[0] == 0
    assert "framework: hinh-thuc-2025" in (draft / "profile.yaml").read_text(encoding="utf-8")
    documents = (draft / "documents.csv").read_text(encoding="utf-8")
    assert "119/QĐ-UBND,18/07/2025" in documents
    result = CliRunner().invoke(score, [str(draft)])
    assert result.exit_code == 0, result.output
    assert "Đơn vị: UBND xã Long Phụng — năm đánh giá 2025" in result.stdout


def test_a_framework_is_chosen_only_when_one_fits(tmp_path: Path) -> None:
    """No framework named: the one made for the report's year and level; two that fit, or
    none, leave the default (and the draft says `score` will refuse it)."""
    import shutil

    from cchc_index.extract.variables import fitting_framework, variables_of

    rules = Path(__file__).parents[2] / "rules"
    found = fitting_framework(2025, "xã", rules)
    assert found is not None and variables_of(found).framework == "hinh-thuc-2025"
    assert fitting_framework(2025, "phường", rules) == found
    assert fitting_framework(2019, "xã", rules) is None
    assert fitting_framework(2025, "tỉnh", rules) is None
    twin = tmp_path / "rules" / "khac-2025"
    shutil.copytree(rules / "hinh-thuc-2025", twin)
    meta = twin / "framework.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("id: hinh-thuc-2025",
                                                             "id: khac-2025"), encoding="utf-8")  # fmt: skip
    assert variables_of(twin).framework == "khac-2025"
    assert fitting_framework(2025, "xã", tmp_path / "rules") is None


def test_a_draft_of_another_level_than_its_framework_says_so(tmp_path: Path) -> None:
    draft = tmp_path / "draft"
    code, _, _ = run(str(EVAL / "e01-lamdong-2020-quy1.txt"), "-o", str(draft))
    assert code == 0
    notes = (draft / "kiem-tra.txt").read_text(encoding="utf-8")
    assert "đơn vị cấp 'tỉnh' không chấm theo bộ chỉ số 'hue-xa-2020' của cấp 'xã'" in notes


def test_a_draft_for_another_year_than_its_framework_says_so(tmp_path: Path) -> None:
    draft = tmp_path / "draft"
    code, _, _ = run(str(EVAL / "e14-thanhhoa-longanh-2024.txt"), "-o", str(draft))
    assert code == 0
    notes = (draft / "kiem-tra.txt").read_text(encoding="utf-8")
    assert "năm đánh giá 2023 khác năm 2020 của bộ chỉ số 'hue-xa-2020'" in notes


def test_an_empty_list_of_undated_documents_is_no_warning(tmp_path: Path) -> None:
    """The draft always holds van-ban-chua-co-ngay.csv (a redraft keeps no stale rows);
    `score` warns that its documents are not scored only when it lists some."""
    from cchc_index.cli.score import score

    draft = tmp_path / "nhap"
    shipped = Path(__file__).parents[2] / "examples" / "ke-hoach-cchc-2025-long-phung.txt"
    assert run(str(shipped), "-o", str(draft))[0] == 0
    undated = draft / "van-ban-chua-co-ngay.csv"
    assert undated.read_text(encoding="utf-8").count("\n") == 1  # the header only
    result = CliRunner().invoke(score, [str(draft)])
    assert result.exit_code == 0 and "chưa có ngày" not in result.stderr
    with undated.open("a", encoding="utf-8") as table:
        table.write("130/2005/NĐ-CP,,NĐ,Chính phủ,,,,,dòng 82\n")
    result = CliRunner().invoke(score, [str(draft)])
    assert result.exit_code == 0 and "chưa có ngày nên không được chấm" in result.stderr
