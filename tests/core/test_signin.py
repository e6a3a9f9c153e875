"""Sign-in rules (DOMAIN §7): the printed code and its MAC, the phone page's token, the windows
at their exact edges, and what a repeated scan does."""
from __future__ import annotations

import string
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from core.signin import (Outcome, Recorded, Refusal, SigninRules, branch_tag, decide, meeting_token, member_payload,
                         phase, phone_digits, read_meeting_token, read_payload, rules_from_settings)

SECRET = bytes(range(32))
OTHER = bytes(range(1, 33))
PUBLIC_ID = "a1b2c3d4e5f60001"
START = datetime(2026, 11, 20, 14, 30)
END = datetime(2026, 11, 20, 16, 0)
RULES = SigninRules()
SEC = timedelta(seconds=1)
M = timedelta(minutes=1)
QR_ALPHANUMERIC = set(string.digits + string.ascii_uppercase + " $%*+-./:")


def test_a_payload_is_short_alphanumeric_and_carries_nothing_personal():
    payload = member_payload(SECRET, PUBLIC_ID)
    assert payload.startswith("BD1:" + branch_tag(SECRET) + ":A1B2C3D4E5F60001:")
    assert len(payload) == 42
    assert set(payload) <= QR_ALPHANUMERIC  # QR alphanumeric mode: version 3 at level M
    assert read_payload(SECRET, payload).public_id == PUBLIC_ID
    assert read_payload(SECRET, payload).refusal is None


def test_the_scanner_s_enter_and_caps_lock_do_not_matter():
    payload = member_payload(SECRET, PUBLIC_ID)
    assert read_payload(SECRET, payload + "\r\n").public_id == PUBLIC_ID
    assert read_payload(SECRET, payload.lower()).public_id == PUBLIC_ID  # the whole code in lower case


def test_another_branch_s_code_has_its_own_reason():
    theirs = member_payload(OTHER, PUBLIC_ID)
    assert branch_tag(OTHER) != branch_tag(SECRET)
    assert read_payload(SECRET, theirs).refusal is Refusal.OTHER_BRANCH


def test_what_is_not_a_badge():
    assert read_payload(SECRET, "").refusal is Refusal.UNREADABLE
    assert read_payload(SECRET, "6901234567892").refusal is Refusal.UNREADABLE  # a product's barcode
    assert read_payload(SECRET, "BD1:garbage").refusal is Refusal.FORGED
    token = meeting_token(SECRET, 7, END)
    assert read_payload(SECRET, f"http://192.168.1.20:8765/m/{token}").refusal is Refusal.MEETING_CODE


@settings(max_examples=400, deadline=None)
@given(position=st.integers(min_value=0, max_value=41), replacement=st.characters(codec="utf-8"))
def test_any_single_character_change_is_refused(position, replacement):
    payload = member_payload(SECRET, PUBLIC_ID)
    changed = payload[:position] + replacement + payload[position + 1:]
    if changed == payload:
        return
    read = read_payload(SECRET, changed)
    assert read.public_id is None
    assert read.refusal in (Refusal.FORGED, Refusal.OTHER_BRANCH, Refusal.UNREADABLE)


@settings(max_examples=200, deadline=None)
@given(position=st.integers(min_value=1, max_value=41), extra=st.sampled_from(sorted(QR_ALPHANUMERIC - {" "})))
def test_a_character_added_or_dropped_inside_the_code_is_refused(position, extra):
    payload = member_payload(SECRET, PUBLIC_ID)
    assert read_payload(SECRET, payload[:position] + extra + payload[position:]).public_id is None
    assert read_payload(SECRET, payload[:position - 1] + payload[position:]).public_id is None


@given(public_id=st.text(alphabet="0123456789abcdef", min_size=16, max_size=16))
def test_every_member_s_code_reads_back(public_id):
    assert read_payload(SECRET, member_payload(SECRET, public_id)).public_id == public_id


def test_a_public_id_that_is_not_one_is_not_encoded():
    with pytest.raises(ValueError):
        member_payload(SECRET, "张三")


# -- the phone page's token ---------------------------------------------------------------------

def test_the_meeting_token_reads_back_until_it_expires():
    token = meeting_token(SECRET, 42, END + timedelta(hours=1))
    assert len(token) == 29 and token == token.lower()
    assert read_meeting_token(SECRET, token, START) == 42
    assert read_meeting_token(SECRET, token, END + timedelta(hours=1)) == 42
    assert read_meeting_token(SECRET, token, END + timedelta(hours=1, minutes=1)) is None
    assert read_meeting_token(OTHER, token, START) is None
    assert read_meeting_token(SECRET, "not-a-token", START) is None


