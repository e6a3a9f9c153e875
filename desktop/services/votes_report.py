"""The printed results of a vote, as HTML for the printer (Qt-free): the tally sheet (计票单) —
every name with its 赞成 / 不赞成 / 弃权 — and the result report (选举结果报告单, or 表决结果报告单 /
民主评议结果 for the other kinds) — the counts, whether the vote stands, who is elected in 姓氏笔画
order with their votes, what follows. Both end with lines for the signatures of the 监票人 and
计票人. desktop/ui/votes_print.py lays them out on pages (PDF or the printer).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape

from core.i18n import translate
from core.strokes import by_surname_strokes
from core.votes import AppraisalResult, DecisionResult, ElectionResult, Mark, PollKind, Rating
from desktop.services.minutes import date_text
from desktop.services.votes import Counts, PollDetail


@dataclass(frozen=True)
class ResultSheet:
    detail: PollDetail
    counts: Counts
    result: ElectionResult | DecisionResult | AppraisalResult
    printed: datetime

    @property
    def final(self) -> bool:
        return self.detail.state == "closed"


def sheet_title(sheet: ResultSheet, report: bool) -> str:
    kind = sheet.detail.kind
    if not report:
        return translate("votes_report", "Tally sheet")
    return {PollKind.ELECTION: translate("votes_report", "Election result report"),
            PollKind.DECISION: translate("votes_report", "Decision result report"),
            PollKind.APPRAISAL: translate("votes_report", "Democratic appraisal result report")}[kind]


def _cell(text: str, align: str = "center", bold: bool = False, width: str = "") -> str:
    w = f' width="{width}"' if width else ""
    content = f"<b>{text}</b>" if bold else text
    return f'<td align="{align}" valign="middle"{w}>{content}</td>'


def _table(rows: list[str]) -> str:
    return ('<table width="100%" border="1" cellspacing="0" cellpadding="5" '
            'style="border-collapse: collapse; border-color: #000000; border-style: solid;">' + "".join(rows) + "</table>")


def counts_rows(sheet: ResultSheet) -> list[str]:
    c, r = sheet.counts, sheet.result
    valid = r.valid_ballots
    invalid = r.invalid_ballots
    first = [(translate("votes_report", "Due to attend with a vote"), c.due), (translate("votes_report", "Present with a vote"), c.present),
             (translate("votes_report", "Ballots issued"), c.issued)]
    second = [(translate("votes_report", "Ballots collected"), c.collected), (translate("votes_report", "Valid"), valid),
              (translate("votes_report", "Invalid"), invalid)]
    rows = []
    for line in (first, second):
        rows.append("<tr>" + "".join(_cell(escape(label), bold=True, width="20%") + _cell(str(n), width="13%") for label, n in line) + "</tr>")
    return rows


def standing_text(sheet: ResultSheet) -> str:
    """Whether the vote stands, in a sentence."""
    r, d = sheet.result, sheet.detail
    if isinstance(r, AppraisalResult):
        return translate("votes_report", "{n} valid ballots.").format(n=r.valid_ballots)
    if not r.quorum_met:
        return translate("votes_report", "Not enough voters were present: the vote is not valid.")
    if r.void:
        return translate("votes_report", "More ballots were collected ({collected}) than issued ({issued}): the vote is void and must be held again.").format(
            collected=sheet.counts.collected, issued=sheet.counts.issued)
    if isinstance(r, ElectionResult):
        if d.runoff:
            return translate("votes_report", "The vote is valid. A re-vote among those tied: the most votes elect.")
        return translate("votes_report", "The vote is valid. More than half of those present ({needed} votes) elects.").format(needed=r.needed)
    return translate("votes_report", "The vote is valid. More than half of those due ({needed} votes, written opinions included) passes.").format(
        needed=r.needed)


def tally_rows(sheet: ResultSheet) -> list[str]:
    r, d = sheet.result, sheet.detail
    if isinstance(r, ElectionResult):
        heads = [translate("votes_report", "No."), translate("votes_report", "Name"), Mark.FOR.label(d.kind),
                 Mark.AGAINST.label(d.kind), Mark.ABSTAIN.label(d.kind), translate("votes_report", "Result")]
        rows = ["<tr>" + "".join(_cell(escape(h), bold=True) for h in heads) + "</tr>"]
        for i, c in enumerate(r.candidates, 1):
            name = escape(c.name) + (" " + escape(translate("votes_report", "(written in)")) if c.written_in else "")
            state = (translate("votes_report", "Elected") if c.elected else translate("votes_report", "Tied: re-vote") if c.tied
                     else translate("votes_report", "Not elected") if r.decided else "—")
            against = "—" if c.written_in else str(c.votes_against)
            abstain = "—" if c.written_in else str(c.abstain)
            rows.append("<tr>" + _cell(str(i)) + _cell(name, "left") + _cell(str(c.votes_for)) + _cell(against)
                        + _cell(abstain) + _cell(escape(state)) + "</tr>")
        return rows
    if isinstance(r, DecisionResult):
        heads = [translate("votes_report", "Subject"), Mark.FOR.label(d.kind), Mark.AGAINST.label(d.kind),
                 Mark.ABSTAIN.label(d.kind), translate("votes_report", "Result")]
        rows = ["<tr>" + "".join(_cell(escape(h), bold=True) for h in heads) + "</tr>"]
        subject = escape(r.subject) + (f"<br/>{escape(d.subject.label)}" if d.subject else "")
        rows.append("<tr>" + _cell(subject, "left") + _cell(str(r.votes_for)) + _cell(str(r.votes_against))
                    + _cell(str(r.abstain)) + _cell(escape(translate("votes_report", "Passed") if r.passed else translate("votes_report", "Not passed")))
                    + "</tr>")
        w = r.written
        if w.total:
            note = translate("votes_report", "Written opinions of absent members, counted above: for {f}, against {a}, abstain {x}").format(
                f=w.votes_for, a=w.votes_against, x=w.abstain)
            rows.append(f'<tr><td colspan="5">{escape(note)}</td></tr>')
        return rows
    heads = [translate("votes_report", "No."), translate("votes_report", "Name")] + [x.label for x in Rating] + [
        translate("votes_report", "Not rated"), translate("votes_report", "Note")]
    rows = ["<tr>" + "".join(_cell(escape(h), bold=True) for h in heads) + "</tr>"]
    for i, row in enumerate(r.rows, 1):
        note = (translate("votes_report", "Excellent by a majority, beyond one third") if row.beyond_third
                else translate("votes_report", "Excellent by a majority") if row.majority_excellent else "")
        rows.append("<tr>" + _cell(str(i)) + _cell(escape(row.member), "left")
                    + "".join(_cell(str(row.counts[x])) for x in Rating) + _cell(str(row.unrated)) + _cell(escape(note)) + "</tr>")
    return rows


def report_lines(sheet: ResultSheet) -> list[str]:
    """The result report's sentences after the counts."""
    r = sheet.result
    lines = [standing_text(sheet)]
    if isinstance(r, ElectionResult) and r.decided:
        by_name = {c.name: c for c in r.candidates}
        if r.elected:
            # 当选人按姓氏笔画为序.
            names = translate("votes_report", ", ").join(
                translate("votes_report", "{name} ({votes} votes)").format(name=n, votes=by_name[n].votes_for)
                for n in by_surname_strokes(r.elected))
            lines.append(translate("votes_report", "Elected ({n} of {seats} seats, in surname-stroke order): {names}").format(
                n=len(r.elected), seats=r.seats, names=names))
        else:
            lines.append(translate("votes_report", "No one was elected."))
        if r.tie:
            lines.append(translate("votes_report", "Tied at the cut-off with {votes} votes: {names}. A re-vote among them for {seats} seats; the most votes elect.").format(
                votes=by_name[r.tie[0]].votes_for, names="、".join(r.tie), seats=r.revote_seats))
        if r.vacancies:
            lines.append(translate("votes_report", "{n} seats are not filled: a further round among {names}, or the meeting agrees to fewer seats.").format(
                n=r.vacancies, names="、".join(r.further_round) or "—"))
    if isinstance(r, DecisionResult) and r.decided:
        lines.append(translate("votes_report", "{subject}: passed with {n} votes for.").format(subject=r.subject, n=r.votes_for) if r.passed
                     else translate("votes_report", "{subject}: not passed ({n} votes for; {needed} needed).").format(
                         subject=r.subject, n=r.votes_for, needed=r.needed))
    if isinstance(r, AppraisalResult):
        lines.append(translate("votes_report", "Excellent is generally for no more than one third of the members ({limit} of {n}).").format(
            limit=r.excellent_limit, n=len(r.rows)))
        if r.over_limit:
            lines.append(translate("votes_report", "More members were rated excellent by a majority than one third: the committee decides the grades."))
        if r.ballots_over_third:
            lines.append(translate("votes_report", "{n} ballots rated more than one third of the members excellent.").format(n=r.ballots_over_third))
    if not sheet.final:
        lines.append(translate("votes_report", "PROVISIONAL: the vote is still open."))
    return lines


