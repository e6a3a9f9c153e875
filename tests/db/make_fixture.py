"""Make the databases kept for released schemas: tests/db/fixtures/schema_<revision>.sqlite.

Run once per released schema (STYLE: keep a database file from every released schema and test
upgrading each, as Electrum's test_storage_upgrade/ does); the file is committed and never
regenerated, so that it stays what that release wrote:

    .venv/bin/python -m tests.db.make_fixture                    # writes schema_0001.sqlite
    .venv/bin/python -m tests.db.make_fixture --revision 0002    # writes schema_0002.sqlite
    .venv/bin/python -m tests.db.make_fixture --revision 0003    # writes schema_0003.sqlite
    .venv/bin/python -m tests.db.make_fixture --revision 0004    # writes schema_0004.sqlite
    .venv/bin/python -m tests.db.make_fixture --revision 0005    # writes schema_0005.sqlite
    .venv/bin/python -m tests.db.make_fixture --revision 0006    # writes schema_0006.sqlite

It runs the migrations up to that revision only and writes rows with plain SQL through the
reflected tables, not with today's models, which will have moved on by the time anyone reads
this. Each schema's file holds the rows of the earlier ones plus rows in its own new tables.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import MetaData, create_engine

from db.engine import migrate
from db.personal import lookup_hash

REVISION = "0001"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Fixed, so that tests can recompute the ID-number look-up hashes.
SECRET = bytes(range(32))
CREATED = datetime(2025, 1, 10, 9, 0, 0)

BRANCH = {"id": 1, "name": "东风社区第一党支部", "secret": SECRET, "created_at": CREATED}
GROUPS = [
    {"id": 1, "name": "第一党小组", "position": 1},
    {"id": 2, "name": "第二党小组", "position": 2},
]
BATCH = {"id": 1, "source_name": "党员花名册2025.xlsx", "imported_at": datetime(2025, 1, 10, 9, 30, 0),
         "created_count": 1, "updated_count": 1, "undone_at": None}

_BLANK = {"ethnicity": "", "education": "", "post": "", "phone": None, "address": None,
          "party_standing": "normal", "lost_contact": False, "lost_contact_on": None, "mobile": False,
          "mobile_destination": "", "dues_category": None, "dues_base_fen": None, "note": "",
          "roll_status": "active", "import_batch_id": None, "full_member_on": None,
          "created_at": CREATED, "updated_at": CREATED}
MEMBERS = [
    # A retired full member who came in with the import.
    _BLANK | {"id": 1, "public_id": "a1b2c3d4e5f60001", "name": "张丽", "name_key": "zl|zhangli",
              "gender": "female", "ethnicity": "汉族", "id_number": "11010519491231002X",
              "birth_date": date(1949, 12, 31), "education": "大专", "category": "full",
              "joined_on": date(1975, 7, 1), "full_member_on": date(1976, 7, 1), "post": "退休",
              "phone": "13800000001", "address": "北京市西城区东风路1号", "group_id": 1,
              "dues_category": "retired", "dues_base_fen": 480000, "import_batch_id": 1},
    # A probationary member who went away to work (流动党员).
    _BLANK | {"id": 2, "public_id": "a1b2c3d4e5f60002", "name": "李强", "name_key": "lq|liqiang",
              "gender": "male", "ethnicity": "汉族", "id_number": "360426199101010071",
              "birth_date": date(1991, 1, 1), "education": "本科", "category": "probationary",
              "joined_on": date(2026, 3, 1), "post": "工程师", "phone": "13900000002", "group_id": 2,
              "mobile": True, "mobile_destination": "广东省深圳市", "dues_category": "in_service",
              "dues_base_fen": 850000},
    # A member since transferred out: off the roll, history kept.
    _BLANK | {"id": 3, "public_id": "a1b2c3d4e5f60003", "name": "阿卜杜拉·艾尼", "name_key": "abdlan|abudulaaini",
              "gender": "female", "ethnicity": "维吾尔族", "id_number": "120103198806018241",
              "birth_date": date(1988, 6, 1), "education": "硕士", "category": "full",
              "joined_on": date(2012, 6, 1), "full_member_on": date(2013, 6, 1), "post": "教师",
              "address": "天津市河西区", "group_id": 1, "roll_status": "transferred_out",
              "note": "组织关系转至河西区教育党委"},
]
EVENTS = [
    {"id": 1, "member_id": 1, "kind": "transfer_in", "on": date(2010, 3, 1), "note": "", "recorded_at": CREATED},
    {"id": 2, "member_id": 2, "kind": "mobile_out", "on": date(2026, 4, 1), "note": "广东省深圳市",
     "recorded_at": datetime(2026, 4, 2, 10, 0, 0)},
    {"id": 3, "member_id": 3, "kind": "suspended", "on": date(2020, 5, 1), "note": "", "recorded_at": CREATED},
    {"id": 4, "member_id": 3, "kind": "restored", "on": date(2021, 5, 1), "note": "", "recorded_at": CREATED},
    {"id": 5, "member_id": 3, "kind": "transfer_out", "on": date(2025, 6, 30), "note": "河西区教育党委",
     "recorded_at": datetime(2025, 7, 1, 8, 0, 0)},
]
UPDATES = [
    {"id": 1, "batch_id": 1, "member_id": 3,
     "before": json.dumps({"phone": "", "post": "教员"}, ensure_ascii=False)},
]
SETTINGS = [{"key": "reminders.conversion_days", "value": "45"}]

# 0002 (dues): 张丽's yearly base, a quarter paid and then a payment reversed, a remittance.
RECORDED = datetime(2025, 4, 2, 10, 0, 0)
DUES_BASES = [
    {"id": 1, "member_id": 1, "year": 2025, "from_month": 1, "category": "retired", "base_fen": 480000,
     "approved_fen": None, "approved_by": "", "approved_on": None, "source": "roster", "note": "",
     "recorded_at": RECORDED},
    {"id": 2, "member_id": 2, "year": 2025, "from_month": 1, "category": "in_service", "base_fen": 850000,
     "approved_fen": None, "approved_by": "", "approved_on": None, "source": "set", "note": "",
     "recorded_at": RECORDED},
]
DUES_PAYMENTS = [
    {"id": 1, "member_id": 1, "kind": "dues", "paid_on": date(2025, 4, 1), "amount_fen": 7200, "method": "cash",
     "receipt_no": "2025-001", "paid_by": "", "note": "", "reverses_id": None, "recorded_at": RECORDED},
    {"id": 2, "member_id": 2, "kind": "dues", "paid_on": date(2025, 4, 1), "amount_fen": 12750, "method": "wechat",
     "receipt_no": "2025-002", "paid_by": "李强之妻", "note": "代缴", "reverses_id": None, "recorded_at": RECORDED},
    {"id": 3, "member_id": 2, "kind": "dues", "paid_on": date(2025, 4, 2), "amount_fen": -12750, "method": "wechat",
     "receipt_no": "2025-002", "paid_by": "", "note": "录错，冲正", "reverses_id": 2, "recorded_at": RECORDED},
]
DUES_MONTHS = (
    [{"id": m, "payment_id": 1, "member_id": 1, "year": 2025, "month": m, "amount_fen": 2400} for m in (1, 2, 3)]
    + [{"id": 3 + m, "payment_id": 2, "member_id": 2, "year": 2025, "month": m, "amount_fen": 12750} for m in (1,)]
    + [{"id": 5, "payment_id": 3, "member_id": 2, "year": 2025, "month": 1, "amount_fen": -12750}]
)
DUES_REMITTANCES = [
    {"id": 1, "remitted_on": date(2025, 4, 10), "amount_fen": 7200, "receipt_no": "SJ-2025-01",
     "recipient": "东风街道党工委", "note": "", "reverses_id": None, "recorded_at": RECORDED},
]
# 0003 (meetings): 张丽 on the committee, a 支委会 with its attendance (one change by hand),
# a 主题党日 with a photo.
MEETING_RECORDED = datetime(2025, 5, 6, 18, 0, 0)
COMMITTEE_TERMS = [
    {"id": 1, "member_id": 1, "role": "secretary", "since": date(2024, 1, 1), "until": None, "recorded_at": CREATED},
]
MEETINGS = [
    {"id": 1, "type": "committee", "title": "五月支委会", "start": datetime(2025, 5, 6, 14, 30),
     "end": datetime(2025, 5, 6, 16, 0), "place": "社区党群服务中心", "host": "张丽", "recorder": "张丽",
     "audience": "committee", "group_id": None, "talk_a_id": None, "talk_b_id": None,
     "minutes": "<p>研究五月主题党日安排。</p>", "resolutions": "五月二十日开展主题党日。", "theme_items": "",
     "created_at": MEETING_RECORDED, "updated_at": MEETING_RECORDED},
    {"id": 2, "type": "theme_day", "title": "五月主题党日", "start": datetime(2025, 5, 20, 9, 0),
     "end": datetime(2025, 5, 20, 11, 0), "place": "社区党群服务中心", "host": "张丽", "recorder": "",
     "audience": "all", "group_id": None, "talk_a_id": None, "talk_b_id": None, "minutes": "",
     "resolutions": "", "theme_items": "read_constitution,pay_dues", "created_at": MEETING_RECORDED,
     "updated_at": MEETING_RECORDED},
]
ATTENDANCE = [
    {"id": 1, "meeting_id": 1, "member_id": 1, "status": "present", "reason": "", "recorded_at": MEETING_RECORDED},
    {"id": 2, "meeting_id": 2, "member_id": 1, "status": "present", "reason": "", "recorded_at": MEETING_RECORDED},
    {"id": 3, "meeting_id": 2, "member_id": 2, "status": "leave", "reason": "在深圳出差", "recorded_at": MEETING_RECORDED},
]
ATTENDANCE_CHANGES = [
    {"id": 1, "meeting_id": 2, "member_id": 2, "old_status": "absent", "new_status": "leave", "old_reason": "",
     "new_reason": "在深圳出差", "source": "hand", "changed_by": "张丽", "changed_at": MEETING_RECORDED},
]
ATTACHMENTS = [
    {"id": 1, "meeting_id": 2, "sha256": "5" * 64, "ext": ".jpg", "name": "合影.jpg", "size": 1234, "kind": "photo",
     "added_at": MEETING_RECORDED},
]
# 0004 (sync) adds only the sync tables; its file holds the rows of 0003 (the sync tables empty,
# as on every branch PC that upgraded to it and has not enrolled yet).
# 0005 (sign-in): at the 主题党日 张丽 signed in at the kiosk and out by phone, 李强 has a PIN, and
# the meeting was closed for sign-in.
SIGNIN_SCANS = [
    {"id": 1, "meeting_id": 2, "member_id": 1, "kind": "in", "at": datetime(2025, 5, 20, 8, 50), "late": False,
     "source": "kiosk", "device": None},
    {"id": 2, "meeting_id": 2, "member_id": 1, "kind": "out", "at": datetime(2025, 5, 20, 10, 55), "late": False,
     "source": "phone", "device": "d" * 64},
]
SIGNIN_PHONES = [{"id": 1, "meeting_id": 2, "member_id": 1, "device": "d" * 64, "bound_at": datetime(2025, 5, 20, 10, 55)}]
SIGNIN_CLOSES = [{"meeting_id": 2, "closed_at": datetime(2025, 5, 20, 11, 5), "closed_by": "张丽", "present": 1, "late": 0,
                  "leave": 1, "absent": 0}]
SIGNIN_PINS = [{"member_id": 2, "pin_hash": "e" * 64, "set_at": datetime(2025, 5, 1, 9, 0)}]
POLLS = [
    {"id": 1, "kind": "decision", "title": "关于接收李强同志为预备党员的表决", "meeting_id": 2, "subject": "admission",
     "seats": 1, "committee": False, "ways": "paper", "state": "closed", "round": 1, "parent_id": None,
     "runoff": False, "written_for": 0, "written_against": 0, "written_abstain": 0, "choice_size": 1,
     "scrutineers": "王芳", "tellers": "赵刚", "result": "", "created_at": datetime(2025, 5, 20, 9, 0),
     "opened_at": datetime(2025, 5, 20, 9, 30), "closed_at": datetime(2025, 5, 20, 10, 0)},
]
POLL_CANDIDATES = [{"id": 1, "poll_id": 1, "position": 1, "name": "李强", "member_id": 2}]
POLL_VOTERS = [{"poll_id": 1, "member_id": 1, "status": "voting", "reason": "", "note": "", "present": True}]
BALLOTS_RECEIVED = [{"poll_id": 1, "member_id": 1}]
BALLOTS = [{"id": "f" * 32, "poll_id": 1, "choice": '{"1": "for"}'}]
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")


def make(target: Path, revision: str = REVISION) -> Path:
    if revision not in REVISIONS:
        raise ValueError(f"no fixture data for revision {revision}")
    if target.exists():
        target.unlink()
    engine = create_engine(f"sqlite:///{target}")
    try:
        migrate(engine, revision)
        meta = MetaData()
        with engine.begin() as conn:
            meta.reflect(conn)
            t = meta.tables
            conn.execute(t["branch"].insert(), [BRANCH])
            conn.execute(t["party_group"].insert(), GROUPS)
            conn.execute(t["import_batch"].insert(), [BATCH])
            conn.execute(t["member"].insert(), [m | {"id_hash": lookup_hash(SECRET, m["id_number"])} for m in MEMBERS])
            conn.execute(t["member_event"].insert(), EVENTS)
            conn.execute(t["import_update"].insert(), UPDATES)
            conn.execute(t["setting"].insert(), SETTINGS)
            if revision >= "0002":
                conn.execute(t["dues_base"].insert(), DUES_BASES)
                conn.execute(t["dues_payment"].insert(), DUES_PAYMENTS)
                conn.execute(t["dues_payment_month"].insert(), DUES_MONTHS)
                conn.execute(t["dues_remittance"].insert(), DUES_REMITTANCES)
            if revision >= "0003":
                conn.execute(t["committee_term"].insert(), COMMITTEE_TERMS)
                conn.execute(t["meeting"].insert(), MEETINGS)
                conn.execute(t["meeting_attendance"].insert(), ATTENDANCE)
                conn.execute(t["attendance_change"].insert(), ATTENDANCE_CHANGES)
                conn.execute(t["meeting_attachment"].insert(), ATTACHMENTS)
            if revision >= "0005":
                conn.execute(t["signin_scan"].insert(), SIGNIN_SCANS)
                conn.execute(t["signin_phone"].insert(), SIGNIN_PHONES)
                conn.execute(t["signin_close"].insert(), SIGNIN_CLOSES)
                conn.execute(t["signin_pin"].insert(), SIGNIN_PINS)
            if revision >= "0006":
                conn.execute(t["poll"].insert(), POLLS)
                conn.execute(t["poll_candidate"].insert(), POLL_CANDIDATES)
                conn.execute(t["poll_voter"].insert(), POLL_VOTERS)
                conn.execute(t["ballot_received"].insert(), BALLOTS_RECEIVED)
                conn.execute(t["ballot"].insert(), BALLOTS)
    finally:
        engine.dispose()
    # One self-contained file: no -wal beside it, no free pages.
    con = sqlite3.connect(target)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("VACUUM")
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
    finally:
        con.close()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revision", default=REVISION, choices=REVISIONS)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    print(make(args.out or FIXTURES / f"schema_{args.revision}.sqlite", args.revision))
    return 0


if __name__ == "__main__":
    sys.exit(main())
