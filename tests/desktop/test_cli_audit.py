"""``branchdesk audit verify | list`` and the line ``members export --unmasked`` writes,
through the real entry point against a real data folder."""
from __future__ import annotations

import json
import sqlite3
from datetime import date

from desktop.cli import main
from tests.helpers.spreadsheets import make_id, write_xlsx

ID_ZHANG = make_id(date(1975, 3, 15), 3)
PHONE = "13812345678"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _branch(capsys, data_dir, tmp_path) -> None:
    source = write_xlsx(tmp_path / "花名册.xlsx", [
        ["姓名", "公民身份号码", "人员类别", "联系电话"],
        ["张伟", ID_ZHANG, "正式党员", PHONE],
        ["李娜", make_id(date(1980, 5, 20), 4, male=False), "预备党员", None],
    ])
    code, _, err = run(capsys, "members", "import", source, "--data-dir", data_dir)
    assert code == 0, err


def test_unmasked_export_is_listed_and_verifies(capsys, data_dir, tmp_path):
    _branch(capsys, data_dir, tmp_path)
    code, out, err = run(capsys, "audit", "verify", "--data-dir", data_dir)
    assert (code, out.strip()) == (0, "审计日志完整，共 0 条。"), err
    assert run(capsys, "members", "export", tmp_path / "masked.xlsx", "--data-dir", data_dir)[0] == 0
    assert run(capsys, "members", "export", tmp_path / "full.xlsx", "--unmasked", "--data-dir", data_dir)[0] == 0

    code, out, _ = run(capsys, "audit", "list", "--json", "--data-dir", data_dir)
    assert code == 0
    [line] = json.loads(out)
    assert (line["number"], line["action"], line["subject"]) == (1, "export_unmasked", "roster")
    assert line["detail"]["members"] == 2 and line["detail"]["member_ids"] == "1-2"
    code, out, _ = run(capsys, "audit", "list", "--data-dir", data_dir)
    assert code == 0 and "导出含完整身份证号、电话和住址的花名册" in out and "2 名党员" in out

    code, out, err = run(capsys, "audit", "verify", "--data-dir", data_dir)
    assert (code, out.strip(), err) == (0, "审计日志完整，共 1 条。", "")
    code, out, _ = run(capsys, "audit", "verify", "--json", "--data-dir", data_dir)
    assert code == 0 and json.loads(out) == {"ok": True, "entries": 1, "broken_at": None, "kind": None,
                                             "message": "审计日志完整，共 1 条。"}

    con = sqlite3.connect(data_dir / "branch.sqlite")
    dump = json.dumps([list(map(str, r)) for r in con.execute("SELECT * FROM audit_log")], ensure_ascii=False)
    dump += con.execute("SELECT value FROM setting WHERE key = 'audit.head'").fetchone()[0]
    con.close()
    assert ID_ZHANG not in dump and PHONE not in dump and "张伟" not in dump and "full.xlsx" not in dump


def test_verify_exits_2_naming_the_first_broken_entry(capsys, data_dir, tmp_path):
    _branch(capsys, data_dir, tmp_path)
    for n in range(3):
        assert run(capsys, "members", "export", tmp_path / f"full{n}.xlsx", "--unmasked", "--data-dir", data_dir)[0] == 0
    con = sqlite3.connect(data_dir / "branch.sqlite")
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET detail = replace(detail, '\"members\":2', '\"members\":1') WHERE id = 2")
    con.commit()
    con.close()
    code, out, err = run(capsys, "audit", "verify", "--data-dir", data_dir)
    assert (code, out) == (2, "")
    assert err.strip() == "审计日志已被篡改：第 2 条已被改动，或不是支部工作台写入的"
    code, out, _ = run(capsys, "audit", "verify", "--json", "--data-dir", data_dir)
    report = json.loads(out)
    assert code == 2 and (report["ok"], report["broken_at"], report["kind"], report["entries"]) == (False, 2, "edited", 3)

    con = sqlite3.connect(data_dir / "branch.sqlite")
    con.execute("DROP TRIGGER audit_log_no_delete")
    con.execute("DELETE FROM audit_log WHERE id = 3")
    con.commit()
    con.close()
    code, _, err = run(capsys, "audit", "verify", "--data-dir", data_dir)
    assert code == 2 and "第 2 条" in err  # still the first broken one
