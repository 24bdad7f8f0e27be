"""Edit statistics.yaml and declarations.yaml as text, keeping the comments people wrote.

Only the block of the entry edited is rewritten: in statistics.yaml one top-level variable
(its key line through the last line of its value), in declarations.yaml one section
(`qualitative:` or `not_applicable:`). Comments above and between other blocks stay as they
are. Values are written as quoted strings, so `31.724` stays the text typed (the loader reads
every scalar as text anyway).
"""

from __future__ import annotations

from typing import Any

import yaml

SECTIONS = ("qualitative", "not_applicable")


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _last_line(node: yaml.Node) -> int:
    """0-based index of the last line holding text of `node`."""
    if isinstance(node, yaml.MappingNode):
        children = [n for pair in node.value for n in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    else:
        children = []
    if children and not node.flow_style:  # type: ignore[attr-defined]
        return max(_last_line(n) for n in children)
    end = node.end_mark.line
    if node.end_mark.column == 0 and end > node.start_mark.line:
        end -= 1
    return end


def _root(text: str) -> yaml.MappingNode | None:
    node = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    return node if isinstance(node, yaml.MappingNode) else None


def _blocks(text: str) -> dict[str, tuple[int, int]] | None:
    """Top-level key → (first, last) line; None when the file is not a block mapping."""
    root = _root(text)
    if root is None or root.flow_style or not root.value:
        return None
    return {str(k.value): (k.start_mark.line, _last_line(v)) for k, v in root.value}


def _leading_comments(text: str) -> str:
    kept = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        kept.append(line)
    return "".join(kept)


def _set_block(text: str, key: str, block: str | None, whole: dict[str, Any]) -> str:
    """Replace (or append, or with None remove) the block of top-level `key`."""
    blocks = _blocks(text)
    if blocks is None:  # empty, `{}` or flow style: rebuild below the leading comments
        return _leading_comments(text) + (_dump(whole) if whole else "{}\n")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if key in blocks:
        first, last = blocks[key]
        lines[first : last + 1] = [block] if block else []
    elif block:
        lines.append(block)
    new = "".join(lines)
    return new if _root(new) is not None else _leading_comments(text) + "{}\n"


def plain(text: str | None) -> dict[str, Any]:
    """The file as plain data, every scalar a string (as the loader sees it)."""
    data = yaml.load(text, Loader=yaml.BaseLoader) if text and text.strip() else None
    return data if isinstance(data, dict) else {}


def statistic_record(raw: object) -> dict[str, str]:
    if isinstance(raw, dict):
        return {k: str(raw.get(k) or "") for k in ("value", "last_year", "source")}
    return {"value": "" if raw is None else str(raw), "last_year": "", "source": ""}


def change_statistic(
    text: str | None, old_name: str | None, name: str | None, values: dict[str, str] | None
) -> str:
    """New statistics.yaml text: `old_name` replaced by `name: values` (old_name None: added;
    values None: removed)."""
    text = text or ""
    data = plain(text)
    entry: object = None
    if values is not None and name is not None:
        filled = {k: v for k, v in values.items() if v}
        entry = filled if set(filled) - {"value"} else values.get("value", "")
    if values is None or name is None:  # removed
        if old_name is not None:
            data.pop(old_name, None)
            text = _set_block(text, old_name, None, data)
        return text
    block = _dump({name: entry})
    if old_name is not None and old_name != name and old_name in data:  # renamed: in place
        data = {
            (name if k == old_name else k): (entry if k == old_name else v) for k, v in data.items()
        }
        return _set_block(text, old_name, block, data)
    data[name] = entry
    return _set_block(text, name, block, data)


def declaration_records(text: str | None, section: str) -> list[dict[str, str]]:
    entries = plain(text).get(section) or []
    return [{k: str(v) for k, v in e.items()} if isinstance(e, dict) else {} for e in entries]


def change_declaration(
    text: str | None, section: str, index: int | None, values: dict[str, str] | None
) -> tuple[str, int | None]:
    """New declarations.yaml text with entry `index` of `section` replaced (index None:
    appended; values None: removed), and the index the entry now has."""
    text = text or ""
    data = plain(text)
    entries: list[Any] = list(data.get(section) or [])
    if index is not None and not 0 <= index < len(entries):
        raise IndexError(index)
    at: int | None
    if values is None:
        assert index is not None
        del entries[index]
        at = None
    elif index is None:
        entries.append(values)
        at = len(entries) - 1
    else:
        entries[index] = values
        at = index
    data[section] = entries
    return _set_block(text, section, _dump({section: entries}), data), at
