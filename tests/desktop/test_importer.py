"""Importing the roster from the files secretaries really have (DESIGN §1, DOMAIN §4): a
title row with merged cells, synonyms in any order, every date form, full-width digits,
padded names, an ID that became a number, blank and 合计 rows; in .xlsx, .xls, .ods and CSV,
written by openpyxl, xlwt, Python's csv (GBK, UTF-8) and LibreOffice. Real SQLite files.
"""
from __future__ import annotations

import sqlite3
import zipfile
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from core import i18n
from core.dues import DuesCategory
from core.members import Gender, MemberCategory, MemberRecord
from core.search import pinyin_key
from desktop import paths
from desktop.services import importer
from desktop.services.importer import ImportFailed
from desktop.services.members import ActionRefused
from tests.helpers.spreadsheets import SOFFICE, make_id, soffice_convert, write_csv, write_xls, write_xlsx

ID_ZHANG = make_id(date(1975, 3, 15), 3)
ID_LI = make_id(date(1980, 5, 20), 4, male=False)
ID_WANG = make_id(date(1950, 10, 1), 5, region="610702")
ID_ZHAO = make_id(date(1985, 1, 1), 6, male=False)
ID_SUN = make_id(date(1990, 4, 4), 7, male=False)
ID_ZHOU = make_id(date(1992, 8, 8), 8)
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")

HEADER = ["序号", "姓 名", "身份证号码", "性别", "入党时间", "转正时间", "联系方式", "所属党小组", "人员类别",
          "文化程度", "出生年月", "籍贯", "党费类别", "缴费基数", "备注"]
WIDTH = len(HEADER)


def messy_rows() -> list[list[object]]:
    """The roster as a 社区 secretary keeps it. Row numbers below are the sheet's."""
    def row(*cells):
        return list(cells) + [None] * (WIDTH - len(cells))
    return [
        row("城关社区党支部党员花名册（2026年11月）"),                                         # 1, merged
        row("填报单位：城关社区党委            填报时间：2026年11月"),                         # 2, merged
        HEADER,                                                                                 # 3
        row(1, "张  伟", ID_ZHANG, "男", date(1998, 7, 1), date(1999, 7, 1), "13812345678",
            "第一党小组", "正式党员", "大学本科", date(1975, 3, 15), "陕西汉中", "在职", 5100, None),  # 4
        row(2, "李娜", ID_LI.translate(FULLWIDTH), "女", "1998.07", "1999年7月2日", "１３９１２３４５６７８",
            "第一党小组", "正式", "研究生", "1980.05", None, "在职", "4,900", None),                # 5
        row(3, "王建国", ID_WANG, "男", "2001/7/1", "2002-07-01", "13712345678", "第二党小组",
            "正式党员", "中专", None, None, "离退休", 3000, "返聘"),                                # 6
        row(),                                                                                  # 7 blank
        row(4, "赵敏", int(ID_ZHAO), "女", "2008-07-01", None, None, "第二党小组", "正式党员"),      # 8 ID as number
        row(5, "钱进", ID_ZHANG, "男", "2005-07-01", None, None, "第二党小组", "正式党员"),          # 9 same ID as 4
        row(6, "王芳", None, "女", "2010-07-01", "2011-07-01", None, "第二党小组", "正式党员"),     # 10 no ID
        row(7, "王 芳", None, "女", "2012-07-01", "2013-07-01", None, "第二党小组", "正式党员"),    # 11 same name
        row(8, "孙丽", ID_SUN, "未知", "2015-07-01", None, None, "第二党小组", "正式党员"),          # 12 bad gender
        row(9, "周磊", ID_ZHOU, "男", "2026-03-01", None, "13612345678", "第二党小组", "预备党员"),  # 13
        row("合计", "共9人"),                                                                   # 14 totals
        row("制表人：张三"),                                                                   # 15 footer
    ]


MERGES = ["A1:O1", "A2:O2"]
ACCEPTED = ["张伟", "李娜", "王建国", "王芳", "王芳", "周磊"]
REJECTED = {8: "id_number", 9: "id_number", 12: "gender"}
WARNED = {11}


