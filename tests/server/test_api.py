"""The JSON API over HTTP, a real server process on each database: enrollment, signed
requests and every way one is refused, packets stored once, notices."""
from __future__ import annotations

import json
import time

import pytest

from core import signing
from core.summary import SCHEMA_VERSION
from server import store
from tests.helpers.sync_server import SignedClient, packet

_counter = iter(range(1, 10**6))


@pytest.fixture
def branch(live):
    """A newly enrolled branch on the live server: (code, client)."""
    code = f"B{next(_counter):04d}"
    live.admin(store.add_unit, f"U{code}", "测试党委", "committee", None)
    enrollment = live.admin(store.issue_enrollment, code, f"测试{code}党支部", f"U{code}")
    client = SignedClient(live.url)
    client.enroll(enrollment)
    return code, client


def chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_every_answer_carries_the_servers_clock(live):
    client = SignedClient(live.url)
    for method, path in (("GET", "/api/v1/time"), ("POST", "/api/v1/packets"), ("GET", "/nothing-here")):
        answer = client.raw(method, path)
        assert abs(float(answer.headers[signing.HEADER_SERVER_TIME.lower()]) - time.time()) < 5, (method, path)
    assert client.raw("GET", "/api/v1/time").json()["schema_version"] == SCHEMA_VERSION


def test_enrollment_gives_a_key_once(live, branch):
    code, client = branch
    assert client.key_id and len(client.secret) == 32
    enrollment = live.admin(store.issue_enrollment, code, None, None)
    again = SignedClient(live.url)
    assert again.raw("POST", "/api/v1/enroll", json.dumps({"code": enrollment}).encode()).status == 200
    used = again.raw("POST", "/api/v1/enroll", json.dumps({"code": enrollment}).encode())
    assert (used.status, used.json()["error"]) == (403, "used_enrollment_code")
    assert chinese(used.json()["message"])


def test_a_packet_is_stored_and_its_repeat_gets_the_same_answer(live, branch):
    code, client = branch
    p = packet(code, 1)
    first = client.send(p)
    assert first.status == 200, first.body
    assert first.json() | {"received_at": None} == {"status": "stored", "branch": code, "packet_id": p.packet_id,
                                                    "seq": 1, "period": "2026-10", "received_at": None}
    time.sleep(1.1)
    again = client.send(p)  # a new nonce and timestamp: not a replay, a repeat
    assert (again.status, again.body) == (200, first.body)
    assert again.headers.get("x-branchdesk-repeat") == "1" and "x-branchdesk-repeat" not in first.headers
    with live.db.read() as conn:
        report = {r.code: r for r in store.report(conn)}
    assert (report[code].packets, report[code].latest_period) == (1, "2026-10")


def test_a_stale_timestamp_is_refused_with_the_servers_time(live, branch):
    code, client = branch
    client.skew = -2 * 3600  # this PC's clock is two hours slow
    answer = client.send(packet(code, 1))
    assert (answer.status, answer.json()["error"]) == (401, "stale_timestamp")
    assert abs(answer.json()["server_time"] - time.time()) < 5
    assert chinese(answer.json()["message"])
    # Signing with the server's time as the answer told it: accepted.
    client.skew = answer.json()["server_time"] - time.time()
    assert client.send(packet(code, 1)).status == 200


def test_a_replayed_request_is_refused(live, branch):
    code, client = branch
    body = packet(code, 1).to_bytes()
    stamp = int(time.time())
    first = client.signed("POST", "/api/v1/packets", body, timestamp=stamp, nonce="same-nonce-0123456789")
    replay = client.signed("POST", "/api/v1/packets", body, timestamp=stamp, nonce="same-nonce-0123456789")
    assert first.status == 200
    assert (replay.status, replay.json()["error"]) == (401, "replayed_nonce")


