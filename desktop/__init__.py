"""The BranchDesk application: use cases (``services``), the PySide6 UI (``ui``), the command line.

``__version__`` has one source, ``pyproject.toml``: read from it in a checkout, from the
installed package's metadata otherwise (a wheel, or the frozen program, whose spec copies
that metadata in). It is computed on first use: most imports of ``desktop`` never ask.
"""
from __future__ import annotations

from pathlib import Path

DISTRIBUTION = "branchdesk"


def _read_version() -> str:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():
        import tomllib
        with open(pyproject, "rb") as f:
            project = tomllib.load(f).get("project", {})
        if project.get("name") == DISTRIBUTION and "version" in project:
            return project["version"]
    # Imported only here: importlib.metadata costs ~20 ms (it brings the email package).
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"


def __getattr__(name: str):
    if name == "__version__":
        value = globals()["__version__"] = _read_version()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
