"""The phone ballot page: plain HTML, CSS and a little JavaScript served by BranchDesk itself (no
CDN), in the program's language, large type and touch targets, laid out for screens from 320
pixels wide.

The voter types the code from the slip they drew, marks the ballot, checks it on a summary and
sends it. Once sent, the page forgets everything (the marks, the code) and shows only that the
vote was recorded; it keeps nothing in the browser's storage, and going back shows an empty
ballot. The data the page needs (the poll, the names, the texts) is embedded as JSON.
"""
from __future__ import annotations

import html
import json

from core.i18n import language, translate
from core.votes import Mark, PollKind, Rating


def texts() -> dict[str, str]:
    return {
        "title": translate("ballot_page", "Secret ballot"),
        "code": translate("ballot_page", "1. Type the code on the slip you drew (8 digits)"),
        "next": translate("ballot_page", "Next"),
        "checking": translate("ballot_page", "Checking…"),
        "ballot": translate("ballot_page", "2. Mark your ballot"),
        "writeIn": translate("ballot_page", "Another person (optional)"),
        "vote": translate("ballot_page", "Review my vote"),
        "review": translate("ballot_page", "3. Check and send"),
        "send": translate("ballot_page", "Send my vote"),
        "change": translate("ballot_page", "Change it"),
        "sending": translate("ballot_page", "Sending…"),
        "blank": translate("ballot_page", "(left blank: abstain)"),
        "unrated": translate("ballot_page", "(not rated)"),
        "tooMany": translate("ballot_page", "You marked more people in favour ({n}) than there are seats ({seats}): this ballot will be INVALID."),
        "done": translate("ballot_page", "Your vote has been recorded. Thank you."),
        "cleared": translate("ballot_page", "This page no longer shows your choices."),
        "offline": translate("ballot_page", "Cannot reach the voting computer. Check that the phone is on the office Wi-Fi and try again."),
        "digits": translate("ballot_page", "Type the 8 digits first"),
        "secret": translate("ballot_page", "Your vote is secret: the code on your slip is not linked to your name."),
        "anotherVote": translate("ballot_page", "Vote again with another slip"),
    }


def instructions(kind: PollKind, seats: int, runoff: bool) -> str:
    if kind is PollKind.ELECTION:
        if runoff:
            return translate("ballot_page", "A re-vote among those tied: mark at most {seats} in favour; the most votes elect.").format(seats=seats)
        return translate("ballot_page", "{seats} to elect. For each candidate choose in favour, not in favour or abstain; beside a candidate you do not favour you may write in another person. More than {seats} in favour (write-ins included) makes the ballot invalid.").format(seats=seats)
    if kind is PollKind.DECISION:
        return translate("ballot_page", "Choose for, against or abstain.")
    return translate("ballot_page", "Rate each member: excellent, competent, basically competent or incompetent. Excellent is generally for no more than a third of the members.")


