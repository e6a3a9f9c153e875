"""Hostile and broken spreadsheets (issue 8): zip bombs, XML entity expansion, sheets of a
million rows or a cell in XFD1048576, broken zips and OLE files, other files renamed .xlsx —
each refused with a Chinese message, within 5 s and 500 MB, with nothing written; and good
files (some made by LibreOffice) still imported.

The corpus is tests/fixtures/hostile/ (made by its make_corpus.py; manifest.json says what
each file tries and what must happen). Every file goes through the real roster import
(read_plan, then commit) and the payroll import (read_base_plan) in a process of its own that
measures its own time and peak memory (tests/helpers/hostile_import.py), two at a time or more.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "hostile"
MANIFEST = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
SECONDS = 5.0
MEGABYTES = 500
CJK = re.compile(r"[\u4e00-\u9fff]")
# Made at test time: a file past the size limit would weigh 64 MB in the repository.
OVERSIZE = {"oversize.xlsx": "refused", "oversize.csv": "refused"}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, dict]:
    work = tmp_path_factory.mktemp("hostile")
    extra = []
    for name in OVERSIZE:
        path = work / name
        with path.open("wb") as f:  # sparse: 65 MB that take no room on disk
            f.write(b"PK\x03\x04" if name.endswith(".xlsx") else "姓名,性别\r\n".encode())
            f.truncate(65 * 1024 * 1024)
        extra.append(path)
    files = [CORPUS / name for name in sorted(MANIFEST)] + extra
    out = work / "results.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "tests.helpers.hostile_import", str(out), str(work), *map(str, files)],
                   cwd=ROOT, env=env, check=True, timeout=600)
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_corpus_is_complete():
    on_disk = {p.name for p in CORPUS.iterdir()} - {"make_corpus.py", "manifest.json", "README.md"}
    assert on_disk == set(MANIFEST)
    assert len(MANIFEST) >= 50
    assert sum(p.stat().st_size for p in CORPUS.iterdir()) < 4_000_000  # bombs are small when compressed
    assert {m["category"] for m in MANIFEST.values()} >= {"zip bomb", "XML entities", "huge sheet", "broken file",
                                                          "wrong format", "valid", "LibreOffice"}


@pytest.mark.parametrize("name", sorted(MANIFEST) + sorted(OVERSIZE))
def test_import_of(outcomes, name):
    got = outcomes[name]
    expect = MANIFEST[name]["expect"] if name in MANIFEST else OVERSIZE[name]
    assert got["outcome"] in ("plan", "refused"), got.get("traceback") or got
    assert got["seconds"] < SECONDS and got["payroll_seconds"] < SECONDS, got
    assert got["maxrss_mb"] < MEGABYTES, got
    assert got["integrity"] == "ok"
    if got["outcome"] == "refused":
        assert CJK.search(got["message"]) and name in got["message"], got["message"]
        assert got["after"] == got["before"], "a refused file wrote something"
    if expect == "refused":
        assert got["outcome"] == "refused", got
        assert got["payroll"] == "refused" and CJK.search(got["payroll_message"]), got  # same reader, same guard
    elif expect == "ok":
        assert got["outcome"] == "plan" and got["accepted"] >= 1, got
        assert got["after"]["member"] == got["before"]["member"] + got["accepted"]