def _csv_rows(rows, date_style):
    """What Excel/WPS write to CSV: dates as shown, an 18-digit number as 1.10105E+17."""
    out = []
    for r in rows:
        cells = []
        for v in r:
            if isinstance(v, date):
                v = date_style(v)
            elif isinstance(v, int) and v > 10**15:
                v = f"{v:.5E}"
            cells.append(v)
        out.append(cells)
    return out


@pytest.fixture(scope="session")
def messy_files(tmp_path_factory):
    """The messy roster in every format. LibreOffice converts all of its targets from one
    openpyxl file; each soffice start costs seconds, so this runs once per session."""
    base = tmp_path_factory.mktemp("messy")
    files = {
        "xlsx-openpyxl": write_xlsx(base / "名册.xlsx", messy_rows(), merges=MERGES, text_columns=[2]),
        "xls-xlwt": write_xls(base / "名册-xlwt.xls", messy_rows(), merges=[(0, 0, 0, WIDTH - 1), (1, 1, 0, WIDTH - 1)]),
        "csv-gbk": write_csv(base / "名册-gbk.csv", _csv_rows(messy_rows(), lambda d: f"{d.year}/{d.month}/{d.day}"), encoding="gbk"),
        "csv-utf8-bom": write_csv(base / "名册-utf8.csv", _csv_rows(messy_rows(), date.isoformat), encoding="utf-8-sig"),
        "csv-tab-utf16": write_csv(base / "名册-unicode.txt", _csv_rows(messy_rows(), date.isoformat), encoding="utf-16", delimiter="\t"),
    }
    return files


@pytest.fixture(scope="session")
def converted_files(messy_files, tmp_path_factory):
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    base = tmp_path_factory.mktemp("soffice")
    profile = tmp_path_factory.mktemp("soffice-profile")
    source = [messy_files["xlsx-openpyxl"]]
    return {
        "xls-soffice": soffice_convert(source, "xls", base, profile)[0],
        "ods-soffice": soffice_convert(source, "ods", base, profile)[0],
        "csv-soffice": soffice_convert(source, "csv:Text - txt - csv (StarCalc):44,34,76", base, profile)[0],
    }


def _check_messy_plan(plan):
    assert plan.header_row == 3
    assert plan.columns["name"] == 1 and plan.columns["id_number"] == 2 and plan.columns["joined_on"] == 4
    assert plan.columns["phone"] == 6 and plan.columns["group"] == 7 and plan.columns["birth_date"] == 10
    assert plan.columns["dues_base"] == 13
    assert plan.unknown_headers == ["籍贯"]
    assert [p.record.name for p in plan.rows] == ACCEPTED
    assert {p.row: p.field for p in plan.rejected} == REJECTED
    assert plan.skipped == []
    assert {p.row for p in plan.rows if p.warnings} == WARNED
    assert all(p.action == "create" and p.existing_id is None for p in plan.rows)
    by_name = {p.record.name: p.record for p in plan.rows}

    zhang = by_name["张伟"]
    assert (zhang.id_number, zhang.gender, zhang.birth_date) == (ID_ZHANG, Gender.MALE, date(1975, 3, 15))
    assert (zhang.joined_on, zhang.full_member_on) == (date(1998, 7, 1), date(1999, 7, 1))
    assert (zhang.phone, zhang.group, zhang.category) == ("13812345678", "第一党小组", MemberCategory.FULL)
    assert (zhang.education, zhang.dues_category, zhang.dues_base_fen) == ("大学本科", DuesCategory.IN_SERVICE, 510000)

    li = by_name["李娜"]
    assert li.id_number == ID_LI and li.phone == "13912345678"   # full-width digits
    assert (li.joined_on, li.full_member_on) == (date(1998, 7, 1), date(1999, 7, 2))
    assert li.birth_date == date(1980, 5, 20)   # 出生年月 1980.05, the day from the ID number
    assert li.dues_base_fen == 490000 and li.category is MemberCategory.FULL

    wang = by_name["王建国"]
    assert (wang.joined_on, wang.full_member_on) == (date(2001, 7, 1), date(2002, 7, 1))
    assert (wang.birth_date, wang.gender) == (date(1950, 10, 1), Gender.MALE)   # from the ID number
    assert (wang.dues_category, wang.note) == (DuesCategory.RETIRED, "返聘")

    zhou = by_name["周磊"]
    assert zhou.category is MemberCategory.PROBATIONARY and zhou.full_member_on is None
    rejected = {p.row: p.message for p in plan.rejected}
    assert "4" in rejected[9]   # "the same ID number as row 4"


