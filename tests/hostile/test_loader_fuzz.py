"""Hypothesis fuzzing of the rule and bundle loaders through the command line: whatever a
file holds, the command exits with a documented code (never 5), with no traceback and no
English library text in the Vietnamese interface."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.cli.main import cli
from cchc_index.i18n import set_lang

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "evidence" / "quang-an-2020"
RULES = ROOT / "rules" / "hue-xa-2020"
RULE_FILES = sorted(p.name for p in RULES.glob("*.yaml"))
BUNDLE_FILES = [
    "profile.yaml",
    "documents.csv",
    "statistics.yaml",
    "links.csv",
    "declarations.yaml",
]
PIECES = st.sampled_from(
    [
        ":",
        "- ",
        "{",
        "}",
        "[",
        "]",
        '"',
        "'",
        ",",
        "\n",
        "  ",
        "\t",
        "&a ",
        "*a",
        "!!str ",
        "1e30",
        "inf",
        ".nan",
        "-1",
        "0.0000001",
        "29/02 năm trước",
        "31/13",
        "at_most: a",
        "type: ",
        "points: ",
        "deadline: ",
        "id: ",
        "\ufeff",
        "\x1b",
        "о",
        "٣",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "? ",
        "|\n",
        ">\n",
        "#",
        "~",
        "null",
        "true",
    ]
)
EDITS = st.lists(
    st.tuples(
        st.integers(0, 10_000), st.integers(0, 40), st.lists(PIECES, max_size=6).map("".join)
    ),
    min_size=1,
    max_size=4,
)
ENGLISH = (
    "Traceback",
    "Error:",
    "Input should",
    "Field required",
    "could not",
    "found character",
    "while parsing",
    "mapping values",
    "invalid literal",
    "ValueError",
    "KeyError",
    "TypeError",
    "InvalidOperation",
)


def _edit(text: str, edits: list[tuple[int, int, str]]) -> str:
    for at, cut, piece in edits:
        i = at % (len(text) + 1)
        text = text[:i] + piece + text[i + cut :]
    return text


def _check(args: list[str], allowed: set[int]) -> None:
    set_lang("vi")
    result = CliRunner().invoke(cli, args)
    out = result.output
    assert result.exit_code in allowed, out[-2000:]
    assert "Lỗi nội bộ" not in out
    assert not [p for p in ENGLISH if p in out], out[-2000:]


@settings(max_examples=120)
@given(st.sampled_from(RULE_FILES), EDITS)
def test_a_mangled_rule_file_is_refused_or_valid(
    name: str, edits: list[tuple[int, int, str]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rules = Path(tmp) / "r"
        shutil.copytree(RULES, rules)
        target = rules / name
        target.write_text(_edit(target.read_text(encoding="utf-8"), edits), encoding="utf-8")
        _check(["validate", str(rules)], {0, 3})
        _check(["score", str(SAMPLE), "--rules", str(rules)], {0, 3, 4})


@settings(max_examples=120)
@given(st.sampled_from(BUNDLE_FILES), EDITS)
def test_a_mangled_bundle_file_is_refused_or_scored(
    name: str, edits: list[tuple[int, int, str]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "b"
        shutil.copytree(SAMPLE, bundle)
        target = bundle / name
        target.write_text(_edit(target.read_text(encoding="utf-8"), edits), encoding="utf-8")
        _check(["score", str(bundle), "--rules", str(RULES), "--format", "json"], {0, 4})
        _check(["explain", "1.1.1", "--rules", str(RULES), str(bundle)], {0, 4})
