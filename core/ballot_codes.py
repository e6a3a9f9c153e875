"""What a ballot carries and how it is kept (DESIGN: Ballot secrecy): the voters' one-time codes,
the serials printed on paper ballots, the phone page's poll token, and a ballot's choice as a
fixed-length text.

- A **one-time code** is 8 random digits on a slip that the voter draws at random: easy to type
  on the booth's keypad and on a phone. Only its HMAC under the branch secret is stored (with
  the poll), never the digits and never who drew it; the slips are printed once, when the codes
  are made, and cannot be printed again.
- A **paper serial** (``BV1:<tag>:<poll>:<random>:<MAC>``, upper case, digits and colons so a QR
  code holds it in alphanumeric mode) proves that a paper ballot was printed by this branch for
  this poll, like a member badge (DESIGN: QR payloads). No list of printed serials is kept; a
  counted serial's HMAC is stored only to refuse the same ballot twice.
- A **choice** is the ballot's content as compact ASCII JSON, padded with spaces to the poll's
  fixed size, so that a ballot written into its place overwrites exactly the bytes that were
  there (core/ballot_codes.py's size, desktop/services/ballot_box.py's slots):

      election   {"m": "FAX-", "w": ["\\u5b59\\u4e03"]}   one letter per printed candidate, in ballot order
      decision   {"m": "F"}
      appraisal  {"m": "ECB-"}                            one letter per member rated, in ballot order
      unreadable {"x": 1}                                 (paper only: the tellers could not make it out)

  F 赞成, A 不赞成/反对, X 弃权, - left blank; E 优秀, C 合格, B 基本合格, I 不合格.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass

from core.votes import AppraisalBallot, DecisionBallot, ElectionBallot, Mark, PollKind, Rating

CODE_DIGITS = 8
SERIAL_PREFIX = "BV1"
_SERIAL = re.compile(r"^BV1:([A-Z2-7]{4}):([0-9]{1,9}):([A-Z2-7]{12}):([A-Z2-7]{16})$")
_TOKEN = re.compile(r"^[a-z2-7]{26}$")
MAX_WRITE_IN = 20          # characters of a written-in name
EMPTY = " "                # an unfilled place is all spaces

_MARK_LETTERS = {Mark.FOR: "F", Mark.AGAINST: "A", Mark.ABSTAIN: "X"}
_LETTER_MARKS = {v: k for k, v in _MARK_LETTERS.items()}
_RATING_LETTERS = {Rating.EXCELLENT: "E", Rating.COMPETENT: "C", Rating.BASIC: "B", Rating.INCOMPETENT: "I"}
_LETTER_RATINGS = {v: k for k, v in _RATING_LETTERS.items()}


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _mac(secret: bytes, *parts: str) -> bytes:
    return hmac.new(secret, "|".join(parts).encode("utf-8"), hashlib.sha256).digest()


# -- one-time codes ----------------------------------------------------------------------------

def new_code() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))


def normalise_code(text: str) -> str | None:
    """The digits of a typed code (spaces and dashes dropped; full-width digits read), or None."""
    digits = "".join(ch for ch in text if ch not in " -\u3000")
    digits = digits.translate({0xFF10 + i: 0x30 + i for i in range(10)})
    return digits if len(digits) == CODE_DIGITS and digits.isascii() and digits.isdigit() else None


def code_hash(secret: bytes, poll_id: int, code: str) -> str:
    return _mac(secret, SERIAL_PREFIX, "code", str(poll_id), code).hex()


def show_code(code: str) -> str:
    """As printed on the slip: 1234 5678."""
    return f"{code[:4]} {code[4:]}"


# -- paper serials ------------------------------------------------------------------------------

def serial_tag(secret: bytes) -> str:
    return _b32(_mac(secret, "branchdesk", "ballot-tag"))[:4]


def new_serial(secret: bytes, poll_id: int) -> str:
    random_part = _b32(secrets.token_bytes(8))[:12]
    tag = serial_tag(secret)
    mac = _b32(_mac(secret, SERIAL_PREFIX, "serial", tag, str(poll_id), random_part)[:10])
    return f"{SERIAL_PREFIX}:{tag}:{poll_id}:{random_part}:{mac}"


def serial_short(serial: str) -> str:
    """The part printed under the code for typing it by hand: the random part, in groups."""
    m = _SERIAL.match(serial)
    return f"{m.group(3)[:4]}-{m.group(3)[4:8]}-{m.group(3)[8:]}" if m else serial


@dataclass(frozen=True)
class SerialRead:
    ok: bool
    key: str = ""          # what identifies the ballot: the random part
    wrong_poll: bool = False


def read_serial(secret: bytes, poll_id: int, text: str) -> SerialRead:
    text = text.strip()
    if not any(ch.isupper() for ch in text):
        text = text.upper()  # a scanner typing with Caps Lock on
    m = _SERIAL.match(text)
    if m is None:
        return SerialRead(False)
    tag, poll, random_part, mac = m.groups()
    expected = _b32(_mac(secret, SERIAL_PREFIX, "serial", tag, poll, random_part)[:10])
    if not hmac.compare_digest(tag, serial_tag(secret)) or not hmac.compare_digest(mac, expected):
        return SerialRead(False)
    if int(poll) != poll_id:
        return SerialRead(False, wrong_poll=True)
    return SerialRead(True, random_part)


def serial_hash(secret: bytes, poll_id: int, key: str) -> str:
    return _mac(secret, SERIAL_PREFIX, "counted", str(poll_id), key).hex()


# -- the phone page's poll token ----------------------------------------------------------------

def poll_token(secret: bytes, poll_id: int) -> str:
    """26 lower-case base32 characters: the poll's id and a MAC (the page works while the poll
    is open; the token only keeps strangers from guessing addresses)."""
    body = poll_id.to_bytes(4, "big")
    return _b32(body + _mac(secret, SERIAL_PREFIX, "poll", body.hex())[:12]).lower()


def poll_of_token(secret: bytes, token: str) -> int | None:
    if not _TOKEN.fullmatch(token):  # as signin.read_meeting_token: no final "\n" either
        return None
    try:
        raw = base64.b32decode(token.upper() + "=" * (-len(token) % 8))
    except ValueError:
        return None
    body, mac = raw[:4], raw[4:]
    if not hmac.compare_digest(mac, _mac(secret, SERIAL_PREFIX, "poll", body.hex())[:12]):
        return None
    return int.from_bytes(body, "big")


# -- choices ------------------------------------------------------------------------------------

def choice_size(kind: PollKind, candidates: int, seats: int = 0) -> int:
    """The fixed size (bytes) of a poll's ballots: room for the largest valid choice."""
    base = 16 + candidates
    if kind is PollKind.ELECTION:
        # At most one write-in beside each printed candidate; a name is at most MAX_WRITE_IN
        # characters, each written \\uXXXX.
        base += (MAX_WRITE_IN * 6 + 4) * candidates
    return base


