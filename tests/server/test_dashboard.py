"""The dashboard in a real browser (Debian's Chromium, driven by Playwright's own driver —
``playwright install`` is never run): login, the tree, the figures, the ranking chart and its
weights, the branches that have not reported, publishing a notice; CSRF refused."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import dashboard_demo

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not shutil.which("chromium"),
                                reason="Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def city(live):
    clients = dashboard_demo.seed(live)
    return live, clients


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, city):
    live, _ = city
    context = browser.new_context(base_url=live.url, viewport={"width": 1366, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10000)
    yield page
    context.close()


def login(page, password=dashboard_demo.PASSWORD):
    page.goto("/")
    assert page.url.endswith("/login")  # not logged in: sent to the login page
    page.fill("#password", password)
    page.click("button[type=submit]")


def test_a_wrong_password_is_refused(page):
    login(page, "not the password")
    assert page.locator(".error").inner_text() == "用户名或密码不正确。"
    assert page.url.endswith("/login")


def test_the_dashboard_shows_the_tree_the_figures_and_who_has_not_reported(page, tmp_path):
    login(page)
    page.wait_for_selector("text=各支部最新数据")
    assert page.title() == "支部工作台 · 中心服务器"
    tree = page.locator("nav.tree").inner_text()
    for unit in ("滨江市委", "东风区委", "和平区委", "东风区机关党总支"):
        assert unit in tree
    cards = page.locator(".cards").inner_text()
    assert "7/8" in cards and "已报送支部" in cards
    assert page.locator("select[name=period] option:checked").inner_text() == "2026-10"
    rows = page.locator("table").first.locator("tbody tr")
    assert rows.count() == 7
    assert "区政府办公室党支部" in rows.nth(0).inner_text()  # 30 of 30 signed in: first
    missing = page.locator("section", has_text="未报送 2026-10 汇总的支部").inner_text()
    assert "和平里社区党支部" in missing and "从未报送" in missing
    bars = page.locator("svg rect")
    assert bars.count() >= 7 * 2 + 5  # legend, and at least two figures per branch
    assert page.locator("section", has_text="通知与工作要求").inner_text().count("十一月主题党日") == 1
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)


def test_the_tree_narrows_the_view_to_a_unit(page):
    login(page)
    page.click("nav.tree a:has-text('和平区委')")
    page.wait_for_selector("text=范围：和平区委")
    names = page.locator("table").first.locator("tbody tr").all_inner_texts()
    assert len(names) == 2 and all("和平" in n for n in names)
    assert "2/3" in page.locator(".cards").inner_text()


def test_changing_the_weights_changes_the_ranking(page):
    login(page)
    first = page.locator("table").first.locator("tbody tr").nth(0).inner_text()
    assert "区政府办公室党支部" in first
    for name, value in {"sign_in": "0", "mobile": "0", "records": "0", "comments": "0", "superior": "100"}.items():
        page.fill(f"input[name={name}]", value)
    page.click("text=保存权重")
    page.wait_for_selector("text=各支部最新数据")
    assert "和平街道老干部党支部" in page.locator("table").first.locator("tbody tr").nth(0).inner_text()  # 上级评分 95
    assert page.input_value("input[name=superior]") == "100"
    page.fill("input[name=superior]", "0")
    page.click("text=保存权重")
    assert "权重不能全为 0" in page.locator(".message").inner_text()
    for name, value in {"sign_in": "70", "mobile": "10", "records": "10", "comments": "5", "superior": "5"}.items():
        page.fill(f"input[name={name}]", value)
    page.click("text=保存权重")
    assert "区政府办公室党支部" in page.locator("table").first.locator("tbody tr").nth(0).inner_text()


def test_a_notice_published_on_the_dashboard_reaches_the_branches_below(page, city):
    _, clients = city
    login(page)
    page.select_option("select[name=unit]", "HPQ")
    page.select_option("select[name=kind]", "notice")
    page.fill("input[name=title]", "关于报送年度党费收缴情况的通知")
    page.fill("textarea[name=body]", "请于 12 月 10 日前报送。")
    page.click("text=发布到下级支部")
    assert "通知已发布" in page.locator(".message").inner_text()
    got_hp = [n["title"] for n in clients["HP01"].signed("GET", "/api/v1/notices").json()]
    got_df = [n["title"] for n in clients["DF01"].signed("GET", "/api/v1/notices").json()]
    assert "关于报送年度党费收缴情况的通知" in got_hp
    assert "关于报送年度党费收缴情况的通知" not in got_df  # 东风 is not below 和平区委


def test_a_post_without_the_csrf_token_is_refused(page):
    login(page)
    answer = page.request.post("/weights", form={"sign_in": "1", "mobile": "0", "records": "0", "comments": "0",
                                                 "superior": "0"})
    assert answer.status == 403
    forged = page.request.post("/weights", form={"csrf": "0" * 64, "sign_in": "1"})
    assert forged.status == 403
    page.goto("/")
    assert page.input_value("input[name=sign_in]") == "70"  # unchanged


def test_logging_out_ends_the_session(page):
    login(page)
    page.click("text=退出登录")
    page.wait_for_url("**/login")
    page.goto("/")
    assert page.url.endswith("/login")
