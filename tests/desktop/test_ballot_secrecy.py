"""DESIGN (Ballot secrecy): after a whole poll — booth, phones through the real LAN server, paper
ballots counted from a shuffled box — nothing in the database file, its -wal and -shm, or the
logs links a ballot to a voter.

The test plays 60 voters in a known order, each casting a ballot it can recognise later (a
written-in name of its own), so it knows exactly who voted what. It then looks at the files as
someone with the PC would:
- the tables: a ballot is (random id, poll, choice) with no time, no rowid; receipts, codes and
  counted serials name no ballot, and codes and serials name no member;
- where each ballot physically sits: no cell moves while the poll is open (each ballot is
  written into a place made before anyone voted), so positions carry no order; ballot ids are not
  correlated with the order of voting (rank correlation);
- the write-ahead log: empty after every ballot and after closing;
- the bytes of every file: no code, no serial, no choice in a log, no request line.
A control shows the same measurements catch a naive design (inserting each ballot as it comes).
"""
from __future__ import annotations

import json
import random
from datetime import date
import re
import sqlite3
import urllib.request
from pathlib import Path

import pytest

from core.members import Gender, MemberCategory, MemberRecord
from core.votes import ElectionBallot, Mark, PollKind
from db.engine import DB_FILENAME
from desktop.context import setup_logging
from desktop.services.ballot_box import Cast
from desktop.services.votes import PollSetup, VoteService
from tests.helpers.sqlite_pages import cell_locations, spearman, wal_first_seen

VOTERS = 60
CANDIDATES = ("张伟", "赵敏", "刘洋", "陈静", "杨帆")


def files(data_dir: Path) -> dict[str, bytes]:
    out = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.name.startswith(DB_FILENAME)}
    for log in (data_dir / "logs").rglob("*"):
        if log.is_file():
            out[f"logs/{log.name}"] = log.read_bytes()
    return out


def wal_size(data_dir: Path) -> int:
    wal = data_dir / f"{DB_FILENAME}-wal"
    return wal.stat().st_size if wal.exists() else 0


def marker(i: int) -> str:
    return f"另选者{i:02d}"


def ballot_of(i: int) -> ElectionBallot:
    """Voter i's ballot: recognisable by the written-in name beside a 不赞成."""
    favour = CANDIDATES[i % 3:i % 3 + 2]
    against = CANDIDATES[(i % 3 + 2) % 5]
    return ElectionBallot({**{c: Mark.FOR for c in favour}, against: Mark.AGAINST}, (marker(i),))


def post(url: str, body: dict) -> dict:
    req = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


@pytest.fixture
def voters(ctx) -> list[tuple[int, str]]:
    people = []
    for i in range(VOTERS):
        name = f"党员{i:02d}号"
        people.append((ctx.members.add(MemberRecord(name=name, gender=Gender.FEMALE, category=MemberCategory.FULL,
                                                     joined_on=date(1990, 1, 1), full_member_on=date(1991, 1, 1))), name))
    return people


