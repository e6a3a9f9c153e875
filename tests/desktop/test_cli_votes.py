"""``branchdesk votes tally SPEC.json [--json]``: the issue's file form, the answer's shape, and
every malformed file refused with a message naming the place and exit code 2."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

BRANCHDESK = Path(sys.executable).parent / "branchdesk"

ELECTION = {
    "kind": "election", "seats": 3, "candidates": ["张三", "李四", "王五", "赵六"],
    "due": 30, "present": 26, "issued": 26,
    "ballots": ([{"marks": {"张三": "for", "李四": "for", "王五": "for"}}] * 14
                + [{"marks": {"张三": "for", "李四": "against", "赵六": "for"}, "write_ins": ["孙七"]}] * 10
                + [{"marks": {"张三": "for", "李四": "for", "王五": "for", "赵六": "for"}}]   # four names: invalid
                + [{"invalid": True}]),
}
DECISION = {
    "kind": "decision", "candidates": ["钱八"], "due": 30, "present": 20, "issued": 20,
    "ballots": [{"vote": "for"}] * 15 + [{"vote": "against"}] * 3 + [{"vote": "abstain"}] * 2,
    "written_opinions": {"for": 1, "against": 0, "abstain": 0},
}


def run(capsys, tmp_path, spec, *flags) -> tuple[int, str, str]:
    path = tmp_path / "spec.json"
    path.write_text(spec if isinstance(spec, str) else json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    code = main(["votes", "tally", str(path), *flags])
    out, err = capsys.readouterr()
    return code, out, err


def test_election_json(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path, ELECTION, "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert {k: answer[k] for k in ("quorum_met", "void", "valid_ballots", "invalid_ballots", "passed", "tie")} == {
        "quorum_met": True, "void": False, "valid_ballots": 24, "invalid_ballots": 2, "passed": None, "tie": []}
    rows = {r["name"]: r for r in answer["results"]}
    assert rows["张三"] == {"name": "张三", "for": 24, "against": 0, "abstain": 0, "elected": True, "written_in": False}
    assert rows["李四"]["for"] == 14 and rows["李四"]["against"] == 10 and rows["李四"]["elected"]   # 14 of 26: > 13
    assert rows["王五"]["for"] == 14 and rows["王五"]["abstain"] == 10 and rows["王五"]["elected"]
    assert rows["赵六"]["for"] == 10 and not rows["赵六"]["elected"]
    assert rows["孙七"]["for"] == 10 and rows["孙七"]["written_in"]
    assert [r["name"] for r in answer["results"]] == ["张三", "李四", "王五", "赵六", "孙七"]


def test_decision_json_counts_written_opinions(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, DECISION, "--json")
    answer = json.loads(out)
    assert code == 0 and answer["passed"] is True          # 15 + 1 written = 16 > 30 / 2
    assert answer["results"] == [{"name": "钱八", "for": 16, "against": 3, "abstain": 2, "elected": None}]
    code, out, _ = run(capsys, tmp_path, {**DECISION, "written_opinions": {"against": 1}}, "--json")
    assert json.loads(out)["passed"] is False              # exactly 15: half of due does not pass


def test_void_when_more_ballots_than_issued(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, {**ELECTION, "issued": 25}, "--json")
    answer = json.loads(out)
    assert code == 0 and answer["void"] and not any(r["elected"] for r in answer["results"])


def test_text_output_in_chinese(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, ELECTION)
    assert code == 0
    assert "张三" in out and "当选" in out and "有效" in out


@pytest.mark.parametrize("change, words", [
    ({"kind": "poll"}, ["kind", "poll"]),
    ({"kind": "appraisal"}, ["kind"]),
    ({"seats": "3"}, ["seats", "\"3\""]),
    ({"seats": 3.0}, ["seats"]),
    ({"seats": True}, ["seats"]),
    ({"seats": 0}, ["seats"]),
    ({"due": -1}, ["due"]),
    ({"present": 31}, ["present", "31", "30"]),
    ({"issued": 27}, ["issued", "27", "26"]),
    ({"due": 0, "present": 0, "issued": 0}, ["due"]),
    ({"candidates": "张三"}, ["candidates"]),
    ({"candidates": ["张三", "张三"]}, ["candidates[1]", "张三"]),
    ({"candidates": ["张三", ""]}, ["candidates[1]"]),
    ({"candidates": []}, ["candidates"]),
    ({"ballots": {}}, ["ballots"]),
    ({"ballots": [{"marks": {"周九": "for"}}]}, ["ballots[0].marks", "周九"]),
    ({"ballots": [{"marks": {"张三": "yes"}}]}, ["ballots[0].marks.张三", "yes"]),
    ({"ballots": [{"marks": ["张三"]}]}, ["ballots[0].marks"]),
    ({"ballots": [{"marks": {}, "write_ins": "孙七"}]}, ["ballots[0].write_ins"]),
    ({"ballots": [{"marks": {}, "write_ins": [7]}]}, ["ballots[0].write_ins[0]"]),
    ({"ballots": [{"vote": "for"}]}, ["ballots[0]", "vote"]),
    ({"ballots": [{"invalid": True, "marks": {}}]}, ["ballots[0]"]),
    ({"ballots": [{"invalid": False}]}, ["ballots[0]"]),
    ({"ballots": ["for"]}, ["ballots[0]"]),
    ({"written_opinions": {"for": 1}}, ["written_opinions"]),
    ({"seat": 3}, ["seat"]),
])
def test_malformed_election_is_refused(capsys, tmp_path, change, words):
    code, out, err = run(capsys, tmp_path, {**ELECTION, **change}, "--json")
    assert code == 2 and out == "", err
    assert "Traceback" not in err and "错误" in err
    for w in words:
        assert w in err, err


@pytest.mark.parametrize("change, words", [
    ({"candidates": ["钱八", "孙七"]}, ["candidates", "2"]),
    ({"seats": 1}, ["seats"]),
    ({"ballots": [{"vote": "yes"}]}, ["ballots[0].vote", "yes"]),
    ({"ballots": [{}]}, ["ballots[0]", "vote"]),
    ({"ballots": [{"marks": {"钱八": "for"}}]}, ["ballots[0]", "marks"]),
    ({"written_opinions": {"for": -1}}, ["written_opinions.for"]),
    ({"written_opinions": {"maybe": 1}}, ["written_opinions", "maybe"]),
    ({"written_opinions": {"for": 11}}, ["written_opinions", "20", "11", "30"]),
    ({"written_opinions": [1, 0, 0]}, ["written_opinions"]),
])
def test_malformed_decision_is_refused(capsys, tmp_path, change, words):
    code, out, err = run(capsys, tmp_path, {**DECISION, **change}, "--json")
    assert code == 2 and out == "", err
    for w in words:
        assert w in err, err


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", "null", "\"election\"", "{\"kind\": \"election\"} x"])
def test_not_json_or_not_an_object(capsys, tmp_path, text):
    code, out, err = run(capsys, tmp_path, text)
    assert code == 2 and out == "" and "错误" in err and "Traceback" not in err


def test_missing_file(capsys, tmp_path):
    code = main(["votes", "tally", str(tmp_path / "none.json")])
    _, err = capsys.readouterr()
    assert code == 2 and "none.json" in err


def test_the_installed_command_needs_no_data_folder(tmp_path):
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(DECISION, ensure_ascii=False), encoding="utf-8")
    env = {"BRANCHDESK_DATA": str(tmp_path / "data"), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(BRANCHDESK), "votes", "tally", str(spec), "--json"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["passed"] is True
    assert not (tmp_path / "data").exists()     # nothing opened, nothing created
    bad = subprocess.run([str(BRANCHDESK), "votes", "tally", str(tmp_path / "x.json")], capture_output=True, text=True,
                         env=env, timeout=60)
    assert bad.returncode == 2
