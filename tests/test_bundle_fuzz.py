"""Never crash on user input: whatever a bundle's files hold, loading it either succeeds or
raises an EvidenceError that names a file and line."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.errors import EvidenceError
from cchc_index.load.against import check_against
from cchc_index.load.bundle import load_bundle, read_bundle
from cchc_index.load.rules import load_framework

from conftest import ROOT

SAMPLE = ROOT / "evidence" / "quang-an-2020"
FRAMEWORK = load_framework(ROOT / "rules" / "hue-xa-2020").framework
FILES = [
    "profile.yaml",
    "documents.csv",
    "statistics.yaml",
    "links.csv",
    "photos.csv",
    "declarations.yaml",
]
PIECES = st.sampled_from(
    [
        "452/KH-UBND",
        "31/02/2020",
        "ngày 4/12/2019",
        "-3",
        "31.724",
        "84,09%",
        "../x",
        ":",
        "- ",
        "{",
        "[",
        '"',
        ",",
        "\n",
        "  ",
        "đạt",
        "for",
        "value",
        "year: 2020",
        "\ufeff",
        "\x00",
        "é",
    ]
)
TEXT = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=40).map("".join))


@settings(max_examples=150)
@given(st.sampled_from(FILES), TEXT, st.booleans())
def test_any_file_content_gives_a_located_error_or_a_bundle(
    name: str, text: str, append: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "b"
        shutil.copytree(SAMPLE, bundle)
        target = bundle / name
        target.write_text(
            (target.read_text(encoding="utf-8") if append else "") + text,
            encoding="utf-8",
            errors="surrogatepass",
        )
        try:
            check_against(read_bundle(bundle), FRAMEWORK)
        except EvidenceError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.line >= 1 and problem.col >= 1
                assert Path(problem.path).name in {*FILES, "b"}


@given(st.binary(max_size=300))
def test_bytes_that_are_not_utf8(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "b"
        shutil.copytree(SAMPLE, bundle)
        (bundle / "documents.csv").write_bytes(data)
        try:
            load_bundle(bundle)
        except EvidenceError as exc:
            assert exc.problems
