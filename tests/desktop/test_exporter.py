"""Exporting the roster: the standard layout (DOMAIN §4), masked personal data, real date
cells, no formula can sneak in, and an export imports again as the same members — checked
by reopening with openpyxl, by LibreOffice, and through our own importer."""
from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core import i18n
from core.dues import DuesCategory
from core.members import EventKind, Gender, MemberCategory, MemberRecord, PartyStanding, RollStatus, field_label
from desktop import paths
from desktop.services import exporter, importer
from desktop.services.exporter import ExportFailed
from tests.helpers.spreadsheets import SOFFICE, make_id, soffice_convert

STANDARD = ["序号", "姓名", "性别", "民族", "公民身份号码", "出生日期", "学历", "人员类别", "所在党支部",
            "加入党组织日期", "转为正式党员日期", "工作岗位", "联系电话", "家庭住址", "党籍状态", "失联党员",
            "失去联系日期", "流动党员", "外出流向", "党小组", "党费类别", "月缴费基数", "备注"]


def _member(n: int, **changes) -> MemberRecord:
    born = date(1960 + n, 1 + n % 12, 1 + n % 27)
    male = n % 2 == 0
    rec = MemberRecord(
        name=["张伟", "李娜", "欧阳晓东", "阿卜杜拉·艾尼", "王芳"][n % 5] + ("" if n < 5 else str(n)),
        gender=Gender.MALE if male else Gender.FEMALE, ethnicity="汉族",
        id_number=make_id(born, n, male=male), birth_date=born, education="大学本科",
        category=MemberCategory.FULL, joined_on=date(1990 + n, 7, 1), full_member_on=date(1991 + n, 7, 1),
        post="科员", phone=f"1381234{n:04d}", address=f"陕西省汉中市汉台区天汉大道{n}号",
        group=["第一党小组", "第二党小组"][n % 2], dues_category=DuesCategory.IN_SERVICE,
        dues_base_fen=512345 + n, note="")
    return rec.with_changes(**changes)


@pytest.fixture
def roster(ctx):
    """A branch with the awkward cases: a probationary member, one lost contact, one mobile,
    one suspended, a retired one with no dues base, and one who has transferred away."""
    ids = [
        ctx.members.add(_member(0)),
        ctx.members.add(_member(1, category=MemberCategory.PROBATIONARY, full_member_on=None, joined_on=date(2026, 3, 1))),
        ctx.members.add(_member(2, lost_contact=True, lost_contact_on=date(2024, 5, 1), note="多次联系未果")),
        ctx.members.add(_member(3, mobile=True, mobile_destination="广东省深圳市", ethnicity="维吾尔族")),
        ctx.members.add(_member(4, party_standing=PartyStanding.SUSPENDED, dues_category=DuesCategory.RETIRED,
                                dues_base_fen=None, phone="", address="")),
        ctx.members.add(_member(5)),
    ]
    ctx.members.record_event(ids[5], EventKind.TRANSFER_OUT, date(2026, 1, 10), "转至城固县")
    return ids


def _sheet(path: Path):
    ws = load_workbook(path).active
    return ws, [list(r) for r in ws.iter_rows(values_only=True)]


def test_the_standard_layout_masked_by_default(ctx, roster, tmp_path):
    path = tmp_path / "花名册.xlsx"
    assert exporter.export_roster(ctx, path) == 5
    ws, rows = _sheet(path)
    assert "测试党支部" in rows[0][0] and "2026-11-20" in rows[0][0]
    assert rows[1] == exporter.column_titles()
    assert [field_label(f) for f, _ in exporter.LAYOUT[1:]] == rows[1][1:]
    data = rows[2:]
    assert [r[0] for r in data] == [1, 2, 3, 4, 5]
    assert [r[1] for r in data] == ["张伟", "欧阳晓东", "王芳", "李娜", "阿卜杜拉·艾尼"]   # by group, then entry
    first = dict(zip(rows[1], data[0]))
    zhang = _member(0)
    assert first[field_label("id_number")] == zhang.id_number[:6] + "********" + zhang.id_number[-4:]
    assert first[field_label("phone")] == "138****0000"
    assert first[field_label("address")] == "陕西省汉中市****"
    assert first[field_label("birth_date")] == datetime.combine(zhang.birth_date, datetime.min.time())
    assert first[field_label("dues_base_fen")] == pytest.approx(5123.45)
    assert first[field_label("branch")] == "测试党支部"
    # Real date cells shown as yyyy-mm-dd, the ID column as text, the phone never a number.
    header = {c.value: c.column for c in ws[2]}
    assert ws.cell(3, header[field_label("joined_on")]).number_format == "yyyy-mm-dd"
    assert ws.cell(3, header[field_label("id_number")]).number_format == "@"
    assert ws.cell(3, header[field_label("phone")]).data_type == "s"
    # Columns wide enough for the Chinese in them.
    assert ws.column_dimensions["N"].width >= 2 * len("陕西省汉中市****") - 4
    for letter in "BDEJ":
        assert ws.column_dimensions[letter].width >= 8