def choices(kind: PollKind) -> list[dict[str, str]]:
    if kind is PollKind.APPRAISAL:
        return [{"value": r.value, "label": r.label} for r in Rating]
    return [{"value": m.value, "label": m.label(kind)} for m in Mark]


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
.poll .name{font-size:20px;font-weight:700;margin:0 0 4px}
.poll .info{color:#444;font-size:16px;margin:0}
.secret{color:#555;font-size:15px;margin:8px 0 0}
h2{font-size:19px;margin:4px 0 10px}
input{width:100%;font-size:20px;padding:12px;border:2px solid #999;border-radius:10px;background:#fff}
input:focus{outline:none;border-color:#b71c1c}
#code{font-size:30px;letter-spacing:6px;text-align:center}
.row{border-top:1px solid #eee;padding:12px 0}
.row:first-child{border-top:0;padding-top:0}
.row .who{font-size:22px;font-weight:700;margin-bottom:8px}
.opts{display:grid;grid-template-columns:repeat(3,1fr);gap:6px}
.opts.four{grid-template-columns:repeat(2,1fr)}
.opts button{min-height:52px;font-size:19px;border:2px solid #d7ccc8;background:#fff;border-radius:10px;padding:4px;color:#1a1a1a}
.opts button.on{background:#b71c1c;border-color:#b71c1c;color:#fff;font-weight:700}
.opts button.on.against{background:#455a64;border-color:#455a64}
.opts button.on.abstain{background:#8d6e63;border-color:#8d6e63}
.writein{margin-top:8px}
.primary{width:100%;min-height:64px;margin-top:14px;font-size:24px;font-weight:700;color:#fff;background:#b71c1c;border:0;border-radius:12px}
.primary:disabled{background:#9e9e9e}
.link{display:block;width:100%;min-height:48px;margin-top:10px;background:none;border:0;color:#1565c0;font-size:18px;text-decoration:underline}
.summary div{padding:6px 0;border-bottom:1px solid #eee;font-size:19px}
.warn{background:#ffebee;border-left:6px solid #c62828;padding:10px 12px;border-radius:8px;margin-top:10px;font-size:17px}
.error{color:#c62828;font-size:17px;margin:8px 0 0;min-height:1em}
.result{border-radius:12px;padding:22px 16px;text-align:center;color:#fff;background:#2e7d32}
.result .mark{font-size:56px;line-height:1}
.result .big{font-size:24px;font-weight:700;margin:8px 0}
.hidden{display:none}
</style>
</head>
<body>
<header><h1>@TITLE@</h1></header>
<main>
<section class="card poll"><p class="name" id="p-title"></p><p class="info" id="p-info"></p><p class="secret" id="p-secret"></p></section>
<section class="card" id="step-code">
<h2 id="t-code"></h2>
<input id="code" type="tel" inputmode="numeric" autocomplete="off" maxlength="11" placeholder="0000 0000">
<p class="error" id="code-error"></p>
<button class="primary" id="next" type="button"></button>
</section>
<section class="card hidden" id="step-ballot">
<h2 id="t-ballot"></h2>
<div id="rows"></div>
<button class="primary" id="vote" type="button"></button>
</section>
<section class="card hidden" id="step-review">
<h2 id="t-review"></h2>
<div class="summary" id="summary"></div>
<div class="warn hidden" id="warn"></div>
<p class="error" id="send-error"></p>
<button class="primary" id="send" type="button"></button>
<button class="link" id="change" type="button"></button>
</section>
<section class="hidden" id="step-done">
<div class="result"><div class="mark">✓</div><div class="big" id="d-msg"></div><div id="d-sub"></div></div>
<button class="link" id="again" type="button"></button>
</section>
</main>
<script type="application/json" id="data">@DATA@</script>
<script nonce="@NONCE@">
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var t = data.t, p = data.poll, code = "", picks = {}, writeIns = {}, busy = false;
  var $ = function (id) { return document.getElementById(id); };
  var base = location.pathname.replace(/\\/$/, "");
  $("p-title").textContent = p.title;
  $("p-info").textContent = p.instructions;
  $("p-secret").textContent = t.secret;
  $("t-code").textContent = t.code; $("next").textContent = t.next;
  $("t-ballot").textContent = t.ballot; $("vote").textContent = t.vote;
  $("t-review").textContent = t.review; $("send").textContent = t.send; $("change").textContent = t.change;
  $("again").textContent = t.anotherVote;

  function show(step) {
    ["step-code", "step-ballot", "step-review", "step-done"].forEach(function (id) { $(id).classList.toggle("hidden", id !== step); });
    window.scrollTo(0, 0);
  }
  function post(path, body) {
    return fetch(base + path, {method: "POST", credentials: "omit", cache: "no-store",
      headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)}).then(function (r) { return r.json(); });
  }
  function forget() {
    code = ""; picks = {}; writeIns = {};
    $("code").value = ""; $("summary").textContent = ""; $("rows").textContent = "";
  }
  function label(value) {
    var found = data.choices.filter(function (c) { return c.value === value; })[0];
    return found ? found.label : "";
  }
  function build() {
    var rows = $("rows");
    rows.textContent = "";
    data.names.forEach(function (name, i) {
      var row = document.createElement("div"); row.className = "row";
      var who = document.createElement("div"); who.className = "who"; who.textContent = name; row.appendChild(who);
      var opts = document.createElement("div"); opts.className = "opts" + (data.choices.length > 3 ? " four" : "");
      var input = null;
      if (p.kind === "election" && !p.runoff) {
        input = document.createElement("input"); input.type = "text"; input.maxLength = 20;
        input.placeholder = t.writeIn; input.className = "writein hidden"; input.autocomplete = "off";
        input.setAttribute("aria-label", t.writeIn + " — " + name);
        input.addEventListener("input", function () { writeIns[name] = input.value.trim(); });
      }
      data.choices.forEach(function (c) {
        var b = document.createElement("button"); b.type = "button"; b.textContent = c.label;
        b.dataset.value = c.value; b.dataset.row = String(i);
        b.addEventListener("click", function () {
          var again = picks[name] === c.value;
          if (again) { delete picks[name]; } else { picks[name] = c.value; }
          Array.prototype.forEach.call(opts.children, function (o) {
            o.className = (!again && o.dataset.value === c.value) ? "on " + c.value : "";
          });
          if (input) {
            var open = !again && c.value === "against";
            input.classList.toggle("hidden", !open);
            if (!open) { input.value = ""; delete writeIns[name]; }
          }
        });
        opts.appendChild(b);
      });
      row.appendChild(opts);
      if (input) { row.appendChild(input); }
      rows.appendChild(row);
    });
  }
  function ballot() {
    if (p.kind === "decision") { return {vote: picks[data.names[0]] || null}; }
    if (p.kind === "appraisal") { return {ratings: picks}; }
    var w = {};
    Object.keys(writeIns).forEach(function (k) { if (writeIns[k] && picks[k] === "against") { w[k] = writeIns[k]; } });
    return {marks: picks, write_ins: w};
  }
  function review() {
    var s = $("summary"), inFavour = 0, b = ballot();
    s.textContent = "";
    data.names.forEach(function (name) {
      var line = document.createElement("div"), v = picks[name];
      line.textContent = name + "：" + (v ? label(v) : (p.kind === "appraisal" ? t.unrated : t.blank));
      if (v === "for") { inFavour += 1; }
      if (b.write_ins && b.write_ins[name]) { line.textContent += " → " + b.write_ins[name]; inFavour += 1; }
      s.appendChild(line);
    });
    var over = p.kind === "election" && inFavour > p.seats;
    $("warn").classList.toggle("hidden", !over);
    $("warn").textContent = over ? t.tooMany.replace("{n}", inFavour).replace("{seats}", p.seats) : "";
    $("send-error").textContent = "";
    show("step-review");
  }
  $("next").addEventListener("click", function () {
    var typed = $("code").value.replace(/[\\s-]/g, "");
    if (!/^[0-9]{8}$/.test(typed)) { $("code-error").textContent = t.digits; $("code").focus(); return; }
    if (busy) { return; }
    busy = true; $("next").disabled = true; $("next").textContent = t.checking;
    post("/check", {code: typed}).then(function (r) {
      if (r.ok) { code = typed; $("code-error").textContent = ""; build(); show("step-ballot"); }
      else { $("code-error").textContent = r.message; }
    }).catch(function () { $("code-error").textContent = t.offline; }).then(function () {
      busy = false; $("next").disabled = false; $("next").textContent = t.next;
    });
  });
  $("code").addEventListener("keydown", function (e) { if (e.key === "Enter") { $("next").click(); } });
  $("vote").addEventListener("click", review);
  $("change").addEventListener("click", function () { show("step-ballot"); });
  $("send").addEventListener("click", function () {
    if (busy) { return; }
    busy = true; $("send").disabled = true; $("send").textContent = t.sending;
    post("/cast", {code: code, ballot: ballot()}).then(function (r) {
      if (r.ok) {
        forget();
        $("d-msg").textContent = t.done; $("d-sub").textContent = t.cleared;
        show("step-done");
        try { history.replaceState(null, "", base); } catch (e) {}
      } else { $("send-error").textContent = r.message; }
    }).catch(function () { $("send-error").textContent = t.offline; }).then(function () {
      busy = false; $("send").disabled = false; $("send").textContent = t.send;
    });
  });
  $("again").addEventListener("click", function () { forget(); show("step-code"); $("code").focus(); });
  window.addEventListener("pageshow", function (e) { if (e.persisted) { forget(); show("step-code"); } });
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
    """The page with ``data`` embedded (every ``<`` escaped: JSON cannot close the script)."""
    payload = json.dumps(dict(data, t=texts()), ensure_ascii=False).replace("<", "\\u003c")
    return (_PAGE.replace("@LANG@", _lang()).replace("@TITLE@", html.escape(texts()["title"]))
            .replace("@NONCE@", nonce).replace("@DATA@", payload))


def error_page(message: str) -> str:
    return (_ERROR.replace("@LANG@", _lang()).replace("@TITLE@", html.escape(texts()["title"]))
            .replace("@MESSAGE@", html.escape(message)))