@pytest.mark.parametrize("kind", ["xlsx-openpyxl", "xls-xlwt", "csv-gbk", "csv-utf8-bom", "csv-tab-utf16"])
def test_messy_roster_reads_the_same_in_every_format(ctx, messy_files, kind):
    plan = importer.read_plan(ctx, messy_files[kind])
    _check_messy_plan(plan)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["xls-soffice", "ods-soffice", "csv-soffice"])
def test_messy_roster_converted_by_libreoffice_reads_the_same(ctx, converted_files, kind):
    plan = importer.read_plan(ctx, converted_files[kind])
    _check_messy_plan(plan)


@pytest.mark.parametrize("kind", ["xlsx-openpyxl", "xls-xlwt", "csv-gbk"])
def test_an_id_stored_as_a_number_is_rejected_because_it_lost_digits(ctx, messy_files, kind):
    plan = importer.read_plan(ctx, messy_files[kind])
    problem = next(p for p in plan.rejected if p.row == 8)
    assert problem.field == "id_number"
    lost = i18n.translate("idnumber", "The ID number was stored as a number in the spreadsheet and has lost digits; format the column as text and enter it again")
    assert lost in problem.message


def test_the_sheet_is_the_first_with_a_header(ctx, tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", [["姓名", "公民身份号码"], ["张伟", ID_ZHANG]], sheet="党员",
                      before=[("填表说明", [["请按下表填写"], ["姓名：填写身份证上的姓名"]]), ("空表", [])])
    plan = importer.read_plan(ctx, path)
    assert plan.sheet == "党员" and plan.header_row == 1 and plan.accepted == 1


@pytest.mark.parametrize("writer", ["openpyxl", "xlwt"])
def test_a_group_written_once_over_merged_rows_belongs_to_each(ctx, tmp_path, writer):
    rows = [["姓名", "党小组", "公民身份号码"],
            ["张伟", "第一党小组", ID_ZHANG], ["李娜", None, ID_LI], ["王建国", None, ID_WANG],
            ["周磊", "第二党小组", ID_ZHOU], [None, None, None], [None, None, None]]
    # 第二党小组 is merged down over the template's two empty rows as well.
    if writer == "openpyxl":
        path = write_xlsx(tmp_path / "merged.xlsx", rows, merges=["B2:B4", "B5:B7"])
    else:
        path = write_xls(tmp_path / "merged.xls", rows, merges=[(1, 3, 1, 1), (4, 6, 1, 1)])
    plan = importer.read_plan(ctx, path)
    assert [(p.record.name, p.record.group) for p in plan.rows] == [
        ("张伟", "第一党小组"), ("李娜", "第一党小组"), ("王建国", "第一党小组"), ("周磊", "第二党小组")]
    assert plan.rejected == []


def test_excel_true_false_cells(ctx, tmp_path):
    rows = [["姓名", "流动党员", "失联党员", "入党时间"],
            ["张伟", True, False, "2001-07-01"], ["李娜", 1, 0, "2001-07-01"], ["王芳", "否", "是", True]]
    plan = importer.read_plan(ctx, write_xlsx(tmp_path / "bools.xlsx", rows))
    assert [(p.record.mobile, p.record.lost_contact) for p in plan.rows] == [(True, False), (True, False)]
    assert {p.row: p.field for p in plan.rejected} == {4: "joined_on"}


