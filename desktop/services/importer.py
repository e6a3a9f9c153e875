"""Importing the member roster from the spreadsheets secretaries already keep (DESIGN §1).

``read_plan`` reads a .xlsx / .xls / .ods / .csv file and checks every row against the rules
and the roster, writing nothing: that is the preview. ``commit`` writes a plan in one
transaction and records it as an ``ImportBatch``; ``undo_last`` takes the newest batch back.

A 党委's roster can hold 20,000 rows and the import should cost little more than reading the
file (bench/bench_import.py). Hence: each distinct value of a column is parsed once (cells that
are already their value are not parsed at all), the roster's look-up hashes are read once into
a dict, pinyin is computed once per distinct name, new members are written in INSERT statements
of many rows while a helper thread builds the next one's values, and the garbage collector
waits until the rows are built. Every row is still checked by core.members.validate.
"""
from __future__ import annotations

import gc
import itertools
import json
import logging
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Date, DateTime, delete, insert, or_, select
from sqlalchemy.exc import IntegrityError

from core import idnumber, search
from core.dates import parse_date
from core.dues import DuesCategory
from core.i18n import translate
from core.members import (Gender, MemberCategory, MemberRecord, PartyStanding, RollStatus, complete_from_id,
                          field_label, record_from_values, validate)
from core.search import pinyin_key
from core.text import clean, clean_name
from core.values import parse_category, parse_dues_category, parse_gender, parse_money_fen, parse_standing, parse_yes_no
from db.crypto import cipher_of
from db.models import ImportBatch, ImportUpdate, Member, PartyGroup, Setting
from db.personal import PersonalText, lookup_hash, lookup_hashes
from desktop.services.members import ActionRefused, apply_record, record_from_member
from desktop.services.sheet_reader import ImportFailed, Table, read_table

__all__ = ["BatchInfo", "ImportFailed", "ImportPlan", "ImportResult", "PlannedRow", "RowProblem", "UndoResult",
           "commit", "last_batch", "read_plan", "undo_last"]

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

_DIGITS = re.compile(r"\d+")
_TOTALS = ("合计", "总计", "小计", "共计")
# Columns an import overwrites and an undo puts back (as apply_record writes them).
_RESTORED = ("name", "name_key", "gender", "ethnicity", "id_number", "id_hash", "birth_date", "education",
             "category", "joined_on", "full_member_on", "post", "phone", "address", "party_standing",
             "lost_contact", "lost_contact_on", "mobile", "mobile_destination", "group_id", "dues_category",
             "dues_base_fen", "note", "updated_at")


# -- what the callers see ------------------------------------------------------

@dataclass(frozen=True)
class RowProblem:
    row: int            # 1-based spreadsheet row number, as the user sees it
    field: str | None   # MemberRecord field of the (first) problem
    message: str        # in the active language, naming the column


@dataclass(frozen=True)
class PlannedRow:
    row: int
    record: MemberRecord
    action: str  # "create" | "update"
    existing_id: int | None
    warnings: tuple[str, ...]


