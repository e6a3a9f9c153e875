"""installer/ is not a package: its helper module is loaded from its file."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
INSTALLER = ROOT / "installer"


@pytest.fixture(scope="session")
def bundle():
    spec = importlib.util.spec_from_file_location("branchdesk_installer_bundle", INSTALLER / "bundle.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
