"""The votes page with real widgets on a real branch database: setting up, the roll, opening only
with the quorum, the booth and the counting screen driven by the keyboard, closing, the result
sheets, the next round; the models checked with qtmodeltester."""
from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt

from core.votes import DecisionBallot, ElectionBallot, Mark, PollKind
from desktop.services.ballot_box import Cast
from desktop.services.votes import EXCLUDED, PollSetup, VoteService
from desktop.ui import worker
from desktop.ui.votes_model import COL_PRESENT, PollsModel, ResultModel, VotersModel
from desktop.ui.votes_page import VotesPage
from tests.helpers.votes import FULL, branch, election, everyone_present
from tests.helpers.zbar import decode_pdf, needs_tools


@pytest.fixture
def ids(ctx):
    return branch(ctx)


@pytest.fixture
def service(ctx):
    return VoteService(ctx.db, ctx.clock)


@pytest.fixture
def page(ctx, qtbot, ids):
    p = VotesPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 760)
    p.show()
    return p


def settle(qtbot) -> None:
    assert worker.wait_idle(10000)
    qtbot.wait(20)


def test_models_pass_qtmodeltester(qtmodeltester, ctx, ids, service):
    poll = election(service)
    everyone_present(service, poll, ids)
    polls = PollsModel()
    polls.set_rows(service.list())
    qtmodeltester.check(polls)
    voters = VotersModel()
    voters.editable = True
    voters.set_rows(service.voters(poll))
    qtmodeltester.check(voters)
    service.open(poll)
    for code in service.make_codes(poll, 3):
        service.cast(poll, code, ElectionBallot({"张伟": Mark.FOR}, ()), "booth")
    result = ResultModel()
    result.set_result(service.tally(poll))
    qtmodeltester.check(result)
    decision = service.create(PollSetup(PollKind.DECISION, "郑凯转正", ("郑凯",), subject=__import__("core.votes", fromlist=["x"]).DecisionSubject.FULL_MEMBERSHIP))
    everyone_present(service, decision, ids)
    service.open(decision)
    result.set_result(service.tally(decision))
    qtmodeltester.check(result)
    appraisal = service.create(PollSetup(PollKind.APPRAISAL, "民主评议"))
    everyone_present(service, appraisal, ids)
    service.open(appraisal)
    result.set_result(service.tally(appraisal))
    qtmodeltester.check(result)


def test_set_up_an_election_with_the_dialog(page, qtbot):
    from desktop.ui.poll_dialog import PollDialog
    dialog = page.new_poll(PollKind.ELECTION)
    assert isinstance(dialog, PollDialog)
    dialog.candidates.setPlainText("赵敏、陈静\n刘洋 张伟")
    dialog.seats.setValue(3)
    dialog.way_boxes["booth"].setChecked(True)
    assert "刘洋" in dialog.order_label.text() and dialog.order_label.text().index("刘洋") < dialog.order_label.text().index("赵敏")
    assert dialog.try_create()
    assert page.polls.rowCount() == 1
    assert page.detail.candidates == ("刘洋", "张伟", "陈静", "赵敏")
    assert page.detail.ways == ("paper", "booth")
    assert page.open_button.isVisible() and not page.open_button.isEnabled()   # no one present yet
    assert page.problems_label.isVisible()


def test_roll_call_then_open(page, qtbot, service, ids):
    poll = election(service)
    page.reload()
    page.select(poll)
    assert page.voters.rowCount() == 13
    # Tick the first eight voters present by the checkbox: 8 of 10 is not more than 4/5.
    rows = [r for r in range(page.voters.rowCount()) if page.voters.row_at(r).status == "voter"]
    for r in rows[:8]:
        page.voters.setData(page.voters.index(r, COL_PRESENT), Qt.Checked, Qt.CheckStateRole)
    assert service.counts(poll).present == 8
    assert not page.open_button.isEnabled()
    page.voters.setData(page.voters.index(rows[8], COL_PRESENT), Qt.Checked, Qt.CheckStateRole)
    assert page.open_button.isEnabled()
    page.open_poll()
    assert page.detail.state == "open"
    assert page.booth_button.isVisible() and page.count_button.isVisible() and page.close_button.isVisible()


