"""The central server receiving summary packets, on loopback.

1. Throughput: 8 concurrent clients (processes, one keep-alive connection each) send packets
   for a few seconds to ``branchdesk-server`` (one worker): each signed, checked, its nonce
   recorded, stored once. In the same run the same clients send the same JSON to a bare
   endpoint of the same framework (bench/sync_bare.py: FastAPI on uvicorn inserting the body
   into the same database). Goal (issue): real ÷ bare ≥ 0.5. Rounds are interleaved and the
   best of each is kept, so a busy machine weighs on both alike.
2. A city's month: 9,000 branches, each with its own key, each send one monthly packet
   (8 clients share them out); the time until all 9,000 are stored, checked in the database.

On SQLite (the default server) and, when BRANCHDESK_TEST_PG names a PostgreSQL (or --pg URL),
on PostgreSQL too. 127.0.0.1 only.

    .venv/bin/python -m bench.bench_sync [--seconds S] [--rounds R] [--branches N] [--pg URL]
"""
from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

GOAL = 0.5
CLIENTS = 8
SERVER = Path(sys.executable).parent / "branchdesk-server"
PACKETS_PATH = "/api/v1/packets"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, path: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def _template(branch: str, period: str = "2026-10") -> str:
    """A realistic packet's JSON with PACKETID and 999999 (seq) to fill in."""
    from core.summary import Attendance, Changes, Dues, Headcount, MeetingCount, Pipeline, SummaryPacket
    p = SummaryPacket(
        packet_id="00000000-0000-4000-8000-000000000000", branch=branch, seq=999999, kind="month", period=period,
        created_at="2026-11-01T01:00:00Z",
        headcount=Headcount(38, 35, 3, 0, 1, 2, {"in_service": 20, "retired": 15, "student": 3}, {"active": 38, "transferred_out": 2}),
        changes=Changes(1, 1, 0, 0, 0, 1), pipeline=Pipeline(3, 1),
        dues=Dues(2026, 152300, 148800, 1523000, 1488000, 2, 0, 0),
        meetings=tuple(MeetingCount(t, 1, 1, 1, 1, 0) for t in ("committee", "group", "theme_day", "lecture")),
        attendance=Attendance(4, 120, 104, 12, 4, 8, 6, 4, 3))
    return p.to_json().replace("00000000-0000-4000-8000-000000000000", "PACKETID").replace('"seq":999999', '"seq":SEQ')


def _client_for(seconds: float, port: int, signed: tuple[str, str] | None, template: str, start_at: float, out) -> None:
    """One client process: send packets back to back until the time is up; report (ok, errors)."""
    from core import signing
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    path = PACKETS_PATH if signed else "/bare"
    secret = bytes.fromhex(signed[1]) if signed else b""
    ok = errors = seq = 0
    while time.time() < start_at:
        time.sleep(0.001)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        seq += 1
        body = template.replace("PACKETID", str(uuid.uuid4())).replace("SEQ", str(seq)).encode()
        headers = {"Content-Type": "application/json"}
        if signed:
            headers |= signing.signed_headers(signed[0], secret, "POST", path, body, int(time.time()))
        conn.request("POST", path, body, headers)
        r = conn.getresponse()
        r.read()
        if r.status == 200:
            ok += 1
        else:
            errors += 1
    conn.close()
    out.put((ok, errors))


def _run_clients(seconds: float, port: int, keys: list[tuple[str, str]] | None, templates: list[str]) -> tuple[float, int]:
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    start_at = time.time() + 0.5
    procs = [ctx.Process(target=_client_for, args=(seconds, port, keys[i][1:] if keys else None, templates[i], start_at, out))
             for i in range(CLIENTS)]
    results = _gather(procs, out, seconds + 60)
    ok, errors = sum(r[0] for r in results), sum(r[1] for r in results)
    return ok / seconds, errors


def _gather(procs, out, timeout: float) -> list:
    """Start the client processes and collect one result from each (a client that dies is an error)."""
    import queue
    for p in procs:
        p.start()
    results, deadline = [], time.monotonic() + timeout
    while len(results) < len(procs):
        try:
            results.append(out.get(timeout=1))
        except queue.Empty:
            if any(p.exitcode not in (None, 0) for p in procs) or time.monotonic() > deadline:
                for p in procs:
                    p.kill()
                raise RuntimeError("a benchmark client failed") from None
    for p in procs:
        p.join()
    return results


def _month_client(port: int, jobs: list[tuple[str, str, str]], out) -> None:
    """Send each branch's one monthly packet with that branch's key."""
    from core import signing
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    ok = 0
    for branch, key_id, secret_hex in jobs:
        body = _template(branch).replace("PACKETID", str(uuid.uuid4())).replace("SEQ", "1").encode()
        headers = {"Content-Type": "application/json"} | signing.signed_headers(
            key_id, bytes.fromhex(secret_hex), "POST", PACKETS_PATH, body, int(time.time()))
        conn.request("POST", PACKETS_PATH, body, headers)
        r = conn.getresponse()
        r.read()
        ok += r.status == 200
    conn.close()
    out.put(ok)


