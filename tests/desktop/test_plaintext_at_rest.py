"""No ID number and no phone in plaintext in any file of the data folder (issue 8).

A branch of 1,000 members entered the ways a secretary enters them — one by one, from a
spreadsheet (twice: the second import updates, keeping the old values for undo), and by
editing — then a masked export and a copy by SQLite's backup API into the data folder, the
log file, a restart; then every file under the data folder is read as bytes and searched
for every ID number and phone, as ASCII/UTF-8 and as UTF-16-LE.

The same run with the seal made an identity (monkeypatched) must find them: the search can
fail.
"""
from __future__ import annotations

import logging
import random
from datetime import date, timedelta


from bench.bench_import import build_roster
from core.idnumber import check_digit
from core.members import Gender, MemberCategory, MemberRecord
from db import crypto
from db.engine import DB_FILENAME, copy_aside
from desktop.context import open_context, setup_logging
from desktop.services import exporter, importer
from tests.helpers.keys import files_holding

BY_HAND = 300
IMPORTED = 600
EDITED = 100


def _id(rng: random.Random, born: date) -> str:
    first17 = f"6107{rng.randrange(10, 99)}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + check_digit(first17)


def _record(rng: random.Random, n: int, seen: set[str]) -> MemberRecord:
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 50))
    while True:
        number = _id(rng, born)
        if number not in seen:
            seen.add(number)
            break
    male = int(number[16]) % 2 == 1
    return MemberRecord(name=f"党员{n:04d}", gender=Gender.MALE if male else Gender.FEMALE, ethnicity="汉族",
                        id_number=number, birth_date=born, education="大学本科", category=MemberCategory.FULL,
                        joined_on=date(born.year + 25, 7, 1), full_member_on=date(born.year + 26, 7, 1), post="科员",
                        phone=f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
                        address=f"汉中市汉台区天汉大道{n}号", group="第一党小组")


def _spreadsheet_values(path) -> list[str]:
    from openpyxl import load_workbook
    wb = load_workbook(path, read_only=True)
    values = []
    for row in wb.active.iter_rows(min_row=3, values_only=True):
        if row[0] is not None and row[4]:
            values += [str(row[4]), str(row[12])]
    wb.close()
    return values


def _fill_branch(data_dir, tmp_path) -> list[str]:
    """The branch, entered every way; returns every ID number and phone it ever held."""
    rng = random.Random(8)
    seen: set[str] = set()
    needles: list[str] = []
    setup_logging(data_dir)
    ctx = open_context(data_dir, branch_name="测试党支部")
    try:
        ids = []
        for n in range(BY_HAND):
            rec = _record(rng, n, seen)
            needles += [rec.id_number, rec.phone]
            ids.append(ctx.members.add(rec))
        roster = build_roster(tmp_path / "花名册.xlsx", IMPORTED)
        needles += _spreadsheet_values(roster)
        plan = importer.read_plan(ctx, roster)
        assert plan.accepted == IMPORTED, plan.rejected[:3]
        importer.commit(ctx, plan)
        # The same file again, updating: the old rows are kept (sealed) for undo.
        importer.commit(ctx, importer.read_plan(ctx, roster, on_duplicate="update"))
        for member_id in ids[:EDITED]:
            old = ctx.members.get(member_id)
            while True:  # another number of the same birth date and sex
                number = _id(rng, old.birth_date)
                if number not in seen and int(number[16]) % 2 == int(old.id_number[16]) % 2:
                    seen.add(number)
                    break
            phone = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
            new = old.with_changes(id_number=number, phone=phone)
            needles += [number, phone]
            ctx.members.update(member_id, new)
        exported = exporter.export_roster(ctx, data_dir / "花名册导出.xlsx")
        assert exported >= BY_HAND + IMPORTED
        copy_aside(data_dir / DB_FILENAME, "test")
        logging.getLogger("tests").info("branch filled")
        # While open, the WAL and the shared-memory index are there too.
        assert (data_dir / f"{DB_FILENAME}-wal").exists() and (data_dir / f"{DB_FILENAME}-shm").exists()
        open_files = sorted(p.name for p in data_dir.rglob("*") if p.is_file())
        found_open = files_holding(data_dir, needles)
    finally:
        ctx.close()
    ctx = open_context(data_dir)  # the restart
    try:
        assert len(ctx.members.roster()) == BY_HAND + IMPORTED
        assert ctx.members.get(1).id_number  # readable again after the restart
    finally:
        ctx.close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    return needles, open_files, found_open


def test_no_id_number_or_phone_is_in_plaintext_anywhere_in_the_data_folder(data_dir, tmp_path):
    needles, open_files, found_open = _fill_branch(data_dir, tmp_path)
    assert found_open == {}, open_files
    assert len({n for n in needles if len(n) == 18}) >= 1000 and len({n for n in needles if len(n) == 11}) >= 900
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {DB_FILENAME, "branchdesk.log", "花名册导出.xlsx"} <= names
    assert any(n.startswith("branch.before-test-") for n in names)
    assert files_holding(data_dir, needles) == {}
    print(f"searched {len(files)} files, {sum(p.stat().st_size for p in files):,} bytes, for {len(set(needles))} values: no hit")


def test_the_search_finds_plaintext_when_the_seal_does_nothing(data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(crypto.DataCipher, "seal_text", lambda self, value, kind: value)
    monkeypatch.setattr(crypto.DataCipher, "open_text", lambda self, sealed, kind: sealed)
    needles, _, found_open = _fill_branch(data_dir, tmp_path)
    assert f"{DB_FILENAME}-wal" in found_open
    found = files_holding(data_dir, needles)
    assert DB_FILENAME in found and len(found[DB_FILENAME]) > 1000
    assert any(name.startswith("branch.before-test-") for name in found)
