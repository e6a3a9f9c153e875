"""The audit log (DESIGN, Personal data; db/audit.py): every reveal and unmasked export leaves
exactly one line with no personal data in it, and whoever edits the file — dropping the
triggers first, as anyone holding the file can — is found out at the line they touched."""
from __future__ import annotations

import json
import sqlite3
import threading
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core.members import Gender, MemberCategory, MemberRecord
from db import audit
from db.audit import AuditError, Head
from desktop.services import audit as audit_service
from desktop.services import exporter, importer
from tests.helpers.spreadsheets import make_id, write_xlsx

PHONE = "13912345678"
ADDRESS = "陕西省汉中市汉台区天汉大道88号"


def _member(name: str, n: int) -> MemberRecord:
    born = date(1970 + n, 3, 1 + n)
    return MemberRecord(name=name, gender=Gender.MALE, ethnicity="汉族", id_number=make_id(born, n), birth_date=born,
                        education="大学本科", category=MemberCategory.FULL, joined_on=date(1995 + n, 7, 1),
                        full_member_on=date(1996 + n, 7, 1), post="科员", phone=PHONE, address=ADDRESS,
                        group="第一党小组")


@pytest.fixture
def members(ctx):
    return [ctx.members.add(_member(name, n)) for n, name in enumerate(["张伟", "李娜", "王芳"], start=1)]


def _append(ctx, n: int, action: str = "reveal_id_number") -> None:
    for i in range(n):
        with ctx.db.session.begin() as s:
            audit.append(s, ctx.db.keys, action, f"member:{i + 1}", {"member_id": i + 1, "field": "id_number"},
                         ctx.clock.now() + timedelta(minutes=i))


def _verify(ctx, **kw) -> audit.VerifyResult:
    with ctx.db.session() as s:
        return audit.verify(s, ctx.db.keys, **kw)


def _count(ctx) -> int:
    with ctx.db.session() as s:
        return s.execute(text("SELECT count(*) FROM audit_log")).scalar()


def _whole_log(ctx) -> str:
    """Everything the log keeps, its head included, as one text to search."""
    with ctx.db.session() as s:
        rows = s.execute(text("SELECT * FROM audit_log")).all()
        head = s.execute(text("SELECT value FROM setting WHERE key = 'audit.head'")).scalar() or ""
    return json.dumps([list(map(str, r)) for r in rows], ensure_ascii=False) + head


def _attack(ctx, *statements: str) -> None:
    """Another program writing the file: the triggers are no obstacle to it."""
    con = sqlite3.connect(ctx.db.path)
    try:
        con.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        con.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for sql in statements:
            con.execute(sql)
        con.commit()
    finally:
        con.close()


# -- the chain --------------------------------------------------------------------------------

def test_a_fresh_log_and_a_written_one_verify(ctx):
    assert _verify(ctx).ok and _verify(ctx).count == 0
    _append(ctx, 5)
    result = _verify(ctx)
    assert result.ok and result.count == 5 and result.broken_at is None
    assert result.message == "审计日志完整，共 5 条。"
    lines = audit_service.lines(ctx)
    assert [line.number for line in lines] == [5, 4, 3, 2, 1]  # newest first
    assert lines[-1].label == "查看党员的完整身份证号" and lines[-1].subject_text == "党员（编号 1）"


@pytest.mark.parametrize("line", [1, 3, 5])
@pytest.mark.parametrize("change", [
    "at = '2026-11-20 09:31:00.000000'",
    "at = 'yesterday'",
    "action = 'undo_import'",
    "subject = 'member:99'",
    "detail = replace(detail, 'id_number', 'phone')",
    "detail = detail || ' '",
    "prev_hash = '" + "a" * 64 + "'",
    "prev_hash = (CASE substr(prev_hash, 1, 1) WHEN 'b' THEN 'c' ELSE 'b' END) || substr(prev_hash, 2)",  # one digit
    "hash = '" + "f" * 64 + "'",
    "action = 7",
])
def test_editing_any_field_of_any_line_is_found_at_that_line(ctx, line, change):
    _append(ctx, 5)
    _attack(ctx, f"UPDATE audit_log SET {change} WHERE id = {line}")
    result = _verify(ctx)
    assert not result.ok
    assert result.broken_at == line, result.problem
    assert f"第 {line} 条" in result.message and result.message.startswith("审计日志已被篡改")


