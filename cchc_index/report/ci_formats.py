"""`validate`'s problems in the forms CI systems read: SARIF 2.1.0 (GitHub code scanning,
GitLab, Azure DevOps) and GitHub Actions workflow commands (annotations on the diff).

Each problem is one SARIF result with its file, line, column and a rule id. A problem carries
no code of its own; its rule id names the field it concerns (`cchc/points`,
`cchc/method.type`), or `cchc/file` for a problem of the file as a whole.
"""

from __future__ import annotations

import json
import re

from cchc_index.errors import Problem

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_INDEX = re.compile(r"\[\d+\]")


def rule_id(problem: Problem) -> str:
    """The field a problem concerns, without list positions: `areas[2].points` → `points`."""
    key = _INDEX.sub("", problem.key).strip(".")
    last = key.split(".")[-1] if key else ""
    return f"cchc/{last or 'file'}"


def _uri(path: str) -> str:
    return path.replace("\\", "/").removeprefix("./")


def sarif(problems: list[Problem], version: str) -> str:
    """A SARIF 2.1.0 log: one run of cchc-index, one result (level error) per problem."""
    rules = sorted({rule_id(p) for p in problems})
    index = {rule: i for i, rule in enumerate(rules)}
    results = []
    for p in problems:
        rule = rule_id(p)
        results.append(
            {
                "ruleId": rule,
                "ruleIndex": index[rule],
                "level": "error",
                "message": {"text": p.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(p.path)},
                            "region": {"startLine": max(p.line, 1), "startColumn": max(p.col, 1)},
                        }
                    }
                ],
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cchc-index",
                        "version": version,
                        "informationUri": "https://pypi.org/project/cchc-index/",
                        "rules": [
                            {
                                "id": rule,
                                "shortDescription": {"text": f"cchc-index validate: {rule[5:]}"},
                            }
                            for rule in rules
                        ],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem]) -> str:
    """GitHub Actions annotations: `::error file=…,line=…,col=…::message`, one a problem."""
    lines = []
    for p in problems:
        where = f"file={_escape_property(_uri(p.path))},line={p.line},col={p.col}"
        title = _escape_property(rule_id(p))
        lines.append(f"::error {where},title={title}::{_escape_data(p.message)}")
    return "".join(line + "\n" for line in lines)