def test_exclusion_needs_the_approval(page, service, ids, boxes):
    from desktop.ui.votes_dialogs import VoterStatusDialog
    poll = election(service)
    page.reload()
    page.select(poll)
    dialog = VoterStatusDialog(service, poll, ids["吴刚"], "吴刚", EXCLUDED, page)
    assert not dialog.try_save()
    assert dialog.error.isVisibleTo(dialog)
    dialog.note.setText("街道党工委2026年11月10日批复")
    assert dialog.try_save()
    page.refresh_detail()
    assert service.counts(poll).due == 9


def open_election(service, ids, **kw) -> int:
    poll = election(service, **kw)
    everyone_present(service, poll, ids)
    service.open(poll)
    for name in FULL:
        service.receive(poll, ids[name])
    return poll


def test_the_booth_takes_a_code_a_ballot_and_clears(page, qtbot, service, ids):
    from desktop.ui.booth import PAGE_BALLOT, PAGE_CODE, PAGE_DONE, PAGE_REVIEW
    poll = open_election(service, ids)
    codes = service.make_codes(poll, 2)
    page.reload()
    page.select(poll)
    booth = page.open_booth(fullscreen=False)
    qtbot.waitExposed(booth)
    qtbot.keyClicks(booth.code_edit, "1234 567")
    qtbot.keyClick(booth.code_edit, Qt.Key_Return)
    assert booth.stack.currentIndex() == PAGE_CODE and booth.code_message.text()      # seven digits
    booth.code_edit.clear()
    qtbot.keyClicks(booth.code_edit, "00000000" if codes[0] != "00000000" else "11111111")
    booth.next_button.click()
    assert booth.stack.currentIndex() == PAGE_CODE and booth.code_message.text()      # not a code
    booth.code_edit.clear()
    qtbot.keyClicks(booth.code_edit, f"{codes[0][:4]} {codes[0][4:]}")
    qtbot.keyClick(booth.code_edit, Qt.Key_Return)
    assert booth.stack.currentIndex() == PAGE_BALLOT
    form = booth.form
    form.pick("张伟", "for")
    form.pick("赵敏", "for")
    form.pick("刘洋", "against")
    assert form.write_ins["刘洋"].isEnabled() and not form.write_ins["张伟"].isEnabled()
    form.write_ins["刘洋"].setText("孙七")
    form.pick("陈静", "for")
    form.pick("陈静", "for")                      # pressed again: cleared
    assert form.choice("陈静") is None
    booth.review_button.click()
    assert booth.stack.currentIndex() == PAGE_REVIEW
    assert "孙七" in booth.summary.text() and not booth.warning.isVisible()
    booth.cast_button.click()
    qtbot.waitUntil(lambda: booth.stack.currentIndex() == PAGE_DONE, timeout=5000)
    assert booth.form is None and booth.summary.text() == ""
    votes = {c.name: c.votes_for for c in service.tally(poll).candidates}
    assert votes["张伟"] == 1 and votes["孙七"] == 1 and votes["陈静"] == 0
    booth.reset()                                   # the thank-you times out
    assert booth.stack.currentIndex() == PAGE_CODE and booth.code_edit.text() == ""
    # The same code again is refused.
    qtbot.keyClicks(booth.code_edit, codes[0])
    qtbot.keyClick(booth.code_edit, Qt.Key_Return)
    assert booth.stack.currentIndex() == PAGE_CODE and booth.code_message.text()