def test_editing_a_hash_breaks_the_next_line_too(ctx):
    # Even a correct-looking hash of the attacker's own making: the next line names the old one.
    _append(ctx, 3)
    _attack(ctx, "UPDATE audit_log SET hash = prev_hash WHERE id = 2")
    assert _verify(ctx).broken_at == 2


def test_a_line_deleted_in_the_middle_is_found(ctx):
    _append(ctx, 5)
    _attack(ctx, "DELETE FROM audit_log WHERE id = 3")
    result = _verify(ctx)
    assert (result.ok, result.broken_at, result.kind) == (False, 3, "missing")
    assert "第 3 条已被删除" in result.message


def test_lines_deleted_and_renumbered_are_found(ctx):
    _append(ctx, 5)
    _attack(ctx, "DELETE FROM audit_log WHERE id = 2", "UPDATE audit_log SET id = id - 1 WHERE id > 2")
    assert _verify(ctx).broken_at == 2


def test_a_line_inserted_in_the_middle_is_found(ctx):
    _append(ctx, 4)
    _attack(ctx, "UPDATE audit_log SET id = id + 100 WHERE id > 2",
            "UPDATE audit_log SET id = id - 99 WHERE id > 100",
            "INSERT INTO audit_log (id, at, action, subject, detail, prev_hash, hash) "
            "SELECT 3, at, action, 'member:2', detail, hash, hash FROM audit_log WHERE id = 2")
    result = _verify(ctx)
    assert (result.broken_at, result.count) == (3, 5)


def test_lines_put_in_another_order_are_found(ctx):
    _append(ctx, 4)
    # Swap lines 2 and 3, each keeping its own hashes.
    _attack(ctx, "UPDATE audit_log SET id = 100 WHERE id = 2", "UPDATE audit_log SET id = 2 WHERE id = 3",
            "UPDATE audit_log SET id = 3 WHERE id = 100")
    assert _verify(ctx).broken_at == 2


def test_a_line_forged_without_the_key_is_found(ctx):
    _append(ctx, 2)
    with ctx.db.session() as s:
        prev = s.execute(text("SELECT hash FROM audit_log WHERE id = 2")).scalar()
    forged = audit.line_hash(b"k" * 32, prev, 3, "2026-11-20 10:00:00", "reveal_id_number", "member:1", "{}")
    _attack(ctx, "INSERT INTO audit_log (id, at, action, subject, detail, prev_hash, hash) VALUES "
                 f"(3, '2026-11-20 10:00:00.000000', 'reveal_id_number', 'member:1', '{{}}', '{prev}', '{forged}')")
    assert _verify(ctx).broken_at == 3


def test_the_last_lines_deleted_are_found_by_the_head(ctx):
    _append(ctx, 5)
    _attack(ctx, "DELETE FROM audit_log WHERE id >= 4")
    result = _verify(ctx)
    assert (result.ok, result.broken_at, result.kind) == (False, 4, "tail")
    assert "最后 2 条（从第 4 条起）已被删除" in result.message


def test_every_line_deleted_is_found(ctx):
    _append(ctx, 3)
    _attack(ctx, "DELETE FROM audit_log")
    assert (_verify(ctx).ok, _verify(ctx).broken_at) == (False, 1)


def test_the_head_removed_or_forged_is_found(ctx):
    _append(ctx, 3)
    with ctx.db.session() as s:
        hash2 = s.execute(text("SELECT hash FROM audit_log WHERE id = 2")).scalar()
    # A head for a shorter log: right count and hash, but its MAC needs the key.
    fake = json.dumps({"count": 2, "hash": hash2, "mac": "0" * 64})
    _attack(ctx, "DELETE FROM audit_log WHERE id = 3", f"UPDATE setting SET value = '{fake}' WHERE key = 'audit.head'")
    assert (_verify(ctx).ok, _verify(ctx).kind) == (False, "head")
    _attack(ctx, "DELETE FROM setting WHERE key = 'audit.head'")
    assert (_verify(ctx).ok, _verify(ctx).kind) == (False, "head")
    assert "记录日志条数的信息已被删除" in _verify(ctx).message