def test_a_two_row_header_adds_the_fields_of_its_second_row(ctx, tmp_path):
    rows = [["姓名", "公民身份号码", "失联党员", None],
            [None, None, "是否失联", "失联日期"],
            ["张伟", ID_ZHANG, "是", "2024-05-01"]]
    plan = importer.read_plan(ctx, write_xlsx(tmp_path / "two.xlsx", rows))
    assert plan.columns["lost_contact"] == 2 and plan.columns["lost_contact_on"] == 3
    (row,) = plan.rows
    assert row.row == 3 and row.record.lost_contact and row.record.lost_contact_on == date(2024, 5, 1)


@pytest.mark.parametrize("typed,expected", [
    ("1998.07", date(1998, 7, 1)), ("1998年7月1日", date(1998, 7, 1)), ("1998/7/1", date(1998, 7, 1)),
    ("1998-07-01", date(1998, 7, 1)), (date(1998, 7, 3), date(1998, 7, 3)), (1998.07, date(1998, 7, 1)),
    ("１９９８．０７", date(1998, 7, 1)),
])
def test_every_date_form_people_type(ctx, tmp_path, typed, expected):
    path = write_xlsx(tmp_path / "dates.xlsx", [["姓名", "入党时间"], ["张伟", typed]])
    (row,) = importer.read_plan(ctx, path).rows
    assert row.record.joined_on == expected


def test_full_width_letters_and_digits_and_padded_names(ctx, tmp_path):
    ends_in_x = next(n for n in (make_id(date(1970, 1, 1), s) for s in range(50)) if n.endswith("X"))
    rows = [["姓名", "公民身份号码", "学历", "联系电话", "民族"],
            ["欧阳\u3000晓东", ends_in_x.translate(FULLWIDTH), "ＭＢＡ", "１３８\u3000１２３４\u3000５６７８", " 汉族 "],
            ["张\u3000\u3000伟", ends_in_x.translate(FULLWIDTH).lower(), None, None, None]]
    plan = importer.read_plan(ctx, write_xlsx(tmp_path / "wide.xlsx", rows))
    (row,) = plan.rows
    assert (row.record.name, row.record.id_number) == ("欧阳晓东", ends_in_x)
    assert (row.record.education, row.record.phone, row.record.ethnicity) == ("MBA", "138 1234 5678", "汉族")
    assert [(p.row, p.field) for p in plan.rejected] == [(3, "id_number")]   # the same number, ｘ and all


def test_cells_that_are_not_dates_are_rejected_naming_the_column(ctx, tmp_path):
    path = write_xlsx(tmp_path / "bad.xlsx", [["姓名", "入党时间", "人员类别"], ["张伟", "去年七月", "正式"], ["李娜", "2001-07-01", "积极分子"]])
    plan = importer.read_plan(ctx, path)
    assert {p.row: p.field for p in plan.rejected} == {2: "joined_on", 3: "category"}
    from core.members import field_label
    assert field_label("joined_on") in plan.rejected[0].message
    assert "去年七月" in plan.rejected[0].message


def test_birth_date_and_gender_come_from_the_id_and_are_checked_against_it(ctx, tmp_path):
    rows = [["姓名", "公民身份号码", "性别", "出生日期"],
            ["张伟", ID_ZHANG, None, None],
            ["李娜", ID_LI, "男", None],                  # the 17th digit is even
            ["王建国", ID_WANG, "男", "1951-10-01"]]       # not the ID's birth date
    plan = importer.read_plan(ctx, write_xlsx(tmp_path / "ids.xlsx", rows))
    (zhang,) = plan.rows
    assert (zhang.record.gender, zhang.record.birth_date) == (Gender.MALE, date(1975, 3, 15))
    assert {p.row: p.field for p in plan.rejected} == {3: "gender", 4: "birth_date"}


# -- duplicates ---------------------------------------------------------------------

def _add(ctx, name, number, **kw):
    return ctx.members.add(MemberRecord(name=name, id_number=number, **kw))


