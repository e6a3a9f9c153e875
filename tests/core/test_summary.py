"""The summary packet (core.summary, DOMAIN §6): round trips, refuses what the schema does not
list, has no room for personal data, and its JSON Schema says the same as its reader."""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import summary
from core.summary import PacketError, from_json
from tests.helpers.sync_server import packet


def test_a_packet_round_trips_byte_for_byte():
    p = packet("B001", 3)
    text = p.to_json()
    assert from_json(text) == p
    assert from_json(text).to_json() == text
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


def test_every_string_in_a_packet_is_an_identifier_or_has_a_fixed_form():
    """No free text: a name, a phone or an address has nowhere to go (DOMAIN §6)."""
    shapes = [summary.UUID4, summary.BRANCH_CODE, summary.PERIOD, summary.UTC_TIME]
    for text in strings_in(json.loads(packet("B001", 1).to_json())):
        assert re.fullmatch(r"[a-z_]+", text) or any(re.fullmatch(s, text) for s in shapes), text


@pytest.mark.parametrize("change,where", [
    (lambda d: d | {"secretary": "王书记"}, "unknown field"),
    (lambda d: d | {"headcount": d["headcount"] | {"names": ["张三"]}}, "unknown field"),
    (lambda d: d | {"branch": "第一党支部"}, "branch"),
    (lambda d: d | {"branch": "B001\n"}, "branch"),
    (lambda d: d | {"period": "2026-13"}, "period"),
    (lambda d: d | {"created_at": "2026-11-20 01:00:00"}, "created_at"),
    (lambda d: d | {"packet_id": "not-a-uuid"}, "packet_id"),
    (lambda d: d | {"seq": True}, "seq"),
    (lambda d: d | {"seq": 1.5}, "seq"),
    (lambda d: d | {"kind": "weekly"}, "kind"),
    (lambda d: d | {"headcount": d["headcount"] | {"total": -1}}, "headcount.total"),
    (lambda d: d | {"headcount": d["headcount"] | {"by_dues_category": {"vip": 1}}}, "by_dues_category"),
    (lambda d: d | {"meetings": d["meetings"] + d["meetings"][:1]}, "twice"),
    (lambda d: d | {"attendance": d["attendance"] | {"present": 0}}, "add up"),
    (lambda d: {k: v for k, v in d.items() if k != "headcount"}, "headcount: missing"),
    (lambda d: d | {"votes": [{"kind": "election", "eligible": 5, "present": 5, "cast": 5, "yes": 3, "no": 1,
                               "abstain": 1, "invalid": 0, "passed": True, "ballots": [1, 0, 1]}]}, "ballots"),
    (lambda d: d | {"schema": 2}, "newer"),
])
def test_what_the_schema_does_not_allow_is_refused(change, where):
    data = change(json.loads(packet("B001", 1).to_json()))
    with pytest.raises(PacketError) as err:
        from_json(json.dumps(data, ensure_ascii=False))
    assert where in str(err.value)


def test_votes_travel_as_counts():
    data = json.loads(packet("B001", 1).to_json())
    data["votes"] = [{"kind": "conversion", "eligible": 20, "present": 18, "cast": 18, "yes": 17, "no": 1,
                      "abstain": 0, "invalid": 0, "passed": True}]
    data["appraisal"] = {"excellent": 5, "qualified": 12, "basic": 1}
    p = from_json(json.dumps(data))
    assert p.votes[0].yes == 17 and p.appraisal["excellent"] == 5


def test_not_json_not_utf8_or_too_large_is_refused():
    for bad in (b"{", b"\xff\xfe{\x00}\x00", "{}".encode("utf-16"), b"[]", b"null", b"1" * (summary.MAX_PACKET_BYTES + 1)):
        with pytest.raises(PacketError):
            from_json(bad)


@settings(max_examples=300)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=20))
def test_any_json_is_a_packet_or_a_packet_error_never_another_exception(value):
    try:
        from_json(json.dumps(value))
    except PacketError:
        pass


def test_the_json_schema_describes_what_the_reader_accepts():
    schema = summary.json_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"packet_id", "branch", "seq", "kind", "period", "created_at",
                                       "headcount", "changes", "pipeline", "attendance"}
    assert schema["properties"]["kind"]["enum"] == ["month", "snapshot"]
    assert set(schema["properties"]["headcount"]["properties"]["by_dues_category"]["properties"]) >= {"retired", "in_service"}
    assert schema["properties"]["dues"]["anyOf"][1] == {"type": "null"}
    # The packet's own JSON has exactly the top-level fields the schema lists.
    assert set(json.loads(packet("B001", 1).to_json())) == set(schema["properties"])
