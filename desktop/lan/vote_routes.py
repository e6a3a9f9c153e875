"""Voting by phone on the office network (DESIGN: Votes), mounted on the LAN server
(desktop/lan/server.py) under ``/v``.

A voter opens ``http://<PC>:<port>/v/<token>`` (the poll's QR code on the wall or the slip),
types the code from the slip they drew at random, marks the ballot and sends it. The server
learns a code and a ballot; it never learns a name. No cookie is set and nothing is logged per
request (the server's access log is off: DESIGN, no request log while a poll is open). Wrong codes
are counted per address: ten in ten minutes lock that address out for a while, and every address
may send at most sixty requests a minute — 10⁸ codes cannot be guessed at that pace.
"""
from __future__ import annotations

import asyncio
import json
import secrets
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route

from core import ballot_codes
from core.i18n import translate
from core.votes import AppraisalBallot, DecisionBallot, ElectionBallot, Mark, PollKind, Rating
from desktop.lan import ballot_page
from desktop.services.ballot_box import Cast
from desktop.services.votes import VoteService, cast_text

MAX_BODY = 16 * 1024


class Limiter:
    """At most ``limit`` events per key within ``window`` seconds."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._events: dict[object, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def hit(self, key: object) -> bool:
        """Count one event; False when the key is over its limit (the event is not counted)."""
        with self._lock:
            now = self.clock()
            events = self._events[key]
            while events and events[0] <= now - self.window:
                events.popleft()
            if len(events) >= self.limit:
                return False
            events.append(now)
            return True

    def over(self, key: object) -> bool:
        with self._lock:
            now = self.clock()
            events = self._events[key]
            while events and events[0] <= now - self.window:
                events.popleft()
            return len(events) >= self.limit


class BadBallot(ValueError):
    pass


def read_ballot(kind: PollKind, names: list[str], data) -> ElectionBallot | DecisionBallot | AppraisalBallot:
    """The phone's ballot, checked strictly (a page of ours never sends anything else)."""
    if not isinstance(data, dict):
        raise BadBallot("not an object")
    known = set(names)
    if kind is PollKind.DECISION:
        vote = data.get("vote")
        return DecisionBallot(Mark(vote) if vote is not None else None)
    if kind is PollKind.APPRAISAL:
        ratings = data.get("ratings", {})
        if not isinstance(ratings, dict) or not set(ratings) <= known:
            raise BadBallot("ratings")
        return AppraisalBallot({n: Rating(v) for n, v in ratings.items()})
    marks, write_ins = data.get("marks", {}), data.get("write_ins", {})
    if not isinstance(marks, dict) or not set(marks) <= known or not isinstance(write_ins, dict) or not set(write_ins) <= known:
        raise BadBallot("marks")
    marks = {n: Mark(v) for n, v in marks.items()}
    written = []
    for name in names:  # in the rows' order; only beside a 不赞成 (the page sends no other)
        w = write_ins.get(name)
        if w is None:
            continue
        if not isinstance(w, str) or len(w.strip()) > ballot_codes.MAX_WRITE_IN or marks.get(name) is not Mark.AGAINST:
            raise BadBallot("write-in")
        if w.strip():
            written.append(w.strip())
    return ElectionBallot(marks, tuple(written))


class PhoneVoting:
    """The phone page of the one poll open for phones. ``on_change`` is called (on a worker
    thread) after each ballot, for the window to refresh its counts."""

    def __init__(self, service: VoteService, poll_id: int, *, on_change: Callable[[], None] | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.service = service
        self.poll_id = poll_id
        self.on_change = on_change
        self.detail = service.detail(poll_id)
        self.token = service.token(poll_id)
        self.wrong_per_address = Limiter(10, 600, clock)
        self.requests_per_address = Limiter(60, 60, clock)
        self.server = None

    def routes(self) -> Mount:
        return Mount("/v", routes=[
            Route("/{token}", self.page, methods=["GET"]),
            Route("/{token}/check", self.check, methods=["POST"]),
            Route("/{token}/cast", self.cast, methods=["POST"]),
        ])

    def path(self) -> str:
        return f"/v/{self.token}"

    # -- the server ------------------------------------------------------------------------------
    def start(self, host: str = "0.0.0.0", port: int = 8766):
        from desktop.lan.server import LanServer, create_app
        self.server = LanServer(create_app([self.routes()]), host=host, port=port).start()
        return self.server

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    # -- requests ------------------------------------------------------------------------------
    def _open(self, token: str) -> bool:
        if not secrets.compare_digest(token.lower(), self.token):
            return False
        detail = self.service.detail(self.poll_id)
        return detail.state == "open" and "phone" in detail.ways

    async def page(self, request: Request) -> Response:
        if not self._open(request.path_params["token"]):
            return HTMLResponse(ballot_page.error_page(translate("ballot_page", "Voting by phone is not open. Ask the secretary.")),
                                status_code=404)
        d = self.detail
        nonce = secrets.token_urlsafe(12)
        data = {
            "poll": {"title": d.title, "kind": d.kind.value, "seats": d.seats, "runoff": d.runoff,
                     "instructions": ballot_page.instructions(d.kind, d.seats, d.runoff)},
            "names": list(d.candidates),
            "choices": ballot_page.choices(d.kind),
        }
        response = HTMLResponse(ballot_page.render(data, nonce))
        response.headers["content-security-policy"] = (
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; "
            "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
        return response

    def _refused(self, message: str, status: int = 200) -> JSONResponse:
        return JSONResponse({"ok": False, "message": message}, status_code=status)

    async def _body(self, request: Request) -> dict | None:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return None
        body = await request.body()
        try:
            data = json.loads(body) if len(body) <= MAX_BODY else None
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def _address(self, request: Request) -> str:
        return request.client.host if request.client else ""

    async def _guarded(self, request: Request) -> tuple[dict | None, Response | None]:
        address = self._address(request)
        if not self.requests_per_address.hit(address) or self.wrong_per_address.over(address):
            return None, self._refused(translate("ballot_page", "Too many attempts. Wait a few minutes, then try again."), 429)
        if not self._open(request.path_params["token"]):
            return None, self._refused(cast_text(Cast.NOT_OPEN), 404)
        data = await self._body(request)
        if data is None or not isinstance(data.get("code"), str) or len(data["code"]) > 20:
            return None, self._refused("", 400)
        return data, None

    async def check(self, request: Request) -> Response:
        data, refused = await self._guarded(request)
        if refused is not None:
            return refused
        outcome = await asyncio.to_thread(self.service.box.check_code, self.poll_id, data["code"])
        if outcome is Cast.UNKNOWN_CODE:
            self.wrong_per_address.hit(self._address(request))
        return JSONResponse({"ok": outcome is Cast.ACCEPTED, "message": "" if outcome is Cast.ACCEPTED else cast_text(outcome)})

    async def cast(self, request: Request) -> Response:
        data, refused = await self._guarded(request)
        if refused is not None:
            return refused
        try:
            ballot = read_ballot(self.detail.kind, list(self.detail.candidates), data.get("ballot"))
        except (BadBallot, ValueError, TypeError):
            return self._refused("", 400)
        outcome = await asyncio.to_thread(self.service.cast, self.poll_id, data["code"], ballot, "phone")
        if outcome is Cast.UNKNOWN_CODE:
            self.wrong_per_address.hit(self._address(request))
        if outcome is Cast.ACCEPTED and self.on_change is not None:
            self.on_change()
        return JSONResponse({"ok": outcome is Cast.ACCEPTED, "message": cast_text(outcome)})
