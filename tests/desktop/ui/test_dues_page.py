"""The dues page with real widgets on a real branch database: a payment recorded through the
dialog shows in the ledger, a reversal takes it back, arrears are flagged on the page and the
home page, bases are typed into the table, the publication prints to PDF. Today is 2026-11-20."""
from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from PySide6.QtCore import Qt

from core.dues import DuesCategory, Rounding
from core.members import MemberCategory
from desktop.services.dues import BaseEntry, PaymentRequest
from desktop.ui.base_dialog import BaseDialog
from desktop.ui.dues_model import (COL_ARREARS, COL_BASE, COL_FIRST_MONTH, COL_MONTHLY, PAID, STATE_ROLE, UNPAID,
                                   LedgerModel, PaymentsModel, RemittancesModel, ALERT_BG, WARNING_BG)
from desktop.ui.payment_dialog import PaymentDialog, ReversalDialog
from tests.desktop.ui.conftest import member

Y = 2026


def month_cell(page, member_id, month):
    row = page.model.row_of_member(member_id)
    return page.model.index(row, COL_FIRST_MONTH + month - 1)


@pytest.fixture
def branch(ctx):
    """Three members with this year's bases; one pays through August (3 behind), one through
    May (6 behind), one through October."""
    ids = {}
    for name, born, seq, base in (("张丽", date(1975, 3, 1), 1, 510000), ("李强", date(1980, 4, 2), 2, 300000),
                                  ("王芳", date(1985, 5, 3), 3, 1000001)):
        ids[name] = ctx.members.add(member(name, born, seq=seq, dues_category=DuesCategory.IN_SERVICE, dues_base_fen=base))
        ctx.dues.set_base(BaseEntry(ids[name], Y, 1, DuesCategory.IN_SERVICE, base))
    ctx.dues.record_payment(PaymentRequest(ids["张丽"], tuple((Y, m) for m in range(5, 9)), date(Y, 8, 2)))
    ctx.dues.record_payment(PaymentRequest(ids["李强"], ((Y, 5),), date(Y, 5, 2)))
    ctx.dues.record_payment(PaymentRequest(ids["王芳"], tuple((Y, m) for m in range(5, 11)), date(Y, 10, 2)))
    return ids


@pytest.fixture
def page(window, branch, qtbot):
    p = window.show_page("dues")
    qtbot.waitUntil(lambda: p.ledger is not None)
    return p


def test_models_pass_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.model)
    page.model.sort(COL_ARREARS, Qt.DescendingOrder)
    qtmodeltester.check(page.model)
    payments = PaymentsModel()
    payments.set_rows(page.ctx.dues.payments(Y))
    qtmodeltester.check(payments)
    remittances = RemittancesModel()
    page.ctx.dues.record_remittance(date(Y, 11, 1), 1000)
    remittances.set_rows(page.ctx.dues.remittances(Y))
    qtmodeltester.check(remittances)
    qtmodeltester.check(LedgerModel())  # empty


def test_the_ledger_shows_due_paid_and_arrears_flags(page, branch):
    m = page.model
    zhang, li, wang = branch["张丽"], branch["李强"], branch["王芳"]
    assert m.data(month_cell(page, zhang, 8)) == "76.50" and m.data(month_cell(page, zhang, 8), STATE_ROLE) == PAID
    assert m.data(month_cell(page, zhang, 9)) == "Owed" and m.data(month_cell(page, zhang, 9), STATE_ROLE) == UNPAID
    # Before the first month any recorded payment covers, nothing is called unpaid.
    assert m.data(month_cell(page, zhang, 4)) == ""
    assert m.data(month_cell(page, zhang, 12)) == ""  # not due yet
    row = m.row_of_member(zhang)
    assert m.data(m.index(row, COL_ARREARS)) == "3 mo." and m.data(m.index(row, COL_ARREARS), Qt.BackgroundRole) == WARNING_BG
    row = m.row_of_member(li)
    assert m.data(m.index(row, COL_ARREARS)) == "6 mo." and m.data(m.index(row, COL_ARREARS), Qt.BackgroundRole) == ALERT_BG
    assert "自行脱党" in m.data(m.index(row, COL_ARREARS), Qt.ToolTipRole)
    row = m.row_of_member(wang)
    # November is unpaid so far (months are counted up to this one); no flag below three.
    assert m.data(m.index(row, COL_MONTHLY)) == "200.00" and m.data(m.index(row, COL_ARREARS)) == "1 mo."
    assert m.data(m.index(row, COL_ARREARS), Qt.BackgroundRole) is None
    assert "Behind 6 months or more" in page.summary.text()
    page.ctx.dues.record_payment(PaymentRequest(wang, ((Y, 11),), date(Y, 11, 20)))
    page.reload()
    page.arrears_check.setChecked(True)
    assert sorted(m.row_at(i).name for i in range(m.rowCount())) == sorted(["张丽", "李强"])