def test_the_booth_warns_of_an_invalid_ballot(page, qtbot, service, ids):
    from desktop.ui.booth import PAGE_DONE
    poll = open_election(service, ids)
    code = service.make_codes(poll, 1)[0]
    page.reload()
    page.select(poll)
    booth = page.open_booth(fullscreen=False)
    qtbot.keyClicks(booth.code_edit, code)
    booth.check_code()
    for name in ("刘洋", "张伟", "陈静", "赵敏"):
        booth.form.pick(name, "for")
    booth.review_button.click()
    assert booth.warning.isVisible()
    booth.cast_button.click()
    qtbot.waitUntil(lambda: booth.stack.currentIndex() == PAGE_DONE, timeout=5000)
    assert service.tally(poll).invalid_ballots == 1


def test_the_counting_screen_by_keyboard(page, qtbot, service, ids):
    poll = open_election(service, ids)
    serials = service.new_serials(poll, 4)
    page.reload()
    page.select(poll)
    screen = page.open_counting()
    qtbot.waitExposed(screen)
    # 刘洋 张伟 陈静 赵敏: 不赞成 with a write-in, 赞成, 弃权, 赞成.
    qtbot.keyClicks(screen.serial_edit, serials[0])
    qtbot.keyClick(screen.serial_edit, Qt.Key_Return)
    assert screen.marks_edit.hasFocus() or screen.marks_edit.isEnabled()
    qtbot.keyClicks(screen.marks_edit, "2131")
    assert "刘洋" in screen.preview.text()
    qtbot.keyClick(screen.marks_edit, Qt.Key_Return)
    assert screen.write_edit.isEnabled()
    screen.write_edit.setText("孙七")
    qtbot.keyClick(screen.write_edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: screen.serial_edit.isEnabled(), timeout=5000)
    settle(qtbot)
    votes = {c.name: c.votes_for for c in service.tally(poll).candidates}
    assert votes == {"刘洋": 0, "张伟": 1, "陈静": 0, "赵敏": 1, "孙七": 1}
    # The same ballot again: refused at the code.
    qtbot.keyClicks(screen.serial_edit, serials[0])
    qtbot.keyClick(screen.serial_edit, Qt.Key_Return)
    assert not screen.marks_edit.isEnabled() and screen.message.text()
    screen.serial_edit.clear()
    # A ballot that cannot be made out.
    qtbot.keyClicks(screen.serial_edit, serials[1])
    qtbot.keyClick(screen.serial_edit, Qt.Key_Return)
    qtbot.keyClicks(screen.marks_edit, "*")
    qtbot.keyClick(screen.marks_edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: screen.serial_edit.isEnabled(), timeout=5000)
    settle(qtbot)
    assert service.tally(poll).invalid_ballots == 1
    # Too few digits: not counted until complete.
    qtbot.keyClicks(screen.serial_edit, serials[2])
    qtbot.keyClick(screen.serial_edit, Qt.Key_Return)
    qtbot.keyClicks(screen.marks_edit, "11")
    qtbot.keyClick(screen.marks_edit, Qt.Key_Return)
    assert screen.marks_edit.isEnabled() and service.counts(poll).collected == 2
    # A forged code.
    screen.next_ballot()
    qtbot.keyClicks(screen.serial_edit, serials[3][:-2] + "AA")
    qtbot.keyClick(screen.serial_edit, Qt.Key_Return)
    assert not screen.marks_edit.isEnabled()


