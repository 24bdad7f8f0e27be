"""Drafts that `score` can read, written atomically and only where asked; cross-checks."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from cchc_index.errors import EvidenceError, ExitCode, OutputError, OutputExists
from cchc_index.extract.api import run_extract
from cchc_index.extract.crosscheck import cross_check
from cchc_index.extract.draft import UNDATED_FILE, Draft
from cchc_index.extract.report import extract_report
from cchc_index.extract.writer import REVIEW_FILE, write_draft
from cchc_index.load.bundle import load_bundle
from cchc_index.model.bundle import Bundle, Document, Profile, Statistic

from .helpers import make_docx

SEED = Path(__file__).parent / "seeds" / "001_fabfcb6c746946c4.txt"


def test_the_draft_of_001_loads_as_a_bundle(tmp_path: Path) -> None:
    out = tmp_path / "quang-an"
    outcome = run_extract(SEED, output=out)
    assert outcome.written_files == (
        "profile.yaml", "documents.csv", "statistics.yaml", UNDATED_FILE, REVIEW_FILE)  # fmt: skip
    bundle = load_bundle(out)
    assert (bundle.profile.name, bundle.profile.level, bundle.profile.year) == (
        "UBND xã Quảng An", "xã", 2020)  # fmt: skip
    assert (bundle.profile.province, bundle.profile.district) == ("Thừa Thiên Huế", "Quảng Điền")
    symbols = [d.number.symbol for d in bundle.documents]
    assert symbols[0] == "385/BC-UBND"  # the report itself
    assert "130/2005/NĐ-CP" not in symbols  # cited without a date: kept apart, with a note
    undated = (out / UNDATED_FILE).read_text(encoding="utf-8").splitlines()
    assert [row.split(",")[:2] for row in undated[1:]] == [
        ["130/2005/NĐ-CP", ""], ["43/2006/NĐ-CP", ""]]  # fmt: skip
    notes = (out / REVIEW_FILE).read_text(encoding="utf-8")
    assert "130/2005/NĐ-CP (dòng 82): báo cáo không ghi ngày ban hành" in notes
    assert len(symbols) == 19
    plan = next(d for d in bundle.documents if d.number.symbol == "452/KH-UBND")
    assert (plan.date, plan.issuer) == (dt.date(2019, 12, 4), None)
    assert plan.kind is not None and plan.kind.value == "KH"
    assert plan.note is not None and plan.note.startswith('dòng 16: "UBND xã đã ban Kế hoạch')
    decree = next(d for d in bundle.documents if d.number.symbol == "61/2018/NĐ-CP")
    assert decree.issuer == "Chính phủ"
    assert bundle.statistics["tin_cchc"].value == 218
    assert bundle.statistics["tin_cchc"].last_year == 50
    assert bundle.statistics["ho_so_bcci"].value == 0
    assert (bundle.statistics["ho_so_tiep_nhan"].source or "").startswith("dòng 102: ")
    assert "tong_tin_bai" not in bundle.statistics  # no framework variable
    assert any("130/2005/NĐ-CP" in w for w in outcome.draft.warnings)
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary left


def test_a_non_empty_folder_needs_force_and_keeps_other_files(tmp_path: Path) -> None:
    out = tmp_path / "b"
    out.mkdir()
    (out / "photos.csv").write_text("file,title,date,sha256,for,note\n", encoding="utf-8")
    with pytest.raises(OutputExists) as caught:
        run_extract(SEED, output=out)
    assert caught.value.exit_code is ExitCode.USAGE
    assert sorted(p.name for p in out.iterdir()) == ["photos.csv"]
    run_extract(SEED, output=out, force=True)
    assert sorted(p.name for p in out.iterdir()) == [
        "documents.csv", REVIEW_FILE, "photos.csv", "profile.yaml", "statistics.yaml",
        UNDATED_FILE]  # fmt: skip
    assert (out / "photos.csv").read_text(encoding="utf-8").startswith("file,title")


def test_a_failure_leaves_nothing_half_written(tmp_path: Path) -> None:
    out = tmp_path / "b"
    draft = Draft({"name": "x", "level": "xã", "province": "", "year": 2020})
    draft.copies.append((tmp_path / "missing.pdf", "van-ban/missing.pdf"))
    with pytest.raises(FileNotFoundError):
        write_draft(out, draft, "test")
    assert [p.name for p in out.rglob("*") if p.is_file()] == []


def test_nothing_is_written_outside_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "b"
    source = tmp_path / "doc.pdf"
    source.write_bytes(b"%PDF-1.4")
    draft = Draft({"name": "x", "level": "xã", "province": "", "year": 2020})
    draft.copies.append((source, "../escaped.pdf"))
    with pytest.raises(EvidenceError):
        write_draft(out, draft, "test")
    assert not (tmp_path / "escaped.pdf").exists()
    assert [p.name for p in out.rglob("*") if p.is_file()] == []
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError):  # -o onto a file: a usage error (2), the file kept
        write_draft(tmp_path / "file", draft, "test")
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"


def test_documents_folder_is_copied_in_with_checksums(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "kh.docx").write_bytes(make_docx(
        ["KẾ HOẠCH", "Triển khai công tác cải cách hành chính năm 2020"],
        (["UBND XÃ QUẢNG AN", "Số: 452/KH-UBND"], ["Quảng An, ngày 04 tháng 12 năm 2019"]),
    ))  # fmt: skip
    out = tmp_path / "b"
    outcome = run_extract(SEED, output=out, documents=folder)
    assert "van-ban/kh.docx" in outcome.written_files
    bundle = load_bundle(out)  # checks the sha256 against the copied file
    plan = next(d for d in bundle.documents if d.number.symbol == "452/KH-UBND")
    assert (plan.file, plan.subject) == (
        "van-ban/kh.docx", "Triển khai công tác cải cách hành chính năm 2020")  # fmt: skip
    assert plan.sha256 is not None and plan.note is not None and "kh.docx" in plan.note
    only_documents = run_extract(None, documents=folder, output=tmp_path / "c")
    assert only_documents.extraction is None
    assert load_bundle(tmp_path / "c").profile.name == "UBND xã Quảng An"


def _bundle() -> Bundle:
    return Bundle(
        profile=Profile(name="UBND xã Quảng An", level="xã", province="Thừa Thiên Huế", year=2020),
        documents=(
            Document.model_validate({"number": "452/KH-UBND", "date": "04/12/2019"}),
            Document.model_validate(
                {"number": "133/KH-UBND", "date": "28/12/2019", "issuer": "UBND huyện Quảng Điền"}
            ),
            Document.model_validate({"number": "999/KH-UBND", "date": "01/01/2020"}),
        ),
        statistics={
            "tin_cchc": Statistic.model_validate({"value": "218", "last_year": "45"}),
            "ho_so_tiep_nhan": Statistic.model_validate("2.300"),
        },
    )


def test_cross_check() -> None:
    findings = cross_check(extract_report(SEED), _bundle())
    by_kind: dict[str, list[str]] = {}
    for finding in findings:
        by_kind.setdefault(finding.kind, []).append(finding.item)
    assert by_kind["date_differs"] == ["133/KH-UBND"]
    assert by_kind["uncited_document"] == ["999/KH-UBND"]
    assert "482/KH-UBND" in by_kind["missing_document"]
    assert "452/KH-UBND" not in by_kind["missing_document"]
    assert len(by_kind["missing_document"]) == 18  # 20 cited, 452 present, 133 dated apart
    assert by_kind["statistic_differs"] == ["tin_cchc", "ho_so_tiep_nhan"]
    assert "thu_xin_loi" in by_kind["statistic_missing"]
    messages = {f.item: f.message for f in findings if f.kind == "statistic_differs"}
    assert messages["tin_cchc"] == (
        "tin_cchc.last_year: báo cáo ghi 50 (dòng 221), statistics.yaml ghi 45"
    )


def test_a_draft_checked_against_itself_only_misses_undated_citations(tmp_path: Path) -> None:
    out = tmp_path / "b"
    run_extract(SEED, output=out)
    outcome = run_extract(SEED, against=out)
    assert outcome.findings is not None
    assert [(f.kind, f.item) for f in outcome.findings] == [
        ("missing_document", "130/2005/NĐ-CP"), ("missing_document", "43/2006/NĐ-CP")]  # fmt: skip


def test_the_profile_of_the_bundle_decides_who_is_self(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Kế hoạch số 5/KH-UBND ngày 2/1/2020 của UBND phường Phú Hội.\n",
                      encoding="utf-8")  # fmt: skip
    bundle = tmp_path / "b"
    bundle.mkdir()
    (bundle / "profile.yaml").write_text(
        "name: UBND phường Phú Hội\nlevel: phường\nprovince: Thừa Thiên Huế\nyear: 2020\n",
        encoding="utf-8",
    )
    outcome = run_extract(report, against=bundle)
    assert outcome.extraction is not None and outcome.extraction.citations[0].own
    assert os.path.exists(bundle / "profile.yaml")
