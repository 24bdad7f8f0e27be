"""The commands on the shipped sample: verify, binder and binder --check, score/check --verify,
verify-eval; and the sample's files made again byte for byte."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc_index.cli.main import cli
from tests.rendering import need

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "evidence/quang-an-2020"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_verify_sample_shows_matches_the_mismatch_and_signatures() -> None:
    need("tesseract")
    code, out, _ = invoke("verify", SAMPLE, "--format", "json")
    assert code == 1  # the deliberately wrong file
    rows = {r["file"]: r for r in json.loads(out)["rows"]}
    signed = rows["tep/452-KH-UBND-ky-so.pdf"]
    assert {f["verdict"] for f in signed["fields"].values()} == {"match"}
    assert signed["signature"]["verdict"] == "intact_untrusted"
    assert signed["signature"]["signer"] == "Nguyễn Văn An (mẫu)"
    wrong = rows["tep/472-KH-UBND.pdf"]["fields"]
    assert wrong["number"] == {"verdict": "differs", "found": "475/KH-UBND", "note": None}
    assert wrong["date"]["found"] == "18/12/2019"
    assert rows["tep/472-KH-UBND.pdf"]["signature"]["verdict"] == "none"
    for scan in ("tep/133-KH-UBND-ban-quet.jpg", "tep/474-BC-UBND-photocopy.pdf"):
        assert rows[scan]["read_by"] == "ocr"
        assert rows[scan]["fields"]["number"]["verdict"] == "match", rows[scan]
        assert rows[scan]["fields"]["date"]["verdict"] == "match", rows[scan]
    code, table, _ = invoke("verify", SAMPLE)
    assert "khác (tệp ghi: 475/KH-UBND)" in table
    assert "chữ ký nguyên vẹn" in table
    code, english, _ = invoke("--lang", "en", "verify", SAMPLE, "--format", "markdown")
    assert "differs (file says: 475/KH-UBND)" in english and "| Row" in english


def test_verify_writes_a_file_and_refuses_its_input(tmp_path: Path) -> None:
    need("tesseract")
    target = tmp_path / "verify.md"
    code, _, err = invoke("verify", SAMPLE, "--format", "markdown", "-o", str(target))
    assert code == 1 and "Đã ghi" in err
    assert target.read_text(encoding="utf-8").startswith("# Đối chiếu tệp minh chứng")
    code, _, _ = invoke("verify", SAMPLE, "-o", f"{SAMPLE}/verify.txt")
    assert code == 2 and not (ROOT / SAMPLE / "verify.txt").exists()


def test_score_and_check_verify_warn(tmp_path: Path) -> None:
    need("tesseract")
    _, _, err = invoke("check", SAMPLE, "--verify")
    assert "tep/472-KH-UBND.pdf ghi khác: số, ký hiệu 475/KH-UBND" in err
    assert "chữ ký số" not in err  # 452/KH-UBND has its signed file
    bundle = tmp_path / "qa"
    shutil.copytree(ROOT / SAMPLE, bundle)
    documents = bundle / "documents.csv"
    text = documents.read_text(encoding="utf-8")
    documents.write_text(text.replace("tep/452-KH-UBND-ky-so.pdf", ""), encoding="utf-8")
    _, _, err = invoke("score", str(bundle), "--verify")
    assert "1.1.1 yêu cầu file có chữ ký số" in err and "chưa có tệp" in err
    _, _, err = invoke("score", str(bundle))
    assert "yêu cầu file có chữ ký số" not in err  # off by default


def test_binder_round_trip_and_a_changed_file_is_named(tmp_path: Path) -> None:
    need("tesseract")
    binder = tmp_path / "ho-so.zip"
    code, _, err = invoke("binder", SAMPLE, "-o", str(binder), "--no-pdf")
    assert code == 0, err
    with zipfile.ZipFile(binder) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        index = archive.read("Danh-muc-tai-lieu-kiem-chung.docx")
    assert "1 Công tác chỉ đạo điều hành CCHC/1.1.1/452-KH-UBND-ky-so.pdf" in names
    assert "3 Cải cách thủ tục hành chính/3.3.1/474-BC-UBND-photocopy.pdf" in names
    assert {f["path"] for f in manifest["files"]} == set(names) - {"manifest.json"}
    import docx

    cells = [
        c.text for t in docx.Document(io.BytesIO(index)).tables for r in t.rows for c in r.cells
    ]
    assert "452/KH-UBND" in cells and any("chữ ký nguyên vẹn" in c for c in cells)
    assert any("số, ký hiệu: khác" in c for c in cells)
    code, out, _ = invoke("binder", "--check", str(binder))
    assert code == 0 and "không thiếu, không thừa" in out

    changed = tmp_path / "changed.zip"
    with zipfile.ZipFile(binder) as source, zipfile.ZipFile(changed, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("472-KH-UBND.pdf"):
                data = data.replace(b"ReportLab", b"ReportLaX", 1)
            if not info.filename.endswith("133-KH-UBND-ban-quet.jpg"):
                target.writestr(info, data)
        target.writestr("ghi-them.txt", b"extra")
    code, out, _ = invoke("binder", "--check", str(changed))
    assert code == 1
    assert "tệp đã bị thay đổi: 0-Chua-gan-tieu-chi/472-KH-UBND.pdf" in out
    assert "thiếu tệp: 0-Chua-gan-tieu-chi/133-KH-UBND-ban-quet.jpg" in out
    assert "tệp thừa (không có trong manifest): ghi-them.txt" in out


def test_binder_refuses_what_is_not_a_binder(tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    assert invoke("binder", "--check", str(tmp_path / "x.zip"))[0] == 4
    with zipfile.ZipFile(tmp_path / "y.zip", "w") as archive:
        archive.writestr("a.txt", b"a")
    assert invoke("binder", "--check", str(tmp_path / "y.zip"))[0] == 4
    assert invoke("binder", SAMPLE)[0] == 2  # no -o


@pytest.mark.slow
def test_binder_index_as_pdf(tmp_path: Path) -> None:
    need("tesseract")
    need("soffice")
    binder = tmp_path / "ho-so.zip"
    code, _, err = invoke("binder", SAMPLE, "-o", str(binder))
    assert code == 0, err
    with zipfile.ZipFile(binder) as archive:
        pdf = archive.read("Danh-muc-tai-lieu-kiem-chung.pdf")
    assert pdf.startswith(b"%PDF")
    assert invoke("binder", "--check", str(binder))[0] == 0


def test_binder_without_libreoffice_exits_6(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    code, _, err = invoke("binder", SAMPLE, "-o", str(tmp_path / "b.zip"), "--no-verify")
    assert code == 6 and "libreoffice-writer-nogui" in err
    assert not (tmp_path / "b.zip").exists()


def test_verify_eval_text_layer_and_signatures() -> None:
    code, out, _ = invoke("verify-eval", "--count", "6", "--sets", "text")
    assert code == 0, out
    assert "Chữ ký số: 6/6 đúng" in out and "Khớp sai (nguy hiểm): 0" in out


@pytest.mark.slow
def test_verify_eval_on_scans_never_matches_wrongly() -> None:
    """A small run of the measured set (docs/verify.md gives the 24-document figures): no
    wrong "match", no wrong "differs", every signature verdict right."""
    need("tesseract")
    from cchc_index.verify.evaluate import evaluate

    evaluation = evaluate(8, 2020, ("clean-300", "phone"))
    assert evaluation.wrong_matches() == 0 and evaluation.wrong_differs(("phone",)) == 0
    assert evaluation.signatures.right == evaluation.signatures.total == 8
    core = ("number", "date", "issuer")
    assert evaluation.share(("clean-300",), core) >= 0.95, evaluation.mistakes
    assert evaluation.share(("phone",), core) >= 0.90, evaluation.mistakes


def test_sample_files_are_made_again_byte_for_byte(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_verify_sample.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shipped = ROOT / SAMPLE / "tep"
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in shipped.iterdir() if p.suffix != ".md")
    for name in made:
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), name
        assert (tmp_path / name).stat().st_size < 210_000


def test_verify_links_checks_each_link_of_the_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--links` asks every link of links.csv (here answered without the network; the real
    requests are tested against a local server in test_files.py)."""
    need("tesseract")
    from cchc_index.verify import run
    from cchc_index.verify.verdict import FieldCheck, Verdict

    asked: list[str] = []

    def answer(url: str, timeout: float) -> FieldCheck:
        asked.append(url)
        return FieldCheck("link", Verdict.MATCH, "HTTP 200")

    monkeypatch.setattr(run, "check_link", answer)
    code, out, _ = invoke("verify", SAMPLE, "--links", "--format", "json")
    assert code == 1  # the wrong file; the links all answer
    links = [r for r in json.loads(out)["rows"] if r["table"] == "links"]
    assert len(links) == len(asked) == 4
    assert {r["fields"]["link"]["verdict"] for r in links} == {"match"}
    _, out, _ = invoke("verify", SAMPLE, "--format", "json")
    assert not [r for r in json.loads(out)["rows"] if r["table"] == "links"]  # off by default


def test_binder_finds_the_framework_on_the_search_path_outside_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`binder` looks its framework up as every command does (`--rules-dir`, ./rules, the
    user's folder, the shipped ones): run where there is no ./rules, it still finds it."""
    bundle = tmp_path / "don-vi"
    shutil.copytree(ROOT / SAMPLE, bundle)
    monkeypatch.chdir(tmp_path)
    assert not (tmp_path / "rules").exists()
    code, _, err = invoke("binder", "don-vi", "-o", "ho-so.zip", "--no-pdf", "--no-verify")
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "ho-so.zip") as archive:
        assert "manifest.json" in archive.namelist()