@dataclass
class ImportPlan:
    source: Path
    sheet: str
    header_row: int                # 1-based
    columns: dict[str, int]        # header field -> 0-based column index
    unknown_headers: list[str]
    rows: list[PlannedRow]
    rejected: list[RowProblem]
    skipped: list[RowProblem]
    on_duplicate: str

    @property
    def accepted(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    created: int
    updated: int


@dataclass(frozen=True)
class UndoResult:
    source_name: str
    removed: int
    restored: int


@dataclass(frozen=True)
class BatchInfo:
    id: int
    source_name: str
    imported_at: datetime
    created: int
    updated: int


# -- reading the cells ---------------------------------------------------------

def _text(cell: object) -> str:
    if isinstance(cell, str):
        return clean(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # a phone or a number typed into a number cell: 13812345678.0
    if isinstance(cell, (date, datetime)):
        return cell.isoformat()
    return clean(cell)


def _phone(cell: object) -> str:
    text = _text(cell)
    if "*" in text:
        raise ValueError(translate("import", "The phone number is masked (an export without full numbers); import a file with the full numbers"))
    return text


def _enum_parser(enum_cls, core_parser):
    """Core's words (正式/预备, 在职 …), then the labels of the active language and the stored
    values, so that our own export in any language imports again."""
    words = {clean(e.label): e for e in enum_cls} | {e.value: e for e in enum_cls}

    def parse(cell: object):
        text = clean(cell) if isinstance(cell, str) else cell
        if isinstance(text, str) and text in words:
            return words[text]
        return core_parser(cell)
    return parse


def _name(cell: object) -> str:
    return clean_name(_text(cell))


# Cells that are already what their parser would make of them, passed through without a call:
# a name of ideographs only (NFKC, clean and clean_name leave U+4E00–U+9FFF as they are; a test
# checks every one), a phone of ASCII digits, a date cell. Most cells of a roster's widest
# columns are such, and a call per cell cost more than the rest of the column's reading.
_PLAIN_NAME = re.compile("[\u4e00-\u9fff]+")
_PLAIN_DIGITS = re.compile("[0-9]+")


class _Column(NamedTuple):
    field: str                          # MemberRecord field
    parse: Callable[[object], object]   # one cell to its value; ValueError when it cannot
    plain: re.Pattern | type | None = None


def _cell_parsers() -> dict[str, _Column]:
    """header field -> how its column is read."""
    text = ("ethnicity", "education", "post", "address", "mobile_destination", "group", "note")
    parsers = {f: _Column(f, _text) for f in text}
    parsers |= {f: _Column(f, parse_date, date) for f in ("birth_date", "joined_on", "full_member_on", "lost_contact_on")}
    parsers |= {f: _Column(f, parse_yes_no) for f in ("lost_contact", "mobile")}
    parsers |= {
        "name": _Column("name", _name, _PLAIN_NAME),
        "gender": _Column("gender", parse_gender),
        "category": _Column("category", _enum_parser(MemberCategory, parse_category)),
        "party_standing": _Column("party_standing", _enum_parser(PartyStanding, parse_standing)),
        "dues_category": _Column("dues_category", _enum_parser(DuesCategory, parse_dues_category)),
        "dues_base": _Column("dues_base_fen", parse_money_fen),
        "phone": _Column("phone", _phone, _PLAIN_DIGITS),
    }
    return parsers


class _Bad:
    """A cell that could not be read, standing in the column for the value."""
    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


_BLANK = object()  # an empty cell: the record keeps its default (or, in an update, the member's value)


def _attempt(parse: Callable[[object], object], cell: object) -> object:
    try:
        value = parse(cell)
    except ValueError as err:  # DateError, ValueProblem, IdNumberError are ValueErrors
        return _Bad(str(err))
    return _BLANK if value is None or value == "" else value


class _Memo(dict):
    """Each distinct cell of a column parsed once: a roster's columns repeat (性别, 民族,
    党小组, dates), and the look-ups happen in C. Cells equal as dict keys are one cell (1 and
    1.0; booleans, equal to 1 and 0, are read apart by _parse_column)."""

    def __init__(self, parse: Callable[[object], object]):
        super().__init__({"": _BLANK, None: _BLANK})
        self.parse = parse

    def __missing__(self, cell: object) -> object:
        value = self[cell] = _attempt(self.parse, cell)
        return value


def _parse_column(rows: list[list[object]], col: int, column: _Column) -> tuple[list[object], list[int]]:
    """One column's values for every data row, and the rows where a cell could not be read."""
    cells = [r[col] for r in rows]
    memo = _Memo(column.parse)
    plain = column.plain
    if plain is None:
        values = [memo[c] for c in cells]
    elif isinstance(plain, type):
        values = [c if c.__class__ is plain else memo[c] for c in cells]
    else:
        match = plain.fullmatch
        values = [c if c.__class__ is str and match(c) else memo[c] for c in cells]
    if 0 in memo or 1 in memo:
        # True == 1 == 1.0 as dict keys: with Excel TRUE/FALSE cells, booleans are parsed apart.
        memo = _Memo(column.parse)
        values = [_attempt(column.parse, c) if c.__class__ is bool else memo[c] for c in cells]
    elif not any(v.__class__ is _Bad for v in memo.values()):
        return values, []
    return values, [i for i, v in enumerate(values) if v.__class__ is _Bad]


def _id_cell(raw: object) -> tuple[str, str | None]:
    """(normalised number, problem) of an ID number cell; the checks come with validate."""
    if isinstance(raw, str):
        number = idnumber.normalise(raw)
        if "*" in number:
            return "", translate("import", "The ID number is masked (an export without full numbers); import a file with the full numbers")
        return number, None
    if raw is None or raw == "":
        return "", None
    try:  # a number cell: the ID lost its last digits, and parse says so
        return idnumber.parse(raw).number, None
    except idnumber.IdNumberError as err:
        return "", str(err)


def _month_only(cell: object) -> bool:
    """Whether a date cell gave a year and month but no day (1960.10, 1960年10月, 196010)."""
    if isinstance(cell, float):
        return not cell.is_integer()  # 1960.10 typed into a number cell
    if isinstance(cell, str):
        groups = _DIGITS.findall(clean(cell))
        return len(groups) == 2 or (len(groups) == 1 and len(groups[0]) == 6)
    return False


def _is_total(row: list[object], name_col: int) -> bool:
    for cell in (row[name_col], *row[:3]):
        if isinstance(cell, str) and cell and cell.lstrip()[:1] in "合总小共":
            if cell.replace(" ", "").replace("\u3000", "").startswith(_TOTALS):
                return True
    return False


def _total_rows(rows: list[list[object]], name_col: int) -> set[int]:
    """The rows _is_total takes for a 合计 row. Its first test is made once per distinct cell
    of the columns it looks at; only the rows holding a cell that passes it are looked at."""
    suspects: set[int] = set()
    for col in {name_col, *range(min(3, len(rows[0]) if rows else 0))}:
        cells = [r[col] for r in rows]
        starts = {c for c in set(cells) if isinstance(c, str) and c and c.lstrip()[:1] in "合总小共"}
        if starts:
            suspects.update(i for i, c in enumerate(cells) if c in starts)
    return {i for i in suspects if _is_total(rows[i], name_col)}


class _Labels(dict):
    """Column names for messages, each translated once per read (field_label translates its
    whole table on each call, and rejected rows can be thousands)."""

    def __missing__(self, name: str) -> str:
        self[name] = field_label(name)
        return self[name]

    def problem(self, name: str, message: str) -> str:
        return translate("import", "{column}: {problem}").format(column=self[name], problem=message)


# -- the plan ------------------------------------------------------------------

@dataclass
class _Roster:
    """What the checks need to know of the members already there, read once."""
    by_hash: dict[str, tuple[int, str]] = field(default_factory=dict)   # id_hash -> (id, name)
    names: dict[str, bool] = field(default_factory=dict)                 # name -> some has no ID
    records: dict[int, MemberRecord] = field(default_factory=dict)       # for updates

    @classmethod
    def load(cls, ctx, with_records: bool) -> "_Roster":
        roster = cls()
        with ctx.db.session() as s:
            for mid, name, id_hash, status in s.execute(select(Member.id, Member.name, Member.id_hash, Member.roll_status)):
                if id_hash:
                    roster.by_hash[id_hash] = (mid, name)
                if status == RollStatus.ACTIVE.value:
                    roster.names[name] = roster.names.get(name, False) or not id_hash
            if with_records and roster.by_hash:
                groups = dict(s.execute(select(PartyGroup.id, PartyGroup.name)).all())
                for m in s.scalars(select(Member).where(Member.id_hash.is_not(None))):
                    roster.records[m.id] = record_from_member(m, groups.get(m.group_id, ""))
        return roster


def _step(total: int) -> int:
    return max(1, -(-total // 100))  # at most ~100 progress calls


def read_plan(ctx, path: Path, *, on_duplicate: str = "skip", progress: Progress | None = None) -> ImportPlan:
    """Read and check a roster file; nothing is written. ``on_duplicate`` says what to do with a
    row whose ID number is already on the roster: "skip" it, or "update" that member with the
    columns the file has (the member keeps the values of the others, and of blank cells)."""
    if on_duplicate not in ("skip", "update"):
        raise ValueError(f"on_duplicate must be 'skip' or 'update', not {on_duplicate!r}")
    path = Path(path)
    _load_pinyin_meanwhile()
    table = read_table(path)
    roster = _Roster.load(ctx, with_records=on_duplicate == "update")
    mapping = table.mapping
    header = table.rows[table.header_index]
    used = set(mapping.values())
    unknown = [clean(c) for i, c in enumerate(header) if i not in used and clean(c)]
    with _collector_paused():
        rows, rejected, skipped = _check_rows(table, roster, ctx.members.secret, ctx.clock.today(), on_duplicate, progress)
    return ImportPlan(source=path, sheet=table.sheet, header_row=table.header_index + 1, columns=dict(mapping),
                      unknown_headers=unknown, rows=rows, rejected=rejected, skipped=skipped,
                      on_duplicate=on_duplicate)


def _check_rows(table: Table, roster: _Roster, secret: bytes, today: date, on_duplicate: str,
                progress: Progress | None) -> tuple[list[PlannedRow], list[RowProblem], list[RowProblem]]:
    """Every data row read, completed from its ID number and checked: the rules (validate),
    the roster and the rows above it."""
    mapping = table.mapping
    data = table.rows[table.data_start:]
    specs = [(column.field, mapping[hf], column) for hf, column in _cell_parsers().items() if hf in mapping]
    fields = [rf for rf, _, _ in specs]
    columns, bad_rows = [], set()
    for _, col, column in specs:
        values, bad = _parse_column(data, col, column)
        columns.append(values)
        bad_rows.update(bad)
    id_col = mapping.get("id_number")
    if id_col is not None:
        # A number already in its normal form (nearly every one) is _id_cell's answer as it is.
        shape = idnumber.ID_SHAPE.fullmatch
        ids = [(c, None) if c.__class__ is str and shape(c) else _id_cell(c) for c in (r[id_col] for r in data)]
    else:
        ids = [("", None)] * len(data)
    totals = _total_rows(data, mapping["name"])
    birth_col = mapping.get("birth_date")
    labels = _Labels()
    by_hash, roster_names, records = roster.by_hash, roster.names, roster.records
    first_row = table.data_start + 1

    planned: list[PlannedRow] = []
    rejected: list[RowProblem] = []
    skipped: list[RowProblem] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[str, tuple[int, bool]] = {}
    total = len(data)
    step = _step(total)

    for i, cells in enumerate(zip(*columns)):
        if progress and ((i + 1) % step == 0 or i + 1 == total):
            progress(i + 1, total)
        row_no = first_row + i
        values = {f: v for f, v in zip(fields, cells) if v is not _BLANK}
        errors = [(f, values.pop(f).message) for f, v in list(values.items()) if v.__class__ is _Bad] if i in bad_rows else []
        number, id_problem = ids[i]
        if id_problem:
            errors.insert(0, ("id_number", id_problem))  # the reason that matters most comes first
        if not values and not errors and not number:
            continue  # a blank row, or one with only a 序号 or notes in columns we do not read
        if i in totals:
            continue

        existing = None
        if number:
            values["id_number"] = number
            if by_hash:
                existing = by_hash.get(lookup_hash(secret, number))
            if existing is not None and on_duplicate == "skip":
                skipped.append(RowProblem(row_no, "id_number", translate("import", "Already on the roster as {name}; not imported").format(name=existing[1])))
                continue
            first = seen_ids.get(number)
            if first is not None:
                errors.append(("id_number", translate("import", "The same ID number as row {row}").format(row=first)))
            else:
                seen_ids[number] = row_no

            born = values.get("birth_date")
            if born is not None and born.day == 1 and number[6:12] == f"{born.year:04d}{born.month:02d}" \
                    and birth_col is not None and _month_only(data[i][birth_col]):
                # 出生年月 is kept to the month (1960.10); the ID number has the day.
                del values["birth_date"]

        base = records.get(existing[0]) if existing is not None else None
        if base is not None:
            rec = base.with_changes(**values)
        else:
            values.setdefault("name", "")
            rec = record_from_values(values)
        if number and (rec.birth_date is None or rec.gender is None):
            rec = complete_from_id(rec)
        problems = validate(rec, today)
        errors += problems.errors

        warnings = [labels.problem(f, m) for f, m in problems.warnings] if problems.warnings else []
        name = rec.name
        if name:
            has_id = bool(rec.id_number)
            if existing is None and name in roster_names and (not has_id or roster_names[name]):
                warnings.append(translate("import", "A member named {name} is already on the roster and one of the two has no ID number: check that this is not the same person").format(name=name))
            previous = seen_names.get(name)
            if previous is None:
                seen_names[name] = (row_no, has_id)
            elif not has_id or not previous[1]:
                warnings.append(translate("import", "Row {row} has the same name and one of the two rows has no ID number: check that this is not the same person").format(row=previous[0]))

        if errors:
            rejected.append(RowProblem(row_no, errors[0][0], "; ".join(labels.problem(f, m) for f, m in errors)))
        else:
            # PlannedRow(…) without the frozen dataclass's __init__ (one object.__setattr__
            # per field), as core.members.record_from_values makes a MemberRecord.
            planned_row = _new(PlannedRow)
            planned_row.__dict__.update(row=row_no, record=rec, action="create" if existing is None else "update",
                                        existing_id=existing[0] if existing is not None else None,
                                        warnings=tuple(warnings) if warnings else ())
            planned.append(planned_row)
    return planned, rejected, skipped


_new = object.__new__


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector paused while the rows are built. Building 20,000
    records set it off some 150 times, once over every object in the process (0.1 s of a
    20,000-row import); the rows make no reference cycles, so there is nothing for it to find
    until they are done. It runs again as usual afterwards (its first run after a 20,000-row
    read takes ~15 ms, within read_plan)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_pinyin_meanwhile() -> None:
    """Start loading pypinyin (0.15 s, once per session) in a thread: calamine lets go of the
    GIL while it parses the sheet, so the load costs the first import nothing; commit needs it."""
    threading.Thread(target=search.warm_up, name="branchdesk-pinyin").start()


# -- writing -------------------------------------------------------------------

def _groups_key(batch_id: int) -> str:
    # The schema has no place for the 党小组 an import created; undo needs them to remove them.
    return f"import.batch.{batch_id}.created_groups"


# The columns of a new member, in the order _MemberInserter.columns gives them.
_INSERTED = ("public_id", "name", "name_key", "gender", "ethnicity", "id_number", "id_hash", "birth_date",
             "education", "category", "joined_on", "full_member_on", "post", "phone", "address",
             "party_standing", "lost_contact", "lost_contact_on", "mobile", "mobile_destination", "group_id",
             "dues_category", "dues_base_fen", "note", "roll_status", "import_batch_id", "created_at", "updated_at")


class _Processed(dict):
    """A column's bind processing (dates to text, PersonalText sealing …) done once per
    distinct value: dates and most other columns repeat down a roster."""

    def __init__(self, process):
        super().__init__()
        self.process = process

    def __missing__(self, value):
        out = self[value] = self.process(value)
        return out


# Each enum member to the value stored for it (a dict look-up, cheaper than .value).
_STORED = {None: None} | {e: e.value for kind in (Gender, MemberCategory, PartyStanding, RollStatus, DuesCategory) for e in kind}


class _MemberInserter:
    """New members written through the driver in INSERT statements of many rows each, every
    column keeping the bind processing SQLAlchemy gives it on this dialect (dates, booleans,
    PersonalText sealing): an ORM or Core insert of 20,000 members spends most of its time in
    per-row parameter handling (measured 0.69 s against 0.26 s for the same rows).

    SQLite lets go of the GIL while it executes a statement, and keeping the member table's
    seven indexes is most of that time; meanwhile a helper thread builds the next statement's
    parameters (pinyin keys, look-up hashes, bind processing), so the two overlap: a
    20,000-member commit took 0.44 s with the two in turn, 0.30 s overlapped. A statement of
    many rows takes the GIL back once per statement; executemany takes it back after every
    row and may wait up to Python's 5 ms switch interval each time (20,000 rows took 1.6 s
    instead of 0.18 s beside a busy thread)."""

    def __init__(self, conn, secret: bytes, batch_id: int, now: datetime, group_ids: dict[str, int]):
        table = Member.__table__
        dialect = conn.dialect
        self.cursor = conn.connection.cursor()
        self.processors = {n: table.columns[n].type.dialect_impl(dialect).bind_processor(dialect) for n in _INSERTED}
        quote = dialect.identifier_preparer.quote
        self.head = "INSERT INTO {} ({}) VALUES ".format(quote(table.name), ", ".join(quote(n) for n in _INSERTED))
        self.one = "(" + ", ".join("?" * len(_INSERTED)) + ")"
        # As many rows per statement as SQLite takes parameters (32,766 in its default build).
        self.most_rows = max(1, conn.connection.dbapi_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(_INSERTED))
        self.secret = secret
        self.batch_id = batch_id
        self.now = now
        self.group_ids = group_ids
        self.keys: dict[str, str] = {}  # pinyin key of each distinct name
        # Personal columns sealed in one call per column, each value under its own nonce (as
        # PersonalText seals them: equal addresses do not become equal ciphertexts); dates as
        # ISO text, what this dialect's processor makes of a date (checked here), without a
        # call per date; the other processed columns (booleans, the timestamps) once per
        # distinct value.
        self.cipher = cipher_of(dialect)
        self.sealed = {n: table.columns[n].type.kind for n in _INSERTED if isinstance(table.columns[n].type, PersonalText)}
        probe = date(1, 2, 3), date(2026, 11, 20)
        self.iso_dates = {n for n in _INSERTED if n not in self.sealed and self.processors[n] is not None
                          and isinstance(table.columns[n].type, Date) and not isinstance(table.columns[n].type, DateTime)
                          and [self.processors[n](d) for d in probe] == [d.isoformat() for d in probe]}
        self.memos = {n: _Processed(p) for n, p in self.processors.items()
                      if p is not None and n not in self.sealed and n not in self.iso_dates}

    def _key(self, name: str) -> str:
        key = self.keys.get(name)
        if key is None:
            key = self.keys[name] = pinyin_key(name)
        return key

    def columns(self, recs: list[MemberRecord]) -> list[list[object]]:
        """The column values apply_record would give these new members, in _INSERTED order
        (a test keeps the two in step)."""
        n = len(recs)
        secret, groups, stored = self.secret, self.group_ids, _STORED
        key = self._key
        # One call for all the public ids: the same 8 random bytes each as new_public_id.
        ids = secrets.token_hex(8 * n)
        keys = [key(r.name) for r in recs]
        _yield_gil()
        hashes = lookup_hashes(secret, [r.id_number for r in recs])
        _yield_gil()
        columns = {
            "public_id": [ids[16 * i:16 * i + 16] for i in range(n)],
            "name": [r.name for r in recs],
            "name_key": keys,
            "gender": [stored[r.gender] for r in recs],
            "ethnicity": [r.ethnicity for r in recs],
            "id_number": [r.id_number or None for r in recs],
            "id_hash": hashes,
            "birth_date": [r.birth_date for r in recs],
            "education": [r.education for r in recs],
            "category": [stored[r.category] for r in recs],
            "joined_on": [r.joined_on for r in recs],
            "full_member_on": [r.full_member_on for r in recs],
            "post": [r.post for r in recs],
            "phone": [r.phone or None for r in recs],
            "address": [r.address or None for r in recs],
            "party_standing": [stored[r.party_standing] for r in recs],
            "lost_contact": [r.lost_contact for r in recs],
            "lost_contact_on": [r.lost_contact_on for r in recs],
            "mobile": [r.mobile for r in recs],
            "mobile_destination": [r.mobile_destination for r in recs],
            "group_id": [groups.get(r.group.strip()) for r in recs],
            "dues_category": [stored[r.dues_category] for r in recs],
            "dues_base_fen": [r.dues_base_fen for r in recs],
            "note": [r.note for r in recs],
            "roll_status": [stored[r.roll_status] for r in recs],
            "import_batch_id": [self.batch_id] * n,
            "created_at": [self.now] * n,
            "updated_at": [self.now] * n,
        }
        for name, kind in self.sealed.items():
            values = columns[name]
            present = [i for i, v in enumerate(values) if v]
            for i, sealed in zip(present, self.cipher.seal_texts([values[i] for i in present], kind)):
                values[i] = sealed
            _yield_gil()
        for name in self.iso_dates:
            columns[name] = [v.isoformat() if v.__class__ is date else self.processors[name](v) for v in columns[name]]
        for name, memo in self.memos.items():
            columns[name] = [memo[v] for v in columns[name]]
        _yield_gil()
        return [columns[name] for name in _INSERTED]

    def _parameters(self, recs: list[MemberRecord]) -> list[object]:
        return list(itertools.chain.from_iterable(zip(*self.columns(recs))))

    def insert(self, recs: list[MemberRecord], rows_per_statement: int, done: Callable[[int], None]) -> None:
        """Insert the records in order, ``rows_per_statement`` at a time; ``done(n)`` after each
        statement. The helper builds one statement ahead; on any failure it is waited for, so
        that nothing else uses the connection once the transaction rolls back."""
        per = max(1, min(rows_per_statement, self.most_rows))
        parts = [recs[start:start + per] for start in range(0, len(recs), per)]
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="branchdesk-import-rows") as helper:
            upcoming = helper.submit(self._parameters, parts[0])
            for k, part in enumerate(parts):
                parameters = upcoming.result()
                if k + 1 < len(parts):
                    upcoming = helper.submit(self._parameters, parts[k + 1])
                self.cursor.execute(self.head + ", ".join([self.one] * len(part)), parameters)
                done(len(part))


def _yield_gil() -> None:
    # Between two columns the helper lets the inserting thread take the GIL back as soon as
    # SQLite has finished a statement, instead of after Python's 5 ms switch interval.
    time.sleep(0)


def _add_groups(s, names: list[str]) -> dict[str, int]:
    """Create these 党小组 (new names, in order of first appearance) as group_id_for would,
    each after the last, in one statement."""
    position = s.scalar(select(PartyGroup.position).order_by(PartyGroup.position.desc()).limit(1)) or 0
    s.execute(insert(PartyGroup), [{"name": name, "position": position + n} for n, name in enumerate(names, 1)])
    return dict(s.execute(select(PartyGroup.name, PartyGroup.id).where(PartyGroup.name.in_(names))).all())


def _snapshot(m: Member) -> str:
    values = {}
    for name in _RESTORED:
        v = getattr(m, name)
        values[name] = v.isoformat() if isinstance(v, (date, datetime)) else v
    return json.dumps(values, ensure_ascii=False)


def _restore(m: Member, before: str, group_ids: set[int]) -> None:
    columns = Member.__table__.columns
    for name, v in json.loads(before).items():
        if v is not None and isinstance(columns[name].type, DateTime):
            v = datetime.fromisoformat(v)
        elif v is not None and isinstance(columns[name].type, Date):
            v = date.fromisoformat(v)
        if name == "group_id" and v not in group_ids:
            v = None  # the group was deleted since
        setattr(m, name, v)


def commit(ctx, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
    """Write a plan in one transaction: all of it, or (on any failure) nothing."""
    if not plan.rows:
        raise ActionRefused(translate("import", "There are no rows to import"))
    now = ctx.clock.now()
    secret = ctx.members.secret
    creates = [p.record for p in plan.rows if p.action == "create"]
    updates = [p for p in plan.rows if p.action == "update"]
    total = len(plan.rows)
    step = _step(total)
    done = 0
    try:
        with ctx.db.session.begin() as s:
            batch = ImportBatch(source_name=plan.source.name[:255], imported_at=now,
                                created_count=len(creates), updated_count=len(updates))
            s.add(batch)
            s.flush()
            known = dict(s.execute(select(PartyGroup.name, PartyGroup.id)).all())
            wanted = [name for name in dict.fromkeys(p.record.group.strip() for p in plan.rows) if name and name not in known]
            new_groups = []
            if wanted:
                created = _add_groups(s, wanted)
                known |= created
                new_groups = [created[name] for name in wanted]
            if creates:
                inserter = _MemberInserter(s.connection(), secret, batch.id, now, known)
                def inserted(n: int) -> None:
                    nonlocal done
                    done += n
                    if progress:
                        progress(done, total)
                with _collector_paused():
                    # Statements of ~1,000 rows: few hand-overs of the GIL, yet progress
                    # about twenty times in a large import and every 500 rows in a small one.
                    inserter.insert(creates, max(500, total // 20), inserted)
            if updates:
                ids = [p.existing_id for p in updates]
                members = {}
                for start in range(0, len(ids), 500):
                    members.update((m.id, m) for m in s.scalars(select(Member).where(Member.id.in_(ids[start:start + 500]))))
                for p in updates:
                    m = members.get(p.existing_id)
                    if m is None:
                        raise _changed_since()
                    s.add(ImportUpdate(batch_id=batch.id, member_id=m.id, before=_snapshot(m)))
                    apply_record(s, m, p.record, secret, now)
                    done += 1
                    if progress and (done % step == 0 or done == total):
                        progress(done, total)
            if new_groups:
                s.add(Setting(key=_groups_key(batch.id), value=json.dumps(new_groups)))
            batch_id = batch.id
    except (IntegrityError, sqlite3.IntegrityError) as err:  # the driver's own, from _MemberInserter
        raise _changed_since() from err
    log.info("import batch %s: %d created, %d updated", batch_id, len(creates), len(updates))
    return ImportResult(batch_id, len(creates), len(updates))


def _changed_since() -> ImportFailed:
    return ImportFailed(translate("import", "The roster changed after the file was read; read the file again"))


def last_batch(ctx) -> BatchInfo | None:
    """The newest import that has not been undone."""
    with ctx.db.session() as s:
        b = s.scalars(select(ImportBatch).where(ImportBatch.undone_at.is_(None))
                      .order_by(ImportBatch.id.desc()).limit(1)).first()
        if b is None:
            return None
        return BatchInfo(b.id, b.source_name, b.imported_at, b.created_count, b.updated_count)


def undo_last(ctx) -> UndoResult:
    """Take back the newest import: remove the members it created and put back the values
    of those it updated. Refused when any of them was changed after the import, since
    undoing would silently throw that work away."""
    now = ctx.clock.now()
    with ctx.db.session.begin() as s:
        batch = s.scalars(select(ImportBatch).where(ImportBatch.undone_at.is_(None))
                          .order_by(ImportBatch.id.desc()).limit(1)).first()
        if batch is None:
            raise ActionRefused(translate("import", "There is no import to undo"))
        updated = select(ImportUpdate.member_id).where(ImportUpdate.batch_id == batch.id)
        changed = list(s.scalars(select(Member.name).where(
            or_(Member.import_batch_id == batch.id, Member.id.in_(updated)),
            Member.updated_at > batch.imported_at).order_by(Member.id)))
        if changed:
            names = "、".join(changed[:5])
            if len(changed) > 5:
                names = translate("import", "{names} and {n} more").format(names=names, n=len(changed) - 5)
            raise ActionRefused(translate("import", "The import of {source} can no longer be undone: {names} changed after it").format(
                source=batch.source_name, names=names))
        group_ids = set(s.scalars(select(PartyGroup.id)))
        restored = 0
        for u in list(s.scalars(select(ImportUpdate).where(ImportUpdate.batch_id == batch.id))):
            m = s.get(Member, u.member_id)
            if m is not None:
                _restore(m, u.before, group_ids)
                restored += 1
        s.execute(delete(ImportUpdate).where(ImportUpdate.batch_id == batch.id))
        try:
            removed = s.execute(delete(Member).where(Member.import_batch_id == batch.id)).rowcount
            s.flush()
        except IntegrityError as err:
            raise ActionRefused(translate("import", "The import of {source} can no longer be undone: its members already have other records").format(
                source=batch.source_name)) from err
        setting = s.get(Setting, _groups_key(batch.id))
        if setting is not None:
            created_groups = json.loads(setting.value)
            in_use = set(s.scalars(select(Member.group_id).where(Member.group_id.in_(created_groups))))
            s.execute(delete(PartyGroup).where(PartyGroup.id.in_([g for g in created_groups if g not in in_use])))
            s.delete(setting)
        batch.undone_at = now
        source = batch.source_name
        # Members removed for good: on record (the file's name stays out of the audit log).
        from db import audit
        audit.append(s, ctx.db.keys, "undo_import", f"import:{batch.id}",
                     {"batch_id": batch.id, "removed": removed, "restored": restored}, now)
    log.info("import batch undone: %d removed, %d restored", removed, restored)
    return UndoResult(source, removed, restored)
