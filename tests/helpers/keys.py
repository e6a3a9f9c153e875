"""A key provider (db/keyring.py) that answers from a script, and the files of a data folder
searched for text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from db.keyring import Credentials


@dataclass
class ScriptedKeys:
    """Answers ``credentials`` with the next of ``answers``; records what it was told."""
    answers: list[Credentials] = field(default_factory=list)
    chosen: str | None = "新的口令-abc123"
    asked: list[tuple[int, int, str | None]] = field(default_factory=list)  # (failures, wait, error)
    upgrading: list[bool] = field(default_factory=list)

    def new_password(self, *, upgrading: bool) -> str | None:
        self.upgrading.append(upgrading)
        return self.chosen

    def credentials(self, *, failures: int, wait_seconds: int, error: str | None) -> Credentials:
        self.asked.append((failures, wait_seconds, error))
        if not self.answers:
            raise RuntimeError("no more answers")
        return self.answers.pop(0)


def files_holding(folder: Path, needles: list[str]) -> dict[str, list[str]]:
    """Every file under ``folder`` (recursively) that holds one of ``needles`` (ID numbers,
    phones: digits and X) as ASCII/UTF-8 or UTF-16-LE bytes: {relative path: [needles]}.

    Runs of digits are found with one pass per encoding, and every window of each needle
    length inside a run is looked up: a needle inside a longer run of digits is found too."""
    wanted = {n.upper() for n in needles}
    lengths = sorted({len(n) for n in wanted})
    shortest = lengths[0]
    runs8 = re.compile(rb"[0-9Xx]{%d,}" % shortest)
    runs16 = re.compile(rb"(?:[0-9Xx]\x00){%d,}" % shortest)
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        texts = [m.group().decode("ascii") for m in runs8.finditer(data)]
        texts += [m.group().decode("utf-16-le") for m in runs16.finditer(data)]
        hits = set()
        for text in texts:
            text = text.upper()
            for n in lengths:
                for i in range(len(text) - n + 1):
                    if text[i:i + n] in wanted:
                        hits.add(text[i:i + n])
        if hits:
            found[str(path.relative_to(folder))] = sorted(hits)
    return found


def opened(cipher, table: str, row: dict) -> dict:
    """A row read straight from the file, with its sealed values (db/crypto.py) opened: two
    sealings of one value differ (a new nonce each), their plaintext does not."""
    from db.crypto import is_sealed_bytes, is_sealed_text
    from db.keyring import personal_columns
    kinds = {c: k for t, c, k in personal_columns() if t == table}
    out = {}
    for name, value in row.items():
        if name in kinds and is_sealed_text(value):
            value = cipher.open_text(value, kinds[name])
        elif table == "branch" and name == "secret" and is_sealed_bytes(value):
            value = cipher.open_bytes(value, "branch.secret")
        out[name] = value
    return out
