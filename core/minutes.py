"""Minutes templates (会议记录), one per meeting type: the headings a proper record has, which
the secretary fills in. Rich text as HTML, which the minutes editor (QTextEdit) reads."""
from __future__ import annotations

from html import escape

from core.i18n import translate
from core.meetings import MeetingType


def template_headings(kind: MeetingType) -> list[str]:
    # Each call written out in full: lupdate finds only literal translate("context", "text") calls.
    return {
        MeetingType.BRANCH_ASSEMBLY: [
            translate("minutes", "1. Agenda"),
            translate("minutes", "2. What was studied or passed on"),
            translate("minutes", "3. Discussion (main points of each speaker)"),
            translate("minutes", "4. Vote (due to attend with a vote, present, for, against, abstaining)"),
            translate("minutes", "5. Decisions"),
        ],
        MeetingType.COMMITTEE: [
            translate("minutes", "1. Agenda"),
            translate("minutes", "2. Discussion"),
            translate("minutes", "3. Matters decided"),
            translate("minutes", "4. Who does what, and by when"),
        ],
        MeetingType.GROUP: [
            translate("minutes", "1. What was studied"),
            translate("minutes", "2. Discussion"),
            translate("minutes", "3. The group's work for the coming month"),
        ],
        MeetingType.LECTURE: [
            translate("minutes", "1. Title of the lecture"),
            translate("minutes", "2. Lecturer"),
            translate("minutes", "3. Main content"),
            translate("minutes", "4. Questions and exchange"),
        ],
        MeetingType.THEME_DAY: [
            translate("minutes", "1. This month's theme"),
            translate("minutes", "2. How the day went (the six items)"),
            translate("minutes", "3. What members said"),
            translate("minutes", "4. Results"),
        ],
        MeetingType.ORG_LIFE: [
            translate("minutes", "1. Preparation (study, opinions gathered, talks held)"),
            translate("minutes", "2. The committee's self-examination"),
            translate("minutes", "3. Each member's self-examination, criticism and self-criticism"),
            translate("minutes", "4. Corrective measures"),
        ],
        MeetingType.APPRAISAL: [
            translate("minutes", "1. Members' own summaries"),
            translate("minutes", "2. Mutual appraisal"),
            translate("minutes", "3. Democratic rating (excellent, qualified, basically qualified, unqualified)"),
            translate("minutes", "4. Grades decided"),
        ],
        MeetingType.TALK: [
            translate("minutes", "1. The two people talking"),
            translate("minutes", "2. What was talked about"),
            translate("minutes", "3. Opinions and suggestions raised"),
            translate("minutes", "4. Follow-up"),
        ],
    }[kind]


def template_html(kind: MeetingType) -> str:
    """Bold headings, each followed by an empty paragraph to write in."""
    parts = []
    for heading in template_headings(kind):
        parts.append(f"<p><b>{escape(heading)}</b></p><p></p>")
    return "".join(parts)
