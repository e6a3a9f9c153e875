"""The phone page: plain HTML, CSS and a little JavaScript, all served by BranchDesk itself (no
CDN: the office network may have no internet). In the program's language (Chinese by default),
large type and touch targets, laid out for screens from 320 pixels wide.

The data the page needs (the meeting, the names of those expected, the texts) is embedded as
JSON; the page posts the member's choice and digits to ``<page>/sign`` and shows the answer.
"""
from __future__ import annotations

import html
import json

from core.i18n import language, translate


def texts() -> dict[str, str]:
    return {
        "title": translate("phone", "Meeting sign-in"),
        "choose": translate("phone", "1. Tap your name"),
        "search": translate("phone", "Name or pinyin initials"),
        "none": translate("phone", "No name matches. Ask the secretary."),
        "code": translate("phone", "2. The last 4 digits of your phone (or your PIN)"),
        "signin": translate("phone", "Sign in"),
        "signout": translate("phone", "Sign out"),
        "confirm": translate("phone", "Confirm"),
        "notMe": translate("phone", "Not me: choose again"),
        "again": translate("phone", "Back"),
        "sending": translate("phone", "Sending…"),
        "offline": translate("phone", "Cannot reach the sign-in computer. Check that the phone is on the office Wi-Fi and try again."),
        "digits": translate("phone", "Type the digits first"),
    }


