"""Signed requests between a branch and the central server (DESIGN: Sync).

A branch holds a key from enrollment: a public key id and a 32-byte secret shared with the
server. Every request it makes carries the key id, a timestamp, a fresh nonce and an
HMAC-SHA256 over the canonical string

    METHOD \\n PATH \\n sha256(body) hex \\n TIMESTAMP \\n NONCE

so that neither the body nor where it goes can be changed, and a captured request cannot be
sent again (the server keeps each nonce until its timestamp is stale anyway). Timestamps are
Unix seconds by the server's clock as far as the client knows it: every answer carries the
server's time, and a client whose PC clock is hours off keeps the difference and signs with
the server's time (``ClockOffset``).

Packets carried by file (USB) are signed the same way over their body alone
(``file_signature``): a file is not a request, so it has no path, time or nonce to bind.

Only the standard library: both the desktop program and the server use this module.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

HEADER_KEY = "X-BranchDesk-Key"
HEADER_TIMESTAMP = "X-BranchDesk-Timestamp"
HEADER_NONCE = "X-BranchDesk-Nonce"
HEADER_SIGNATURE = "X-BranchDesk-Signature"
# On every answer of the server, signed request or not: its clock, Unix seconds (a float).
HEADER_SERVER_TIME = "X-BranchDesk-Server-Time"

# A request whose timestamp is further than this from the server's clock is refused.
MAX_SKEW_SECONDS = 300
SECRET_BYTES = 32

_NONCE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_KEY_ID = re.compile(r"^[A-Za-z0-9_-]{8,40}$")
_SIGNATURE = re.compile(r"^[0-9a-f]{64}$")


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def canonical(method: str, path: str, body: bytes, timestamp: int, nonce: str) -> bytes:
    """What is signed. ``path`` is the request target as sent: path and query string."""
    return "\n".join((method.upper(), path, body_hash(body), str(int(timestamp)), nonce)).encode("utf-8")


def sign(secret: bytes, method: str, path: str, body: bytes, timestamp: int, nonce: str) -> str:
    return hmac.new(secret, canonical(method, path, body, timestamp, nonce), hashlib.sha256).hexdigest()


def verify(secret: bytes, signature: str, method: str, path: str, body: bytes, timestamp: int, nonce: str) -> bool:
    """Constant-time: how much of a wrong signature matched must not show in the time taken."""
    expected = sign(secret, method, path, body, timestamp, nonce)
    return hmac.compare_digest(expected.encode("ascii"), signature.encode("ascii", "replace"))


def new_nonce() -> str:
    return secrets.token_urlsafe(18)  # 24 characters


def new_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def signed_headers(key_id: str, secret: bytes, method: str, path: str, body: bytes, timestamp: int,
                   nonce: str | None = None) -> dict[str, str]:
    nonce = nonce or new_nonce()
    return {
        HEADER_KEY: key_id,
        HEADER_TIMESTAMP: str(int(timestamp)),
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: sign(secret, method, path, body, timestamp, nonce),
    }


@dataclass(frozen=True)
class SignedRequest:
    """The signing headers of a request, checked for form (not yet for truth)."""
    key_id: str
    timestamp: int
    nonce: str
    signature: str


def parse_headers(headers) -> SignedRequest | None:
    """The four headers from a case-insensitive mapping; None if any is missing or malformed."""
    key_id = headers.get(HEADER_KEY) or ""
    stamp = headers.get(HEADER_TIMESTAMP) or ""
    nonce = headers.get(HEADER_NONCE) or ""
    signature = (headers.get(HEADER_SIGNATURE) or "").lower()
    if not (_KEY_ID.match(key_id) and _NONCE.match(nonce) and _SIGNATURE.match(signature)):
        return None
    if not stamp.isascii() or not stamp.isdigit() or len(stamp) > 12:
        return None
    return SignedRequest(key_id, int(stamp), nonce, signature)


def fresh(timestamp: int, server_now: float, max_skew: int = MAX_SKEW_SECONDS) -> bool:
    return abs(timestamp - server_now) <= max_skew


def file_signature(secret: bytes, body: bytes) -> str:
    """A packet's signature in a file carried by USB."""
    return hmac.new(secret, b"FILE\n" + body_hash(body).encode("ascii"), hashlib.sha256).hexdigest()


def verify_file_signature(secret: bytes, signature: str, body: bytes) -> bool:
    return hmac.compare_digest(file_signature(secret, body).encode("ascii"), signature.encode("ascii", "replace"))


class ClockOffset:
    """The server's clock minus this PC's, learnt from the server's answers.

    ``observe`` takes the server's time from an answer and the local times the request was
    sent and the answer came back; the midpoint stands for the moment the server read its
    clock (half the round trip is the error, well inside MAX_SKEW_SECONDS)."""

    def __init__(self, seconds: float = 0.0):
        self.seconds = float(seconds)

    def observe(self, server_time: float, sent_at: float, received_at: float) -> float:
        self.seconds = server_time - (sent_at + received_at) / 2
        return self.seconds

    def server_now(self, local_now: float) -> int:
        return int(round(local_now + self.seconds))
