"""``branchdesk-server`` as an administrator types it: the tree, enrollment codes, the report,
packets carried by USB, the administrator's password, migrations on both databases."""
from __future__ import annotations

import json
import re

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from core import syncfile
from server import admin_auth, store
from server.db import migrate, open_database
from server.migrations import HEAD
from server.models import Base
from tests.helpers.sync_server import SERVER, packet, server_cli

CODE = re.compile(r"^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$")


def test_the_tree_and_an_enrollment_code(db_url):
    server_cli(db_url, "org", "add", "--code", "CITY", "--name", "市委")
    server_cli(db_url, "org", "add", "--code", "GEN", "--name", "机关党总支", "--kind", "general_branch", "--parent", "CITY")
    out = server_cli(db_url, "enroll", "--branch", "B001", "--name", "第一党支部", "--parent", "GEN")
    assert CODE.match(out.stdout.strip()), out.stdout  # only the code on stdout: scripts can read it
    assert "一次性" in out.stderr
    listed = json.loads(server_cli(db_url, "org", "list", "--json").stdout)
    assert [(u["code"], u["kind"], u["parent"]) for u in listed] == [
        ("CITY", "committee", None), ("GEN", "general_branch", "CITY"), ("B001", "branch", "GEN")]
    report = json.loads(server_cli(db_url, "report", "--json").stdout)
    assert report == [{"code": "B001", "name": "第一党支部", "parent": "GEN", "packets": 0, "latest_period": None,
                       "last_received": None, "highest_seq": 0, "missing": 0}]


def test_a_refusal_is_a_chinese_message_and_exit_code_2(db_url, tmp_path):
    result = server_cli(db_url, "enroll", "--branch", "B9", "--name", "无上级", "--parent", "NOPE", check=False)
    assert result.returncode == 2
    assert "上级单位“NOPE”不存在" in result.stderr and "Traceback" not in result.stderr
    bad = server_cli("mysql://x@localhost/db", "report", check=False)
    assert bad.returncode == 2 and "只支持 SQLite 和 PostgreSQL" in bad.stderr


def usb_file(db_url, tmp_path, branch="B001", seqs=(1, 2, 3)):
    """A file as `branchdesk sync export` writes it, signed with the branch's key."""
    db = open_database(db_url)
    try:
        migrate(db)
        with db.write() as conn:
            if store.unit_by_code(conn, "CITY") is None:
                store.add_unit(conn, "CITY", "市委", "committee", None, lambda: 1.8e9)
            code = store.issue_enrollment(conn, branch, f"{branch}党支部", "CITY", lambda: 1.8e9)
            e = store.enroll(conn, code, lambda: 1.8e9)
    finally:
        db.close()
    bodies = [packet(branch, seq, f"2026-{seq:02d}").to_bytes() for seq in seqs]
    path = tmp_path / f"{branch}-汇总.json"
    path.write_bytes(syncfile.dump(branch, e.key_id, e.secret, bodies, "2026-11-20T01:00:00Z"))
    return path, e, bodies


def test_importing_a_usb_file_stores_each_packet_once(db_url, tmp_path):
    path, _, _ = usb_file(db_url, tmp_path)
    first = json.loads(server_cli(db_url, "import", str(path), "--json").stdout)
    assert first == {"branch": "B001", "stored": 3, "repeated": 0, "refused": []}
    again = server_cli(db_url, "import", str(path))
    assert "新存入 0 个汇总，3 个此前已收到" in again.stdout
    [row] = json.loads(server_cli(db_url, "report", "--json").stdout)
    assert (row["packets"], row["latest_period"], row["highest_seq"]) == (3, "2026-03", 3)


def test_an_altered_file_or_a_revoked_key_is_refused(db_url, tmp_path):
    path, e, bodies = usb_file(db_url, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["packets"][1]["body"] = data["packets"][1]["body"].replace('"total":30', '"total":300')
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = server_cli(db_url, "import", str(path), "--json", check=False)
    assert result.returncode == 2
    out = json.loads(result.stdout)
    assert (out["stored"], len(out["refused"])) == (2, 1) and "签名不符" in out["refused"][0]

    server_cli(db_url, "revoke", "--branch", "B001")
    refused = server_cli(db_url, "import", str(path), check=False)
    assert refused.returncode == 2 and "已被停用" in refused.stderr
    (tmp_path / "not.json").write_text("你好", encoding="utf-8")
    assert "不是支部工作台导出的汇总文件" in server_cli(db_url, "import", str(tmp_path / "not.json"), check=False).stderr


def test_the_administrators_password(db_url):
    server_cli(db_url, "admin", "set-password", "--password-stdin", stdin="correct horse battery\n")
    db = open_database(db_url)
    try:
        with db.read() as conn:
            stored = admin_auth.password_hash(conn, "admin")
        assert admin_auth.check_password("correct horse battery", stored)
        assert not admin_auth.check_password("wrong", stored)
        assert "correct horse" not in stored
    finally:
        db.close()
    short = server_cli(db_url, "admin", "set-password", "--password-stdin", stdin="short\n", check=False)
    assert short.returncode == 2 and "至少 8 个字符" in short.stderr


def test_migrations_build_the_models_and_come_down_again(db_url):
    from alembic import command
    from alembic.config import Config
    from server.db import MIGRATIONS_DIR
    db = open_database(db_url)
    try:
        migrate(db)
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
            mc = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(mc, Base.metadata) == []
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
            conn.commit()
        migrate(db)  # and up again
    finally:
        db.close()


def test_the_server_command_is_installed():
    assert SERVER.exists()
