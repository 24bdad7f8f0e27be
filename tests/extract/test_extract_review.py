"""A draft writes only certain figures; everything else is a note that names what to check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc_index.extract.api import run_extract
from cchc_index.extract.citations import find_citations
from cchc_index.extract.flat import FlatText
from cchc_index.extract.unit import Unit

SEEDS = Path(__file__).parent / "seeds"
COMMUNE = Unit("xã", "Quảng An", "UBND", "Thừa Thiên Huế", "Quảng Điền")


def draft_of(tmp_path: Path, text: str, year: int = 2020):  # type: ignore[no-untyped-def]
    report = tmp_path / "bao-cao.txt"
    report.write_text(text, encoding="utf-8")
    return run_extract(report, year=year).draft


def test_competing_values_are_listed_not_written() -> None:
    draft = run_extract(SEEDS / "002_25fbc4818a50f3ff.txt").draft
    assert "ho_so_tiep_nhan" not in draft.statistics
    note = next(w for w in draft.warnings if w.startswith("ho_so_tiep_nhan:"))
    assert "31.724 (dòng 86); 3.192 (dòng 90)" in note and "chưa ghi vào statistics.yaml" in note


def test_every_written_figure_shows_its_line_and_sentence(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "Kết quả\n\nTrong năm, tiếp nhận 120 hồ sơ, trễ hạn 0 hồ sơ.")
    assert draft.statistics["ho_so_tiep_nhan"] == {
        "value": "120", "source": 'dòng 3: "Trong năm, tiếp nhận 120 hồ sơ, trễ hạn 0 hồ sơ."'}  # fmt: skip
    assert draft.statistics["ho_so_tre_han"]["value"] == "0"


def test_sums_that_do_not_close_are_reported(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "Tiếp nhận 100 hồ sơ; đã giải quyết 90 hồ sơ, trong đó trước "
                     "hạn 50 hồ sơ, đúng hạn 30 hồ sơ, trễ hạn 5 hồ sơ; đang giải quyết 10 hồ sơ.")  # fmt: skip
    notes = [w for w in draft.warnings if w.startswith("số liệu một cửa không khớp")]
    assert notes == [
        "số liệu một cửa không khớp: ho_so_truoc_han 50 (dòng 1) + ho_so_dung_han 30 (dòng 1) + "
        "ho_so_tre_han 5 (dòng 1) = 85, nhưng ho_so_da_giai_quyet là 90 (dòng 1); hãy kiểm tra "
        "lại các số này"]  # fmt: skip


def test_rounded_figures_are_not_written(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "Trung tâm tiếp nhận 5,65 ngàn hồ sơ.")
    assert "ho_so_tiep_nhan" not in draft.statistics
    assert any("5,65 ngàn (dòng 1) là số làm tròn" in w for w in draft.warnings)


def test_targets_are_not_results(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "Phấn đấu năm 2021 tiếp nhận 500 hồ sơ trực tuyến, 100% hồ sơ "
                     "đúng hạn. Năm 2020 đã tiếp nhận 420 hồ sơ.")  # fmt: skip
    assert draft.statistics["ho_so_tiep_nhan"]["value"] == "420"


def cite(text: str, year: int | None = 2024) -> list[tuple[str, dt.date | None, bool, bool]]:
    found = find_citations(FlatText(tuple(text.split("\n"))), COMMUNE, year=year)
    return [(c.number.symbol, c.date, c.own, c.date_assumed) for c in found]


def test_a_date_after_the_issuer() -> None:
    assert cite("Quyết định số 12/QĐ-UBND của UBND tỉnh Thừa Thiên Huế ngày 05/02/2024 về …") == [
        ("12/QĐ-UBND", dt.date(2024, 2, 5), False, False)]  # fmt: skip


def test_a_date_before_the_issuer_and_title() -> None:
    assert cite("Ngày 06/01/2023, UBND xã Quảng An đã có Quyết định số 04/QĐ-UBND về việc …") == [
        ("04/QĐ-UBND", dt.date(2023, 1, 6), True, False)]  # fmt: skip
    # a date that belongs to an earlier citation is not taken
    assert cite("Căn cứ Kế hoạch số 5/KH-UBND ngày 01/01/2020 của UBND huyện, UBND xã ban hành "
                "Kế hoạch số 9/KH-UBND.")[1] == ("9/KH-UBND", None, True, False)  # fmt: skip


def test_a_date_without_a_year_takes_the_reports_and_is_flagged(tmp_path: Path) -> None:
    assert cite("Thực hiện Công văn số 15/UBND-VP ngày 20/11 của UBND huyện.") == [
        ("15/UBND-VP", dt.date(2024, 11, 20), False, True)]  # fmt: skip
    draft = draft_of(tmp_path, "Thực hiện Công văn số 15/UBND-VP ngày 20/11 của UBND huyện.")
    assert any(
        w.startswith("15/UBND-VP (dòng 1): ngày ban hành không ghi năm") for w in draft.warnings
    )


def test_an_undated_citation_is_kept_with_an_empty_date(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "Thực hiện Nghị quyết số 214/NQ-CP của Chính phủ.")
    assert [(r["number"], r["date"], r["issuer"]) for r in draft.undated] == [
        ("214/NQ-CP", "", "Chính phủ")]  # fmt: skip
    assert any("214/NQ-CP (dòng 1): báo cáo không ghi ngày ban hành" in w for w in draft.warnings)


def test_against_a_bundle_any_of_several_reported_values_agrees() -> None:
    from cchc_index.extract.crosscheck import cross_check
    from cchc_index.extract.report import extract_report
    from cchc_index.model.bundle import Bundle, Profile, Statistic

    extraction = extract_report(SEEDS / "002_25fbc4818a50f3ff.txt")

    def differs(value: str) -> list[str]:
        bundle = Bundle(
            profile=Profile(
                name="UBND huyện Nga Sơn", level="huyện", province="Thanh Hóa", year=2018
            ),
            documents=(),
            statistics={"ho_so_tiep_nhan": Statistic.model_validate(value)},
        )
        return [f.message for f in cross_check(extraction, bundle)
                if f.kind == "statistic_differs"]  # fmt: skip

    assert differs("3.192") == [] and differs("31.724") == []
    assert differs("5") == ["ho_so_tiep_nhan: báo cáo ghi 31.724 (dòng 86), statistics.yaml ghi 5"]
