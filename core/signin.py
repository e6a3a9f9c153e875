"""Sign-in (签到, DOMAIN §7): what a printed code carries, the phone page's meeting token, and
the windows in which a member may sign in and out.

Printed codes carry no personal data (DESIGN: QR payloads). A member's code is

    BD1:<branch tag>:<member public id>:<MAC>

— the tag (4 base32 characters) tells this branch's codes from another branch's, the public id
is the member's opaque random id (16 hex digits), and the MAC is HMAC-SHA256 under the branch's
secret, truncated to 80 bits and written in base32. Every character is upper case, a digit or a
colon, so a QR code holds it in alphanumeric mode (version 3, 29 × 29 modules at level M). A
scanner typing with Caps Lock on sends the whole code in lower case; that one form is read as
the code itself, and any other change of case is a changed code.

The phone page's address carries a meeting token: the meeting's id and an expiry under the same
secret's MAC (short-lived: it expires an hour after the meeting ends, by default).

Windows (settings, defaults from the seed platform): sign-in opens 30 minutes before the start
and closes 15 minutes after it — a member signing in after the start is 迟到; sign-out is open
from 15 minutes before the end until the meeting is closed. All edges are inclusive. A repeated
scan changes nothing and is answered with what was recorded.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import struct
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from core.i18n import translate

PREFIX = "BD1"
TAG_CHARS = 4
MAC_BYTES = 10                 # 80 bits: 16 base32 characters
PUBLIC_ID = re.compile(r"^[0-9a-f]{16}$")
_PAYLOAD = re.compile(r"^BD1:([A-Z2-7]{4}):([0-9A-F]{16}):([A-Z2-7]{16})$")
_LOOKS_LIKE_OURS = re.compile(r"^BD\d*:", re.IGNORECASE)
_TOKEN = re.compile(r"^[a-z2-7]{29}$")
_TOKEN_EPOCH = datetime(2020, 1, 1)


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _mac(secret: bytes, *parts: str) -> bytes:
    return hmac.new(secret, "|".join(parts).encode("utf-8"), hashlib.sha256).digest()


def branch_tag(secret: bytes) -> str:
    """Four characters that differ from branch to branch (derived from the secret, so it is
    not a secret itself and reveals nothing of it)."""
    return _b32(_mac(secret, "branchdesk", "branch-tag"))[:TAG_CHARS]


def member_payload(secret: bytes, public_id: str) -> str:
    """The text of a member's printed code."""
    if not PUBLIC_ID.match(public_id):
        raise ValueError(f"not a member public id: {public_id!r}")
    tag, pid = branch_tag(secret), public_id.upper()
    return f"{PREFIX}:{tag}:{pid}:{_b32(_mac(secret, PREFIX, 'member', tag, pid)[:MAC_BYTES])}"


class Refusal(StrEnum):
    """Why a scan or a phone sign-in was refused."""
    UNREADABLE = "unreadable"          # not a BranchDesk code at all
    MEETING_CODE = "meeting_code"      # the phone page's code, shown to the kiosk
    FORGED = "forged"                  # this branch's form, but the MAC does not match
    OTHER_BRANCH = "other_branch"      # another branch's badge
    UNKNOWN_MEMBER = "unknown_member"  # a genuine code of a member no longer on the roster
    NOT_EXPECTED = "not_expected"      # not due at this meeting
    NOT_OPEN = "not_open"              # before sign-in opens
    SIGNIN_CLOSED = "signin_closed"    # sign-in closed and the member had not signed in
    MEETING_CLOSED = "meeting_closed"  # the secretary closed the meeting
    NO_MEETING = "no_meeting"          # the meeting was deleted
    WRONG_CODE = "wrong_code"          # phone: the last four digits (or the PIN) do not match
    NO_CODE = "no_code"                # phone: nothing on file to confirm with
    OTHER_PHONE = "other_phone"        # phone: this member signed in with another phone
    PHONE_USED = "phone_used"          # phone: this phone signed in someone else
    TOO_MANY = "too_many"              # phone: too many attempts
    LINK_EXPIRED = "link_expired"      # phone: the meeting token is stale or forged


@dataclass(frozen=True)
class BadgeRead:
    """What a scanned text says: the member's public id, or why it is refused."""
    public_id: str | None
    refusal: Refusal | None


def read_payload(secret: bytes, text: str) -> BadgeRead:
    """Check a scanned code. The MAC is compared in constant time."""
    text = text.strip()
    if not any(ch.isupper() for ch in text):
        text = text.upper()  # Caps Lock on: the scanner typed the whole code in lower case
    m = _PAYLOAD.match(text)
    if m is None:
        if text.upper().startswith(("HTTP://", "HTTPS://")) and "/M/" in text.upper():
            return BadgeRead(None, Refusal.MEETING_CODE)
        return BadgeRead(None, Refusal.FORGED if _LOOKS_LIKE_OURS.match(text) else Refusal.UNREADABLE)
    tag, pid, mac = m.groups()
    if not hmac.compare_digest(tag, branch_tag(secret)):
        return BadgeRead(None, Refusal.OTHER_BRANCH)
    expected = _b32(_mac(secret, PREFIX, "member", tag, pid)[:MAC_BYTES])
    if not hmac.compare_digest(mac, expected):
        return BadgeRead(None, Refusal.FORGED)
    return BadgeRead(pid.lower(), None)


