"""The member record's rules (DOMAIN §4, §5): what blocks saving and what only warns."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from core.idnumber import check_digit
from core.members import (Gender, MemberCategory, MemberRecord, complete_from_id, missing_required,
                          probation_ends, validate)

TODAY = date(2026, 11, 20)
# 11010519491231002X: born 1949-12-31, female.
ZHANG = MemberRecord(name="张伟", id_number="11010519491231002X", gender=Gender.FEMALE,
                     birth_date=date(1949, 12, 31), category=MemberCategory.FULL,
                     joined_on=date(1975, 7, 1), full_member_on=date(1976, 7, 1))


def error_fields(rec: MemberRecord) -> set[str]:
    return {f for f, _ in validate(rec, TODAY).errors}


def warning_fields(rec: MemberRecord) -> set[str]:
    return {f for f, _ in validate(rec, TODAY).warnings}


def test_a_proper_record_has_no_problems():
    problems = validate(ZHANG, TODAY)
    assert problems.ok and not problems.warnings


def test_a_member_with_nothing_but_a_name_is_fine():
    assert validate(MemberRecord(name="李娜"), TODAY).ok


@pytest.mark.parametrize("name", ["", "   "])
def test_the_name_is_required(name):
    assert error_fields(MemberRecord(name=name)) == {"name"}


def test_a_name_longer_than_the_column_is_refused():
    assert "name" in error_fields(MemberRecord(name="阿" * 41))
    assert validate(MemberRecord(name="阿" * 40), TODAY).ok


def test_a_wrong_id_number_is_an_error_on_that_field():
    assert error_fields(ZHANG.with_changes(id_number="360426199101010072")) == {"id_number"}
    assert error_fields(ZHANG.with_changes(id_number="1.10105E+17")) == {"id_number"}


def test_birth_date_that_disagrees_with_the_id_number():
    problems = validate(ZHANG.with_changes(birth_date=date(1949, 12, 30)), TODAY)
    assert [f for f, _ in problems.errors] == ["birth_date"]
    assert "1949-12-31" in problems.errors[0][1]  # says what the ID number holds


def test_gender_that_disagrees_with_the_id_number():
    assert error_fields(ZHANG.with_changes(gender=Gender.MALE)) == {"gender"}
    male = ZHANG.with_changes(id_number="360426199101010071", birth_date=date(1991, 1, 1),
                              joined_on=date(2015, 7, 1), full_member_on=date(2016, 7, 1))
    assert error_fields(male.with_changes(gender=Gender.FEMALE)) == {"gender"}
    assert validate(male.with_changes(gender=Gender.MALE), TODAY).ok


@pytest.mark.parametrize("full_member_on", [date(1975, 7, 1), date(1975, 6, 30), date(1970, 1, 1)])
def test_becoming_full_member_on_or_before_joining_is_an_error(full_member_on):
    assert error_fields(ZHANG.with_changes(full_member_on=full_member_on)) == {"full_member_on"}


def test_less_than_a_year_of_probation_only_warns():
    rec = ZHANG.with_changes(full_member_on=date(1976, 6, 30))
    problems = validate(rec, TODAY)
    assert problems.ok
    assert {f for f, _ in problems.warnings} == {"full_member_on"}
    assert not warning_fields(ZHANG.with_changes(full_member_on=date(1976, 7, 1)))


def test_joining_before_18_warns():
    # Born 1949-12-31: 18 on 1967-12-31.
    assert warning_fields(ZHANG.with_changes(joined_on=date(1967, 12, 30), full_member_on=date(1968, 12, 30))) == {"joined_on"}
    assert not warning_fields(ZHANG.with_changes(joined_on=date(1967, 12, 31), full_member_on=date(1968, 12, 31)))


def test_under_18_is_judged_from_the_id_number_when_no_birth_date_was_typed():
    rec = ZHANG.with_changes(birth_date=None, joined_on=date(1960, 1, 1), full_member_on=date(1961, 1, 1))
    assert "joined_on" in warning_fields(rec)


def test_joining_before_being_born_is_an_error():
    assert "joined_on" in error_fields(ZHANG.with_changes(joined_on=date(1940, 1, 1), full_member_on=None))


@pytest.mark.parametrize("field", ["birth_date", "joined_on", "full_member_on", "lost_contact_on"])
def test_dates_in_the_future_are_errors(field):
    rec = MemberRecord(name="王芳", lost_contact=True, **{field: TODAY + timedelta(days=1)})
    assert field in error_fields(rec)
    assert field not in error_fields(rec.with_changes(**{field: TODAY}))


def test_an_id_number_whose_birth_date_is_in_the_future():
    first17 = "110105" + "20270101" + "002"
    rec = MemberRecord(name="王芳", id_number=first17 + check_digit(first17))
    assert "id_number" in error_fields(rec)


def test_a_probationary_member_has_no_date_of_becoming_full():
    rec = ZHANG.with_changes(category=MemberCategory.PROBATIONARY)
    assert error_fields(rec) == {"full_member_on"}
    assert validate(rec.with_changes(full_member_on=None), TODAY).ok


def test_lost_contact_date_needs_the_lost_contact_mark():
    rec = ZHANG.with_changes(lost_contact_on=date(2020, 1, 1))
    assert error_fields(rec) == {"lost_contact_on"}
    assert validate(rec.with_changes(lost_contact=True), TODAY).ok


def test_destination_needs_the_mobile_mark():
    rec = ZHANG.with_changes(mobile_destination="深圳")
    assert error_fields(rec) == {"mobile_destination"}
    assert validate(rec.with_changes(mobile=True), TODAY).ok


@pytest.mark.parametrize("phone, warns", [
    ("13800000000", False), ("138 0000 0000", False), ("010-12345678", False), ("12800000000", True),
    ("12345", True), ("1380000000000000", True),
])
def test_phone_numbers_that_look_incomplete_warn(phone, warns):
    problems = validate(ZHANG.with_changes(phone=phone), TODAY)
    assert problems.ok
    assert ("phone" in {f for f, _ in problems.warnings}) is warns


def test_a_negative_dues_base_is_refused():
    assert error_fields(ZHANG.with_changes(dues_base_fen=-1)) == {"dues_base_fen"}
    assert validate(ZHANG.with_changes(dues_base_fen=0), TODAY).ok


# -- completing from the ID number ------------------------------------------------

def test_birth_date_and_gender_are_filled_from_the_id_number():
    rec = complete_from_id(MemberRecord(name="张伟", id_number="11010519491231002x"))
    assert rec.id_number == "11010519491231002X"
    assert rec.birth_date == date(1949, 12, 31)
    assert rec.gender is Gender.FEMALE


def test_what_was_typed_is_not_overwritten_so_that_validation_can_object():
    rec = complete_from_id(MemberRecord(name="张伟", id_number="11010519491231002X", gender=Gender.MALE))
    assert rec.gender is Gender.MALE
    assert "gender" in error_fields(rec)


def test_an_invalid_id_number_completes_nothing():
    rec = MemberRecord(name="张伟", id_number="360426199101010072")
    assert complete_from_id(rec) == rec
    assert complete_from_id(MemberRecord(name="张伟")) == MemberRecord(name="张伟")


@given(st.integers(110000, 659999), st.dates(date(1930, 1, 1), date(2008, 11, 20)), st.integers(0, 999))
def test_a_record_completed_from_its_id_number_agrees_with_it(region, born, seq):
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    rec = complete_from_id(MemberRecord(name="张伟", id_number=first17 + check_digit(first17)))
    assert rec.birth_date == born
    assert rec.gender is (Gender.MALE if seq % 2 else Gender.FEMALE)
    assert validate(rec, TODAY).ok


# -- required items, probation ---------------------------------------------------------

def test_missing_required_items():
    assert missing_required(MemberRecord(name="张伟")) == [
        "gender", "ethnicity", "id_number", "birth_date", "education", "category", "joined_on", "post",
        "phone", "address"]
    complete = ZHANG.with_changes(ethnicity="汉族", education="大学", post="退休", phone="13800000000", address="北京")
    assert missing_required(complete) == []
    assert missing_required(complete.with_changes(full_member_on=None)) == ["full_member_on"]
    probationary = complete.with_changes(category=MemberCategory.PROBATIONARY, full_member_on=None)
    assert missing_required(probationary) == []


@pytest.mark.parametrize("joined, ends", [
    (date(2025, 7, 1), date(2026, 7, 1)),
    (date(2024, 2, 29), date(2025, 2, 28)),  # no 29 Feb: the month's last day
    (date(2027, 2, 28), date(2028, 2, 28)),
    (date(2025, 12, 31), date(2026, 12, 31)),
])
def test_probation_ends_one_year_after_the_branch_meeting(joined, ends):
    rec = MemberRecord(name="张伟", category=MemberCategory.PROBATIONARY, joined_on=joined)
    assert probation_ends(rec) == ends


def test_only_probationary_members_with_a_joining_date_have_a_probation_end():
    assert probation_ends(ZHANG) is None
    assert probation_ends(MemberRecord(name="张伟", category=MemberCategory.PROBATIONARY)) is None


@given(st.dates(date(1950, 1, 1), date(2100, 12, 31)))
def test_probation_is_always_one_calendar_year(joined):
    ends = probation_ends(MemberRecord(name="张伟", category=MemberCategory.PROBATIONARY, joined_on=joined))
    assert ends.year == joined.year + 1 and ends.month == joined.month
    assert (ends - joined).days in (365, 366)


# -- record_from_values is the constructor, faster ----------------------------------

_FIELD_VALUES = {
    "gender": st.sampled_from(list(Gender) + [None]),
    "ethnicity": st.text(max_size=3),
    "id_number": st.sampled_from(["", "11010519491231002X"]),
    "birth_date": st.none() | st.dates(),
    "category": st.sampled_from(list(MemberCategory) + [None]),
    "joined_on": st.none() | st.dates(),
    "lost_contact": st.booleans(),
    "group": st.text(max_size=3),
    "dues_base_fen": st.none() | st.integers(),
}


@given(st.text(max_size=5), st.fixed_dictionaries({}, optional=_FIELD_VALUES))
def test_record_from_values_gives_the_record_the_constructor_gives(name, values):
    from core.members import record_from_values
    values = {"name": name, **values}
    made = record_from_values(values)
    assert made == MemberRecord(**values) and repr(made) == repr(MemberRecord(**values))
    assert type(made) is MemberRecord


def test_record_from_values_refuses_what_the_constructor_refuses():
    from dataclasses import FrozenInstanceError

    from core.members import record_from_values
    with pytest.raises(TypeError):
        record_from_values({"nam": "张伟"})
    with pytest.raises(TypeError):
        record_from_values({"ethnicity": "汉族"})   # no name
    with pytest.raises(FrozenInstanceError):
        record_from_values({"name": "张伟"}).name = "李娜"
    # It skips __init__: a __post_init__ added to MemberRecord would have to be called there.
    assert not hasattr(MemberRecord, "__post_init__")
