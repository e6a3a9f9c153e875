"""Personal data sealed under the data key; the key under the password and the recovery key
(issue 8). Real SQLite files, real Argon2id (at its cheapest unless said otherwise)."""
from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from core.i18n import translate
from core.members import Gender, MemberCategory, MemberRecord
from db import crypto, keyring
from db.crypto import DataCipher, LockedError, TamperedError
from db.engine import DB_FILENAME, StorageError, open_database, schema_revision
from db.keyring import Credentials, EnvPassword
from db.models import Member
from db.personal import lookup_hash, lookup_hashes
from desktop.services.members import MemberService
from core.clock import FixedClock
from tests.conftest import TEST_PASSWORD
from tests.helpers.keys import ScriptedKeys, files_holding
from tests.helpers.spreadsheets import make_id

FIXTURES = Path(__file__).parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("schema_*.sqlite"))
CLOCK = FixedClock(datetime(2026, 11, 20, 9, 30))
ID = make_id(date(1980, 5, 17), 7)
PHONE = "13912345678"


def record(name="张三", id_number=ID, phone=PHONE) -> MemberRecord:
    return MemberRecord(name=name, gender=Gender.MALE, ethnicity="汉族", id_number=id_number,
                        birth_date=date(1980, 5, 17), education="大学本科", category=MemberCategory.FULL,
                        joined_on=date(2005, 7, 1), full_member_on=date(2006, 7, 1), post="科员",
                        phone=phone, address="陕西省汉中市汉台区天汉大道1号", group="第一党小组")


# -- the cipher ------------------------------------------------------------------------

def test_a_sealed_value_opens_only_with_its_key_and_its_column():
    cipher = DataCipher(bytes(range(32)))
    sealed = cipher.seal_text(ID, "member.id_number")
    assert sealed.startswith("bd1:") and ID not in sealed
    assert sealed != cipher.seal_text(ID, "member.id_number")  # a new nonce every time
    assert cipher.open_text(sealed, "member.id_number") == ID
    with pytest.raises(TamperedError):
        DataCipher(bytes(32)).open_text(sealed, "member.id_number")
    with pytest.raises(TamperedError):  # an ID number pasted into the phone column
        cipher.open_text(sealed, "member.phone")
    with pytest.raises(TamperedError):
        cipher.open_text(ID, "member.id_number")  # plaintext where a sealed value belongs


def test_sealing_many_at_once_seals_each_as_seal_text_does():
    cipher = DataCipher(bytes(range(32)))
    values = [ID, ID, "陕西省汉中市汉台区天汉大道1号", "x"]
    sealed = cipher.seal_texts(values, "member.address")
    assert [cipher.open_text(s, "member.address") for s in sealed] == values
    assert len({s[4:20] for s in sealed}) == len(values)  # each its own nonce, equal values too
    with pytest.raises(TamperedError):
        cipher.open_text(sealed[0], "member.id_number")
    assert cipher.seal_texts([], "member.address") == []


def test_look_up_hashes_at_once_are_lookup_hash_of_each():
    secret = bytes(range(32))
    values = [ID, ID.lower(), "", None, "13912345678"]
    assert lookup_hashes(secret, values) == [lookup_hash(secret, v) for v in values]


def test_the_recovery_key_reads_back_however_it_is_typed():
    raw = crypto.new_recovery_key()
    shown = crypto.recovery_text(raw)
    groups = shown.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert not set(shown) & set("ILOU")
    assert crypto.parse_recovery(shown) == raw
    assert crypto.parse_recovery(" " + shown.lower().replace("-", " ") + " ") == raw
    assert crypto.parse_recovery(shown.replace("0", "O").replace("1", "l")) == raw
    with pytest.raises(crypto.WrongPassword):
        crypto.parse_recovery(shown[:-1])


def test_the_password_kdf_is_memory_hard_and_takes_a_few_tenths_of_a_second():
    real = crypto.DEFAULT_PASSWORD_KDF
    assert real == {"iterations": 3, "memory_kib": 65536, "lanes": 4}
    started = time.perf_counter()
    envelope = crypto.wrap("password", bytes(32), b"a password", real)
    took = time.perf_counter() - started
    assert 0.05 < took < 3.0, took
    assert '"memory_kib": 65536' in envelope.kdf_params  # read back from the envelope, not the code
    assert crypto.unwrap(envelope, b"a password") == bytes(32)


def test_a_password_too_short_or_too_plain_is_refused():
    assert crypto.password_problem("short")
    assert crypto.password_problem("aaaaaaaaaa")
    assert crypto.password_problem("春眠不觉晓处处闻啼鸟") is None
    assert crypto.password_strength("correct-Horse-battery-9") == 3


# -- in the database ---------------------------------------------------------------------