def test_a_member_already_on_the_roster_is_skipped_with_a_reason(ctx, tmp_path):
    _add(ctx, "张伟", ID_ZHANG, phone="13800000000")
    path = write_xlsx(tmp_path / "again.xlsx", [["姓名", "公民身份号码", "联系电话"], ["张伟", ID_ZHANG, "13912345678"], ["李娜", ID_LI, None]])
    plan = importer.read_plan(ctx, path)
    assert [(p.row, p.field) for p in plan.skipped] == [(2, "id_number")]
    assert "张伟" in plan.skipped[0].message
    assert [p.record.name for p in plan.rows] == ["李娜"]


def test_update_mode_changes_only_what_the_file_has(ctx, tmp_path):
    mid = _add(ctx, "张伟", ID_ZHANG, phone="13800000000", address="汉台区天汉大道1号", education="大学本科",
               post="科员", group="第一党小组", joined_on=date(1998, 7, 1))
    # No 家庭住址 column; 学历 left blank: both keep the member's values.
    path = write_xlsx(tmp_path / "update.xlsx", [["姓名", "公民身份号码", "联系电话", "学历", "党小组"],
                                                 ["张 伟", ID_ZHANG.lower(), "13912345678", None, "第二党小组"]])
    plan = importer.read_plan(ctx, path, on_duplicate="update")
    (row,) = plan.rows
    assert (row.action, row.existing_id) == ("update", mid)
    importer.commit(ctx, plan)
    rec = ctx.members.get(mid)
    assert (rec.phone, rec.group) == ("13912345678", "第二党小组")
    assert (rec.address, rec.education, rec.post, rec.joined_on) == ("汉台区天汉大道1号", "大学本科", "科员", date(1998, 7, 1))
    assert len(ctx.members.roster()) == 1


def test_same_name_without_an_id_is_a_warning_not_an_error(ctx, tmp_path):
    _add(ctx, "王芳", "")
    _add(ctx, "李娜", ID_LI)
    path = write_xlsx(tmp_path / "names.xlsx", [["姓名", "公民身份号码"], ["王芳", None], ["李娜", None], ["周磊", ID_ZHOU]])
    plan = importer.read_plan(ctx, path)
    assert plan.accepted == 3 and not plan.rejected
    assert [bool(p.warnings) for p in plan.rows] == [True, True, False]
    assert "王芳" in plan.rows[0].warnings[0] and "李娜" in plan.rows[1].warnings[0]


# -- files that cannot be read ---------------------------------------------------

def test_unreadable_files_fail_with_a_clear_message(ctx, tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", [["姓名", "公民身份号码"], ["张伟", ID_ZHANG]])
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[:600])
    word = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(word, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    pdf = tmp_path / "scan.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    text = tmp_path / "notes.xlsx"
    text.write_text("姓名,公民身份号码\n张伟,1\n", encoding="utf-8")
    html = tmp_path / "export.xls"
    html.write_text("<html><body><table><tr><td>姓名</td></tr></table></body></html>", encoding="utf-8")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    empty_csv = tmp_path / "empty.csv"
    empty_csv.write_bytes(b"\xef\xbb\xbf\r\n")
    blank_book = write_xlsx(tmp_path / "blank.xlsx", [])
    no_header = write_xlsx(tmp_path / "noheader.xlsx", [["会议记录"], ["2026年3月5日", "支部大会"]])
    doc = tmp_path / "roster.docx"
    doc.write_bytes(word.read_bytes())
    missing = tmp_path / "missing.xlsx"
    undecodable = tmp_path / "garbled.csv"
    undecodable.write_bytes(b"\x80\x80\xff\xff,\x81\r\n")
    locked = tmp_path / "locked.xlsx"   # what Excel writes for a workbook with a password
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000) + "EncryptedPackage".encode("utf-16-le") + bytes(600))
    for path in (truncated, word, pdf, text, html, empty, empty_csv, blank_book, no_header, doc, missing, undecodable, locked):
        with pytest.raises(ImportFailed) as err:
            importer.read_plan(ctx, path)
        assert path.name in str(err.value), path
    with pytest.raises(ImportFailed) as err:
        importer.read_plan(ctx, no_header)
    assert "姓名" in str(err.value) and "花名册" in str(err.value)   # what is missing, and where it looked
    with pytest.raises(ImportFailed) as err:
        importer.read_plan(ctx, locked)
    assert "password" in str(err.value) or "密码" in str(err.value)


