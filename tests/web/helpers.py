"""Shared set-up of the web tests: a copy of the sample bundle, a client, form scraping."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from starlette.testclient import TestClient

from cchc_index.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = ROOT / "evidence" / "quang-an-2020"
RULES = ROOT / "rules"
REPORT = ROOT / "tests" / "extract" / "seeds" / "001_fabfcb6c746946c4.txt"
BUNDLE = "quang-an-2020"
# The annual CCHC plan (452/KH-UBND) and the two other own CCHC plans that today's matcher
# would accept in its place for 1.1.1: without all three, 1.1.1 is "thiếu minh chứng".
PLAN_ROWS = ("452/KH-UBND", "482/KH-UBND", "472/KH-UBND")
PLAN = {
    "number": "452/KH-UBND",
    "date": "04/12/2019",
    "subject": "Triển khai công tác cải cách hành chính năm 2020",
    "for": "1.1.1",
}


def served_copy(tmp: Path, without_plan: bool = True, appraised: bool = False) -> Path:
    """A served folder holding a copy of the sample bundle (optionally without the plans), as
    the unit prepares it: before its submission and the appraisal unless `appraised`."""
    target = tmp / "evidence" / BUNDLE
    shutil.copytree(SAMPLE, target)
    if not appraised:  # nor submitted: the submission came before the rounds
        (target / "appraisal.yaml").unlink(missing_ok=True)
        shutil.rmtree(target / "submissions", ignore_errors=True)
    if without_plan:
        table = target / "documents.csv"
        lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if not line.startswith(PLAN_ROWS)]
        table.write_text("".join(kept), encoding="utf-8")
    return target.parent


def client(served: Path, max_upload_mb: int = 20) -> TestClient:
    app = create_app(served, RULES, "durable", max_upload_mb)
    return TestClient(app, base_url="http://127.0.0.1:8765")


def hidden(page: str, name: str, occurrence: int = 0) -> str:
    return re.findall(rf'name="{name}"[^>]*? value="([^"]*)"', page)[occurrence]


def status_of(page: str, node: str) -> str:
    found = re.search(rf'data-node="{re.escape(node)}" data-status="([^"]+)"', page)
    assert found, f"{node} not on the page"
    return found.group(1)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its content: to show that nothing was written."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