def test_unmasked_and_former_members_on_request(ctx, roster, tmp_path):
    path = tmp_path / "full.xlsx"
    assert exporter.export_roster(ctx, path, unmasked=True, include_former=True) == 6
    _, rows = _sheet(path)
    numbers = {r[4] for r in rows[2:]}
    assert {_member(n).id_number for n in range(6)} == numbers
    assert "13812340001" in {r[12] for r in rows[2:]}
    assert rows[1][-1] == field_label("roll_status")
    status = {r[1]: r[-1] for r in rows[2:]}
    assert status["张伟5"] == RollStatus.TRANSFERRED_OUT.label and status["张伟"] == RollStatus.ACTIVE.label


@pytest.mark.slow
def test_text_that_looks_like_a_formula_stays_text(ctx, tmp_path):
    nasty = {"note": "=HYPERLINK(\"http://x.example\",\"点我\")", "post": "+1+1", "address": "@SUM(A1)",
             "mobile_destination": "-2+3", "ethnicity": "\t=1"}
    ctx.members.add(_member(0, mobile=True, **nasty))
    path = tmp_path / "nasty.xlsx"
    exporter.export_roster(ctx, path, unmasked=True)
    ws, rows = _sheet(path)
    header = rows[1]
    for name, text in nasty.items():
        col = header.index(field_label(name)) + 1
        cell = ws.cell(3, col)
        assert (cell.value, cell.data_type) == (text, "s"), name
        assert cell.quotePrefix, name
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    (converted,) = soffice_convert([path], "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path / "csv", tmp_path / "profile")
    with converted.open(encoding="utf-8", newline="") as f:
        shown = list(csv.reader(f))
    for name, text in nasty.items():
        assert shown[2][header.index(field_label(name))] == text, name


def _records(ctx) -> list[MemberRecord]:
    return sorted((ctx.members.get(r.id).with_changes(id=None) for r in ctx.members.roster()), key=lambda r: r.name)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_an_unmasked_export_imports_again_as_the_same_members(ctx, roster, tmp_path, clock, language):
    if language == "zh_CN":
        i18n.install("zh_CN", paths.translation_source("zh_CN"))
        assert exporter.column_titles() == STANDARD
    else:
        i18n.install("en", None)
    path = tmp_path / "export.xlsx"
    exporter.export_roster(ctx, path, unmasked=True)
    from desktop.context import open_context
    other = open_context(tmp_path / "empty-branch", clock=clock)
    try:
        if language == "zh_CN":   # open_context switches to the shipped catalogue
            i18n.install("zh_CN", paths.translation_source("zh_CN"))
        else:
            i18n.install("en", None)
        plan = importer.read_plan(other, path)
        assert (plan.header_row, plan.unknown_headers, plan.rejected) == (2, [], [])
        assert "branch" in plan.columns and "seq" in plan.columns
        importer.commit(other, plan)
        on_roll = [r for r in _records(ctx) if r.roll_status.value == "active"]
        assert _records(other) == on_roll
        assert other.members.groups() == ctx.members.groups()
    finally:
        other.close()


def test_a_masked_export_does_not_import_as_if_it_were_complete(ctx, roster, tmp_path, clock):
    path = tmp_path / "masked.xlsx"
    exporter.export_roster(ctx, path)
    plan = importer.read_plan(ctx, path)
    assert plan.accepted == 0
    assert {p.field for p in plan.rejected} == {"id_number"}
    assert len(plan.rejected) == 5


def test_export_writes_the_whole_file_or_nothing(ctx, roster, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportFailed):
        exporter.export_roster(ctx, out / "roster.csv")
    with pytest.raises(ExportFailed):
        exporter.export_roster(ctx, out / "no-such-folder" / "roster.xlsx")
    target = out / "roster.xlsx"
    target.write_bytes(b"old")
    assert exporter.export_roster(ctx, target) == 5
    assert load_workbook(target).active.max_row == 7
    assert sorted(p.name for p in out.iterdir()) == ["roster.xlsx"]   # no temporary left
    folder = out / "folder.xlsx"
    folder.mkdir()
    with pytest.raises(ExportFailed):
        exporter.export_roster(ctx, folder)
    assert sorted(p.name for p in out.iterdir()) == ["folder.xlsx", "roster.xlsx"]


def test_masks():
    assert exporter.mask_phone("13812345678") == "138****5678"
    assert exporter.mask_phone("0916-2345678") == "091*****5678"
    assert exporter.mask_phone("12345") == "*****"
    assert exporter.mask_address("北京市") == "***"
    assert exporter.mask_address("") == exporter.mask_phone("") == ""

