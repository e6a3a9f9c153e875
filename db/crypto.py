"""The data key and what it seals (issue 8): personal columns and the branch secret.

One random 256-bit data key per branch encrypts (AES-GCM) every ID number, phone, address,
member-history snapshot and sync key, and the branch secret that keys the look-up hashes and
ballot MACs. The data key itself is stored only wrapped ("envelopes", table key_envelope):
under a key derived from the password with Argon2id (memory-hard: a thief with the file
pays ~64 MiB and ~0.3 s per guess), and under a key derived from the printed recovery key.
The data key never changes, so a backup opens with the recovery key and the password that
were current on the day it was made (a new recovery key replaces the envelope in the live
database only; backups keep theirs).

The cipher belongs to one database, not to the process: it hangs on the engine's dialect,
which is what SQLAlchemy hands ``process_bind_param`` (tests open several branches at once).
Nothing Qt, nothing SQL here beyond that.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from core.i18n import translate
from db.engine import StorageError

KEY_BYTES = 32
NONCE_BYTES = 12
# Sealed text: this prefix, then base64 of nonce ‖ ciphertext ‖ tag. Versioned, so that a
# later scheme can live beside this one.
TEXT_PREFIX = "bd1:"
# Sealed bytes (the branch secret): this magic, then nonce ‖ ciphertext ‖ tag.
BYTES_MAGIC = b"BDS1"

# Argon2id for the password: 64 MiB, 3 passes, 4 lanes — about 0.3 s on a 2-core test
# machine, so a few tenths on an office PC. Read from the envelope when opening, so that
# changing these changes only envelopes written from now on.
DEFAULT_PASSWORD_KDF = {"iterations": 3, "memory_kib": 65536, "lanes": 4}
# The recovery key has 160 random bits: no guessing to slow down, the KDF only spreads it.
DEFAULT_RECOVERY_KDF = {"iterations": 1, "memory_kib": 8192, "lanes": 1}
# What new envelopes get (the tests lower these: tests/conftest.py).
PASSWORD_KDF = dict(DEFAULT_PASSWORD_KDF)
RECOVERY_KDF = dict(DEFAULT_RECOVERY_KDF)
RECOVERY_BYTES = 20  # 160 bits = 32 Crockford base-32 characters, 8 groups of 4
MIN_PASSWORD = 8
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class CryptoError(StorageError):
    """Base of the errors below; all carry a message a secretary can read."""


class LockedError(CryptoError):
    """Personal data was written or read on a database whose key is not installed."""


class TamperedError(CryptoError):
    """A sealed value failed its authentication tag: changed outside the program."""


class WrongPassword(CryptoError):
    """The password (or recovery key) does not open the envelope."""


def _aad(kind: str) -> bytes:
    aad = _AADS[kind] = f"branchdesk {kind}".encode()
    return aad


_AADS: dict[str, bytes] = {}
b64encode = base64.b64encode


class DataCipher:
    """AES-GCM under the branch's data key: one AESGCM object, random 96-bit nonces (a
    branch seals far fewer than the 2^32 values that random nonces allow under one key)."""

    def __init__(self, key: bytes):
        if len(key) != KEY_BYTES:
            raise ValueError("the data key has 32 bytes")
        self._key = key
        self._aead = AESGCM(key)
        self._urandom = os.urandom
        # Opened values, by their sealed text: the roster is read whole and often, and a
        # sealed text never changes meaning. In memory only, like the key itself.
        self._opened: dict[str, dict[str, str]] = {}

    def derive(self, purpose: str) -> bytes:
        """A key for another purpose (the audit chain …), never the data key itself."""
        return hmac.new(self._key, f"branchdesk derived {purpose}".encode(), hashlib.sha256).digest()

    def seal_text(self, value: str, kind: str) -> str:
        # Per value: one urandom, one encrypt, one base64 (an import of 20,000 members seals
        # 60,000 values; ~2 µs each).
        aad = _AADS.get(kind) or _aad(kind)
        nonce = self._urandom(NONCE_BYTES)
        return TEXT_PREFIX + b64encode(nonce + self._aead.encrypt(nonce, value.encode(), aad)).decode("ascii")

    def seal_texts(self, values: list[str], kind: str) -> list[str]:
        """seal_text of each value, each under its own random nonce, for an import's thousands:
        the nonces come from one urandom call (the same random bytes, cut in twelves) and the
        loop makes no call per value beyond the encryption (60,000 values: 0.07 s, against 0.12 s
        through PersonalText's bind processor)."""
        aad = _AADS.get(kind) or _aad(kind)
        nonces = self._urandom(NONCE_BYTES * len(values))
        encrypt, b2a = self._aead.encrypt, binascii.b2a_base64
        out = []
        append = out.append
        at = 0
        for value in values:
            nonce = nonces[at:at + NONCE_BYTES]
            at += NONCE_BYTES
            append(TEXT_PREFIX + b2a(nonce + encrypt(nonce, value.encode(), aad), newline=False).decode("ascii"))
        return out

    def open_text(self, sealed: str, kind: str) -> str:
        cache = self._opened.get(kind)
        if cache is None:
            cache = self._opened[kind] = {}
        opened = cache.get(sealed)
        if opened is not None:
            return opened
        if not sealed.startswith(TEXT_PREFIX):
            raise TamperedError(translate("crypto", "A piece of personal data in the database is not encrypted: the file was changed outside BranchDesk. Restore a backup."))
        try:
            raw = base64.b64decode(sealed[len(TEXT_PREFIX):], validate=True)
            value = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], _AADS.get(kind) or _aad(kind)).decode()
        except (InvalidTag, ValueError) as err:
            raise TamperedError(translate("crypto", "A piece of personal data in the database fails its check: the file was changed outside BranchDesk or is damaged. Restore a backup.")) from err
        if len(cache) > 200_000:
            cache.clear()
        cache[sealed] = value
        return value

    def seal_bytes(self, value: bytes, kind: str) -> bytes:
        nonce = self._urandom(NONCE_BYTES)
        return BYTES_MAGIC + nonce + self._aead.encrypt(nonce, value, _aad(kind))

    def open_bytes(self, sealed: bytes, kind: str) -> bytes:
        if not sealed.startswith(BYTES_MAGIC):
            raise TamperedError(translate("crypto", "The branch's secret key in the database is not encrypted: the file was changed outside BranchDesk. Restore a backup."))
        body = sealed[len(BYTES_MAGIC):]
        try:
            return self._aead.decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], _aad(kind))
        except InvalidTag as err:
            raise TamperedError(translate("crypto", "The branch's secret key in the database fails its check: the file was changed outside BranchDesk or is damaged. Restore a backup.")) from err

    def data_key(self) -> bytes:
        """For wrapping under a new password only."""
        return self._key

    def matches(self, key: bytes) -> bool:
        return hmac.compare_digest(self._key, key)


