"""The server's database: an embedded SQLite file by default, PostgreSQL when asked.

Same code on both. SQLite: WAL, ``synchronous=FULL``, and every writing transaction starts
with ``BEGIN IMMEDIATE`` — two requests that both read and then write would otherwise fail
one of them ("database is locked") instead of waiting their turn. PostgreSQL through
psycopg 3; several worker processes can share one (nothing is kept between requests in a
process: the database is the only state).
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url

ENV_DB = "BRANCHDESK_SERVER_DB"
ENV_DATA = "BRANCHDESK_SERVER_DATA"
DB_FILENAME = "branchdesk-server.sqlite"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class DatabaseUrlError(ValueError):
    pass


def default_url() -> str:
    """``--db`` not given: $BRANCHDESK_SERVER_DB, else a SQLite file in the server's data folder
    ($BRANCHDESK_SERVER_DATA, else the user data folder)."""
    if os.environ.get(ENV_DB):
        return os.environ[ENV_DB]
    folder = os.environ.get(ENV_DATA)
    if not folder:
        from platformdirs import user_data_dir
        folder = user_data_dir("BranchDeskServer", appauthor=False)
    Path(folder).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(folder) / DB_FILENAME}"


def normalise_url(url: str) -> str:
    """postgresql://… means psycopg 3; a bare path means a SQLite file."""
    if "://" not in url:
        return f"sqlite:///{Path(url).resolve()}"
    try:
        parsed = make_url(url)
    except Exception as err:  # noqa: BLE001 — SQLAlchemy raises several kinds
        raise DatabaseUrlError(f"数据库地址无法识别：{url}") from err
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUrlError(f"只支持 SQLite 和 PostgreSQL 数据库：{url}")
    return parsed.render_as_string(hide_password=False)


@dataclass
class ServerDatabase:
    url: str
    engine: Engine
    # SQLite has one writer. Threads of this process take turns here instead of in SQLite's
    # busy handler, which sleeps 1, 2, 5 … 100 ms between tries and so wastes most of a busy
    # second (bench/bench_sync.py). Other processes still wait in the busy handler.
    _write_turn: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            with conn.begin():
                yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction that writes; committed at the end, rolled back on an exception."""
        if not self.is_sqlite:
            with self.engine.connect() as conn, conn.begin():
                yield conn
            return
        with self._write_turn, self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            with conn.begin():
                yield conn

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event below says when and how
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


def open_database(url: str | None = None, *, pool_size: int = 10) -> ServerDatabase:
    url = normalise_url(url or default_url())
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                               pool_size=pool_size, max_overflow=pool_size)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)
    return ServerDatabase(url, engine)


def migrate(db: ServerDatabase, target: str = "head") -> None:
    """Alembic migrations of the server's schema (server/migrations), on SQLite or PostgreSQL."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        conn.commit()
