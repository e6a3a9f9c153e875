"""Alembic migrations of the branch database.

``HEAD`` is the newest revision; a test checks it against Alembic's own view, so that
start-up can tell whether a migration is needed without importing Alembic (~0.2 s).
"""
HEAD = "0007"
