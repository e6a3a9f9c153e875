"""The branch's side of sync (desktop.services.sync) against a real server process: enrolling,
closing a month into the outbox atomically, sending, notices, the file for a USB stick, the
back-off — and that no personal data is ever in a packet (DOMAIN §6)."""
from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from core.summary import from_json
from db.models import SyncOutbox, SyncPeriod
from desktop.services.demo import create_demo_branch
from desktop.services.sync import (RETRY_MAX_SECONDS, SyncRefused, SyncService, backoff_seconds)
from desktop.services.sync_http import Answer, TransportError
from server import store
from tests.helpers.sync_server import ServerProcess

_codes = iter(range(1, 10**6))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sync-server")
    srv = ServerProcess(f"sqlite:///{tmp / 'server.sqlite'}", log=tmp / "server.log").start()
    srv.admin(store.add_unit, "CITY", "滨江市委", "committee", None)
    yield srv
    srv.stop()


def new_code(server, branch=None):
    branch = branch or f"D{next(_codes):04d}"
    return branch, server.admin(store.issue_enrollment, branch, f"{branch}党支部", "CITY")


@pytest.fixture
def branch(ctx, server):
    """The demo branch (forty members with ID numbers, phones, addresses), enrolled."""
    create_demo_branch(ctx, members=40)
    sync = SyncService(ctx)
    code, enrollment = new_code(server)
    sync.enroll(server.url, enrollment)
    return sync, code


def stored(server, code) -> int:
    with server.db.read() as conn:
        return {r.code: r.packets for r in store.report(conn)}[code]


def bodies(ctx) -> list[str]:
    with ctx.db.session() as s:
        return list(s.scalars(select(SyncOutbox.body).order_by(SyncOutbox.seq)))


def test_enrolling_keeps_the_key_and_the_servers_name(ctx, server):
    sync = SyncService(ctx)
    assert not sync.status().enrolled
    code, enrollment = new_code(server)
    status = sync.enroll(server.url + "/", enrollment)
    assert (status.enrolled, status.branch_code, status.branch_name, status.server_url) == (
        True, code, f"{code}党支部", server.url)
    with pytest.raises(SyncRefused) as err:
        SyncService(ctx).enroll(server.url, enrollment)  # used once already
    assert "已经用过" in str(err.value)
    with pytest.raises(Exception) as err:
        sync.enroll("ftp://nowhere", "X")
    assert "不是服务器地址" in str(err.value)


def test_no_summary_can_be_made_before_enrolling(ctx):
    with pytest.raises(SyncRefused) as err:
        SyncService(ctx).close_month("2026-10")
    assert "登记" in str(err.value)


def test_closing_a_month_puts_its_packet_in_the_outbox_in_the_same_transaction(branch):
    sync, code = branch
    row = sync.close_month("2026-10")
    with sync.ctx.db.session() as s:
        closed = s.get(SyncPeriod, "2026-10")
        outbox = s.scalars(select(SyncOutbox)).one()
    assert closed.packet_id == outbox.packet_id == row.packet_id
    packet = from_json(outbox.body)
    assert (packet.branch, packet.seq, packet.period, packet.kind) == (code, 1, "2026-10", "month")
    assert packet.headcount.total == 38 and packet.attendance.meetings > 0 and packet.dues.year == 2026
    for month, words in (("2026-10", "已经月结"), ("2026-11", "尚未结束"), ("2026-13", "不是月份")):
        with pytest.raises(SyncRefused) as err:
            sync.close_month(month)
        assert words in str(err.value) or month in str(err.value)
    assert sync.status().closed_periods == ("2026-10",)


def test_a_failed_summary_closes_nothing(branch, monkeypatch):
    sync, _ = branch

    def broken(*args, **kwargs):
        raise RuntimeError("the summary could not be built")

    monkeypatch.setattr("desktop.services.sync.build_summary", broken)
    with pytest.raises(RuntimeError):
        sync.close_month("2026-09")
    with sync.ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SyncPeriod)) == 0
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0


def test_no_id_number_phone_address_or_name_is_in_any_packet(branch):
    sync, _ = branch
    sync.close_month("2026-09")
    sync.close_month("2026-10")
    sync.snapshot_now()
    members = sync.ctx.members
    secrets_ = set()
    for row in members.roster():
        rec = members.get(row.id)
        secrets_ |= {v for v in (rec.id_number, rec.phone, rec.address, rec.name, rec.mobile_destination) if v}
        if rec.id_number:
            secrets_ |= {rec.id_number[-4:] + "", rec.id_number[:6] + rec.id_number[6:14]}
    assert len(secrets_) > 80  # the demo branch has them: the check below means something
    texts = bodies(sync.ctx)
    assert len(texts) == 3
    for text in texts:
        decoded = json.dumps(json.loads(text), ensure_ascii=False)
        leaked = [v for v in secrets_ if len(v) >= 4 and (v in text or v in decoded)]
        assert not leaked, leaked[:5]


