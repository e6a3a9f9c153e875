"""The LAN server for phones on a real uvicorn, bound to 127.0.0.1 on a free port: the page, the
confirmation with the phone's last four digits, one phone per member, rate limits, the token,
no request log, and nothing listening once it stops."""
from __future__ import annotations

import logging
import socket
import threading
from datetime import timedelta

import pytest

from core.signin import Refusal, refusal_text
from desktop.lan.signin_routes import PhoneServer
from tests.helpers.phone_client import Phone
from tests.helpers.signin import END, at, branch


@pytest.fixture
def b(ctx):
    ctx.clock.at = at(-10)
    return branch(ctx)


@pytest.fixture
def served(ctx, b):
    changes = []
    server = PhoneServer(b.signin, b.meeting_id, ctx.clock, host="127.0.0.1", port=0,
                         on_change=lambda: changes.append(threading.current_thread().name))
    server.changes = changes
    yield server
    server.stop()


def phone(served) -> Phone:
    return Phone(served.url("127.0.0.1"))


def test_the_page_lists_the_expected_and_sends_no_phone_numbers(served, b):
    p = phone(served)
    status, headers, text = p.open()
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "no-store" in headers["cache-control"] and "nonce-" in headers["content-security-policy"]
    assert p.cookie and p.cookie.startswith("bd_device=")
    assert "13900001234" not in text and "1234" not in text.split('id="data">')[1].split("</script>")[0]
    data = p.page_data()
    assert [m["name"] for m in data["members"]] == ["王书记", "李委员", "张伟", "赵敏", "刘洋", "欧阳晓明"]
    assert data["phase"] == "signin"
    assert 'lang="zh-CN"' in text


def test_sign_in_with_the_last_four_digits_then_out(ctx, served, b):
    p = phone(served)
    p.open()
    status, wrong = p.sign(b.public_id("张伟"), "4321")
    assert status == 200 and not wrong["ok"] and wrong["message"] == refusal_text(Refusal.WRONG_CODE)
    status, ok = p.sign(b.public_id("张伟"), "1234")
    assert ok["ok"] and ok["status"] == "signed_in" and ok["member"] == "张伟" and "14:20" in ok["message"]
    status, again = p.sign(b.public_id("张伟"), "1234")
    assert again["ok"] and again["status"] == "signed_in"
    ctx.clock.at = END - timedelta(minutes=5)
    status, out = p.sign(b.public_id("张伟"), "1234")
    assert out["status"] == "signed_out"
    assert served.changes and all(name == "branchdesk-signin-writer" for name in served.changes)
    assert len(served.changes) == 2  # the sign-in and the sign-out, not the repeat


def test_one_phone_per_member_and_one_member_per_phone(served, b):
    mine, friends = phone(served), phone(served)
    mine.open()
    friends.open()
    assert mine.sign(b.public_id("张伟"), "1234")[1]["ok"]
    status, other = mine.sign(b.public_id("赵敏"), "5678")
    assert other["message"] == refusal_text(Refusal.PHONE_USED)
    status, second = friends.sign(b.public_id("张伟"), "1234")
    assert second["message"] == refusal_text(Refusal.OTHER_PHONE)
    assert friends.sign(b.public_id("赵敏"), "5678")[1]["ok"]


def test_guessing_is_stopped_after_five_wrong_tries(served, b):
    p = phone(served)
    p.open()
    for guess in ("0000", "1111", "2222", "3333", "4444"):
        assert p.sign(b.public_id("张伟"), guess)[1]["message"] == refusal_text(Refusal.WRONG_CODE)
    status, locked = p.sign(b.public_id("张伟"), "1234")
    assert status == 429 and locked["message"] == refusal_text(Refusal.TOO_MANY)
    # Another phone trying the same member is stopped too; the member's neighbour is not.
    other = phone(served)
    other.open()
    assert other.sign(b.public_id("张伟"), "1234")[0] == 429
    assert other.sign(b.public_id("赵敏"), "5678")[1]["ok"]


def test_requests_the_page_never_sends_are_refused(served, b):
    p = phone(served)
    status, body = p.sign(b.public_id("张伟"), "1234")   # no cookie: the page was never opened
    assert status == 400
    p.open()
    assert p.sign(b.public_id("张伟"), "1234", content_type="text/plain")[0] == 415  # a cross-site form
    assert p.sign("not-a-member", "1234")[1]["message"] == refusal_text(Refusal.NOT_EXPECTED)
    status, _, text = p.open("/m/aaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    assert status == 404 and refusal_text(Refusal.LINK_EXPIRED) in text
    assert p.open("/")[0] == 404 and p.open("/m/../../etc/passwd")[0] == 404


def test_the_link_expires_an_hour_after_the_end(ctx, served, b):
    p = phone(served)
    ctx.clock.at = END + timedelta(minutes=60)
    assert p.open()[0] == 200
    ctx.clock.at = END + timedelta(minutes=61)
    assert p.open()[0] == 404


def test_no_request_is_logged(served, b, caplog):
    caplog.set_level(logging.DEBUG)
    p = phone(served)
    p.open()
    p.sign(b.public_id("张伟"), "1234")
    assert not [r for r in caplog.records if r.name.startswith("uvicorn")]
    assert not [r for r in caplog.records if "张伟" in r.getMessage() or b.public_id("张伟") in r.getMessage()]


def test_nothing_listens_once_stopped(ctx, b):
    server = PhoneServer(b.signin, b.meeting_id, ctx.clock, host="127.0.0.1", port=0)
    port = server.port
    assert Phone(server.url("127.0.0.1")).open()[0] == 200
    server.stop()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_a_port_in_use_is_a_plain_message(ctx, b):
    from desktop.lan.server import LanServerError
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        with pytest.raises(LanServerError):
            PhoneServer(b.signin, b.meeting_id, ctx.clock, host="127.0.0.1", port=taken.getsockname()[1])
