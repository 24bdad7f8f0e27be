"""The forms a report uses to write document numbers, dates, titles and bodies."""

from __future__ import annotations

import datetime as dt
import re

from cchc_index.docnumber import KIND_TITLES
from cchc_index.text import parse_date

# A code in a symbol: `KH`, `UBND`, `NĐ`, `CP`, `TTg`, `QH13`; letters without accents only.
_CODE = r"[A-Za-zĐđ][A-Za-zĐđ0-9&]*"
_UPCODE = r"[A-ZĐ][A-ZĐ0-9&]+"
_NUM = r"\d{1,6}(?:\.\d{1,2}(?=\s*/))?[a-zA-Z]?"  # "66.7/2025/NQ-CP": one of a series
# Right after "số"/"Số:" a symbol may follow with no space ("số452/KH-UBND").
_LEFT = r"(?:(?<=[sS][ốỐ])|(?<=[sS][ốỐ]:)|(?<![\w/.,\-])(?<!\d:))"  # not "QCVN 01:2019/BXD"
_DASH = "[-–—]"  # Word turns " - " into an en dash: "QĐ – UBND"
SYMBOL = re.compile(
    rf"{_LEFT}(?:"
    # Party order: 49-NQ/ĐU, 05-CT/TW
    rf"(?P<pn>{_NUM})\s*{_DASH}\s*(?P<pk>{_CODE})\s*/\s*(?P<pi>{_CODE}(?:{_DASH}{_CODE})*)"
    r"|"
    # State order: 452/KH-UBND, 61/2018/NĐ-CP, 1301/UBND, 1301 /UBND-VP, 04/QD - UBND
    rf"(?P<n>{_NUM})\s*/\s*(?:(?P<y>(?:19|20)\d\d)\s*/\s*)?"
    rf"(?P<rest>{_CODE}(?:{_DASH}{_CODE}|\s*{_DASH}\s*{_UPCODE})*)"
    # "QĐ-UBNDNgày", "NĐ-CPngày": a word glued on in conversion ends the symbol
    r")(?:(?![\w/])|(?=(?:[Nn]gày|NGÀY|[Cc]ủa|[Vv]ề|Nơi|Loại|Người)(?!\w)))"
)

_DASHES = str.maketrans({"–": "-", "—": "-"})


def symbol_text(match: re.Match[str]) -> str:
    """A SYMBOL match as `parse_doc_number` reads it: no spaces, plain hyphens."""
    return re.sub(r"\s+", "", match.group(0)).translate(_DASHES)


_DATE_NUMERIC = r"\d{1,2}\s*(?P<sep>[/.\-])\s*\d{1,2}\s*(?P=sep)\s*\d{4}"
_DATE_WORDS = r"\d{1,2}\s*,?\s*(?:tháng|Tháng|THÁNG)\s*\d{1,2}\s*,?\s*(?:năm|Năm|NĂM)\s*\d{4}"
DATE = re.compile(rf"(?<![\d/.\-])(?:{_DATE_NUMERIC}|{_DATE_WORDS})(?!\d)")
# "ngày 04/12/2019", "(ngày 4/12/2019)", "được ban hành ngày …", "ngày ký …"
DATED = re.compile(
    r"(?:được\s+)?(?:ban\s+hành\s+|ký\s+)?(?:vào\s+)?(?:ngày|Ngày|NGÀY)\s*(?:ký\s*)?:?\s*"
    rf"(?P<date>{DATE.pattern})",
)


# "ngày 20/11" with no year: the report's year is assumed, and the draft says so.
# "ngày 02 tháng 01" likewise.
DATED_NO_YEAR = re.compile(
    r"(?:ngày|Ngày|NGÀY)\s*(?:"
    r"(?P<day>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<month>\d{1,2})(?!\s*(?P=sep)\s*\d)(?![\d/])"
    r"|(?P<wday>\d{1,2})\s*,?\s*(?:tháng|Tháng|THÁNG)\s*(?P<wmonth>\d{1,2})(?!\d)"
    r"(?!\s*,?\s*(?:năm|Năm|NĂM|/|-|\.\d))"
    r")"
)


def to_date(text: str) -> dt.date | None:
    """A date from a DATE match, or None if it cannot exist (31/02/2020)."""
    try:
        return parse_date(text)
    except ValueError:
        return None


