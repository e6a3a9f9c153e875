"""Shared fixtures. Every data directory is a temp folder; time comes from a fixed clock."""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

# pytest-qt aborts without a display unless this is set before Qt loads.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from core import i18n
from core.clock import FixedClock
from desktop import paths

# The day the tests live in: fixed, so reminders and validation give the same answers.
TODAY = datetime(2026, 11, 20, 9, 30)


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No test touches the real user data folder; every test starts in Chinese."""
    monkeypatch.setenv(paths.ENV_DATA, str(tmp_path / "default-data"))
    i18n.install(i18n.DEFAULT_LANGUAGE, paths.translation_source(i18n.DEFAULT_LANGUAGE))
    yield
    i18n.install(i18n.DEFAULT_LANGUAGE, paths.translation_source(i18n.DEFAULT_LANGUAGE))


# Every branch a test opens without saying otherwise unlocks with this password.
TEST_PASSWORD = "测试密码-2026"
# Argon2id at its smallest: the real cost (64 MiB, ~0.3 s) is paid once per new branch and
# per unlock, too slow for a thousand tests. Envelopes keep the parameters they were made
# with, so tests that check the real cost still can.
CHEAP_KDF = {"iterations": 1, "memory_kib": 8, "lanes": 1}


@pytest.fixture(autouse=True, scope="session")
def _test_password():
    """Session-wide: module-scoped fixtures open branches too. A test that removes the
    variable does it with monkeypatch, which puts it back."""
    from db import crypto
    os.environ["BRANCHDESK_PASSWORD"] = TEST_PASSWORD
    crypto.PASSWORD_KDF, crypto.RECOVERY_KDF = CHEAP_KDF, CHEAP_KDF
    yield
    crypto.PASSWORD_KDF, crypto.RECOVERY_KDF = dict(crypto.DEFAULT_PASSWORD_KDF), dict(crypto.DEFAULT_RECOVERY_KDF)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TODAY)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "branch"


@pytest.fixture
def ctx(data_dir, clock):
    from desktop.context import open_context
    context = open_context(data_dir, clock=clock, branch_name="测试党支部")
    yield context
    context.close()