def test_an_xls_renamed_to_xlsx_is_read_by_its_content(ctx, tmp_path):
    xls = write_xls(tmp_path / "old.xls", [["姓名", "公民身份号码"], ["张伟", ID_ZHANG]])
    renamed = tmp_path / "old.xlsx"
    renamed.write_bytes(xls.read_bytes())
    assert importer.read_plan(ctx, renamed).accepted == 1


@pytest.mark.parametrize("delimiter", [";", "|", ","])
def test_csv_delimiters(ctx, tmp_path, delimiter):
    path = write_csv(tmp_path / "semi.csv", [["姓名", "公民身份号码", "家庭住址"], ["张伟", ID_ZHANG, "汉台区, 天汉大道1号"]],
                     encoding="gb18030", delimiter=delimiter)
    (row,) = importer.read_plan(ctx, path).rows
    assert (row.record.id_number, row.record.address) == (ID_ZHANG, "汉台区, 天汉大道1号")


# -- commit and undo ----------------------------------------------------------------

def _table(ctx, name):
    """Every row of a table, straight from the SQLite file (sealed values opened)."""
    from tests.helpers.keys import opened
    con = sqlite3.connect(ctx.db.path)
    con.row_factory = sqlite3.Row
    try:
        rows = [tuple(opened(ctx.db.cipher, name, dict(r)).values()) for r in con.execute(f"SELECT * FROM {name}")]
        return sorted(rows, key=repr)
    finally:
        con.close()


def _members(ctx) -> list[tuple]:
    """The member table by value, as stored: without the columns that differ between two
    branches (row ids, random public ids, the secret-keyed hash) and with the group's name.
    The times stay: both branches share the clock, and the text SQLite holds must be the same
    (an import once wrote 09:30:00 where SQLAlchemy writes 09:30:00.000000)."""
    con = sqlite3.connect(ctx.db.path)
    con.row_factory = sqlite3.Row
    try:
        rows = con.execute("SELECT member.*, party_group.name AS group_name FROM member "
                           "LEFT JOIN party_group ON party_group.id = member.group_id").fetchall()
    finally:
        con.close()
    volatile = {"id", "public_id", "id_hash", "group_id", "import_batch_id"}
    from tests.helpers.keys import opened  # sealed values: the same plaintext, not the same bytes
    rows = [opened(ctx.db.cipher, "member", dict(r)) for r in rows]
    return sorted((tuple((k, r[k]) for k in r if k not in volatile) for r in rows), key=repr)


def test_commit_writes_what_adding_by_hand_writes(ctx, messy_files, tmp_path):
    plan = importer.read_plan(ctx, messy_files["xlsx-openpyxl"])
    result = importer.commit(ctx, plan)
    assert (result.created, result.updated) == (6, 0)
    roster = {r.name: r for r in ctx.members.roster()}
    assert set(roster) == set(ACCEPTED)
    # The same records added through MemberService land as the same columns.
    from desktop.context import open_context
    other = open_context(tmp_path / "by-hand", clock=ctx.clock)
    try:
        for p in plan.rows:
            other.members.add(p.record)
        assert _members(ctx) == _members(other)
    finally:
        other.close()
    assert all(m.name_key == pinyin_key(m.name) for m in ctx.members.roster())
    info = importer.last_batch(ctx)
    assert (info.id, info.source_name, info.created, info.updated) == (result.batch_id, "名册.xlsx", 6, 0)


