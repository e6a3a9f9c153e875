"""Phone sign-in on the office network (DESIGN: Sign-in (b)).

A member scans the meeting's code (``http://<PC>:<port>/m/<token>``), picks their name, types
the last four digits of their phone (or their PIN) and signs in — or out, at the end. The phone
keeps a random cookie; the first member it signs in is bound to it for the meeting (one phone
per member, one member per phone). Phones never see a phone number: the digits are compared
here. Wrong digits are counted per phone, per member and per address: five in ten minutes lock
that phone or member out (and twenty that address), and every phone may send at most thirty
confirmations a minute.

Confirmations are written in batches on one thread (desktop.services.signin: one transaction
per batch), so that a room of phones at the start of a meeting waits for a few commits only.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import queue
import re
import secrets
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route

from core.clock import Clock
from core.i18n import translate
from core.signin import Outcome, Refusal, hhmm, phase, refusal_text
from desktop.lan import phone_page
from desktop.services.signin import MeetingRoll, PhoneAttempt, ScanResult, SigninService, device_hash

log = logging.getLogger(__name__)

COOKIE = "bd_device"
COOKIE_MAX_AGE = 12 * 3600
_PUBLIC_ID = re.compile(r"^[0-9a-f]{16}$")
_CODE = re.compile(r"^[0-9]{1,12}$")
MAX_BODY = 2048


class RateLimiter:
    """At most ``limit`` events per key within ``window`` seconds (a sliding window)."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._events: dict[object, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _trim(self, key: object, now: float) -> deque[float]:
        events = self._events[key]
        while events and events[0] <= now - self.window:
            events.popleft()
        return events

    def blocked(self, key: object) -> bool:
        with self._lock:
            return len(self._trim(key, self.clock())) >= self.limit

    def hit(self, key: object) -> None:
        with self._lock:
            now = self.clock()
            self._trim(key, now).append(now)


