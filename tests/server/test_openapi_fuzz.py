"""Schemathesis against the server's own OpenAPI description: no generated input — bodies,
query strings, headers — makes it answer 5xx. Half of the signed operations' cases are signed
with a real key, so the packet validation behind the signature check is reached too.
Bounded: a few dozen examples per operation, on the SQLite and the PostgreSQL server."""
from __future__ import annotations

import hashlib
import time
from urllib.parse import urlsplit

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings

from core import signing
from server import store
from tests.helpers.sync_server import SignedClient

SIGNED = {"/api/v1/packets", "/api/v1/notices"}


@pytest.fixture(scope="module")
def enrolled(live):
    live.admin(store.add_unit, "FUZZ", "模糊测试党委", "committee", None)
    code = live.admin(store.issue_enrollment, "F001", "模糊测试党支部", "FUZZ")
    client = SignedClient(live.url)
    client.enroll(code)
    return live, client


def _check(case, live, client) -> None:
    kwargs = case.as_transport_kwargs(base_url=live.url)
    prepared = requests.Session().prepare_request(requests.Request(**{k: v for k, v in kwargs.items()
                                                                      if k in ("method", "url", "headers", "params", "json", "data", "cookies")}))
    body = prepared.body or b""
    body = body.encode("utf-8") if isinstance(body, str) else body
    target = urlsplit(prepared.url)
    path = target.path + (f"?{target.query}" if target.query else "")
    signed = case.path in SIGNED and hashlib.sha256(path.encode() + body).digest()[0] % 2 == 0
    if signed:
        prepared.headers.update(signing.signed_headers(client.key_id, client.secret, prepared.method, path, body,
                                                       int(time.time())))
    with requests.Session() as session:
        response = session.send(prepared, timeout=30)
    assert response.status_code < 500, (case.method, path, body[:200], response.text[:500])
    assert signing.HEADER_SERVER_TIME.lower() in {k.lower() for k in response.headers}
    if signed:
        # A correctly signed request is never refused for its signature, whatever it carries.
        assert response.status_code != 401, response.text


def test_no_generated_request_makes_the_server_fail(enrolled):
    """Schemathesis's own pytest plugin does not load under pytest 9; its strategies do, driven
    by Hypothesis here directly."""
    live, client = enrolled
    schema = schemathesis.openapi.from_url(f"{live.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= SIGNED | {"/api/v1/time", "/api/v1/enroll"}
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            _check(case, live, client)

        run()
