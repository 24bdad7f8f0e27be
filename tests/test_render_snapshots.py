"""Every renderer's output on the shipped sample, in both languages, pinned as a snapshot.

A change to what users see is deliberate: set UPDATE_SNAPSHOTS=1 to accept it, then read the
diff of tests/snapshots/render/ before committing.
"""

from __future__ import annotations

import os

import pytest

from cchc_index.load.unit import open_unit
from cchc_index.model.result import Result
from cchc_index.report.render import RENDERERS, render
from cchc_index.scoring.evaluate import evaluate

from conftest import ROOT

SNAPSHOTS = ROOT / "tests" / "snapshots" / "render"
FORMATS = sorted(RENDERERS)


@pytest.fixture(scope="module")
def result() -> Result:
    source, bundle = open_unit(ROOT / "evidence" / "quang-an-2020", None, ROOT / "rules")
    return evaluate(source.framework, bundle, "reference")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_renderer_output_is_pinned(result: Result, fmt: str, lang: str) -> None:
    text = render(result, fmt, lang, width=120).replace('"engine": "reference"', '"engine": "…"')
    snapshot = SNAPSHOTS / f"quang-an-2020.{lang}.{fmt}"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        snapshot.write_bytes(text.encode("utf-8"))
    assert text == snapshot.read_bytes().decode("utf-8")
