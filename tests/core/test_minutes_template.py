"""Every meeting type has a minutes template with its own headings."""
from __future__ import annotations

from html import escape

import pytest

from core import i18n
from core.meetings import MeetingType
from core.minutes import template_headings, template_html


@pytest.mark.parametrize("kind", list(MeetingType))
def test_every_type_has_a_template(kind):
    headings = template_headings(kind)
    assert len(headings) >= 3
    html = template_html(kind)
    assert [f"<b>{escape(h)}</b>" in html for h in headings] == [True] * len(headings)


def test_templates_differ_by_type_and_follow_the_language():
    i18n.install("en", None)
    assert template_headings(MeetingType.COMMITTEE)[2] == "3. Matters decided"
    assert template_headings(MeetingType.THEME_DAY)[0] == "1. This month's theme"
    assert len({tuple(template_headings(k)) for k in MeetingType}) == len(MeetingType)
