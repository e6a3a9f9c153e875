"""The dashboard web pages (login required), server-rendered HTML in Chinese.

No script, no CDN (the server may run without internet): the ranking chart is inline SVG.
Every POST carries a CSRF token derived from the session cookie; the cookie is HttpOnly and
SameSite=Strict.
"""
from __future__ import annotations

import html
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from server import admin_auth, dashboard, ranking, store

router = APIRouter(include_in_schema=False)

MAX_FORM_BYTES = 64 * 1024
COLOURS = {"sign_in": "#c62828", "mobile": "#ef6c00", "records": "#2e7d32", "comments": "#1565c0", "superior": "#6a1b9a"}
CHART_BARS = 15
TABLE_ROWS = 300

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; color: #222;
       background: #f6f4f1; font-size: 15px; }
header { background: #b71c1c; color: white; padding: 12px 24px; display: flex; align-items: center; gap: 16px; }
header h1 { font-size: 20px; margin: 0; flex: 1; }
header form { margin: 0; }
header button { background: transparent; color: white; border: 1px solid #fff8; border-radius: 4px; padding: 4px 12px; cursor: pointer; }
main { display: grid; grid-template-columns: 260px 1fr; gap: 16px; padding: 16px 24px; }
section { background: white; border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px; margin-bottom: 16px; }
h2 { font-size: 16px; margin: 0 0 10px; }
nav.tree a { display: block; padding: 3px 0; color: #222; text-decoration: none; }
nav.tree a.current { color: #b71c1c; font-weight: bold; }
nav.tree small { color: #777; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin-bottom: 16px; }
.card { background: white; border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; }
.card b { display: block; font-size: 24px; color: #b71c1c; }
.card span { color: #555; font-size: 13px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #eee; font-size: 14px; }
th { background: #faf7f4; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.warn { color: #b71c1c; font-weight: 600; }
.muted { color: #777; }
form.inline, div.row { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; }
form.inline label, div.row label { display: flex; flex-direction: column; font-size: 13px; color: #555; }
input, select, textarea { font: inherit; padding: 4px 6px; border: 1px solid #bbb; border-radius: 4px; }
input.w { width: 56px; }
button.primary { background: #c62828; color: white; border: 0; border-radius: 4px; padding: 6px 16px; cursor: pointer; font: inherit; }
.error { color: #b71c1c; margin: 8px 0; }
.message-box { background: #fff8e1; border-color: #f3d27a; }
.message { margin: 0; }
.login { max-width: 340px; margin: 80px auto; background: white; border: 1px solid #ddd; border-radius: 8px; padding: 24px 28px; }
.login label { display: block; margin: 10px 0 4px; }
.login input { width: 100%; box-sizing: border-box; }
"""


def e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{e(title)}</title>
<style>{STYLE}</style></head><body>{body}</body></html>""", status_code=status,
                        headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY",
                                 "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'"})


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"


async def form_of(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        return {}
    return {k: v[0] for k, v in parsed.items()}


# -- login ---------------------------------------------------------------------------------------

def login_page(error: str = "", status: int = 200) -> HTMLResponse:
    message = f'<p class="error">{e(error)}</p>' if error else ""
    return page("登录 — 支部工作台中心服务器", f"""
<div class="login"><h2>支部工作台 · 中心服务器</h2>{message}
<form method="post" action="/login">
<label for="username">用户名</label><input id="username" name="username" value="admin" autocomplete="username">
<label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" autofocus>
<p><button class="primary" type="submit">登录</button></p></form></div>""", status)


@router.get("/login")
def get_login():
    return login_page()


def _login(request: Request, username: str, password: str) -> str | None:
    db = request.app.state.db
    with db.read() as conn:
        stored = admin_auth.password_hash(conn, username)
        secret = admin_auth.session_secret(conn)
    if stored is None or not admin_auth.check_password(password, stored):
        return None
    return admin_auth.make_session(secret, username, stored, request.app.state.clock())


@router.post("/login")
async def post_login(request: Request):
    form = await form_of(request)
    cookie = await run_in_threadpool(_login, request, form.get("username", ""), form.get("password", ""))
    if cookie is None:
        return login_page("用户名或密码不正确。", 401)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(admin_auth.SESSION_COOKIE, cookie, max_age=admin_auth.SESSION_SECONDS, httponly=True,
                        samesite="strict", path="/")
    return response


def _session(request: Request) -> tuple[str | None, bytes]:
    with request.app.state.db.read() as conn:
        cookie = request.cookies.get(admin_auth.SESSION_COOKIE)
        return (admin_auth.session_user(conn, cookie, request.app.state.clock()),
                admin_auth.session_secret(conn))


async def _checked_post(request: Request) -> tuple[dict[str, str] | None, Response | None]:
    """The form of a POST from a logged-in administrator with a valid CSRF token, or the answer."""
    user, secret = await run_in_threadpool(_session, request)
    if user is None:
        return None, RedirectResponse("/login", status_code=303)
    form = await form_of(request)
    if not admin_auth.check_csrf(secret, request.cookies.get(admin_auth.SESSION_COOKIE), form.get("csrf")):
        return None, page("请求被拒绝", '<div class="login"><p class="error">表单已过期，请返回重新提交。</p>'
                                      '<p><a href="/">返回</a></p></div>', 403)
    return form, None


@router.post("/logout")
async def post_logout(request: Request):
    form, refused = await _checked_post(request)
    if refused is not None:
        return refused
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(admin_auth.SESSION_COOKIE, path="/")
    return response


# -- the dashboard -------------------------------------------------------------------------------

def _build(request: Request, unit: str | None, period: str | None):
    with request.app.state.db.read() as conn:
        return dashboard.build(conn, unit_code=unit, period=period)


@router.get("/")
async def get_dashboard(request: Request, unit: str | None = None, period: str | None = None, message: str | None = None):
    user, secret = await run_in_threadpool(_session, request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    view = await run_in_threadpool(_build, request, unit, period)
    csrf = admin_auth.csrf_token(secret, request.cookies[admin_auth.SESSION_COOKIE])
    return page("支部工作台 · 中心服务器", render(view, csrf, user, message))


def _link(view: dashboard.DashboardView, **change) -> str:
    params = {"unit": view.unit.code if view.unit else None, "period": view.period} | change
    return "/?" + urlencode({k: v for k, v in params.items() if v})


def render(view: dashboard.DashboardView, csrf: str, user: str, message: str | None = None) -> str:
    hidden = f'<input type="hidden" name="csrf" value="{e(csrf)}">'
    scope = view.unit.name if view.unit else "全部单位"
    parts = [f"""<header><h1>支部工作台 · 中心服务器</h1><span>{e(user)}</span>
<form method="post" action="/logout">{hidden}<button type="submit">退出登录</button></form></header><main>"""]
    # The tree.
    tree = [f'<a href="{e(_link(view, unit=None))}" class="{"current" if view.unit is None else ""}">全部单位</a>']
    for line in view.tree:
        current = "current" if view.unit and view.unit.id == line.unit.id else ""
        count = "" if line.unit.kind == "branch" else f" <small>{line.reported}/{line.branches} 已报</small>"
        if line.unit.kind == "branch":
            count = " <small>已报</small>" if line.reported else ' <small class="warn">未报</small>'
        tree.append(f'<a href="{e(_link(view, unit=line.unit.code))}" class="{current}" '
                    f'style="padding-left:{line.depth * 14}px">{e(line.unit.name)}{count}</a>')
    parts.append(f'<div><section><h2>组织结构</h2><nav class="tree">{"".join(tree)}</nav></section></div><div>')
    if message:
        parts.append(f'<section class="message-box"><p class="message">{e(message)}</p></section>')
    # The period and the totals.
    options = "".join(f'<option value="{e(p)}"{" selected" if p == view.period else ""}>{e(p)}</option>' for p in view.periods)
    unit_field = f'<input type="hidden" name="unit" value="{e(view.unit.code)}">' if view.unit else ""
    parts.append(f"""<section><form class="inline" method="get" action="/">{unit_field}
<label>统计月份<select name="period">{options or '<option>（尚无汇总）</option>'}</select></label>
<button class="primary" type="submit">查看</button><span class="muted">范围：{e(scope)}</span></form></section>""")
    reported = len(view.lines)
    parts.append(f"""<div class="cards">
<div class="card"><b>{reported}/{view.branches}</b><span>已报送支部</span></div>
<div class="card"><b>{view.members}</b><span>在册党员（已报支部）</span></div>
<div class="card"><b class="{"warn" if view.overdue else ""}">{view.overdue}</b><span>逾期未开的会议</span></div>
<div class="card"><b>{percent(view.dues_rate)}</b><span>本年党费收缴率</span></div>
<div class="card"><b>{len(view.missing)}</b><span>未报送支部</span></div></div>""")
    parts.append(chart(view))
    parts.append(table(view))
    parts.append(missing(view))
    parts.append(weights_form(view, hidden))
    parts.append(notices(view, hidden))
    parts.append("</div></main>")
    return "".join(parts)


def chart(view: dashboard.DashboardView) -> str:
    """Stacked horizontal bars: each figure's weighted share of the score."""
    lines = view.lines[:CHART_BARS]
    if not lines:
        return '<section><h2>排名</h2><p class="muted">本月尚无支部报送。</p></section>'
    total = sum(view.weights.values()) or 1
    label_w, bar_w, row_h, top = 210, 520, 26, 30
    height = top + row_h * len(lines) + 10
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="支部排名" width="{label_w + bar_w + 70}" '
           f'height="{height}" font-family="Noto Sans CJK SC, Microsoft YaHei, sans-serif" font-size="13">']
    x = label_w
    for name in ranking.FIGURES:  # legend
        svg.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{COLOURS[name]}"/>'
                   f'<text x="{x + 16}" y="17">{e(ranking.LABELS[name])} {view.weights[name]}</text>')
        x += 100
    for i, line in enumerate(lines):
        y = top + i * row_h
        name = line.name if len(line.name) <= 14 else line.name[:13] + "…"
        svg.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{i + 1}. {e(name)}</text>')
        x = float(label_w)
        for fig in ranking.FIGURES:
            width = bar_w * getattr(line.figures, fig) * view.weights[fig] / total
            if width > 0:
                svg.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{width:.1f}" height="{row_h - 8}" fill="{COLOURS[fig]}">'
                           f'<title>{e(ranking.LABELS[fig])}：{getattr(line.figures, fig) * 100:.0f}%</title></rect>')
            x += width
        svg.append(f'<text x="{x + 6:.1f}" y="{y + 16}">{line.score:.1f}</text>')
    svg.append("</svg>")
    return f'<section><h2>排名（前 {len(lines)} 名，满分 100）</h2>{"".join(svg)}</section>'


def table(view: dashboard.DashboardView) -> str:
    if not view.lines:
        return ""
    rows = []
    for i, line in enumerate(view.lines[:TABLE_ROWS], 1):
        overdue = f'<span class="warn">{line.overdue}</span>' if line.overdue else "0"
        kind = "月报" if line.kind == "month" else "即时"
        rows.append(f"<tr><td class=n>{i}</td><td>{e(line.name)}<br><small class=muted>{e(line.code)}</small></td>"
                    f"<td>{e(line.parent)}</td><td>{e(line.period)} {kind}</td><td class=n>{line.members}</td>"
                    f"<td class=n>{overdue}</td><td class=n>{percent(line.dues_rate)}<br><small class=muted>"
                    f"{yuan(line.dues_paid_fen)}/{yuan(line.dues_due_fen)}</small></td>"
                    f"<td class=n>{percent(line.sign_in)}</td><td class=n><b>{line.score:.1f}</b></td></tr>")
    more = (f'<p class="muted">只列出前 {TABLE_ROWS} 个；在左侧选择单位可缩小范围。</p>'
            if len(view.lines) > TABLE_ROWS else "")
    return f"""<section><h2>各支部最新数据（{e(view.period)}）</h2><table><thead><tr><th class=n>名次</th><th>支部</th>
<th>上级</th><th>汇总</th><th class=n>党员</th><th class=n>逾期会议</th><th class=n>党费收缴（元）</th>
<th class=n>签到率</th><th class=n>得分</th></tr></thead><tbody>{"".join(rows)}</tbody></table>{more}</section>"""


def missing(view: dashboard.DashboardView) -> str:
    if not view.missing:
        return '<section><h2>未报送的支部</h2><p class="muted">全部支部均已报送。</p></section>' if view.period else ""
    rows = "".join(f"<tr><td>{e(m.name)}<br><small class=muted>{e(m.code)}</small></td><td>{e(m.parent)}</td>"
                   f"<td>{e(m.last_period) if m.last_period else '从未报送'}</td></tr>" for m in view.missing[:TABLE_ROWS])
    return f"""<section><h2>未报送 {e(view.period or '')} 汇总的支部（{len(view.missing)} 个）</h2><table>
<thead><tr><th>支部</th><th>上级</th><th>最近一次汇总</th></tr></thead><tbody>{rows}</tbody></table></section>"""


def weights_form(view: dashboard.DashboardView, hidden: str) -> str:
    fields = "".join(f'<label>{e(ranking.LABELS[name])}<input class="w" name="{name}" value="{view.weights[name]}" '
                     f'inputmode="numeric"></label>' for name in ranking.FIGURES)
    back = f'<input type="hidden" name="back" value="{e(_link(view))}">'
    return f"""<section><h2>排名权重</h2><form class="inline" method="post" action="/weights">{hidden}{back}{fields}
<button class="primary" type="submit">保存权重</button></form>
<p class="muted">签到率、流动党员参与、记录上传取自支部报送的汇总；评论、上级评分由上级组织为各支部设定（0–100）。</p></section>"""


def notices(view: dashboard.DashboardView, hidden: str) -> str:
    units = view.tree
    options = "".join(f'<option value="{e(t.unit.code)}">{"　" * t.depth}{e(t.unit.name)}</option>'
                      for t in units if t.unit.kind != "branch")
    recent = "".join(f"<tr><td>{e(n['published_at'][:10])}</td><td>{'工作要求' if n['kind'] == 'requirement' else '通知'}</td>"
                     f"<td>{e(n['title'])}</td><td>{e(n['month'] or '')}</td><td>{e(n['unit'])}</td></tr>"
                     for n in view.notices)
    table_html = (f"<table><thead><tr><th>发布日期</th><th>类别</th><th>标题</th><th>月份</th><th>发布单位</th></tr></thead>"
                  f"<tbody>{recent}</tbody></table>") if recent else '<p class="muted">尚未发布通知。</p>'
    return f"""<section><h2>通知与工作要求</h2>
<form method="post" action="/notices">{hidden}<div class="row">
<label>发布单位<select name="unit">{options}</select></label>
<label>类别<select name="kind"><option value="notice">通知</option><option value="requirement">工作要求（如主题党日主题）</option></select></label>
<label>月份（可空）<input name="month" placeholder="2026-11" size="8"></label>
<label style="flex:1">标题<input name="title" maxlength="200"></label></div>
<p><textarea name="body" rows="3" style="width:100%; box-sizing:border-box" placeholder="正文"></textarea></p>
<button class="primary" type="submit">发布到下级支部</button></form>{table_html}</section>"""


def _save_weights(request: Request, form: dict[str, str]) -> str | None:
    try:
        values = ranking.check_weights(form)
    except ranking.WeightsError as err:
        return str(err)
    with request.app.state.db.write() as conn:
        store.set_setting(conn, ranking.WEIGHTS_KEY, values)
    return None


def _back(form: dict[str, str], message: str | None = None) -> RedirectResponse:
    back = form.get("back") or "/"
    if not back.startswith("/?") and back != "/":
        back = "/"
    if message:
        back += ("&" if "?" in back else "?") + urlencode({"message": message})
    return RedirectResponse(back, status_code=303)


@router.post("/weights")
async def post_weights(request: Request):
    form, refused = await _checked_post(request)
    if refused is not None:
        return refused
    return _back(form, await run_in_threadpool(_save_weights, request, form))


def _publish(request: Request, form: dict[str, str]) -> str | None:
    try:
        with request.app.state.db.write() as conn:
            store.publish_notice(conn, form.get("unit", ""), form.get("kind", "notice"), form.get("title", ""),
                                 form.get("body", ""), form.get("month", "").strip() or None, request.app.state.clock)
    except store.StoreError as err:
        return err.message
    return None


@router.post("/notices")
async def post_notice(request: Request):
    form, refused = await _checked_post(request)
    if refused is not None:
        return refused
    error = await run_in_threadpool(_publish, request, form)
    return _back(form, error or "通知已发布，下级支部下次同步时收到。")
