"""The phone ballot page in a real browser: Debian's Chromium at a phone's size with touch, against
the LAN server (uvicorn) on 127.0.0.1 (Playwright drives it; ``playwright install`` is never run).
A voter types the code, marks the ballot, reviews and sends it; the page then forgets it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.votes import DecisionSubject, PollKind
from desktop.lan.vote_routes import PhoneVoting
from desktop.services.votes import PollSetup, VoteService
from tests.helpers.votes import FULL, branch, election, everyone_present

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not shutil.which("chromium"),
                                reason="Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def voting(ctx, monkeypatch):
    ids = branch(ctx)
    service = VoteService(ctx.db, ctx.clock)
    poll = election(service)
    everyone_present(service, poll, ids)
    service.open(poll)
    for name in FULL:
        service.receive(poll, ids[name])
    phones = PhoneVoting(service, poll)
    server = phones.start("127.0.0.1", 0)
    phones.url = f"http://127.0.0.1:{server.port}{phones.path()}"
    phones.ids = ids
    yield phones
    phones.stop()


def open_phone(browser, url: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10000)
    page.goto(url)
    return context, page


def row(page, name: str):
    return page.locator(".row", has=page.locator(".who", has_text=name))


def test_a_voter_marks_reviews_and_sends_and_the_page_forgets(browser, voting):
    service, poll = voting.service, voting.poll_id
    codes = service.make_codes(poll, 2)
    context, page = open_phone(browser, voting.url)
    try:
        assert page.locator("#p-title").inner_text() == "支部委员会选举"
        assert "应选 3 名" in page.locator("#p-info").inner_text()
        page.fill("#code", "0000 0000" if codes[0] != "00000000" else "1111 1111")
        page.tap("#next")
        page.wait_for_selector("#code-error:not(:empty)")
        assert "投票码" in page.locator("#code-error").inner_text()
        page.fill("#code", f"{codes[0][:4]} {codes[0][4:]}")
        page.tap("#next")
        page.wait_for_selector("#step-ballot:not(.hidden)")
        names = page.locator(".row .who").all_inner_texts()
        assert names == ["刘洋", "张伟", "陈静", "赵敏"]              # 姓氏笔画
        row(page, "张伟").locator("button", has_text="赞成").first.tap()
        row(page, "赵敏").locator("button", has_text="赞成").first.tap()
        row(page, "刘洋").locator("button", has_text="不赞成").tap()
        write_in = row(page, "刘洋").locator("input")
        assert write_in.is_visible()
        write_in.fill("孙七")
        assert not row(page, "陈静").locator("input").is_visible()
        page.tap("#vote")
        page.wait_for_selector("#step-review:not(.hidden)")
        summary = page.locator("#summary").inner_text()
        assert "刘洋：不赞成 → 孙七" in summary and "陈静：（未填：视为弃权）" in summary
        assert page.locator("#warn").is_hidden()
        page.tap("#send")
        page.wait_for_selector("#step-done:not(.hidden)")
        assert "谢谢" in page.locator("#d-msg").inner_text()
        # Nothing of the vote is left on the page or in the browser.
        assert page.locator("#summary").inner_text() == "" and page.locator("#rows .row").count() == 0
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0
        assert context.cookies() == []
        page.go_back()
        page.go_forward()                                      # (from the back-forward cache, if the browser keeps one)
        page.wait_for_selector("#step-code:not(.hidden)")
        assert page.locator("#summary").inner_text() == "" and page.locator("#code").input_value() == ""
    finally:
        context.close()
    votes = {c.name: c.votes_for for c in service.tally(poll).candidates}
    assert votes == {"刘洋": 0, "张伟": 1, "陈静": 0, "赵敏": 1, "孙七": 1}
    assert service.box.check_code(poll, codes[0]).value == "used_code"


def test_too_many_in_favour_is_warned_and_a_used_code_refused(browser, voting):
    service, poll = voting.service, voting.poll_id
    code = service.make_codes(poll, 1)[0]
    context, page = open_phone(browser, voting.url)
    try:
        page.fill("#code", code)
        page.tap("#next")
        page.wait_for_selector("#step-ballot:not(.hidden)")
        for name in ("刘洋", "张伟", "陈静", "赵敏"):
            row(page, name).locator("button", has_text="赞成").first.tap()
        page.tap("#vote")
        assert page.locator("#warn").is_visible() and "无效" in page.locator("#warn").inner_text()
        page.tap("#send")
        page.wait_for_selector("#step-done:not(.hidden)")
        page.tap("#again")
        page.fill("#code", code)
        page.tap("#next")
        page.wait_for_selector("#code-error:not(:empty)")
        assert "已使用" in page.locator("#code-error").inner_text()
    finally:
        context.close()
    assert service.tally(poll).invalid_ballots == 1


def test_a_closed_poll_shows_a_plain_message(browser, voting):
    voting.service.close(voting.poll_id)
    context, page = open_phone(browser, voting.url)
    try:
        assert "手机投票尚未开始或已经结束" in page.content()
    finally:
        context.close()


def test_a_decision_on_a_narrow_phone(browser, ctx, monkeypatch):
    ids = branch(ctx)
    service = VoteService(ctx.db, ctx.clock)
    poll = service.create(PollSetup(PollKind.DECISION, "接收孙悦为预备党员", ("孙悦",), subject=DecisionSubject.ADMISSION,
                                    ways=("phone",)))
    everyone_present(service, poll, ids)
    service.open(poll)
    code = service.make_codes(poll, 1)[0]
    phones = PhoneVoting(service, poll)
    server = phones.start("127.0.0.1", 0)
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10000)
    try:
        page.goto(f"http://127.0.0.1:{server.port}{phones.path()}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320    # nothing sticks out sideways
        page.fill("#code", code)
        page.tap("#next")
        page.wait_for_selector("#step-ballot:not(.hidden)")
        assert page.locator(".opts button").all_inner_texts() == ["赞成", "反对", "弃权"]
        page.locator(".opts button", has_text="赞成").tap()
        page.tap("#vote")
        page.tap("#send")
        page.wait_for_selector("#step-done:not(.hidden)")
    finally:
        context.close()
        phones.stop()
    assert service.tally(poll).votes_for == 1
