"""Reading an SQLite file the way someone with the file and a hex editor would: where each row of
a WITHOUT ROWID table physically sits (page number, byte offset of its cell), straight from the
B-tree pages (https://www.sqlite.org/fileformat2.html §1.6, §2.1)."""
from __future__ import annotations

import sqlite3
from pathlib import Path


def _varint(data: bytes, i: int) -> tuple[int, int]:
    value = 0
    for n in range(9):
        byte = data[i + n]
        if n == 8:
            return (value << 8) | byte, i + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, i + n + 1
    raise AssertionError("unreachable")


def root_page(path: Path, table: str) -> int:
    con = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return con.execute("SELECT rootpage FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone()[0]
    finally:
        con.close()


def first_text_column(payload: bytes) -> str:
    header_size, i = _varint(payload, 0)
    serial, _ = _varint(payload, i)
    assert serial >= 13 and serial % 2 == 1, "the first column is not text"
    length = (serial - 13) // 2
    return payload[header_size:header_size + length].decode("utf-8")


def cell_locations(path: Path, table: str) -> dict[str, tuple[int, int]]:
    """{primary key: (page number, offset of the cell in its page)} for a WITHOUT ROWID table whose
    first column is a text key. Read from the main file only (checkpoint first)."""
    data = Path(path).read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    out: dict[str, tuple[int, int]] = {}

    def visit(number: int) -> None:
        page = data[(number - 1) * page_size:number * page_size]
        head = 100 if number == 1 else 0
        kind = page[head]
        assert kind in (0x02, 0x0A), f"page {number} is not an index b-tree page ({kind:#x})"
        cells = int.from_bytes(page[head + 3:head + 5], "big")
        header = 12 if kind == 0x02 else 8
        pointers = [int.from_bytes(page[head + header + 2 * k:head + header + 2 * k + 2], "big") for k in range(cells)]
        for offset in pointers:
            i = offset
            if kind == 0x02:
                visit(int.from_bytes(page[i:i + 4], "big"))
                i += 4
            size, i = _varint(page, i)
            out[first_text_column(page[i:i + min(size, page_size - i)])] = (number, offset)
        if kind == 0x02:
            visit(int.from_bytes(page[head + 8:head + 12], "big"))

    visit(root_page(path, table))
    return out


def _keys_in_page(page: bytes, head: int) -> list[str]:
    kind = page[head]
    if kind not in (0x02, 0x0A):
        return []
    cells = int.from_bytes(page[head + 3:head + 5], "big")
    header = 12 if kind == 0x02 else 8
    keys = []
    for k in range(cells):
        i = int.from_bytes(page[head + header + 2 * k:head + header + 2 * k + 2], "big")
        if kind == 0x02:
            i += 4
        size, i = _varint(page, i)
        try:
            keys.append(first_text_column(page[i:i + min(size, len(page) - i)]))
        except (AssertionError, UnicodeDecodeError, IndexError):
            return []  # another index's page (not a text key first)
    return keys


def wal_first_seen(wal: Path) -> dict[str, int]:
    """{key: number of the first frame of the write-ahead log whose page image holds it}: the
    order in which rows were written, as whoever reads the -wal file can tell it."""
    data = Path(wal).read_bytes() if Path(wal).exists() else b""
    if len(data) < 32:
        return {}
    page_size = int.from_bytes(data[8:12], "big")
    seen: dict[str, int] = {}
    frame, at = 0, 32
    while at + 24 + page_size <= len(data):
        number = int.from_bytes(data[at:at + 4], "big")
        page = data[at + 24:at + 24 + page_size]
        for key in _keys_in_page(page, 100 if number == 1 else 0):
            seen.setdefault(key, frame)
        frame += 1
        at += 24 + page_size
    return seen


def spearman(xs: list[float], ys: list[float]) -> float:
    """Rank correlation of two equally long sequences without ties."""
    n = len(xs)
    rank_x = {v: r for r, v in enumerate(sorted(xs))}
    rank_y = {v: r for r, v in enumerate(sorted(ys))}
    d2 = sum((rank_x[x] - rank_y[y]) ** 2 for x, y in zip(xs, ys))
    return 1 - 6 * d2 / (n * (n * n - 1))
