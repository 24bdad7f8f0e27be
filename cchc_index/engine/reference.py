"""The pure-Python reference evaluator of the compiled ruleset.

It reads the same JSON that durable_rules registers and answers the same question, which
rules fire for a unit's facts: the oracle of the property tests, and the `--engine
reference` fallback should the C core ever fail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from cchc_index.engine.compile import OPERATORS, Ruleset
from cchc_index.methods.base import OPS

# durable_rules' operators, each the Python comparison the methods' own tiers use.
_CMP: dict[str, Callable[[Any, Any], bool]] = {
    json_op: OPS[op] for op, (json_op, _) in OPERATORS.items()
}


Check = tuple[
    str, Callable[[Any, Any], bool] | None, Any
]  # field, comparison (None: equality), bound


def _checks(test: dict[str, Any]) -> list[Check]:
    """A rule's `$and` flattened into (field, comparison, value) checks, read once."""
    found: list[Check] = []
    for part in test.get("$and", [test]):
        ((key, value),) = part.items()
        if key in _CMP:
            ((field, bound),) = value.items()
            found.append((field, _CMP[key], bound))
        else:
            found.append((key, None, value))
    return found


class ReferenceRunner:
    """Evaluates one unit's facts against the ruleset; no state outlives a call."""

    def __init__(self, ruleset: Ruleset) -> None:
        self.ruleset = ruleset
        self._by_node: dict[str, list[tuple[str, list[Check]]]] = {}
        for name, rule in ruleset.rules.items():
            test = rule["all"][0]["m"]
            node = test["$and"][1]["c"]
            self._by_node.setdefault(node, []).append((name, _checks(test)))

    def fired(self, facts: list[dict[str, Any]]) -> set[str]:
        names: set[str] = set()
        for fact in facts:
            for name, checks in self._by_node.get(fact.get("c", ""), ()):
                if all(
                    field in fact
                    and (fact[field] == bound if cmp is None else cmp(fact[field], bound))
                    for field, cmp, bound in checks
                ):
                    names.add(name)
        return names

    def fired_many(self, units: Sequence[list[dict[str, Any]]]) -> list[set[str]]:
        return [self.fired(facts) for facts in units]
