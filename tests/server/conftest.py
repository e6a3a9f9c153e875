"""Server tests run on both databases: an SQLite file and a real PostgreSQL
(BRANCHDESK_TEST_PG; .ci/postgres.sh sets one up). Without it the PostgreSQL half skips —
except in CI, where it fails (tests.helpers.sync_server.postgres_admin_url)."""
from __future__ import annotations

import time

import pytest

from tests.helpers.sync_server import ServerProcess, database_url

DATABASES = ["sqlite", "postgres"]


@pytest.fixture(params=DATABASES)
def db_url(request, tmp_path):
    url, cleanup = database_url(request.param, tmp_path)
    yield url
    cleanup()


@pytest.fixture
def server_db(db_url):
    """An open, migrated server database (in this process) on each kind."""
    from server.db import migrate, open_database
    db = open_database(db_url, pool_size=4)
    migrate(db)
    yield db
    db.close()


@pytest.fixture(scope="module", params=DATABASES)
def live(request, tmp_path_factory):
    """One real server process per module and database kind (start-up is a second or two)."""
    tmp = tmp_path_factory.mktemp(f"live-{request.param}")
    url, cleanup = database_url(request.param, tmp)
    server = ServerProcess(url, log=tmp / "server.log").start()
    yield server
    server.stop()
    cleanup()


class Clock:
    """A server clock the in-process tests move by hand (Unix seconds)."""

    def __init__(self, at: float | None = None):
        self.at = time.time() if at is None else at

    def __call__(self) -> float:
        return self.at


@pytest.fixture
def server_clock() -> Clock:
    return Clock()
