"""Fuzzing every parser of text that comes from a QR code, a scanner, a phone or a USB stick
(issue 8): arbitrary input gives the parsed value or the module's documented refusal, never
another exception; and what the module makes, it reads back. (The phone's ballot, parsed in
desktop/lan, is fuzzed in tests/desktop/test_fuzz_inputs.py.)

    BRANCHDESK_FUZZ_EXAMPLES=20000 pytest tests/core/test_fuzz_payloads.py   # a long run
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timedelta

from hypothesis import HealthCheck, example, given, settings, strategies as st

from core import ballot_codes, signin, signing, syncfile

EXAMPLES = int(os.environ.get("BRANCHDESK_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=1000, suppress_health_check=[HealthCheck.too_slow])
NOW = datetime(2026, 11, 20, 9, 30)

secrets_ = st.binary(min_size=1, max_size=64)
public_ids = st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)
# Text a scanner, a keyboard wedge or a phone may send: anything, and things close to ours.
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def near(prefix: str) -> st.SearchStrategy[str]:
    pieces = st.one_of(st.text(alphabet=B32 + B32.lower() + ":0123456789", max_size=20), st.text(max_size=5),
                       st.sampled_from([":", "\n", "\r\n", "\x00", " ", "\u3000", "=", "ß", "ﬀ", "İ", "٣"]))
    return st.builds(lambda parts: prefix + "".join(parts), st.lists(pieces, max_size=8))


any_text = st.one_of(st.text(max_size=200), near("BD1:"), near("BV1:"), near("bd1:"), near("https://10.0.0.2/m/"),
                     st.text(alphabet=B32.lower() + "\n ", max_size=40))


# -- member badges (kiosk scanner) ---------------------------------------------------------------

@FUZZ
@given(secrets_, any_text)
def test_a_badge_read_never_raises(secret, text):
    read = signin.read_payload(secret, text)
    assert isinstance(read, signin.BadgeRead)
    assert (read.public_id is None) != (read.refusal is None)
    if read.public_id is not None:
        assert signin.PUBLIC_ID.match(read.public_id)


@FUZZ
@given(secrets_, public_ids, st.sampled_from(["", " ", "\r\n", "\n"]), st.booleans())
def test_a_badge_reads_back_as_its_member(secret, public_id, padding, caps_lock):
    payload = signin.member_payload(secret, public_id)
    typed = payload.lower() if caps_lock else payload
    assert signin.read_payload(secret, padding + typed + padding) == signin.BadgeRead(public_id, None)


@FUZZ
@given(secrets_, secrets_, public_ids)
def test_another_branchs_badge_is_never_read_as_ours(ours, theirs, public_id):
    read = signin.read_payload(ours, signin.member_payload(theirs, public_id))
    assert read.public_id is None or ours == theirs or signin.branch_tag(ours) == signin.branch_tag(theirs) and read.public_id == public_id


# -- the phone page's meeting token (part of the URL the phone opens) ----------------------------

@FUZZ
@given(secrets_, any_text)
@example(b"k", "a" * 29 + "\n")  # found by this test: $ matched before a final newline, then b32decode raised
def test_a_meeting_token_read_never_raises(secret, token):
    assert signin.read_meeting_token(secret, token, NOW) is None or isinstance(signin.read_meeting_token(secret, token, NOW), int)


@FUZZ
@given(secrets_, st.integers(0, 2**32 - 1), st.integers(1, 60 * 24 * 365))
def test_a_meeting_token_reads_back_until_it_expires(secret, meeting_id, minutes):
    expires = NOW + timedelta(minutes=minutes)
    token = signin.meeting_token(secret, meeting_id, expires)
    assert signin.read_meeting_token(secret, token, NOW) == meeting_id
    assert signin.read_meeting_token(secret, token, expires + timedelta(minutes=1)) is None
    assert signin.read_meeting_token(secret, token + "\n", NOW) is None


# -- ballots: one-time codes, paper serials, the phone page's poll token ---------------------------

@FUZZ
@given(any_text)
def test_a_typed_code_is_eight_ascii_digits_or_none(text):
    code = ballot_codes.normalise_code(text)
    assert code is None or (len(code) == ballot_codes.CODE_DIGITS and code.isascii() and code.isdigit())


@FUZZ
@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_a_printed_code_reads_back(code):
    assert ballot_codes.normalise_code(ballot_codes.show_code(code)) == code
    assert ballot_codes.normalise_code(ballot_codes.show_code(code).translate({0x30 + i: 0xFF10 + i for i in range(10)})) == code


@FUZZ
@given(secrets_, st.integers(0, 10**9), any_text)
def test_a_serial_read_never_raises(secret, poll_id, text):
    read = ballot_codes.read_serial(secret, poll_id, text)
    assert isinstance(read, ballot_codes.SerialRead)
    assert not (read.ok and read.wrong_poll)


@FUZZ
@given(secrets_, st.integers(1, 999_999_999), st.booleans())
def test_a_serial_reads_back_for_its_poll_only(secret, poll_id, caps_lock):
    serial = ballot_codes.new_serial(secret, poll_id)
    read = ballot_codes.read_serial(secret, poll_id, serial.lower() if caps_lock else serial)
    assert read.ok and read.key == serial.split(":")[3]
    assert ballot_codes.read_serial(secret, poll_id + 1, serial) == ballot_codes.SerialRead(False, wrong_poll=True)


@FUZZ
@given(secrets_, any_text)
def test_a_poll_token_read_never_raises(secret, token):
    got = ballot_codes.poll_of_token(secret, token)
    assert got is None or isinstance(got, int)


@FUZZ
@given(secrets_, st.integers(0, 2**32 - 1))
def test_a_poll_token_reads_back(secret, poll_id):
    assert ballot_codes.poll_of_token(secret, ballot_codes.poll_token(secret, poll_id)) == poll_id


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=25),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=12)

# -- the signed request headers the central server reads ------------------------------------------

@FUZZ
@given(st.dictionaries(st.sampled_from([signing.HEADER_KEY, signing.HEADER_TIMESTAMP, signing.HEADER_NONCE, signing.HEADER_SIGNATURE]),
                       st.one_of(st.text(max_size=80), st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
                                 st.text(alphabet="0123456789٣", max_size=14)), max_size=4))
def test_signing_headers_are_parsed_or_refused(headers):
    got = signing.parse_headers(headers)
    assert got is None or isinstance(got, signing.SignedRequest)


@FUZZ
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=8, max_size=40), secrets_,
       st.binary(max_size=200), st.integers(0, 10**11))
def test_signing_headers_read_back(key_id, secret, body, timestamp):
    headers = signing.signed_headers(key_id, secret, "POST", "/api/v1/packets", body, timestamp)
    got = signing.parse_headers(headers)
    assert got is not None and got.key_id == key_id and got.timestamp == timestamp
    assert signing.verify(secret, got.signature, "POST", "/api/v1/packets", body, got.timestamp, got.nonce)


# -- the summary file carried by USB -------------------------------------------------------------------

@FUZZ
@given(st.one_of(st.binary(max_size=300), json_values.map(lambda v: json.dumps(v).encode()),
                 st.dictionaries(st.sampled_from(["format", "version", "branch", "key_id", "exported_at", "packets"]), json_values)
                 .map(lambda d: json.dumps({"format": syncfile.FORMAT, "version": 1, **d}).encode())))
def test_a_summary_file_is_loaded_or_refused(data):
    try:
        got = syncfile.load(data)
    except syncfile.SyncFileError:
        return
    assert isinstance(got, syncfile.SyncFile)


@FUZZ
@given(st.text(max_size=20), st.text(max_size=20), secrets_, st.lists(st.text(max_size=50).map(str.encode), max_size=4), st.text(max_size=25))
def test_a_summary_file_reads_back(branch, key_id, secret, bodies, exported_at):
    bodies = [b.decode("utf-8", "surrogatepass").encode("utf-8", "surrogatepass") for b in bodies]
    try:
        data = syncfile.dump(branch, key_id, secret, bodies, exported_at)
    except UnicodeEncodeError:
        return  # a lone surrogate cannot be a packet: packets are UTF-8 JSON made by json.dumps
    got = syncfile.load(data)
    assert (got.branch, got.key_id, got.exported_at) == (branch, key_id, exported_at)
    assert [e.body for e in got.entries] == bodies
    assert all(signing.verify_file_signature(secret, e.signature, e.body) for e in got.entries)
