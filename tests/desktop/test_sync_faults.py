"""Faults between a branch and the server, with real processes on both databases: the server
killed (kill -9) in the middle of a sync, packets duplicated and reordered on the way — every
packet stored exactly once, nothing lost. (A PC clock hours off and a revoked key:
test_sync_service.py.)"""
from __future__ import annotations

import base64
import random
import threading
import time

import pytest
from sqlalchemy import select

from db.models import SyncOutbox, SyncState
from desktop.services.demo import create_demo_branch
from desktop.services.sync import SyncService
from desktop.services.sync_http import HttpTransport, TransportError
from server import store
from tests.helpers.sync_server import ServerProcess, SignedClient, database_url


@pytest.fixture(params=["sqlite", "postgres"])
def server(request, tmp_path):
    url, cleanup = database_url(request.param, tmp_path)
    srv = ServerProcess(url, log=tmp_path / "server.log").start()
    srv.admin(store.add_unit, "CITY", "滨江市委", "committee", None)
    yield srv
    srv.stop()
    cleanup()


@pytest.fixture
def branch(ctx, server):
    create_demo_branch(ctx, members=12)
    sync = SyncService(ctx)
    sync.enroll(server.url, server.admin(store.issue_enrollment, "B1", "第一党支部", "CITY"))
    for month in range(1, 11):
        sync.close_month(f"2026-{month:02d}")
    for _ in range(20):
        sync.snapshot_now()
    return sync


def stored_ids(server) -> list[tuple[str, int]]:
    with server.db.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT packet_id, seq FROM packet ORDER BY seq")]


def outbox_ids(ctx) -> list[tuple[str, int]]:
    with ctx.db.session() as s:
        return [tuple(r) for r in s.execute(select(SyncOutbox.packet_id, SyncOutbox.seq).order_by(SyncOutbox.seq))]


class DiesAfter:
    """The real transport, until the server is killed (kill -9) right after it stored the
    ``n``-th packet — before the branch reads the answer, so that one answer is lost."""

    def __init__(self, server: ServerProcess, n: int):
        self.server, self.n, self.count = server, n, 0
        self.real = HttpTransport(server.url)

    def request(self, method, path, body, headers):
        answer = self.real.request(method, path, body, headers)
        if path == "/api/v1/packets" and answer.status == 200:
            self.count += 1
            if self.count == self.n:
                self.server.kill()
                raise TransportError("连接中断（测试：服务器被强行结束）")
        return answer


def test_the_server_killed_in_the_middle_of_a_sync_loses_nothing_and_stores_nothing_twice(branch, server):
    sync = branch
    dying = SyncService(sync.ctx, transport=lambda url: DiesAfter(server, 12))
    first = dying.sync_now()
    assert first.sent == 11  # the 12th was stored, but its answer never came back
    assert first.pending == 19 and first.error
    assert len(stored_ids(server)) == 12
    again = sync.sync_now()  # the server is still down
    assert (again.sent, again.pending) == (0, 19) and again.error

    server.start()  # the same database, the same port
    result = sync.sync_now()
    assert (result.sent, result.pending, result.error) == (19, 0, "")
    assert stored_ids(server) == outbox_ids(sync.ctx)  # every packet, once each, in order
    with sync.ctx.db.session() as s:
        repeat = s.scalars(select(SyncOutbox.answer).where(SyncOutbox.seq == 12)).one()
    assert '"seq": 12' in repeat  # the lost answer came back as the first answer


class Unhurried(HttpTransport):
    """The real transport, 20 ms a request: a sync of 30 packets takes long enough to be cut."""

    def request(self, method, path, body, headers):
        time.sleep(0.02)
        return super().request(method, path, body, headers)


def test_killed_at_an_unplanned_moment_while_sending(branch, server):
    """kill -9 from another thread while the sender is busy, wherever it happens to be."""
    sync = SyncService(branch.ctx, transport=Unhurried)
    killer = threading.Timer(0.1 + random.random() * 0.3, server.kill)
    killer.start()
    cut = sync.sync_now()
    killer.join()
    assert cut.error and 0 < cut.sent < 30  # it was cut off half-way
    server.start()
    final = sync.sync_now()
    assert (final.sent + cut.sent, final.pending, final.error) == (30, 0, "")
    assert stored_ids(server) == outbox_ids(sync.ctx)


def test_duplicated_and_reordered_packets_are_stored_once(branch, server):
    sync = branch
    with sync.ctx.db.session() as s:
        bodies = [b.encode() for b in s.scalars(select(SyncOutbox.body).order_by(SyncOutbox.seq))]
        state = s.get(SyncState, 1)
        key_id, secret = state.key_id, base64.urlsafe_b64decode(state.key_secret)
    # Someone's flaky network: every packet three times, in a shuffled order, from four threads.
    copies = bodies * 3
    random.Random(11).shuffle(copies)
    client = SignedClient(server.url, key_id, secret)
    errors = []

    def send(chunk):
        for body in chunk:
            answer = client.send(body)
            if answer.status != 200:
                errors.append(answer.body)

    threads = [threading.Thread(target=send, args=(copies[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(stored_ids(server), key=lambda r: r[1]) == outbox_ids(sync.ctx)
    # The branch itself then sends them all again: answered as repeats, marked sent.
    result = sync.sync_now()
    assert (result.sent, result.pending) == (30, 0)
    assert len(stored_ids(server)) == 30