# -- the cipher of one engine ---------------------------------------------------------

_ATTR = "branchdesk_cipher"


def install(dialect, cipher: DataCipher | None) -> None:
    setattr(dialect, _ATTR, cipher)


def cipher_of(dialect) -> DataCipher:
    cipher = getattr(dialect, _ATTR, None)
    if cipher is None:
        # Never store plaintext because a key is missing.
        raise LockedError(translate("crypto", "The branch is locked: enter the password first"))
    return cipher


def is_sealed_bytes(value: bytes | None) -> bool:
    return bool(value) and bytes(value).startswith(BYTES_MAGIC)


def is_sealed_text(value: str | None) -> bool:
    return isinstance(value, str) and value.startswith(TEXT_PREFIX)


# -- envelopes ------------------------------------------------------------------------

@dataclass(frozen=True)
class Envelope:
    kind: str  # 'password', 'recovery' or 'open'
    kdf: str   # 'argon2id' or 'none'
    kdf_params: str  # JSON
    salt: bytes
    nonce: bytes
    wrapped: bytes


def normalise_password(password: str) -> bytes:
    # The same password typed through another input method gives the same bytes.
    return unicodedata.normalize("NFC", password).encode("utf-8")


def _kek(kdf: str, params: dict, salt: bytes, secret: bytes) -> bytes:
    if kdf != "argon2id":
        raise CryptoError(f"unknown key derivation {kdf!r}")
    return Argon2id(salt=salt, length=KEY_BYTES, iterations=int(params["iterations"]),
                    lanes=int(params["lanes"]), memory_cost=int(params["memory_kib"])).derive(secret)


