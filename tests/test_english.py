"""`--lang en` output has no Vietnamese word that is not data (titles, subjects, names, notes).

Data is whatever the user's files say: the rule files, the evidence bundles, the report being
read. Every cell or line of the English output that is not a piece of that data is scanned for
Vietnamese letters; any left is interface text that escaped translation. (The terminal table
wraps cells mid-phrase, so `score` is scanned in its Markdown and CSV forms, which carry the same
words unwrapped.)
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import pytest
import yaml
from click.testing import CliRunner

from cchc_index.cli.main import cli

from conftest import ROOT

VIETNAMESE = re.compile(
    r"\w*[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]\w*", re.I
)
SAMPLE = "evidence/quang-an-2020"
REPORT = "tests/extract/seeds/001_fabfcb6c746946c4.txt"
COMMANDS = {
    "score-markdown": ["score", SAMPLE, "--format", "markdown"],
    "score-csv": ["score", SAMPLE, "--format", "csv"],
    "check": ["check", SAMPLE],
    "plan": ["plan", SAMPLE, "--to", "Khá", "--on", "01/10/2020"],
    "plan-late": ["plan", SAMPLE, "--to", "Khá", "--on", "01/12/2020"],
    "explain": ["explain", "3.5.4", "--rules", "rules/hue-xa-2020", SAMPLE],
    "explain-1.1.1": ["explain", "1.1.1", "--rules", "rules/hue-xa-2020", SAMPLE],
    "validate": ["validate", "rules/hue-xa-2020", "rules/ca-mau-2013"],
    "test": ["test", "rules/ca-mau-2013"],
    "extract": ["extract", REPORT],
}


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _values(node: object) -> list[str]:
    if isinstance(node, dict):
        return [v for key, item in node.items() for v in (str(key), *_values(item))]
    if isinstance(node, list):
        return [v for item in node for v in _values(item)]
    return [str(node)] if node is not None else []


def _data() -> tuple[str, list[str]]:
    """Every value of the data files (YAML values, CSV cells), as one corpus and as a list,
    longest first."""
    values: list[str] = []
    data = [p for d in ("rules", "evidence") for p in (ROOT / d).rglob("*") if p.is_file()]
    for path in [*data, ROOT / REPORT]:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".yaml":
            values += _values(yaml.safe_load(text))
        elif path.suffix == ".csv":
            values += [cell for row in csv.reader(io.StringIO(text)) for cell in row]
        else:
            values += text.splitlines()
    pieces = sorted({_flat(v).strip(".;") for v in values if _flat(v)}, key=len, reverse=True)
    return "\n".join(pieces), pieces


def _without_data(text: str, corpus: str) -> str:
    """`text` less every run of two or more words that stands in the data as it is."""
    words = text.split()
    kept: list[str] = []
    i = 0
    while i < len(words):
        j = i + 2
        while j <= len(words) and " ".join(words[i:j]).strip(".;,") in corpus:
            j += 1
        if j - 1 > i + 1:  # words[i : j-1] is data
            i = j - 1
        else:
            kept.append(words[i])
            i += 1
    return " ".join(kept)


def leaks(output: str) -> list[str]:
    corpus, pieces = _data()
    found: list[str] = []
    for line in output.splitlines():
        for cell in re.split(r"[│|]", line):
            text = _flat(cell).strip(".;")
            if not text or text in corpus:
                continue  # a piece of data (a wrapped table cell is a piece of its value)
            for piece in pieces:
                if VIETNAMESE.search(piece) and piece in text:
                    text = text.replace(piece, " ")
            found += VIETNAMESE.findall(_without_data(text, corpus))
    return found


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_english_output_has_no_vietnamese_interface_words(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "160")
    out = CliRunner().invoke(cli, ["--lang", "en", *COMMANDS[name]])
    assert out.exit_code in (0, 1), out.output
    assert leaks(out.output) == []


def test_the_scan_finds_an_untranslated_word() -> None:
    assert leaks("1.1.1 issued on time, bấm vào đây") == ["bấm", "vào", "đây"]
    assert leaks("UBND xã Quảng An: issued on time") == []  # data stays
