"""Alembic migrations of the central server's database (SQLite or PostgreSQL)."""
HEAD = "s0001"