# -- the phone page's meeting token --------------------------------------------------------

def meeting_token(secret: bytes, meeting_id: int, expires: datetime) -> str:
    """29 lower-case base32 characters: the meeting, the minute the token expires, a MAC."""
    minutes = max(0, int((expires - _TOKEN_EPOCH).total_seconds() // 60))
    body = struct.pack(">II", meeting_id, minutes)
    return _b32(body + _mac(secret, PREFIX, "meeting", body.hex())[:MAC_BYTES]).lower()


def read_meeting_token(secret: bytes, token: str, now: datetime) -> int | None:
    """The meeting id of a token that is genuine and not expired, else None."""
    if not _TOKEN.fullmatch(token):  # not match: "$" also matches before a final "\n" (a %0A in the URL)
        return None
    raw = base64.b32decode(token.upper() + "===")
    if _b32(raw).lower() != token:
        return None  # the last character's unused bit set: not the token as it was issued
    body, mac = raw[:8], raw[8:]
    if not hmac.compare_digest(mac, _mac(secret, PREFIX, "meeting", body.hex())[:MAC_BYTES]):
        return None
    meeting_id, minutes = struct.unpack(">II", body)
    if now > _TOKEN_EPOCH + timedelta(minutes=minutes):
        return None
    return meeting_id


# -- windows and states ----------------------------------------------------------------------

@dataclass(frozen=True)
class SigninRules:
    """The branch's settings (DOMAIN §7; the defaults are the seed platform's)."""
    open_before: timedelta = timedelta(minutes=30)
    close_after: timedelta = timedelta(minutes=15)
    signout_before_end: timedelta = timedelta(minutes=15)
    phone_link_after_end: timedelta = timedelta(minutes=60)

    def opens(self, start: datetime) -> datetime:
        return start - self.open_before

    def closes(self, start: datetime) -> datetime:
        return start + self.close_after

    def signout_opens(self, start: datetime, end: datetime) -> datetime:
        # Never before the start: a 10-minute talk does not open sign-out before it begins.
        return max(start, end - self.signout_before_end)

    def link_expires(self, end: datetime) -> datetime:
        return end + self.phone_link_after_end


SETTING_KEYS = {
    "open_before": "signin.open_before_minutes",
    "close_after": "signin.close_after_minutes",
    "signout_before_end": "signin.signout_before_end_minutes",
    "phone_link_after_end": "signin.phone_link_after_end_minutes",
}
MAX_SETTING_MINUTES = 24 * 60


def rules_from_settings(values: dict[str, object]) -> SigninRules:
    """Rules from the settings' minutes; a missing or nonsensical value keeps the default."""
    default = SigninRules()
    kwargs = {}
    for name, key in SETTING_KEYS.items():
        value = values.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_SETTING_MINUTES:
            kwargs[name] = timedelta(minutes=value)
        else:
            kwargs[name] = getattr(default, name)
    return SigninRules(**kwargs)


class State(StrEnum):
    """A member's sign-in state at one meeting (DOMAIN §7)."""
    NONE = "none"              # 未签到
    SIGNED_IN = "signed_in"    # 已签到
    LATE = "late"              # 迟到 (signed in after the start)
    SIGNED_OUT = "signed_out"  # 已签退
    LEAVE = "leave"            # 请假
    ABSENT = "absent"          # 缺勤 (marked when the meeting closed)

    @property
    def label(self) -> str:
        return {
            "none": translate("signin", "Not signed in"),
            "signed_in": translate("signin", "Signed in"),
            "late": translate("signin", "Late"),
            "signed_out": translate("signin", "Signed out"),
            "leave": translate("signin", "On leave"),
            "absent": translate("signin", "Absent"),
        }[self.value]


class Outcome(StrEnum):
    """What a scan did (the command line's ``status``)."""
    SIGNED_IN = "signed_in"
    LATE = "late"
    SIGNED_OUT = "signed_out"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Recorded:
    """What is already recorded for the member at the meeting."""
    signed_in_at: datetime | None = None
    late: bool = False
    signed_out_at: datetime | None = None


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    record: str | None = None        # "in" or "out": what to write; None for a refusal or a repeat
    refusal: Refusal | None = None
    repeat: bool = False             # already recorded: nothing written
    at: datetime | None = None       # when the recorded sign-in/out happened
    # For the reason text: when sign-in opens or closes, when sign-out opens.
    when: datetime | None = None


def decide(now: datetime, start: datetime, end: datetime, recorded: Recorded, rules: SigninRules) -> Decision:
    """What one scan (or one phone confirmation) does at ``now``.

    - not signed in: inside the sign-in window it signs in (迟到 after the start); before it,
      or after it, it is refused — a member cannot sign out without having signed in;
    - signed in: inside the sign-out window (and no longer inside the sign-in window, so that
      the second scan of a member at the door does not sign them out) it signs out; otherwise
      it is a repeat;
    - signed out: a repeat.
    """
    opens, closes = rules.opens(start), rules.closes(start)
    signout = rules.signout_opens(start, end)
    if recorded.signed_out_at is not None:
        return Decision(Outcome.SIGNED_OUT, repeat=True, at=recorded.signed_out_at)
    if recorded.signed_in_at is not None:
        if now >= signout and now > closes:
            return Decision(Outcome.SIGNED_OUT, record="out", at=now)
        again = Outcome.LATE if recorded.late else Outcome.SIGNED_IN
        return Decision(again, repeat=True, at=recorded.signed_in_at, when=max(signout, closes + timedelta(seconds=1)))
    if now < opens:
        return Decision(Outcome.REJECTED, refusal=Refusal.NOT_OPEN, when=opens)
    if now > closes:
        return Decision(Outcome.REJECTED, refusal=Refusal.SIGNIN_CLOSED, when=closes)
    return Decision(Outcome.LATE if now > start else Outcome.SIGNED_IN, record="in", at=now)


def phase(now: datetime, start: datetime, end: datetime, rules: SigninRules) -> str:
    """What a scan would do now for a member who has done nothing yet, or has signed in:
    "before", "signin", "between", "signout" (for the phone page's button)."""
    if now < rules.opens(start):
        return "before"
    if now <= rules.closes(start):
        return "signin"
    if now < rules.signout_opens(start, end):
        return "between"
    return "signout"


def hhmm(when: datetime | None) -> str:
    return f"{when:%H:%M}" if when else ""


def refusal_text(refusal: Refusal, when: datetime | None = None) -> str:
    """The reason shown on the kiosk, the phone and the command line."""
    texts = {
        Refusal.UNREADABLE: translate("signin", "This is not a BranchDesk sign-in code"),
        Refusal.MEETING_CODE: translate("signin", "This is the meeting's code for phones; scan the member's own code"),
        Refusal.FORGED: translate("signin", "The code is not genuine: it was altered or forged"),
        Refusal.OTHER_BRANCH: translate("signin", "This code belongs to another branch"),
        Refusal.UNKNOWN_MEMBER: translate("signin", "This member is no longer on the roster"),
        Refusal.NOT_EXPECTED: translate("signin", "Not expected at this meeting"),
        Refusal.NOT_OPEN: translate("signin", "Sign-in opens at {time}").format(time=hhmm(when)),
        Refusal.SIGNIN_CLOSED: translate("signin", "Sign-in closed at {time}").format(time=hhmm(when)),
        Refusal.MEETING_CLOSED: translate("signin", "The meeting has been closed"),
        Refusal.NO_MEETING: translate("signin", "There is no such meeting"),
        Refusal.WRONG_CODE: translate("signin", "The digits do not match our records"),
        Refusal.NO_CODE: translate("signin", "No phone number or PIN on file; sign in at the secretary's desk"),
        Refusal.OTHER_PHONE: translate("signin", "Already signed in with another phone; use that phone or the secretary's desk"),
        Refusal.PHONE_USED: translate("signin", "This phone has already been used by another member at this meeting"),
        Refusal.TOO_MANY: translate("signin", "Too many attempts; wait ten minutes or sign in at the secretary's desk"),
        Refusal.LINK_EXPIRED: translate("signin", "This sign-in link has expired or is not genuine"),
    }
    return texts[refusal]


def repeat_text(decision: Decision) -> str:
    """The note for a repeated scan: what was recorded, and when sign-out opens."""
    if decision.outcome is Outcome.SIGNED_OUT:
        return translate("signin", "Already signed out at {time}").format(time=hhmm(decision.at))
    if decision.when is not None:
        return translate("signin", "Already signed in at {time}; sign-out opens at {opens}").format(
            time=hhmm(decision.at), opens=hhmm(decision.when))
    return translate("signin", "Already signed in at {time}").format(time=hhmm(decision.at))


def phone_digits(phone: str) -> str:
    """The last four digits of a phone number ("" when it has fewer)."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits[-4:] if len(digits) >= 4 else ""


def pin_hash(secret: bytes, member_public_id: str, pin: str) -> str:
    """A member's sign-in PIN as stored (keyed by the branch secret and the member)."""
    return hmac.new(secret, f"{PREFIX}|pin|{member_public_id}|{pin}".encode("utf-8"), hashlib.sha256).hexdigest()


def valid_pin(pin: str) -> bool:
    return pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 6
