"""Hypothesis fuzzing of the new readers: the appraisal file, the working workbook read by
`appraise import`, and the tables read by `import-framework`. Whatever they hold: a
documented exit code (never 5), no traceback, no English library text, and no input changed
(`appraise import` may rewrite appraisal.yaml only when it succeeds)."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from test_loader_fuzz import EDITS, ENGLISH, _edit

from cchc_index.cli.main import cli
from cchc_index.i18n import set_lang

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "evidence" / "quang-an-2020"
RULES = ROOT / "rules"
_BASE: dict[str, Path] = {}


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _run(args: list[str], allowed: set[int]) -> int:
    set_lang("vi")
    result = CliRunner().invoke(cli, args)
    out = result.output
    assert result.exit_code in allowed, out[-2000:]
    assert "Lỗi nội bộ" not in out
    assert not [p for p in ENGLISH if p in out], out[-2000:]
    return int(result.exit_code)


def _workbook() -> Path:
    """The sample's working workbook, written once by `score`."""
    if "workbook" not in _BASE:
        folder = Path(tempfile.mkdtemp(prefix="cchc-fuzz-"))
        made = CliRunner().invoke(
            cli, ["score", str(SAMPLE), "--rules-dir", str(RULES), "-o", str(folder / "ws.xlsx")]
        )
        assert made.exit_code == 0, made.output
        _BASE["workbook"] = folder / "ws.xlsx"
    return _BASE["workbook"]


@settings(max_examples=80)
@given(EDITS)
def test_a_mangled_appraisal_file_is_refused_or_scored(edits: list[tuple[int, int, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "b"
        shutil.copytree(SAMPLE, bundle)
        target = bundle / "appraisal.yaml"
        target.write_text(_edit(target.read_text(encoding="utf-8"), edits), encoding="utf-8")
        before = _tree(bundle)
        _run(["score", str(bundle), "--rules-dir", str(RULES), "--format", "json"], {0, 4})
        _run(["diff", f"{bundle}@self", f"{bundle}@final", "--rules-dir", str(RULES)], {0, 1, 4})
        assert _tree(bundle) == before


CELLS = st.one_of(
    st.none(),
    st.integers(-5, 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["0,25", "0.5", "²", "٣", "1e400", "-0", "=1+1", "+1", "@x", "đạt", ""]),
    st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=40),
)
COLUMNS = st.sampled_from(["A", "E", "I", "J", "K", "L", "M"])


@settings(max_examples=60)
@given(st.lists(st.tuples(st.integers(2, 60), COLUMNS, CELLS), min_size=1, max_size=6))
def test_a_filled_in_workbook_is_imported_or_refused(
    cells: list[tuple[int, str, object]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "b"
        shutil.copytree(SAMPLE, bundle)
        book = load_workbook(_workbook())
        sheet = book["Bảng tự đánh giá"]
        for row, column, value in cells:
            sheet[f"{column}{row}"] = value
        workbook = Path(tmp) / "ws.xlsx"
        book.save(workbook)
        kept = workbook.read_bytes()
        before = _tree(bundle)
        code = _run(
            ["appraise", "import", str(workbook), str(bundle), "--rules-dir", str(RULES)], {0, 4}
        )
        after = _tree(bundle)
        if code != 0:
            assert after == before
        else:  # only the appraisal changed, and it still scores
            assert {k for k in before if before[k] != after.get(k)} <= {"appraisal.yaml"}
            _run(["score", str(bundle), "--rules-dir", str(RULES), "--format", "json"], {0})
        assert workbook.read_bytes() == kept


TABLE = (
    "STT;Tiêu chí;Điểm tối đa;Tài liệu kiểm chứng\n"
    "I;Công tác chỉ đạo, điều hành;2;\n"
    "1;Kế hoạch cải cách hành chính;1;Kế hoạch CCHC năm\n"
    "1.1;Ban hành kịp thời;0,5;Quyết định ban hành\n"
    "1.2;Thực hiện đầy đủ;0,5;Báo cáo kết quả\n"
    "2;Kiểm tra;1;Kế hoạch kiểm tra\n"
)


@settings(max_examples=80)
@given(st.sampled_from([".csv", ".md"]), EDITS, st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_a_mangled_table_is_imported_or_refused(
    suffix: str, edits: list[tuple[int, int, str]], encoding: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        text = (
            TABLE if suffix == ".csv" else "| " + TABLE.replace(";", " | ").replace("\n", " |\n| ")
        )
        table = Path(tmp) / f"bang{suffix}"
        table.write_bytes(_edit(text, edits).encode(encoding, "surrogatepass"))
        kept = table.read_bytes()
        out = Path(tmp) / "ra"
        code = _run(["import-framework", str(table), "-o", str(out)], {0, 4})
        assert table.read_bytes() == kept
        if code != 0:
            assert not out.exists()