def test_a_changed_body_or_path_or_a_wrong_key_is_refused(live, branch):
    code, client = branch
    body = packet(code, 1).to_bytes()
    stamp, nonce = int(time.time()), signing.new_nonce()
    headers = signing.signed_headers(client.key_id, client.secret, "POST", "/api/v1/packets", body, stamp, nonce)
    tampered = body.replace(b'"total":30', b'"total":31')
    answer = client.raw("POST", "/api/v1/packets", tampered, headers)
    assert (answer.status, answer.json()["error"]) == (401, "bad_signature")
    assert client.signed("POST", "/api/v1/packets", body, secret=b"x" * 32).json()["error"] == "bad_signature"
    assert client.raw("POST", "/api/v1/packets", body).json()["error"] == "unsigned"
    stranger = SignedClient(live.url, "kunknownkey0000", b"y" * 32)
    assert stranger.send(body).json()["error"] == "unknown_key"


def test_a_revoked_key_is_refused_in_chinese(live, branch):
    code, client = branch
    assert client.send(packet(code, 1)).status == 200
    live.admin(store.revoke, code)
    answer = client.send(packet(code, 2))
    assert (answer.status, answer.json()["error"]) == (403, "revoked_key")
    assert "停用" in answer.json()["message"]


@pytest.mark.parametrize("change,error", [
    (lambda d: d | {"name": "张三"}, "invalid_packet"),                          # a field the schema has no room for
    (lambda d: d | {"phone": "13800000001"}, "invalid_packet"),
    (lambda d: d | {"schema": SCHEMA_VERSION + 1}, "invalid_packet"),
    (lambda d: d | {"seq": 0}, "invalid_packet"),
    (lambda d: {k: v for k, v in d.items() if k != "period"}, "invalid_packet"),
    (lambda d: d | {"branch": "B9999"}, "wrong_branch"),
])
def test_a_packet_the_schema_does_not_allow_is_refused(live, branch, change, error):
    code, client = branch
    body = json.dumps(change(json.loads(packet(code, 1).to_json())), ensure_ascii=False).encode()
    answer = client.send(body)
    assert answer.json()["error"] == error
    assert answer.status in (400, 403)


def test_a_body_that_is_not_json_or_too_large_is_refused(live, branch):
    code, client = branch
    assert client.send(b"\xff\xfe{").status == 400
    assert client.send("{}".encode("utf-16")).status == 400
    assert client.send(b"[" * 100000 + b"]" * 100000).status == 413


def test_notices_come_down_to_the_branches_below(live, branch):
    code, client = branch
    live.admin(store.publish_notice, f"U{code}", "requirement", "十一月主题党日：重温入党誓词", "请于 11 月 25 日前开展。",
               "2026-11")
    answer = client.signed("GET", "/api/v1/notices?after=0")
    assert answer.status == 200, answer.body
    [notice] = answer.json()
    assert (notice["title"], notice["kind"], notice["month"], notice["unit"]) == (
        "十一月主题党日：重温入党誓词", "requirement", "2026-11", "测试党委")
    assert client.signed("GET", f"/api/v1/notices?after={notice['id']}").json() == []
    # The query string is signed: changing it breaks the signature.
    headers = signing.signed_headers(client.key_id, client.secret, "GET", "/api/v1/notices?after=0", b"",
                                     int(time.time()))
    assert client.raw("GET", "/api/v1/notices?after=5", b"", headers).json()["error"] == "bad_signature"


def test_the_openapi_document_describes_the_packet(live):
    doc = SignedClient(live.url).raw("GET", "/openapi.json").json()
    body = doc["paths"]["/api/v1/packets"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["additionalProperties"] is False
    assert {"packet_id", "branch", "seq", "period", "created_at", "kind"} <= set(body["required"])
    assert "name" not in json.dumps(body["properties"]["headcount"])
    assert {"/api/v1/time", "/api/v1/enroll", "/api/v1/notices"} <= set(doc["paths"])
    assert "/login" not in doc["paths"]  # the dashboard is not part of the API