def test_personal_columns_and_the_branch_secret_are_sealed_in_the_file(data_dir):
    db = open_database(data_dir, branch_name="测试党支部")
    members = MemberService(db, CLOCK)
    member_id = members.add(record())
    secret = members.secret
    db.close()
    con = sqlite3.connect(data_dir / DB_FILENAME)
    stored_id, stored_phone, stored_hash = con.execute("SELECT id_number, phone, id_hash FROM member").fetchone()
    (stored_secret,) = con.execute("SELECT secret FROM branch").fetchone()
    kinds = {r[0] for r in con.execute("SELECT kind FROM key_envelope")}
    con.close()
    assert stored_id.startswith("bd1:") and stored_phone.startswith("bd1:")
    assert stored_secret.startswith(b"BDS1") and secret not in stored_secret and len(secret) == 32
    assert kinds == {"password", "recovery"}
    # Reopened: the same values, and the look-up hash still finds the member by ID number.
    db = open_database(data_dir)
    try:
        members = MemberService(db, CLOCK)
        assert members.get(member_id).id_number == ID and members.get(member_id).phone == PHONE
        assert members.secret == secret and stored_hash == lookup_hash(secret, ID)
        with db.session() as s:
            assert s.query(Member).filter(Member.id_hash == lookup_hash(secret, ID.lower())).one().id == member_id
    finally:
        db.close()


def test_without_a_key_nothing_personal_is_written(data_dir):
    open_database(data_dir).close()
    engine = create_engine(f"sqlite:///{data_dir / DB_FILENAME}")  # no cipher installed
    try:
        with pytest.raises(Exception) as err, engine.begin() as conn:
            conn.execute(Member.__table__.insert().values(public_id="x", name="无钥", name_key="wy", id_number=ID))
        assert isinstance(err.value.__cause__ or err.value, LockedError) or "locked" in str(err.value).lower() or "锁" in str(err.value)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM member")).scalar() == 0
    finally:
        engine.dispose()


def test_a_changed_ciphertext_is_detected(data_dir):
    db = open_database(data_dir)
    member_id = MemberService(db, CLOCK).add(record())
    db.close()
    con = sqlite3.connect(data_dir / DB_FILENAME)
    sealed = con.execute("SELECT id_number FROM member").fetchone()[0]
    flipped = sealed[:-6] + ("A" if sealed[-6] != "A" else "B") + sealed[-5:]
    con.execute("UPDATE member SET id_number = ?", (flipped,))
    con.commit()
    con.close()
    db = open_database(data_dir)
    try:
        with pytest.raises(TamperedError) as err:
            MemberService(db, CLOCK).get(member_id)
        assert "备份" in str(err.value) or "backup" in str(err.value)
    finally:
        db.close()


def test_a_wrong_password_is_refused_then_the_right_one_opens(data_dir):
    open_database(data_dir).close()
    keys = ScriptedKeys(answers=[Credentials(password="错的密码") for _ in range(5)] + [Credentials(password=TEST_PASSWORD)])
    db = open_database(data_dir, keys=keys)
    db.close()
    assert [a[0] for a in keys.asked] == [0, 1, 2, 3, 4, 5]
    assert keys.asked[1][2] == "密码不对。请检查键盘的输入法和大写锁定，然后再试。"
    assert [a[1] for a in keys.asked] == [0, 0, 0, 0, 0, keyring.WAIT_SECONDS]  # after five, a pause
    with pytest.raises(StorageError) as err:
        open_database(data_dir, keys=EnvPassword("不是这个密码"))
    assert "BRANCHDESK_PASSWORD" in str(err.value)


def test_without_a_password_a_new_branch_is_not_made(data_dir, monkeypatch):
    monkeypatch.delenv("BRANCHDESK_PASSWORD")
    with pytest.raises(StorageError) as err:
        open_database(data_dir)
    assert "BRANCHDESK_PASSWORD" in str(err.value)


def test_the_recovery_key_sets_a_new_password(data_dir):
    db = open_database(data_dir)
    recovery = db.new_recovery_key
    member_id = MemberService(db, CLOCK).add(record())
    db.close()
    keys = ScriptedKeys(answers=[Credentials(recovery_key="0000-0000-0000-0000-0000-0000-0000-0000", new_password="第二个密码-xyz"),
                                 Credentials(recovery_key=recovery.lower(), new_password="第二个密码-xyz")])
    db = open_database(data_dir, keys=keys)
    assert db.new_recovery_key is None  # the same recovery key stays valid
    assert MemberService(db, CLOCK).get(member_id).id_number == ID
    db.close()
    assert "恢复密钥不对" in keys.asked[1][2]
    with pytest.raises(StorageError):
        open_database(data_dir)  # the old password no longer opens it
    open_database(data_dir, keys=EnvPassword("第二个密码-xyz")).close()