def test_sync_sends_in_order_and_the_server_stores_each_once(branch, server):
    sync, code = branch
    sync.close_month("2026-09")
    sync.close_month("2026-10")
    result = sync.sync_now()
    assert (result.sent, result.pending, result.error) == (2, 0, "")
    assert stored(server, code) == 2
    status = sync.status()
    assert (status.waiting, status.sent, status.last_error) == (0, 2, "")
    assert status.last_success_at == sync.ctx.clock.now()
    answers = [json.loads(a) for a in sync.ctx.db.session().scalars(select(SyncOutbox.answer).order_by(SyncOutbox.seq))]
    assert [a["seq"] for a in answers] == [1, 2] and all(a["status"] == "stored" for a in answers)
    assert sync.sync_now().sent == 0  # nothing left


def test_a_pc_clock_two_hours_fast_still_syncs(branch, server):
    sync, code = branch
    import time
    fast = SyncService(sync.ctx, wallclock=lambda: time.time() + 2 * 3600)
    fast.snapshot_now()
    result = fast.sync_now()
    assert (result.sent, result.error) == (1, "")
    with sync.ctx.db.session() as s:
        from db.models import SyncState
        offset = s.get(SyncState, 1).clock_offset
    assert abs(offset + 7200) < 5  # it learnt the server's clock and kept it
    fast.snapshot_now()
    assert fast.sync_now().sent == 1
    assert stored(server, code) == 2


def test_notices_come_down_and_can_be_put_away(branch, server):
    sync, code = branch
    server.admin(store.publish_notice, "CITY", "requirement", "十一月主题党日：重温入党誓词", "11 月 25 日前开展。", "2026-11")
    result = sync.sync_now()
    assert result.notices == 1
    [notice] = sync.notices()
    assert (notice.title, notice.kind, notice.month, notice.unit) == ("十一月主题党日：重温入党誓词", "requirement", "2026-11", "滨江市委")
    assert sync.sync_now().notices == 0  # not fetched twice
    sync.dismiss_notice(notice.id)
    assert sync.notices() == [] and len(sync.notices(include_dismissed=True)) == 1


def test_the_usb_file_carries_the_waiting_packets_and_they_are_stored_once(branch, server, tmp_path):
    from tests.helpers.sync_server import server_cli
    sync, code = branch
    with pytest.raises(SyncRefused):
        sync.export_file(tmp_path / "nothing.json")
    assert not (tmp_path / "nothing.json").exists()
    sync.close_month("2026-09")
    sync.close_month("2026-10")
    assert sync.export_file(tmp_path / "汇总.json") == 2
    assert sync.status().waiting == 2  # still waiting: the file may never arrive
    imported = json.loads(server_cli(server.db_url, "import", str(tmp_path / "汇总.json"), "--json").stdout)
    assert (imported["stored"], imported["repeated"]) == (2, 0)
    result = sync.sync_now()  # the PC is online again: answered as repeats, marked sent
    assert (result.sent, result.pending) == (2, 0)
    assert stored(server, code) == 2


class FlakyTransport:
    """Refuses to connect ``failures`` times, then passes requests to the real server."""

    def __init__(self, real, failures: int):
        self.real, self.failures, self.calls = real, failures, 0

    def request(self, method, path, body, headers) -> Answer:
        self.calls += 1
        if self.calls <= self.failures:
            raise TransportError("无法连接服务器（测试）")
        return self.real.request(method, path, body, headers)


def test_failures_back_off_with_jitter_and_sync_now_ignores_the_wait(branch, server):
    from desktop.services.sync_http import HttpTransport
    sync, code = branch
    flaky = FlakyTransport(HttpTransport(server.url), failures=3)
    service = SyncService(sync.ctx, transport=lambda url: flaky, rng=random.Random(1))
    service.close_month("2026-10")
    first = service.send()
    assert (first.sent, first.pending) == (0, 1) and "无法连接服务器" in first.error
    status = service.status()
    wait = status.next_attempt_at - sync.ctx.clock.now()
    assert timedelta(seconds=15) <= wait <= timedelta(seconds=30)
    assert not service.due()  # the background sender waits …
    assert not service.send().tried and flaky.calls == 1
    second = service.sync_now()  # … "sync now" does not
    assert second.error and flaky.calls == 2
    assert service.status().next_attempt_at - sync.ctx.clock.now() > timedelta(seconds=30)  # longer each time
    service.sync_now()
    assert service.sync_now().sent == 1 and service.status().last_error == ""
    assert service.status().next_attempt_at is None and stored(server, code) == 1


