"""The evidence bundle (bộ minh chứng) of one unit for one assessment year."""

# No `from __future__ import annotations`: pydantic builds these classes faster from
# annotations Python has already evaluated (part of every `score` start).

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    ValidationInfo,
    field_validator,
    model_validator,
)

from cchc_index.docnumber import DocKind, DocNumber, kind_from_text, parse_doc_number
from cchc_index.fields import Strict, VnDate, VnDecimal
from cchc_index.i18n import tr
from cchc_index.model.framework import Level
from cchc_index.text import foreign_char


def foreign_message(found: tuple[str, str, str, str]) -> str:
    """What to say about a letter of another script found by `text.foreign_char`."""
    char, code, vi, en = found
    return tr(
        f"ký tự '{char}' ({code}, {vi}) lẫn trong chữ Việt: hãy gõ lại bằng bàn phím tiếng Việt",
        f"character '{char}' ({code}, {en}) mixed into Vietnamese text: type it again",
    )


def clean(value: object) -> object:
    """Refuse a letter of another script (Cyrillic, Greek…) or a non-ASCII digit in text.
    (The tables of a bundle are checked once per file by the loader, not cell by cell.)"""
    if isinstance(value, str):
        found = foreign_char(value)
        if found is not None:
            raise ValueError(foreign_message(found))
    return value


def _doc_number(value: object) -> object:
    return parse_doc_number(value) if isinstance(value, str) else value


def _ids(value: object) -> object:
    if isinstance(value, str):
        return tuple(p for p in re.split(r"[;,\s]+", value) if p)
    return value


def _kind(value: object) -> object:
    if isinstance(value, str):
        kind = kind_from_text(value)
        if kind is None:
            raise ValueError(
                tr(
                    f"không nhận ra loại văn bản {value!r} (ví dụ: KH, QĐ, Kế hoạch)",
                    f"unknown document kind {value!r} (e.g. KH, QĐ, Kế hoạch)",
                )
            )
        return kind
    return value


Number = Annotated[
    DocNumber, BeforeValidator(_doc_number), PlainSerializer(lambda d: d.symbol, return_type=str)
]
NodeIds = Annotated[tuple[str, ...], BeforeValidator(_ids)]
Text = Annotated[str, BeforeValidator(clean)]
Kind = Annotated[DocKind, BeforeValidator(_kind)]


class Issuer(Strict):
    """Who files the unit's report, as the NĐ 30/2020 header and signature block print it.
    Every field is optional: `report/issuer.py` fills what is left out from the unit's level."""

    body: Text | None = Field(default=None, min_length=1)  # "Ủy ban nhân dân xã Quảng An", in full
    superior: Text | None = Field(default=None, min_length=1)  # "UBND huyện Quảng Điền"
    symbol: str | None = Field(default=None, pattern=r"^[A-ZĐ][A-Za-zĐđ]*$")  # UBND, SNV
    signer: Text | None = Field(default=None, min_length=1)  # "Chủ tịch", "Giám đốc"
    on_behalf: Text | None = None  # "TM. Ủy ban nhân dân"; "" when the head signs as such
    place: Text | None = Field(default=None, min_length=1)  # the địa danh of the date line
    recipients: tuple[Text, ...] = ()


class Profile(Strict):
    """Who the unit is and which framework and year it is assessed on (profile.yaml)."""

    name: Text = Field(min_length=1)
    aliases: tuple[Text, ...] = ()
    level: Level
    province: str
    district: str | None = None
    year: int = Field(ge=2000, le=2100)
    framework: str | None = None
    issuer: Issuer | None = None
    synthetic: bool = False  # a made-up sample unit (evidence/tinh-mau), not a real one
    note: str | None = None


class Document(Strict):
    """One row of documents.csv: a document with its number, date and issuer."""

    number: Number
    date: VnDate
    kind: Kind | None = None
    issuer: str | None = None
    subject: str | None = None
    file: str | None = None
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-fA-F]{64}$")
    for_: NodeIds = Field(default=(), alias="for")
    note: str | None = None

    @field_validator("kind")
    @classmethod
    def _kind_agrees(cls, kind: DocKind | None, info: ValidationInfo) -> DocKind | None:
        # a field validator runs only when the column is filled (a model validator would run
        # on every row of every bundle); `number` is validated before `kind`
        number = info.data.get("number")
        if kind is not None and number is not None and kind is not number.kind:
            raise ValueError(
                tr(
                    f"loại '{kind.value}' khác loại trong số ký hiệu {number.symbol}",
                    f"kind '{kind.value}' differs from the kind in {number.symbol}",
                )
            )
        return kind

    @property
    def doc_kind(self) -> DocKind:
        return self.number.kind

    def label(self) -> str:
        """How a used document is cited in any language: `452/KH-UBND (04/12/2019)`."""
        return f"{self.number.symbol} ({self.date:%d/%m/%Y})"


class Item(Strict):
    """One row of links.csv or photos.csv."""

    url: str | None = None
    file: str | None = None
    title: str = Field(min_length=1)
    date: VnDate | None = None
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-fA-F]{64}$")
    for_: NodeIds = Field(default=(), alias="for")
    note: str | None = None

    def label(self) -> str:
        return self.url or self.file or self.title


class Statistic(Strict):
    """A named figure (statistics.yaml), with last year's value where a rule needs it."""

    value: VnDecimal = Field(ge=0)
    last_year: VnDecimal | None = Field(default=None, ge=0)
    source: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: object) -> object:
        return {"value": data} if isinstance(data, str | int | Decimal) else data


class Qualitative(Strict):
    node: str
    result: Literal["đạt", "không đạt"]
    explanation: str = Field(min_length=1)

    @field_validator("result", mode="before")
    @classmethod
    def _fold(cls, value: object) -> object:
        return " ".join(value.casefold().split()) if isinstance(value, str) else value


class NotApplicableClaim(Strict):
    node: str
    reason: str = Field(min_length=1)


class Declarations(Strict):
    """declarations.yaml: qualitative self-assessments and not-applicable claims."""

    qualitative: tuple[Qualitative, ...] = ()
    not_applicable: tuple[NotApplicableClaim, ...] = ()


class Bundle(Strict):
    profile: Profile
    documents: tuple[Document, ...] = ()
    statistics: dict[str, Statistic] = Field(default_factory=dict)
    links: tuple[Item, ...] = ()
    photos: tuple[Item, ...] = ()
    declarations: Declarations = Declarations()

    @property
    def year(self) -> int:
        return self.profile.year