class ChoiceError(ValueError):
    pass


def encode(kind: PollKind, ballot, candidates: list[str], size: int) -> str:
    """A ballot as its fixed-size text."""
    if getattr(ballot, "unreadable", False):
        obj: dict = {"x": 1}
    elif kind is PollKind.ELECTION:
        marks = "".join(_MARK_LETTERS[ballot.marks[c]] if c in ballot.marks else "-" for c in candidates)
        write_ins = [w.strip() for w in ballot.write_ins if w.strip()]
        if len(write_ins) > len(candidates):
            raise ChoiceError("more written-in names than rows on the ballot")
        if any(len(w) > MAX_WRITE_IN for w in write_ins):
            raise ChoiceError(f"a written-in name is longer than {MAX_WRITE_IN} characters")
        obj = {"m": marks, "w": write_ins} if write_ins else {"m": marks}
    elif kind is PollKind.DECISION:
        obj = {"m": _MARK_LETTERS[ballot.vote] if ballot.vote else "-"}
    else:
        obj = {"m": "".join(_RATING_LETTERS[ballot.ratings[c]] if c in ballot.ratings else "-" for c in candidates)}
    text = json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    if len(text) > size:
        raise ChoiceError("the ballot does not fit its poll's size")
    return text.ljust(size, EMPTY)


def is_empty(text: str) -> bool:
    return not text.strip()


def decode(kind: PollKind, text: str, candidates: list[str]):
    """The ballot a stored choice holds (ElectionBallot, DecisionBallot or AppraisalBallot)."""
    obj = json.loads(text)
    if obj.get("x"):
        return {PollKind.ELECTION: ElectionBallot, PollKind.DECISION: DecisionBallot,
                PollKind.APPRAISAL: AppraisalBallot}[kind](unreadable=True)
    letters = obj["m"]
    if kind is PollKind.DECISION:
        return DecisionBallot(_LETTER_MARKS.get(letters))
    if len(letters) != len(candidates):
        raise ChoiceError("the ballot does not match its poll's candidates")
    if kind is PollKind.ELECTION:
        return ElectionBallot({c: _LETTER_MARKS[ch] for c, ch in zip(candidates, letters) if ch != "-"},
                              tuple(obj.get("w", ())))
    return AppraisalBallot({c: _LETTER_RATINGS[ch] for c, ch in zip(candidates, letters) if ch != "-"})