def test_changing_the_password(data_dir):
    db = open_database(data_dir)
    try:
        with pytest.raises(crypto.WrongPassword):
            keyring.change_password(db, "不对", "新密码-12345")
        with pytest.raises(LockedError):
            keyring.change_password(db, TEST_PASSWORD, "短")
        keyring.change_password(db, TEST_PASSWORD, "新密码-12345")
        assert keyring.check_password(db, "新密码-12345") and not keyring.check_password(db, TEST_PASSWORD)
    finally:
        db.close()
    open_database(data_dir, keys=EnvPassword("新密码-12345")).close()


def _envelope_rows(data_dir: Path) -> dict:
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        return {r[0]: r[1:] for r in con.execute("SELECT kind, salt, nonce, wrapped, created_at FROM key_envelope")}
    finally:
        con.close()


def _audit_actions(db) -> list[str]:
    from db import audit
    with db.session() as s:
        return [line.action for line in audit.lines(s, newest_first=False)]


def test_a_new_recovery_key_replaces_the_old_one_and_keeps_the_data_key(data_dir):
    """A lost or seen sheet: the old key stops opening the branch, the new one sets a new
    password, and nothing sealed is touched (the same data key, wrapped again)."""
    from db import audit
    db = open_database(data_dir)
    old = db.new_recovery_key
    member_id = MemberService(db, CLOCK).add(record())
    data_key = db.cipher.data_key()
    before = _envelope_rows(data_dir)
    try:
        new = keyring.new_recovery_key(db, TEST_PASSWORD)
        groups = new.split("-")
        assert len(groups) == 8 and all(len(g) == 4 for g in groups) and new != old
        assert db.cipher.data_key() == data_key and keyring.check_password(db, TEST_PASSWORD)
        assert MemberService(db, CLOCK).get(member_id).id_number == ID
        assert _audit_actions(db) == ["new_recovery_key"]
        with db.session() as s:
            assert audit.verify(s, db.keys).ok
    finally:
        db.close()
    after = _envelope_rows(data_dir)
    assert after["password"] == before["password"]  # the password's envelope is not rewritten
    assert after["recovery"][:3] != before["recovery"][:3]
    # The password still opens it, and the ID number sealed before the change reads back.
    db = open_database(data_dir)
    assert db.cipher.data_key() == data_key and MemberService(db, CLOCK).get(member_id).id_number == ID
    db.close()
    keys = ScriptedKeys(answers=[Credentials(recovery_key=old, new_password="第二个密码-xyz"),
                                 Credentials(recovery_key=new.lower(), new_password="第二个密码-xyz")])
    db = open_database(data_dir, keys=keys)
    try:
        assert keys.asked[1][2].startswith("恢复密钥不对")  # the old key no longer opens it
        assert MemberService(db, CLOCK).get(member_id).id_number == ID
        assert _audit_actions(db) == ["new_recovery_key", "recover_password"]
        with db.session() as s:
            assert audit.verify(s, db.keys).ok
    finally:
        db.close()
    open_database(data_dir, keys=EnvPassword("第二个密码-xyz")).close()


def test_a_backup_made_before_keeps_the_old_recovery_key(data_dir, tmp_path):
    """What the dialog tells the secretary: a backup holds the envelopes of its day."""
    from db import backup
    db = open_database(data_dir)
    old = db.new_recovery_key
    member_id = MemberService(db, CLOCK).add(record())
    made = backup.make_backup(db.path, tmp_path / "backups", datetime(2026, 11, 19, 18, 0))
    new = keyring.new_recovery_key(db, TEST_PASSWORD)
    db.close()
    restored = tmp_path / "restored"
    restored.mkdir()
    shutil.copy(made.path, restored / DB_FILENAME)
    keys = ScriptedKeys(answers=[Credentials(recovery_key=new, new_password="备份里的密码-1"),
                                 Credentials(recovery_key=old, new_password="备份里的密码-1")])
    db = open_database(restored, keys=keys)
    try:
        assert len(keys.asked) == 2 and keys.asked[1][2].startswith("恢复密钥不对")
        assert MemberService(db, CLOCK).get(member_id).id_number == ID
    finally:
        db.close()


