"""The province server: every unit, every reviewer and the Sở on one system, with accounts,
roles, an audit trail and SQLite or PostgreSQL (docs/server.md)."""
