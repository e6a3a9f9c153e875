"""The printed sign-in sheet and cards read back by an independent decoder, and the whole path:
print a sheet → pdftoppm → zbarimg → scan every decoded code → close → the attendance is right;
a code with one character changed is refused."""
from __future__ import annotations

import pytest

from core.meetings import AttendanceStatus
from core.signin import Outcome, Refusal
from desktop.services.signin import Counts
from desktop.ui.signin_print import write_badges_pdf, write_sheet_pdf
from tests.helpers.signin import at, big_branch
from tests.helpers.zbar import decode_pdf, needs_tools

pytestmark = needs_tools


@pytest.fixture
def b(ctx):
    branch = big_branch(ctx, 24)
    ctx.settings.set("signin.lan_host", "192.168.100.200")
    return branch


def test_print_decode_scan_close(ctx, b, tmp_path):
    sheet = b.signin.sheet(b.meeting_id)
    pdf = tmp_path / "签到表.pdf"
    pages = write_sheet_pdf(sheet, pdf)
    assert pages >= 2
    decoded = decode_pdf(pdf, tmp_path / "pages")
    assert len(decoded) == pages
    assert sheet.phone_url in decoded[0]                              # the phone code, on the first page only
    assert all(sheet.phone_url not in page for page in decoded[1:])
    members = [code for page in decoded for code in page if code != sheet.phone_url]
    assert sorted(members) == sorted(r.payload for r in sheet.rows)  # every printed code, each once
    # The first page holds the first rows' codes.
    assert {c for c in decoded[0] if c != sheet.phone_url} == {r.payload for r in sheet.rows[:len(decoded[0]) - 1]}

    by_payload = {r.payload: r.name for r in sheet.rows}
    on_leave = sheet.rows[-1]
    b.signin.record_leave(b.meeting_id, b.ids[on_leave.name], "外出培训")
    results = {}
    for n, code in enumerate(members):
        if by_payload[code] == on_leave.name or n % 6 == 5:
            continue  # on leave, or did not come
        results[by_payload[code]] = b.signin.scan(b.meeting_id, code, at=at(-20 if n % 4 else 5))
    assert all(r.accepted for r in results.values())
    late = sum(1 for r in results.values() if r.outcome is Outcome.LATE)
    on_time = sum(1 for r in results.values() if r.outcome is Outcome.SIGNED_IN)

    first = members[0]
    changed = first[:-3] + ("X" if first[-3] != "X" else "Y") + first[-2:]
    refused = b.signin.scan(b.meeting_id, changed, at=at(0))
    assert refused.outcome is Outcome.REJECTED and refused.refusal is Refusal.FORGED and refused.member is None

    counts = b.signin.close(b.meeting_id)
    came = len(results)
    assert counts == Counts(present=on_time, late=late, leave=1, absent=len(sheet.rows) - came - 1)
    status = {r.name: r.status for r in b.meetings.attendance(b.meeting_id)}
    assert {n for n, s in status.items() if s is AttendanceStatus.PRESENT} == set(results)
    assert status[on_leave.name] is AttendanceStatus.LEAVE
    assert sum(s is AttendanceStatus.ABSENT for s in status.values()) == counts.absent


def test_every_card_decodes(ctx, b, tmp_path):
    badges = b.signin.badges()
    pdf = tmp_path / "签到卡.pdf"
    pages = write_badges_pdf(badges, "东风社区第一党支部", pdf)
    assert pages == 3  # ten to a page
    decoded = decode_pdf(pdf, tmp_path / "cards")
    assert [len(p) for p in decoded] == [10, 10, 4]
    assert sorted(c for p in decoded for c in p) == sorted(x.payload for x in badges)


def test_the_sheet_embeds_chinese_fonts_and_reads_as_ideographs(b, tmp_path):
    import re
    import shutil
    import subprocess
    pdf = tmp_path / "sheet.pdf"
    write_sheet_pdf(b.signin.sheet(b.meeting_id), pdf)
    data = pdf.read_bytes()
    assert b"/FontFile2" in data or b"/FontFile3" in data  # embedded, not referenced
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "党员0000" in text and "学习贯彻全会精神" in text
        assert not re.search("[\u2e80-\u2fdf]", text)  # no Kangxi radicals in place of ideographs


def test_without_phone_sign_in_the_sheet_has_no_phone_code(ctx, b, tmp_path):
    ctx.settings.set("signin.phone_enabled", False)
    sheet = b.signin.sheet(b.meeting_id)
    pdf = tmp_path / "sheet.pdf"
    write_sheet_pdf(sheet, pdf)
    decoded = decode_pdf(pdf, tmp_path / "p")
    assert not any(c.startswith("http") for p in decoded for c in p)
    assert sum(len(p) for p in decoded) == len(sheet.rows)


def test_long_names_and_a_long_topic_stay_on_the_page(ctx, tmp_path):
    from tests.helpers.signin import branch
    people = [("阿卜杜热合曼·买买提艾力", "第一党小组（机关离退休干部）", "13800000001"), ("张三", "第二党小组", "13800000002")]
    b = branch(ctx, people)
    rec = b.meetings.get(b.meeting_id)
    from dataclasses import replace
    b.meetings.update(b.meeting_id, replace(rec, title="深入学习贯彻党的二十届四中全会精神暨" * 5, place="社区党群服务中心三楼会议室"))
    pdf = tmp_path / "sheet.pdf"
    sheet = b.signin.sheet(b.meeting_id, phone_url="http://192.168.1.2:8765/m/" + "a" * 29)
    assert write_sheet_pdf(sheet, pdf) == 1
    decoded = decode_pdf(pdf, tmp_path / "p")
    assert len(decoded[0]) == 3