def test_record_a_payment_through_the_dialog(page, branch, qtbot):
    zhang = branch["张丽"]
    page.select_member(zhang)
    dialog = page.record_payment()
    assert isinstance(dialog, PaymentDialog) and dialog.member_id() == zhang
    # The first unpaid month is offered, up to this month.
    assert dialog.chosen_months() == [(Y, 9), (Y, 10), (Y, 11)]
    assert dialog.total_label.text() == "Total: 229.50 yuan"
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("wechat"))
    dialog.receipt_edit.setText("DF2026-100")
    dialog.paid_by_edit.setText("其妻李梅")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert page.dialog is None or not page.dialog.isVisible()
    for month in (9, 10, 11):
        assert page.model.data(month_cell(page, zhang, month)) == "76.50"
        assert page.model.data(month_cell(page, zhang, month), STATE_ROLE) == PAID
    row = page.model.row_of_member(zhang)
    assert page.model.data(page.model.index(row, COL_ARREARS)) == ""
    assert page.selected_row().member_id == zhang
    page.tabs.setCurrentIndex(1)  # the list is filled when its tab is shown
    last = page.payments_model.row_at(0)  # newest first
    assert (last.paid_by, last.receipt_no, last.method, last.amount_fen) == ("其妻李梅", "DF2026-100", "wechat", 22950)
    assert "Payment recorded for 张丽" in page.notice.text()


def test_the_dialog_refuses_what_the_rules_refuse(page, branch):
    zhang = branch["张丽"]
    dialog = page.record_payment(zhang)
    dialog.set_months((Y, 5), (Y, 6))  # already paid
    assert not dialog.ok_button.isEnabled() and "已经交过" in dialog.error.text()
    dialog.date_edit.setText("2026-12-01")
    dialog.date_edit.editingFinished.emit()
    assert not dialog.ok_button.isEnabled() and "不能晚于今天" in dialog.error.text()
    assert not dialog.try_record()
    dialog.date_edit.setText("2026-11-20")
    dialog.date_edit.editingFinished.emit()
    dialog.voluntary_edit.setText("1000")
    assert dialog.voluntary_note.isVisible() and "Central Committee" in dialog.voluntary_note.text()
    dialog.voluntary_edit.setText("abc")
    assert not dialog.ok_button.isEnabled()
    dialog.reject()


def test_reverse_a_payment_from_the_payments_tab(page, branch, qtbot):
    wang = branch["王芳"]
    page.tabs.setCurrentIndex(1)
    assert not page.filters.isVisible()
    row = next(i for i in range(page.payments_model.rowCount()) if page.payments_model.row_at(i).member_id == wang)
    page.payments_view.selectRow(row)
    dialog = page.reverse_payment()
    assert isinstance(dialog, ReversalDialog)
    assert not dialog.try_reverse()  # a reason is required
    assert "原因" in dialog.error.text()
    dialog.reason_edit.setText("记错了人")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    page.tabs.setCurrentIndex(0)
    assert page.model.data(month_cell(page, wang, 10), STATE_ROLE) == UNPAID
    texts = [page.payments_model.text(page.payments_model.row_at(i), 7) for i in range(page.payments_model.rowCount())]
    assert any(t.startswith("Reversal of entry") and "记错了人" in t for t in texts)
    assert any(t.startswith("Reversed (entry") for t in texts)
    # The same entry cannot be reversed twice.
    row = next(i for i in range(page.payments_model.rowCount()) if page.payments_model.row_at(i).reversed_by)
    page.payments_view.selectRow(row)
    dialog = page.reverse_payment()
    dialog.reason_edit.setText("again")
    assert not dialog.try_reverse() and "已经冲正过" in dialog.error.text()
    dialog.reject()


def test_type_a_base_into_the_table(page, branch, boxes):
    li = branch["李强"]
    index = page.model.index(page.model.row_of_member(li), COL_BASE)
    assert page.model.flags(index) & Qt.ItemIsEditable
    assert page.model.setData(index, "5100")
    row = page.model.member(li)
    assert row.base_fen == 510000 and row.monthly_fen == 7650
    assert page.ctx.members.get(li).dues_base_fen == 510000  # in force today: the roster shows it too
    index = page.model.index(page.model.row_of_member(li), COL_BASE)
    assert not page.model.setData(index, "-3")
    assert boxes.texts("warning") and "不能为负数" in boxes.texts("warning")[-1]


def test_the_base_dialog_records_a_dated_override(page, branch):
    wang = branch["王芳"]
    page.select_member(wang)
    dialog = page.set_base()
    assert isinstance(dialog, BaseDialog)
    dialog.month_combo.setCurrentIndex(dialog.month_combo.findData(12))
    dialog.base_edit.setText("3000")
    assert dialog.amount_label.text() == "15.00 yuan"
    dialog.base_edit.setText("3000.01")
    assert dialog.amount_label.text() == "30.00 yuan"
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(DuesCategory.REDUCED.value))
    assert not dialog.try_save()  # no approval recorded
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(DuesCategory.IN_SERVICE.value))
    assert dialog.try_save()
    row = page.model.member(wang)
    assert row.due[10] == 20000 and row.due[11] == 3000 and row.base_changes
    index = page.model.index(page.model.row_of_member(wang), COL_BASE)
    assert not page.model.flags(index) & Qt.ItemIsEditable  # changes during the year go through the dialog


