"""Which candidate figure is which variable: the assignment the relations support.

Every figure found for a related variable (see `relations`) is a candidate; a figure may
also take an alternative role, or be left out (a channel's line, another scope's figure).
Among the assignments that break no relation, dropping as few figures as possible, the
ones that close the most relations win; a tie between two readings leaves both open. A
variable is settled when every winning assignment gives it the same value; otherwise it is
doubtful and goes to review, never into the draft as a value.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from cchc_index.extract.figure import Figure
from cchc_index.extract.flat import vkey
from cchc_index.extract.relations import (
    ALTERNATIVES,
    BOUND_LABEL,
    BOUNDS,
    PERIOD_LABEL,
    RATE_BASES,
    READING_LABEL,
    RELATED,
    RELATIONS,
)

_MAX_ASSIGNMENTS = 20000


@dataclass
class Settlement:
    """Figures with their settled roles; the variables whose value is settled by the
    relations, and the doubtful ones with the relations that left them open."""

    figures: list[Figure]
    settled: dict[str, Decimal] = field(default_factory=dict)
    doubtful: dict[str, tuple[str, ...]] = field(default_factory=dict)  # variable → labels


@dataclass(frozen=True)
class _Item:
    """Figures of one variable and one value, and the roles they may take."""

    indices: tuple[int, ...]
    amount: Decimal
    roles: tuple[str, ...]  # the words' role first
    rates: tuple[tuple[Decimal, int], ...]
    floor: Decimal = Decimal(0)  # a quarter's or a month's figure of the same variable


def settle(figures: Sequence[Figure], year: int | None) -> Settlement:
    """The roles and values the relations support among this year's exact figures."""
    out = Settlement(list(figures))
    now = [
        i
        for i, f in enumerate(figures)
        if f.variable in RELATED and not f.approximate and (year is None or f.year in (None, year))
    ]
    present = {figures[i].variable for i in now}
    items = _items(figures, now, present)
    if not items:
        return out
    choices = [(*item.roles, None) for item in items]
    best = _best(items, choices)
    if best is None:  # too many to weigh: only lone, unambiguous values that break nothing
        return _lone_values(out, items)
    variables = {role for item in items for role in item.roles}
    for variable in sorted(variables):
        values = {assignment.get(variable) for assignment in best}
        if len(values) == 1 and None not in values:
            (value,) = values
            assert value is not None
            out.settled[variable] = value
        elif any(v is not None for v in values) or _given(items, variable):
            out.doubtful[variable] = _labels(variable)
    for item in items:  # a year's figure below a quarter's: say so
        if item.amount < item.floor and item.roles[0] in out.doubtful:
            out.doubtful[item.roles[0]] += (PERIOD_LABEL[0],)
    # A figure takes the role every winning assignment gives it.
    for item in items:
        roles = {_role_of(item, assignment) for assignment in best}
        if len(roles - {None}) > 1 and item.roles[0] in out.doubtful:  # two readings, tied
            out.doubtful[item.roles[0]] = (READING_LABEL[0],)
        if len(roles) == 1:
            (role,) = roles
            if role is not None and role != item.roles[0]:
                for i in item.indices:
                    out.figures[i] = replace(out.figures[i], variable=role)
    return out


def _lone_values(out: Settlement, items: list[_Item]) -> Settlement:
    """Too many candidates to weigh every assignment: a variable with one value and one
    possible role stands if all such values together break no relation; every other
    variable is doubtful."""
    count: dict[str, int] = {}
    for item in items:
        count[item.roles[0]] = count.get(item.roles[0], 0) + 1
    lone = {
        item.roles[0]: item.amount
        for item in items
        if len(item.roles) == 1 and count[item.roles[0]] == 1
    }
    variables = {role for item in items for role in item.roles}
    if _check(lone) is None:
        lone = {}
    out.settled.update(lone)
    for variable in variables - lone.keys():
        out.doubtful[variable] = _labels(variable)
    return out


def _given(items: list[_Item], variable: str) -> bool:
    return any(item.roles[0] == variable for item in items)


def _labels(variable: str) -> tuple[str, ...]:
    """The relations that name `variable` (never empty: a bound names every related one)."""
    return tuple(r.label[0] for r in RELATIONS if variable in r.terms) or (BOUND_LABEL[0],)