def _enroll(db, branches: list[str], parent: str | None) -> list[tuple[str, str, str]]:
    """Branches and their keys straight through server.store, in one transaction."""
    from server import store
    keys = []
    with db.write() as conn:
        if parent and store.unit_by_code(conn, parent) is None:
            store.add_unit(conn, parent, "基准测试市委", "committee", None, time.time)
        for code in branches:
            enrollment = store.issue_enrollment(conn, code, f"{code}党支部", parent, time.time)
            e = store.enroll(conn, enrollment, time.time)
            keys.append((code, e.key_id, e.secret.hex()))
    return keys


class _PgDatabase:
    def __init__(self, admin_url: str):
        import psycopg
        self.psycopg, self.admin_url = psycopg, admin_url
        self.name = f"bd_bench_{secrets.token_hex(4)}"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        self.url = admin_url.rpartition("/")[0] + "/" + self.name

    def drop(self) -> None:
        with self.psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def bench_database(kind: str, url: str, args) -> dict[str, float]:
    from server.db import ENV_DB, migrate, open_database
    from sqlalchemy import text

    db = open_database(url, pool_size=2)
    migrate(db)
    keys = _enroll(db, [f"T{i:02d}" for i in range(CLIENTS)], "BENCH")
    templates = [_template(code) for code, _, _ in keys]
    port_real, port_bare = _free_port(), _free_port()
    root = str(Path(__file__).resolve().parent.parent)
    env = os.environ | {ENV_DB: url, "PYTHONPATH": root}
    log = open(Path(tempfile.gettempdir()) / f"branchdesk-bench-sync-{os.getpid()}.log", "ab")
    real = subprocess.Popen([str(SERVER), "--db", url, "--port", str(port_real), "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=log, env=env)
    bare = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "bench.sync_bare:app_from_env",
                             "--host", "127.0.0.1", "--port", str(port_bare), "--no-access-log", "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=log, env=env, cwd=root)
    try:
        try:
            _wait(port_real, "/api/v1/time", real)
            _wait(port_bare, "/docs", bare)
        except RuntimeError:
            log.flush()
            print(Path(log.name).read_text(errors="replace")[-3000:], file=sys.stderr)
            raise
        real_rates, bare_rates, errors = [], [], 0
        for _ in range(args.rounds):
            rate, e = _run_clients(args.seconds, port_real, keys, templates)
            real_rates.append(rate)
            errors += e
            rate, e = _run_clients(args.seconds, port_bare, None, templates)
            bare_rates.append(rate)
            errors += e
        best_real, best_bare = max(real_rates), max(bare_rates)
        ratio = best_real / best_bare
        print(f"  {kind}: {CLIENTS} clients, {args.seconds:g} s × {args.rounds} rounds: branchdesk-server "
              f"{best_real:,.0f} packets/s (signed, checked, stored once); bare FastAPI insert {best_bare:,.0f}/s; "
              f"ratio {ratio:.2f} (goal ≥ {GOAL}: {'met' if ratio >= GOAL else 'NOT met'}); errors {errors}", flush=True)

        # A city's month.
        city = _enroll(db, [f"C{i:05d}" for i in range(args.branches)], "CITY")
        with db.read() as conn:
            before = conn.execute(text("SELECT count(*) FROM packet")).scalar_one()
        ctx = multiprocessing.get_context("fork")
        out = ctx.Queue()
        started = time.perf_counter()
        procs = [ctx.Process(target=_month_client, args=(port_real, city[i::CLIENTS], out)) for i in range(CLIENTS)]
        ok = sum(_gather(procs, out, 600))
        month_s = time.perf_counter() - started
        with db.read() as conn:
            stored = conn.execute(text("SELECT count(*) FROM packet")).scalar_one() - before
        print(f"  {kind}: {args.branches:,} branches each sending one monthly packet: all stored in {month_s:.1f} s "
              f"({stored / month_s:,.0f} packets/s); {stored:,} stored, {ok:,} answered 200", flush=True)
        if stored != args.branches:
            raise AssertionError(f"{stored} packets stored for {args.branches} branches")
        return {"real_per_s": best_real, "bare_per_s": best_bare, "ratio": ratio, "month_s": month_s}
    finally:
        for proc in (real, bare):
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
        db.close()
        log.close()


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(prog="bench.bench_sync")
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--branches", type=int, default=9000)
    parser.add_argument("--pg", default=os.environ.get("BRANCHDESK_TEST_PG"), help="a PostgreSQL to create a database in")
    args = parser.parse_args(argv if argv is not None else [])
    results = {}
    with tempfile.TemporaryDirectory(prefix="branchdesk-bench-sync-") as tmp:
        results["sqlite"] = bench_database("SQLite", f"sqlite:///{Path(tmp) / 'server.sqlite'}", args)
    if args.pg:
        pg = _PgDatabase(args.pg)
        try:
            results["postgresql"] = bench_database("PostgreSQL", pg.url, args)
        finally:
            pg.drop()
    else:
        print("  PostgreSQL: skipped (no BRANCHDESK_TEST_PG / --pg)")
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
