"""Alembic's environment for the server's store: run on the connection `db.upgrade` hands
it (never a URL from a file), for SQLite and PostgreSQL alike."""

from __future__ import annotations

from alembic import context

from cchc_index.server.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
