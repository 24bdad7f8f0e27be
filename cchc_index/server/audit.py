"""The audit trail: one append-only row per change, chained by hashes, and its witness.

Each row's `hash` is the sha256 of the previous row's hash and of this row's fields, so an
edited row breaks its own hash and a deleted row breaks its successor's `prev` (and the first
row's `prev` is GENESIS). `verify` walks the chain from the first row.

The chain alone cannot tell that its LAST rows were deleted: what remains still verifies. So
every transaction that appended rows also writes, once it has committed, the head it left
(`<id> <hash> <time>`) as one line of an append-only file outside the store,
DATA_DIR/audit-witness.log (`witness`); `verify` checks that every head the file witnessed is
still in the table with the same hash. The file is written after the commit, never before: a
crash in between leaves it one head behind (still sound), never ahead of the store. Someone
who can rewrite both the table and the file is caught only by a head kept elsewhere (printed
by `server audit-verify`, written beside each published ranking, checked by `--head`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from cchc_index.errors import OutputError
from cchc_index.output import current
from cchc_index.readgate import read_file
from cchc_index.server.db import now
from cchc_index.server.schema import audit

GENESIS = "0" * 64
NONE = "-"  # the before/after hash of something that did not exist
ADVISORY_LOCK = 26_2026  # PostgreSQL: one audit writer at a time
WITNESS = "audit-witness.log"  # in DATA_DIR
_PENDING = "cchc.audit_head"  # the head this transaction appended (on the pooled connection)
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Head:
    """The last row of the chain: its id and hash (`id:hash` as printed and given back)."""

    row_id: int
    hash: str

    def text(self) -> str:
        return f"{self.row_id}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Head:
        """`123:<64 hex>`; ValueError otherwise."""
        number, _, digest = text.strip().partition(":")
        if (
            not number.isdigit()
            or len(digest) != 64
            or not all(c in "0123456789abcdef" for c in digest)
        ):
            raise ValueError(f"not a head (id:sha256): {text!r}")
        return cls(int(number), digest)


def row_hash(
    prev: str, at: str, actor: str, action: str, subject: str, before: str, after: str, detail: str
) -> str:
    fields = [prev, at, actor, action, subject, before, after, detail]
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append(
    conn: sa.Connection,
    actor: str,
    action: str,
    subject: str,
    before: str = NONE,
    after: str = NONE,
    detail: str = "",
) -> Head:
    """Append one row inside the caller's transaction (the change and its row commit together);
    the new head, which the witness records once the transaction commits."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK})
    last = conn.execute(sa.select(audit.c.hash).order_by(audit.c.id.desc()).limit(1)).scalar()
    prev = last or GENESIS
    at = now()
    digest = row_hash(prev, at, actor, action, subject, before, after, detail)
    inserted = conn.execute(
        audit.insert().values(
            at=at,
            actor=actor,
            action=action,
            subject=subject,
            before=before,
            after=after,
            detail=detail,
            prev=prev,
            hash=digest,
        )
    ).inserted_primary_key
    assert inserted is not None
    head = Head(int(inserted[0]), digest)
    conn.info[_PENDING] = (head, at)
    return head


def witness(engine: sa.Engine, path: Path) -> None:
    """Make `engine` write the head of each committed transaction that appended rows to the
    witness file `path`, after its commit (SQLAlchemy Core has no after-commit event, so the
    engine's own dialect commit is wrapped; a transaction that begins or rolls back, or a
    savepoint rolled back, forgets any head left on its pooled connection)."""
    inner = engine.dialect.do_commit

    def do_commit(dbapi_connection: Any) -> None:
        inner(dbapi_connection)
        found = dbapi_connection.info.pop(_PENDING, None)
        if found is not None:
            _write(path, found[0], found[1])

    engine.dialect.do_commit = do_commit  # type: ignore[method-assign]

    def forget(conn: sa.Connection) -> None:
        conn.info.pop(_PENDING, None)

    sa.event.listen(engine, "begin", forget)
    sa.event.listen(engine, "rollback", forget)
    # a savepoint rolled back may have held the head: forget it (the witness then lags one
    # transaction behind, which is sound; a head that never committed would not be)
    sa.event.listen(engine, "rollback_savepoint", lambda conn, _name, _context: forget(conn))