_PAGE = """<!DOCTYPE html>
<html lang="@LANG@">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>@TITLE@</title>
<style nonce="@NONCE@">
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;
 font-size:18px;line-height:1.5;color:#1a1a1a;background:#f4f1ec}
header{background:#b71c1c;color:#fff;padding:14px 16px}
header h1{margin:0;font-size:22px;font-weight:700}
main{padding:12px;max-width:560px;margin:0 auto}
.card{background:#fff;border-radius:12px;padding:14px 16px;margin-bottom:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.meeting .name{font-size:20px;font-weight:700;margin:0 0 4px}
.meeting .info{color:#555;font-size:16px;margin:0}
.phase{background:#fff8e1;border-left:6px solid #f9a825;padding:10px 12px;border-radius:8px;font-size:17px;margin-bottom:12px}
h2{font-size:19px;margin:4px 0 10px}
input{width:100%;font-size:20px;padding:12px;border:2px solid #999;border-radius:10px;background:#fff}
input:focus{outline:none;border-color:#b71c1c}
#code{font-size:30px;letter-spacing:10px;text-align:center}
.group{color:#666;font-size:15px;margin:14px 4px 6px}
.names{display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));gap:8px}
.names button{min-height:56px;font-size:20px;border:2px solid #d7ccc8;background:#fff;border-radius:10px;padding:6px;color:#1a1a1a}
.names button:active{background:#ffebee}
.who{font-size:28px;font-weight:700;margin:0 0 6px}
.primary{width:100%;min-height:64px;margin-top:14px;font-size:24px;font-weight:700;color:#fff;background:#b71c1c;border:0;border-radius:12px}
.primary:disabled{background:#9e9e9e}
.link{display:block;width:100%;min-height:48px;margin-top:10px;background:none;border:0;color:#1565c0;font-size:18px;text-decoration:underline}
.result{border-radius:12px;padding:18px 16px;text-align:center;color:#fff}
.result.ok{background:#2e7d32}
.result.bad{background:#c62828}
.result .mark{font-size:56px;line-height:1}
.result .big{font-size:26px;font-weight:700;margin:6px 0}
.result .msg{font-size:19px}
.hidden{display:none}
.empty{color:#666;padding:8px 4px}
</style>
</head>
<body>
<header><h1>@TITLE@</h1></header>
<main>
<section class="card meeting"><p class="name" id="m-title"></p><p class="info" id="m-info"></p></section>
<div class="phase" id="phase"></div>
<section class="card" id="step-name">
<h2 id="t-choose"></h2>
<input id="search" type="search" autocomplete="off" autocapitalize="off" spellcheck="false">
<div id="list"></div>
</section>
<section class="card hidden" id="step-code">
<p class="who" id="who"></p>
<h2 id="t-code"></h2>
<input id="code" type="text" inputmode="numeric" pattern="[0-9]*" maxlength="6" autocomplete="off">
<button class="primary" id="go" type="button"></button>
<button class="link" id="not-me" type="button"></button>
</section>
<section class="hidden" id="step-result">
<div class="result" id="result"><div class="mark" id="mark"></div><div class="big" id="r-name"></div><div class="msg" id="r-msg"></div></div>
<button class="link" id="back" type="button"></button>
</section>
</main>
<script type="application/json" id="data">@DATA@</script>
<script nonce="@NONCE@">
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var t = data.t, chosen = null, busy = false;
  var $ = function (id) { return document.getElementById(id); };
  var key = "branchdesk.member";
  $("m-title").textContent = data.meeting.title;
  $("m-info").textContent = data.meeting.type + " · " + data.meeting.time + (data.meeting.place ? " · " + data.meeting.place : "");
  $("phase").textContent = data.phaseText;
  $("t-choose").textContent = t.choose;
  $("search").placeholder = t.search;
  $("t-code").textContent = t.code;
  $("go").textContent = data.phase === "signout" || data.phase === "between" ? t.signout : t.signin;
  $("not-me").textContent = t.notMe;
  $("back").textContent = t.again;

  function show(step) {
    ["step-name", "step-code", "step-result"].forEach(function (id) { $(id).classList.toggle("hidden", id !== step); });
    window.scrollTo(0, 0);
  }
  function matches(m, q) {
    if (!q) { return true; }
    q = q.toLowerCase();
    return m.name.indexOf(q) >= 0 || m.key.split("|").some(function (k) { return k.indexOf(q) === 0; });
  }
  function render() {
    var q = $("search").value.trim(), list = $("list"), group = null, grid = null, shown = 0;
    list.textContent = "";
    data.members.forEach(function (m) {
      if (!matches(m, q)) { return; }
      if (m.group !== group || grid === null) {
        group = m.group;
        if (group) { var h = document.createElement("div"); h.className = "group"; h.textContent = group; list.appendChild(h); }
        grid = document.createElement("div"); grid.className = "names"; list.appendChild(grid);
      }
      var b = document.createElement("button");
      b.type = "button"; b.textContent = m.name; b.dataset.id = m.id;
      b.addEventListener("click", function () { choose(m); });
      grid.appendChild(b); shown += 1;
    });
    if (!shown) { var e = document.createElement("p"); e.className = "empty"; e.textContent = t.none; list.appendChild(e); }
  }
  function choose(m) {
    chosen = m;
    $("who").textContent = m.name + (m.group ? "（" + m.group + "）" : "");
    $("code").value = "";
    show("step-code");
    $("code").focus();
  }
  function answer(ok, name, msg) {
    $("result").className = "result " + (ok ? "ok" : "bad");
    $("mark").textContent = ok ? "✓" : "✗";
    $("r-name").textContent = name || "";
    $("r-msg").textContent = msg;
    show("step-result");
  }
  function send() {
    var code = $("code").value.trim();
    if (!code) { $("code").focus(); $("code").placeholder = t.digits; return; }
    if (busy || !chosen) { return; }
    busy = true; $("go").disabled = true; $("go").textContent = t.sending;
    fetch(location.pathname.replace(/\\/$/, "") + "/sign", {
      method: "POST", credentials: "same-origin", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({member: chosen.id, code: code})
    }).then(function (r) { return r.json(); }).then(function (r) {
      if (r.ok) { try { localStorage.setItem(key, chosen.id); } catch (e) {} }
      answer(r.ok, r.member || chosen.name, r.message);
    }).catch(function () { answer(false, chosen.name, t.offline); }).then(function () {
      busy = false; $("go").disabled = false;
      $("go").textContent = data.phase === "signout" || data.phase === "between" ? t.signout : t.signin;
    });
  }
  $("search").addEventListener("input", render);
  $("go").addEventListener("click", send);
  $("code").addEventListener("keydown", function (e) { if (e.key === "Enter") { send(); } });
  $("not-me").addEventListener("click", function () {
    try { localStorage.removeItem(key); } catch (e) {}
    chosen = null; $("search").value = ""; render(); show("step-name");
  });
  $("back").addEventListener("click", function () { show(chosen ? "step-code" : "step-name"); $("code").value = ""; });
  render();
  var remembered = null;
  try { remembered = localStorage.getItem(key); } catch (e) {}
  var known = data.members.filter(function (m) { return m.id === remembered; })[0];
  if (known) { choose(known); }
}());
</script>
</body>
</html>
"""

_ERROR = """<!DOCTYPE html>
<html lang="@LANG@"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@</title></head>
<body style="margin:0;font-family:sans-serif;font-size:20px;background:#f4f1ec">
<div style="background:#b71c1c;color:#fff;padding:14px 16px;font-size:22px;font-weight:700">@TITLE@</div>
<p style="margin:24px 16px;line-height:1.6">@MESSAGE@</p></body></html>
"""


def _lang() -> str:
    return "zh-CN" if language() == "zh_CN" else "en"


def render(data: dict, nonce: str) -> str:
    """The page, with ``data`` (meeting, phase, members) embedded. JSON inside a script element
    cannot close it: every ``<`` is escaped."""
    payload = json.dumps(dict(data, t=texts()), ensure_ascii=False).replace("<", "\\u003c")
    return (_PAGE.replace("@LANG@", _lang()).replace("@TITLE@", html.escape(texts()["title"]))
            .replace("@NONCE@", nonce).replace("@DATA@", payload))


def error_page(message: str) -> str:
    return (_ERROR.replace("@LANG@", _lang()).replace("@TITLE@", html.escape(texts()["title"]))
            .replace("@MESSAGE@", html.escape(message)))
