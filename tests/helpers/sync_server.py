"""The central server as the tests use it: a real ``branchdesk-server`` process on 127.0.0.1
(an ephemeral port), over a real SQLite file or a real PostgreSQL database, and a small
signed client that shares nothing with the desktop's (core.signing only)."""
from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from core import signing
from core.summary import Attendance, Changes, Dues, Headcount, MeetingCount, Pipeline, SummaryPacket

SERVER = Path(sys.executable).parent / "branchdesk-server"
ENV_PG = "BRANCHDESK_TEST_PG"


def postgres_admin_url() -> str:
    """The PostgreSQL the tests may use, or skip — but in CI (CI=true) a missing PostgreSQL is a
    failure: CI must not pass by quietly skipping the server's PostgreSQL tests."""
    url = os.environ.get(ENV_PG)
    if not url:
        reason = f"{ENV_PG} is not set: no PostgreSQL for the server tests (.ci/postgres.sh prints one)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason + " — in CI the PostgreSQL tests must run", pytrace=False)
        pytest.skip(reason)
    return url


class PgDatabase:
    """A throw-away database on the test PostgreSQL, dropped afterwards."""

    def __init__(self, admin_url: str):
        import psycopg
        self.psycopg = psycopg
        self.admin_url = admin_url
        self.name = f"bd_test_{secrets.token_hex(6)}"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        base, _, _ = admin_url.rpartition("/")
        self.url = f"{base}/{self.name}"

    def drop(self) -> None:
        with self.psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def database_url(kind: str, tmp_path: Path):
    """(url, cleanup) for "sqlite" or "postgres"."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite'}", lambda: None
    pg = PgDatabase(postgres_admin_url())
    return pg.url, pg.drop


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_cli(db_url: str, *args: str, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """``branchdesk-server --db URL ARGS…`` as a user types it."""
    result = subprocess.run([str(SERVER), "--db", db_url, *args], capture_output=True, text=True, input=stdin,
                            timeout=60)
    if check and result.returncode != 0:
        raise AssertionError(f"branchdesk-server {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


class ServerProcess:
    def __init__(self, db_url: str, *, workers: int = 1, log: Path | None = None):
        self.db_url, self.workers = db_url, workers
        self.log = log
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.admin_password: str | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db(self):
        """The server's database opened in the test process, for administration without
        starting a command each time (the command line has its own tests)."""
        if getattr(self, "_db", None) is None:
            from server.db import open_database
            self._db = open_database(self.db_url, pool_size=2)
        return self._db

    def admin(self, fn, *args):
        """``fn(conn, *args, time.time)`` from server.store in one writing transaction."""
        with self.db.write() as conn:
            return fn(conn, *args, time.time)

    def start(self, timeout: float = 30) -> "ServerProcess":
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL
        # Its own process group: kill() takes the uvicorn workers with it.
        self.proc = subprocess.Popen([str(SERVER), "--db", self.db_url, "--host", "127.0.0.1", "--port", str(self.port),
                                      "--workers", str(self.workers)], stdout=subprocess.PIPE, stderr=out,
                                     start_new_session=True, text=True)
        deadline = time.monotonic() + timeout
        first = self.proc.stdout.readline()
        if "初始密码" in first:
            self.admin_password = first.rsplit(" ", 1)[-1].strip()
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"branchdesk-server exited with {self.proc.returncode}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/api/v1/time")
                if conn.getresponse().status == 200:
                    conn.close()
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("branchdesk-server did not answer in time")

    def kill(self) -> None:
        """kill -9, the whole process group: no goodbye, no flush."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if getattr(self, "_db", None) is not None:
            self._db.close()
            self._db = None
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.proc and self.proc.stdout:
            self.proc.stdout.close()


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body)


class SignedClient:
    """Signs like a branch does; the clock and nonce can be chosen to test refusals."""

    def __init__(self, base_url: str, key_id: str = "", secret: bytes = b"", *, skew: float = 0.0):
        host, port = base_url.removeprefix("http://").split(":")
        self.host, self.port = host, int(port)
        self.key_id, self.secret, self.skew = key_id, secret, skew

    def raw(self, method: str, path: str, body: bytes = b"", headers: dict | None = None) -> Answer:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers={"Content-Type": "application/json", **(headers or {})})
            r = conn.getresponse()
            return Answer(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        finally:
            conn.close()

    def signed(self, method: str, path: str, body: bytes = b"", *, timestamp: int | None = None,
               nonce: str | None = None, secret: bytes | None = None) -> Answer:
        ts = int(time.time() + self.skew) if timestamp is None else timestamp
        headers = signing.signed_headers(self.key_id, secret or self.secret, method, path, body, ts, nonce)
        return self.raw(method, path, body, headers)

    def enroll(self, code: str) -> dict:
        import base64
        answer = self.raw("POST", "/api/v1/enroll", json.dumps({"code": code}).encode())
        assert answer.status == 200, answer.body
        data = answer.json()
        self.key_id, self.secret = data["key_id"], base64.urlsafe_b64decode(data["secret"])
        return data

    def send(self, packet: SummaryPacket | bytes) -> Answer:
        body = packet if isinstance(packet, bytes) else packet.to_bytes()
        return self.signed("POST", "/api/v1/packets", body)


def packet(branch: str, seq: int, period: str = "2026-10", *, kind: str = "month", members: int = 30,
           present: int = 25, expected: int = 30) -> SummaryPacket:
    """A plausible packet of aggregates (the figures vary with ``seq`` so packets differ)."""
    return SummaryPacket(
        packet_id=str(uuid.uuid4()), branch=branch, seq=seq, kind=kind, period=period,
        created_at="2026-11-01T01:00:00Z",
        headcount=Headcount(total=members, full=members - 2, probationary=2, suspended=0, lost_contact=0, mobile=1,
                            by_dues_category={"in_service": members - 5, "retired": 5}, by_roll_status={"active": members}),
        changes=Changes(joined=0, transferred_in=1, transferred_out=0, left_party=0, deceased=0, converted=0),
        pipeline=Pipeline(probationary=2, conversion_due=0),
        dues=Dues(year=int(period[:4]), month_due_fen=150000, month_paid_fen=140000 + seq, year_due_fen=1500000,
                  year_paid_fen=1400000, arrears_warning=1, arrears_alert=0, remitted_fen=0),
        meetings=(MeetingCount(type="committee", held=1, required=1, units=1, units_met=1, units_overdue=0),
                  MeetingCount(type="theme_day", held=1, required=1, units=1, units_met=1, units_overdue=0),
                  MeetingCount(type="branch_assembly", held=0, required=1, units=1, units_met=0, units_overdue=1)),
        attendance=Attendance(meetings=2, expected=expected, present=present, leave=expected - present, absent=0,
                              mobile_expected=1, mobile_present=1, with_minutes=2, with_attachments=1),
    )
