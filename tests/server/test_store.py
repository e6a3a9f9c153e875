"""What the server keeps: the tree, one-time enrollment, keys, packets once, notices down the
tree — on SQLite and on PostgreSQL."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from core.summary import from_json
from server import store
from server.models import Packet
from tests.helpers.sync_server import packet


def tree(db, clock):
    with db.write() as conn:
        store.add_unit(conn, "CITY", "市委", "committee", None, clock)
        store.add_unit(conn, "DIST", "东风区委", "committee", "CITY", clock)
        store.add_unit(conn, "GEN1", "机关党总支", "general_branch", "DIST", clock)
        return {
            "B1": store.issue_enrollment(conn, "B1", "第一党支部", "GEN1", clock),
            "B2": store.issue_enrollment(conn, "B2", "第二党支部", "DIST", clock),
        }


def enrolled(db, clock, code):
    with db.write() as conn:
        return store.enroll(conn, code, clock)


def count_packets(db) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(Packet)).scalar_one()


def test_the_tree_refuses_what_does_not_fit(server_db, server_clock):
    tree(server_db, server_clock)
    cases = [
        (("CITY", "又一个", "committee", None), "code_taken"),
        (("X1", "无上级", "branch", "NOPE"), "no_parent"),
        (("X2", "支部下的单位", "branch", "B1"), "bad_parent"),
        (("X3", "总支下的党委", "committee", "GEN1"), "bad_parent"),
        (("坏 代码", "名称", "committee", None), "bad_code"),
        (("X4", "", "committee", None), "bad_name"),
        (("X5", "名称", "team", None), "bad_kind"),
    ]
    for (code, name, kind, parent), error in cases:
        with pytest.raises(store.StoreError) as err, server_db.write() as conn:
            store.add_unit(conn, code, name, kind, parent, server_clock)
        assert err.value.code == error
        assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message)  # said in Chinese
    with server_db.read() as conn:
        all_units = store.units(conn)
        by_code = {u.code: u for u in all_units}
        assert store.subtree_ids(all_units, by_code["DIST"].id) == {by_code[c].id for c in ("DIST", "GEN1", "B1", "B2")}
        assert store.ancestor_ids(all_units, by_code["B1"].id) == [by_code[c].id for c in ("B1", "GEN1", "DIST", "CITY")]


def test_an_enrollment_code_works_once_and_not_after_it_expires(server_db, server_clock):
    codes = tree(server_db, server_clock)
    e = enrolled(server_db, server_clock, codes["B1"].lower().replace("-", " "))  # as typed by hand
    assert (e.branch, e.name, len(e.secret)) == ("B1", "第一党支部", 32)
    for code, error in ((codes["B1"], "used_enrollment_code"), ("AAAA-BBBB-CCCC-DDDD", "bad_enrollment_code")):
        with pytest.raises(store.StoreError) as err:
            enrolled(server_db, server_clock, code)
        assert err.value.code == error
    server_clock.at += (store.ENROLLMENT_DAYS + 1) * 86400
    with pytest.raises(store.StoreError) as err:
        enrolled(server_db, server_clock, codes["B2"])
    assert err.value.code == "expired_enrollment_code"


def test_a_key_is_revoked_and_a_new_code_gives_a_new_one(server_db, server_clock):
    codes = tree(server_db, server_clock)
    first = enrolled(server_db, server_clock, codes["B1"])
    with server_db.write() as conn:
        assert store.revoke(conn, "B1", server_clock) == 1
        assert store.key_info(conn, first.key_id).revoked
        code = store.issue_enrollment(conn, "B1", None, None, server_clock)  # the branch exists: no name needed
    second = enrolled(server_db, server_clock, code)
    with server_db.read() as conn:
        assert not store.key_info(conn, second.key_id).revoked
        assert store.key_info(conn, "no-such-key") is None


def test_a_packet_is_stored_once_and_a_repeat_gets_the_first_answer(server_db, server_clock):
    codes = tree(server_db, server_clock)
    e = enrolled(server_db, server_clock, codes["B1"])
    with server_db.read() as conn:
        unit = store.unit_by_code(conn, "B1")
    p = packet("B1", 1)
    with server_db.write() as conn:
        first = store.store_packet(conn, unit.id, e.branch, p, p.to_json(), server_clock)
    server_clock.at += 3600  # an hour later, the same packet again (a retry after a timeout)
    with server_db.write() as conn:
        again = store.store_packet(conn, unit.id, e.branch, p, p.to_json(), server_clock)
    assert (first.repeated, again.repeated) == (False, True)
    assert again.answer == first.answer  # byte for byte, received_at included
    assert json.loads(first.answer)["status"] == "stored"
    assert count_packets(server_db) == 1


def test_an_old_packet_arriving_late_is_stored_not_refused(server_db, server_clock):
    codes = tree(server_db, server_clock)
    e = enrolled(server_db, server_clock, codes["B1"])
    with server_db.read() as conn:
        unit = store.unit_by_code(conn, "B1")
    for seq, period in ((3, "2026-10"), (1, "2026-08"), (2, "2026-09")):  # reordered
        p = packet("B1", seq, period)
        with server_db.write() as conn:
            assert not store.store_packet(conn, unit.id, e.branch, p, p.to_json(), server_clock).repeated
    with server_db.read() as conn:
        [row] = store.report(conn)[:1]
        latest = store.latest_packets(conn)
    assert (row.packets, row.latest_period, row.highest_seq, row.missing) == (3, "2026-10", 3, 0)
    assert latest[unit.id]["seq"] == 3


def test_a_gap_in_the_sequence_shows_in_the_report(server_db, server_clock):
    codes = tree(server_db, server_clock)
    e = enrolled(server_db, server_clock, codes["B1"])
    with server_db.write() as conn:
        unit = store.unit_by_code(conn, "B1")
        for seq in (1, 2, 5):
            p = packet("B1", seq)
            store.store_packet(conn, unit.id, e.branch, p, p.to_json(), server_clock)
        reports = {r.code: r for r in store.report(conn)}
    assert (reports["B1"].packets, reports["B1"].highest_seq, reports["B1"].missing) == (3, 5, 2)
    assert (reports["B2"].packets, reports["B2"].latest_period) == (0, None)


def test_a_packet_of_another_branch_is_refused(server_db, server_clock):
    codes = tree(server_db, server_clock)
    e = enrolled(server_db, server_clock, codes["B1"])
    p = packet("B2", 1)
    with pytest.raises(store.StoreError) as err, server_db.write() as conn:
        store.store_packet(conn, store.unit_by_code(conn, "B1").id, e.branch, p, p.to_json(), server_clock)
    assert err.value.code == "wrong_branch"
    assert count_packets(server_db) == 0


def test_the_same_packet_from_many_threads_at_once_is_stored_once(server_db, server_clock):
    codes = tree(server_db, server_clock)
    e = enrolled(server_db, server_clock, codes["B1"])
    with server_db.read() as conn:
        unit_id = store.unit_by_code(conn, "B1").id
    p = packet("B1", 1)

    def send(_):
        with server_db.write() as conn:
            return store.store_packet(conn, unit_id, e.branch, p, p.to_json(), server_clock)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(send, range(16)))
    assert sum(not r.repeated for r in results) == 1
    assert len({r.answer for r in results}) == 1
    assert count_packets(server_db) == 1


def test_a_nonce_is_taken_once_per_key(server_db, server_clock):
    with server_db.write() as conn:
        assert store.remember_nonce(conn, "k1", "n" * 24, server_clock)
        assert not store.remember_nonce(conn, "k1", "n" * 24, server_clock)
        assert store.remember_nonce(conn, "k2", "n" * 24, server_clock)  # another key's nonces are its own


def test_notices_reach_the_branches_below_the_publishing_unit_only(server_db, server_clock):
    codes = tree(server_db, server_clock)
    enrolled(server_db, server_clock, codes["B1"])
    with server_db.write() as conn:
        store.publish_notice(conn, "CITY", "requirement", "十一月主题党日：学习党章", "各支部按时开展。", "2026-11", server_clock)
        store.publish_notice(conn, "GEN1", "notice", "机关党总支通知", "", None, server_clock)
        store.publish_notice(conn, "B2", "notice", "只给第二支部", "", None, server_clock)
        ids = {u.code: u.id for u in store.units(conn)}
        b1 = store.notices_for(conn, ids["B1"])
        b2 = store.notices_for(conn, ids["B2"])
        after_first = store.notices_for(conn, ids["B1"], after=b1[0]["id"])
        with pytest.raises(store.StoreError):
            store.publish_notice(conn, "CITY", "notice", "", "", None, server_clock)
        with pytest.raises(store.StoreError):
            store.publish_notice(conn, "CITY", "notice", "月份不对", "", "2026-13", server_clock)
    assert [n["title"] for n in b1] == ["十一月主题党日：学习党章", "机关党总支通知"]
    assert (b1[0]["kind"], b1[0]["month"], b1[0]["unit"]) == ("requirement", "2026-11", "市委")
    assert [n["title"] for n in b2] == ["十一月主题党日：学习党章", "只给第二支部"]
    assert [n["title"] for n in after_first] == ["机关党总支通知"]


def test_the_stored_body_is_the_packet_as_sent(server_db, server_clock):
    codes = tree(server_db, server_clock)
    e = enrolled(server_db, server_clock, codes["B1"])
    p = packet("B1", 7)
    with server_db.write() as conn:
        store.store_packet(conn, store.unit_by_code(conn, "B1").id, e.branch, p, p.to_json(), server_clock)
    with server_db.read() as conn:
        body = conn.execute(select(Packet.body)).scalar_one()
    assert from_json(body) == p
