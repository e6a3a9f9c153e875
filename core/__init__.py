"""Pure rules and value types of branch work. No Qt, no SQL (checked by import-linter)."""
