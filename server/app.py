"""The central server's web application: the JSON API for branches and the dashboard.

``create_app`` builds it over a database; ``app_from_env`` is what each uvicorn worker
process calls (``--workers N``): the database URL comes from the environment the command
line set, and nothing else is shared between workers — every request reads and writes the
database only.
"""
from __future__ import annotations

import logging
import os
import time
from typing import Callable

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from core import signing
from server import __version__, api, pages
from server.db import ENV_DB, ServerDatabase, open_database

log = logging.getLogger(__name__)


class ServerTimeHeader:
    """Every answer carries the server's clock (core.signing.HEADER_SERVER_TIME). Plain ASGI:
    cheaper per request than Starlette's BaseHTTPMiddleware."""

    def __init__(self, app, clock: Callable[[], float]):
        self.app, self.clock = app, clock

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_time(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((signing.HEADER_SERVER_TIME.lower().encode(), f"{self.clock():.3f}".encode()))
                message = message | {"headers": headers}
            await send(message)

        return await self.app(scope, receive, send_with_time)


def create_app(db: ServerDatabase, *, clock: Callable[[], float] = time.time) -> FastAPI:
    app = FastAPI(title="BranchDesk central server", version=__version__,
                  description="支部工作台中心服务器：接收支部汇总，下发通知与工作要求。")
    app.state.db = db
    app.state.clock = clock
    api.install(app)
    app.include_router(pages.router)

    @app.exception_handler(Exception)
    async def _bug(request, err):  # pragma: no cover — what a bug looks like to a branch
        log.exception("request %s %s failed", request.method, request.url.path)
        return JSONResponse({"error": "server_error", "message": "服务器内部错误，已记录；程序会稍后重试。",
                             "server_time": clock()}, status_code=500)

    app.add_middleware(ServerTimeHeader, clock=clock)
    return app


def app_from_env() -> FastAPI:
    """uvicorn's factory in each worker process."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return create_app(open_database(os.environ[ENV_DB]))
