"""A photo's EXIF date (when it was taken, as the camera says) against the item's window:
its stated date (the same day, or the day after) or, with none stated, the assessment year."""

from __future__ import annotations

import datetime as dt
import io

from cchc_index.i18n import tr
from cchc_index.verify.verdict import FieldCheck, Verdict

_EXIF_IFD = 0x8769
_DATE_ORIGINAL = 0x9003
_DATE_TIME = 0x0132


def exif_date(data: bytes) -> dt.date | str | None:
    """The date the photo was taken; None when it has no EXIF date; a str saying why the
    image cannot be read."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            raw = exif.get_ifd(_EXIF_IFD).get(_DATE_ORIGINAL) or exif.get(_DATE_TIME)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return tr("không mở được ảnh", "cannot open the image")
    if not isinstance(raw, str):
        return None
    try:
        return dt.datetime.strptime(raw.strip()[:19], "%Y:%m:%d %H:%M:%S").date()
    except ValueError:
        return None


def check_photo(data: bytes, stated: dt.date | None, year: int) -> FieldCheck:
    taken = exif_date(data)
    if isinstance(taken, str):
        return FieldCheck("photo_date", Verdict.UNREADABLE, note=taken)
    if taken is None:
        return FieldCheck(
            "photo_date",
            Verdict.NOT_FOUND,
            note=tr("ảnh không có ngày chụp (EXIF)", "the photo has no EXIF date"),
        )
    shown = f"{taken:%d/%m/%Y}"
    if stated is not None:
        if 0 <= (taken - stated).days <= 1 or 0 <= (stated - taken).days <= 1:
            return FieldCheck("photo_date", Verdict.MATCH, shown)
        return FieldCheck(
            "photo_date",
            Verdict.DIFFERS,
            shown,
            tr(f"ngày ghi trong bảng: {stated:%d/%m/%Y}", f"date in the table: {stated:%d/%m/%Y}"),
        )
    if taken.year == year:
        return FieldCheck("photo_date", Verdict.MATCH, shown)
    return FieldCheck(
        "photo_date",
        Verdict.DIFFERS,
        shown,
        tr(f"ngoài năm đánh giá {year}", f"outside the assessment year {year}"),
    )
