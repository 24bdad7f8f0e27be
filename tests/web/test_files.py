"""The laws of editing a bundle file as text: only the record edited changes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cchc_index.web.tables import COLUMNS, change_table, dump_table, parse_table
from cchc_index.web.yamlfiles import change_declaration, change_statistic, plain

CELL = st.text(alphabet=st.sampled_from(list("aăâbcdđeêgo ơưạảấ,;\"'\n/0123456789")), max_size=12)
ROW = st.fixed_dictionaries({c: CELL for c in COLUMNS["documents"]})


def _table(rows: list[dict[str, str]], delimiter: str) -> str:
    text = ""
    for row in rows:
        text, _ = change_table(text or None, "documents", None, row)
    if delimiter == ";" and text:
        table = parse_table(text, "documents")
        table.delimiter = ";"
        text = dump_table(table)
    return text


def _kept(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in rows if any(v.strip() for v in r.values())]  # blank rows are no rows


@given(st.lists(ROW, max_size=5), ROW, st.sampled_from([",", ";"]))
def test_adding_then_deleting_a_row_gives_back_the_table(
    rows: list[dict[str, str]], new: dict[str, str], delimiter: str
) -> None:
    text = _table(rows, delimiter)
    before = parse_table(text or None, "documents").records()
    added, at = change_table(text or None, "documents", None, new)
    after = parse_table(added, "documents")
    assert after.delimiter == (delimiter if text else ",")
    if any(v.strip() for v in new.values()):
        assert at is not None and after.records()[at] == new
        assert after.records()[:at] == before
        removed, _ = change_table(added, "documents", at, None)
        assert parse_table(removed, "documents").records() == before


@given(st.lists(ROW, min_size=2, max_size=5), ROW, st.data())
def test_editing_a_row_changes_that_row_only(
    rows: list[dict[str, str]], new: dict[str, str], data: st.DataObject
) -> None:
    text = _table(_kept(rows), ",")
    before = parse_table(text or None, "documents").records()
    if not before or not any(v.strip() for v in new.values()):
        return
    index = data.draw(st.integers(0, len(before) - 1))
    edited, _ = change_table(text, "documents", index, new)
    after = parse_table(edited, "documents").records()
    assert after[index] == new
    assert after[:index] + after[index + 1 :] == before[:index] + before[index + 1 :]


NAME = st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True)
VALUE = st.from_regex(r"[0-9]{1,3}(\.[0-9]{3})?(,[0-9]{1,2})?", fullmatch=True)
SOURCE = st.text(alphabet=st.sampled_from(list("báo cáo dòng 12:#'\"-")), max_size=20)


@given(st.dictionaries(NAME, VALUE, min_size=1, max_size=5), NAME, VALUE, SOURCE)
def test_a_statistic_changes_alone_and_the_comments_stay(
    existing: dict[str, str], name: str, value: str, source: str
) -> None:
    text = "# Số liệu năm 2020\n"
    for key, amount in existing.items():
        text += f"# nguồn của {key}\n{key}:\n  value: '{amount}'\n  source: dòng 1\n"
    values = {"value": value, "last_year": "", "source": source}
    new = change_statistic(text, name if name in existing else None, name, values)
    data = plain(new)
    filled = {k: v for k, v in values.items() if v}
    assert data[name] == (filled if set(filled) - {"value"} else value)
    for key in existing:
        assert f"# nguồn của {key}\n" in new
        if key != name:
            assert data[key] == {"value": existing[key], "source": "dòng 1"}


def test_a_declaration_section_is_rewritten_below_the_file_comments() -> None:
    text = "# Giải trình của xã\nqualitative:\n  - node: '3.2.2'\n    result: đạt\n    explanation: có\nnot_applicable: []\n"
    new, at = change_declaration(
        text, "not_applicable", None, {"node": "3.1", "reason": "Không có"}
    )
    assert at == 0
    assert new.startswith("# Giải trình của xã\n")
    data = plain(new)
    assert data["not_applicable"] == [{"node": "3.1", "reason": "Không có"}]
    assert data["qualitative"][0]["explanation"] == "có"
