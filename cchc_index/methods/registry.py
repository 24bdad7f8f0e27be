"""The closed vocabulary of scoring methods: one literal list, and nothing else.

The 14 patterns of frameworks.md section D map to it as follows: 1 presence, 2 timeliness,
3 qualitative, 4 ratio_bands, 5 all_of, 6 pro_rata, 7 count_ladder, 8 growth, 9 `if_none:
full` on a ratio, 10 a node's `not_applicable` policy (or `if_none: not_applicable`),
11 survey, 12 bonus and deduction, 13 formula, 14 the roll-up in `scoring/evaluate.py`.

Adding a method: write its class (see `MethodBase`) and add it to `METHODS`. A method defined
outside the package (a test, a plug-in) is added with `register`.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, Union

from pydantic import Field, SerializeAsAny, TypeAdapter, WrapValidator

from cchc_index.methods.base import MethodBase
from cchc_index.methods.counts import Bonus, CountLadder, Deduction, Formula
from cchc_index.methods.documents import AllOf, Presence, Timeliness
from cchc_index.methods.ratios import Growth, ProRata, RatioBands
from cchc_index.methods.shapes import Explained, StepCap
from cchc_index.methods.special import Qualitative, Survey

METHODS: list[type[MethodBase]] = [
    Presence,
    Timeliness,
    Qualitative,
    RatioBands,
    AllOf,
    ProRata,
    CountLadder,
    Growth,
    Survey,
    Bonus,
    Deduction,
    Formula,
    StepCap,
    Explained,
]


def name_of(cls: type[MethodBase]) -> str:
    """The `type` literal a method class answers to."""
    return str(cls.model_fields["type"].annotation.__args__[0])  # type: ignore[union-attr]


def names() -> list[str]:
    return [name_of(cls) for cls in METHODS]


def get(name: str) -> type[MethodBase]:
    """The method called `name`; a KeyError naming the vocabulary otherwise."""
    for cls in METHODS:
        if name_of(cls) == name:
            return cls
    raise KeyError(f"{name!r} ∉ {{{', '.join(names())}}}")


def register(cls: type[MethodBase]) -> None:
    """Add a method defined outside this list; frameworks loaded afterwards may use it."""
    if name_of(cls) in names():
        raise ValueError(f"method {name_of(cls)!r} is already registered")
    METHODS.append(cls)
    _adapter.cache_clear()


def unregister(cls: type[MethodBase]) -> None:
    METHODS.remove(cls)
    _adapter.cache_clear()


@functools.cache
def _adapter() -> TypeAdapter[Any]:
    union = Union[tuple(METHODS)]  # type: ignore[valid-type]  # noqa: UP007
    return TypeAdapter(Annotated[union, Field(discriminator="type")])  # type: ignore[arg-type]


def parse(data: Any) -> MethodBase:
    """`data` as the registered method its `type` names (pydantic errors located inside it)."""
    method: MethodBase = _adapter().validate_python(data)
    return method


def _dispatch(value: Any, handler: Any) -> MethodBase:
    return value if isinstance(value, MethodBase) else parse(value)


# The field type of a node's `method`: dispatched on `type` through the registry at
# validation time, so a registered method needs no change to the framework model.
Method = Annotated[SerializeAsAny[MethodBase], WrapValidator(_dispatch)]
