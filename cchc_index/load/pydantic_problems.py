"""Turn pydantic's validation errors into located, Vietnamese-first problems."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from cchc_index.errors import Problem
from cchc_index.i18n import lang, tr
from cchc_index.source import Key, Located
from cchc_index.suggest import suggest


def field_names(models: Iterable[type[BaseModel]]) -> set[str]:
    """Every key a model tree accepts (aliases included), for did-you-mean."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    stack = list(models)
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
            stack.extend(_submodels(info.annotation))
    return names


def _submodels(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in getattr(annotation, "__args__", ()) or ():
        found.extend(_submodels(arg))
    metadata = getattr(annotation, "__metadata__", ())
    if metadata:
        found.extend(_submodels(getattr(annotation, "__origin__", None)))
    return found


def data_path(data: Any, loc: tuple[Any, ...]) -> Key:
    """pydantic's `loc`, less the union tags it inserts, as a path into the data."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict):
            if part in node:
                path.append(part)
                node = node[part]
            elif node.get("type") == part or part in ("function-after", "function-before"):
                continue
            else:
                path.append(part)
                node = None
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and "[" in part:  # tagged-union or function labels
            continue
        else:
            path.append(part)
            node = None
    return tuple(path)


def _message(error: dict[str, Any], names: set[str]) -> tuple[str, bool]:
    """The message and whether it points at the key (not the value)."""
    kind, ctx, loc = error["type"], error.get("ctx") or {}, error["loc"]
    last = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        hint = suggest(last, names)
        return tr(f"khóa không được phép '{last}'{hint}", f"unknown key '{last}'{hint}"), True
    if kind == "missing":
        return tr(f"thiếu trường bắt buộc '{last}'", f"missing required field '{last}'"), True
    if kind in ("union_tag_invalid", "literal_error", "enum"):
        expected = ctx.get("expected_tags") or ctx.get("expected") or ""
        got = error.get("input")
        if kind == "union_tag_invalid":
            got = ctx.get("tag", got)
        hint = suggest(
            str(got), [e.strip(" '") for e in str(expected).replace(" or ", ",").split(",")]
        )
        return tr(
            f"giá trị '{got}' không hợp lệ; chọn một trong: {expected}{hint}",
            f"invalid value '{got}'; expected one of: {expected}{hint}",
        ), False
    if kind == "union_tag_not_found":
        return tr("thiếu khóa 'type'", "missing key 'type'"), True
    if kind in ("decimal_parsing", "decimal_type", "int_parsing", "int_type", "float_parsing"):
        return tr(
            f"cần một số, nhận được {error.get('input')!r}",
            f"expected a number, got {error.get('input')!r}",
        ), False
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        op = {
            "greater_than_equal": "≥",
            "greater_than": ">",
            "less_than_equal": "≤",
            "less_than": "<",
        }
        bound = next(iter(ctx.values()), "")
        return tr(f"giá trị phải {op[kind]} {bound}", f"value must be {op[kind]} {bound}"), False
    if kind == "too_short":
        return tr(
            f"cần ít nhất {ctx.get('min_length')} phần tử",
            f"needs at least {ctx.get('min_length')} items",
        ), False
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return tr("cần một bảng khóa: giá trị", "expected a mapping of key: value"), False
    if kind in ("list_type", "tuple_type"):
        return tr("cần một danh sách", "expected a list"), False
    if kind == "string_pattern_mismatch":
        if "{64}" in str(ctx.get("pattern")):
            return tr(
                "sha256 phải là đúng 64 ký tự 0-9, a-f",
                "a sha256 is exactly 64 characters 0-9, a-f",
            ), False
        return tr("giá trị không đúng dạng yêu cầu", "the value is not in the expected form"), False
    if kind in ("bool_parsing", "bool_type"):
        return tr("cần có/không (true/false)", "expected yes/no (true/false)"), False
    if kind == "value_error":
        said = str(ctx.get("error", ""))
        return (english(said) if lang() == "en" else said) or tr(
            "giá trị không hợp lệ", "invalid value"
        ), False
    if kind in ("string_type", "str_type"):
        return tr("cần một chuỗi chữ", "expected text"), False
    if kind in ("string_too_short",):
        return tr("không được để trống", "must not be empty"), False
    if kind in ("string_too_long",):
        return tr("quá dài", "too long"), False
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return tr("cần một ngày dd/mm/yyyy", "expected a date dd/mm/yyyy"), False
    if kind in (
        "finite_number",
        "decimal_max_digits",
        "decimal_max_places",
        "decimal_whole_digits",
    ):
        return tr(
            "cần một số hữu hạn, không quá lớn", "expected a finite, not too large number"
        ), False
    if kind == "int_from_float":
        return tr("cần một số nguyên", "expected a whole number"), False
    # Never pydantic's English: the kind of error, in words the user can act on.
    return tr(f"giá trị không hợp lệ ({kind})", f"invalid value ({kind})"), False


# The ground modules (text.py, docnumber.py) sit below the language switch and say what is
# wrong in Vietnamese; their few sentences are put into English here, at the one place
# validation errors become messages.
_ENGLISH = (
    (re.compile(r"^không phải là số: (.*)$"), "not a number: {0}"),
    (
        re.compile(r"^không đọc được ngày (.*) \(dạng dd/mm/yyyy\)$"),
        "cannot read the date {0} (dd/mm/yyyy)",
    ),
    (re.compile(r"^ngày không tồn tại: (.*)$"), "no such date: {0}"),
    (
        re.compile(r"^không nhận ra loại văn bản (.*) trong (.*)$"),
        "unknown document kind {0} in {1}",
    ),
    (
        re.compile(r"^số, ký hiệu (.*) thiếu loại văn bản \(dạng (.*)\)$"),
        "document number {0} lacks the kind of document (e.g. {1})",
    ),
    (
        re.compile(r"^số, ký hiệu (.*) thiếu loại văn bản và cơ quan ban hành$"),
        "document number {0} lacks the kind and the issuer",
    ),
    (
        re.compile(r"^số, ký hiệu (.*) thiếu cơ quan ban hành sau dấu '-'$"),
        "document number {0} lacks the issuer after '-'",
    ),
)


def english(message: str) -> str:
    """A Vietnamese sentence of the ground modules in English (unchanged when unknown)."""
    for pattern, template in _ENGLISH:
        match = pattern.match(message)
        if match:
            return template.format(*match.groups())
    return message


def problems_from(
    exc: ValidationError, source: Located, names: set[str], prefix: Key = ()
) -> list[Problem]:
    """Every error of `exc`, located in `source` (the data was validated at `prefix`)."""
    found = []
    seen: set[tuple[int, int, str]] = set()
    for error in exc.errors(include_url=False):
        loc = (*prefix, *data_path(_at(source.data, prefix), tuple(error["loc"])))
        message, at_key = _message(dict(error), names)
        problem = source.problem(loc, message, key=at_key)
        mark = (problem.line, problem.col, problem.message)
        if mark not in seen:
            seen.add(mark)
            found.append(problem)
    return found


def _at(data: Any, prefix: Key) -> Any:
    for part in prefix:
        data = data[part]
    return data