def signature_html(sheet: ResultSheet) -> str:
    """Lines for the scrutineers' (监票人) and the tellers' (计票人) signatures, their names
    printed when they were entered."""
    d = sheet.detail
    line = "_" * 22
    sign = escape(translate("votes_report", "Signatures"))
    rows = []
    for role, names in ((translate("votes_report", "Scrutineers"), d.scrutineers), (translate("votes_report", "Tellers"), d.tellers)):
        rows.append("<tr>" + f'<td width="14%"><b>{escape(role)}</b></td>'
                    f'<td width="38%">{escape(names) or "&nbsp;"}</td>'
                    f'<td width="10%" align="right">{sign}</td>'
                    f'<td width="38%">{line}</td></tr>')
    date = escape(translate("votes_report", "Date: {date}").format(date=date_text(sheet.printed)))
    return ('<p>&nbsp;</p><table width="100%" cellspacing="0" cellpadding="12">' + "".join(rows) + "</table>"
            f'<p align="right" style="margin-top: 12px;">{date}</p>')


def sheet_html(sheet: ResultSheet, report: bool, font_family: str = "") -> str:
    """The 计票单 (``report`` False) or the result report, as one HTML document."""
    d = sheet.detail
    family = f"font-family: '{font_family}';" if font_family else ""
    info = [translate("votes_report", "Vote: {title}").format(title=d.title),
            translate("votes_report", "Kind: {kind}").format(kind=d.kind.label)]
    if d.kind is PollKind.ELECTION:
        info.append(translate("votes_report", "Seats: {n}").format(n=d.seats))
    if d.meeting_title:
        info.append(translate("votes_report", "Meeting: {title}").format(title=d.meeting_title))
    if d.round > 1:
        info.append(translate("votes_report", "Round {n}").format(n=d.round))
    body = [f'<p align="center" style="font-size: 13pt; margin-bottom: 4px;">{escape(d.branch)}</p>',
            f'<p align="center" style="font-size: 20pt; font-weight: bold; margin-bottom: 10px;">{escape(sheet_title(sheet, report))}</p>',
            f'<p style="margin-bottom: 8px;">{"&nbsp;&nbsp;&nbsp;&nbsp;".join(escape(i) for i in info)}</p>',
            _table(counts_rows(sheet)), "<p>&nbsp;</p>"]
    if report:
        body += [f"<p>{escape(line)}</p>" for line in report_lines(sheet)]
        if not isinstance(sheet.result, AppraisalResult):
            body += ["<p>&nbsp;</p>", _table(tally_rows(sheet))]
    else:
        body += [_table(tally_rows(sheet)), "<p>&nbsp;</p>", f"<p>{escape(standing_text(sheet))}</p>"]
        if not sheet.final:
            provisional = translate("votes_report", "PROVISIONAL: the vote is still open.")
            body.append(f"<p>{escape(provisional)}</p>")
    body.append(signature_html(sheet))
    return ("<html><head><style>"
            f"body {{ {family} font-size: 11.5pt; }}"
            "td { padding: 4px 6px; }"
            "p { margin-top: 0px; margin-bottom: 3px; }"
            "</style></head>"
            f'<body style="{family} font-size: 11.5pt;">' + "".join(body) + "</body></html>")