def test_a_new_recovery_key_needs_the_password_and_a_password(data_dir, tmp_path, monkeypatch):
    db = open_database(data_dir)
    before = _envelope_rows(data_dir)
    try:
        with pytest.raises(crypto.WrongPassword) as err:
            keyring.new_recovery_key(db, "不对的密码-123")
        assert str(err.value) == "当前密码不对"
        assert _envelope_rows(data_dir) == before and _audit_actions(db) == []
    finally:
        db.close()
    monkeypatch.delenv("BRANCHDESK_PASSWORD")
    demo = open_database(tmp_path / "demo", keys=keyring.NoPassword())
    try:
        with pytest.raises(keyring.NoRecoveryKey) as err:
            keyring.new_recovery_key(demo, "")
        assert str(err.value) == translate("crypto", "This branch has no password, so it has no recovery key to replace")
        assert set(_envelope_rows(tmp_path / "demo")) == {"open"} and _audit_actions(demo) == []
    finally:
        demo.close()


def test_two_branches_open_at_once_keep_their_own_keys(tmp_path):
    a = open_database(tmp_path / "a")
    b = open_database(tmp_path / "b")
    try:
        MemberService(a, CLOCK).add(record())
        MemberService(b, CLOCK).add(record(name="李四", id_number=make_id(date(1980, 5, 17), 3)))
        assert a.cipher.data_key() != b.cipher.data_key()
        assert MemberService(a, CLOCK).roster()[0].name == "张三"
        assert MemberService(b, CLOCK).roster()[0].name == "李四"
    finally:
        a.close()
        b.close()


def test_the_demo_branch_opens_without_a_password(data_dir, monkeypatch):
    monkeypatch.delenv("BRANCHDESK_PASSWORD")
    db = open_database(data_dir, keys=keyring.NoPassword())
    MemberService(db, CLOCK).add(record())
    db.close()
    db = open_database(data_dir)  # no password asked: the 'open' envelope
    assert MemberService(db, CLOCK).roster()[0].name == "张三"
    db.close()
    assert files_holding(data_dir, [ID, PHONE]) == {}


# -- upgrading a file from before encryption ------------------------------------------

def _plain_values(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        values = [v for row in con.execute("SELECT id_number, phone FROM member") for v in row if v]
    finally:
        con.close()
    return values


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.name)
def test_a_plaintext_branch_is_sealed_on_its_first_unlock(fixture, data_dir):
    data_dir.mkdir()
    shutil.copy(fixture, data_dir / DB_FILENAME)
    old = _plain_values(data_dir / DB_FILENAME)
    assert old  # the fixtures hold ID numbers and phones in plaintext
    con = sqlite3.connect(data_dir / DB_FILENAME)
    old_names = sorted(r[0] for r in con.execute("SELECT name FROM member"))
    con.close()
    keys = ScriptedKeys()
    db = open_database(data_dir, keys=keys)
    try:
        assert keys.upgrading == [True] and db.new_recovery_key
        roster = MemberService(db, CLOCK)
        assert sorted(r.name for r in roster.roster()) == old_names
        assert sorted(v for r in roster.roster() for v in (roster.get(r.id).id_number, roster.get(r.id).phone) if v) == sorted(old)
    finally:
        db.close()
    # No plaintext anywhere: the database, its WAL, the copy aside made before migrating.
    assert files_holding(data_dir, old) == {}
    copies = list(data_dir.glob("branch.before-*.sqlite"))
    assert len(copies) == 1 and schema_revision(copies[0]) == fixture.stem.split("_")[1]
    # The copy aside, put back in place, opens with the same password and upgrades again.
    restored = data_dir.parent / "restored"
    restored.mkdir()
    shutil.copy(copies[0], restored / DB_FILENAME)
    db = open_database(restored, keys=EnvPassword(keys.chosen))
    try:
        assert sorted(r.name for r in MemberService(db, CLOCK).roster()) == old_names
    finally:
        db.close()


def test_a_cleanup_cut_short_is_finished_at_the_next_unlock(data_dir):
    """Killed after the sealing committed, before the copies aside were sealed: the note
    written with the sealing makes the next unlock finish the work."""
    data_dir.mkdir()
    shutil.copy(RELEASED[0], data_dir / DB_FILENAME)
    keys = ScriptedKeys()
    open_database(data_dir, keys=keys).close()
    late = data_dir / "branch.before-0001-20261120-093000.sqlite"
    shutil.copy(RELEASED[0], late)  # plaintext, as it was before the kill
    con = sqlite3.connect(data_dir / DB_FILENAME)
    con.execute("INSERT INTO setting (key, value) VALUES (?, 'true')", (keyring.PENDING,))
    con.commit()
    con.close()
    assert files_holding(data_dir, _plain_values(late))
    open_database(data_dir, keys=EnvPassword(keys.chosen)).close()
    assert files_holding(data_dir, _plain_values(RELEASED[0])) == {}
    con = sqlite3.connect(data_dir / DB_FILENAME)
    assert con.execute("SELECT count(*) FROM setting WHERE key = ?", (keyring.PENDING,)).fetchone()[0] == 0
    con.close()
