"""Reading raw rule-file values before validation: the checks run on the located dicts."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any


def _dec(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if isinstance(value, str | int) else None
    except InvalidOperation:
        return None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
