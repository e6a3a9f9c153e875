"""The phone page in a real browser: Debian's Chromium, a phone's viewport and touch, against the
LAN server on 127.0.0.1 (Playwright drives it; ``playwright install`` is never run)."""
from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from core.i18n import translate
from core.signin import Refusal, refusal_text
from desktop.lan.phone_page import texts
from desktop.lan.signin_routes import PhoneServer
from tests.helpers.signin import END, at, branch

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
def served(ctx):
    ctx.clock.at = at(-10)
    b = branch(ctx)
    server = PhoneServer(b.signin, b.meeting_id, ctx.clock, host="127.0.0.1", port=0)
    server.branch = b
    yield server
    server.stop()


def open_phone(browser, served, width=390, height=844):
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10000)
    page.goto(served.url("127.0.0.1"))
    return context, page


def test_a_member_signs_in_by_tapping_their_name_and_four_digits(browser, served):
    context, page = open_phone(browser, served)
    try:
        assert page.locator("#m-title").inner_text() == "学习贯彻全会精神"
        assert page.locator("#list button").count() == 6
        page.fill("#search", "zw")                       # pinyin initials of 张伟
        assert page.locator("#list button").all_inner_texts() == ["张伟"]
        page.tap("#list button")
        assert page.locator("#who").inner_text().startswith("张伟")
        page.fill("#code", "1234")
        page.tap("#go")
        page.wait_for_selector("#result.ok")
        assert page.locator("#r-name").inner_text() == "张伟"
        assert "14:20" in page.locator("#r-msg").inner_text()
        board = served.branch.signin.board(served.branch.meeting_id)
        assert [r.name for r in board.rows if r.signed_in_at] == ["张伟"]
        # Back on the page later: the phone remembers who it signed in.
        page.reload()
        assert page.locator("#step-code").is_visible() and page.locator("#who").inner_text().startswith("张伟")
    finally:
        context.close()


def test_wrong_digits_are_shown_in_red_with_the_reason(browser, served):
    context, page = open_phone(browser, served)
    try:
        page.locator("#list button", has_text="赵敏").tap()
        page.fill("#code", "0000")
        page.tap("#go")
        page.wait_for_selector("#result.bad")
        assert page.locator("#r-msg").inner_text() == refusal_text(Refusal.WRONG_CODE)
        page.tap("#back")
        page.fill("#code", "5678")
        page.tap("#go")
        page.wait_for_selector("#result.ok")
    finally:
        context.close()


def test_sign_out_at_the_end(ctx, browser, served):
    context, page = open_phone(browser, served)
    try:
        page.locator("#list button", has_text="刘洋").tap()
        page.fill("#code", "9012")
        page.tap("#go")
        page.wait_for_selector("#result.ok")
        ctx.clock.at = END - timedelta(minutes=10)
        page.reload()
        assert page.locator("#go").inner_text() == texts()["signout"]
        page.fill("#code", "9012")
        page.tap("#go")
        page.wait_for_selector("#result.ok")
        assert translate("phone", "Signed out") in page.locator("#r-msg").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 360, 390])
def test_the_page_fits_a_small_screen_with_large_targets(browser, served, width):
    context, page = open_phone(browser, served, width=width, height=700)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        sizes = page.evaluate("Array.from(document.querySelectorAll('#list button')).map(b => b.getBoundingClientRect().height)")
        assert min(sizes) >= 48
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
        page.locator("#list button").first.tap()
        box = page.locator("#go").bounding_box()
        assert box["height"] >= 56 and box["width"] >= width - 60
    finally:
        context.close()


def test_the_page_reads_in_chinese(browser, served, monkeypatch):
    context, page = open_phone(browser, served)
    try:
        assert page.locator("header h1").inner_text() == "会议签到"
        assert page.get_attribute("html", "lang") == "zh-CN"
        assert page.locator("#phase").inner_text().startswith("现在可以签到")
        assert page.locator("#search").get_attribute("placeholder") == "姓名或拼音首字母"
        page.locator("#list button", has_text="王书记").tap()
        page.fill("#code", "9999")
        page.tap("#go")
        page.wait_for_selector("#result.bad")
        assert page.locator("#r-msg").inner_text() == "号码与登记的不符"
    finally:
        context.close()


def test_not_me_goes_back_to_every_name(browser, served):
    context, page = open_phone(browser, served)
    try:
        page.fill("#search", "zm")
        page.locator("#list button").first.tap()
        assert page.locator("#who").inner_text().startswith("赵敏")
        page.tap("#not-me")
        assert page.locator("#step-name").is_visible() and page.locator("#list button").count() == 6
        assert page.locator("#search").input_value() == ""
    finally:
        context.close()


def test_two_names_a_row_even_on_a_320_pixel_screen(browser, served):
    context, page = open_phone(browser, served, width=320, height=640)
    try:
        tops = page.evaluate("Array.from(document.querySelectorAll('#list button')).map(b => b.getBoundingClientRect().top)")
        assert tops[0] == tops[1]  # 王书记 and 李委员 side by side
        placeholder_fits = page.evaluate(
            "(() => { const s = document.querySelector('#search'); const c = document.createElement('canvas').getContext('2d');"
            " c.font = getComputedStyle(s).font; return c.measureText(s.placeholder).width <= s.clientWidth - 24; })()")
        assert placeholder_fits
    finally:
        context.close()
