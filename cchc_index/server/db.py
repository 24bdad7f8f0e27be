"""The store's connection: an SQLite file in the data folder, or PostgreSQL (psycopg 3), both
through SQLAlchemy Core, migrated by Alembic to the newest schema."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).parent / "migrations"


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path.resolve()}"


def normal_url(url: str) -> str:
    """`postgresql://…` through psycopg 3 (SQLAlchemy would otherwise look for psycopg2)."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str) -> sa.Engine:
    url = normal_url(url)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi: Any, _record: Any) -> None:
            dbapi.isolation_level = None  # SQLAlchemy's "begin" below says when
            cursor = dbapi.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _immediate(conn: sa.Connection) -> None:
            # Writers one at a time from the start of their transaction: the audit chain
            # reads its last row and appends after it without another writer in between.
            # A reading transaction (`reading`) takes no lock (WAL: readers never wait).
            read_only = conn.get_execution_options().get("cchc_read_only")
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: sa.Engine) -> None:
    """Bring the store to the newest schema (nothing to do when it is there)."""
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")


def revision(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head() -> str | None:
    with make_engine("sqlite://").connect() as connection:
        return ScriptDirectory.from_config(_config(connection)).get_current_head()


@contextmanager
def transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One transaction; on PostgreSQL the audit's writers are serialized by an advisory lock
    taken when they append (`audit.append`)."""
    with engine.begin() as connection:
        yield connection


@contextmanager
def reading(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A transaction that only reads (on SQLite it does not wait for the writers' lock)."""
    with engine.connect() as connection:
        connection.execution_options(cchc_read_only=True)
        yield connection


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
