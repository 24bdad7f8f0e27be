"""The words after a document's symbol: its date, its issuer, its subject.

`Kế hoạch số 452/KH-UBND ngày 04/12/2019 của UBND xã về triển khai …`: a date (also after the
issuer, or in the next cell of a register), `của`/`do` + an issuing body, then `về`/`V/v` + the
subject up to the end of the clause or the next citation.
"""

from __future__ import annotations

import datetime as dt
import re

from cchc_index.docnumber import DocNumber
from cchc_index.extract.flat import UP, vkey
from cchc_index.extract.patterns import (
    AGENCY_STARTS,
    COUNCIL,
    DATE,
    DATED,
    DATED_NO_YEAR,
    ISSUER_STOPS,
    LEVEL_RE,
    LOWER_CASE_VERBS,
    TITLE_BEFORE,
    capital_run,
    to_date,
)

_GAP = re.compile(r"[\s,():]*")
_CELL_GAP = re.compile(r"[ ,]*[\t|][\s|]*")  # to the next cell of a table row
_CELL_END = re.compile(r"[\t|]|\n(?=[^\n\t]{0,12}\t)|\n\s*\n")
# "của UBND tỉnh", "do Chủ tịch UBND tỉnh ký", "được UBND huyện Quảng Điền ban hành"
_OF = re.compile(rf"(?:của|Của|CỦA|do|Do)\s+|được\s+(?={UP})")
# "… UBND THÀNH PHỐ HÀ NỘI BAN HÀNH" in a decision's upper-case heading too
_ISSUED = re.compile(
    r"(?i)(?:được\s+)?ban\s+hành(?!\s+kèm)\b|(?:đã\s+)?ký\b"
    # "… của Chủ tịch Ủy ban nhân dân tỉnh công bố Danh mục …": a verb in lower case
    r"|(?-i:" + "|".join(r"\s+".join(verb) for verb in LOWER_CASE_VERBS) + r")\b"
)
_PLACE_AFTER = re.compile(rf"\s+(?P<level>{LEVEL_RE})\s+(?={UP})")
# "Quyết định số 1234/QĐ-UBND UBND tỉnh Thừa Thiên Huế Ngày 05/02/2024": the issuer named
# right after the symbol, with no "của" (a register's or a web page's layout).
_BARE_ISSUER = re.compile(
    rf"(?P<body>(?:{COUNCIL}|HĐND|Hội\s+đồng\s+nhân\s+dân)\s+(?:{LEVEL_RE}))(?!\w)"
)
_ABOUT = re.compile(r"(?:[vV]ề\s+việc|[vV]\s*/\s*[vV]|[vV]ề|VỀ)(?![\w/])\s*:?\s*")
_WORD = re.compile(r"\S+")
_SUBJECT_END = re.compile(
    rf";|\||\t|\.\s*/\s*\.|[.!?](?=\s+{UP}|\s*$|\s*\n)|\.{{3}}|…|\n\s*\n(?=\s*{UP})"
    r"|\n(?=\s*[-+•]\s)|,\s*(?:trong\s+đó|theo\s+đó|đồng\s+thời|cụ\s+thể)\b"
    # "…, UBND xã báo cáo như sau": a council as the subject of a new clause
    r"|,\s*(?=(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Đảng ủy)\s)"
)


