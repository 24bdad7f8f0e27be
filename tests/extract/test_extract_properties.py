"""Laws of the extractor, stated for any input hypothesis can build.

A valid citation in any supported phrasing, anywhere in Vietnamese prose, is found exactly
once with its number, kind and date; prose without one yields none; no input crashes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import zipfile

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cchc_index.docnumber import DocKind, parse_doc_number
from cchc_index.errors import EvidenceError
from cchc_index.extract.readers import SourceText, read_bytes
from cchc_index.extract.report import extract_source

from .helpers import SETTINGS, make_docx, make_pdf

_VOCABULARY = (
    "công tác cải cách hành chính được triển khai đồng bộ trên địa bàn xã năm nay các "
    "phòng ban chuyên môn tiếp tục quan tâm chỉ đạo thực hiện nghiêm túc nhiệm vụ đề ra "
    "người dân doanh nghiệp hài lòng với kết quả giải quyết thủ tục tại bộ phận một cửa "
    "Ủy ban nhân dân Hội đồng Đảng ủy Quảng An Thừa Thiên Huế Nga Sơn trang thông tin điện "
    "tử tuyên truyền kiểm soát số hóa hồ sơ bưu chính công ích quy định pháp luật UBND HĐND"
)
WORDS = _VOCABULARY.split()
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(
    lambda ws: " ".join(ws)[:1].upper() + " ".join(ws)[1:] + "."
)
PROSE = st.lists(SENTENCE, max_size=5).map(" ".join)

# (written kind, issuer codes, canonical kind, title)
STATE = [
    ("KH", ("UBND", "SNV"), DocKind.KH, "Kế hoạch"),
    ("QĐ", ("UBND", "TTg", "BNV"), DocKind.QD, "Quyết định"),
    ("QD", ("UBND",), DocKind.QD, "Quyết định"),
    ("BC", ("UBND", "UBND-VP"), DocKind.BC, "Báo cáo"),
    ("TB", ("UBND",), DocKind.TB, "Thông báo"),
    ("CTr", ("UBND",), DocKind.CTR, "Chương trình"),
    ("HD", ("SNV",), DocKind.HD, "Hướng dẫn"),
    ("TTr", ("UBND",), DocKind.TTR, "Tờ trình"),
]
LEGAL = [
    ("NĐ", ("CP",), DocKind.ND, "Nghị định"),
    ("ND", ("CP",), DocKind.ND, "Nghị định"),
    ("TT", ("BNV", "BTC"), DocKind.TT, "Thông tư"),
    ("QĐ", ("UBND", "TTg"), DocKind.QD, "Quyết định"),
    ("NQ", ("HĐND",), DocKind.NQ, "Nghị quyết"),
]
PARTY = [
    ("NQ", ("TW", "ĐU", "HU"), DocKind.NQ, "Nghị quyết"),
    ("CT", ("TW", "TU"), DocKind.CT, "Chỉ thị"),
    ("KL", ("TW",), DocKind.KL, "Kết luận"),
]


@st.composite
def symbols(draw: st.DrawFn) -> tuple[str, DocKind, str]:
    number = str(draw(st.integers(1, 9999)))
    if draw(st.booleans()) and len(number) == 1:
        number = "0" + number
    style = draw(st.sampled_from(["state", "legal", "party", "letter"]))
    if style == "letter":
        issuer = draw(st.sampled_from(["UBND", "UBND-VP", "SNV-CCHC"]))
        return f"{number}/{issuer}", DocKind.CV, draw(st.sampled_from(["Công văn", "Văn bản"]))
    table = {"state": STATE, "legal": LEGAL, "party": PARTY}[style]
    written, issuers, kind, title = draw(st.sampled_from(table))
    issuer = draw(st.sampled_from(issuers))
    if style == "party":
        return f"{number}-{written}/{issuer}", kind, title
    year = f"{draw(st.integers(2000, 2030))}/" if style == "legal" else ""
    return f"{number}/{year}{written}-{issuer}", kind, title


def written_date(day: dt.date, form: int) -> str:
    d, m, y = day.day, day.month, day.year
    return [
        f"{d:02d}/{m:02d}/{y}",
        f"{d}/{m}/{y}",
        f"{d} tháng {m} năm {y}",
        f"{d} tháng {m}năm {y}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d:02d}.{m:02d}.{y}",
    ][form]


PHRASINGS = [
    "{title} số {sym} ngày {date}",
    "{title} số: {sym} ngày {date}",
    "{title} {sym} ngày {date}",
    "{title} số số {sym} ngày {date}",
    "{title} số {sym}, ngày {date}",
    "{title} số {sym} ngày {date} của {body}",
    "{title} số {sym} của {body} ngày {date}",
    "({title} số {sym} ngày {date})",
    "{lead} {title} số {sym} ngày {date}",
    "{title} số {sym} của {body}, ngày {date}",
    "{title} số {sym} của {body} (ngày {date})",
    "{title} số {sym} được {body} ban hành ngày {date}",
    "{title} số {sym} do {body} ký ngày {date}",
]
BODIES = ["UBND tỉnh Thừa Thiên Huế", "Chính phủ", "Ủy ban nhân dân huyện Quảng Điền",
          "UBND xã", "Hội đồng nhân dân xã", "Chủ tịch UBND tỉnh", "Bộ Nội vụ"]  # fmt: skip
LEADS = ["UBND xã đã ban hành", "Tiếp tục thực hiện", "Căn cứ", "Đã ban hành", "theo"]
SUBJECTS = ["triển khai công tác cải cách hành chính năm 2020", "tuyên truyền CCHC",
            "kiểm soát thủ tục hành chính", "ban hành Quy chế làm việc"]  # fmt: skip


# How a symbol's hyphen and Đ reach a report: Word's en dash ("QĐ – UBND"), a non-breaking
# hyphen, a minus sign, the Icelandic eth typed for Đ ("QÐ-UBND").
def as_typed(symbol: str, dash: str, eth: bool) -> str:
    typed = symbol.replace("-", dash)
    return typed.replace("Đ", "Ð") if eth else typed


@st.composite
def citations(draw: st.DrawFn) -> tuple[str, str, DocKind, dt.date, str | None]:
    symbol, kind, title = draw(symbols())
    typed = as_typed(symbol, draw(st.sampled_from(["-", "-", " - ", "–", " – ", "\u2010",
                                                   "\u2011", "\u2212"])), draw(st.booleans()))  # fmt: skip
    # a document numbered with a year ("61/2018/NĐ-CP") is dated in that year
    year = parse_doc_number(symbol).year
    first, last = (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year else (
        dt.date(2000, 1, 1), dt.date(2030, 12, 31))  # fmt: skip
    day = draw(st.dates(first, last))
    phrasing = draw(st.sampled_from(PHRASINGS))
    text = phrasing.format(
        title=title if draw(st.booleans()) else title.lower(),
        sym=typed,
        date=written_date(day, draw(st.integers(0, 5))),
        body=draw(st.sampled_from(BODIES)),
        lead=draw(st.sampled_from(LEADS)),
    )
    subject = None
    if not text.endswith(")") and draw(st.booleans()):
        subject = draw(st.sampled_from(SUBJECTS))
        text += f" {draw(st.sampled_from(['về', 'về việc', 'V/v']))} {subject}"
    spaces = [i for i, c in enumerate(text) if c == " "]
    wrap: bool = draw(st.booleans())
    if spaces and wrap:  # broken across lines, as a PDF or a scan wraps it
        at = draw(st.sampled_from(spaces))
        # A blank line before a capital is a new paragraph; before anything else, a wrap.
        breaks = ["\n"] if text[at + 1].isupper() else ["\n", "\n\n"]
        text = text[:at] + draw(st.sampled_from(breaks)) + text[at + 1 :]
    return text, symbol, kind, day, subject


def _extract(text: str) -> list[tuple[object, DocKind, dt.date | None, str | None]]:
    source = read_bytes(text.encode("utf-8"), ".txt", "test.txt")  # as a report file is read
    found = extract_source(source).citations
    return [(c.number.key, c.kind, c.date, c.subject) for c in found]


@SETTINGS
@given(PROSE, citations(), PROSE)
@example("", ("Kế hoạch số: 452/KH-UBND ngày 04/12/2019", "452/KH-UBND", DocKind.KH,
              dt.date(2019, 12, 4), None), "")  # fmt: skip
def test_a_citation_in_prose_is_found_once(
    before: str, citation: tuple[str, str, DocKind, dt.date, str | None], after: str
) -> None:
    text, symbol, kind, day, subject = citation
    found = _extract(f"{before} {text}. {after}".strip())
    expected_subject = subject[0].upper() + subject[1:] if subject else None
    assert found == [(parse_doc_number(symbol).key, kind, day, expected_subject)]


DISTRACTORS = [
    "ngày 04/12/2019", "22/22 cán bộ", "4/4 nhiệm vụ", "100 %", "84,09%", "ISO 9001:2015",
    "giai đoạn 2016-2020", "tiêu chí 1.4.2", "0.25 điểm", "31.724 hồ sơ", "lúc 16:55",
    "5/9/2020", "25/27 xã", "70 hồ sơ/tháng", "24/7", "QĐ-UBND", "số/ký hiệu", "TN&TKQ",
    "ngày 14 tháng 9 năm 2020", "Số: ...../KH-UBND", "(3.5.4)", "số 12 hồ sơ", "năm 2020",
    # forms and annexes, standards: numbered like documents, but not documents
    "Mẫu số 01/TTHC", "Biểu số 02/CCHC", "Phụ lục 03/BC", "tờ khai mẫu 02/ĐK-TCT",
    "QCVN 01:2019/BXD", "mẫu số 01/PLI",
]  # fmt: skip


@SETTINGS
@given(st.lists(st.one_of(SENTENCE, st.sampled_from(DISTRACTORS)), max_size=30))
def test_prose_without_citations_yields_none(parts: list[str]) -> None:
    assert _extract(" ".join(parts)) == []


@SETTINGS
@given(st.text(max_size=400))
@example("Số: 1/KH-U\n, ngày 31 tháng 2 năm 2020 của của về V/v")
@example("0/0-\u0110/\u0110 ngày 0/0/0000")
def test_arbitrary_text_never_crashes(text: str) -> None:
    source = SourceText("x.txt", "txt", tuple(text.split("\n")))
    extract_source(source, year=2020)


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_arbitrary_bytes_are_read_or_refused(data: bytes, suffix: str) -> None:
    try:
        read_bytes(data, suffix, "x" + suffix)
    except EvidenceError as exc:
        assert exc.problems and exc.problems[0].path == "x" + suffix


_PDF = make_pdf([["Số: 12/KH-UBND", "Quảng An, ngày 4 tháng 1 năm 2021"]])
_DOCX = make_docx(["KẾ HOẠCH", "Số: 12/KH-UBND"])


@settings(derandomize=True, database=None, deadline=None, max_examples=40)
@given(st.data())
def test_damaged_pdf_and_docx_are_read_or_refused(data: st.DataObject) -> None:
    suffix = data.draw(st.sampled_from([".pdf", ".docx"]))
    original = bytearray(_PDF if suffix == ".pdf" else _DOCX)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(original) - 1))
        original[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        original = original[: data.draw(st.integers(0, len(original)))]
    with contextlib.suppress(EvidenceError):
        read_bytes(bytes(original), suffix, "x" + suffix)


def test_a_docx_inside_is_a_zip() -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("hello.txt", "xin chào")
    try:
        read_bytes(archive.getvalue(), ".docx", "x.docx")
    except EvidenceError as exc:
        assert "word/document.xml" in exc.problems[0].message
    else:
        raise AssertionError("a ZIP without word/document.xml was read as a .docx")