class Limits:
    """The phone page's limits (settings could change them; these are generous for a meeting
    room and tight for guessing: 10,000 four-digit codes at 5 per 10 minutes)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.wrong_per_device = RateLimiter(5, 600, clock)
        self.wrong_per_member = RateLimiter(5, 600, clock)
        self.wrong_per_address = RateLimiter(20, 600, clock)
        self.requests_per_device = RateLimiter(30, 60, clock)


class Batcher:
    """Runs ``fn(items) -> results`` on one thread, on as many queued items at a time as have
    arrived (up to ``max_batch``)."""

    def __init__(self, fn: Callable[[list], list], max_batch: int = 100):
        self.fn, self.max_batch = fn, max_batch
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="branchdesk-signin-writer", daemon=True)
        self._thread.start()

    def submit(self, item) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._queue.put((item, future))
        return future

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    self._queue.put(None)
                    break
                batch.append(more)
            try:
                results = self.fn([item for item, _ in batch])
            except BaseException as err:  # noqa: BLE001 — each waiting phone gets the error
                log.exception("writing a batch of phone sign-ins failed")
                for _, future in batch:
                    future.set_exception(err)
            else:
                for (_, future), result in zip(batch, results):
                    future.set_result(result)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(5)


class PhoneSignin:
    """The phone page of the one meeting open for phones. ``on_change`` is called (on the
    writer's thread) after each sign-in or sign-out, for the window to refresh."""

    def __init__(self, service: SigninService, meeting_id: int, clock: Clock, *,
                 on_change: Callable[[], None] | None = None, limits: Limits | None = None):
        self.service = service
        self.meeting_id = meeting_id
        self.clock = clock
        self.on_change = on_change
        self.limits = limits or Limits()
        self.roll: MeetingRoll = service.roll(meeting_id, with_codes=True)
        self.batcher = Batcher(self._write)
        self.signed = 0

    def reload(self) -> None:
        """Read who is expected again (the roster changed while phones were signing in)."""
        self.roll = self.service.roll(self.meeting_id, with_codes=True)

    def close(self) -> None:
        self.batcher.close()

    def _write(self, attempts: list[PhoneAttempt]) -> list[ScanResult]:
        results = self.service.phone_sign_many(self.roll, attempts)
        written = sum(1 for r in results if r.accepted and not r.note)
        if written:
            self.signed += written
            if self.on_change is not None:
                try:
                    self.on_change()
                except Exception:  # noqa: BLE001 — the window's trouble is not the phone's
                    log.exception("refreshing after a phone sign-in failed")
        return results

    def routes(self) -> Mount:
        return Mount("/m", routes=[
            Route("/{token}", self.page, methods=["GET"]),
            Route("/{token}/sign", self.sign, methods=["POST"]),
        ])

    # -- requests ------------------------------------------------------------------------------
    def _meeting(self, token: str) -> bool:
        return self.service.meeting_of_token(token.lower(), self.clock.now()) == self.meeting_id

    async def page(self, request: Request) -> Response:
        if not self._meeting(request.path_params["token"]):
            return HTMLResponse(phone_page.error_page(refusal_text(Refusal.LINK_EXPIRED)), status_code=404)
        roll = self.roll
        now = self.clock.now()
        rules = self.service.rules()
        nonce = secrets.token_urlsafe(12)
        data = {
            "meeting": {"title": roll.title, "type": roll.type.label, "place": roll.place,
                        "time": f"{roll.start:%Y-%m-%d} {hhmm(roll.start)}–{hhmm(roll.end)}"},
            "phase": phase(now, roll.start, roll.end, rules),
            "phaseText": phase_text(phase(now, roll.start, roll.end, rules), roll, rules),
            "members": [{"id": m.public_id, "name": m.name, "group": m.group, "key": m.name_key} for m in roll.members],
        }
        response = HTMLResponse(phone_page.render(data, nonce))
        response.headers["content-security-policy"] = (
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; "
            "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
        if not request.cookies.get(COOKIE):
            response.set_cookie(COOKIE, secrets.token_urlsafe(18), max_age=COOKIE_MAX_AGE, httponly=True,
                                samesite="strict", path="/m")
        return response

    def _answer(self, result: ScanResult, status: int = 200) -> JSONResponse:
        if result.accepted:
            verb = {Outcome.SIGNED_IN: translate("phone", "Signed in"), Outcome.LATE: translate("phone", "Signed in (late)"),
                    Outcome.SIGNED_OUT: translate("phone", "Signed out")}[result.outcome]
            message = result.note or translate("phone", "{verb} at {time}").format(verb=verb, time=hhmm(result.at))
        else:
            message = result.reason or ""
        return JSONResponse({"ok": result.accepted, "status": result.outcome.value, "member": result.member,
                             "message": message}, status_code=status)

    def _refused(self, refusal: Refusal, status: int = 200, member: str | None = None) -> JSONResponse:
        return self._answer(ScanResult(Outcome.REJECTED, member, refusal_text(refusal), refusal=refusal), status)

    async def sign(self, request: Request) -> Response:
        if not self._meeting(request.path_params["token"]):
            return self._refused(Refusal.LINK_EXPIRED, 404)
        cookie = request.cookies.get(COOKIE, "")
        if not cookie or len(cookie) > 64:
            return JSONResponse({"ok": False, "status": "rejected", "member": None,
                                 "message": translate("phone", "Open the sign-in page again (the browser must keep cookies)")},
                                status_code=400)
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"ok": False, "status": "rejected", "member": None, "message": ""}, status_code=415)
        body = await request.body()
        try:
            data = json.loads(body) if len(body) <= MAX_BODY else None
            public_id, code = str(data["member"]), str(data["code"]).strip()
        except (ValueError, TypeError, KeyError):
            return JSONResponse({"ok": False, "status": "rejected", "member": None, "message": ""}, status_code=400)
        device = device_hash(cookie)
        address = request.client.host if request.client else ""
        limits = self.limits
        member = self.roll.by_public.get(public_id) if _PUBLIC_ID.match(public_id) else None
        if limits.requests_per_device.blocked(device):
            return self._refused(Refusal.TOO_MANY, 429)
        limits.requests_per_device.hit(device)
        if member is None:
            return self._refused(Refusal.NOT_EXPECTED)
        if (limits.wrong_per_device.blocked(device) or limits.wrong_per_member.blocked(member.member_id)
                or limits.wrong_per_address.blocked(address)):
            return self._refused(Refusal.TOO_MANY, 429, member.name)
        if not _CODE.match(code):
            code = ""  # counted as wrong below, without reaching the comparison
        attempt = PhoneAttempt(public_id, code, device, self.clock.now())
        result: ScanResult = await asyncio.wrap_future(self.batcher.submit(attempt))
        if result.refusal is Refusal.WRONG_CODE:
            limits.wrong_per_device.hit(device)
            limits.wrong_per_member.hit(member.member_id)
            limits.wrong_per_address.hit(address)
        return self._answer(result)


def phase_text(now_phase: str, roll: MeetingRoll, rules) -> str:
    """What the phone page says about the time: when sign-in opens and closes, when sign-out opens."""
    opens, closes = hhmm(rules.opens(roll.start)), hhmm(rules.closes(roll.start))
    signout = hhmm(rules.signout_opens(roll.start, roll.end))
    return {
        "before": translate("phone", "Sign-in opens at {opens}").format(opens=opens),
        "signin": translate("phone", "Sign in now (until {closes}; after {start} counts as late)").format(
            closes=closes, start=hhmm(roll.start)),
        "between": translate("phone", "Sign-in has closed; sign-out opens at {signout}").format(signout=signout),
        "signout": translate("phone", "Sign out now"),
    }[now_phase]


class PhoneServer:
    """The LAN server serving one meeting's phone page; ``stop()`` when sign-in by phone ends."""

    def __init__(self, service: SigninService, meeting_id: int, clock: Clock, *, host: str = "0.0.0.0",
                 port: int = 0, on_change: Callable[[], None] | None = None, limits: Limits | None = None):
        from desktop.lan.server import LanServer, create_app
        self.phone = PhoneSignin(service, meeting_id, clock, on_change=on_change, limits=limits)
        self.server = LanServer(create_app([self.phone.routes()]), host=host, port=port)
        try:
            self.server.start()
        except BaseException:
            self.phone.close()
            raise

    @property
    def port(self) -> int:
        return self.server.port

    def url(self, host: str) -> str | None:
        """The meeting's address for phones, with the PC's address on the office network."""
        return self.phone.service.phone_url(self.phone.meeting_id, host=host, port=self.port)

    def stop(self) -> None:
        self.server.stop()
        self.phone.close()
