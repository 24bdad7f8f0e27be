"""JSON Schemas of the YAML files, for editors (VS Code's YAML extension and any
yaml-language-server client): completion, hover texts and inline errors as one types.

Generated from the same pydantic models the loaders validate with, then widened where the
loaders read more than JSON types say: every scalar reaches the models as text (`31.724`,
`0,5`, `04/12/2019`, `có`), so a number, an integer, a boolean or a date also accepts a string
here; whether that text reads as a number or a date is for `validate` to say, with its line
and column. What the schemas do hold: the keys each mapping takes (unknown keys are errors,
as in `validate`), the required ones, lists against mappings, and the closed lists of values
(method types, levels, statuses). A test checks both directions on the shipped files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

# Draft-07: what yaml-language-server (VS Code YAML) supports; "$defs" refs are plain pointers.
SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"


def _files() -> dict[str, tuple[str, Any]]:
    """Schema file name → (what it describes, the type the loader validates it as)."""
    from cchc_index.model.appraisal import Appraisal
    from cchc_index.model.bundle import Declarations, Profile, Statistic
    from cchc_index.model.framework import Area, Meta
    from cchc_index.scoring.cases import Case

    return {
        "framework.schema.json": ("framework.yaml của một bộ chỉ số", Meta),
        "area.schema.json": ("tệp lĩnh vực của một bộ chỉ số (<lĩnh-vực>.yaml)", Area),
        "cases.schema.json": ("ca kiểm thử quy tắc (*.cases.yaml)", list[Case]),
        "profile.schema.json": ("profile.yaml của một bộ minh chứng", Profile),
        "statistics.schema.json": ("statistics.yaml của một bộ minh chứng", dict[str, Statistic]),
        "declarations.schema.json": ("declarations.yaml của một bộ minh chứng", Declarations),
        "appraisal.schema.json": ("appraisal.yaml của một bộ minh chứng", Appraisal),
    }


SCHEMA_FILES = (
    "framework.schema.json",
    "area.schema.json",
    "cases.schema.json",
    "profile.schema.json",
    "statistics.schema.json",
    "declarations.schema.json",
    "appraisal.schema.json",
)

# Which schema a YAML file of a framework or bundle folder follows.
BY_FILE_NAME = {
    "framework.yaml": "framework.schema.json",
    "profile.yaml": "profile.schema.json",
    "statistics.yaml": "statistics.schema.json",
    "declarations.yaml": "declarations.schema.json",
    "appraisal.yaml": "appraisal.schema.json",
}


def schema_for(name: str, in_framework: bool) -> str | None:
    """The schema file of a YAML file by its name (an area when in a framework folder)."""
    if name.endswith((".cases.yaml", ".cases.yml")):
        return "cases.schema.json"
    if name in BY_FILE_NAME:
        return BY_FILE_NAME[name]
    if in_framework and name.endswith((".yaml", ".yml")):
        return "area.schema.json"
    return None


_TEXT = {"type": "string"}


def _widen(node: Any) -> Any:
    """Scalars as the loaders read them: numbers, integers, booleans and dates from text too."""
    if isinstance(node, list):
        return [_widen(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _widen(value) for key, value in node.items()}
    kind = node.get("type")
    if kind in ("integer", "number", "boolean"):
        scalar = {k: v for k, v in node.items() if k not in {"title", "description", "default"}}
        kept = {k: v for k, v in node.items() if k in {"title", "description", "default"}}
        return {**kept, "anyOf": [scalar, _TEXT]}
    if kind == "string":
        node.pop("format", None)  # dates in Vietnamese form: 04/12/2019
        node.pop("pattern", None)  # decimals with a comma: 0,5
    return node


# Types read from one string by their own parser: `452/KH-UBND`, `31/12 năm trước`.
_FROM_TEXT = {
    "DocNumber": "số ký hiệu văn bản, ví dụ 452/KH-UBND",
    "RelDate": "ngày: dd/mm/yyyy, hoặc dd/mm năm trước|năm đánh giá|năm sau",
}


def _methods(defs: dict[str, Any]) -> None:
    """A node's `method`: the registered methods, one of them by its `type` (the model says
    only "a MethodBase": the registry dispatches at validation time)."""
    from cchc_index.methods.registry import _adapter

    union = _adapter().json_schema(mode="validation", ref_template="#/$defs/{model}")
    defs.update(union.pop("$defs", {}))
    defs["MethodBase"] = union


def _node_ids(node: Any) -> None:
    """`for: 1.1.1; 3.3.1` is a list written as one string too."""
    if isinstance(node, dict):
        props = node.get("properties", {})
        if "for" in props and props["for"].get("type") == "array":
            props["for"] = {"anyOf": [props["for"], _TEXT], "title": "For"}
        for value in node.values():
            _node_ids(value)
    elif isinstance(node, list):
        for value in node:
            _node_ids(value)


def schema(name: str) -> dict[str, Any]:
    """One schema, by its file name (`area.schema.json` …)."""
    title, model = _files()[name]
    generated = TypeAdapter(model).json_schema(mode="validation")
    defs = generated.get("$defs", {})
    if "MethodBase" in defs:
        _methods(defs)
    for parsed, description in _FROM_TEXT.items():
        if parsed in defs:
            defs[parsed] = {"type": "string", "description": description}
    if "Statistic" in defs:  # `ten_bien: 31.724`, the shorthand of {value: 31.724}
        defs["Statistic"] = {"anyOf": [defs["Statistic"], {"type": ["number", "string"]}]}
    _node_ids(generated)
    widened: dict[str, Any] = _widen(generated)
    return {
        "$schema": SCHEMA_DIALECT,
        **{k: v for k, v in widened.items() if k != "title"},
        "title": f"cchc-index: {title}",
    }


def schema_texts() -> dict[str, str]:
    """Every schema as the text `cchc-index schema --out DIR` writes."""
    return {
        name: json.dumps(schema(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name in SCHEMA_FILES
    }


MODELINE = "# yaml-language-server: $schema="


def modeline(path: Path, schemas_dir: Path) -> str | None:
    """The comment line that points an editor at `path`'s schema (a relative path), if any."""
    name = schema_for(path.name, (path.parent / "framework.yaml").is_file())
    if name is None:
        return None
    relative = os.path.relpath(schemas_dir / name, path.parent).replace(os.sep, "/")
    return f"{MODELINE}{relative}"


def with_modeline(text: str, line: str) -> str:
    """`text` ending with `line` (replacing a modeline anywhere in it). yaml-language-server
    reads a modeline on any comment line; at the end it moves no line of the file, so every
    located message (`file:line:col`) stays where it was."""
    kept = [ln for ln in text.splitlines() if not ln.startswith(MODELINE)]
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join([*kept, line]) + "\n"
