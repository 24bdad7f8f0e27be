"""Write the shipped JSON Schemas (schemas/) and point every shipped YAML file at its schema
with a last line `# yaml-language-server: $schema=…` (VS Code's YAML extension reads it on
any comment line; at the end it moves no line the messages point at).

    .venv/bin/python scripts/modelines.py

Run after changing a model or adding a YAML file; tests/test_schemas.py fails until then.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cchc_index.service.schemas import modeline, schema_texts, with_modeline

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"
SHIPPED = [ROOT / "rules", ROOT / "evidence", ROOT / "tests" / "frameworks"]


def shipped_yaml() -> list[Path]:
    return sorted(
        p
        for root in SHIPPED
        for p in root.rglob("*.y*ml")
        if "submissions" not in p.parts  # a submission's byte copies are never rewritten
    )


def main(folders: list[Path]) -> None:
    SCHEMAS.mkdir(exist_ok=True)
    for name, text in schema_texts().items():
        (SCHEMAS / name).write_text(text, encoding="utf-8")
    for path in sorted(
        p for root in folders for p in root.rglob("*.y*ml") if "submissions" not in p.parts
    ):
        line = modeline(path, SCHEMAS)
        if line is not None:
            text = path.read_text(encoding="utf-8")
            path.write_text(with_modeline(text, line), encoding="utf-8")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or SHIPPED)