def test_commit_then_undo_restores_the_roster_exactly(ctx, clock, tmp_path):
    _add(ctx, "张伟", ID_ZHANG, phone="13800000000", group="第一党小组", address="汉台区")
    _add(ctx, "王芳", "", group="第一党小组")
    before = {t: _table(ctx, t) for t in ("member", "party_group", "member_event", "setting")}
    clock.at += timedelta(hours=1)
    path = write_xlsx(tmp_path / "mixed.xlsx", [
        ["姓名", "公民身份号码", "联系电话", "党小组", "入党时间"],
        ["张伟", ID_ZHANG, "13912345678", "新成立党小组", "1998-07-01"],   # update, into a new group
        ["李娜", ID_LI, "13700000000", "新成立党小组", "2001-07-01"],     # create
        ["周磊", ID_ZHOU, None, "第一党小组", None]])                     # create
    result = importer.commit(ctx, importer.read_plan(ctx, path, on_duplicate="update"))
    assert (result.created, result.updated) == (2, 1)
    assert len(ctx.members.roster()) == 4 and "新成立党小组" in ctx.members.groups()
    clock.at += timedelta(minutes=5)
    undone = importer.undo_last(ctx)
    assert (undone.source_name, undone.removed, undone.restored) == ("mixed.xlsx", 2, 1)
    after = {t: _table(ctx, t) for t in ("member", "party_group", "member_event", "setting")}
    # The undo itself is on record: one audit line, and the log's head in the settings.
    after["setting"] = [row for row in after["setting"] if row[0] != "audit.head"]
    assert after == before
    assert len(_table(ctx, "audit_log")) == 1
    assert importer.last_batch(ctx) is None
    with pytest.raises(ActionRefused):
        importer.undo_last(ctx)


def test_undo_is_refused_after_a_member_of_the_import_was_changed(ctx, clock, tmp_path):
    path = write_xlsx(tmp_path / "new.xlsx", [["姓名", "公民身份号码"], ["张伟", ID_ZHANG], ["李娜", ID_LI]])
    importer.commit(ctx, importer.read_plan(ctx, path))
    clock.at += timedelta(days=1)
    li = next(r for r in ctx.members.roster() if r.name == "李娜")
    ctx.members.update(li.id, replace(ctx.members.get(li.id), phone="13912345678"))
    before = _table(ctx, "member")
    with pytest.raises(ActionRefused) as err:
        importer.undo_last(ctx)
    assert "李娜" in str(err.value) and "张伟" not in str(err.value)
    assert _table(ctx, "member") == before and importer.last_batch(ctx) is not None


def test_a_failure_during_commit_leaves_nothing_written(ctx, tmp_path):
    rows = [["姓名", "公民身份号码", "党小组"]] + [
        [f"党员{n}", make_id(date(1960, 1, 1) + timedelta(days=n), n), f"第{n % 3}党小组"] for n in range(1200)]
    plan = importer.read_plan(ctx, write_xlsx(tmp_path / "big.xlsx", rows))
    assert plan.accepted == 1200
    before = {t: _table(ctx, t) for t in ("member", "party_group", "import_batch", "setting")}
    calls = []

    def progress(done, total):
        calls.append(done)
        if done > 100:
            raise OSError("disk full")   # after part of the members were inserted
    with pytest.raises(OSError):
        importer.commit(ctx, plan, progress)
    assert calls and calls[-1] < 1200
    assert {t: _table(ctx, t) for t in before} == before
    # The roster changed under the plan (an ID now taken): refused, nothing written.
    _add(ctx, "另一人", rows[600][1])
    before = {t: _table(ctx, t) for t in before}
    with pytest.raises(ImportFailed):
        importer.commit(ctx, plan)
    assert {t: _table(ctx, t) for t in before} == before


def test_progress_is_reported_at_most_about_a_hundred_times(ctx, tmp_path):
    rows = [["姓名", "公民身份号码"]] + [[f"党员{n}", make_id(date(1960, 1, 1) + timedelta(days=n), n)] for n in range(2500)]
    path = write_xlsx(tmp_path / "many.xlsx", rows)
    reads, writes = [], []
    plan = importer.read_plan(ctx, path, progress=lambda d, t: reads.append((d, t)))
    importer.commit(ctx, plan, progress=lambda d, t: writes.append((d, t)))
    for calls in (reads, writes):
        assert 5 <= len(calls) <= 101
        assert calls[-1] == (2500, 2500)
        assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_messages_are_chinese_once_the_catalogue_has_them(ctx, tmp_path, chinese_catalogue):
    path = write_xlsx(tmp_path / "dup.xlsx", [["姓名", "公民身份号码"], ["张伟", ID_ZHANG], ["钱进", ID_ZHANG]])
    (problem,) = importer.read_plan(ctx, path).rejected
    assert problem.message.startswith("公民身份号码") and "第2行" in problem.message