def _write(path: Path, head: Head, at: str) -> None:
    """One line appended through the output gate (O_APPEND: lines of several processes never
    interleave; a link at `path` is refused). A failure is logged, not raised: the change has
    committed."""
    line = f"{head.row_id} {head.hash} {at}\n".encode("ascii")
    try:
        current().append(path, line)
    except (OSError, OutputError) as exc:
        _log.error("audit witness %s not written (%s): head %s", path, exc, head.text())


def last_head(conn: sa.Connection) -> Head | None:
    row = conn.execute(
        sa.select(audit.c.id, audit.c.hash).order_by(audit.c.id.desc()).limit(1)
    ).first()
    return None if row is None else Head(int(row.id), str(row.hash))


def start_witness(engine: sa.Engine, path: Path) -> None:
    """A store audited before the witness existed: its current head opens the file."""
    if os.path.lexists(path):
        return
    with engine.connect() as conn:
        head = last_head(conn)
    if head is not None:
        _write(path, head, now())


@dataclass(frozen=True)
class Broken:
    row_id: int
    why: str


@dataclass(frozen=True)
class Verified:
    rows: int
    broken: list[Broken]
    head: Head | None  # the chain's last row, as the table holds it now
    witnessed: int  # heads checked (the witness file's lines and those given)


def _chain(conn: sa.Connection) -> tuple[int, list[Broken], dict[int, str]]:
    broken: list[Broken] = []
    hashes: dict[int, str] = {}
    prev, expected_id, count = GENESIS, None, 0
    for row in conn.execute(sa.select(audit).order_by(audit.c.id)):
        count += 1
        if row.prev != prev:
            # a gap in the ids alone is no break: PostgreSQL's sequence skips the id of a
            # transaction that rolled back; the chain (`prev`) is what proves a row is gone
            if expected_id is not None and row.id != expected_id:
                broken.append(Broken(row.id, f"rows {expected_id}..{row.id - 1} missing"))
            else:
                broken.append(Broken(row.id, "prev does not match the row before"))
        digest = row_hash(
            row.prev, row.at, row.actor, row.action, row.subject, row.before, row.after, row.detail
        )
        if digest != row.hash:
            broken.append(Broken(row.id, "row edited (hash does not match its fields)"))
        hashes[row.id] = row.hash
        prev, expected_id = row.hash, row.id + 1
    return count, broken, hashes


def read_witness(path: Path) -> tuple[list[tuple[str, Head]], list[Broken]]:
    """(where, head) of every line of the witness file, and its unreadable lines."""
    heads: list[tuple[str, Head]] = []
    bad: list[Broken] = []
    for number, raw in enumerate(read_file(path, str(path)).splitlines(), start=1):
        where = f"{path.name}:{number}"
        try:
            first, second, *_ = raw.decode("ascii").split()
            heads.append((where, Head.parse(f"{first}:{second}")))
        except (UnicodeDecodeError, ValueError):
            bad.append(Broken(0, f"{where}: unreadable witness line"))
    return heads, bad


def verify(conn: sa.Connection, witness: Path | None = None, kept: Sequence[Head] = ()) -> Verified:
    """The chain from its first row; then every head the witness file recorded and every head
    `kept` elsewhere must still be in the table with its hash (a deleted last row fails)."""
    count, broken, hashes = _chain(conn)
    heads = [(f"--head {h.text()}", h) for h in kept]
    if witness is not None:
        if os.path.lexists(witness):
            found, bad = read_witness(witness)
            heads += found
            broken += bad
        elif count:
            broken.append(Broken(0, f"{witness.name} missing: the last rows cannot be checked"))
    missing: dict[int, str] = {}
    for where, seen in heads:
        if seen.row_id not in hashes:
            missing.setdefault(seen.row_id, where)
        elif hashes[seen.row_id] != seen.hash:
            broken.append(Broken(seen.row_id, f"row differs from the head witnessed ({where})"))
    end = max(hashes) if hashes else 0
    for row_id in sorted(missing):
        if row_id > end:  # reported once: the highest witnessed row beyond the table's end
            continue
        broken.append(Broken(row_id, f"row witnessed ({missing[row_id]}) but not in the table"))
    beyond = [r for r in missing if r > end]
    if beyond:
        last = max(beyond)
        broken.append(
            Broken(
                last,
                f"row {last} was witnessed ({missing[last]}) but the table ends at row {end}: "
                "its last rows were deleted",
            )
        )
    return Verified(count, broken, Head(end, hashes[end]) if hashes else None, len(heads))
