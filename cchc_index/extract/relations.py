"""How the one-stop figures of one report hang together, stated once, as data.

`settle` reads these tables to choose which candidate figure is which variable; `review`
reads them to explain a doubt. No other module states a relation between figures.

| relation | kind | meaning |
|---|---|---|
| received = carried over + new | sum | `ho_so_tiep_nhan = ho_so_ky_truoc + ho_so_tiep_nhan_moi` |
| resolved = early + on time + late | sum | `ho_so_da_giai_quyet = ho_so_truoc_han + ho_so_dung_han + ho_so_tre_han` |
| resolved = (early and on time) + late | sum | `ho_so_da_giai_quyet = ho_so_truoc_va_dung_han + ho_so_tre_han` |
| early and on time = early + on time | sum | `ho_so_truoc_va_dung_han = ho_so_truoc_han + ho_so_dung_han` |
| in progress = within the deadline + past it | sum | `ho_so_dang_giai_quyet = ho_so_dang_giai_quyet_trong_han + ho_so_dang_giai_quyet_qua_han` |
| in progress: resolved + in progress ≤ received | bound | records returned or withdrawn make it less |
| channels: online + direct ≤ new | bound | postal records may be counted apart |
| a part ≤ its whole | bound | online, postal, digitised, carried over ≤ received; resolved and each of its parts, each part of the records in progress ≤ received; late ≤ resolved; in progress within or past the deadline ≤ in progress |
| rates = count / total | support only | "148.761 hồ sơ, đạt tỷ lệ 98,33%" agrees with 148.761 / 151.295 |
| a quarter's ≤ the year's | bound | a figure of part of the period ("quý I", "tháng 9") is not the year's and never exceeds it |

A `sum` must hold whenever all its terms are known (a term may be worked out from the others
of another sum), and then closes: it supports the figures in it. A `bound` must never be
broken; holding with equality proves nothing (records returned or withdrawn), so it only
rules assignments out. A stated rate that agrees supports its count, and never rules out. A figure's words may leave its role open: a plain "tiếp nhận 743.077
hồ sơ" beside "kỳ trước chuyển qua 3.303 hồ sơ" is either the period's total or the newly
received count; "tiếp nhận tại Bộ phận Một cửa 900 hồ sơ" is either all records or those
filed in person; the relations decide (`ALTERNATIVES`), and where they cannot, both readings
go to review.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Relation:
    """`whole` against the sum of `parts`: equal (`exact`), or at least it; `label` names it
    for a person, in Vietnamese and English."""

    whole: str
    parts: tuple[str, ...]
    exact: bool
    label: tuple[str, str]

    @property
    def terms(self) -> tuple[str, ...]:
        return (self.whole, *self.parts)


RELATIONS: tuple[Relation, ...] = (
    Relation("ho_so_tiep_nhan", ("ho_so_tiep_nhan_moi", "ho_so_ky_truoc"), True,
             ("tiếp nhận = kỳ trước chuyển sang + tiếp nhận mới",
              "received = carried over + newly received")),
    Relation("ho_so_da_giai_quyet", ("ho_so_truoc_han", "ho_so_dung_han", "ho_so_tre_han"), True,
             ("đã giải quyết = trước hạn + đúng hạn + trễ hạn",
              "resolved = early + on time + late")),
    Relation("ho_so_da_giai_quyet", ("ho_so_truoc_va_dung_han", "ho_so_tre_han"), True,
             ("đã giải quyết = trước và đúng hạn + trễ hạn",
              "resolved = early or on time + late")),
    Relation("ho_so_truoc_va_dung_han", ("ho_so_truoc_han", "ho_so_dung_han"), True,
             ("trước và đúng hạn = trước hạn + đúng hạn", "early or on time = early + on time")),
    Relation("ho_so_tiep_nhan", ("ho_so_da_giai_quyet", "ho_so_dang_giai_quyet"), False,
             ("đã giải quyết + đang giải quyết ≤ tiếp nhận",
              "resolved + in progress ≤ received")),
    Relation("ho_so_dang_giai_quyet",
             ("ho_so_dang_giai_quyet_trong_han", "ho_so_dang_giai_quyet_qua_han"), True,
             ("đang giải quyết = còn trong hạn + đã quá hạn",
              "in progress = within the deadline + past it")),
    Relation("ho_so_tiep_nhan_moi", ("ho_so_truc_tuyen", "ho_so_truc_tiep"), False,
             ("trực tuyến + trực tiếp ≤ tiếp nhận mới", "online + direct ≤ newly received")),
)  # fmt: skip

# part ≤ whole, whatever else is known.
BOUNDS: tuple[tuple[str, str], ...] = (
    ("ho_so_truc_tuyen", "ho_so_tiep_nhan"),
    ("ho_so_truc_tiep", "ho_so_tiep_nhan"),
    ("ho_so_bcci", "ho_so_tiep_nhan"),
    ("ho_so_so_hoa", "ho_so_tiep_nhan"),
    ("ho_so_ky_truoc", "ho_so_tiep_nhan"),
    ("ho_so_tiep_nhan_moi", "ho_so_tiep_nhan"),
    ("ho_so_tre_han", "ho_so_da_giai_quyet"),
    ("ho_so_dang_giai_quyet", "ho_so_tiep_nhan"),
    ("ho_so_dang_giai_quyet_qua_han", "ho_so_dang_giai_quyet"),
    ("ho_so_dang_giai_quyet_trong_han", "ho_so_dang_giai_quyet"),
    # the outcome of the period's records never exceeds them, even where the records resolved
    # or in progress are not stated ("giải quyết xong 6.540 hồ sơ trước và đúng hạn" beside
    # "tiếp nhận 6.189 hồ sơ; kỳ trước chuyển sang 4.446 hồ sơ": 6.189 is the new ones)
    ("ho_so_da_giai_quyet", "ho_so_tiep_nhan"),
    ("ho_so_truoc_va_dung_han", "ho_so_tiep_nhan"),
    ("ho_so_truoc_han", "ho_so_tiep_nhan"),
    ("ho_so_dung_han", "ho_so_tiep_nhan"),
    ("ho_so_tre_han", "ho_so_tiep_nhan"),
    ("ho_so_dang_giai_quyet_trong_han", "ho_so_tiep_nhan"),
    ("ho_so_dang_giai_quyet_qua_han", "ho_so_tiep_nhan"),
)

BOUND_LABEL = ("phần ≤ toàn thể", "part ≤ whole")
PERIOD_LABEL = (
    "số của một quý, một tháng ≤ số của cả năm",
    "a quarter's or a month's ≤ the year's",
)
# A figure whose words allow two readings (`ALTERNATIVES`) that the other figures leave tied.
READING_LABEL = (
    "câu chữ có thể hiểu theo hai cách",
    "the words allow two readings",
)

# rates = count / total: the totals a stated percentage of each count may be taken over.
RATE_BASES: dict[str, tuple[str, ...]] = {
    "ho_so_truoc_han": ("ho_so_da_giai_quyet", "ho_so_tiep_nhan"),
    "ho_so_dung_han": ("ho_so_da_giai_quyet", "ho_so_tiep_nhan"),
    "ho_so_truoc_va_dung_han": ("ho_so_da_giai_quyet", "ho_so_tiep_nhan"),
    "ho_so_tre_han": ("ho_so_da_giai_quyet", "ho_so_tiep_nhan"),
    "ho_so_da_giai_quyet": ("ho_so_tiep_nhan",),
    "ho_so_dang_giai_quyet": ("ho_so_tiep_nhan",),
    "ho_so_truc_tuyen": ("ho_so_tiep_nhan", "ho_so_tiep_nhan_moi"),
}


@dataclass(frozen=True)
class Alternative:
    """A figure read as `variable` may be `instead` when the report also gives `beside`
    (if named) and the words before it hold one of `when` (if named), unless its words,
    before or after it, say which it is (`unless`; all `vkey` text)."""

    variable: str
    instead: str
    beside: str | None
    unless: tuple[str, ...]
    when: tuple[str, ...] = ()
    # nor when the figure is told as this sum: the first term, given once, and each other one
    # given once ("8.606 kỳ trước chuyển qua, 19.838 trực tuyến, 190.319 trực tiếp": the total)
    unless_sum: tuple[str, ...] = ()


_TOTAL_WORDS = ("tổng", "lũy kế", "bao gồm", "gồm cả", "tính cả", "cần xử lý", "cần giải quyết")
ALTERNATIVES: tuple[Alternative, ...] = (
    # "tiếp nhận 743.077 hồ sơ …; kỳ trước chuyển qua 3.303 hồ sơ": new, or the total?
    Alternative("ho_so_tiep_nhan", "ho_so_tiep_nhan_moi", "ho_so_ky_truoc", _TOTAL_WORDS,
                unless_sum=("ho_so_ky_truoc", "ho_so_truc_tuyen", "ho_so_truc_tiep", "ho_so_bcci")),
    # "số hồ sơ tiếp nhận tại Bộ phận Một cửa là 900 hồ sơ": all records, or those filed in
    # person at the desk (the others online)? The report's other figures decide, else review.
    Alternative("ho_so_tiep_nhan", "ho_so_truc_tiep", None, _TOTAL_WORDS,
                when=("tại bộ phận một cửa", "tại bộ phận tiếp nhận", "tại bộ phận tn",
                      "tại một cửa", "tại quầy")),
    # "tổng số hồ sơ giải quyết TTHC là 168.746": the records to handle, or those resolved?
    # Without "tiếp nhận" or "đã", the words say neither; the other figures decide, else review.
    Alternative("ho_so_tiep_nhan", "ho_so_da_giai_quyet", None,
                ("tiếp nhận", "nhận giải quyết", "cần", "phải", "đến hạn", "thụ lý", "đã và đang",
                 "lũy kế"),
                when=("số hồ sơ giải quyết", "số hồ sơ được giải quyết")),
)  # fmt: skip

# a quarter's ≤ the year's: words that make a figure one part of the period's.
PART_OF_PERIOD = (r"\bq(?:uý|úy)\s+(?:i{1,3}|iv|[1-4])\b", r"\btháng\s+\d{1,2}\b(?!\s*tháng)")

RELATED = frozenset(
    {t for r in RELATIONS for t in r.terms}
    | {t for pair in BOUNDS for t in pair}
    | set(RATE_BASES)
    | {a.instead for a in ALTERNATIVES}
)

# Every relation's name, Vietnamese → English, for the notes a person reads.
LABELS: dict[str, str] = dict(
    [*(r.label for r in RELATIONS), BOUND_LABEL, PERIOD_LABEL, READING_LABEL]
)
