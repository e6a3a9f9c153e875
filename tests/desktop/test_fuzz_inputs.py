"""Fuzzing what reaches the desktop from outside (issue 8): roster and payroll files, and the
phone's ballot. Random bytes and valid files bent (bytes flipped, cut, spliced; the sheet's XML
bent and zipped again) are read into a table, or refused with ImportFailed — never another
exception, never a hang (the deadline), never a crash of the process (calamine aborts when
asked for too much memory: sheet_guard stands before it).

    BRANCHDESK_FUZZ_EXAMPLES=20000 pytest tests/desktop/test_fuzz_inputs.py   # a long run
"""
from __future__ import annotations

import io
import itertools
import os
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st

from core import ballot_codes
from core.votes import AppraisalBallot, DecisionBallot, ElectionBallot, Mark, PollKind, Rating
from desktop.lan.vote_routes import BadBallot, read_ballot
from desktop.services import sheet_reader
from desktop.services.sheet_reader import ImportFailed

EXAMPLES = int(os.environ.get("BRANCHDESK_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=3000,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
SEEDS = {name: (CORPUS / name).read_bytes() for name in (
    "valid_minimal.xlsx", "valid_openpyxl.xlsx", "lo_roster.xlsx", "lo_weird.xlsx", "valid_xlwt.xls", "lo_roster.xls",
    "lo_roster.ods", "valid_gbk.csv", "valid_utf16.csv", "formula_injection.csv")}
_counter = itertools.count()


def _read(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"f{next(_counter)}{suffix}"
    path.write_bytes(data)
    try:
        table = sheet_reader.read_table(path)
    except ImportFailed as err:
        assert str(err).strip()
    else:
        assert table.rows and "name" in table.mapping
    finally:
        path.unlink()


def mutate(data: bytes, ops: list[tuple[int, int, int, bytes]]) -> bytes:
    buf = bytearray(data)
    for kind, at, length, extra in ops:
        if not buf:
            break
        at %= len(buf)
        if kind == 0:    # flip bits of one byte
            buf[at] ^= length % 255 + 1
        elif kind == 1:  # cut the file short
            del buf[at:]
        elif kind == 2:  # splice bytes in
            buf[at:at] = extra
        elif kind == 3:  # overwrite
            buf[at:at + len(extra)] = extra
        else:            # repeat a stretch (a chunk copied twice)
            buf[at:at] = buf[at:at + length]
    return bytes(buf)


ops = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 2**31), st.integers(0, 4096), st.binary(max_size=16)), min_size=1, max_size=6)
suffixes = st.sampled_from([".xlsx", ".xls", ".ods", ".csv"])


@FUZZ
@given(st.binary(max_size=4096), suffixes)
@example(b"PK\x03\x04", ".xlsx")
@example(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".xls")
def test_random_bytes_are_read_or_refused(tmp_path, data, suffix):
    _read(tmp_path, data, suffix)


@FUZZ
@given(st.sampled_from(sorted(SEEDS)), ops, st.booleans())
def test_bent_files_are_read_or_refused(tmp_path, seed, changes, keep_suffix):
    suffix = Path(seed).suffix if keep_suffix else ".xlsx"
    _read(tmp_path, mutate(SEEDS[seed], changes), suffix)


XML_SEEDS = {name: data for name, data in SEEDS.items() if name.endswith((".xlsx", ".ods"))}
xml_bits = st.sampled_from([b"<", b">", b"/", b'"', b"&", b"&amp;", b"&#0;", b"&#x10FFFF;", b"<![CDATA[", b"]]>", b"<!--", b"<?x?>",
                            b' r="XFD1048576"', b' r="A99999"', b' r="ZZZ1"', b" t=\"s\"", b"<v>1e308</v>", b"<v>99999999999</v>",
                            b"<row>", b"</row>", b"<c>", b"<c/>", b' table:number-columns-repeated="99"', b' table:number-rows-repeated="70000"',
                            b"<!DOCTYPE x>", b"\xff\xfe", b"\xe5\xa7\x93"])
xml_ops = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 2**31), st.integers(0, 512), xml_bits), min_size=1, max_size=8)


@FUZZ
@given(st.sampled_from(sorted(XML_SEEDS)), st.data(), xml_ops)
def test_bent_sheet_xml_is_read_or_refused(tmp_path, seed, data, changes):
    """Bent inside the zip, so that the XML parser (not the zip's checksum) meets the damage."""
    src = zipfile.ZipFile(io.BytesIO(XML_SEEDS[seed]))
    parts = [i.filename for i in src.infolist() if i.filename.endswith(".xml")]
    target = data.draw(st.sampled_from(parts))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            z.writestr(info.filename, mutate(body, changes) if info.filename == target else body)
    _read(tmp_path, out.getvalue(), Path(seed).suffix)


# -- the phone's ballot (desktop/lan/vote_routes.py) -------------------------------------------------

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=25),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=12)
names = st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=5, unique=True)


def phone_ballot(kind: PollKind, candidates: list[str]):
    marks = st.sampled_from([m.value for m in Mark])
    if kind is PollKind.DECISION:
        return st.fixed_dictionaries({"vote": st.none() | marks})
    if kind is PollKind.APPRAISAL:
        return st.fixed_dictionaries({"ratings": st.dictionaries(st.sampled_from(candidates), st.sampled_from([r.value for r in Rating]))})
    return st.fixed_dictionaries({"marks": st.dictionaries(st.sampled_from(candidates), marks),
                                  "write_ins": st.dictionaries(st.sampled_from(candidates), st.text(max_size=22))})


@FUZZ
@given(st.sampled_from(list(PollKind)), names, st.one_of(json_values, st.dictionaries(
    st.sampled_from(["vote", "ratings", "marks", "write_ins"]), json_values, max_size=3)))
def test_a_phone_ballot_is_read_or_refused(kind, candidates, data):
    try:
        ballot = read_ballot(kind, candidates, data)
    except (BadBallot, ValueError, TypeError):  # what the route catches and answers with 400
        return
    assert isinstance(ballot, (ElectionBallot, DecisionBallot, AppraisalBallot))


@FUZZ
@given(st.data(), st.sampled_from(list(PollKind)), names)
def test_a_ballot_the_phone_sends_is_stored_and_read_back(data, kind, candidates):
    try:
        ballot = read_ballot(kind, candidates, data.draw(phone_ballot(kind, candidates)))
    except BadBallot:
        return  # a write-in beside anything but 不赞成, or too long: the page never sends it
    size = ballot_codes.choice_size(kind, len(candidates))
    try:
        text = ballot_codes.encode(kind, ballot, candidates, size)
    except ballot_codes.ChoiceError:
        return
    assert len(text) == size
    assert ballot_codes.decode(kind, text, candidates) == ballot