def _items(figures: Sequence[Figure], now: list[int], present: set[str]) -> list[_Item]:
    groups: dict[tuple[str, Decimal], list[int]] = {}
    for i in now:
        groups.setdefault((figures[i].variable, figures[i].amount), []).append(i)
    # a quarter's ≤ the year's: where the year's figure is given, a part's is not a candidate
    whole = {
        var for (var, _), idx in groups.items() if any(not figures[i].part_of_period for i in idx)
    }
    floor: dict[str, Decimal] = {}
    for (variable, amount), indices in groups.items():
        if variable in whole and all(figures[i].part_of_period for i in indices):
            floor[variable] = max(floor.get(variable, Decimal(0)), amount)
    values: dict[str, list[Decimal]] = {}
    for variable, amount in groups:
        values.setdefault(variable, []).append(amount)
    items = []
    for (variable, amount), indices in groups.items():
        if variable in whole and all(figures[i].part_of_period for i in indices):
            continue
        roles = [variable]
        label = vkey(" ".join(figures[i].label for i in indices))
        words = label + " " + vkey(" ".join(figures[i].tail for i in indices))
        for alt in ALTERNATIVES:
            if (
                alt.variable == variable
                and (alt.beside is None or alt.beside in present)
                and (not alt.when or any(word in label for word in alt.when))
                and not any(word in words for word in alt.unless)
                and not (alt.unless_sum and _told_sum(values, alt.unless_sum) == amount)
                and alt.instead not in roles
            ):
                roles.append(alt.instead)
        rates = tuple(
            (f.rate, f.rate_places) for f in (figures[i] for i in indices) if f.rate is not None
        )
        items.append(
            _Item(tuple(indices), amount, tuple(roles), rates, floor.get(variable, Decimal(0)))
        )
    return items


def _told_sum(values: dict[str, list[Decimal]], terms: tuple[str, ...]) -> Decimal | None:
    """The sum of `terms` as the report tells them: the first given once, at least one other,
    each given once; None otherwise."""
    given = [values[t] for t in terms if t in values]
    if terms[0] not in values or len(given) < 2 or any(len(v) != 1 for v in given):
        return None
    return sum((v[0] for v in given), Decimal(0))


def _role_of(item: _Item, assignment: dict[str, Decimal]) -> str | None:
    for role in item.roles:
        if assignment.get(role) == item.amount:
            return role
    return None


def _best(
    items: list[_Item], choices: list[tuple[str | None, ...]]
) -> list[dict[str, Decimal]] | None:
    """The winning assignments: fewest figures left out, then most relations closed."""
    total = 1
    for options in choices:
        total *= len(options)
    if total > _MAX_ASSIGNMENTS:
        return None
    scored: list[tuple[tuple[int, int], dict[str, Decimal]]] = []
    for combo in itertools.product(*choices):
        assignment: dict[str, Decimal] = {}
        ok = True
        for item, role in zip(items, combo, strict=True):
            if role is None:
                continue
            if assignment.setdefault(role, item.amount) != item.amount or (
                role == item.roles[0] and item.amount < item.floor
            ):
                ok = False
                break
        if not ok:
            continue
        checked = _check(assignment)
        if checked is None:
            continue
        closed, known = checked
        # a total worked out from the sums supports a rate as a stated one would, unless the
        # stated one was left out (then the rate would vouch for leaving it out)
        left_out = {item.roles[0] for item, role in zip(items, combo, strict=True) if role is None}
        bases = {k: v for k, v in known.items() if k in assignment or k not in left_out}
        closed += _rates(items, combo, bases)
        dropped = sum(role is None for role in combo)
        scored.append(((-dropped, closed), assignment))
    top = max(key for key, _ in scored)
    # A tie between the words' role and an alternative one leaves both open (review).
    return [assignment for key, assignment in scored if key == top]


def _check(assignment: dict[str, Decimal]) -> tuple[int, dict[str, Decimal]] | None:
    """How many relations the assignment closes, and every value it gives (those worked out
    from the sums too); None if it breaks a relation."""
    known = dict(assignment)
    used: set[int] = set()
    for _ in range(len(RELATIONS)):
        progress = False
        for index, relation in enumerate(RELATIONS):
            if index in used or not relation.exact:
                continue
            missing = [t for t in relation.terms if t not in known]
            if len(missing) != 1:
                continue
            (term,) = missing
            given = sum((known[p] for p in relation.parts if p in known), Decimal(0))
            value = given if term == relation.whole else known[relation.whole] - given
            if value < 0:
                return None
            known[term] = value
            used.add(index)
            progress = True
        if not progress:
            break
    closed = 0
    for index, relation in enumerate(RELATIONS):
        if index in used or relation.whole not in known:
            continue
        parts = [known[p] for p in relation.parts if p in known]
        added = sum(parts, Decimal(0))
        if added > known[relation.whole]:
            return None
        if len(parts) == len(relation.parts) and relation.exact:
            # a bound that happens to be equal proves nothing (records returned, withdrawn)
            if added != known[relation.whole]:
                return None
            closed += 1
    for part, whole in BOUNDS:
        if part in known and whole in known and known[part] > known[whole]:
            return None
    return closed, known


def _rates(
    items: list[_Item], combo: tuple[str | None, ...], assignment: dict[str, Decimal]
) -> int:
    """Stated percentages that agree with count / total for the roles chosen (support only);
    a total worked out from the sums counts as much as one stated."""
    agreed = 0
    for item, role in zip(items, combo, strict=True):
        if role is None or not item.rates:
            continue
        for base in RATE_BASES.get(role, ()):
            total = assignment.get(base)
            if total and any(_same_rate(item.amount, total, r, p) for r, p in item.rates):
                agreed += 1
                break
    return agreed


def _same_rate(count: Decimal, total: Decimal, rate: Decimal, places: int) -> bool:
    return abs(count * 100 / total - rate) <= Decimal(5).scaleb(-places - 1)
