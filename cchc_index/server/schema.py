"""The one schema of the server's store, for SQLite and PostgreSQL alike (SQLAlchemy Core).

Times are ISO-8601 UTC text and points are decimal text (`"0.25"`), so both databases keep
them exactly. Rows of `audit`, `appraisal_entries`, `explanations`, `submissions` and
`publications` are only ever inserted: the history is never overwritten. Alembic's
migrations (`migrations/versions`) create and change these tables; this module describes
the newest version of them for the code that reads and writes.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

units = Table(
    "units",
    metadata,
    Column("id", String(120), primary_key=True),  # the bundle's folder name under units/
    Column("name", Text, nullable=False),
    Column("framework", String(120), nullable=False),
    Column("year", Integer, nullable=False),
    Column("status", String(20), nullable=False),  # see cycle_states.STATES
    Column("updated", String(40), nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("login", String(80), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created", String(40), nullable=False),
)

user_units = Table(
    "user_units",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("unit_id", String(120), ForeignKey("units.id"), primary_key=True),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),  # sha256 of the cookie's session id
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created", String(40), nullable=False),
    Column("seen", String(40), nullable=False),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("login", String(80), nullable=False, index=True),
    Column("address", String(64), nullable=False, index=True),
    Column("at", String(40), nullable=False),
)

submissions = Table(
    "submissions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit_id", String(120), ForeignKey("units.id"), nullable=False, index=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", String(40), nullable=False),
    Column("bundle_hash", String(64), nullable=False),
    Column("folder", Text, nullable=False),  # under DATA_DIR/submissions/
)

appraisal_entries = Table(
    "appraisal_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit_id", String(120), ForeignKey("units.id"), nullable=False, index=True),
    Column("round", Integer, nullable=False),
    Column("node", String(60), nullable=False),
    Column("points", String(20), nullable=False),
    Column("reason", Text, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", String(40), nullable=False),
)

explanations = Table(
    "explanations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit_id", String(120), ForeignKey("units.id"), nullable=False, index=True),
    Column("node", String(60), nullable=False),
    Column("text", Text, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", String(40), nullable=False),
)

publications = Table(
    "publications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("ranking", Text, nullable=False),  # JSON: the rows as published
    Column("sha256", String(64), nullable=False),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("actor", String(80), nullable=False),
    Column("action", String(40), nullable=False),
    Column("subject", Text, nullable=False),
    Column("before", String(64), nullable=False),
    Column("after", String(64), nullable=False),
    Column("detail", Text, nullable=False),
    Column("prev", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("prev", name="audit_one_successor"),
)
