"""The durable_rules core: the only module that imports it.

Used exactly as research/durable-rules.md §6–§7 lays out, because the C core segfaults or
hangs outside a narrow subset: a Host without its background timer threads, one ruleset
per compiled framework, one session (sid) per unit with a session-marker fact first,
unique fact ids, JSON with `ensure_ascii=False`, the low-level batch assert, the actions
run synchronously, and `delete_state` always, in `finally`.

`fired_many` is the batch path (research/performance.md §3.3): K units share one session of
a second registration of the ruleset whose every rule has `cap` (an action takes up to `cap`
matches at once), each fact tagged with its unit's position `u`. That is outside the subset
durable-rules.md §6 verified, so it is held to one-unit-at-a-time by a hypothesis property
(tests/test_batched.py) and to a valgrind run of the C core (tests/test_valgrind.py).
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import durable_rules_engine as dre
from durable import engine

from cchc_index.engine.compile import SESSION_RULE, Ruleset
from cchc_index.errors import EngineError

_MAX_HOSTS = 4  # each registered ruleset holds ~1 MB in the C core until deleted
_ALWAYS = ({"t": "m"}, {"h": 1})
CAP = 10_000  # more matches than any batch holds: one action per rule per batch
BATCH_UNITS = 20  # units a session holds; ~100 facts each, far below issue #376's ~100k


def _tune_malloc() -> None:
    """Keep the C core's ~8 KB-a-rule session state on the heap instead of mmap'ing it.

    A session of 176 rules mallocs ~1.4 MB, above glibc's 128 KB mmap threshold, so every
    unit paid ~380 page faults to map and unmap it: half the durable step
    (research/performance.md §3.1). Raising the mmap and trim thresholds keeps the block.
    """
    global _TUNED
    if _TUNED or not sys.platform.startswith("linux"):
        return
    _TUNED = True
    import ctypes  # here: one `score` runs one session and needs no tuning (nor ctypes)

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-1, 256 << 20)  # M_TRIM_THRESHOLD
        libc.mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):  # not glibc (musl): nothing to tune
        pass


_TUNED = False  # done once, before the second session of the process


class _ScoringHost(engine.Host):  # type: ignore[misc]
    """A Host with no background threads; actions are drained by `DurableRunner._drain`."""

    def _run(self) -> None:  # the default starts two Timer loops that race the caller (§5.4)
        pass

    def get_action(self, action_name: str) -> Callable[[Any], None]:
        def act(c: Any) -> None:  # exactly one parameter, or durable_rules calls it async
            pass

        return act


_UNIT = re.compile(r'"u":(\d+)')


def _action_units(message: str) -> list[tuple[str, list[int]]]:
    """The rules of an action message and the units whose facts each matched. With `cap` a
    message is `{"r12":[{"m":{…,"u":3,…}},…]}`: one rule, a list of frames. That shape is read
    with a search for the units (an action of a batch echoes ~700 bytes of facts a unit);
    any other shape is parsed as JSON."""
    if message.startswith('{"r') and message.count(":[") == 1:
        return [(message[2 : message.index('"', 2)], [int(u) for u in _UNIT.findall(message)])]
    found = []
    for name, frames in json.loads(message).items():
        # without `cap` an action carries one frame; with it, a list of frames
        listed = frames if isinstance(frames, list) else [frames]
        found.append((name, [frame["m"]["u"] for frame in listed if "u" in frame.get("m", {})]))
    return found


@functools.lru_cache(maxsize=65536)
def _json_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


class DurableRunner:
    """Evaluates one unit at a time in a fresh session of a registered ruleset."""

    _hosts: ClassVar[dict[str, tuple[_ScoringHost, Any]]] = {}
    _sids = itertools.count()

    def __init__(self, ruleset: Ruleset) -> None:
        self.ruleset = ruleset
        self._registered(ruleset.name, ruleset, cap=None)

    # Each session asks for its registration again (a dict lookup): a batch of more
    # frameworks than `_MAX_HOSTS` registrations evicts the oldest from the C core, and a
    # runner still holding an evicted handle would call into a deleted ruleset (error 111).
    @property
    def _plain(self) -> tuple[_ScoringHost, Any]:
        return self._registered(self.ruleset.name, self.ruleset, cap=None)

    @property
    def _capped(self) -> tuple[_ScoringHost, Any]:
        return self._registered(f"{self.ruleset.name}_cap", self.ruleset, CAP)

    @classmethod
    def _registered(cls, name: str, ruleset: Ruleset, cap: int | None) -> tuple[_ScoringHost, Any]:
        if name in cls._hosts:
            return cls._hosts[name]
        while len(cls._hosts) >= _MAX_HOSTS:
            _old, (_host, old) = next(iter(cls._hosts.items()))
            dre.delete_ruleset(old._handle)
            del cls._hosts[_old]
        # a copy (registration deletes each rule's 'run'); JSON-made, copied by the C codec
        rules = json.loads(json.dumps(ruleset.rules))
        for rule_name, rule in rules.items():
            rule["run"] = rule_name
            if cap is not None:
                rule["cap"] = cap
                # slim facts: only metric facts with a value are asserted in a batch, so the
                # `t == "m"` and `h == 1` tests are always true there; drop them and the fields
                tests = rule["all"][0]["m"]["$and"]
                rule["all"][0]["m"]["$and"] = [t for t in tests if t not in _ALWAYS]
        rules[SESSION_RULE] = {"all": [{"m": {"t": "__session__"}}], "run": SESSION_RULE}
        host = _ScoringHost()
        host.register_rulesets({name: rules})
        cls._hosts[name] = (host, host.get_ruleset(name))
        return cls._hosts[name]

    def fired(self, facts: list[dict[str, Any]]) -> set[str]:
        number = next(self._sids)
        if number:  # a second session in this process: more may follow
            _tune_malloc()
        sid = f"u{number}"
        batch: list[dict[str, Any]] = [{"sid": sid, "id": "__s", "t": "__session__"}]
        batch += [{**f, "sid": sid, "id": i} for i, f in enumerate(facts) if "h" in f]
        payload = json.dumps(batch, ensure_ascii=False)
        host, handle = self._plain
        try:
            _code, offset = dre.assert_facts(handle._handle, payload)
            return self._drain(handle, offset)
        except Exception as exc:  # the C core reports only numeric codes
            raise EngineError(f"durable_rules: {exc}") from exc
        finally:
            host.delete_state(self.ruleset.name, sid)

    def fired_many(self, units: Sequence[list[dict[str, Any]]]) -> list[set[str]]:
        """The rules each unit's facts fire, `BATCH_UNITS` units to a capped session."""
        out: list[set[str]] = []
        for start in range(0, len(units), BATCH_UNITS):
            out += self._fired_batch(units[start : start + BATCH_UNITS])
        return out

    def _fired_batch(self, units: Sequence[list[dict[str, Any]]]) -> list[set[str]]:
        _host, handle = self._capped
        _tune_malloc()
        sid = f"b{next(self._sids)}"
        # the JSON written directly, fact by fact (no dict per fact and no encoder pass: a
        # third of the time); the node id is the only string, encoded once per node
        head = f'{{"sid":"{sid}","id":'
        parts = [f'[{{"sid":"{sid}","id":"__s","t":"__session__"}}']
        n = 0
        for u, facts in enumerate(units):
            for f in facts:
                if "h" in f:
                    node = _json_text(f["c"])
                    parts.append(
                        f'{head}{n},"u":{u},"c":{node},"vf":{f["vf"]:d},"vc":{f["vc"]:d}}}'
                    )
                    n += 1
        payload = ",".join(parts) + "]"
        fired: list[set[str]] = [set() for _ in units]
        try:
            _code, offset = dre.assert_facts(handle._handle, payload)
            result = dre.start_action_for_state(handle._handle, offset)
            message = result[1] if result else None
            while message:
                for name, members in _action_units(message):
                    if name != SESSION_RULE:
                        for u in members:
                            fired[u].add(name)
                message = dre.complete_and_start_action(handle._handle, offset)
        except Exception as exc:  # the C core reports only numeric codes
            raise EngineError(f"durable_rules: {exc}") from exc
        finally:
            handle.delete_state(sid)
        return fired

    def _drain(self, handle: Any, offset: int) -> set[str]:
        """Take every pending action of this session, in the order the core hands them out.

        The same C calls as `Ruleset.do_actions` (start, then complete-and-start-next), without
        its per-action Python closure and state round trip: our actions change no state, they
        only name the rule that matched, which is all the caller needs.
        """
        names: set[str] = set()
        result = dre.start_action_for_state(handle._handle, offset)
        message = result[1] if result else None
        while message:
            names.update(json.loads(message))
            message = dre.complete_and_start_action(handle._handle, offset)
        names.discard(SESSION_RULE)
        return names
