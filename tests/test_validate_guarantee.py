"""`validate` is a guarantee: whatever it accepts, `score` scores any bundle that loads, never
with "internal error" (exit 5). Frameworks are generated valid, then bent where real rule files
go wrong: deadlines on any day of the year (29/02 included), rounding steps, `at_most` bounds
between variables (cycles included)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import event, given, settings
from hypothesis import strategies as st

from cchc_index.cli.main import cli
from cchc_index.errors import ExitCode
from cchc_index.i18n import set_lang
from cchc_index.load.dump import framework_files
from cchc_index.model.bundle import Bundle
from cchc_index.model.framework import Framework

from strategies import VARS, bundles, frameworks

DAYS = st.one_of(st.just((29, 2)), st.tuples(st.integers(1, 31), st.integers(1, 12)))
OFFSETS = st.sampled_from(["năm trước", "năm đánh giá", "năm sau"])
STEPS = st.sampled_from(["0.01", "0.05", "0.1", "0.25", "0.5", "1", "0.3", "0.0001", "2"])


def write_bundle(folder: Path, bundle: Bundle) -> None:
    folder.mkdir()
    profile = bundle.profile.model_dump(mode="json", exclude_none=True)
    (folder / "profile.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), "utf-8")
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(["number", "date", "subject"])
    for doc in bundle.documents:
        writer.writerow([doc.number.symbol, f"{doc.date:%d/%m/%Y}", doc.subject or ""])
    (folder / "documents.csv").write_text(table.getvalue(), encoding="utf-8")
    stats = {
        name: {"value": str(s.value)} | ({"last_year": str(s.last_year)} if s.last_year else {})
        for name, s in bundle.statistics.items()
    }
    (folder / "statistics.yaml").write_text(yaml.safe_dump(stats), encoding="utf-8")
    rows = "".join(f"{i.url},{i.title}\n" for i in bundle.links)
    (folder / "links.csv").write_text("url,title\n" + rows, encoding="utf-8")


def bend(files: dict[str, str], step: str, deadlines: list[Any], bounds: list[Any]) -> None:
    meta = yaml.safe_load(files["framework.yaml"])
    meta["rounding_step"] = step
    for name, other in bounds:
        if name != other:
            meta["variables"][name]["at_most"] = other
    files["framework.yaml"] = yaml.safe_dump(meta, allow_unicode=True)
    area = yaml.safe_load(files["1.yaml"])
    found = iter(deadlines)
    for criterion in area["criteria"]:
        for leaf in criterion.get("sub_criteria", []):
            for product in leaf.get("evidence", []):
                if product.get("type") == "document":
                    (day, month), offset = next(found, ((31, 12), "năm trước"))
                    product["deadline"] = f"{day:02d}/{month:02d} {offset}"
    files["1.yaml"] = yaml.safe_dump(area, allow_unicode=True)


@settings(max_examples=40)
@given(
    frameworks(),
    bundles(),
    STEPS,
    st.lists(st.tuples(DAYS, OFFSETS), max_size=6),
    st.lists(st.tuples(st.sampled_from(VARS), st.sampled_from(VARS)), max_size=4),
)
def test_what_validate_accepts_score_never_fails_on(
    tmp_path_factory: Any,
    framework: Framework,
    unit: Bundle,
    step: str,
    deadlines: list[Any],
    bounds: list[Any],
) -> None:
    set_lang("vi")
    root = tmp_path_factory.mktemp("g")
    rules = root / "rules"
    rules.mkdir()
    files = framework_files(framework)
    bend(files, step, deadlines, bounds)
    for name, text in files.items():
        (rules / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    checked = runner.invoke(cli, ["validate", str(rules)])
    event(f"validate exit {checked.exit_code}")
    assert checked.exit_code in (ExitCode.OK, ExitCode.INVALID_RULES), checked.output
    assert "Lỗi nội bộ" not in checked.output and "Traceback" not in checked.output
    if checked.exit_code != ExitCode.OK:
        return
    write_bundle(root / "unit", unit)
    scored = runner.invoke(cli, ["score", str(root / "unit"), "--rules", str(rules)])
    assert scored.exit_code in (ExitCode.OK, ExitCode.INVALID_EVIDENCE), scored.output
    assert "Lỗi nội bộ" not in scored.output
