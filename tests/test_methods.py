"""Every scoring method owns all of its knowledge; a new one is one class and one registry line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Literal

import pytest
import yaml
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.i18n import using
from cchc_index.methods.base import Cond, Facts, MethodBase, Metric, Ref, Said, Tier
from cchc_index.methods.registry import METHODS, name_of, register, unregister

VIETNAMESE = re.compile(
    r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I
)


@pytest.mark.parametrize("method", METHODS, ids=name_of)
def test_a_method_owns_all_its_words(method: type[MethodBase]) -> None:
    """Summary, metric name and sentence in both languages; its own derive, tiers, sentence."""
    for pair in (method.SUMMARY, method.METRIC):
        vi, en = pair
        assert vi and en and vi != en
        assert VIETNAMESE.search(vi) and not VIETNAMESE.search(en)
    for member in ("derive", "tiers", "sentence"):
        assert getattr(method, member) is not getattr(MethodBase, member), member
    said = Said({"count": "3", "days_late": "0", "explanation": "x"}, Decimal("0.5"))
    with using("vi"):
        vi = method.sentence(said)
    with using("en"):
        en = method.sentence(said)
    assert vi and en and vi != en and not VIETNAMESE.search(en)


def test_the_registry_is_one_list_of_distinct_names() -> None:
    names = [name_of(m) for m in METHODS]
    assert len(names) == len(set(names)) == 14


class DoubleCheck(MethodBase):
    """A method written in a test: two products, each present is half the points."""

    type: Literal["double_check"]
    first: str
    second: str

    SUMMARY = (
        "Mỗi sản phẩm có được một nửa số điểm.",
        "Each product present earns half the points.",
    )
    METRIC = ("số sản phẩm có", "products present")

    def references(self) -> tuple[Ref, ...]:
        return (Ref(("first",), self.first, "product"), Ref(("second",), self.second, "product"))

    def derive(self, facts: Facts, max_points: Decimal, step: Decimal) -> Metric:
        found = sum(facts.product(p).present for p in (self.first, self.second))
        return Metric(Decimal(found), detail={"found": str(found)})

    def tiers(self, max_points: Decimal) -> tuple[Tier, ...]:
        return (
            Tier((Cond(">=", Decimal(2)),), max_points),
            Tier((Cond(">=", Decimal(1)), Cond("<", Decimal(2))), max_points / 2),
        )

    @classmethod
    def sentence(cls, said: Said) -> str:
        found = said.detail.get("found")
        return (
            f"Có {found}/2 sản phẩm kép." if not _english() else f"Double check: {found}/2 present."
        )


def _english() -> bool:
    from cchc_index.i18n import lang

    return lang() == "en"


@pytest.fixture
def double_check() -> Iterator[None]:
    register(DoubleCheck)
    yield
    unregister(DoubleCheck)


def _framework(folder: Path) -> None:
    folder.mkdir()
    (folder / "framework.yaml").write_text(
        yaml.safe_dump(
            {
                "id": "thu-phuong-phap",
                "title": "Bộ chỉ số thử một phương pháp mới",
                "decision": {"number": "1/QĐ-UBND", "issuer": "UBND tỉnh"},
                "level": "xã",
                "province": "Thử",
                "year": 2024,
                "bands": [{"name": "Tốt", "min_percent": 50}, {"name": "Yếu", "min_percent": 0}],
                "rounding_step": "0.25",
                "provenance": {"source": "kiểm thử", "illustrative": ["points"]},
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    doc = {"type": "document", "doc_kind": "KH", "issuer": "self"}
    (folder / "1.yaml").write_text(
        yaml.safe_dump(
            {
                "id": "1",
                "title": "Lĩnh vực",
                "points": 1,
                "provenance": {"source": "kiểm thử"},
                "criteria": [
                    {
                        "id": "1.1",
                        "title": "Kế hoạch kép",
                        "points": 1,
                        "evidence": [
                            {**doc, "id": "a", "title": "Kế hoạch A", "subject": ["cải cách"]},
                            {**doc, "id": "b", "title": "Kế hoạch B", "subject": ["kiểm tra"]},
                        ],
                        "method": {"type": "double_check", "first": "a", "second": "b"},
                        "provenance": {"source": "kiểm thử"},
                    }
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )


def _bundle(folder: Path) -> None:
    folder.mkdir()
    (folder / "profile.yaml").write_text(
        "name: UBND xã Thử\nlevel: xã\nprovince: Thử\nyear: 2024\nframework: thu-phuong-phap\n",
        encoding="utf-8",
    )
    (folder / "documents.csv").write_text(
        "number,date,subject\n5/KH-UBND,10/01/2024,Kế hoạch cải cách hành chính năm 2024\n"
        "9/KH-UBND,12/02/2024,Kế hoạch kiểm tra công vụ năm 2024\n",
        encoding="utf-8",
    )


@pytest.mark.usefixtures("double_check")
def test_a_method_defined_in_a_test_scores_and_explains_in_both_languages(tmp_path: Path) -> None:
    rules, unit = tmp_path / "thu-phuong-phap", tmp_path / "don-vi"
    _framework(rules)
    _bundle(unit)
    runner = CliRunner()
    assert runner.invoke(cli, ["validate", str(rules)]).exit_code == 0
    vi = runner.invoke(cli, ["score", str(unit), "--rules", str(rules), "--format", "json"])
    assert vi.exit_code == 0, vi.output
    assert '"points": "1"' in vi.output and "Có 2/2 sản phẩm kép." in vi.output
    en = runner.invoke(cli, ["--lang", "en", "score", str(unit), "--rules", str(rules)])
    assert "Double check: 2/2 present." in en.output
    for lang, summary, metric in (
        ("vi", "Mỗi sản phẩm có được một nửa số điểm.", "số sản phẩm có ≥ 2: 1"),
        ("en", "Each product present earns half the points.", "products present ≥ 2: 1"),
    ):
        out = runner.invoke(
            cli, ["--lang", lang, "explain", "1.1", "--rules", str(rules), str(unit)]
        )
        assert out.exit_code == 0, out.output
        assert summary in out.output and metric in out.output


@pytest.mark.usefixtures("double_check")
def test_a_registered_method_references_are_checked(tmp_path: Path) -> None:
    rules = tmp_path / "thu-phuong-phap"
    _framework(rules)
    area = rules / "1.yaml"
    area.write_text(area.read_text(encoding="utf-8").replace("second: b", "second: bb"))
    out = CliRunner().invoke(cli, ["validate", str(rules)])
    assert (
        out.exit_code == 3 and "'bb'" in out.output and "[criteria.0.method.second]" in out.output
    )


def test_an_unknown_method_is_refused_with_the_vocabulary(tmp_path: Path) -> None:
    rules = tmp_path / "thu-phuong-phap"
    _framework(rules)  # double_check is not registered here
    out = CliRunner().invoke(cli, ["validate", str(rules)])
    assert out.exit_code == 3 and "double_check" in out.output and "presence" in out.output
