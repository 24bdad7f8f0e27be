"""The audit trail: one append-only row per change, chained by hashes.

Each row's `hash` is the sha256 of the previous row's hash and of this row's fields, so an
edited row breaks its own hash and a deleted row breaks its successor's `prev` (the ids are
consecutive too). `verify` walks the chain from the first row.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import sqlalchemy as sa

from cchc_index.server.db import now
from cchc_index.server.schema import audit

GENESIS = "0" * 64
NONE = "-"  # the before/after hash of something that did not exist
ADVISORY_LOCK = 26_2026  # PostgreSQL: one audit writer at a time


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
) -> None:
    """Append one row inside the caller's transaction (the change and its row commit together)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK})
    last = conn.execute(sa.select(audit.c.hash).order_by(audit.c.id.desc()).limit(1)).scalar()
    prev = last or GENESIS
    at = now()
    digest = row_hash(prev, at, actor, action, subject, before, after, detail)
    conn.execute(
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
    )


@dataclass(frozen=True)
class Broken:
    row_id: int
    why: str


def verify(conn: sa.Connection) -> tuple[int, list[Broken]]:
    """(rows checked, every break found)."""
    broken: list[Broken] = []
    prev, expected_id, count = GENESIS, None, 0
    for row in conn.execute(sa.select(audit).order_by(audit.c.id)):
        count += 1
        if expected_id is not None and row.id != expected_id:
            broken.append(Broken(row.id, f"rows {expected_id}..{row.id - 1} missing"))
        if row.prev != prev:
            broken.append(Broken(row.id, "prev does not match the row before"))
        digest = row_hash(
            row.prev, row.at, row.actor, row.action, row.subject, row.before, row.after, row.detail
        )
        if digest != row.hash:
            broken.append(Broken(row.id, "row edited (hash does not match its fields)"))
        prev, expected_id = row.hash, row.id + 1
    return count, broken