@pytest.fixture
def chinese_catalogue(tmp_path):
    """The shipped Chinese catalogue."""
    i18n.install("zh_CN", paths.translation_source("zh_CN"))
    yield


# -- reading a column in bulk reads each cell as the parser alone would ----------------

_CELLS = st.one_of(st.none(), st.booleans(), st.integers(-2, 3), st.floats(allow_nan=False, allow_infinity=False),
                   st.dates(date(1890, 1, 1), date(2030, 1, 1)), st.datetimes(datetime(1890, 1, 1), datetime(2030, 1, 1)),
                   st.text(alphabet="合计张伟男女是否正式 0１２.年月X-", max_size=8), st.sampled_from(["", " ", "张伟", "13812345678"]))


def _one_by_one(cells, parse):
    out = []
    first_equal = {}
    for cell in cells:
        if cell is None or cell == "":
            out.append("blank")   # an empty cell keeps the default (or the member's value)
            continue
        if cell.__class__ is not bool:
            # Cells equal as dict keys are one cell (0 and 0.0 read as the first of them; only
            # a date's error message would tell them apart); booleans are read apart.
            cell = first_equal.setdefault(cell, cell)
        try:
            value = parse(cell)
        except ValueError as err:
            out.append(("bad", str(err)))
            continue
        out.append("blank" if value is None or value == "" else value)
    return out


def _as_compared(values):
    return [("bad", v.message) if isinstance(v, importer._Bad) else "blank" if v is importer._BLANK else v for v in values]


@settings(max_examples=300, deadline=None)
@given(st.lists(_CELLS, max_size=30), st.sampled_from(sorted(importer._cell_parsers())))
def test_a_column_read_in_bulk_is_each_cell_read_alone(cells, header_field):
    column = importer._cell_parsers()[header_field]
    values, bad = importer._parse_column([[c] for c in cells], 0, column)
    expected = _one_by_one(cells, column.parse)
    got = _as_compared(values)
    # 1 == 1.0 == True: compare types too, so that a cell never takes the value of an equal other.
    assert [(type(v), v) for v in got] == [(type(v), v) for v in expected]
    assert bad == [i for i, v in enumerate(expected) if isinstance(v, tuple)]


def test_the_cells_passed_through_unread_are_those_their_parser_leaves_as_they_are():
    # Every ideograph of U+4E00–U+9FFF, alone and in a name, is its own clean name.
    ideographs = [chr(c) for c in range(0x4E00, 0xA000)]
    assert [importer._name(c) for c in ideographs] == ideographs
    assert importer._name("".join(ideographs[:500])) == "".join(ideographs[:500])
    assert all(importer._PLAIN_NAME.fullmatch(c) for c in ideographs)
    for phone in ("13812345678", "0", "0916123456789012"):
        assert importer._phone(phone) == phone
    assert importer.parse_date(date(1998, 7, 1)) == date(1998, 7, 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), st.floats(allow_nan=False), st.text(alphabet="合计总小共 \u3000张", max_size=4)),
                         min_size=4, max_size=4), max_size=20), st.integers(0, 3))
def test_total_rows_are_found_as_row_by_row(rows, name_col):
    assert importer._total_rows(rows, name_col) == {i for i, r in enumerate(rows) if importer._is_total(r, name_col)}


def test_the_garbage_collector_runs_again_after_an_import(ctx, tmp_path):
    import gc
    rows = [["姓名", "公民身份号码"], ["张伟", ID_ZHANG], ["李娜", ID_LI]]
    plan = importer.read_plan(ctx, write_xlsx(tmp_path / "gc.xlsx", rows))
    assert gc.isenabled()
    importer.commit(ctx, plan)
    assert gc.isenabled()
    with pytest.raises(ImportFailed):   # the same members again: refused halfway
        importer.commit(ctx, plan)
    assert gc.isenabled()
