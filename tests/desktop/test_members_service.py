"""The roster service over a real SQLite file: adding, editing, status history, the roll."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.dues import DuesCategory
from core.members import EventKind, Gender, MemberCategory, MemberRecord, PartyStanding, RollStatus
from core.search import matches, normalise_query
from desktop.services.members import ActionRefused, ValidationFailed

ZHANG = MemberRecord(name="张丽", id_number="11010519491231002X", category=MemberCategory.FULL,
                     joined_on=date(1975, 7, 1), full_member_on=date(1976, 7, 1), group="第一党小组",
                     phone="13800000001")
LI = MemberRecord(name="李强", id_number="360426199101010071", category=MemberCategory.PROBATIONARY,
                  joined_on=date(2026, 3, 1), group="第二党小组")


def error_fields(err: ValidationFailed) -> set[str]:
    return {f for f, _ in err.problems.errors}


# -- adding ---------------------------------------------------------------------

def test_a_wrong_id_number_is_refused_on_that_field_and_nothing_is_saved(ctx):
    with pytest.raises(ValidationFailed) as err:
        ctx.members.add(ZHANG.with_changes(id_number="360426199101010072"))
    assert error_fields(err.value) == {"id_number"}
    assert str(err.value)  # a sentence for the secretary
    assert ctx.members.roster() == []


def test_birth_date_and_gender_come_from_the_id_number(ctx):
    member_id = ctx.members.add(ZHANG.with_changes(id_number="11010519491231002x"))
    rec = ctx.members.get(member_id)
    assert rec.id_number == "11010519491231002X"
    assert rec.birth_date == date(1949, 12, 31)
    assert rec.gender is Gender.FEMALE


def test_a_typed_gender_that_contradicts_the_id_number_is_refused(ctx):
    with pytest.raises(ValidationFailed) as err:
        ctx.members.add(ZHANG.with_changes(gender=Gender.MALE))
    assert error_fields(err.value) == {"gender"}


@pytest.mark.parametrize("same_id", ["11010519491231002X", "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ"])
def test_a_second_member_with_the_same_id_number_is_refused_naming_the_first(ctx, same_id):
    ctx.members.add(ZHANG)
    with pytest.raises(ValidationFailed) as err:
        ctx.members.add(MemberRecord(name="张立", id_number=same_id))
    assert error_fields(err.value) == {"id_number"}
    assert "张丽" in str(err.value)
    assert [r.name for r in ctx.members.roster()] == ["张丽"]


def test_members_without_id_numbers_are_fine(ctx):
    first = ctx.members.add(MemberRecord(name="赵敏"))
    second = ctx.members.add(MemberRecord(name="钱进"))
    rows = {r.id: r for r in ctx.members.roster()}
    assert rows[first].id_masked == "" and rows[second].id_number == ""
    assert ctx.members.get(first).id_number == ""


def test_names_are_stored_without_layout_spaces_and_found_by_pinyin(ctx):
    member_id = ctx.members.add(MemberRecord(name=" 张  伟 "))
    row = next(r for r in ctx.members.roster() if r.id == member_id)
    assert row.name == "张伟"
    assert matches(normalise_query("zw"), row.name, row.name_key, row.id_number)


def test_an_invalid_record_is_refused_whole(ctx):
    with pytest.raises(ValidationFailed) as err:
        ctx.members.add(LI.with_changes(full_member_on=date(2026, 9, 1), joined_on=date(2027, 1, 1)))
    assert error_fields(err.value) >= {"joined_on", "full_member_on"}


def test_transferred_in_members_get_the_event(ctx):
    member_id = ctx.members.add(ZHANG, transferred_in_on=date(2010, 3, 1))
    assert [(e.kind, e.on) for e in ctx.members.history(member_id)] == [(EventKind.TRANSFER_IN, date(2010, 3, 1))]


@pytest.mark.parametrize("when", ["tomorrow", "before joining"])
def test_a_transfer_in_date_in_the_future_or_before_joining_is_refused(ctx, clock, when):
    on = clock.today() + timedelta(days=1) if when == "tomorrow" else ZHANG.joined_on - timedelta(days=1)
    with pytest.raises(ActionRefused):
        ctx.members.add(ZHANG, transferred_in_on=on)
    assert ctx.members.roster() == []


# -- the roster -------------------------------------------------------------------

def test_roster_rows_are_ordered_by_group_then_id_with_ungrouped_members_last(ctx):
    ids = {}
    ids["a"] = ctx.members.add(MemberRecord(name="甲", group="第二党小组"))   # group made first
    ids["b"] = ctx.members.add(MemberRecord(name="乙"))
    ids["c"] = ctx.members.add(MemberRecord(name="丙", group="第一党小组"))
    ids["d"] = ctx.members.add(MemberRecord(name="丁", group="第二党小组"))
    ids["e"] = ctx.members.add(MemberRecord(name="戊", group="第一党小组"))
    assert ctx.members.groups() == ["第二党小组", "第一党小组"]
    assert [r.name for r in ctx.members.roster()] == ["甲", "丁", "丙", "戊", "乙"]


def test_roster_rows_mask_the_id_number(ctx):
    ctx.members.add(ZHANG)
    row = ctx.members.roster()[0]
    assert row.id_masked == "110105********002X"
    assert (row.gender, row.category, row.group) == ("female", "full", "第一党小组")
    assert row.birth_date == date(1949, 12, 31) and row.roll_status == "active"


# -- editing ------------------------------------------------------------------------

def test_update_changes_the_record_and_keeps_the_history(ctx):
    member_id = ctx.members.add(ZHANG, transferred_in_on=date(2010, 3, 1))
    ctx.members.record_event(member_id, EventKind.SUSPENDED, date(2020, 5, 1))
    rec = ctx.members.get(member_id)
    ctx.members.update(member_id, rec.with_changes(phone="13900000009", post="退休", group="第二党小组"))
    after = ctx.members.get(member_id)
    assert (after.phone, after.post, after.group) == ("13900000009", "退休", "第二党小组")
    assert after.party_standing is PartyStanding.SUSPENDED
    assert [e.kind for e in ctx.members.history(member_id)] == [EventKind.TRANSFER_IN, EventKind.SUSPENDED]


def test_update_without_status_changes_writes_no_event(ctx):
    member_id = ctx.members.add(ZHANG)
    ctx.members.update(member_id, ctx.members.get(member_id).with_changes(address="北京"))
    assert ctx.members.history(member_id) == []


def test_update_may_keep_the_members_own_id_number(ctx):
    member_id = ctx.members.add(ZHANG)
    ctx.members.update(member_id, ctx.members.get(member_id).with_changes(id_number="11010519491231002x"))
    assert ctx.members.get(member_id).id_number == "11010519491231002X"


def test_update_cannot_take_another_members_id_number(ctx):
    ctx.members.add(ZHANG)
    li = ctx.members.add(LI)
    with pytest.raises(ValidationFailed) as err:
        ctx.members.update(li, ctx.members.get(li).with_changes(id_number=ZHANG.id_number, birth_date=None, gender=None))
    assert "张丽" in str(err.value)


def test_update_of_a_member_who_is_gone(ctx):
    with pytest.raises(ActionRefused):
        ctx.members.update(999, ZHANG)
    with pytest.raises(ActionRefused):
        ctx.members.get(999)


def kinds_and_dates(ctx, member_id):
    return [(e.kind, e.on, e.note) for e in ctx.members.history(member_id)]


def test_marking_lost_contact_in_the_form_writes_the_event_and_back(ctx, clock):
    member_id = ctx.members.add(ZHANG)
    rec = ctx.members.get(member_id)
    ctx.members.update(member_id, rec.with_changes(lost_contact=True, lost_contact_on=date(2025, 3, 1)))
    assert kinds_and_dates(ctx, member_id) == [(EventKind.LOST_CONTACT, date(2025, 3, 1), "")]
    ctx.members.update(member_id, ctx.members.get(member_id).with_changes(lost_contact=False, lost_contact_on=None))
    assert kinds_and_dates(ctx, member_id)[-1] == (EventKind.CONTACT_RESTORED, clock.today(), "")


def test_marking_a_mobile_member_in_the_form_writes_the_event_with_the_destination(ctx, clock):
    member_id = ctx.members.add(ZHANG)
    ctx.members.update(member_id, ctx.members.get(member_id).with_changes(mobile=True, mobile_destination="广东省深圳市"))
    assert kinds_and_dates(ctx, member_id) == [(EventKind.MOBILE_OUT, clock.today(), "广东省深圳市")]
    ctx.members.update(member_id, ctx.members.get(member_id).with_changes(mobile=False, mobile_destination=""))
    assert kinds_and_dates(ctx, member_id)[-1] == (EventKind.MOBILE_BACK, clock.today(), "")


def test_changing_the_standing_in_the_form_writes_the_event(ctx):
    member_id = ctx.members.add(ZHANG)
    ctx.members.update(member_id, ctx.members.get(member_id).with_changes(party_standing=PartyStanding.SUSPENDED))
    ctx.members.update(member_id, ctx.members.get(member_id).with_changes(party_standing=PartyStanding.NORMAL))
    assert [k for k, _, _ in kinds_and_dates(ctx, member_id)] == [EventKind.SUSPENDED, EventKind.RESTORED]


def test_making_a_probationary_member_full_in_the_form_writes_the_conversion(ctx):
    member_id = ctx.members.add(LI.with_changes(joined_on=date(2025, 3, 1)))
    ctx.members.update(member_id, ctx.members.get(member_id).with_changes(
        category=MemberCategory.FULL, full_member_on=date(2026, 3, 1)))
    assert kinds_and_dates(ctx, member_id) == [(EventKind.CONVERTED, date(2026, 3, 1), "")]


def test_changing_the_dues_category_in_the_form(ctx):
    member_id = ctx.members.add(ZHANG.with_changes(dues_category=DuesCategory.IN_SERVICE, dues_base_fen=800000))
    ctx.members.update(member_id, ctx.members.get(member_id).with_changes(dues_category=DuesCategory.RETIRED, dues_base_fen=480000))
    rec = ctx.members.get(member_id)
    assert (rec.dues_category, rec.dues_base_fen) == (DuesCategory.RETIRED, 480000)


# -- status history ------------------------------------------------------------------

def test_transfer_out_takes_the_member_off_the_roll_but_keeps_them(ctx):
    member_id = ctx.members.add(ZHANG, transferred_in_on=date(2010, 3, 1))
    ctx.members.add(LI)
    ctx.members.record_event(member_id, EventKind.TRANSFER_OUT, date(2025, 6, 30), "河西区教育党委")
    row = next(r for r in ctx.members.roster() if r.id == member_id)
    assert row.roll_status == RollStatus.TRANSFERRED_OUT.value
    assert ctx.members.get(member_id).name == "张丽"
    assert kinds_and_dates(ctx, member_id) == [(EventKind.TRANSFER_IN, date(2010, 3, 1), ""),
                                               (EventKind.TRANSFER_OUT, date(2025, 6, 30), "河西区教育党委")]
    assert [r.name for r in ctx.members.roster() if r.roll_status == RollStatus.ACTIVE.value] == ["李强"]


def test_a_member_off_the_roll_takes_no_further_events_until_transferred_back(ctx):
    member_id = ctx.members.add(ZHANG)
    ctx.members.record_event(member_id, EventKind.TRANSFER_OUT, date(2025, 6, 30))
    with pytest.raises(ActionRefused, match="张丽"):
        ctx.members.record_event(member_id, EventKind.LOST_CONTACT, date(2025, 7, 1))
    ctx.members.record_event(member_id, EventKind.TRANSFER_IN, date(2026, 1, 1))
    assert ctx.members.get(member_id).roll_status is RollStatus.ACTIVE


@pytest.mark.parametrize("leaving", [EventKind.DECEASED, EventKind.LEFT_PARTY])
def test_transfer_in_does_not_bring_back_the_dead_or_those_who_left(ctx, leaving):
    member_id = ctx.members.add(ZHANG)
    ctx.members.record_event(member_id, leaving, date(2025, 6, 30))
    with pytest.raises(ActionRefused):
        ctx.members.record_event(member_id, EventKind.TRANSFER_IN, date(2026, 1, 1))
    assert ctx.members.get(member_id).roll_status is leaving.leaves_roll


def test_transfer_in_of_a_member_already_on_the_roll_is_refused(ctx):
    member_id = ctx.members.add(ZHANG)
    with pytest.raises(ActionRefused):
        ctx.members.record_event(member_id, EventKind.TRANSFER_IN, date(2026, 1, 1))
    assert ctx.members.history(member_id) == []


def test_events_in_the_future_are_refused(ctx, clock):
    member_id = ctx.members.add(ZHANG)
    with pytest.raises(ActionRefused):
        ctx.members.record_event(member_id, EventKind.LOST_CONTACT, clock.today() + timedelta(days=1))
    assert ctx.members.history(member_id) == []
    ctx.members.record_event(member_id, EventKind.LOST_CONTACT, clock.today())
    assert ctx.members.get(member_id).lost_contact_on == clock.today()


def test_events_before_joining_are_refused(ctx):
    member_id = ctx.members.add(ZHANG)
    with pytest.raises(ActionRefused):
        ctx.members.record_event(member_id, EventKind.MOBILE_OUT, date(1975, 6, 30), "上海")
    assert ctx.members.history(member_id) == []


def test_status_events_change_the_record(ctx):
    member_id = ctx.members.add(ZHANG)
    ms = ctx.members
    ms.record_event(member_id, EventKind.LOST_CONTACT, date(2024, 1, 1))
    assert (ms.get(member_id).lost_contact, ms.get(member_id).lost_contact_on) == (True, date(2024, 1, 1))
    ms.record_event(member_id, EventKind.CONTACT_RESTORED, date(2024, 6, 1))
    assert (ms.get(member_id).lost_contact, ms.get(member_id).lost_contact_on) == (False, None)
    ms.record_event(member_id, EventKind.MOBILE_OUT, date(2024, 7, 1), "上海")
    assert (ms.get(member_id).mobile, ms.get(member_id).mobile_destination) == (True, "上海")
    ms.record_event(member_id, EventKind.MOBILE_BACK, date(2024, 8, 1))
    assert (ms.get(member_id).mobile, ms.get(member_id).mobile_destination) == (False, "")
    ms.record_event(member_id, EventKind.SUSPENDED, date(2024, 9, 1))
    assert ms.get(member_id).party_standing is PartyStanding.SUSPENDED
    ms.record_event(member_id, EventKind.RESTORED, date(2024, 10, 1))
    assert ms.get(member_id).party_standing is PartyStanding.NORMAL
    assert len(ms.history(member_id)) == 6


def test_conversion_makes_a_probationary_member_full(ctx):
    member_id = ctx.members.add(LI.with_changes(joined_on=date(2025, 3, 1)))
    ctx.members.record_event(member_id, EventKind.CONVERTED, date(2026, 3, 1))
    rec = ctx.members.get(member_id)
    assert (rec.category, rec.full_member_on) == (MemberCategory.FULL, date(2026, 3, 1))
    assert kinds_and_dates(ctx, member_id) == [(EventKind.CONVERTED, date(2026, 3, 1), "")]


def test_only_a_probationary_member_can_be_converted(ctx):
    member_id = ctx.members.add(ZHANG)
    with pytest.raises(ActionRefused):
        ctx.members.record_event(member_id, EventKind.CONVERTED, date(2020, 1, 1))
    assert ctx.members.get(member_id).full_member_on == date(1976, 7, 1)
    assert ctx.members.history(member_id) == []


def test_conversion_on_the_day_of_joining_is_refused(ctx):
    member_id = ctx.members.add(LI)
    with pytest.raises(ActionRefused):
        ctx.members.record_event(member_id, EventKind.CONVERTED, LI.joined_on)
    assert ctx.members.get(member_id).category is MemberCategory.PROBATIONARY


def test_the_branch_name(ctx):
    assert ctx.members.branch_name() == "测试党支部"
    ctx.members.set_branch_name("  第二党支部 ")
    assert ctx.members.branch_name() == "第二党支部"
    with pytest.raises(ActionRefused):
        ctx.members.set_branch_name("   ")


def test_a_status_change_from_a_state_the_member_is_not_in_is_refused(ctx, clock):
    mid = ctx.members.add(MemberRecord(name="王芳", gender=Gender.FEMALE, category=MemberCategory.FULL))
    day = clock.today() - timedelta(days=10)
    with pytest.raises(ActionRefused, match="王芳"):
        ctx.members.record_event(mid, EventKind.CONTACT_RESTORED, day)
    ctx.members.record_event(mid, EventKind.LOST_CONTACT, day)
    with pytest.raises(ActionRefused):
        ctx.members.record_event(mid, EventKind.LOST_CONTACT, day)
    with pytest.raises(ActionRefused):
        ctx.members.record_event(mid, EventKind.RESTORED, day)
    assert [e.kind for e in ctx.members.history(mid)] == [EventKind.LOST_CONTACT]
