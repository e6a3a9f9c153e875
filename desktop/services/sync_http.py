"""Talking to the central server: the standard library's http.client, signed requests
(core.signing), and the server's clock learnt from every answer.

No third-party HTTP library: the branch PC's program stays small, and the desktop never
imports the server's code (DESIGN: they speak HTTP with the schema from core).
"""
from __future__ import annotations

import http.client
import json
import socket
import ssl
from dataclasses import dataclass
from typing import Callable, Protocol
from urllib.parse import urlsplit

from core import signing
from core.i18n import translate
from desktop.services.errors import KnownError

TIMEOUT_SECONDS = 20


class TransportError(KnownError):
    """The server could not be reached, or did not answer like a BranchDesk server."""


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    server_time: float | None
    repeat: bool = False

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    @property
    def error(self) -> str:
        data = self.json()
        return data.get("error", "") if isinstance(data, dict) else ""

    @property
    def message(self) -> str:
        data = self.json()
        return data.get("message", "") if isinstance(data, dict) else ""


class Transport(Protocol):
    def request(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> Answer: ...


def check_server_url(url: str) -> str:
    """The server's address as typed, tidied (http://host:port); KnownError if it cannot be one."""
    url = (url or "").strip().rstrip("/")
    if url and "://" not in url:
        url = "http://" + url
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 — raises ValueError for a port that is not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise KnownError(translate("sync", "“{url}” is not a server address; write it like http://192.168.1.10:8600").format(url=url))
    return url


class HttpTransport:
    """One request per connection: a sync sends a handful of packets, minutes or weeks apart."""

    def __init__(self, base_url: str, timeout: float = TIMEOUT_SECONDS):
        parts = urlsplit(check_server_url(base_url))
        self.https = parts.scheme == "https"
        self.host, self.port = parts.hostname, parts.port or (443 if self.https else 80)
        self.timeout = timeout

    def request(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> Answer:
        if self.https:
            conn = http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout,
                                               context=ssl.create_default_context())
        else:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body or None, headers={"Content-Type": "application/json", **headers})
            r = conn.getresponse()
            data = r.read()
            stamp = r.getheader(signing.HEADER_SERVER_TIME)
        except (OSError, http.client.HTTPException) as err:
            raise TransportError(_network_message(err)) from err
        finally:
            conn.close()
        try:
            server_time = float(stamp) if stamp else None
        except ValueError:
            server_time = None
        return Answer(r.status, data, server_time, r.getheader("X-BranchDesk-Repeat") == "1")


def _network_message(err: Exception) -> str:
    if isinstance(err, (socket.timeout, TimeoutError)):
        return translate("sync", "The server did not answer in time; the summaries stay waiting and are sent later")
    if isinstance(err, ConnectionRefusedError):
        return translate("sync", "The server refused the connection (is it running?); the summaries stay waiting and are sent later")
    if isinstance(err, socket.gaierror):
        return translate("sync", "The server's name could not be found (no network?); the summaries stay waiting and are sent later")
    if isinstance(err, ssl.SSLError):
        return translate("sync", "The secure connection to the server failed ({error})").format(error=err)
    return translate("sync", "Cannot reach the server ({error}); the summaries stay waiting and are sent later").format(
        error=getattr(err, "strerror", None) or err)


class SignedClient:
    """Signs each request with the branch's key and the server's time as far as it is known.

    ``wallclock`` is this PC's clock (Unix seconds), injected so that tests can set it hours
    off. A refusal for a stale timestamp teaches the offset and the request is signed again,
    once."""

    def __init__(self, transport: Transport, key_id: str, secret: bytes, offset: signing.ClockOffset,
                 wallclock: Callable[[], float]):
        self.transport, self.key_id, self.secret = transport, key_id, secret
        self.offset, self.wallclock = offset, wallclock

    def call(self, method: str, path: str, body: bytes = b"") -> Answer:
        for attempt in (1, 2):
            sent = self.wallclock()
            headers = signing.signed_headers(self.key_id, self.secret, method, path, body,
                                             self.offset.server_now(sent))
            answer = self.transport.request(method, path, body, headers)
            if answer.server_time is not None:
                self.offset.observe(answer.server_time, sent, self.wallclock())
            if answer.status == 401 and answer.error == "stale_timestamp" and attempt == 1:
                continue
            return answer
        return answer
