"""The baseline of bench_sync: the same web framework (FastAPI on uvicorn, one worker, no access
log) inserting the same JSON into the same database with the same connection settings — and
nothing else: no signature, no nonce, no validation, no exactly-once.

    uvicorn --factory bench.sync_bare:app_from_env   (BRANCHDESK_SERVER_DB names the database)
"""
from __future__ import annotations

import os

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy import Column, Integer, MetaData, Table, Text
from starlette.concurrency import run_in_threadpool

from server.db import ENV_DB, open_database

metadata = MetaData()
bare_packet = Table("bench_bare_packet", metadata, Column("id", Integer, primary_key=True), Column("body", Text, nullable=False))


def create_app(url: str) -> FastAPI:
    db = open_database(url)
    with db.write() as conn:
        metadata.create_all(conn)
    app = FastAPI()
    insert = bare_packet.insert()

    def store(body: bytes) -> None:
        with db.write() as conn:
            conn.execute(insert, {"body": body.decode("utf-8")})

    @app.post("/bare")
    async def bare(request: Request):
        await run_in_threadpool(store, await request.body())
        return Response('{"status":"stored"}', media_type="application/json")

    return app


def app_from_env() -> FastAPI:
    return create_app(os.environ[ENV_DB])