@settings(max_examples=200, deadline=None)
@given(position=st.integers(min_value=0, max_value=28), replacement=st.sampled_from("abcdefghijklmnopqrstuvwxyz234567"))
def test_a_changed_token_is_refused(position, replacement):
    token = meeting_token(SECRET, 42, END)
    changed = token[:position] + replacement + token[position + 1:]
    if changed != token:
        assert read_meeting_token(SECRET, changed, START) is None


# -- windows at their edges -------------------------------------------------------------------

def scan(now, recorded=Recorded()):
    return decide(now, START, END, recorded, RULES)


def test_sign_in_opens_thirty_minutes_before_the_start():
    assert scan(START - 30 * M - SEC).refusal is Refusal.NOT_OPEN
    assert scan(START - 30 * M - SEC).when == START - 30 * M
    assert scan(START - 30 * M).outcome is Outcome.SIGNED_IN
    assert scan(START - 30 * M).record == "in"


def test_after_the_start_is_late_until_fifteen_minutes_after_it():
    assert scan(START).outcome is Outcome.SIGNED_IN
    assert scan(START + SEC).outcome is Outcome.LATE
    assert scan(START + 15 * M).outcome is Outcome.LATE
    refused = scan(START + 15 * M + SEC)
    assert refused.outcome is Outcome.REJECTED and refused.refusal is Refusal.SIGNIN_CLOSED
    assert refused.when == START + 15 * M


def test_no_sign_out_without_signing_in():
    assert scan(END).refusal is Refusal.SIGNIN_CLOSED
    assert scan(END + timedelta(hours=3)).refusal is Refusal.SIGNIN_CLOSED


def test_sign_out_opens_fifteen_minutes_before_the_end():
    signed_in = Recorded(START - 5 * M)
    early = scan(END - 15 * M - SEC, signed_in)
    assert early.outcome is Outcome.SIGNED_IN and early.repeat and early.record is None
    assert early.when == END - 15 * M
    assert scan(END - 15 * M, signed_in).outcome is Outcome.SIGNED_OUT
    assert scan(END - 15 * M, signed_in).record == "out"
    assert scan(END + timedelta(hours=2), signed_in).outcome is Outcome.SIGNED_OUT


def test_a_repeated_scan_changes_nothing():
    again = scan(START - 10 * M, Recorded(START - 20 * M))
    assert (again.outcome, again.record, again.repeat, again.at) == (Outcome.SIGNED_IN, None, True, START - 20 * M)
    late = scan(START + 10 * M, Recorded(START + 5 * M, late=True))
    assert (late.outcome, late.record) == (Outcome.LATE, None)
    out = scan(END + M, Recorded(START, signed_out_at=END - 5 * M))
    assert (out.outcome, out.record, out.at) == (Outcome.SIGNED_OUT, None, END - 5 * M)


def test_a_short_meeting_does_not_sign_out_at_the_door():
    """A 20-minute meeting: sign-out opens before sign-in closes; a second scan while sign-in
    is still open is a repeat, not a sign-out."""
    end = START + 20 * M
    signed_in = Recorded(START)
    assert decide(START + 10 * M, START, end, signed_in, RULES).repeat
    assert decide(START + 15 * M + SEC, START, end, signed_in, RULES).outcome is Outcome.SIGNED_OUT


@settings(max_examples=300, deadline=None)
@given(offset=st.integers(min_value=-180 * 60, max_value=300 * 60))
def test_the_windows_hold_everywhere(offset):
    now = START + timedelta(seconds=offset)
    first = scan(now)
    if START - 30 * M <= now <= START + 15 * M:
        assert first.record == "in" and first.outcome is (Outcome.LATE if now > START else Outcome.SIGNED_IN)
    else:
        assert first.outcome is Outcome.REJECTED
    second = scan(now, Recorded(START - 30 * M))
    assert (second.record == "out") == (now >= END - 15 * M)


def test_the_rules_come_from_the_settings_with_sane_defaults():
    rules = rules_from_settings({"signin.open_before_minutes": 60, "signin.close_after_minutes": "15",
                                 "signin.signout_before_end_minutes": -3})
    assert rules.open_before == timedelta(minutes=60)
    assert rules.close_after == RULES.close_after          # not a number: the default
    assert rules.signout_before_end == RULES.signout_before_end  # negative: the default


def test_phase_names_what_the_phone_button_does():
    assert phase(START - 31 * M, START, END, RULES) == "before"
    assert phase(START, START, END, RULES) == "signin"
    assert phase(START + 16 * M, START, END, RULES) == "between"
    assert phase(END - 15 * M, START, END, RULES) == "signout"


def test_phone_digits():
    assert phone_digits("138 0013 8000") == "8000"
    assert phone_digits("+86-139-0000-0002") == "0002"
    assert phone_digits("123") == ""
