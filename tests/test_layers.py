"""The layers of DESIGN.md hold (import-linter contracts in pyproject.toml), and the check
would notice if they did not."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(cwd: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True,
                          env=os.environ | env, timeout=120)


def test_the_import_contracts_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_contracts_fail_when_core_imports_qt(tmp_path):
    for package in ("core", "db", "desktop", "server"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with open(tmp_path / "core" / "text.py", "a", encoding="utf-8") as f:
        f.write("\nimport PySide6  # noqa: E402  (what the contract forbids)\n")
    result = lint_imports(tmp_path, PYTHONPATH=str(tmp_path))
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    # Broken for that reason, not because the copy could not be read.
    assert "core is pure: no Qt, no SQL BROKEN" in out
    assert "core.text -> PySide6" in out