def test_an_older_copy_put_back_passes_alone_but_not_against_a_later_backups_head(ctx):
    """The documented limit: log and head rolled back together are consistent; the head a
    backup kept (audit.head()) is what catches it."""
    _append(ctx, 2)
    with ctx.db.session() as s:
        old_head = s.execute(text("SELECT value FROM setting WHERE key = 'audit.head'")).scalar()
    _append(ctx, 2)
    with ctx.db.session() as s:
        later = audit.head(s)
    assert later.count == 4
    assert _verify(ctx, expect=later).ok
    _attack(ctx, "DELETE FROM audit_log WHERE id > 2", f"UPDATE setting SET value = '{old_head}' WHERE key = 'audit.head'")
    assert _verify(ctx).ok  # undetectable from the file alone
    result = _verify(ctx, expect=later)
    assert (result.ok, result.kind, result.broken_at) == (False, "expect", 3)
    assert not _verify(ctx, expect=Head(2, "0" * 64)).ok


def test_the_triggers_refuse_update_and_delete_through_the_programs_own_connection(ctx):
    _append(ctx, 2)
    for sql in ("UPDATE audit_log SET subject = 'member:9' WHERE id = 1", "DELETE FROM audit_log WHERE id = 2",
                "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with ctx.db.session.begin() as s:
                s.execute(text(sql))
    assert _verify(ctx).ok and _count(ctx) == 2


def test_two_writers_at_once_keep_one_chain(ctx):
    errors = []

    def write(offset: int) -> None:
        try:
            for i in range(15):
                with ctx.db.session.begin() as s:
                    audit.append(s, ctx.db.keys, "reveal_id_number", f"member:{offset + i}",
                                 {"member_id": offset + i}, ctx.clock.now())
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=write, args=(n * 100,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert _verify(ctx).ok and _verify(ctx).count == 45


def test_the_line_and_the_act_commit_together(ctx):
    with pytest.raises(RuntimeError):
        with ctx.db.session.begin() as s:
            audit.append(s, ctx.db.keys, "undo_import", "import:1", {"batch_id": 1}, ctx.clock.now())
            raise RuntimeError("the act failed")
    assert _count(ctx) == 0 and _verify(ctx).ok


# -- no personal data -------------------------------------------------------------------------

@pytest.mark.parametrize("detail", [
    {"member_id": 1, "id_number": "110105197003020013"},      # key not allowed
    {"reason": "110105197003020013"},                         # an ID number as text
    {"reason": "tel 13912345678"},                            # a phone
    {"count": 13912345678},                                   # a phone as a number
    {"reason": "张伟"},                                       # a name
    {"reason": "陕西省汉中市"},                               # an address
    {"member_ids": [1, "张伟"]},
    {"member_id": 1.5},
])
def test_personal_data_cannot_be_written(ctx, detail):
    with pytest.raises(AuditError):
        with ctx.db.session.begin() as s:
            audit.append(s, ctx.db.keys, "reveal_id_number", "member:1", detail, ctx.clock.now())
    assert _count(ctx) == 0


def test_unknown_acts_subjects_and_a_missing_key_are_refused(ctx):
    with ctx.db.session.begin() as s:
        with pytest.raises(AuditError, match="unknown audit action"):
            audit.append(s, ctx.db.keys, "looked_around", "roster", {}, ctx.clock.now())
        with pytest.raises(AuditError):
            audit.append(s, ctx.db.keys, "reveal_id_number", "member:张伟", {}, ctx.clock.now())
        with pytest.raises(AuditError):
            audit.append(s, None, "reveal_id_number", "member:1", {}, ctx.clock.now())


def test_compact_ids():
    assert audit.compact_ids([]) == ""
    assert audit.compact_ids([5, 1, 2, 3, 7, 9, 10, 3]) == "1-3,5,7,9-10"


# -- what is recorded -------------------------------------------------------------------------

def test_revealing_an_id_number_records_one_line_without_it(ctx, members):
    number = ctx.members.get(members[1]).id_number
    assert audit_service.reveal_id_number(ctx, members[1]) == number
    [line] = audit_service.lines(ctx)
    assert (line.action, line.subject, line.at) == ("reveal_id_number", f"member:{members[1]}", ctx.clock.now())
    assert line.detail["member_id"] == members[1] and line.detail["field"] == "id_number"
    assert "os_user" in line.detail
    log = _whole_log(ctx)
    assert number not in log and PHONE not in log and "李娜" not in log and "汉台区" not in log
    assert _verify(ctx).ok


def test_an_unmasked_export_records_one_line_a_masked_one_none(ctx, members, tmp_path):
    exporter.export_roster(ctx, tmp_path / "masked.xlsx")
    assert _count(ctx) == 0
    exporter.export_roster(ctx, tmp_path / "full.xlsx", unmasked=True)
    [line] = audit_service.lines(ctx)
    assert line.action == "export_unmasked" and line.subject == "roster"
    assert line.detail["members"] == 3 and line.detail["member_ids"] == audit.compact_ids(members)
    assert line.detail["include_former"] is False
    assert "3 名党员" in line.detail_text
    log = _whole_log(ctx)
    for m in members:
        rec = ctx.members.get(m)
        assert rec.id_number not in log and rec.name not in log
    assert PHONE not in log and "full.xlsx" not in log and "汉台区" not in log
    assert _verify(ctx).ok


def test_an_unmasked_export_that_cannot_be_written_leaves_no_line(ctx, members, tmp_path):
    with pytest.raises(exporter.ExportFailed):
        exporter.export_roster(ctx, tmp_path / "no-such-folder" / "full.xlsx", unmasked=True)
    assert _count(ctx) == 0


def test_an_unmasked_export_whose_line_cannot_be_written_leaves_no_file(ctx, members, tmp_path):
    target = tmp_path / "full.xlsx"
    ctx.db.keys = None  # the log refuses: no key
    with pytest.raises(AuditError):
        exporter.export_roster(ctx, target, unmasked=True)
    assert not target.exists()


def test_undoing_an_import_is_recorded_without_the_file_name(ctx, tmp_path):
    born = date(1980, 5, 20)
    source = write_xlsx(tmp_path / "张伟的花名册.xlsx", [
        ["姓名", "公民身份号码", "人员类别"], ["赵敏", make_id(born, 4, male=False), "正式党员"]])
    importer.commit(ctx, importer.read_plan(ctx, source))
    importer.undo_last(ctx)
    [line] = audit_service.lines(ctx)
    assert line.action == "undo_import" and line.detail["removed"] == 1 and line.detail["restored"] == 0
    assert "张伟" not in _whole_log(ctx) and "赵敏" not in _whole_log(ctx)
    assert _verify(ctx).ok


def test_a_password_changed_or_recovered_is_on_record_and_the_chain_goes_on(data_dir, clock):
    """db/keyring.py writes these lines; the chain must survive the reopening, whichever way
    the branch was unlocked (the audit key comes from the data key, not the password)."""
    from db import keyring
    from db.keyring import Credentials
    from desktop.context import open_context
    from tests.conftest import TEST_PASSWORD
    from tests.helpers.keys import ScriptedKeys

    ctx = open_context(data_dir, clock=clock, branch_name="测试党支部")
    recovery = ctx.db.new_recovery_key
    assert recovery
    _append(ctx, 2)
    keyring.change_password(ctx.db, TEST_PASSWORD, "另一个口令-2026x")
    ctx.close()

    ctx = open_context(data_dir, clock=clock, keys=ScriptedKeys([Credentials(recovery_key=recovery, new_password="第三个口令-2026y")]))
    try:
        _append(ctx, 1)
        lines = audit_service.lines(ctx)
        assert [line.action for line in lines] == ["reveal_id_number", "recover_password", "change_password",
                                                   "reveal_id_number", "reveal_id_number"]
        assert lines[2].subject_text == "本支部" and lines[2].label == "修改密码"
        assert _verify(ctx).ok and _verify(ctx).count == 5
    finally:
        ctx.close()
