"""What a rule file says about its source beyond where it comes from: defects of the official
text and the reading chosen, how much of the source is encoded, the national scheme followed."""

# No `from __future__ import annotations` here: pydantic builds these classes ~25 % faster
# from annotations Python has already evaluated (part of every `score` start).

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from cchc_index.docnumber import DocKind, parse_doc_number
from cchc_index.fields import Strict
from cchc_index.i18n import tr

DefectKind = Literal["unreachable_maximum", "totals"]


class SourceDefect(Strict):
    """A defect of the official text (a contradiction, an overlap, a stray figure) and the
    reading this rule file encodes, so that a reviewer sees the choice instead of a guess."""

    where: str = Field(min_length=1)
    defect: str = Field(min_length=1)
    reading: str = Field(min_length=1)
    # what kind of defect, when a check depends on it: `unreachable_maximum` says that the
    # source gives a node a maximum no branch of its scoring reaches (`validate` accepts the
    # mismatch only with it); `totals` that the source's own sums do not add up
    kind: DefectKind | None = None


class Completeness(Strict):
    """How much of the source table the rule files encode: rows encoded / rows of the source
    (`rows_source` left out when the source's own length is unknown, e.g. a cut-off copy)."""

    rows_encoded: int = Field(ge=1)
    rows_source: int | None = Field(default=None, ge=1)
    note: str | None = None

    @model_validator(mode="after")
    def _not_more_than_the_source(self) -> "Completeness":
        if self.rows_source is not None and self.rows_encoded > self.rows_source:
            raise ValueError(
                tr(
                    f"'rows_encoded' ({self.rows_encoded}) lớn hơn 'rows_source' ({self.rows_source})",
                    f"'rows_encoded' ({self.rows_encoded}) exceeds 'rows_source' ({self.rows_source})",
                )
            )
        return self


def _scheme(value: object) -> object:
    """A national scheme is a decision: `1187/QĐ-BNV`, written in its canonical spelling."""
    if not isinstance(value, str):
        return value
    number = parse_doc_number(value)
    if number.kind is not DocKind.QD:
        raise ValueError(
            tr(
                f"đề án quốc gia là một quyết định (dạng 1187/QĐ-BNV), không phải {value!r}",
                f"a national scheme is a decision (like 1187/QĐ-BNV), not {value!r}",
            )
        )
    return number.symbol


Scheme = Annotated[str, BeforeValidator(_scheme)]
