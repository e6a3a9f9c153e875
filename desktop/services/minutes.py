"""The printed minutes (会议记录) of one meeting, as HTML for the printer (Qt-free).

Laid out like the record books branches keep: the branch and the kind of meeting as the
title, a ruled table of the particulars (名称, 时间, 地点, 主持人, 记录人, 应到, 实到, 缺席及原因),
then the minutes themselves, the resolutions, the 主题党日 checklist or the 谈心谈话 pair, and
lines for the host's and the recorder's signatures. desktop/ui/minutes_print.py turns it into
pages (PDF or the printer).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from core.i18n import translate
from core.meetings import MeetingType

# The body of a QTextEdit document (toHtml() writes a whole document with its own styles).
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)
# Qt's HTML sets a font size and family, and the editor's paragraph spacing, on every
# paragraph; the sheet sets its own.
_STRIP_STYLE = re.compile(r"\s*(font-family|font-size|margin-top|margin-bottom):[^;\"]*;?", re.I)


@dataclass(frozen=True)
class AbsentEntry:
    name: str
    on_leave: bool
    reason: str = ""


@dataclass(frozen=True)
class MinutesSheet:
    """Plain values of one meeting's record, as printed."""
    branch: str
    type: MeetingType
    title: str
    start: datetime
    end: datetime
    place: str = ""
    host: str = ""
    recorder: str = ""
    audience: str = ""
    expected: int = 0
    present: tuple[str, ...] = ()
    absent: tuple[AbsentEntry, ...] = ()
    minutes_html: str = ""
    resolutions: str = ""
    theme_items: tuple[tuple[str, bool], ...] = ()   # (label, done): 主题党日 only
    talk_pair: tuple[str, str] | None = None          # 谈心谈话 only
    attachments: tuple[str, ...] = field(default=())


def date_text(when: datetime) -> str:
    return translate("minutes", "{year}-{month:02d}-{day:02d}").format(year=when.year, month=when.month, day=when.day)


def time_span_text(start: datetime, end: datetime) -> str:
    """``2026年11月3日 14:30—16:00``; both dates when it runs past midnight."""
    if start.date() == end.date():
        return translate("minutes", "{date} {start}–{end}").format(
            date=date_text(start), start=f"{start:%H:%M}", end=f"{end:%H:%M}")
    return translate("minutes", "{start_date} {start} – {end_date} {end}").format(
        start_date=date_text(start), start=f"{start:%H:%M}", end_date=date_text(end), end=f"{end:%H:%M}")


def body_of(html: str) -> str:
    """What a minutes editor wrote, without the document around it."""
    if not html:
        return ""
    m = _BODY.search(html)
    body = m.group(1) if m else html
    return _STRIP_STYLE.sub("", body).strip()


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>") if value else "&nbsp;"


def _row(*cells: tuple[str, int], valign: str = "middle") -> str:
    """One table row: label cells (bold, centred) and value cells alternate.

    Rows that may run long (the names, the minutes, the signatures) align to the top: Qt
    centres a cell after deciding the page breaks, so a centred label could be pushed across
    the foot of a page and cut in half."""
    out = []
    for i, (content, span) in enumerate(cells):
        if i % 2 == 0:
            out.append(f'<td class="label" width="17%" align="center" valign="{valign}"><b>{content}</b></td>')
        else:
            span_attr = f' colspan="{span}"' if span > 1 else ""
            out.append(f'<td{span_attr} valign="{valign}">{content}</td>')
    return "<tr>" + "".join(out) + "</tr>"


