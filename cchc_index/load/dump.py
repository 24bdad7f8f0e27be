"""A Framework back to its files: the inverse of load/rules.py (framework.yaml + areas)."""

from __future__ import annotations

from typing import Any

import yaml

from cchc_index.model.framework import Framework


def _plain(model: Any) -> Any:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)


def framework_files(framework: Framework) -> dict[str, str]:
    """File name → YAML text, such that loading the folder gives an equal Framework."""
    files = {
        "framework.yaml": yaml.safe_dump(
            _plain(framework.meta), allow_unicode=True, sort_keys=False
        )
    }
    for area in framework.areas:
        files[f"{area.id}.yaml"] = yaml.safe_dump(_plain(area), allow_unicode=True, sort_keys=False)
    return files
