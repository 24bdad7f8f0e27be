"""Documents an official would sign: the issuer of each kind of unit as NĐ 30/2020 prints it,
the appraised totals, explanations in words, the province's published ranking, PDF, and a
terminal table that fits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from rendering import fonts, pages, text

from cchc_index.cli.main import cli
from cchc_index.i18n import using
from cchc_index.methods.registry import METHODS
from cchc_index.model.bundle import Issuer
from cchc_index.model.framework import Decision
from cchc_index.report.issuer import cited, heading
from cchc_index.report.method_words import PARAMS, figure_words

ROOT = Path(__file__).resolve().parent.parent
QUANG_AN = ROOT / "evidence" / "quang-an-2020"
SO = ROOT / "evidence" / "so-mau" / "so-tu-phap-ca-mau-2013"
RULES = ROOT / "rules"


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--lang", "vi", *args], env=env)
    return result.exit_code, result.output


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


# --- who files: NĐ 30/2020 by level ------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "unit", "district", "year", "superior", "body", "symbol", "signature"),
    [
        (
            "xã",
            "UBND xã Quảng An",
            "Quảng Điền",
            2020,
            "UBND HUYỆN QUẢNG ĐIỀN",
            ("ỦY BAN NHÂN DÂN", "XÃ QUẢNG AN"),
            "UBND",
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ),
        (  # two tiers since 1 July 2025: the province is the superior
            "phường",
            "UBND phường Thuận Hóa",
            None,
            2025,
            "UBND THÀNH PHỐ HUẾ",
            ("ỦY BAN NHÂN DÂN", "PHƯỜNG THUẬN HÓA"),
            "UBND",
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ),
        (
            "sở",
            "Sở Nội vụ tỉnh Cà Mau",
            None,
            2013,
            "UBND TỈNH CÀ MAU",
            ("SỞ NỘI VỤ",),
            "SNV",
            ("GIÁM ĐỐC",),
        ),
        (
            "sở",
            "Sở Kế hoạch và Đầu tư tỉnh Cà Mau",
            None,
            2013,
            "UBND TỈNH CÀ MAU",
            ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ",),
            "SKHĐT",
            ("GIÁM ĐỐC",),
        ),
        (
            "huyện",
            "UBND huyện Xuân Lộc",
            "Xuân Lộc",
            2021,
            "UBND TỈNH ĐỒNG NAI",
            ("ỦY BAN NHÂN DÂN", "HUYỆN XUÂN LỘC"),
            "UBND",
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ),
    ],
)
def test_each_level_gets_its_own_header_symbol_and_signature(
    level: str,
    unit: str,
    district: str | None,
    year: int,
    superior: str,
    body: tuple[str, ...],
    symbol: str,
    signature: tuple[str, ...],
) -> None:
    province = {"Cà Mau": "Cà Mau"}.get("Cà Mau") if "Cà Mau" in unit else None
    province = province or ("Thành phố Huế" if level == "phường" else "Đồng Nai")
    found = heading(None, level, unit, province, district, year)
    assert found.superior == superior
    assert found.body == body  # the issuing body in full, never "UBND XÃ …"
    assert found.symbol == symbol and found.number_line == f"Số: …/BC-{symbol}"
    assert found.signature == signature
    # inside sentences the kind of unit stays in lower case
    assert all(not re.search(r"\b(Huyện|Xã|Phường) [A-ZĐ]", r) for r in found.recipients)


def test_a_profile_issuer_block_wins_over_the_defaults() -> None:
    given = Issuer(symbol="VPUB", signer="Phó Chủ tịch", on_behalf="KT. Chủ tịch", place="Huế")
    found = heading(given, "xã", "UBND xã Quảng An", "Thừa Thiên Huế", "Quảng Điền", 2020)
    assert found.symbol == "VPUB" and found.place == "Huế"
    assert found.signature == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert found.superior == "UBND HUYỆN QUẢNG ĐIỀN"  # what the block leaves out: the default


def test_the_guidance_is_cited_with_its_kind() -> None:
    with using("vi"):
        letter = Decision(number="1301/UBND", date="07/09/2020", issuer="UBND huyện Quảng Điền")
        assert cited(letter) == "Công văn số 1301/UBND ngày 07/09/2020 của UBND huyện Quảng Điền"
        decision = Decision(number="1880/QĐ-UBND", issuer="UBND tỉnh Cà Mau")
        assert cited(decision) == "Quyết định số 1880/QĐ-UBND của UBND tỉnh Cà Mau"
        blank = Decision(number="…/HD-SNV", issuer="Sở Nội vụ")
        assert cited(blank) == "…/HD-SNV của Sở Nội vụ"


def test_the_reports_of_a_commune_and_a_department_differ_as_nd30_says(tmp_path: Path) -> None:
    code, out = _run(
        "score", str(QUANG_AN), "--rules-dir", str(RULES), "-o", str(tmp_path / "x.docx")
    )
    assert code == 0, out
    commune = _docx_text(tmp_path / "x.docx")
    code, out = _run("score", str(SO), "--rules-dir", str(RULES), "-o", str(tmp_path / "s.docx"))
    assert code == 0, out
    department = _docx_text(tmp_path / "s.docx")
    assert "UBND HUYỆN QUẢNG ĐIỀN" in commune and "XÃ QUẢNG AN" in commune
    assert "UBND XÃ QUẢNG AN" not in commune  # the issuing body is never abbreviated
    assert "Số: …/BC-UBND" in commune and "TM. ỦY BAN NHÂN DÂN" in commune
    assert "Thực hiện Công văn số 1301/UBND ngày 07/09/2020" in commune
    assert "UBND Huyện" not in commune  # no `.title()` casing of the superior body
    assert "UBND TỈNH CÀ MAU" in department and "SỞ TƯ PHÁP" in department
    assert "Số: …/BC-STP" in department and "GIÁM ĐỐC" in department
    assert "ỦY BAN NHÂN DÂN" not in department and "BC-UBND" not in department
    assert "Thực hiện Quyết định số 1880/QĐ-UBND của UBND tỉnh Cà Mau" in department


def test_the_appraised_totals_and_the_titles_of_figures_are_in_the_report(tmp_path: Path) -> None:
    code, out = _run(
        "score", str(QUANG_AN), "--rules-dir", str(RULES), "-o", str(tmp_path / "x.docx")
    )
    assert code == 0, out
    filed = _docx_text(tmp_path / "x.docx")
    assert "TỔNG ĐIỂM CUỐI CÙNG (sau thẩm định): 1,75 / 7 (chỉ số 25,00%) — Yếu" in filed
    assert "Tổng điểm — thẩm định lần 1: 1,5 / 7 (chỉ số 21,43%) — Yếu" in filed
    assert "Số thư (phiếu) xin lỗi đã phát hành cho hồ sơ trễ hạn (thư): 03" in filed
    assert (
        "Điểm cuối cùng là điểm sau thẩm định lần 2 (Hội đồng thẩm định UBND huyện Quảng Điền, "
        "28/12/2020), thẩm định trên hồ sơ nộp lần 1 ngày 25/11/2020." in filed
    )
    assert not re.search(r"\b[a-z]+_[a-z_]+ = \d", filed)  # no variable id anywhere


def test_a_bundle_of_another_level_is_refused_with_the_level(tmp_path: Path) -> None:
    bundle = tmp_path / "so"
    bundle.mkdir()
    for name in ("profile.yaml", "documents.csv", "statistics.yaml"):
        (bundle / name).write_bytes((SO / name).read_bytes())
    profile = bundle / "profile.yaml"
    text_ = profile.read_text(encoding="utf-8")
    text_ = text_.replace("framework: ca-mau-2013", "framework: hue-xa-2020")
    profile.write_text(text_.replace("year: 2013", "year: 2020"), encoding="utf-8")
    (bundle / "statistics.yaml").write_text("", encoding="utf-8")
    code, out = _run("score", str(bundle), "--rules-dir", str(RULES))
    assert code == 4, out
    assert "đơn vị cấp 'sở' không chấm theo bộ chỉ số 'hue-xa-2020' của cấp 'xã'" in out
    assert "profile.yaml:" in out


# --- explanations in words --------------------------------------------------------------------


def test_every_parameter_of_every_method_has_words() -> None:
    for method in METHODS:
        for name in method.model_fields:
            if name != "type":
                assert name in PARAMS, f"{method.__name__}.{name} has no words in PARAMS"


def test_explain_says_the_rule_in_words_without_keys_or_ids() -> None:
    code, out = _run("explain", "3.5.4", "--rules", str(RULES / "hue-xa-2020"), str(QUANG_AN))
    assert code == 0, out
    for key in ("numerator", "denominator", "if_none", "bands", "ratio_bands", "pro_rata"):
        assert key not in out
    for word in ("statistic", "points", "method", "ho_so_tre_han", "thu_xin_loi"):
        assert word not in out
    assert "Tử số: Số thư (phiếu) xin lỗi đã phát hành cho hồ sơ trễ hạn (thư)" in out
    assert "Khi không phát sinh (mẫu số bằng 0): đủ điểm" in out
    assert "minh chứng: Số hồ sơ giải quyết trễ hạn (quá hạn) (hồ sơ): 03" in out
    code, english = _run("--lang", "en", "explain", "3.5.4", "--rules", str(RULES / "hue-xa-2020"))
    assert code == 0 and "Numerator:" in english and "(ratio_bands)" in english


def test_a_figure_is_named_by_its_title_in_official_number_form() -> None:
    titles = {"tin_cchc": "Số tin, bài", "ho_so": "Số hồ sơ"}
    with using("vi"):
        assert figure_words("ho_so = 3", titles) == "Số hồ sơ: 03"
        assert figure_words("ho_so = 31724", titles) == "Số hồ sơ: 31.724"
        assert (
            figure_words("tin_cchc = 218 (2019: 50)", titles) == "Số tin, bài: 218 (năm 2019: 50)"
        )
        assert figure_words("452/KH-UBND (04/12/2019)", titles) == "452/KH-UBND (04/12/2019)"
        assert figure_words("khac = 3", titles) == "khac = 3"  # unknown: left as it was
    with using("en"):
        assert figure_words("ho_so = 3", titles) == "Số hồ sơ: 3"


# --- the province's ranking -------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_batch_publishes_the_ranking(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"xep-hang{suffix}"
    code, said = _run(
        "batch",
        str(ROOT / "evidence" / "tinh-mau"),
        "--rules-dir",
        str(RULES),
        "-q",
        "-o",
        str(out),
    )
    assert code == 0, said
    shown = _docx_text(out) if suffix == ".docx" else out.read_text(encoding="utf-8")
    assert "Kết quả xác định Chỉ số cải cách hành chính năm 2020" in shown
    assert "Xếp loại Yếu: 24 đơn vị" in shown and "UBND xã Đông Lâm" in shown
    assert "lưu sẵn" not in shown
    if suffix == ".docx":
        assert "SỞ NỘI VỤ" in shown and "UBND TỈNH" in shown and "Số: …/TB-SNV" in shown
    else:
        assert 'data-band="Yếu" data-units="24"' in shown


def test_an_unknown_ranking_suffix_is_refused_before_any_unit_is_scored(tmp_path: Path) -> None:
    out = tmp_path / "x.unknown"
    code, said = _run(
        "batch", str(ROOT / "evidence" / "tinh-mau"), "--rules-dir", str(RULES), "-o", str(out)
    )
    assert code == 2 and ".docx" in said and ".pdf" in said
    assert not out.exists()


@pytest.mark.slow
def test_the_ranking_and_the_reports_convert_to_pdf(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    ranking = tmp_path / "xep-hang.pdf"
    code, said = _run(
        "batch",
        str(ROOT / "evidence" / "tinh-mau"),
        "--rules-dir",
        str(RULES),
        "-q",
        "-o",
        str(ranking),
    )
    assert code == 0, said
    found = pages(ranking)
    assert found and not found[0].landscape and found[-1].landscape
    assert all(embedded for _, embedded in fonts(ranking))
    assert "THÔNG BÁO" in text(ranking)
    for bundle, name in ((QUANG_AN, "quang-an.pdf"), (SO, "so.pdf")):
        pdf = tmp_path / name
        code, said = _run("score", str(bundle), "--rules-dir", str(RULES), "-o", str(pdf))
        assert code == 0, said
        assert all(embedded for _, embedded in fonts(pdf))
        laid = text(pdf)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in laid
    assert "TỔNG ĐIỂM CUỐI CÙNG" in text(tmp_path / "quang-an.pdf")
    assert "GIÁM ĐỐC" in text(tmp_path / "so.pdf")


# --- the terminal -----------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [100, 120])
def test_the_appraised_table_fits_the_terminal(columns: int) -> None:
    code, out = _run(
        "score", str(QUANG_AN), "--rules-dir", str(RULES), env={"COLUMNS": str(columns)}
    )
    assert code == 0, out
    assert max(len(line) for line in out.splitlines()) <= columns
    assert "Thẩm định lần 2 0,5" in out  # the layers folded under each other
    assert ("*" in out) == ("Lưu ý: *" in out)  # the legend only with its markers


def test_diff_of_two_framework_versions_says_each_parameter_old_to_new(tmp_path: Path) -> None:
    import shutil

    changed = tmp_path / "hue-xa-2020"
    shutil.copytree(RULES / "hue-xa-2020", changed)
    area = changed / "3-cai-cach-tthc.yaml"
    text_ = area.read_text(encoding="utf-8")
    start = text_.index('id: "3.5.4"')
    head, tail = text_[:start], text_[start:]
    tail = tail.replace("{points: 0, below: 100}", "{points: 0, below: 90}", 1)
    tail = tail.replace("{points: 0.5, at_least: 100}", "{points: 0.5, at_least: 90}", 1)
    tail = tail.replace("if_none: full", "if_none: zero", 1)
    area.write_text(head + tail, encoding="utf-8")
    code, out = _run("diff", str(RULES / "hue-xa-2020"), str(changed), "--format", "markdown")
    assert code == 1, out
    assert "Khi không phát sinh (mẫu số bằng 0): đủ điểm → 0 điểm" in out
    assert "các mức: < 100: 0; ≥ 100: 0,5 → < 90: 0; ≥ 90: 0,5" in out
    assert "tham số" not in out and "if_none" not in out
