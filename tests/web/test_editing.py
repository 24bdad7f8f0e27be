"""Editing through the forms (test client, no browser): same checks and messages as the
command line, NFC text, stale pages refused, errors keep what was typed, files intact."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from cchc_index.errors import CchcError
from cchc_index.load.bundle import load_bundle
from cchc_index.web.tables import parse_table
from tests.web.helpers import BUNDLE, PLAN, client, hidden, served_copy, snapshot, status_of

DOCS = f"/u/{BUNDLE}/r/documents"


@pytest.fixture
def served(tmp_path: Path) -> Path:
    return served_copy(tmp_path)


def _form(web: TestClient, url: str) -> dict[str, str]:
    page = web.get(url).text
    return {"csrf": hidden(page, "csrf"), "base": hidden(page, "base")}


def _rows(served: Path, name: str = "documents") -> list[dict[str, str]]:
    text = (served / BUNDLE / f"{name}.csv").read_text(encoding="utf-8")
    return parse_table(text, name).records()


def test_adding_the_plan_turns_1_1_1_from_missing_to_met(served: Path) -> None:
    web = client(served)
    assert status_of(web.get(f"/u/{BUNDLE}/").text, "1.1.1") == "thiếu minh chứng"
    answer = web.post(DOCS, data={**_form(web, DOCS), **PLAN}, follow_redirects=False)
    assert answer.status_code == 303
    page = web.get(answer.headers["location"]).text
    assert "1.1.1" in page and "thiếu minh chứng (0) → <strong>đạt</strong> (0,5)" in page
    assert "Tổng điểm: 1,5 → <strong>2</strong>" in page
    assert status_of(web.get(f"/u/{BUNDLE}/").text, "1.1.1") == "đạt"
    assert _rows(served)[-1]["number"] == "452/KH-UBND"
    load_bundle(served / BUNDLE)  # the command line reads what the page wrote


def test_an_invalid_row_is_refused_with_the_loaders_message_next_to_the_field(
    served: Path,
) -> None:
    web = client(served)
    before = snapshot(served)
    typed = {**PLAN, "date": "31/02/2020", "subject": "Kế hoạch cải cách hành chính"}
    answer = web.post(DOCS, data={**_form(web, DOCS), **typed})
    assert answer.status_code == 422
    # the very message `cchc-index score` prints for this row
    table = served / BUNDLE / "documents.csv"
    table.write_text(table.read_text("utf-8") + "452/KH-UBND,31/02/2020,,,x,,,,\n", "utf-8")
    with pytest.raises(CchcError) as cli:
        load_bundle(served / BUNDLE)
    message = cli.value.problems[0].message
    assert f'id="f-documents-date-err">{escape(message)}' in answer.text
    assert 'aria-invalid="true"' in answer.text
    for value in typed.values():  # the form keeps what was typed
        assert str(escape(value)) in answer.text
    table.write_bytes(before["quang-an-2020/documents.csv"])
    assert snapshot(served) == before


def test_a_kind_that_contradicts_the_number_is_refused(served: Path) -> None:
    web = client(served)
    answer = web.post(DOCS, data={**_form(web, DOCS), **PLAN, "kind": "QĐ"})
    assert answer.status_code == 422
    assert "loại &#39;QĐ&#39; khác loại trong số ký hiệu 452/KH-UBND" in answer.text


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_vietnamese_typed_composed_or_decomposed_is_stored_as_nfc(served: Path, form: str) -> None:
    web = client(served)
    subject = "Kế hoạch cải cách hành chính năm 2020 của Ủy ban nhân dân xã Quảng An"
    sent = unicodedata.normalize(form, subject)
    answer = web.post(DOCS, data={**_form(web, DOCS), **PLAN, "subject": sent})
    assert answer.status_code == 200  # followed the redirect
    raw = (served / BUNDLE / "documents.csv").read_bytes()
    assert subject.encode("utf-8") in raw
    assert unicodedata.normalize("NFD", subject).encode("utf-8") not in raw


def test_vietnamese_numbers_are_accepted(served: Path) -> None:
    web = client(served)
    url = f"/u/{BUNDLE}/r/statistics"
    values = {"name": "ho_so_da_giai_quyet", "value": "2.291", "last_year": "", "source": "báo cáo"}
    answer = web.post(url, data={**_form(web, url), **values}, follow_redirects=False)
    assert answer.status_code == 303
    bundle = load_bundle(served / BUNDLE)
    assert str(bundle.statistics["ho_so_da_giai_quyet"].value) == "2291"
    text = (served / BUNDLE / "statistics.yaml").read_text("utf-8")
    assert "# 1.4.2: 218 tin, bài năm 2020" in text  # the comments people wrote are kept


def test_a_stale_page_is_refused_with_the_current_values_and_nothing_lost(served: Path) -> None:
    web = client(served)
    url = f"{DOCS}/0/edit"
    first, second = _form(web, url), _form(web, url)  # two tabs on the same row
    row = _rows(served)[0]
    edited = {k: row[k] for k in ("number", "date", "kind", "issuer", "subject", "for", "note")}
    one = web.post(f"{DOCS}/0", data={**first, **edited, "note": "sửa ở thẻ thứ nhất"})
    assert one.status_code == 200
    after_first = snapshot(served)
    two = web.post(f"{DOCS}/0", data={**second, **edited, "note": "sửa ở thẻ thứ hai"})
    assert two.status_code == 409
    assert snapshot(served) == after_first
    assert "sửa ở thẻ thứ nhất" in two.text  # the current value, in the form
    assert "sửa ở thẻ thứ hai" in two.text  # and what was typed, shown beside it
    assert _rows(served)[0]["note"] == "sửa ở thẻ thứ nhất"


def test_a_file_changed_by_hand_makes_the_page_stale(served: Path) -> None:
    web = client(served)
    form = _form(web, DOCS)
    table = served / BUNDLE / "documents.csv"
    table.write_text(
        table.read_text("utf-8") + "1/KH-UBND,02/01/2020,,,Sửa bằng Excel,,,,\n", "utf-8"
    )
    answer = web.post(DOCS, data={**form, **PLAN})
    assert answer.status_code == 409
    assert "Sửa bằng Excel" in table.read_text("utf-8")
    assert "452/KH-UBND" not in table.read_text("utf-8")
    # the refusal keeps what was typed, on the current version: sending it again adds the row
    again = {"csrf": hidden(answer.text, "csrf"), "base": hidden(answer.text, "base"), **PLAN}
    assert hidden(answer.text, "number") == PLAN["number"]
    assert web.post(DOCS, data=again, follow_redirects=False).status_code == 303
    assert "Sửa bằng Excel" in table.read_text("utf-8")
    assert "452/KH-UBND" in table.read_text("utf-8")


def test_edit_and_delete_a_row(served: Path) -> None:
    web = client(served)
    count = len(_rows(served))
    answer = web.post(f"{DOCS}/1/delete", data=_form(web, DOCS), follow_redirects=False)
    assert answer.status_code == 303
    assert len(_rows(served)) == count - 1


def test_upload_records_the_file_with_its_sha256_under_a_safe_name(served: Path) -> None:
    web = client(served)
    data = b"%PDF-1.4\n% ke hoach\n"
    files = {"upload": ("../../Kế hoạch CCHC 2020 (bản ký số).pdf", data, "application/pdf")}
    answer = web.post(DOCS, data={**_form(web, DOCS), **PLAN}, files=files, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    row = _rows(served)[-1]
    assert row["file"] == "van-ban/Ke-hoach-CCHC-2020-ban-ky-so.pdf"
    assert row["sha256"] == hashlib.sha256(data).hexdigest()
    assert (served / BUNDLE / row["file"]).read_bytes() == data
    assert not (served.parent / "Kế hoạch CCHC 2020 (bản ký số).pdf").exists()
    load_bundle(served / BUNDLE)  # the sha256 checks out for the command line too


def test_an_upload_with_a_refused_row_writes_no_file(served: Path) -> None:
    web = client(served)
    before = snapshot(served)
    files = {"upload": ("kh.pdf", b"%PDF-1.4\n", "application/pdf")}
    answer = web.post(DOCS, data={**_form(web, DOCS), **PLAN, "date": "hôm qua"}, files=files)
    assert answer.status_code == 422
    assert snapshot(served) == before


def test_declarations_add_a_not_applicable_claim_only_where_allowed(served: Path) -> None:
    web = client(served)
    url = f"/u/{BUNDLE}/r/not_applicable"
    answer = web.post(url, data={**_form(web, url), "node": "1.1.1", "reason": "Không có"})
    assert answer.status_code == 422
    assert "không cho phép khai mục" in answer.text


def test_a_qualitative_self_assessment_is_saved(served: Path) -> None:
    web = client(served)
    url = f"/u/{BUNDLE}/r/qualitative/0/edit"
    form = _form(web, url)
    values = {"node": "3.2.2", "result": "đạt", "explanation": "Đã niêm yết đầy đủ."}
    answer = web.post(
        f"/u/{BUNDLE}/r/qualitative/0", data={**form, **values}, follow_redirects=False
    )
    assert answer.status_code == 303
    bundle = load_bundle(served / BUNDLE)
    assert bundle.declarations.qualitative[0].explanation == "Đã niêm yết đầy đủ."
    text = (served / BUNDLE / "declarations.yaml").read_text("utf-8")
    assert text.startswith("# Tự đánh giá các tiêu chí định tính")


@pytest.mark.parametrize(
    ("kind", "key"),
    [
        ("documents", "0"),
        ("links", "0"),
        ("photos", "0"),
        ("statistics", "tin_cchc"),
        ("qualitative", "0"),
    ],
)
def test_delete_one_record_of_each_kind(served: Path, kind: str, key: str) -> None:
    web = client(served)
    url = f"/u/{BUNDLE}/r/{kind}"
    page = web.get(url).text
    count = page.count("/delete")
    form = {"csrf": hidden(page, "csrf"), "base": hidden(page, "base")}
    answer = web.post(f"{url}/{key}/delete", data=form, follow_redirects=False)
    assert answer.status_code == 303
    assert web.get(url).text.count("/delete") == count - 1
    load_bundle(served / BUNDLE)
    again = web.post(
        f"{url}/{key}/delete", data={**form, "base": hidden(web.get(url).text, "base")}
    )
    if kind == "statistics":  # gone: the page says the file changed under it, nothing written
        assert again.status_code == 409


def test_renaming_a_statistic_moves_its_value(served: Path) -> None:
    web = client(served)
    url = f"/u/{BUNDLE}/r/statistics"
    form = _form(web, f"{url}/ho_so_tiep_nhan/edit")
    unknown = {
        "name": "ho_so_da_tiep_nhan",
        "value": "2.299",
        "last_year": "",
        "source": "dòng 102",
    }
    refused = web.post(f"{url}/ho_so_tiep_nhan", data={**form, **unknown})
    assert refused.status_code == 422
    assert (
        'id="f-statistics-name-err">biến &#39;ho_so_da_tiep_nhan&#39; không có trong bộ chỉ số'
        in refused.text
    )
    values = {**unknown, "name": "ho_so_da_giai_quyet"}
    answer = web.post(f"{url}/ho_so_tiep_nhan", data={**form, **values}, follow_redirects=False)
    assert answer.status_code == 303
    stats = load_bundle(served / BUNDLE).statistics
    assert "ho_so_tiep_nhan" not in stats and str(stats["ho_so_da_giai_quyet"].value) == "2299"
    text = (served / BUNDLE / "statistics.yaml").read_text("utf-8")
    comment = text.index('# "Trong 9 tháng đầu năm 2020, đã có 2299 hồ sơ')
    assert text.index("ho_so_da_giai_quyet:") > comment > text.index("tin_cong_khai_tien_do:")
    assert text.index("ho_so_da_giai_quyet:") < text.index("ho_so_tre_han:")  # in place
