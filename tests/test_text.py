"""Numbers, dates and document numbers in the forms Vietnamese documents use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_index.docnumber import DocKind, parse_doc_number
from cchc_index.text import contains_all, format_number, parse_date, parse_number


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("31.724", "31724"),
        ("84,09%", "84.09"),
        ("1.234,5", "1234.5"),
        ("2299", "2299"),
        ("0.5", "0.5"),
        ("03", "3"),
    ],
)
def test_numbers(raw: str, value: str) -> None:
    assert parse_number(raw) == Decimal(value)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("04/12/2019", dt.date(2019, 12, 4)),
        ("ngày 4/12/2019", dt.date(2019, 12, 4)),
        ("ngày 14 tháng 9 năm 2020", dt.date(2020, 9, 14)),
        ("ngày 10 tháng 1năm 2023", dt.date(2023, 1, 10)),
        ("2019-12-04", dt.date(2019, 12, 4)),
    ],
)
def test_dates(raw: str, value: dt.date) -> None:
    assert parse_date(raw) == value


def test_impossible_date_is_an_error() -> None:
    with pytest.raises(ValueError, match="không tồn tại"):
        parse_date("31/02/2020")


@pytest.mark.parametrize(
    ("raw", "symbol", "kind"),
    [
        ("452/KH-UBND", "452/KH-UBND", DocKind.KH),
        ("04/QD-UBND", "04/QĐ-UBND", DocKind.QD),
        ("số số 01/TB-UBND", "01/TB-UBND", DocKind.TB),
        ("61/2018/NĐ-CP", "61/2018/NĐ-CP", DocKind.ND),
        ("49-NQ/ĐU", "49-NQ/ĐU", DocKind.NQ),
        ("1301/UBND", "1301/UBND", DocKind.CV),
        ("Số: 243 /BC-UBND", "243/BC-UBND", DocKind.BC),
        ("66.7/2025/NQ-CP", "66.7/2025/NQ-CP", DocKind.NQ),  # one of the Government's series
        ("220/CĐ-TTg", "220/CĐ-TTg", DocKind.CV),  # a dispatch: no kind of its own
    ],
)
def test_document_numbers(raw: str, symbol: str, kind: DocKind) -> None:
    parsed = parse_doc_number(raw)
    assert (parsed.symbol, parsed.kind) == (symbol, kind)


def test_document_number_without_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="thiếu loại văn bản"):
        parse_doc_number("452")


def test_a_number_written_with_a_thousands_dot_is_no_series_number() -> None:
    """ "66.7/2025/NQ-CP" is one of a series; "1.234/QĐ-UBND" is no document number."""
    with pytest.raises(ValueError, match="thiếu loại văn bản"):
        parse_doc_number("1.234/QĐ-UBND")
    assert parse_doc_number("66.7/2025/NQ-CP").key != parse_doc_number("667/2025/NQ-CP").key


def test_matching_ignores_case_and_unicode_form() -> None:
    decomposed = "CẢI CÁCH HÀNH CHÍNH".encode().decode()
    import unicodedata

    assert contains_all(unicodedata.normalize("NFD", decomposed), ("cải cách hành chính",))


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_vietnamese_number_format_round_trips(value: Decimal) -> None:
    assert parse_number(format_number(value)) == value


def test_csv_cells_are_nfc_when_the_file_is_decomposed() -> None:
    import unicodedata

    from cchc_index.source import parse_csv

    text = unicodedata.normalize(
        "NFD", 'number,subject\n1/KH-UBND,"Kế hoạch ""cải cách"" hành chính"\n'
    )
    row = parse_csv(text, "documents.csv").data[0]
    assert row["subject"] == unicodedata.normalize("NFC", 'Kế hoạch "cải cách" hành chính')
    assert unicodedata.is_normalized("NFC", row["subject"])


@given(
    st.lists(
        st.lists(
            st.text(alphabet=st.sampled_from(list('ab \t\u00a0\u3000,;"đ')), max_size=6),
            min_size=2,
            max_size=2,
        ),
        max_size=5,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_csv_rows_are_the_stripped_non_empty_cells(rows: list[list[str]], end: str) -> None:
    """Whatever the quoting and blanks, a row is exactly its stripped non-empty cells (the
    reader builds rows with C calls: `map`, `zip`, `compress`)."""
    import csv
    import io

    from cchc_index.source import parse_csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=end)
    writer.writerow(["number", "subject"])
    writer.writerows(rows)
    text = buffer.getvalue()
    got = parse_csv(text, "documents.csv").data
    reader = csv.reader(io.StringIO(text), strict=True)
    next(reader)
    expected = [
        row
        for cells in reader
        if (
            row := {
                k: v.strip()
                for k, v in zip(["number", "subject"], cells, strict=False)
                if v.strip()
            }
        )
    ]
    assert got == expected


@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("ab đ\t,;")), max_size=8)
        | st.sampled_from(["", "\r", " ", "a,b,c"]),
        max_size=8,
    ),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_a_table_without_quotes_reads_as_the_csv_module_reads_it(
    lines: list[str], end: str, final: bool
) -> None:
    """A table without quotes is split line by line (the fast path): its rows, their lines
    and its errors are those of the csv module's reader (a lone CR: refused by both)."""
    from cchc_index.source import SourceError, parse_csv

    text = end.join(["number,subject", *lines]) + (end if final else "")
    expected = _read_by_the_csv_module(text)
    try:
        got = parse_csv(text, "documents.csv")
    except SourceError as exc:
        assert isinstance(expected, int) and exc.problems[0].line == expected
        return
    assert list(zip(got.data, got.row_lines, strict=True)) == expected


def _read_by_the_csv_module(text: str) -> list[tuple[dict[str, str], int]] | int:
    """Rows (stripped non-empty cells) with their lines, or the line of the first error."""
    import csv
    import io

    reader = csv.reader(io.StringIO(text), strict=True)
    rows = []
    try:
        header = next(reader)
        for cells in reader:
            values = [c.strip() for c in cells]
            if any(values[len(header) :]):
                return reader.line_num
            row = {k: v for k, v in zip(header, values, strict=False) if v}
            if row:
                rows.append((row, reader.line_num))
    except csv.Error:
        return reader.line_num
    return rows
