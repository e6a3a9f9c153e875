"""The JSON API the branches speak (OpenAPI at /openapi.json).

    GET  /api/v1/time      the server's clock (no signature)
    POST /api/v1/enroll    a one-time enrollment code for the branch's key (no signature)
    POST /api/v1/packets   a summary packet (signed)
    GET  /api/v1/notices   notices and requirements for the branch (signed)

Signed requests (core.signing): the key id, a timestamp within five minutes of the server's
clock, a nonce never used before with that key, and the HMAC. Every answer, refusals
included, carries the server's clock in ``X-BranchDesk-Server-Time``; a refusal for a stale
timestamp carries it in the body too, so a PC whose clock is hours off learns the offset
and signs again. Refusals are JSON ``{"error": code, "message": 中文}``.
"""
from __future__ import annotations

import base64
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from core import signing
from core.summary import MAX_PACKET_BYTES, PacketError, SCHEMA_VERSION, from_json, json_schema
from server import store

router = APIRouter(prefix="/api/v1", tags=["sync"])


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, **extra):
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra


def error_response(err: ApiError, server_time: float) -> JSONResponse:
    return JSONResponse({"error": err.code, "message": err.message, "server_time": server_time, **err.extra},
                        status_code=err.status)


class Refusal(BaseModel):
    error: str = Field(description="a code for programs: stale_timestamp, replayed_nonce, bad_signature, "
                                   "unknown_key, revoked_key, invalid_packet, wrong_branch, …")
    message: str = Field(description="what happened and what to do, in Chinese")
    server_time: float


class ServerTime(BaseModel):
    server_time: float = Field(description="Unix seconds by the server's clock")
    schema_version: int = Field(description="the newest summary schema the server reads")


class EnrollRequest(BaseModel):
    code: str = Field(min_length=1, max_length=40, description="the one-time code from the administrator")


class EnrollAnswer(BaseModel):
    branch: str
    name: str
    key_id: str
    secret: str = Field(description="base64url, 32 bytes: keep it secret")


class PacketAnswer(BaseModel):
    status: str
    branch: str
    packet_id: str
    seq: int
    period: str
    received_at: str


class NoticeItem(BaseModel):
    id: int
    kind: str
    title: str
    body: str
    month: str | None
    unit: str
    published_at: str


REFUSALS = {
    400: {"model": Refusal, "description": "the body is not a packet of a known schema"},
    401: {"model": Refusal, "description": "unsigned, stale, replayed, or the signature does not match"},
    403: {"model": Refusal, "description": "the key was revoked, or the packet belongs to another branch"},
    413: {"model": Refusal, "description": "the body is too large"},
}


def _clock(request: Request):
    return request.app.state.clock


def _db(request: Request):
    return request.app.state.db


@router.get("/time", response_model=ServerTime)
def server_time(request: Request) -> ServerTime:
    return ServerTime(server_time=_clock(request)(), schema_version=SCHEMA_VERSION)


@router.post("/enroll", response_model=EnrollAnswer, responses={403: {"model": Refusal}})
def enroll(request: Request, body: EnrollRequest):
    try:
        with _db(request).write() as conn:
            e = store.enroll(conn, body.code, _clock(request))
    except store.StoreError as err:
        raise ApiError(403, err.code, err.message) from None
    return EnrollAnswer(branch=e.branch, name=e.name, key_id=e.key_id,
                        secret=base64.urlsafe_b64encode(e.secret).decode("ascii"))


def _target(request: Request) -> str:
    """What the client signed: the path and the query string as sent."""
    query = request.scope.get("query_string", b"").decode("latin-1")
    return request.scope["path"] + (f"?{query}" if query else "")


def signed_request(request: Request) -> signing.SignedRequest:
    """The request's signing headers, present and fresh (no database needed); else ApiError."""
    signed = signing.parse_headers(request.headers)
    if signed is None:
        raise ApiError(401, "unsigned", "请求没有有效的签名。请在支部工作台中重新登记同步。")
    if not signing.fresh(signed.timestamp, _clock(request)()):
        raise ApiError(401, "stale_timestamp", "请求的时间与服务器时间相差超过 5 分钟；程序会按服务器时间自动重试。")
    return signed