def wrap(kind: str, data_key: bytes, secret: bytes | None, params: dict | None = None) -> Envelope:
    """The data key wrapped under ``secret`` (password or recovery bytes); 'open' stores it
    as it is (the demo branch, whose data is made up)."""
    if kind == "open":
        return Envelope("open", "none", "{}", b"", b"", data_key)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(NONCE_BYTES)
    kek = _kek("argon2id", params, salt, secret)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, _aad(f"key envelope {kind}"))
    return Envelope(kind, "argon2id", json.dumps(params, sort_keys=True), salt, nonce, wrapped)


def unwrap(envelope: Envelope, secret: bytes | None) -> bytes:
    if envelope.kind == "open":
        return bytes(envelope.wrapped)
    kek = _kek(envelope.kdf, json.loads(envelope.kdf_params), bytes(envelope.salt), secret or b"")
    try:
        key = AESGCM(kek).decrypt(bytes(envelope.nonce), bytes(envelope.wrapped), _aad(f"key envelope {envelope.kind}"))
    except InvalidTag:
        if envelope.kind == "recovery":
            raise WrongPassword(translate("crypto", "The recovery key is wrong. Type the 32 characters as printed; dashes and spaces do not matter.")) from None
        raise WrongPassword(translate("crypto", "The password is wrong. Check the keyboard's language and Caps Lock, then try again.")) from None
    if len(key) != KEY_BYTES:
        raise TamperedError("the unwrapped key has the wrong length")
    return key


# -- the recovery key ---------------------------------------------------------------------

def new_recovery_key() -> bytes:
    return secrets.token_bytes(RECOVERY_BYTES)


def recovery_text(raw: bytes) -> str:
    """Crockford base 32 in groups of four: no I, L, O or U to misread on paper."""
    number = int.from_bytes(raw, "big")
    chars = []
    for _ in range(len(raw) * 8 // 5):
        chars.append(CROCKFORD[number & 31])
        number >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(cleaned) != RECOVERY_BYTES * 8 // 5 or any(ch not in CROCKFORD for ch in cleaned):
        raise WrongPassword(translate("crypto", "The recovery key is wrong. Type the 32 characters as printed; dashes and spaces do not matter."))
    number = 0
    for ch in cleaned:
        number = number * 32 + CROCKFORD.index(ch)
    return number.to_bytes(RECOVERY_BYTES, "big")


# -- choosing a password ----------------------------------------------------------------

def password_problem(password: str) -> str | None:
    """Why this password may not be chosen, or None."""
    if len(password) < MIN_PASSWORD:
        return translate("crypto", "The password needs at least {n} characters").format(n=MIN_PASSWORD)
    if len(set(password)) < 4:
        return translate("crypto", "The password repeats too few different characters")
    return None


def password_strength(password: str) -> int:
    """0 weak … 3 strong: length and the kinds of characters used, a hint, not a rule."""
    if password_problem(password):
        return 0
    kinds = sum((any(c.islower() for c in password), any(c.isupper() for c in password),
                 any(c.isdigit() for c in password), any(not c.isascii() or not c.isalnum() for c in password)))
    score = 1 + (len(password) >= 12) + (kinds >= 3)
    return min(score, 3)
