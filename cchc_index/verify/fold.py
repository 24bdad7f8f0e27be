"""Text as OCR and PDFs give it, made comparable: look-alike letters mapped, accents folded."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from cchc_index.text import nfc

# Tesseract's `vie` emits letters of other alphabets beside Vietnamese ones: the Icelandic
# Eth (Ð, U+00D0) beside or for Đ (U+0110), and fractions slashes for "/"
_LOOK_ALIKES = str.maketrans(
    {
        "Ð": "Đ",
        "ð": "đ",
        "Ɖ": "Đ",
        "ɖ": "đ",
        "⁄": "/",
        "∕": "/",
        "／": "/",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "“": '"',
        "”": '"',
        "|": " ",
    }
)
_DOUBLE_D = re.compile(r"Đ{2,}|đ{2,}")


def clean(text: str) -> str:
    """NFC, look-alikes mapped, a doubled Đ made one ("QĐĐ" from "QĐÐ"), spaces collapsed."""
    mapped = nfc(text).translate(_LOOK_ALIKES)
    mapped = _DOUBLE_D.sub(lambda m: m.group(0)[0], mapped)
    return " ".join(mapped.split())


@lru_cache(maxsize=16384)
def plain(text: str) -> str:
    """Lower case without accents, đ read as d, punctuation as spaces: "ủy ban" → "uy ban"."""
    decomposed = unicodedata.normalize("NFD", clean(text).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("đ", "d")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", bare).split())


_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "tp": "thanh pho",
    "tt": "thi tran",
    "ubmttq": "uy ban mat tran to quoc",
    "mttq": "mat tran to quoc",
    "vp": "van phong",
}


def name_words(text: str) -> list[str]:
    """Words of an agency's name with the usual abbreviations spelt out."""
    found: list[str] = []
    for word in plain(text).split():
        found.extend(_ABBREVIATIONS.get(word, word).split())
    return found
