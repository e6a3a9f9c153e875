"""Signing requests (core.signing): what is covered, constant-time checks, the clock offset."""
from __future__ import annotations

import hashlib
import hmac

from hypothesis import given
from hypothesis import strategies as st

from core import signing

SECRET = bytes(range(32))


def test_the_canonical_string_is_method_path_body_hash_timestamp_nonce():
    text = signing.canonical("post", "/api/v1/packets?x=1", b"{}", 1795000000, "abcdefghijklmnop")
    assert text == ("POST\n/api/v1/packets?x=1\n" + hashlib.sha256(b"{}").hexdigest() + "\n1795000000\nabcdefghijklmnop").encode()
    expected = hmac.new(SECRET, text, hashlib.sha256).hexdigest()
    assert signing.sign(SECRET, "POST", "/api/v1/packets?x=1", b"{}", 1795000000, "abcdefghijklmnop") == expected


@given(st.sampled_from(["method", "path", "body", "timestamp", "nonce", "secret"]))
def test_changing_any_part_breaks_the_signature(part):
    args = {"method": "POST", "path": "/api/v1/packets", "body": b'{"a":1}', "timestamp": 1795000000,
            "nonce": "n" * 24}
    signature = signing.sign(SECRET, **args)
    secret = SECRET
    changed = dict(args)
    if part == "secret":
        secret = bytes(32)
    elif part == "timestamp":
        changed["timestamp"] += 1
    elif part == "body":
        changed["body"] = b'{"a":2}'
    else:
        changed[part] = ("GET" if part == "method" else args[part] + "x")
    assert signing.verify(SECRET, signature, **args)
    assert not signing.verify(secret, signature, **changed)


def test_signed_headers_parse_back_and_malformed_ones_do_not():
    headers = signing.signed_headers("k0123456789", SECRET, "GET", "/x", b"", 1795000000)
    parsed = signing.parse_headers(headers)
    assert (parsed.key_id, parsed.timestamp) == ("k0123456789", 1795000000)
    assert signing.verify(SECRET, parsed.signature, "GET", "/x", b"", parsed.timestamp, parsed.nonce)
    for name, bad in ((signing.HEADER_TIMESTAMP, "-5"), (signing.HEADER_TIMESTAMP, "１２３"),
                      (signing.HEADER_NONCE, "short"), (signing.HEADER_SIGNATURE, "zz" * 32),
                      (signing.HEADER_KEY, "k y")):
        assert signing.parse_headers(headers | {name: bad}) is None, (name, bad)
    assert signing.parse_headers({}) is None
    assert not signing.verify(SECRET, "é" * 64, "GET", "/x", b"", 1, "n" * 16)  # not ASCII: no exception


def test_freshness_is_five_minutes_either_way():
    assert signing.fresh(1000, 1000 + 300) and signing.fresh(1000, 1000 - 300)
    assert not signing.fresh(1000, 1000 + 301) and not signing.fresh(1000, 1000 - 7200)


def test_the_offset_turns_a_wrong_pc_clock_into_the_servers_time():
    offset = signing.ClockOffset()
    pc_now = 1_795_000_000 + 2 * 3600  # the PC runs two hours fast
    server_time = 1_795_000_000.4
    offset.observe(server_time, sent_at=pc_now - 0.2, received_at=pc_now + 0.2)
    assert abs(offset.seconds + 7200) < 1
    assert signing.fresh(offset.server_now(pc_now + 60), server_time + 60)


def test_a_file_signature_covers_the_body_only():
    body = b'{"seq":1}'
    signature = signing.file_signature(SECRET, body)
    assert signing.verify_file_signature(SECRET, signature, body)
    assert not signing.verify_file_signature(SECRET, signature, b'{"seq":2}')
    assert signature != signing.sign(SECRET, "POST", "/", body, 0, "")  # not interchangeable with a request's
