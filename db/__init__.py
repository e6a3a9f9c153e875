"""The branch database: one SQLite file per branch (DESIGN: Storage)."""