def test_close_print_and_next_round(page, qtbot, service, ids, tmp_path, boxes):
    poll = open_election(service, ids, seats=2)
    pairs = [("张伟", "赵敏")] * 4 + [("张伟", "刘洋")] * 4 + [("赵敏", "刘洋")] * 2
    for code, pair in zip(service.make_codes(poll, 10), pairs):
        assert service.cast(poll, code, ElectionBallot({n: Mark.FOR for n in pair}), "booth") is Cast.ACCEPTED
    page.reload()
    page.select(poll)
    page.scrutineers.setText("李委员")
    page.tellers.setText("周婷、黄磊")
    page._save_signers()
    page.close_poll(confirm=False)
    assert page.detail.state == "closed" and page.tabs.currentIndex() == 1
    assert page.report_button.isVisible() and page.next_button.isVisible()
    files = page.save_pdfs(tmp_path)
    assert [f.exists() for f in files] == [True, True]
    text = subprocess.run(["pdftotext", "-layout", str(files[1]), "-"], capture_output=True, text=True).stdout
    assert "张伟" in text and "李委员" in text and "周婷、黄磊" in text
    preview = page.preview(False)
    qtbot.addWidget(preview)
    preview.close()
    page.next_round()
    assert page.detail.runoff and page.detail.candidates == ("刘洋", "赵敏") and page.detail.round == 2


@needs_tools
def test_printed_ballots_and_slips_decode(page, qtbot, service, ids, tmp_path):
    poll = open_election(service, ids)
    page.reload()
    page.select(poll)
    ballots = page.print_ballots(5, tmp_path / "ballots.pdf")
    slips = page.make_codes(12, tmp_path / "slips.pdf")
    pages = decode_pdf(ballots, tmp_path / "ballots")
    found = [code for codes in pages for code in codes]
    assert len(found) == 5 and len(set(found)) == 5
    for serial in found:
        assert service.box.serial_counted(poll, serial) is Cast.ACCEPTED   # genuine, not counted yet
    assert service.counts(poll).collected == 0
    slip_codes = [c for codes in decode_pdf(slips, tmp_path / "slips") for c in codes]
    assert len(slip_codes) in (0, 12)            # the phone page's address, when this PC has one
    text = subprocess.run(["pdftotext", str(slips), "-"], capture_output=True, text=True).stdout
    digits = [t.replace(" ", "") for t in __import__("re").findall(r"\b\d{4} \d{4}\b", text)]
    assert len(digits) == 12 and all(service.box.check_code(poll, d) is Cast.ACCEPTED for d in digits)


def test_a_decision_with_written_opinions(page, qtbot, service, ids):
    from core.votes import DecisionSubject
    from desktop.ui.votes_dialogs import WrittenOpinionsDialog
    poll = service.create(PollSetup(PollKind.DECISION, "接收孙悦为预备党员", ("孙悦",), subject=DecisionSubject.ADMISSION,
                                    ways=("booth",)))
    everyone_present(service, poll, ids, FULL[:6])
    page.reload()
    page.select(poll)
    assert page.written_button.isVisible()
    dialog = WrittenOpinionsDialog(service, poll, page)
    dialog.spins[0].setValue(1)
    assert dialog.try_save()
    page.open_poll()
    for name in FULL[:6]:
        service.receive(poll, ids[name])
    for i, code in enumerate(service.make_codes(poll, 6)):
        service.cast(poll, code, DecisionBallot(Mark.FOR if i < 5 else Mark.AGAINST), "booth")
    page.refresh_detail()
    page.close_poll(confirm=False)
    assert page.result_model.rowCount() == 1
    assert page.polls.row_at(0).outcome


def test_the_result_is_shown_with_its_meeting(ctx, qtbot, service, ids):
    from desktop.ui.meeting_dialog import MeetingDialog
    from tests.helpers.votes import meeting
    meeting_id = meeting(ctx)
    poll = open_election(service, ids, meeting_id=meeting_id)
    for code in service.make_codes(poll, 10):
        service.cast(poll, code, ElectionBallot({"张伟": Mark.FOR, "赵敏": Mark.FOR, "刘洋": Mark.FOR}), "booth")
    service.close(poll)
    dialog = MeetingDialog(ctx, meeting_id)
    qtbot.addWidget(dialog)
    assert dialog.votes_label is not None
    assert "支部委员会选举" in dialog.votes_label.text() and "张伟" in dialog.votes_label.text()
    other = MeetingDialog(ctx, meeting(ctx))
    qtbot.addWidget(other)
    assert other.votes_label is None
