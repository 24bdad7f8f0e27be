"""Write cchc_index/model/holidays.yaml: Vietnam's public holidays 2020–2027, computed.

Rules (Bộ luật Lao động 2019, Điều 112; 2012, Điều 115 for 2020): Tết Dương lịch 1/1; Tết
Âm lịch 5 days (computed here as the last day of the lunar year and the first four of the
new one); Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 and, from 2021, one day
next to it (computed: the day after when 2/9 is Monday to Thursday, the day before otherwise).
A holiday on a Saturday or Sunday gives the next working day off (nghỉ bù).

The lunar dates below are the Gregorian dates of Mùng 1 Tết and 10/3 âm lịch. The
government's yearly announcement (which Tết days, which swaps with a make-up Saturday) was
not read for any year: every year is marked `basis: computed`. A framework replaces a year by
its own `holidays:` in framework.yaml, with the announcement as its source.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

TET = {
    2020: dt.date(2020, 1, 25),
    2021: dt.date(2021, 2, 12),
    2022: dt.date(2022, 2, 1),
    2023: dt.date(2023, 1, 22),
    2024: dt.date(2024, 2, 10),
    2025: dt.date(2025, 1, 29),
    2026: dt.date(2026, 2, 17),
    2027: dt.date(2027, 2, 6),
}
GIO_TO = {
    2020: dt.date(2020, 4, 2),
    2021: dt.date(2021, 4, 21),
    2022: dt.date(2022, 4, 10),
    2023: dt.date(2023, 4, 29),
    2024: dt.date(2024, 4, 18),
    2025: dt.date(2025, 4, 7),
    2026: dt.date(2026, 4, 26),
    2027: dt.date(2027, 4, 16),
}
DAY = dt.timedelta(days=1)


def year_off(year: int) -> list[tuple[dt.date, str]]:
    days: list[tuple[dt.date, str]] = [(dt.date(year, 1, 1), "Tết Dương lịch")]
    tet = TET[year]
    days += [(tet - DAY, "Tết Nguyên đán (30 Tết)")]
    days += [(tet + i * DAY, f"Tết Nguyên đán (mùng {i + 1})") for i in range(4)]
    days += [(GIO_TO[year], "Giỗ Tổ Hùng Vương (10/3 âm lịch)")]
    days += [
        (dt.date(year, 4, 30), "Ngày Chiến thắng 30/4"),
        (dt.date(year, 5, 1), "Quốc tế Lao động 1/5"),
    ]
    national = dt.date(year, 9, 2)
    days += [(national, "Quốc khánh 2/9")]
    if year >= 2021:
        extra = national + DAY if national.weekday() <= 3 else national - DAY
        days += [(extra, "Quốc khánh (ngày liền kề)")]
    taken = {d for d, _ in days}
    for day, name in sorted(days):
        if day.weekday() >= 5:  # nghỉ bù: the next working day not already off
            bù = day + DAY
            while bù.weekday() >= 5 or bù in taken:
                bù += DAY
            taken.add(bù)
            days.append((bù, f"Nghỉ bù {name}"))
    return sorted(days)


def render() -> str:
    lines = [
        "# Ngày nghỉ lễ, tết của Việt Nam 2020–2027, dùng để đếm ngày làm việc (scripts/make_holidays.py).",
        "# basis: computed = tính theo Bộ luật Lao động (Điều 112) và lịch âm; thông báo hằng năm của",
        "# Chính phủ (ngày nghỉ Tết cụ thể, hoán đổi ngày làm bù) chưa được đọc cho năm nào. Bộ chỉ số",
        "# thay một năm bằng khóa `holidays:` trong framework.yaml, ghi nguồn là thông báo chính thức.",
    ]
    for year in sorted(TET):
        lines.append(f"{year}:")
        lines.append("  basis: computed")
        lines.append("  days_off:")
        lines += [f'    - {{date: {d:%d/%m/%Y}, name: "{name}"}}' for d, name in year_off(year)]
        lines.append("  work_days: []")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "cchc_index" / "model" / "holidays.yaml"
    if sys.argv[1:] == ["--check"]:
        sys.exit(0 if target.read_text(encoding="utf-8") == render() else 1)
    target.write_text(render(), encoding="utf-8")
