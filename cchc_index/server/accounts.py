"""Accounts, their units, logins (argon2, limited attempts) and server-side sessions.

A session's id travels in a signed cookie; the store keeps only its sha256, the account, the
form (CSRF) token and when it was last seen, so logging out or disabling an account ends it
at once and an idle session expires after `idle_minutes`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from cchc_index.server import audit
from cchc_index.server.db import now, reading
from cchc_index.server.schema import login_failures, sessions, units, user_units, users

ROLES = ("officer", "reviewer", "keeper", "admin")
LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,79}$")
MIN_PASSWORD = 10
FAILURES_PER_LOGIN = 5  # in WINDOW: then the account's logins wait
FAILURES_PER_ADDRESS = 20
WINDOW = dt.timedelta(minutes=15)
HASHER = PasswordHasher()  # argon2id, the library's recommended parameters
_DUMMY = HASHER.hash("not-a-password-of-anyone")


@dataclass(frozen=True)
class User:
    id: int
    login: str
    role: str
    units: frozenset[str]  # officer: the units they edit; reviewer: their scope (empty: all)

    def sees(self, unit_id: str) -> bool:
        """May this account see the unit (page, files, downloads)?"""
        if self.role == "officer":
            return unit_id in self.units
        if self.role == "reviewer":
            return not self.units or unit_id in self.units
        return self.role == "keeper"


class AccountError(ValueError):
    pass


def _units_of(conn: sa.Connection, user_id: int) -> frozenset[str]:
    rows = conn.execute(sa.select(user_units.c.unit_id).where(user_units.c.user_id == user_id))
    return frozenset(r[0] for r in rows)


def add_user(
    conn: sa.Connection, login: str, role: str, password: str, unit_ids: Iterable[str], actor: str
) -> int:
    """Create an account (AccountError: bad login, role, password, or unknown unit)."""
    unit_ids = sorted(set(unit_ids))
    if not LOGIN.match(login):
        raise AccountError("login: a-z 0-9 . _ -, 2-80")
    if role not in ROLES:
        raise AccountError(f"role: {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    if role == "officer" and not unit_ids:
        raise AccountError("officer: at least one --unit")
    known = {r[0] for r in conn.execute(sa.select(units.c.id).where(units.c.id.in_(unit_ids)))}
    unknown = [u for u in unit_ids if u not in known]
    if unknown:
        raise AccountError(f"unknown unit: {', '.join(unknown)}")
    if conn.execute(sa.select(users.c.id).where(users.c.login == login)).first():
        raise AccountError(f"login exists: {login}")
    inserted = conn.execute(
        users.insert().values(
            login=login,
            role=role,
            password_hash=HASHER.hash(password),
            active=True,
            created=now(),
        )
    ).inserted_primary_key
    assert inserted is not None
    user_id = inserted[0]
    for unit_id in unit_ids:
        conn.execute(user_units.insert().values(user_id=user_id, unit_id=unit_id))
    audit.append(conn, actor, "account.create", login, detail=f"{role} {' '.join(unit_ids)}")
    return int(user_id)


def set_active(conn: sa.Connection, login: str, active: bool, actor: str) -> None:
    row = conn.execute(sa.select(users.c.id).where(users.c.login == login)).first()
    if row is None:
        raise AccountError(f"no such login: {login}")
    conn.execute(users.update().where(users.c.id == row.id).values(active=active))
    if not active:
        conn.execute(sessions.delete().where(sessions.c.user_id == row.id))
    audit.append(conn, actor, "account.enable" if active else "account.disable", login)


def _since() -> str:
    return (dt.datetime.now(dt.UTC) - WINDOW).isoformat(timespec="microseconds")


def throttled(conn: sa.Connection, login: str, address: str) -> bool:
    """Too many failed logins lately for this account or from this address."""
    since = _since()
    count = sa.func.count(login_failures.c.id)
    by_login = conn.execute(
        sa.select(count).where(login_failures.c.login == login, login_failures.c.at >= since)
    ).scalar_one()
    by_address = conn.execute(
        sa.select(count).where(login_failures.c.address == address, login_failures.c.at >= since)
    ).scalar_one()
    return bool(by_login >= FAILURES_PER_LOGIN or by_address >= FAILURES_PER_ADDRESS)


def authenticate(conn: sa.Connection, login: str, password: str, address: str) -> User | None:
    """The account when the password is right (and it is active); a failure is recorded."""
    row = conn.execute(sa.select(users).where(users.c.login == login)).first()
    ok = False
    try:
        ok = HASHER.verify(row.password_hash if row else _DUMMY, password) and row is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not ok or row is None or not row.active:
        conn.execute(login_failures.insert().values(login=login[:80], address=address, at=now()))
        audit.append(conn, "anonymous", "login.fail", login[:80], detail=address)
        return None
    if HASHER.check_needs_rehash(row.password_hash):
        conn.execute(
            users.update().where(users.c.id == row.id).values(password_hash=HASHER.hash(password))
        )
    audit.append(conn, row.login, "login", row.login, detail=address)
    return User(row.id, row.login, row.role, _units_of(conn, row.id))


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("ascii", "replace")).hexdigest()


def open_session(conn: sa.Connection, user: User) -> tuple[str, str]:
    """A new session (always a new id: a session fixed before login is never kept): (id, csrf)."""
    session_id, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    at = now()
    conn.execute(
        sessions.insert().values(
            id_hash=_hash(session_id), user_id=user.id, csrf=csrf, created=at, seen=at
        )
    )
    return session_id, csrf


def close_session(conn: sa.Connection, session_id: str) -> None:
    conn.execute(sessions.delete().where(sessions.c.id_hash == _hash(session_id)))


def session_user(engine: sa.Engine, session_id: str, idle: dt.timedelta) -> tuple[User, str] | None:
    """(account, csrf) of a live session; an idle or unknown one is None (and ended). Read
    without the writers' lock; written only to end it or, once a minute, to mark it seen."""
    with reading(engine) as conn:
        found = _session(conn, session_id)
    if found is None:
        return None
    row, units_of = found
    seen = dt.datetime.fromisoformat(row.seen)
    current = dt.datetime.now(dt.UTC)
    if not row.active or current - seen > idle:
        with engine.begin() as conn:
            conn.execute(sessions.delete().where(sessions.c.id_hash == row.id_hash))
        return None
    if current - seen > dt.timedelta(seconds=60):  # a write a minute, not one per request
        with engine.begin() as conn:
            conn.execute(
                sessions.update().where(sessions.c.id_hash == row.id_hash).values(seen=now())
            )
    return User(row.user_id, row.login, row.role, units_of), row.csrf


def _session(conn: sa.Connection, session_id: str) -> tuple[Any, frozenset[str]] | None:
    row = conn.execute(
        sa.select(sessions, users.c.login, users.c.role, users.c.active)
        .join(users, users.c.id == sessions.c.user_id)
        .where(sessions.c.id_hash == _hash(session_id))
    ).first()
    if row is None:
        return None
    return row, _units_of(conn, row.user_id)
