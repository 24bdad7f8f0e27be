"""A register row against what its file says: one verdict per field, never "matches" when the
file's value differs.

Text from OCR is read with care: a value that is only a character or two away from the row's
(452 read as 462, an "Đ" lost) is "unreadable" with what was read, not "differs": OCR misreads
a digit more often than a unit cites a file of another number. A text layer is taken at its
word: any difference there is "differs".
"""

from __future__ import annotations

import datetime as dt
from difflib import SequenceMatcher

from cchc_index.docnumber import DocNumber
from cchc_index.i18n import tr
from cchc_index.model.bundle import Document
from cchc_index.verify.fold import name_words, plain
from cchc_index.verify.header import FileHeader
from cchc_index.verify.read import ReadText
from cchc_index.verify.verdict import FieldCheck, Verdict

SUBJECT_MATCH = 0.75  # share of the row's title words found in the file's title
SUBJECT_DIFFERS = 0.4
_LEVELS = ("xa", "phuong", "thi tran", "huyen", "quan", "thi xa", "thanh pho", "tinh")


def _near(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


UNSURE = ("OCR không chắc, hãy xem bằng mắt", "unsure OCR reading, check by eye")
# digits Tesseract takes for one another in these fonts (3/8, 5/6, 1/7 …)
_CONFUSED = {
    frozenset(p)
    for p in ("08", "06", "09", "17", "14", "38", "35", "56", "58", "68", "89", "27", "12")
}


def _one_confusable_digit(a: str, b: str) -> bool:
    """Same length, one character apart, and that pair a digit OCR confuses."""
    if len(a) != len(b):
        return False
    pairs = [frozenset((x, y)) for x, y in zip(a, b, strict=True) if x != y]
    return len(pairs) == 1 and pairs[0] in _CONFUSED


def _unsure_number(found: DocNumber, row: DocNumber) -> bool:
    """An OCR reading that may be the row's number misread: one confusable digit apart with
    the rest the same, or the same digits with the letters a character or two apart."""
    same_rest = (found.kind, found.year, found.issuer) == (row.kind, row.year, row.issuer)
    if same_rest:
        return _one_confusable_digit(found.number, row.number)
    return found.number == row.number and _near(plain(found.symbol), plain(row.symbol)) >= 0.8


def check_number(row: DocNumber, header: FileHeader, text: ReadText) -> FieldCheck:
    if header.number is None:
        # no number line: the row's number anywhere in the header zone still counts
        if any(n.key == row.key for n in header.numbers):
            return FieldCheck("number", Verdict.MATCH)
        return FieldCheck("number", Verdict.NOT_FOUND)
    if header.number.key == row.key:
        return FieldCheck("number", Verdict.MATCH)
    found = header.number.symbol
    if text.ocr and _unsure_number(header.number, row):
        return FieldCheck("number", Verdict.UNREADABLE, found, tr(*UNSURE))
    return FieldCheck("number", Verdict.DIFFERS, found)


def check_date(row: dt.date, header: FileHeader, text: ReadText) -> FieldCheck:
    if header.date is None:
        return FieldCheck("date", Verdict.NOT_FOUND)
    if header.date == row:
        return FieldCheck("date", Verdict.MATCH)
    found = f"{header.date:%d/%m/%Y}"
    if text.ocr and _one_confusable_digit(found, f"{row:%d/%m/%Y}"):
        return FieldCheck("date", Verdict.UNREADABLE, found, tr(*UNSURE))
    return FieldCheck("date", Verdict.DIFFERS, found)


def _level_and_place(words: list[str]) -> tuple[str | None, list[str]]:
    text = " ".join(words)
    for level in _LEVELS:
        marker = f" {level} "
        at = f" {text} ".find(marker)
        if at >= 0:
            return level, f" {text} "[at + len(marker) :].split()
    return None, words


def _issuer_score(expected: str, found: str) -> tuple[float, bool]:
    """(similarity of the names, whether the administrative levels disagree)."""
    want, got = name_words(expected), name_words(found)
    want_level, want_place = _level_and_place(want)
    got_level, got_place = _level_and_place(got)
    if want_level and got_level and want_level != got_level:
        return _near(" ".join(want), " ".join(got)), True
    if want_level and got_level:
        return _near(" ".join(want_place), " ".join(got_place)), False
    return _near(" ".join(want), " ".join(got)), False


def check_issuer(names: list[str], header: FileHeader, text: ReadText) -> FieldCheck:
    """`names`: the row's issuer, or the unit's name and aliases when the row names none."""
    if not header.agency:
        return FieldCheck("issuer", Verdict.NOT_FOUND)
    scores = [_issuer_score(name, header.agency) for name in names]
    best = max(score for score, _ in scores)
    same_level = any(not clash for _, clash in scores)
    threshold = 0.8 if text.ocr else 0.9
    if same_level and best >= threshold:
        return FieldCheck("issuer", Verdict.MATCH)
    if text.ocr and same_level and best >= 0.5:
        return FieldCheck(
            "issuer",
            Verdict.UNREADABLE,
            header.agency,
            tr(*UNSURE),
        )
    return FieldCheck("issuer", Verdict.DIFFERS, header.agency)


def check_subject(subject: str, header: FileHeader, text: ReadText) -> FieldCheck:
    if not header.title:
        return FieldCheck("subject", Verdict.NOT_FOUND)
    wanted = plain(subject).split()
    found = set(plain(header.title).split())
    share = sum(word in found for word in wanted) / len(wanted) if wanted else 0.0
    if share >= SUBJECT_MATCH:
        return FieldCheck("subject", Verdict.MATCH)
    if text.ocr and share >= SUBJECT_DIFFERS:
        return FieldCheck("subject", Verdict.UNREADABLE, header.title)
    return FieldCheck("subject", Verdict.DIFFERS, header.title)


def check_document(
    row: Document, header: FileHeader, text: ReadText, own_names: list[str]
) -> list[FieldCheck]:
    names = [row.issuer] if row.issuer else own_names
    checks = [
        check_number(row.number, header, text),
        check_date(row.date, header, text),
        check_issuer(names, header, text),
    ]
    if row.subject:
        checks.append(check_subject(row.subject, header, text))
    return checks