def sheet_html(sheet: MinutesSheet, font_family: str = "") -> str:
    """The whole printed record as one HTML document (Qt's rich-text subset)."""
    t = sheet
    family = f"font-family: '{font_family}';" if font_family else ""
    on_leave = [a for a in t.absent if a.on_leave]
    absent = [a for a in t.absent if not a.on_leave]
    separator = translate("minutes", "; ")

    def who(entries: list[AbsentEntry], with_reason: str, bare: str) -> list[str]:
        return [with_reason.format(name=escape(a.name), reason=escape(a.reason)) if a.reason else bare.format(name=escape(a.name))
                for a in entries]

    missing = (who(on_leave, translate("minutes", "{name} (leave: {reason})"), translate("minutes", "{name} (leave)"))
               + who(absent, translate("minutes", "{name} (absent: {reason})"), translate("minutes", "{name} (absent)")))
    rows = [
        _row((translate("minutes", "Meeting"), 0), (_text(t.title), 3)),
        _row((translate("minutes", "Type"), 0), (escape(t.type.label), 1),
             (translate("minutes", "Who attends"), 0), (_text(t.audience), 1)),
        _row((translate("minutes", "Time"), 0), (escape(time_span_text(t.start, t.end)), 3)),
        _row((translate("minutes", "Place"), 0), (_text(t.place), 3)),
        _row((translate("minutes", "Host"), 0), (_text(t.host), 1), (translate("minutes", "Recorder"), 0), (_text(t.recorder), 1)),
        _row((translate("minutes", "Due to attend"), 0), (translate("minutes", "{n} people").format(n=t.expected), 1),
             (translate("minutes", "Present"), 0), (translate("minutes", "{n} people").format(n=len(t.present)), 1)),
        _row((translate("minutes", "Attending"), 0), (escape(translate("minutes", ", ").join(t.present)) or "&nbsp;", 3), valign="top"),
        _row((translate("minutes", "Absent, and why"), 0), (separator.join(missing) if missing else escape(translate("minutes", "None")), 3),
             valign="top"),
    ]
    if t.talk_pair:
        rows.append(_row((translate("minutes", "Talk between"), 0),
                         (escape(translate("minutes", "{a} and {b}").format(a=t.talk_pair[0], b=t.talk_pair[1])), 3)))
    body = body_of(t.minutes_html) or "<p>&nbsp;</p>"
    label = translate("minutes", "Minutes")
    rows.append(f'<tr><td class="label" width="17%" align="center" valign="top"><b>{label}</b></td>'
                f'<td colspan="3" valign="top">{body}</td></tr>')
    rows.append(_row((translate("minutes", "Resolutions"), 0), (_text(t.resolutions), 3), valign="top"))
    if t.theme_items:
        items = "&nbsp;&nbsp; ".join(("☑ " if ok else "☐ ") + escape(item) for item, ok in t.theme_items)
        rows.append(_row((translate("minutes", "Six items"), 0), (items, 3), valign="top"))
    if t.attachments:
        rows.append(_row((translate("minutes", "Attachments"), 0), (escape(translate("minutes", ", ").join(t.attachments)), 3),
                         valign="top"))

    # Signed in the table, so that the signatures never stand alone on a last page.
    blank = "<p>&nbsp;</p><p>&nbsp;</p>"
    rows.append(_row((translate("minutes", "Host's signature"), 0), (blank, 1),
                     (translate("minutes", "Recorder's signature"), 0), (blank, 1), valign="top"))
    title = translate("minutes", "{type} minutes").format(type=t.type.label)
    return (
        "<html><head><style>"
        f"body {{ {family} font-size: 12pt; }}"
        "td { padding: 5px 7px; }"
        "p { margin-top: 0px; margin-bottom: 2px; }"
        "</style></head>"
        f'<body style="{family} font-size: 12pt;">'
        f'<p align="center" style="font-size: 13pt; margin-bottom: 4px;">{escape(t.branch)}</p>'
        f'<p align="center" style="font-size: 20pt; font-weight: bold; margin-bottom: 14px;">{escape(title)}</p>'
        '<table width="100%" border="1" cellspacing="0" cellpadding="6" style="border-collapse: collapse; border-color: #000000; border-style: solid;">'
        + "".join(rows) +
        "</table>"
        "</body></html>"
    )