_EXTRA_TITLES = (
    "Công văn", "Công điện", "Văn bản", "Luật", "Thông báo kết luận", "Kế hoạch liên tịch",
)  # fmt: skip
_TITLE_WORDS = sorted({*KIND_TITLES.values(), *_EXTRA_TITLES}, key=len, reverse=True)
# The title just before a symbol: "Kế hoạch số: ", "Quyết định ", "Nghị quyết số số ".
TITLE_BEFORE = re.compile(
    r"(?i)(?P<title>" + "|".join(re.escape(t) for t in _TITLE_WORDS) + r")"
    r"(?:\s+\([^()]{0,40}\))?\s*(?:(?:số|so)\s*:?\s*)*$"
)
# "Công điện số 220/CĐ-TTg": a dispatch has no kind of its own in the symbol's order: a letter
LETTER_TITLES = re.compile(r"(?i)(?:công\s+văn|công\s+điện|văn\s+bản|cv)\s*(?:(?:số)\s*:?\s*)*$")

LEVELS = ("thị trấn", "thị xã", "thành phố", "phường", "xã", "quận", "huyện", "tỉnh", "đặc khu")
LEVEL_RE = "|".join(r"\s+".join(level.split()) for level in LEVELS)
# "Ủy ban nhân dân xã", "UBND huyện", "Uỷ ban nhân dân tỉnh"
COUNCIL = r"(?:[ỦUủu][ỷỶyY]\s*ban\s+nhân\s+dân|UBND|Ủy\s+ban|ỦY\s+BAN\s+NHÂN\s+DÂN)"

# Bodies that issue documents: an issuer phrase after "của"/"do" must start with one.
AGENCY_STARTS = (
    "ủy ban", "ubnd", "hđnd", "hội đồng", "chính phủ", "thủ tướng", "chủ tịch", "phó chủ tịch",
    "bộ ", "sở ", "ban ", "văn phòng", "phòng ", "tỉnh ủy", "thành ủy", "huyện ủy", "đảng ủy",
    "quận ủy", "thị ủy", "quốc hội", "trung ương", "cục ", "tổng cục", "chi cục", "trung tâm",
    "ubmttq", "mặt trận", "kho bạc", "công an", "tòa án", "viện ", "bch", "thường trực",
    "tỉnh ", "huyện ", "xã ", "phường ", "thị trấn", "thành phố", "quận ", "thị xã", "tp",
    "liên ", "bảo hiểm", "ngân hàng", "đoàn ", "hội ", "ubtvqh", "tw", "cấp ", "thanh tra",
    "ubkt", "ủy ban kiểm tra", "bộ chính trị", "ban thường vụ", "btv", "đảng đoàn",
    "ban cán sự", "lãnh đạo", "đại hội", "chính quyền",
)  # fmt: skip
# Words that end an issuer phrase ("của UBND tỉnh về …", "của Chính phủ ngày …").
# Verbs whose words, capitalised, name bodies ("Bộ Công Thương", "Ban Tiếp công dân"): they end
# an issuer's name only in lower case ("… Chủ tịch UBND tỉnh công bố …", "… tiếp tục ban hành").
LOWER_CASE_VERBS = (("công", "bố"), ("tiếp", "tục"))
ISSUER_STOPS = frozenset(
    (
        "về", "v/v", "ngày", "đã", "và", "trong", "theo", "tại", "nhằm", "để", "với", "thì",
        "cũng", "được", "năm", "quy", "số", "cho", "là", "đến", "trên", "đối", "khi",
        "nay", "này", "đó", "sau", "trước", "như", "gồm", "có", "hướng", "kèm", "thực",
        "triển", "việc", "phê",
    )
)  # fmt: skip


# Capitalised words that never belong to a place's name ("UBND tỉnh Thừa Thiên Huế Ngày …").
_NOT_NAMES = frozenset({"ngày", "về", "v/v", "của", "số", "năm", "tháng", "báo", "ban"})


def capital_run(words: list[str], limit: int = 5) -> list[str]:
    """The leading run of capitalised words ("Quảng Điền", "Thừa Thiên Huế", "TP. Huế")."""
    run: list[str] = []
    for word in words[:limit]:
        core = word.strip(",.;:()\"'“”*")
        if not core or not core[0].isupper() or core.lower() in _NOT_NAMES:
            break
        if core in {"TP", "Tp"} and word.startswith(core + "."):
            run.append(core + ".")
            continue
        run.append(core)
        if word.rstrip("\"'”*") != core:  # a comma or full stop ends the name
            break
    return run
