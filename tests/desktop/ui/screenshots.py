"""Screenshots of the real program, for looking at (STYLE: "look at what people see").

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.desktop.ui.screenshots [--language en] [--pending]

Writes PNGs to screenshots/ (git-ignored) from a generated demo branch, in the language asked
for (the .qm is built first when it is missing or older than the .ts). ``--pending`` adds the
translations still waiting in resources/i18n/pending_*.tsv (context, source, translation per
line) to a temporary copy of the catalogue, so new screens can be looked at in Chinese before
the lead merges them.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _catalogue(language: str) -> tuple[Path, Path]:
    """(.ts, .qm) of a language; the .qm is built by `make translations`."""
    from desktop import paths
    ts, qm = paths.translation_source(language), paths.translation_binary(language)
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return ts, qm


def _with_pending(language: str, work: Path) -> None:
    """A temporary catalogue: the .ts plus every pending_*.tsv, built to a .qm; the program's
    paths point at it for this run."""
    import xml.etree.ElementTree as ET
    from desktop import paths
    ts = paths.translation_source(language)
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for tsv in sorted((ROOT / "resources" / "i18n").glob("pending_*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            context, source, translation = line.split("\t")
            ctx = contexts.get(context)
            if ctx is None:
                ctx = contexts[context] = ET.SubElement(root, "context")
                ET.SubElement(ctx, "name").text = context
            message = ET.SubElement(ctx, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = translation
    folder = work / "i18n"
    folder.mkdir(parents=True, exist_ok=True)
    merged, qm = folder / ts.name, folder / ts.with_suffix(".qm").name
    tree.write(merged, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent", str(merged), "-qm", str(qm)], check=True)
    paths.translation_source = lambda lang: folder / f"branchdesk_{lang}.ts"
    paths.translation_binary = lambda lang: folder / f"branchdesk_{lang}.qm"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests.desktop.ui.screenshots")
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--pending", action="store_true", help="add the translations waiting in resources/i18n/pending_*.tsv")
    parser.add_argument("--only", choices=("dues",), help="only the screens of one part")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="branchdesk-screenshots-"))

    from core import i18n
    if args.pending and args.language != "en":
        _with_pending(args.language, work)
    if args.language != "en":
        ts, _qm = _catalogue(args.language)
        i18n.install(args.language, ts)
    else:
        i18n.install("en", None)
    from desktop.context import open_context
    from desktop.services.demo import create_demo_branch
    ctx = open_context(work / "branch", branch_name=i18n.translate("demo", "Demo Party Branch"))
    ctx.settings.set("language", args.language)
    create_demo_branch(ctx)
    if args.language != "en":
        i18n.install(args.language, ts)
    else:
        i18n.install("en", None)

    from PySide6.QtCore import Qt
    from core.members import EventKind
    from desktop.ui import worker
    from desktop.ui.app import create_application, install_translators
    from desktop.ui.import_dialog import ImportDialog
    from desktop.ui.main_window import MainWindow

    app = create_application()
    translators = install_translators(app, args.language)  # noqa: F841 — kept alive
    suffix = "" if args.language == "zh_CN" else f"-{args.language}"

    def settle(rounds: int = 20) -> None:
        for _ in range(rounds):
            app.processEvents()

    def shot(widget, name: str) -> None:
        settle()
        widget.grab().save(str(out / f"{name}{suffix}.png"))
        print(out / f"{name}{suffix}.png")

    window = MainWindow(ctx)
    window.show()
    if args.only == "dues":
        _dues_screens(ctx, window, shot, settle, out, suffix)
        worker.wait_idle()
        window.close()
        ctx.close()
        return 0
    shot(window, "01-home")
    roster = window.show_page("roster")
    shot(window, "02-roster")
    roster.search_edit.setText("wf")
    shot(window, "03-roster-search")
    roster.search_edit.setText("不存在的人")
    shot(window, "04-roster-no-match")
    roster.search_edit.clear()
    roster.former_check.setChecked(True)
    roster.view.sortByColumn(0, Qt.AscendingOrder)
    shot(window, "05-roster-former-sorted")
    roster.former_check.setChecked(False)

    # A member with a history, so that its tab has something to show.
    first = next(r for r in (roster.model.row_at(i) for i in range(roster.model.rowCount()))
                 if ctx.members.history(r.id))
    dialog = roster.open_member(first.id)
    shot(dialog, "06-member-dialog")
    dialog.reveal_id()
    dialog.id_edit.setText("360426199101010072")
    dialog.joined_edit.setText("2030-01-01")
    dialog.base_edit.setText("三千")
    dialog.try_save()
    shot(dialog, "07-member-dialog-errors")
    dialog.tabs.setCurrentIndex(1)
    shot(dialog, "08-member-dialog-history")
    dialog.reject()
    dialog = roster.add_member()
    shot(dialog, "09-member-dialog-add")
    dialog.reject()

    roster.select_member(roster.model.row_at(2).id)
    status = roster.change_status()
    status.select_kind(EventKind.TRANSFER_OUT)
    shot(status, "10-status-change")
    status.reject()

    sheet = _spreadsheet(work / "二支部花名册.xlsx")
    roster.import_file(sheet)
    deadline = time.monotonic() + 20
    while not isinstance(roster.dialog, ImportDialog) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    shot(roster.dialog, "11-import-preview")
    roster.dialog.tabs.setCurrentIndex(1)
    shot(roster.dialog, "12-import-rejected")
    roster.dialog.reject()

    window.show_page("settings")
    shot(window, "13-settings")
    _dues_screens(ctx, window, shot, settle, out, suffix)
    worker.wait_idle()
    window.close()
    ctx.close()
    return 0


def _dues_screens(ctx, window, shot, settle, out: Path, suffix: str) -> None:
    """党费: the page, the payment dialog, a reversal, the settings, the 公示 preview and its PDF
    rendered with pdftoppm, and the home page with the dues chart and arrears."""
    from desktop.services.demo import create_demo_branch  # noqa: F401 — the demo made the dues already
    window.show_page("home")
    shot(window, "20-home-dues")
    home = window.pages["home"]
    home.dues_card.parentWidget().parentWidget().parentWidget().verticalScrollBar().setValue(10000)
    shot(window, "21-home-dues-scrolled")
    page = window.show_page("dues")
    shot(window, "22-dues-ledger")
    behind = next(r for r in page.model.all_rows() if r.flag == "warning")
    page.select_member(behind.member_id)
    dialog = page.record_payment()
    shot(dialog, "23-payment-dialog")
    dialog.paid_by_edit.setText("其妻代缴")
    dialog.voluntary_edit.setText("1000")
    shot(dialog, "24-payment-dialog-voluntary")
    dialog.reject()
    prepaid = next(r for r in page.model.all_rows() if r.shortfall)
    page.select_member(prepaid.member_id)
    dialog = page.record_payment()
    shot(dialog, "25-payment-dialog-difference")
    dialog.reject()
    base = page.set_base(behind.member_id)
    shot(base, "26-base-dialog")
    from core.dues import DuesCategory
    base.category_combo.setCurrentIndex(base.category_combo.findData(DuesCategory.REDUCED.value))
    base.approved_edit.setText("5")
    base.approved_by_edit.setText("中共汉台区天汉街道工作委员会")
    shot(base, "26b-base-dialog-reduced")
    base.reject()
    payroll = _payroll(out.parent / "工资表.xlsx" if False else Path(tempfile.mkdtemp()) / "2026年1月工资表.xlsx", ctx)
    page.import_payroll(payroll)
    deadline = time.monotonic() + 20
    from desktop.ui.base_import_dialog import BaseImportDialog
    while not isinstance(page.dialog, BaseImportDialog) and time.monotonic() < deadline:
        settle(1)
        time.sleep(0.01)
    shot(page.dialog, "34-payroll-import")
    page.dialog.tabs.setCurrentIndex(1)
    shot(page.dialog, "35-payroll-import-problems")
    page.dialog.reject()
    page.tabs.setCurrentIndex(1)
    page.payments_view.selectRow(page.payments_model.rowCount() - 1)
    shot(window, "27-dues-payments")
    rev = page.reverse_payment()
    shot(rev, "28-reversal-dialog")
    rev.reject()
    page.tabs.setCurrentIndex(2)
    shot(window, "29-dues-remittances")
    page.tabs.setCurrentIndex(3)
    shot(window, "30-dues-settings")
    page.tabs.setCurrentIndex(0)
    page.arrears_check.setChecked(True)
    shot(window, "31-dues-arrears-only")
    page.arrears_check.setChecked(False)
    preview = page.show_publication()
    settle(40)
    shot(preview, "32-publication-preview")
    preview.reject()
    pdf = out / f"33-publication{suffix}.pdf"
    page.export_publication(pdf)
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / f"33-publication{suffix}")], check=False)
    print(pdf)


def _payroll(path: Path, ctx) -> Path:
    """A payroll as a finance office sends it: a title, 序号, ID numbers (one missing), gross pay
    and tax, and a row for someone not on the roll."""
    from openpyxl import Workbook
    members = [ctx.members.get(r.id) for r in ctx.members.roster() if r.roll_status == "active"][:6]
    wb = Workbook()
    ws = wb.active
    ws.title = "工资"
    ws.append(["2026年1月工资发放表"])
    ws.append(["序号", "姓名", "身份证号", "月工资", "个人所得税", "养老金"])
    for n, m in enumerate(members, start=1):
        retired = m.dues_category is not None and m.dues_category.value == "retired"
        ws.append([n, m.name, "" if n == 2 else m.id_number, None if retired else 5000 + 700 * n,
                   None if retired else 20 * n, 4200 + 300 * n if retired else None])
    ws.append([len(members) + 1, "外单位人员", "610702199001010011", 6000, 30, None])
    ws.append(["合计", None, None, None, None, None])
    for row in ws.iter_rows(min_row=3, min_col=3, max_col=3):
        for cell in row:
            cell.number_format = "@"
    wb.save(path)
    return path


def _spreadsheet(path: Path) -> Path:
    """A roster as secretaries keep them: a title row, a 序号 column, a column we do not
    know, and four kinds of bad rows."""
    from openpyxl import Workbook
    from core.idnumber import check_digit

    def number(born: str, seq: int) -> str:
        first17 = f"610702{born}{seq:03d}"
        return first17 + check_digit(first17)

    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["城关社区党支部党员花名册"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "姓名", "性别", "民族", "公民身份号码", "人员类别", "入党时间", "微信号"])
    ws.append([1, "孙丽", "女", "汉族", number("19900404", 22), "正式党员", "2015-07-01", "sunli"])
    ws.append([2, "钱进", "男", "汉族", "360426199101010072", "正式党员", "2012.06", ""])
    ws.append([3, "周磊", "男", "回族", number("19920808", 13), "预备党员", "2026-03-01", ""])
    ws.append([4, "吴敏", "女", "汉族", 1.10105e17, "正式党员", "2001.7", ""])
    ws.append([5, "郑浩", "男", "汉族", number("19850101", 15), "正式党员", "2030-01-01", ""])
    wb.save(path)
    return path


if __name__ == "__main__":
    sys.exit(main())
