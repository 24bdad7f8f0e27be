"""YAML text → plain data and positions, from libyaml's event stream, without recursion.

Hostile input is refused before it costs anything: nesting is counted while the events stream
by (the composer would recurse in C and can overflow the stack), aliases are refused where no
one needs them (bundles) and their expanded size capped elsewhere (a "billion laughs" file is a
few hundred bytes that expand to gigabytes). Every scalar stays a string.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from cchc_index.errors import Problem
from cchc_index.i18n import tr
from cchc_index.text import control_chars

Key = tuple[str | int, ...]
_NULLS = {"", "~", "null", "Null", "NULL"}
MAX_DEPTH = 64
MAX_NODES = 200_000  # scalars and collections after expanding aliases


@dataclass
class Tree:
    """What a YAML file holds, with the (line, column) of every value and key."""

    path: str
    data: Any = None
    positions: dict[Key, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Key, tuple[int, int]] = field(default_factory=dict)


@dataclass
class _Open:
    """A collection being built: its value, its path, and for a mapping the pending key."""

    value: dict[str, Any] | list[Any]
    loc: Key
    anchor: str | None
    size: int = 1
    key: str | None = None
    skip: bool = False  # the pending key was a duplicate or not a string
    is_map: bool = False


def _mark(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def build(events: Any, out: Tree, aliases: bool) -> list[Problem]:
    """Fill `out` from a YAML event stream, without recursion; the problems found (a syntax
    error of libyaml is raised by the stream itself)."""
    problems: list[Problem] = []
    stack: list[_Open] = []
    anchors: dict[str, tuple[Any, int]] = {}
    total = documents = 0
    event: Any
    positions = out.positions
    for event in events:
        kind = type(event)
        if kind is _SCALAR and event.style == '"' and control_chars(event.value):
            problems.append(_escaped_control(out, event))  # "\e", "\x1b", "\u0007"
        if kind is _SCALAR and stack:  # the common case first: a key, or a value in a table
            top = stack[-1]
            if top.key is None and top.is_map:
                problems.extend(_key(out, top, event))
                continue
            if event.anchor is None:
                mark = event.start_mark
                at: str | int = top.key if top.key is not None else len(top.value)
                positions[(*top.loc, at)] = (mark.line + 1, mark.column + 1)
                total += 1
                if total > MAX_NODES:
                    return [_too_large(out, event)]
                _attach(top, _scalar(event), 1)
                continue
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                return [
                    _at(
                        out,
                        event,
                        "tệp chỉ được có một tài liệu YAML (bỏ dòng '---' thứ hai)",
                        "a file holds one YAML document (remove the second '---')",
                    )
                ]
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            done = stack.pop()
            total += 1
            if done.anchor is not None:
                anchors[done.anchor] = (done.value, done.size)
            if stack:
                _attach(stack[-1], done.value, done.size)
            else:
                out.data = done.value
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        parent = stack[-1] if stack else None
        if parent is not None and isinstance(parent.value, dict) and parent.key is None:
            if not isinstance(event, yaml.ScalarEvent):
                return [
                    *problems,
                    _at(out, event, "khóa phải là một chuỗi", "a key must be a string"),
                ]
            problems.extend(_key(out, parent, event))
            continue
        loc: Key = ()
        if parent is not None:
            step = len(parent.value) if isinstance(parent.value, list) else parent.key
            assert step is not None
            loc = (*parent.loc, step)
        if event.anchor is not None and not isinstance(event, yaml.AliasEvent) and not aliases:
            return [
                _at(
                    out,
                    event,
                    f"không dùng neo YAML (&{event.anchor}) trong bộ minh chứng: hãy chép giá trị ra",
                    f"YAML anchors (&{event.anchor}) are not allowed in a bundle: write the value out",
                )
            ]
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                return [
                    _at(
                        out,
                        event,
                        f"lồng nhau quá sâu (quá {MAX_DEPTH} mức)",
                        f"nested too deeply (more than {MAX_DEPTH} levels)",
                    )
                ]
            out.positions[loc] = _mark(event)
            value: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            stack.append(_Open(value, loc, event.anchor, is_map=isinstance(value, dict)))
            continue
        if isinstance(event, yaml.AliasEvent):
            if not aliases:
                return [
                    _at(
                        out,
                        event,
                        f"không dùng bí danh YAML (*{event.anchor}) trong bộ minh chứng: hãy chép giá trị ra",
                        f"YAML aliases (*{event.anchor}) are not allowed in a bundle: write the value out",
                    )
                ]
            if event.anchor not in anchors:
                return [
                    _at(
                        out,
                        event,
                        f"bí danh YAML *{event.anchor} chưa được định nghĩa",
                        f"undefined YAML alias *{event.anchor}",
                    )
                ]
            value, size = anchors[str(event.anchor)]
        else:
            out.positions[loc] = _mark(event)
            value = _scalar(event)
            size = 1
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
        total += size
        if total > MAX_NODES:
            return [_too_large(out, event)]
        if parent is None:
            out.data = value
        else:
            _attach(parent, value, size)
    return problems


_SCALAR = yaml.ScalarEvent


def _scalar(event: Any) -> str | None:
    """A scalar's value: a string as typed, or None for an unquoted null (`~`, `null`, empty)."""
    return None if event.style is None and event.value in _NULLS else event.value


def _escaped_control(out: Tree, event: Any) -> Problem:
    code = f"U+{ord(control_chars(event.value)[0][1]):04X}"
    return _at(
        out,
        event,
        f"ký tự điều khiển {code} (viết dạng thoát trong chuỗi ngoặc kép, như \\e hay \\x1b) "
        "không được có trong dữ liệu; hãy xóa",
        f"control character {code} (written as an escape in a double-quoted string, such as "
        "\\e or \\x1b) is not allowed in data; remove it",
    )


def _too_large(out: Tree, event: Any) -> Problem:
    return _at(
        out,
        event,
        f"tệp quá lớn sau khi mở rộng bí danh YAML (quá {MAX_NODES} nút)",
        f"the file is too large once its YAML aliases are expanded (over {MAX_NODES} nodes)",
    )


def _key(out: Tree, parent: _Open, event: Any) -> list[Problem]:
    """Take a mapping's key: a repeated key is a problem, and its value is then dropped."""
    key = event.value
    loc = (*parent.loc, key)
    parent.key = key
    parent.skip = loc in out.key_positions
    if parent.skip:
        first = out.key_positions[loc][0]
        return [
            _at(
                out,
                event,
                f"khóa {key!r} bị lặp (đã có ở dòng {first})",
                f"key {key!r} is repeated (first on line {first})",
            )
        ]
    out.key_positions[loc] = _mark(event)
    return []


def _at(out: Tree, event: Any, vi: str, en: str) -> Problem:
    line, col = _mark(event)
    return Problem(out.path, line, col, tr(vi, en))


def _attach(parent: _Open, value: Any, size: int) -> None:
    parent.size += size
    if not parent.is_map:
        assert isinstance(parent.value, list)
        parent.value.append(value)
    else:
        assert isinstance(parent.value, dict)
        if not parent.skip:
            assert parent.key is not None
            parent.value[parent.key] = value
        parent.key = None
        parent.skip = False