def test_nothing_links_a_ballot_to_a_voter(ctx, data_dir, voters):
    from desktop.lan.vote_routes import PhoneVoting
    log_file = setup_logging(data_dir)
    service = VoteService(ctx.db, ctx.clock)
    poll = service.create(PollSetup(PollKind.ELECTION, "支部委员会选举", CANDIDATES, seats=3, committee=True,
                                    ways=("paper", "booth", "phone")))
    service.set_present(poll, [m for m, _ in voters])
    service.open(poll)
    codes = service.make_codes(poll, 45)
    serials = service.new_serials(poll, 25)
    service.box.checkpoint()
    slots_before = cell_locations(data_dir / DB_FILENAME, "ballot")
    assert len(slots_before) == 70

    phones = PhoneVoting(service, poll)
    server = phones.start("127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.port}{phones.path()}"
    assert "张伟" in urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
    cast_order: dict[str, int] = {}       # the test's own knowledge: marker → when it was cast
    voter_of: dict[str, str] = {}          # marker → voter's name
    paper_box: list[tuple[str, ElectionBallot]] = []
    code_pool = list(codes)
    random.shuffle(code_pool)              # slips drawn at random
    try:
        for i, (member_id, name) in enumerate(voters):
            service.receive(poll, member_id)
            voter_of[marker(i)] = name
            way = ("booth", "phone", "paper")[i % 3]
            if way == "paper":
                paper_box.append((serials[len(paper_box)], ballot_of(i)))
                continue
            code = code_pool.pop()
            if way == "booth":
                assert service.cast(poll, code, ballot_of(i), "booth") is Cast.ACCEPTED
            else:
                b = ballot_of(i)
                against = next(c for c, m in b.marks.items() if m is Mark.AGAINST)
                answer = post(url + "/cast", {"code": code, "ballot": {
                    "marks": {c: m.value for c, m in b.marks.items()}, "write_ins": {against: marker(i)}}})
                assert answer["ok"], answer
            cast_order[marker(i)] = i
            assert wal_size(data_dir) == 0, "the log keeps a history of ballots"
            assert wal_first_seen(data_dir / f"{DB_FILENAME}-wal") == {}
    finally:
        phones.stop()
    random.shuffle(paper_box)              # the box is shaken before it is opened
    for serial, ballot in paper_box:
        assert service.count_paper(poll, serial, ballot) is Cast.ACCEPTED
        assert wal_size(data_dir) == 0

    # -- where the ballots sit ------------------------------------------------------------------
    service.box.checkpoint()
    slots_after = cell_locations(data_dir / DB_FILENAME, "ballot")
    assert slots_after == slots_before, "a ballot moved when it was written: its position tells when"
    with sqlite3.connect(f"file:{data_dir / DB_FILENAME}?immutable=1", uri=True) as con:
        stored = con.execute("SELECT id, choice FROM ballot WHERE trim(choice) != ''").fetchall()
    assert len(stored) == VOTERS
    key_of = {}
    for key, choice in stored:
        written = json.loads(choice)["w"][0]
        key_of[written] = key
        assert re.fullmatch(r"[0-9a-f]{32}", key)
    booth_phone = sorted(cast_order, key=cast_order.get)
    rho = spearman([cast_order[m] for m in booth_phone], [int(key_of[m], 16) for m in booth_phone])
    assert abs(rho) < 0.5, f"ballot ids follow the order of voting (rank correlation {rho:.2f})"

    result = service.close(poll)
    assert result.valid_ballots == VOTERS and not result.void
    assert wal_size(data_dir) == 0

    # -- the tables --------------------------------------------------------------------------------
    with sqlite3.connect(f"file:{data_dir / DB_FILENAME}?immutable=1", uri=True) as con:
        sql = dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type='table'").fetchall())
        columns = {t: [r[1] for r in con.execute(f"PRAGMA table_info({t})")] for t in sql}
        references = {t: {r[2] for r in con.execute(f"PRAGMA foreign_key_list({t})")} for t in sql}
        choices = [c for (c,) in con.execute("SELECT choice FROM ballot")]
    assert columns["ballot"] == ["id", "poll_id", "choice"]
    assert columns["ballot_received"] == ["poll_id", "member_id"]
    assert columns["one_time_code"] == ["code_hash", "poll_id", "used"]
    assert columns["counted_serial"] == ["serial_hash", "poll_id"]
    for table in ("ballot", "ballot_received", "one_time_code", "counted_serial"):
        assert "WITHOUT ROWID" in sql[table].upper(), table
    assert not any({"ballot", "one_time_code", "counted_serial"} & refs for refs in references.values())
    for table, cols in columns.items():
        assert not ("member_id" in cols and {"code_hash", "serial_hash", "choice"} & set(cols)), table
    for choice in choices:
        assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}", choice), "a time in a ballot"

    # -- the bytes ---------------------------------------------------------------------------------
    everything = files(data_dir)
    assert "logs/branchdesk.log" in everything and log_file.exists()
    for name, raw in everything.items():
        for code in codes:
            assert code.encode() not in raw, f"a code in {name}"
        for serial in serials:
            assert serial.encode() not in raw and serial.split(":")[3].encode() not in raw, f"a serial in {name}"
    logs = b"".join(raw for name, raw in everything.items() if name.startswith("logs/")).decode("utf-8")
    assert "poll" in logs                              # the log is written (opened, closed) …
    for i, (_, voter) in enumerate(voters):            # … but names no voter and no choice
        assert voter not in logs and marker(i) not in logs
    assert '"m"' not in logs and "/cast" not in logs and "/v/" not in logs and "GET " not in logs and "POST " not in logs


def test_the_measurements_catch_a_naive_ballot_box(tmp_path):
    """The control: ballots inserted at random keys as they come, the log left to grow. Reading
    the -wal file frame by frame gives the order of voting back exactly."""
    path = tmp_path / "naive.sqlite"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE ballot (id TEXT PRIMARY KEY, poll_id INTEGER, choice TEXT) WITHOUT ROWID")
    order = {}
    for i in range(VOTERS):
        key = random.randbytes(16).hex()
        con.execute("INSERT INTO ballot VALUES (?, 1, ?)", (key, json.dumps({"w": [marker(i)]}).ljust(300)))
        order[key] = i
    seen = wal_first_seen(tmp_path / "naive.sqlite-wal")
    con.close()
    assert set(seen) == set(order)
    assert len(set(seen.values())) == VOTERS
    assert sorted(order, key=seen.get) == sorted(order, key=order.get)    # the order of voting, exactly
