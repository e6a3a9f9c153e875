"""The BranchDesk application: use cases (``services``), the PySide6 UI (``ui``), the command line."""
__version__ = "0.1.0"