def test_the_back_off_grows_to_an_hour_and_no_further():
    rng = random.Random(3)
    waits = [backoff_seconds(n, rng) for n in range(1, 20)]
    assert 15 <= waits[0] <= 30 and 30 <= waits[1] <= 60
    assert all(RETRY_MAX_SECONDS / 2 <= w <= RETRY_MAX_SECONDS for w in waits[8:])
    assert len({round(w) for w in waits[8:]}) > 5  # jitter: not all the same


def test_a_revoked_key_keeps_the_packets_and_says_so_in_chinese(branch, server):
    sync, code = branch
    sync.snapshot_now()
    assert sync.sync_now().sent == 1
    server.admin(store.revoke, code)
    sync.close_month("2026-10")
    result = sync.sync_now()
    assert (result.sent, result.pending) == (0, 1)
    assert "停用" in result.error and "登记码" in result.error
    status = sync.status()
    assert status.last_error == result.error
    assert status.next_attempt_at - sync.ctx.clock.now() >= timedelta(hours=5)  # no hammering with a dead key
    # A new code from the superior organisation: the waiting packet goes.
    _, enrollment = new_code(server, code)
    sync.enroll(server.url, enrollment)
    assert sync.sync_now().sent == 1 and stored(server, code) == 2


def test_a_packet_the_server_refuses_for_good_is_kept_aside_not_blocking(branch, server):
    sync, code = branch
    sync.close_month("2026-09")
    sync.close_month("2026-10")
    with sync.ctx.db.session.begin() as s:  # as if a bug had written a packet the server cannot read
        first = s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq)).first()
        first.body = first.body.replace('"kind":"month"', '"kind":"weekly"')
    result = sync.sync_now()
    assert (result.sent, result.pending, result.error) == (1, 0, "")
    rows = sync.outbox()
    assert "格式不正确" in rows[0].refused and rows[0].sent_at is None
    assert rows[1].sent_at is not None
    assert sync.status().refused == 1


def test_the_outbox_survives_closing_and_reopening_the_program(ctx, server, data_dir, clock):
    from desktop.context import open_context
    sync = SyncService(ctx)
    code, enrollment = new_code(server)
    sync.enroll(server.url, enrollment)
    sync.close_month("2026-10")
    sync.snapshot_now()
    ctx.close()
    again = open_context(data_dir, clock=clock)
    try:
        status = SyncService(again).status()
        assert (status.enrolled, status.waiting, status.closed_periods) == (True, 2, ("2026-10",))
        assert SyncService(again).sync_now().sent == 2
    finally:
        again.close()
    assert stored(server, code) == 2


def test_the_offset_is_used_for_the_packets_own_time(branch, server):
    """The test clock is hours away from the server's; a packet made after a sync is stamped
    with the server's time as the branch learnt it."""
    import time
    sync, _ = branch
    sync.snapshot_now()
    sync.sync_now()
    sync.snapshot_now()
    created = datetime.strptime(from_json(bodies(sync.ctx)[-1]).created_at, "%Y-%m-%dT%H:%M:%SZ")
    assert abs(created.replace(tzinfo=timezone.utc).timestamp() - time.time()) < 120


def test_weeks_offline_then_back_sends_everything(branch, server):
    """Two weeks without a network: tries keep coming (at most an hour apart, never a busy
    loop), the month's summary keeps waiting, and goes when the network is back."""
    from desktop.services.sync_http import HttpTransport
    sync, code = branch
    clock = sync.ctx.clock
    flaky = FlakyTransport(HttpTransport(server.url), failures=10**9)
    service = SyncService(sync.ctx, transport=lambda url: flaky, rng=random.Random(5))
    service.close_month("2026-10")
    start, tries = clock.at, 0
    while clock.at < start + timedelta(weeks=2):
        waiting_until = service.status().next_attempt_at
        if waiting_until is not None:
            assert not service.send().tried  # before its time the sender does nothing
            clock.at = waiting_until
        assert service.send().error
        tries += 1
    assert 14 * 24 * 0.9 < tries < 14 * 24 * 2.1  # hourly-ish: the cap, with jitter
    assert service.status().waiting == 1
    flaky.failures = 0  # the network is back
    clock.at = service.status().next_attempt_at
    result = service.send()
    assert (result.sent, result.pending, result.error) == (1, 0, "")
    assert stored(server, code) == 1
