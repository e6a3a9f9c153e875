"""Stateless workers: two server processes on one database receive the same packets at once,
duplicated and in shuffled order, and each packet is stored exactly once with one answer."""
from __future__ import annotations

import random
from pathlib import Path
from concurrent.futures import ThreadPoolExecutor

import pytest

from server import store
from tests.helpers.sync_server import ServerProcess, SignedClient, database_url, packet


@pytest.fixture(params=["sqlite", "postgres"])
def two_workers(request, tmp_path):
    url, cleanup = database_url(request.param, tmp_path)
    server = ServerProcess(url, workers=2, log=tmp_path / "server.log").start()
    yield server
    server.stop()
    cleanup()


def worker_processes(server: ServerProcess) -> int:
    children = Path(f"/proc/{server.proc.pid}/task/{server.proc.pid}/children").read_text().split()
    # uvicorn's workers are multiprocessing children (spawn); its resource tracker is not one.
    return sum("spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes().decode(errors="replace") for c in children)


def test_two_workers_store_duplicated_reordered_packets_once(two_workers):
    server = two_workers
    assert worker_processes(server) >= 2
    server.admin(store.add_unit, "CITY", "市委", "committee", None)
    client = SignedClient(server.url)
    client.enroll(server.admin(store.issue_enrollment, "B1", "第一党支部", "CITY"))
    packets = [packet("B1", seq, f"2025-{(seq - 1) % 12 + 1:02d}") for seq in range(1, 41)]
    sends = packets * 4  # every packet four times …
    random.Random(7).shuffle(sends)  # … in no particular order

    def send(p):
        # A new connection per request: the kernel spreads them over both workers.
        return p.packet_id, SignedClient(server.url, client.key_id, client.secret).send(p)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(send, sends))
    assert all(answer.status == 200 for _, answer in results), [a.body for _, a in results if a.status != 200][:3]
    answers: dict[str, set[bytes]] = {}
    for packet_id, answer in results:
        answers.setdefault(packet_id, set()).add(answer.body)
    assert len(answers) == 40 and all(len(bodies) == 1 for bodies in answers.values())
    assert sum(answer.headers.get("x-branchdesk-repeat") != "1" for _, answer in results) == 40
    with server.db.read() as conn:
        [row] = store.report(conn)
    assert (row.packets, row.highest_seq, row.missing) == (40, 40, 0)
