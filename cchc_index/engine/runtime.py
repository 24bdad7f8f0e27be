"""The durable_rules core: the only module that imports it.

Used exactly as research/durable-rules.md §6–§7 lays out, because the C core segfaults or
hangs outside a narrow subset: a Host without its background timer threads, one ruleset
per compiled framework, one session (sid) per unit with a session-marker fact first,
unique fact ids, JSON with `ensure_ascii=False`, the low-level batch assert, the actions
run synchronously, and `delete_state` always, in `finally`.
"""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Callable
from typing import Any, ClassVar

import durable_rules_engine as dre
from durable import engine

from cchc_index.engine.compile import SESSION_RULE, Ruleset
from cchc_index.errors import EngineError

_MAX_HOSTS = 4  # each registered ruleset holds ~1 MB in the C core until deleted


class _ScoringHost(engine.Host):  # type: ignore[misc]
    """A Host with no background threads; actions are drained by `DurableRunner._drain`."""

    def _run(self) -> None:  # the default starts two Timer loops that race the caller (§5.4)
        pass

    def get_action(self, action_name: str) -> Callable[[Any], None]:
        def act(c: Any) -> None:  # exactly one parameter, or durable_rules calls it async
            pass

        return act


class DurableRunner:
    """Evaluates one unit at a time in a fresh session of a registered ruleset."""

    _hosts: ClassVar[dict[str, tuple[_ScoringHost, Any]]] = {}
    _sids = itertools.count()

    def __init__(self, ruleset: Ruleset) -> None:
        self.ruleset = ruleset
        if ruleset.name not in self._hosts:
            self._register(ruleset)
        self.host, self.handle = self._hosts[ruleset.name]

    @classmethod
    def _register(cls, ruleset: Ruleset) -> None:
        while len(cls._hosts) >= _MAX_HOSTS:
            _old, (_host, old) = next(iter(cls._hosts.items()))
            dre.delete_ruleset(old._handle)
            del cls._hosts[_old]
        rules = copy.deepcopy(ruleset.rules)  # registration deletes each rule's 'run'
        for name, rule in rules.items():
            rule["run"] = name
        rules[SESSION_RULE] = {"all": [{"m": {"t": "__session__"}}], "run": SESSION_RULE}
        host = _ScoringHost()
        host.register_rulesets({ruleset.name: rules})
        cls._hosts[ruleset.name] = (host, host.get_ruleset(ruleset.name))

    def fired(self, facts: list[dict[str, Any]]) -> set[str]:
        sid = f"u{next(self._sids)}"
        batch: list[dict[str, Any]] = [{"sid": sid, "id": "__s", "t": "__session__"}]
        batch += [{**f, "sid": sid, "id": i} for i, f in enumerate(facts) if "h" in f]
        payload = json.dumps(batch, ensure_ascii=False)
        try:
            _code, offset = dre.assert_facts(self.handle._handle, payload)
            return self._drain(offset)
        except Exception as exc:  # the C core reports only numeric codes
            raise EngineError(f"durable_rules: {exc}") from exc
        finally:
            self.host.delete_state(self.ruleset.name, sid)

    def _drain(self, offset: int) -> set[str]:
        """Take every pending action of this session, in the order the core hands them out.

        The same C calls as `Ruleset.do_actions` (start, then complete-and-start-next), without
        its per-action Python closure and state round trip: our actions change no state, they
        only name the rule that matched, which is all the caller needs.
        """
        names: set[str] = set()
        result = dre.start_action_for_state(self.handle._handle, offset)
        message = result[1] if result else None
        while message:
            names.update(json.loads(message))
            message = dre.complete_and_start_action(self.handle._handle, offset)
        names.discard(SESSION_RULE)
        return names
