"""Meeting records against a real branch database: saving, who was expected that day,
attendance and its change log, the committee's history, attachments stored once."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from core import i18n
from core.meetings import Audience, AttendanceStatus, CommitteeRole, MeetingType, ThemeDayItem
from core.members import EventKind
from db.models import Attendance, AttendanceChange
from desktop.services.meetings import AttendanceEntry, MeetingInvalid, MeetingRefused, MeetingService
from tests.helpers.meetings import add_member, meeting, small_branch

P, L, A = AttendanceStatus.PRESENT, AttendanceStatus.LEAVE, AttendanceStatus.ABSENT


@pytest.fixture
def svc(ctx) -> MeetingService:
    return MeetingService(ctx.db, ctx.clock, ctx.data_dir)


@pytest.fixture
def ids(ctx, svc):
    return small_branch(ctx, svc)


def group_id(ctx, name: str) -> int:
    from db.models import PartyGroup
    with ctx.db.session() as s:
        return s.scalar(select(PartyGroup.id).where(PartyGroup.name == name))


def test_a_meeting_round_trips(svc, ids):
    rec = meeting(MeetingType.THEME_DAY, datetime(2026, 11, 3, 14, 30), "十一月主题党日", place="党群服务中心",
                  host="王书记", recorder="李委员", minutes="<p><b>一、本月主题</b></p>", resolutions="  下月开展志愿服务  ",
                  theme_items=frozenset({ThemeDayItem.READ_CONSTITUTION, ThemeDayItem.PAY_DUES}))
    mid = svc.add(rec)
    got = svc.get(mid)
    assert got.id == mid and got.title == "十一月主题党日" and got.place == "党群服务中心"
    assert got.theme_items == {ThemeDayItem.READ_CONSTITUTION, ThemeDayItem.PAY_DUES}
    assert got.resolutions == "下月开展志愿服务" and got.who is Audience.ALL
    # Items of a 主题党日 are not kept on another type.
    svc.update(mid, replace(got, type=MeetingType.LECTURE))
    assert svc.get(mid).theme_items == frozenset() and svc.get(mid).type is MeetingType.LECTURE


def test_a_talk_keeps_its_pair_and_a_group_meeting_its_group(ctx, svc, ids):
    i18n.install("en", None)
    talk = svc.add(meeting(MeetingType.TALK, datetime(2026, 5, 6, 10), "谈心谈话", talk_pair=(ids["张伟"], ids["王书记"])))
    assert svc.get(talk).talk_pair == tuple(sorted((ids["张伟"], ids["王书记"])))
    g2 = group_id(ctx, "第二党小组")
    gm = svc.add(meeting(MeetingType.GROUP, datetime(2026, 5, 7, 10), "小组学习", group_id=g2))
    assert svc.get(gm).group_id == g2 and svc.get(gm).who is Audience.GROUP
    rows = {r.id: r for r in svc.list()}
    assert rows[talk].talk == "王书记 and 张伟"  # the pair in id order: 王书记 was added first
    assert rows[gm].group == "第二党小组"


@pytest.mark.parametrize("changes,field", [
    ({"title": "  "}, "title"),
    ({"end": datetime(2026, 11, 3, 14, 30)}, "end"),
    ({"type": MeetingType.GROUP}, "group"),
    ({"type": MeetingType.TALK}, "talk_pair"),
    ({"type": MeetingType.TALK, "talk_pair": (1, 1)}, "talk_pair"),
])
def test_what_cannot_be_saved(svc, ids, changes, field):
    rec = meeting(MeetingType.COMMITTEE, datetime(2026, 11, 3, 14, 30))
    rec = replace(rec, **changes)
    with pytest.raises(MeetingInvalid) as err:
        svc.add(rec)
    assert field in {f for f, _ in err.value.problems.errors}
    assert svc.list() == []


def test_the_list_counts_attendance_newest_first(svc, ids):
    old = svc.add(meeting(MeetingType.COMMITTEE, datetime(2026, 10, 3, 9)))
    new = svc.add(meeting(MeetingType.COMMITTEE, datetime(2026, 11, 25, 9)))  # after today (2026-11-20)
    svc.set_attendance(old, [AttendanceEntry(ids["王书记"], P), AttendanceEntry(ids["李委员"], L, "出差")], by="测试")
    rows = svc.list()
    assert [r.id for r in rows] == [new, old]
    assert (rows[1].present, rows[1].leave, rows[1].absent, rows[1].held) == (1, 1, 0, True)
    assert rows[0].held is False
    assert [r.id for r in svc.list(kind=MeetingType.LECTURE)] == []


# -- who was expected that day ---------------------------------------------------------------

def test_expected_follows_the_roll_as_it_was_that_day(ctx, svc, ids):
    day_before, day_after = date(2026, 3, 31), date(2026, 4, 2)
    ctx.members.record_event(ids["刘洋"], EventKind.TRANSFER_OUT, date(2026, 4, 1))
    moved_in = add_member(ctx, "孙丽", joined=date(1995, 7, 1), transferred_in=date(2026, 4, 1))
    before = [p.name for p in svc.expected(Audience.ALL, day_before)]
    after = [p.name for p in svc.expected(Audience.ALL, day_after)]
    assert "刘洋" in before and "刘洋" not in after
    assert "孙丽" not in before and "孙丽" in after
    assert "陈静" not in after  # joined the Party in July
    assert {"陈静", "孙丽"} <= {p.name for p in svc.expected(Audience.ALL, date(2026, 7, 1))}
    assert moved_in in [p.member_id for p in svc.expected(Audience.ALL, date(2026, 7, 1))]


def test_committee_and_group_meetings_expect_their_own(ctx, svc, ids):
    committee = svc.expected(Audience.COMMITTEE, date(2026, 5, 1))
    assert [(p.name, p.role) for p in committee] == [("王书记", CommitteeRole.SECRETARY), ("李委员", CommitteeRole.ORGANISATION)]
    assert svc.expected(Audience.COMMITTEE, date(2023, 12, 31)) == []  # before the committee was recorded
    group = [p.name for p in svc.expected(Audience.GROUP, date(2026, 8, 1), group_id=group_id(ctx, "第二党小组"))]
    assert group == ["赵敏", "刘洋", "陈静"]


def test_the_committee_keeps_its_history(svc, ids):
    svc.set_committee_role(ids["李委员"], CommitteeRole.DEPUTY_SECRETARY, date(2026, 6, 1))
    svc.set_committee_role(ids["张伟"], CommitteeRole.ORGANISATION, date(2026, 6, 1))
    svc.set_committee_role(ids["王书记"], None, date(2026, 9, 1))
    assert [(r.name, r.role) for r in svc.committee(date(2026, 5, 31))] == [
        ("王书记", CommitteeRole.SECRETARY), ("李委员", CommitteeRole.ORGANISATION)]
    assert [(r.name, r.role) for r in svc.committee()] == [
        ("李委员", CommitteeRole.DEPUTY_SECRETARY), ("张伟", CommitteeRole.ORGANISATION)]
    assert svc.committee_role(ids["王书记"], date(2026, 8, 31)) is CommitteeRole.SECRETARY
    assert svc.committee_role(ids["王书记"]) is None
    # A change on the day of the last one corrects it instead of leaving a one-day post.
    svc.set_committee_role(ids["张伟"], CommitteeRole.PROPAGANDA, date(2026, 6, 1))
    assert svc.committee_role(ids["张伟"], date(2026, 6, 1)) is CommitteeRole.PROPAGANDA
    with pytest.raises(MeetingRefused):
        svc.set_committee_role(ids["张伟"], CommitteeRole.MEMBER, date(2026, 5, 1))  # before the current post
    with pytest.raises(MeetingRefused):
        svc.set_committee_role(ids["张伟"], CommitteeRole.MEMBER, date(2026, 12, 1))  # in the future


# -- attendance and its change log ------------------------------------------------------------

def test_attendance_by_hand_is_recorded_with_who_when_and_what_changed(ctx, svc, ids):
    mid = svc.add(meeting(MeetingType.COMMITTEE, datetime(2026, 11, 3, 9)))
    rows = svc.attendance(mid)
    assert [(r.name, r.status, r.expected) for r in rows] == [("王书记", None, True), ("李委员", None, True)]
    assert svc.set_attendance(mid, [AttendanceEntry(ids["王书记"], P), AttendanceEntry(ids["李委员"], A)], by="王书记") == 2
    assert svc.set_attendance(mid, [AttendanceEntry(ids["王书记"], P)], by="王书记") == 0  # nothing changed, nothing logged
    assert svc.set_attendance(mid, [AttendanceEntry(ids["李委员"], L, "外出培训")], by="李委员") == 1
    assert [(r.status, r.reason) for r in svc.attendance(mid)] == [(P, ""), (L, "外出培训")]
    changes = svc.attendance_changes(mid)
    assert [(c.name, c.old, c.new, c.new_reason, c.changed_by) for c in changes] == [
        ("王书记", None, P, "", "王书记"), ("李委员", None, A, "", "王书记"), ("李委员", A, L, "外出培训", "李委员")]
    assert all(c.changed_at == ctx.clock.now() and c.source == "hand" for c in changes)
    # Clearing an entry is a change too.
    svc.set_attendance(mid, [AttendanceEntry(ids["李委员"], None)], by="王书记")
    assert svc.attendance(mid)[1].status is None
    assert svc.attendance_changes(mid)[-1].old == L and svc.attendance_changes(mid)[-1].new is None


def test_someone_recorded_but_no_longer_expected_stays_visible(ctx, svc, ids):
    mid = svc.add(meeting(MeetingType.BRANCH_ASSEMBLY, datetime(2026, 6, 3, 9)))
    svc.set_attendance(mid, [AttendanceEntry(ids["张伟"], P)], by="")
    rec = svc.get(mid)
    svc.update(mid, replace(rec, audience=Audience.COMMITTEE))
    rows = {r.name: r for r in svc.attendance(mid)}
    assert rows["张伟"].status is P and rows["张伟"].expected is False
    assert rows["王书记"].expected and "赵敏" not in rows


def test_deleting_a_meeting_removes_its_attendance_and_files(ctx, svc, ids, tmp_path):
    mid = svc.add(meeting(MeetingType.COMMITTEE, datetime(2026, 11, 3, 9)))
    svc.set_attendance(mid, [AttendanceEntry(ids["王书记"], P)], by="")
    photo = tmp_path / "合影.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    stored = svc.attach(mid, photo).path
    svc.delete(mid)
    with ctx.db.session() as s:
        assert s.scalars(select(Attendance)).all() == [] and s.scalars(select(AttendanceChange)).all() == []
    assert not stored.exists()
    with pytest.raises(MeetingRefused):
        svc.get(mid)


# -- attachments ---------------------------------------------------------------------------

def test_attachments_are_stored_once_by_their_content(ctx, svc, ids, tmp_path):
    first = svc.add(meeting(MeetingType.THEME_DAY, datetime(2026, 11, 3, 9)))
    second = svc.add(meeting(MeetingType.LECTURE, datetime(2026, 11, 4, 9)))
    photo = tmp_path / "合影.JPG"
    photo.write_bytes(b"\xff\xd8 the same photo" * 100)
    copy = tmp_path / "合影(1).jpeg"
    copy.write_bytes(photo.read_bytes())
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()

    a = svc.attach(first, photo)
    assert a.path == ctx.data_dir / "attachments" / sha[:2] / f"{sha}.jpg"
    assert a.path.read_bytes() == photo.read_bytes() and a.is_photo and a.name == "合影.JPG"
    assert svc.attach(first, copy).id == a.id  # the same content again: the same entry
    b = svc.attach(second, copy)
    assert b.id != a.id and b.path == a.path      # another meeting, the same stored file
    stored = [p for p in (ctx.data_dir / "attachments").rglob("*") if p.is_file()]
    assert stored == [a.path]
    doc = tmp_path / "会议通知.docx"
    doc.write_bytes(b"PK a document")
    d = svc.attach(first, doc)
    assert not d.is_photo and d.path.suffix == ".docx"
    assert [x.name for x in svc.attachments(first)] == ["合影.JPG", "会议通知.docx"]

    svc.remove_attachment(a.id)
    assert a.path.exists()  # still attached to the second meeting
    svc.remove_attachment(b.id)
    assert not a.path.exists()


def test_a_missing_file_is_a_plain_message(svc, ids, tmp_path):
    mid = svc.add(meeting(MeetingType.THEME_DAY, datetime(2026, 11, 3, 9)))
    with pytest.raises(MeetingRefused) as err:
        svc.attach(mid, tmp_path / "不存在.jpg")
    assert "不存在.jpg" in str(err.value)


# -- the printed minutes' values ------------------------------------------------------------------

def test_the_minutes_sheet(ctx, svc, ids, tmp_path):
    mid = svc.add(meeting(MeetingType.THEME_DAY, datetime(2026, 11, 3, 14, 30), "十一月主题党日", place="会议室",
                          host="王书记", recorder="李委员", theme_items=frozenset({ThemeDayItem.PAY_DUES})))
    svc.set_attendance(mid, [AttendanceEntry(ids["王书记"], P), AttendanceEntry(ids["李委员"], P),
                             AttendanceEntry(ids["张伟"], L, "出差"), AttendanceEntry(ids["赵敏"], A)], by="")
    sheet = svc.minutes_sheet(mid)
    assert sheet.branch == "测试党支部" and sheet.expected == 6  # 陈静 joined in July: on the roll in November
    assert sheet.present == ("王书记", "李委员")
    assert [(a.name, a.on_leave, a.reason) for a in sheet.absent] == [("张伟", True, "出差"), ("赵敏", False, "")]
    assert dict(sheet.theme_items)[ThemeDayItem.PAY_DUES.label] is True
    assert sum(done for _, done in sheet.theme_items) == 1