def read_after(
    text: str, pos: int, limit: int, number: DocNumber, year: int | None = None
) -> tuple[dt.date | None, str | None, str | None, bool]:
    """Date, issuer phrase and subject in the words that follow a symbol, and whether the
    date's year was assumed (`year`, the report's) because the text gave none."""
    limit = min(limit, pos + 400)
    date: dt.date | None = None
    guessed = False
    issuer: str | None = None
    place = _PLACE_AFTER.match(text, pos, limit)
    if place:  # "Báo cáo số 474/BC-UBND xã Quảng An, ngày …"
        run = capital_run(text[place.end() : limit].split(), 4)
        if run:
            issuer = f"{number.issuer} {place['level']} {' '.join(run)}"
            pos = text.index(run[-1], place.end()) + len(run[-1])
    table = False
    for step in range(4):
        gap = _GAP.match(text, pos, limit)
        at = gap.end() if gap else pos
        dated = DATED.match(text, at, limit)
        bare = DATE.match(text, at, limit) if step == 0 and at > pos else None
        cell = _CELL_GAP.match(text, pos, limit) if step == 0 else None
        if cell and not dated and not bare:  # a register: "452/KH-UBND | 04/12/2019 | …"
            bare = DATE.match(text, cell.end(), limit)
            table = bare is not None
        of = _OF.match(text, at, limit)
        partial = DATED_NO_YEAR.match(text, at, limit) if year and not dated else None
        if date is None and partial and not bare:
            date = _day_in(year, partial)
            guessed = date is not None
            pos = partial.end()
        elif date is None and (dated or bare):
            hit = dated or bare
            assert hit is not None
            table = table or (bare is not None and "\t" in text[pos : hit.start()])
            date = to_date(hit["date"] if dated else hit.group(0))
            pos = hit.end()
        elif issuer is None and of:
            phrase, end = _issuer_phrase(text, of.end(), limit)
            if not phrase:
                break
            issuer, pos = phrase, end
        elif (
            issuer is None
            and "," not in text[pos:at]  # "…, UBND tỉnh ban hành …": a new clause's subject
            and (bare := _BARE_ISSUER.match(text, at, limit))
        ):
            run = capital_run(text[bare.end() : limit].split(), 5)
            issuer = " ".join([" ".join(bare["body"].split()), *run])
            pos = text.index(run[-1], bare.end()) + len(run[-1]) if run else bare.end()
        elif issued := _ISSUED.match(text, at, limit):
            follows = _GAP.match(text, issued.end(), limit)
            after = follows.end() if follows else issued.end()
            if DATED.match(text, after, limit) or _OF.match(text, after, limit):
                pos = issued.end()  # "được ban hành ngày …", "ban hành của …"
                continue
            if text.startswith("ban", at):  # "… của Chính phủ ban hành Chương trình …"
                return date, issuer, _subject(text, at, limit), guessed
            break
        else:
            break
    gap = _GAP.match(text, pos, limit)
    about = _ABOUT.match(text, gap.end() if gap else pos, limit)
    subject = _subject(text, about.end(), limit) if about else None
    cell = _CELL_GAP.match(text, pos, limit) if table and not subject else None
    if cell:  # the next cell of the row is the subject (trích yếu)
        stop = _CELL_END.search(text, cell.end(), min(limit, cell.end() + 300))
        subject = _tidy(text[cell.end() : stop.start() if stop else min(limit, cell.end() + 300)])
    return date, issuer, subject, guessed


def _day_in(year: int | None, match: re.Match[str]) -> dt.date | None:
    try:
        day, month = match["day"] or match["wday"], match["month"] or match["wmonth"]
        return dt.date(year or 0, int(month), int(day))
    except ValueError:
        return None


def _issuer_phrase(text: str, start: int, limit: int) -> tuple[str | None, int]:
    words: list[str] = []
    end = start
    for word in _WORD.finditer(text, start, limit):
        token = word.group(0)
        core = token.rstrip(",.;:)")
        if token.startswith(("(", "“", '"')) or (
            words and (vkey(core) in ISSUER_STOPS or _ISSUED.match(text, word.start()))
        ):
            break
        if core in {"TP", "Tp"} and token.startswith(core + "."):
            words.append(core + ".")
            end = word.start() + len(core) + 1
            continue
        if core:
            words.append(core)
            end = word.start() + len(core)
        if core != token or len(words) >= 12:
            break
    phrase = " ".join(words)
    if not phrase or not (vkey(phrase) + " ").startswith(AGENCY_STARTS):
        return None, start
    return phrase, end


def _subject(text: str, start: int, limit: int) -> str | None:
    stop = min(limit, start + 300)
    title = TITLE_BEFORE.search(text, max(start, stop - 40), stop) if stop == limit else None
    if title:  # the next citation's title ("…, Kế hoạch số 484/KH-UBND") ends this subject
        stop = title.start()
    end = _SUBJECT_END.search(text, start, stop)
    return _tidy(text[start : end.start() if end else stop])


def _tidy(subject: str) -> str | None:
    body = " ".join(subject.split())
    body = re.sub(r"(?:[\s,;:(\-]|\bvà\b|\bvà các\b)+$", "", body).strip()
    body = re.sub(r"^(?:[vV]\s*/\s*[vV]|[vV]ề\s+việc)\s*:?\s*", "", body)
    if len(body) < 3 or not any(c.isalpha() for c in body):
        return None
    return body[0].upper() + body[1:]
