"""One version, in pyproject.toml: the program, the frozen program and the installer read it."""
from __future__ import annotations

import tomllib

import desktop
from desktop.cli import main

from .conftest import INSTALLER, ROOT


def _pyproject_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def test_the_program_reports_the_version_of_pyproject(capsys):
    assert desktop.__version__ == _pyproject_version()
    try:
        main(["--version"])
    except SystemExit as done:
        assert done.code == 0
    assert capsys.readouterr().out.strip() == f"BranchDesk {_pyproject_version()}"


def test_the_installed_metadata_agrees(tmp_path):
    # What the frozen program reads (the spec copies this metadata into the bundle); `make`
    # reinstalls the package whenever pyproject.toml changes.
    from importlib.metadata import version
    assert version("branchdesk") == _pyproject_version()


def test_without_a_checkout_the_version_comes_from_the_metadata(monkeypatch, tmp_path):
    # As in the frozen program: no pyproject.toml beside the packages.
    monkeypatch.setattr(desktop, "__file__", str(tmp_path / "desktop" / "__init__.py"))
    assert desktop._read_version() == _pyproject_version()


def test_the_build_passes_the_same_version_to_the_installer(bundle):
    assert bundle.project_version() == _pyproject_version()
    build = (INSTALLER / "build.py").read_text(encoding="utf-8")
    assert "/DMyAppVersion={version}" in build
    assert bundle.windows_version_tuple("0.1.0") == (0, 1, 0, 0)
    assert bundle.windows_version_tuple("2.10.3.4") == (2, 10, 3, 4)
    assert bundle.windows_version_tuple("1.2+local") == (1, 2, 0, 0)
