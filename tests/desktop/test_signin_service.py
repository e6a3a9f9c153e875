"""Sign-in against a real branch database: scans from the kiosk, phones' confirmations, leave,
closing the meeting (缺勤 marked, attendance filled), what is printed, idempotent repeats."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.meetings import AttendanceStatus
from core.signin import Outcome, Refusal, State, member_payload, refusal_text
from db.models import SigninScan
from desktop.services.signin import Counts, PhoneAttempt, SigninRefused, SigninService, device_hash
from tests.helpers.signin import END, START, add_meeting, add_member, at, branch


@pytest.fixture
def b(ctx):
    return branch(ctx)


def scans(ctx) -> int:
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(SigninScan))


def test_a_scan_signs_in_then_out_and_repeats_change_nothing(ctx, b):
    first = b.signin.scan(b.meeting_id, b.payload("张伟"), at=at(-10))
    assert (first.outcome, first.member, first.reason) == (Outcome.SIGNED_IN, "张伟", None)
    again = b.signin.scan(b.meeting_id, b.payload("张伟"), at=at(-5))
    assert again.outcome is Outcome.SIGNED_IN and again.note and again.at == at(-10)
    assert scans(ctx) == 1
    out = b.signin.scan(b.meeting_id, b.payload("张伟"), at=at(80))
    assert out.outcome is Outcome.SIGNED_OUT
    assert b.signin.scan(b.meeting_id, b.payload("张伟"), at=at(85)).outcome is Outcome.SIGNED_OUT
    assert scans(ctx) == 2
    assert b.signin.scan(b.meeting_id, b.payload("张伟"), at=at(85)).as_json() == {
        "status": "signed_out", "member": "张伟", "reason": None}


def test_late_and_refusals_with_their_reasons(ctx, b):
    assert b.signin.scan(b.meeting_id, b.payload("赵敏"), at=at(10)).outcome is Outcome.LATE
    early = b.signin.scan(b.meeting_id, b.payload("刘洋"), at=at(-31))
    assert early.outcome is Outcome.REJECTED and early.member == "刘洋" and "14:00" in early.reason
    closed = b.signin.scan(b.meeting_id, b.payload("刘洋"), at=at(16))
    assert closed.refusal is Refusal.SIGNIN_CLOSED and "14:45" in closed.reason
    payload = b.payload("刘洋")
    forged = payload[:-1] + ("A" if payload[-1] != "A" else "B")
    assert b.signin.scan(b.meeting_id, forged, at=at(0)).as_json() == {
        "status": "rejected", "member": None, "reason": refusal_text(Refusal.FORGED)}
    other = member_payload(bytes(32), b.public_id("刘洋"))
    assert b.signin.scan(b.meeting_id, other, at=at(0)).refusal is Refusal.OTHER_BRANCH
    assert scans(ctx) == 1


def test_a_member_not_expected_is_refused_by_name(ctx, b):
    from core.meetings import Audience
    committee_meeting = add_meeting(b.meetings, title="支委会", audience=Audience.COMMITTEE)
    result = b.signin.scan(committee_meeting, b.payload("张伟"), at=at(0))
    assert (result.outcome, result.member, result.refusal) == (Outcome.REJECTED, "张伟", Refusal.NOT_EXPECTED)
    # Someone who joined after the meeting's day was not on the roll that day.
    earlier = add_meeting(b.meetings, START - timedelta(days=10), END - timedelta(days=10), title="上次学习")
    late_joiner = add_member(ctx, "新同志", "第一党小组", joined=START.date() - timedelta(days=3))
    result = b.signin.scan(earlier, b.signin.payload_of(late_joiner), at=at(-10 * 24 * 60))
    assert result.refusal is Refusal.NOT_EXPECTED and result.member == "新同志"


def test_no_such_meeting_is_a_refusal_not_a_crash(b):
    result = b.signin.scan(999, b.payload("张伟"), at=at(0))
    assert result.refusal is Refusal.NO_MEETING


def test_leave_then_close_marks_the_rest_absent_and_fills_attendance(ctx, b):
    b.signin.scan(b.meeting_id, b.payload("王书记"), at=at(-20))
    b.signin.scan(b.meeting_id, b.payload("李委员"), at=at(-1))
    b.signin.scan(b.meeting_id, b.payload("张伟"), at=at(3))           # late
    b.signin.record_leave(b.meeting_id, b.ids["赵敏"], "在外地出差")
    board = b.signin.board(b.meeting_id)
    assert [r.state for r in board.rows] == [State.SIGNED_IN, State.SIGNED_IN, State.LATE, State.LEAVE, State.NONE, State.NONE]
    counts = b.signin.close(b.meeting_id, by="测试")
    assert counts == Counts(present=2, late=1, leave=1, absent=2)
    status = {r.name: (r.status, r.reason) for r in b.meetings.attendance(b.meeting_id)}
    assert status == {"王书记": (AttendanceStatus.PRESENT, ""), "李委员": (AttendanceStatus.PRESENT, ""),
                      "张伟": (AttendanceStatus.PRESENT, ""), "赵敏": (AttendanceStatus.LEAVE, "在外地出差"),
                      "刘洋": (AttendanceStatus.ABSENT, ""), "欧阳晓明": (AttendanceStatus.ABSENT, "")}
    assert {c.source for c in b.meetings.attendance_changes(b.meeting_id)} == {"signin"}
    board = b.signin.board(b.meeting_id)
    assert board.closed_at is not None and board.count(State.ABSENT) == 2
    # Closed: scans are refused, closing again answers the same.
    assert b.signin.scan(b.meeting_id, b.payload("刘洋"), at=at(80)).refusal is Refusal.MEETING_CLOSED
    assert b.signin.close(b.meeting_id) == counts
    with pytest.raises(SigninRefused):
        b.signin.record_leave(b.meeting_id, b.ids["刘洋"], "生病")
    listed = next(r for r in b.meetings.list() if r.id == b.meeting_id)
    assert (listed.present, listed.leave, listed.absent) == (3, 1, 2)


def test_a_member_on_leave_who_comes_anyway_is_present(b):
    b.signin.record_leave(b.meeting_id, b.ids["赵敏"], "可能出差")
    assert b.signin.scan(b.meeting_id, b.payload("赵敏"), at=at(0)).outcome is Outcome.SIGNED_IN
    assert b.signin.close(b.meeting_id) == Counts(present=1, late=0, leave=0, absent=5)


def test_leave_needs_a_reason_and_a_member_not_yet_signed_in(b):
    with pytest.raises(SigninRefused):
        b.signin.record_leave(b.meeting_id, b.ids["赵敏"], "  ")
    b.signin.scan(b.meeting_id, b.payload("张伟"), at=at(0))
    with pytest.raises(SigninRefused):
        b.signin.record_leave(b.meeting_id, b.ids["张伟"], "有事")
    b.signin.record_leave(b.meeting_id, b.ids["赵敏"], "有事")
    b.signin.cancel_leave(b.meeting_id, b.ids["赵敏"])
    assert b.signin.board(b.meeting_id).count(State.LEAVE) == 0


def test_the_secretary_signs_in_by_hand_and_can_reopen(b):
    result = b.signin.sign_by_hand(b.meeting_id, b.ids["刘洋"], at=at(30))  # after the window: the secretary's call
    assert result.outcome is Outcome.LATE
    b.signin.close(b.meeting_id)
    b.signin.reopen(b.meeting_id)
    assert b.signin.closed_at(b.meeting_id) is None
    assert b.signin.scan(b.meeting_id, b.payload("刘洋"), at=at(80)).outcome is Outcome.SIGNED_OUT


# -- phones ---------------------------------------------------------------------------------------

def attempt(b, name, code, device="phone-1", minutes=0):
    return PhoneAttempt(b.public_id(name), code, device_hash(device), at(minutes))


def test_a_phone_confirms_with_the_last_four_digits(ctx, b):
    roll = b.signin.roll(b.meeting_id, with_codes=True)
    wrong, right = b.signin.phone_sign_many(roll, [attempt(b, "张伟", "0000"), attempt(b, "张伟", "1234")])
    assert wrong.refusal is Refusal.WRONG_CODE and right.outcome is Outcome.SIGNED_IN
    [no_phone] = b.signin.phone_sign_many(roll, [attempt(b, "欧阳晓明", "1234", "phone-2")])
    assert no_phone.refusal is Refusal.NO_CODE


def test_one_phone_per_member_and_one_member_per_phone(ctx, b):
    roll = b.signin.roll(b.meeting_id, with_codes=True)
    first, friend = b.signin.phone_sign_many(roll, [attempt(b, "张伟", "1234", "phone-1"),
                                                    attempt(b, "赵敏", "5678", "phone-1")])
    assert first.accepted and friend.refusal is Refusal.PHONE_USED
    [other] = b.signin.phone_sign_many(roll, [attempt(b, "张伟", "1234", "phone-2", minutes=80)])
    assert other.refusal is Refusal.OTHER_PHONE
    [out] = b.signin.phone_sign_many(roll, [attempt(b, "张伟", "1234", "phone-1", minutes=80)])
    assert out.outcome is Outcome.SIGNED_OUT
    assert scans(ctx) == 2


def test_a_pin_for_a_member_without_a_phone(b):
    with pytest.raises(SigninRefused):
        b.signin.set_pin(b.ids["欧阳晓明"], "12a4")
    b.signin.set_pin(b.ids["欧阳晓明"], "482913")
    roll = b.signin.roll(b.meeting_id, with_codes=True)
    wrong, right = b.signin.phone_sign_many(roll, [attempt(b, "欧阳晓明", "482910", "p"), attempt(b, "欧阳晓明", "482913", "p")])
    assert wrong.refusal is Refusal.WRONG_CODE and right.accepted
    b.signin.set_pin(b.ids["欧阳晓明"], None)
    assert not b.signin.has_pin(b.ids["欧阳晓明"])


def test_the_kiosk_and_phones_at_once_record_each_member_once(ctx, b):
    """Threads scanning and confirming the same members at the same time: one sign-in each."""
    roll = b.signin.roll(b.meeting_id, with_codes=True)
    names = ["王书记", "李委员", "张伟", "赵敏", "刘洋"]
    codes = {"王书记": "0001", "李委员": "0002", "张伟": "1234", "赵敏": "5678", "刘洋": "9012"}
    barrier = threading.Barrier(6)
    errors = []

    def kiosk():
        barrier.wait()
        for name in names * 3:
            if not b.signin.scan(b.meeting_id, b.payload(name), at=at(-5), roll=roll).accepted:
                errors.append(name)

    def phone(n):
        barrier.wait()
        for name in names:
            b.signin.phone_sign_many(roll, [attempt(b, name, codes[name], f"phone-{name}", minutes=-5)])

    threads = [threading.Thread(target=kiosk)] + [threading.Thread(target=phone, args=(n,)) for n in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert scans(ctx) == 5


# -- what is printed ------------------------------------------------------------------------------

def test_the_sheet_lists_the_expected_with_their_codes(ctx, b):
    ctx.settings.set("signin.lan_host", "192.168.1.20")
    sheet = b.signin.sheet(b.meeting_id)
    assert [r.name for r in sheet.rows] == ["王书记", "李委员", "张伟", "赵敏", "刘洋", "欧阳晓明"]
    assert [r.number for r in sheet.rows] == [1, 2, 3, 4, 5, 6]
    assert sheet.rows[0].payload == b.payload("王书记")
    assert sheet.phone_url.startswith("http://192.168.1.20:8765/m/")
    token = sheet.phone_url.rsplit("/", 1)[1]
    assert b.signin.meeting_of_token(token, END) == b.meeting_id
    assert b.signin.meeting_of_token(token, END + timedelta(minutes=61)) is None
    assert (sheet.opens, sheet.closes, sheet.signout_opens) == (at(-30), at(15), END - timedelta(minutes=15))
    ctx.settings.set("signin.phone_enabled", False)
    assert b.signin.sheet(b.meeting_id).phone_url is None


def test_badges_are_for_the_members_on_the_roll(ctx, b):
    from core.members import EventKind
    ctx.members.record_event(b.ids["刘洋"], EventKind.TRANSFER_OUT, START.date() - timedelta(days=1))
    badges = b.signin.badges()
    assert [x.name for x in badges] == ["王书记", "李委员", "张伟", "赵敏", "欧阳晓明"]
    assert badges[0].payload == b.payload("王书记")
    assert [x.name for x in b.signin.badges([b.ids["刘洋"]])] == ["刘洋"]


def test_the_rules_are_settings(ctx, b):
    from core.signin import SigninRules
    b.signin.set_rules(SigninRules(open_before=timedelta(minutes=60)))
    assert b.signin.rules().open_before == timedelta(minutes=60)
    assert b.signin.scan(b.meeting_id, b.payload("张伟"), at=at(-59)).outcome is Outcome.SIGNED_IN
    assert SigninService.of(ctx).rules().close_after == timedelta(minutes=15)
