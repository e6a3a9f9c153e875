"""The PySide6 user interface: one module per screen, table models in their own modules.

Nothing outside this package imports Qt (import-linter contract "Qt only in the desktop UI").
"""
