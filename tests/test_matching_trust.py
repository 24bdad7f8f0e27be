"""Matching a reviewer would agree with: excluded subjects, `for` links, and the rows that were
considered and why each did not count."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_index.load.rules import load_framework
from cchc_index.model.bundle import Bundle, Document, Profile
from cchc_index.model.framework import DocumentProduct, Framework
from cchc_index.scoring.matching import EvidenceIndex

ROOT = Path(__file__).resolve().parent.parent
BIN = str(Path(sys.executable).with_name("cchc-index"))
SAMPLE = ROOT / "evidence" / "quang-an-2020"
RULES = ROOT / "rules" / "hue-xa-2020"
FRAMEWORK = load_framework(RULES).framework


def cchc(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BIN, *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def without_annual_plan(tmp_path: Path) -> Path:
    bundle = tmp_path / "b"
    shutil.copytree(SAMPLE, bundle)
    table = bundle / "documents.csv"
    rows = table.read_text(encoding="utf-8").splitlines(keepends=True)
    table.write_text("".join(r for r in rows if not r.startswith("452/KH")), encoding="utf-8")
    return bundle


def test_without_the_annual_plan_1_1_1_is_missing_and_json_says_why(tmp_path: Path) -> None:
    bundle = without_annual_plan(tmp_path)
    run = cchc("score", bundle, "--format", "json")
    assert run.returncode == 0, run.stderr
    leaf = next(x for x in json.loads(run.stdout)["leaves"] if x["id"] == "1.1.1")
    assert leaf["status"] == "thiếu minh chứng" and leaf["points"] == "0"
    why = {c["row"]: (c["why"], c["value"]) for c in leaf["considered"]}
    assert why["472/KH-UBND (16/12/2019)"] == ("excluded", "tuyên truyền")
    assert why["482/KH-UBND (19/12/2019)"] == ("excluded", "kiểm tra")
    assert why["133/KH-UBND (27/12/2019)"][0] == "issuer"
    place = next(c["where"] for c in leaf["considered"] if c["row"].startswith("472/"))
    assert place.endswith("documents.csv:6")


def test_explain_names_the_propaganda_plan_and_why(tmp_path: Path) -> None:
    bundle = without_annual_plan(tmp_path)
    run = cchc("explain", "1.1.1", "--rules", RULES, bundle)
    assert run.returncode == 0, run.stderr
    assert "thiếu minh chứng" in run.stdout
    line = next(x for x in run.stdout.splitlines() if "472/KH-UBND" in x)
    assert "tuyên truyền" in line and "bị loại trừ" in line and "documents.csv:6" in line
    english = cchc("explain", "1.1.1", "--rules", RULES, bundle, "--lang", "en")
    assert "the subject has 'tuyên truyền'" in english.stdout


def test_with_the_annual_plan_1_1_1_is_met_by_it() -> None:
    run = cchc("score", SAMPLE, "--format", "json")
    leaf = next(x for x in json.loads(run.stdout)["leaves"] if x["id"] == "1.1.1")
    assert leaf["status"] == "đạt" and leaf["evidence"] == ["452/KH-UBND (04/12/2019)"]


def test_an_explicit_for_link_wins_over_keywords(tmp_path: Path) -> None:
    bundle = without_annual_plan(tmp_path)
    with (bundle / "documents.csv").open("a", encoding="utf-8") as table:
        table.write("460/KH-UBND,05/12/2019,KH,,Kế hoạch công tác năm 2020,,,1.1.1,\n")
    run = cchc("score", bundle, "--format", "json")
    leaf = next(x for x in json.loads(run.stdout)["leaves"] if x["id"] == "1.1.1")
    assert leaf["status"] == "đạt" and leaf["evidence"] == ["460/KH-UBND (05/12/2019)"]


def test_an_unknown_for_id_is_a_located_error_with_a_hint(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(SAMPLE, bundle)
    table = bundle / "documents.csv"
    table.write_text(
        table.read_text(encoding="utf-8").replace(",,1.1.1,", ",,1.1.11,"), encoding="utf-8"
    )
    run = cchc("score", bundle)
    assert run.returncode == 4
    assert "documents.csv:4:8: cột 'for' ghi mục '1.1.11' không có trong bộ chỉ số" in run.stderr
    assert "có phải ý bạn là" in run.stderr and "1.1.1" in run.stderr


def test_an_implausible_date_is_a_located_warning(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(SAMPLE, bundle)
    table = bundle / "documents.csv"
    table.write_text(
        table.read_text(encoding="utf-8").replace(
            "472/KH-UBND,16/12/2019", "472/KH-UBND,16/12/1899"
        ),
        encoding="utf-8",
    )
    run = cchc("score", bundle)
    assert run.returncode == 0
    assert "cảnh báo: " in run.stderr and "documents.csv:7:2: ngày 16/12/1899" in run.stderr


PLAN = next(
    p
    for _, _, leaf in FRAMEWORK.leaves()
    if leaf.id == "1.1.1"
    for p in leaf.evidence
    if isinstance(p, DocumentProduct)
)
SUBJECTS = [
    "Kế hoạch cải cách hành chính năm 2020",
    "Tuyên truyền cải cách hành chính năm 2020",
    "Tự kiểm tra cải cách hành chính năm 2020",
    "Kiểm tra công tác cải cách hành chính",
    "Kế hoạch công tác năm 2020",
]


@given(
    st.lists(
        st.tuples(st.sampled_from(SUBJECTS), st.integers(1, 300), st.booleans()),
        min_size=1,
        max_size=8,
        unique_by=lambda row: row[1],  # one number, one document: labels name rows
    ),
    st.data(),
)
def test_removing_the_only_satisfying_document_never_credits_an_excluded_one(
    rows: list[tuple[str, int, bool]], data: st.DataObject
) -> None:
    docs = [
        Document.model_validate(
            {
                "number": f"{n}/KH-UBND",
                "date": "10/12/2019",
                "subject": subject,
                "for": "1.1.1" if linked else "",
            }
        )
        for subject, n, linked in rows
    ]
    profile = Profile(name="UBND xã Quảng An", level="xã", province="Huế", year=2020)
    match = EvidenceIndex(Bundle(profile=profile, documents=tuple(docs))).match(PLAN, "1.1.1")
    satisfying = [d for d in docs if d.label() in match.items]
    if not satisfying:
        return
    gone = data.draw(st.sampled_from(satisfying))
    rest = tuple(d for d in docs if d.number.key != gone.number.key)
    again = EvidenceIndex(Bundle(profile=profile, documents=rest)).match(PLAN, "1.1.1")
    for doc in rest:
        if doc.label() in again.items and node_not_linked(doc):
            subject = (doc.subject or "").casefold()
            assert not any(word in subject for word in PLAN.subject_excludes), doc


def node_not_linked(doc: Document) -> bool:
    return "1.1.1" not in doc.for_


def _two_plans_node() -> Framework:
    """One node asking for two plans that read alike (all_of), as a framework might."""
    from cchc_index.model.framework import Area, Meta

    meta = Meta.model_validate(
        {
            "id": "hai-ke-hoach",
            "title": "Thử",
            "decision": {"number": "1/QĐ-UBND", "issuer": "UBND tỉnh"},
            "level": "xã",
            "province": "Thử",
            "year": 2024,
            "bands": [{"name": "Tốt", "min_percent": 0}],
            "rounding_step": "0.25",
            "provenance": {"source": "kiểm thử"},
        }
    )
    plan = {"type": "document", "title": "Kế hoạch", "doc_kind": "KH", "subject": ["cải cách"]}
    area = Area.model_validate(
        {
            "id": "1",
            "title": "Lĩnh vực",
            "points": 1,
            "provenance": {"source": "kiểm thử"},
            "criteria": [
                {
                    "id": "1.1",
                    "title": "Hai kế hoạch",
                    "points": 1,
                    "evidence": [{**plan, "id": "p"}, {**plan, "id": "q"}],
                    "method": {"type": "all_of", "products": ["p", "q"]},
                    "provenance": {"source": "kiểm thử"},
                }
            ],
        }
    )
    return Framework(meta=meta, areas=(area,))


def _unit(*numbers: str, node: str = "") -> Bundle:
    from cchc_index.model.bundle import Document, Profile

    documents = tuple(
        Document.model_validate(
            {
                "number": n,
                "date": "10/01/2024",
                "subject": "Kế hoạch cải cách hành chính",
                "for": node,
            }
        )
        for n in numbers
    )
    profile = Profile(name="UBND xã Thử", level="xã", province="Thử", year=2024)
    return Bundle(profile=profile, documents=documents)


@pytest.mark.parametrize("node", ["", "1.1"])
def test_one_document_never_answers_two_products_of_a_node(node: str) -> None:
    from cchc_index.scoring.evaluate import Scorer

    scorer = Scorer(_two_plans_node(), "reference")
    one = scorer.evaluate(_unit("5/KH-UBND", node=node)).leaves[0]
    assert one.points == 0 and one.missing == ("q",)  # with or without a `for` link
    two = scorer.evaluate(_unit("5/KH-UBND", "6/KH-UBND", node=node)).leaves[0]
    assert two.points == 1 and two.evidence == ("5/KH-UBND (10/01/2024)", "6/KH-UBND (10/01/2024)")


@given(st.permutations([0, 1, 2]), st.sampled_from(["452/KH-UBND", "0452/KH-UBND", "452/kh-ubnd"]))
def test_a_number_and_date_count_once_whichever_rows_repeat_it(
    order: list[int], spelling: str
) -> None:
    """Rows repeating one document (its number spelled any way, the same date) count it once,
    and whether it counts does not depend on which row comes last: any row of it that
    matches makes it count."""
    rows = [
        {"number": "452/KH-UBND", "date": "10/12/2019", "subject": SUBJECTS[0]},
        {"number": spelling, "date": "10/12/2019", "subject": "Kế hoạch công tác năm 2020"},
        {"number": "452/KH-UBND", "date": "10/12/2019", "subject": SUBJECTS[0]},
    ]
    docs = tuple(Document.model_validate(rows[i]) for i in order)
    profile = Profile(name="UBND xã Quảng An", level="xã", province="Huế", year=2020)
    match = EvidenceIndex(Bundle(profile=profile, documents=docs)).match(PLAN, "1.1.1")
    assert match.present and match.count == 1
    assert match.items == ("452/KH-UBND (10/12/2019)",)