def authenticate(conn, request: Request, signed: signing.SignedRequest, body: bytes) -> store.KeyInfo:
    """The branch's key, once the request has proved it holds it, its nonce recorded; else
    ApiError (and the caller's transaction rolls back)."""
    key = store.key_info(conn, signed.key_id)
    if key is None:
        raise ApiError(401, "unknown_key", "服务器不认识本支部的同步密钥，请向上级组织申请登记码后重新登记。")
    if not signing.verify(key.secret, signed.signature, request.method, _target(request), body,
                          signed.timestamp, signed.nonce):
        raise ApiError(401, "bad_signature", "请求的签名不正确，数据可能在途中被改动；程序会重试。")
    if key.revoked:
        raise ApiError(403, "revoked_key", "本支部的同步密钥已被上级组织停用。请向上级组织申请新的登记码，在“设置 → 同步”中重新登记；未发送的汇总会保留。")
    if not store.remember_nonce(conn, key.key_id, signed.nonce, _clock(request)):
        raise ApiError(401, "replayed_nonce", "这个请求已经收到过一次（重放），已拒绝。")
    return key


def _receive(request: Request, body: bytes) -> Response:
    signed = signed_request(request)
    # Read before the database's one writer is taken: the writing transaction holds only the
    # key look-up, the nonce and the packet.
    try:
        packet = from_json(body)
    except PacketError as err:
        packet_error = ApiError(400, "invalid_packet", f"汇总包格式不正确：{err}")
        packet = None
    with _db(request).write() as conn:
        key = authenticate(conn, request, signed, body)
        if packet is None:
            raise packet_error
        try:
            stored = store.store_packet(conn, key.unit_id, key.branch, packet, body.decode("utf-8"), _clock(request))
        except store.StoreError as err:
            raise ApiError(403, err.code, err.message) from None
    headers = {"X-BranchDesk-Repeat": "1"} if stored.repeated else {}
    return Response(stored.answer, media_type="application/json", headers=headers)


@router.post("/packets", response_model=PacketAnswer, responses=REFUSALS, openapi_extra={
    "requestBody": {"required": True, "content": {"application/json": {"schema": json_schema()}}},
    "parameters": [{"name": h, "in": "header", "required": True, "schema": {"type": "string"}}
                   for h in (signing.HEADER_KEY, signing.HEADER_TIMESTAMP, signing.HEADER_NONCE, signing.HEADER_SIGNATURE)],
})
async def receive_packet(request: Request):
    """Store a summary packet once; a repeat of the same packet id gets the first answer."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_PACKET_BYTES:
        raise ApiError(413, "too_large", "汇总包太大。")
    body = await request.body()
    if len(body) > MAX_PACKET_BYTES:
        raise ApiError(413, "too_large", "汇总包太大。")
    return await run_in_threadpool(_receive, request, body)


def _notices(request: Request, after: int, limit: int) -> list[dict]:
    signed = signed_request(request)
    with _db(request).write() as conn:  # the nonce is written
        key = authenticate(conn, request, signed, b"")
        return store.notices_for(conn, key.unit_id, after, limit)


@router.get("/notices", response_model=list[NoticeItem], responses=REFUSALS, openapi_extra={
    "parameters": [{"name": h, "in": "header", "required": True, "schema": {"type": "string"}}
                   for h in (signing.HEADER_KEY, signing.HEADER_TIMESTAMP, signing.HEADER_NONCE, signing.HEADER_SIGNATURE)],
})
async def notices(request: Request, after: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
                  limit: Annotated[int, Query(ge=1, le=500)] = 100):
    """Notices and requirements published by the branch's superiors after notice ``after``."""
    return await run_in_threadpool(_notices, request, after, limit)


def install(app) -> None:
    app.include_router(router)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, err: ApiError):
        return error_response(err, request.app.state.clock())