def test_settings_change_recomputes_the_ledger(page, branch):
    page.tabs.setCurrentIndex(3)
    page.settings_widget.rounding_combo.setCurrentIndex(page.settings_widget.rounding_combo.findData(Rounding.YUAN_UP.value))
    assert page.model.member(branch["张丽"]).monthly_fen == 7700
    page.settings_widget.farmer_spin.setValue(0.5)
    assert str(page.ctx.dues.config().rules.farmer_monthly) == "0.50"


def test_remittance_dialog(page, branch):
    dialog = page.record_remittance()
    held = page.ctx.dues.held()
    assert dialog.amount_edit.text() == f"{held // 100}.{held % 100:02d}"
    dialog.amount_edit.setText("99999")
    assert not dialog.try_record() and "结存党费只有" in dialog.error.text()
    dialog.amount_edit.setText("100")
    dialog.recipient_edit.setText("街道党工委")
    assert dialog.try_record()
    assert page.remittances_model.rowCount() == 1 and page.tabs.currentIndex() == 2
    assert page.ctx.dues.config().remit_to == "街道党工委"


def test_export_ledger_and_publication_pdf(page, branch, tmp_path, qtbot):
    from desktop.ui import worker
    target = tmp_path / "台账.xlsx"
    page.export_ledger(target)
    worker.wait_idle()
    qtbot.waitUntil(lambda: "Exported the ledger of 3 members" in page.notice.text())
    assert target.exists()
    pdf = tmp_path / "公示.pdf"
    assert page.export_publication(pdf) == 1
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "张丽" in text and "王芳" in text and "200.00" in text
    preview = page.show_publication()
    qtbot.waitUntil(lambda: preview.pages == 1)
    preview.reject()


def test_payroll_import_through_the_page(page, branch, tmp_path, qtbot):
    from tests.desktop.ui.conftest import make_id
    from tests.helpers.spreadsheets import write_xlsx
    from desktop.ui.base_import_dialog import BaseImportDialog
    path = write_xlsx(tmp_path / "工资表.xlsx", [["姓名", "身份证号", "税后工资"],
                                                  ["张丽", make_id(date(1975, 3, 1), 1), 6000],
                                                  ["陌生人", make_id(date(1990, 1, 1), 9), 5000]], text_columns=[1])
    page.import_payroll(path)
    qtbot.waitUntil(lambda: isinstance(page.dialog, BaseImportDialog), timeout=10000)
    dialog = page.dialog
    assert dialog.rows_model.rowCount() == 1 and dialog.rejected_model.rowCount() == 1
    assert dialog.rejected_model.text(dialog.rejected_model.row_at(0), 0) == "3"  # the spreadsheet's row number
    dialog.commit()
    qtbot.waitUntil(lambda: page.model.member(branch["张丽"]).base_fen == 600000, timeout=10000)
    assert page.model.member(branch["张丽"]).monthly_fen == 9000


def test_home_page_shows_the_dues_chart_and_arrears_and_opens_the_dues_page(window, branch, qtbot):
    home = window.pages["home"]
    home.refresh()
    texts = [home.arrears.list.item(i).text() for i in range(home.arrears.list.count())]
    assert texts == ["李强 — 6 months unpaid in a row (six or more: for the branch meeting)",
                     "张丽 — 3 months unpaid in a row"]
    assert sum(home.dues_chart.paid) == 4 * 7650 + 1500 + 6 * 20000
    assert home.dues_chart.due[10] == 7650 + 1500 + 20000
    item = home.arrears.list.item(0)
    qtbot.mouseClick(home.arrears.list.viewport(), Qt.LeftButton, pos=home.arrears.list.visualItemRect(item).center())
    assert window.current_page() == "dues"
    page = window.pages["dues"]
    assert page.selected_row().member_id == branch["李强"]
    # A payment on the dues page marks the home page for refreshing.
    page.record_payment(branch["李强"]).try_record()
    window.show_page("home")
    assert [home.arrears.list.item(i).text() for i in range(home.arrears.list.count())] == ["张丽 — 3 months unpaid in a row"]


def test_a_new_branch_says_arrears_start_with_the_first_payment(window, ctx, add, qtbot):
    add("赵敏", date(1980, 1, 1), category=MemberCategory.FULL, dues_category=DuesCategory.RETIRED, dues_base_fen=480000)
    page = window.show_page("dues")
    assert "No payment recorded yet" in page.summary.text()
    assert page.model.member(page.model.row_at(0).member_id).from_roster
    assert page.fix_bases() == 1
    assert not page.model.row_at(0).from_roster
