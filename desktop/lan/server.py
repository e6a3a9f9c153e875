"""The LAN server: a small web server on the office network, for phones (sign-in now; votes
later mount their own routes). Starlette on uvicorn, in a background thread of the program,
listening only while something is open for phones and stopped as soon as it closes.

    server = LanServer(create_app([Mount("/m", routes=…)]), host="0.0.0.0", port=8765).start()
    …
    server.stop()

No request log is written while it runs (DESIGN: the LAN server keeps no request log while a
poll is open): uvicorn's access log is off and its own messages go to the program's log only
from warnings up. Every answer carries headers that keep it out of caches and frames.
"""
from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import Sequence

import uvicorn
import uvicorn.lifespan.off  # noqa: F401 — imported by name inside uvicorn; named here for the frozen bundle
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from core.i18n import translate
from desktop.services.errors import KnownError

log = logging.getLogger(__name__)

SECURITY_HEADERS = [
    (b"cache-control", b"no-store"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


class LanServerError(KnownError):
    pass


class SecurityHeaders:
    """Plain ASGI middleware (no per-request thread hop): adds SECURITY_HEADERS to every answer."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _not_found(request: Request, exc: Exception) -> Response:
    return PlainTextResponse(translate("lan", "Nothing here. Scan the code again."), status_code=404)


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("the LAN server failed on a request")  # the path only: no personal data
    return PlainTextResponse(translate("lan", "Something went wrong. Ask the secretary."), status_code=500)


def create_app(routes: Sequence[BaseRoute]) -> ASGIApp:
    """The app the LAN server serves: ``routes`` (Mounts for each feature), security headers,
    plain Chinese answers for what is not there."""
    app = Starlette(routes=list(routes), exception_handlers={404: _not_found, 500: _server_error})
    return SecurityHeaders(app)


class LanServer:
    """uvicorn serving ``app`` on ``host``:``port`` in a daemon thread. ``port`` 0 takes a free
    port (the tests); ``port`` then says which."""

    def __init__(self, app: ASGIApp, *, host: str = "0.0.0.0", port: int = 0):
        self.app = app
        self.host = host
        self.requested_port = port
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _bind(self) -> socket.socket:
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows: no second program on our port
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
            else:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self.requested_port))
            sock.listen(1024)  # a room of phones arriving at once is not turned away
        except OSError as err:
            sock.close()
            raise LanServerError(translate("lan", "Cannot listen on {host}:{port} ({error}). Another program may be using the port: choose another port in the sign-in settings, or close that program.").format(
                host=self.host, port=self.requested_port, error=err.strerror or err)) from err
        sock.setblocking(False)
        return sock

    def start(self, timeout: float = 10) -> "LanServer":
        if self.running:
            return self
        self._socket = self._bind()
        self.port = self._socket.getsockname()[1]
        config = uvicorn.Config(self.app, http=H11Protocol, ws="none", lifespan="off", loop="none",
                                access_log=False, log_level="warning", log_config=None, server_header=False,
                                date_header=False, timeout_keep_alive=5, timeout_graceful_shutdown=2,
                                limit_concurrency=1000, backlog=1024)
        self._server = uvicorn.Server(config)
        started = threading.Event()
        failed: list[BaseException] = []

        def run() -> None:
            try:
                asyncio.run(self._serve(started))
            except BaseException as err:  # noqa: BLE001 — reported to start() or the log
                failed.append(err)
                log.exception("the LAN server stopped with an error")
            finally:
                started.set()

        self._thread = threading.Thread(target=run, name="branchdesk-lan-server", daemon=True)
        self._thread.start()
        if not started.wait(timeout) or failed or not self._server.started:
            self.stop()
            raise LanServerError(translate("lan", "The server for phones did not start: {error}").format(
                error=failed[0] if failed else translate("lan", "no answer")))
        log.info("LAN server listening on %s:%s", self.host, self.port)
        return self

    async def _serve(self, started: threading.Event) -> None:
        server = self._server
        assert server is not None and self._socket is not None
        config = server.config
        if not config.loaded:
            config.load()
        server.lifespan = config.lifespan_class(config)
        await server.startup(sockets=[self._socket])
        started.set()
        if server.should_exit:
            return
        await server.main_loop()
        await server.shutdown(sockets=[self._socket])

    def stop(self, timeout: float = 5) -> None:
        """Stop listening and wait for the thread (open connections get ``timeout`` seconds)."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                if self._server is not None:
                    self._server.force_exit = True
                self._thread.join(timeout)
        if self._socket is not None:
            try:
                self._socket.close()
            except OSError:
                pass
        if self._thread is not None:
            log.info("LAN server on %s:%s stopped", self.host, self.port)
        self._thread = None
        self._server = None
        self._socket = None
