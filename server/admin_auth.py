"""The dashboard's administrator: password, session cookie, CSRF token.

Stateless like the rest of the server: the session is a cookie signed with a secret kept in
the database (made on first use), over the user name, an expiry and a fingerprint of the
password hash — changing the password ends every session. Forms carry a CSRF token derived
from the session cookie, and the cookie is SameSite=Strict and HttpOnly.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from datetime import datetime, timezone

from sqlalchemy import Connection, select

from server.models import Admin
from server.store import _insert_ignoring, get_setting, set_setting

SESSION_COOKIE = "branchdesk_session"
SESSION_SECONDS = 12 * 3600
SECRET_KEY = "dashboard.session_secret"
DEFAULT_USER = "admin"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_admin = Admin.__table__


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return "scrypt$%d$%d$%d$%s$%s" % (_SCRYPT["n"], _SCRYPT["r"], _SCRYPT["p"],
                                       base64.b64encode(salt).decode(), base64.b64encode(digest).decode())


def check_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), dklen=32, n=int(n), r=int(r), p=int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


def set_password(conn: Connection, password: str, username: str = DEFAULT_USER) -> None:
    if len(password) < 8:
        raise ValueError("密码至少 8 个字符")
    values = {"username": username, "password_hash": hash_password(password), "updated_at": datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)}
    if not _insert_ignoring(conn, _admin, values, ["username"]):
        conn.execute(_admin.update().where(_admin.c.username == username).values(**values))


def has_admin(conn: Connection) -> bool:
    return conn.execute(select(_admin.c.username).limit(1)).first() is not None


def password_hash(conn: Connection, username: str) -> str | None:
    return conn.execute(select(_admin.c.password_hash).where(_admin.c.username == username)).scalar()


def session_secret(conn: Connection) -> bytes:
    value = get_setting(conn, SECRET_KEY)
    if value is None:
        set_setting(conn, SECRET_KEY, secrets.token_hex(32))
        value = get_setting(conn, SECRET_KEY)  # whoever wrote first wins (insert-or-update)
    return bytes.fromhex(value)


def _mac(secret: bytes, text: str) -> str:
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()


def make_session(secret: bytes, username: str, pw_hash: str, now: float | None = None) -> str:
    expires = int((now or time.time()) + SESSION_SECONDS)
    finger = hashlib.sha256(pw_hash.encode()).hexdigest()[:16]
    payload = f"{username}|{expires}"
    return f"{payload}|{_mac(secret, payload + '|' + finger)}"


def session_user(conn: Connection, cookie: str | None, now: float | None = None) -> str | None:
    if not cookie or cookie.count("|") != 2:
        return None
    username, expires, mac = cookie.split("|")
    if not expires.isdigit() or int(expires) < (now or time.time()):
        return None
    pw = password_hash(conn, username)
    if pw is None:
        return None
    finger = hashlib.sha256(pw.encode()).hexdigest()[:16]
    if not hmac.compare_digest(_mac(session_secret(conn), f"{username}|{expires}|{finger}"), mac):
        return None
    return username


def csrf_token(secret: bytes, cookie: str) -> str:
    return _mac(secret, "csrf|" + cookie)


def check_csrf(secret: bytes, cookie: str | None, token: str | None) -> bool:
    return bool(cookie and token) and hmac.compare_digest(csrf_token(secret, cookie), token)
