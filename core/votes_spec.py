"""The recount file of ``branchdesk votes tally SPEC.json`` (issue 6): read strictly, tallied by
core.votes, answered as JSON.

    {"kind": "election" | "decision",
     "seats": 3,                                   (election only)
     "candidates": ["张三", "李四", …],             (a decision: exactly one, its subject)
     "due": 30, "present": 26, "issued": 26,
     "ballots": [{"marks": {"张三": "for", "李四": "against"}, "write_ins": ["孙七"]}, …]
                (election: a candidate left out is 弃权; decision: {"vote": "for" | "against" | "abstain"};
                 either: {"invalid": true} for a ballot the tellers could not make out)
     "written_opinions": {"for": 1, "against": 0, "abstain": 0}}   (decision only, optional)

Anything else is refused with a message that names the place in the file (``ballots[3].marks``):
unknown or misspelt keys, wrong types (a count written as "30" or 30.0, true for 1), negative
counts, present > due, issued > present, a candidate listed twice, marks for someone not on the
ballot, a decision with more than one subject, written opinions that together with those present
exceed those due. More ballots than issued is *not* an error of the file: it voids the vote.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.i18n import translate
from core.votes import (DecisionBallot, DecisionResult, ElectionBallot, ElectionResult, Mark, PollKind, WrittenOpinions,
                        tally_decision, tally_election)

_TOP = {
    PollKind.ELECTION: {"kind", "seats", "candidates", "due", "present", "issued", "ballots"},
    PollKind.DECISION: {"kind", "candidates", "due", "present", "issued", "ballots", "written_opinions"},
}
_REQUIRED = {"kind", "candidates", "due", "present", "issued", "ballots"}
MAX_NAME = 40


class SpecError(ValueError):
    """The file is not a recount file; ``str(err)`` says where and why, in the user's language."""


@dataclass(frozen=True)
class Spec:
    kind: PollKind
    candidates: tuple[str, ...]
    due: int
    present: int
    issued: int
    seats: int = 0
    election_ballots: tuple[ElectionBallot, ...] = ()
    decision_ballots: tuple[DecisionBallot, ...] = ()
    written: WrittenOpinions = WrittenOpinions()


def _fail(where: str, message: str) -> SpecError:
    return SpecError(translate("votes_spec", "{where}: {problem}").format(where=where, problem=message))


def _count(data: dict, key: str, where: str | None = None) -> int:
    where = where or key
    value = data[key]
    # bool is an int in Python: true is not a count.
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(where, translate("votes_spec", "must be a whole number, not {value}").format(value=_show(value)))
    if value < 0:
        raise _fail(where, translate("votes_spec", "cannot be negative"))
    return value


def _show(value: Any) -> str:
    import json
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def _keys(data: Any, allowed: set[str], where: str, required: set[str] = frozenset()) -> dict:
    if not isinstance(data, dict):
        raise _fail(where, translate("votes_spec", "must be an object {{…}}, not {value}").format(value=_show(data)))
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise _fail(where, translate("votes_spec", "unknown key “{key}”; the keys allowed here are: {allowed}").format(
            key=unknown[0], allowed=", ".join(sorted(allowed))))
    missing = sorted(required - set(data))
    if missing:
        raise _fail(where, translate("votes_spec", "the key “{key}” is missing").format(key=missing[0]))
    return data


def _name(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, translate("votes_spec", "must be a name (text), not {value}").format(value=_show(value)))
    if len(value.strip()) > MAX_NAME:
        raise _fail(where, translate("votes_spec", "a name is at most {n} characters").format(n=MAX_NAME))
    return value.strip()


def _mark(value: Any, where: str) -> Mark:
    try:
        return Mark(value)
    except (ValueError, TypeError):
        raise _fail(where, translate("votes_spec", "must be \"for\", \"against\" or \"abstain\", not {value}").format(
            value=_show(value))) from None


def _invalid_flag(ballot: dict, where: str) -> bool:
    if "invalid" not in ballot:
        return False
    if ballot["invalid"] is not True or len(ballot) != 1:
        raise _fail(where, translate("votes_spec", "an invalid ballot is written {{\"invalid\": true}} and nothing else"))
    return True


def parse_spec(data: Any) -> Spec:
    """Check a decoded recount file; raises SpecError with the first problem found."""
    if not isinstance(data, dict):
        raise _fail(translate("votes_spec", "the file"), translate("votes_spec", "must hold one JSON object {{…}}"))
    if "kind" not in data:
        raise _fail("kind", translate("votes_spec", "the key “kind” is missing (\"election\" or \"decision\")"))
    try:
        kind = PollKind(data["kind"])
        if kind is PollKind.APPRAISAL:
            raise ValueError
    except (ValueError, TypeError):
        raise _fail("kind", translate("votes_spec", "must be \"election\" or \"decision\", not {value}").format(
            value=_show(data["kind"]))) from None
    _keys(data, _TOP[kind], translate("votes_spec", "the file"),
          _REQUIRED | ({"seats"} if kind is PollKind.ELECTION else set()))

    due, present, issued = _count(data, "due"), _count(data, "present"), _count(data, "issued")
    if due == 0:
        raise _fail("due", translate("votes_spec", "no one is due to vote"))
    if present > due:
        raise _fail("present", translate("votes_spec", "{present} present is more than the {due} due").format(present=present, due=due))
    if issued > present:
        raise _fail("issued", translate("votes_spec", "{issued} ballots issued is more than the {present} present").format(
            issued=issued, present=present))

    raw = data["candidates"]
    if not isinstance(raw, list):
        raise _fail("candidates", translate("votes_spec", "must be a list of names [\"…\", …]"))
    candidates = tuple(_name(v, f"candidates[{i}]") for i, v in enumerate(raw))
    seen: set[str] = set()
    for i, name in enumerate(candidates):
        if name in seen:
            raise _fail(f"candidates[{i}]", translate("votes_spec", "“{name}” is listed twice").format(name=name))
        seen.add(name)
    if kind is PollKind.DECISION and len(candidates) != 1:
        raise _fail("candidates", translate("votes_spec", "a decision is on one subject at a time: give exactly one, not {n}").format(
            n=len(candidates)))
    if not candidates:
        raise _fail("candidates", translate("votes_spec", "there are no candidates"))

    ballots = data["ballots"]
    if not isinstance(ballots, list):
        raise _fail("ballots", translate("votes_spec", "must be a list of ballots [{{…}}, …]"))

    if kind is PollKind.ELECTION:
        seats = _count(data, "seats")
        if seats == 0:
            raise _fail("seats", translate("votes_spec", "an election has at least one seat"))
        read = tuple(_election_ballot(b, f"ballots[{i}]", seen) for i, b in enumerate(ballots))
        return Spec(kind, candidates, due, present, issued, seats=seats, election_ballots=read)

    read_d = tuple(_decision_ballot(b, f"ballots[{i}]") for i, b in enumerate(ballots))
    written = WrittenOpinions()
    if "written_opinions" in data:
        w = _keys(data["written_opinions"], {"for", "against", "abstain"}, "written_opinions")
        written = WrittenOpinions(*(_count(w, k, f"written_opinions.{k}") if k in w else 0 for k in ("for", "against", "abstain")))
        if present + written.total > due:
            raise _fail("written_opinions", translate("votes_spec", "written opinions come from absent members who are due: {present} present and {written} written is more than the {due} due").format(
                present=present, written=written.total, due=due))
    return Spec(kind, candidates, due, present, issued, decision_ballots=read_d, written=written)


def _election_ballot(ballot: Any, where: str, candidates: set[str]) -> ElectionBallot:
    _keys(ballot, {"marks", "write_ins", "invalid"}, where)
    if _invalid_flag(ballot, where):
        return ElectionBallot(unreadable=True)
    marks_raw = ballot.get("marks", {})
    if not isinstance(marks_raw, dict):
        raise _fail(f"{where}.marks", translate("votes_spec", "must be an object {{…}}, not {value}").format(value=_show(marks_raw)))
    marks: dict[str, Mark] = {}
    for name, value in marks_raw.items():
        key = name.strip()
        if key not in candidates:
            raise _fail(f"{where}.marks", translate("votes_spec", "“{name}” is not a candidate on this ballot").format(name=name))
        if key in marks:
            raise _fail(f"{where}.marks", translate("votes_spec", "“{name}” is marked twice").format(name=key))
        marks[key] = _mark(value, f"{where}.marks.{key}")
    write_ins_raw = ballot.get("write_ins", [])
    if not isinstance(write_ins_raw, list):
        raise _fail(f"{where}.write_ins", translate("votes_spec", "must be a list of names [\"…\", …]"))
    write_ins = tuple(_name(v, f"{where}.write_ins[{j}]") for j, v in enumerate(write_ins_raw))
    return ElectionBallot(marks, write_ins)


def _decision_ballot(ballot: Any, where: str) -> DecisionBallot:
    _keys(ballot, {"vote", "invalid"}, where)
    if _invalid_flag(ballot, where):
        return DecisionBallot(unreadable=True)
    if "vote" not in ballot:
        raise _fail(where, translate("votes_spec", "the key “vote” is missing (\"for\", \"against\" or \"abstain\")"))
    return DecisionBallot(_mark(ballot["vote"], f"{where}.vote"))


def tally(spec: Spec) -> ElectionResult | DecisionResult:
    if spec.kind is PollKind.ELECTION:
        return tally_election(seats=spec.seats, candidates=spec.candidates, due=spec.due, present=spec.present,
                              issued=spec.issued, ballots=spec.election_ballots)
    return tally_decision(subject=spec.candidates[0], due=spec.due, present=spec.present, issued=spec.issued,
                          ballots=spec.decision_ballots, written=spec.written)


def result_json(result: ElectionResult | DecisionResult) -> dict:
    """The answer of ``--json`` (the issue's shape; "vacancies", "further_round", "revote_seats",
    "needed" and, for a decision, "written_opinions" are added)."""
    if isinstance(result, ElectionResult):
        return {
            "quorum_met": result.quorum_met, "void": result.void,
            "valid_ballots": result.valid_ballots, "invalid_ballots": result.invalid_ballots,
            "results": [{"name": c.name, "for": c.votes_for, "against": c.votes_against, "abstain": c.abstain,
                         "elected": c.elected, "written_in": c.written_in} for c in result.candidates],
            "passed": None, "tie": list(result.tie),
            "revote_seats": result.revote_seats, "vacancies": result.vacancies,
            "further_round": list(result.further_round), "needed": result.needed,
        }
    return {
        "quorum_met": result.quorum_met, "void": result.void,
        "valid_ballots": result.valid_ballots, "invalid_ballots": result.invalid_ballots,
        "results": [{"name": result.subject, "for": result.votes_for, "against": result.votes_against,
                     "abstain": result.abstain, "elected": None}],
        "passed": result.passed, "tie": [],
        "needed": result.needed,
        "written_opinions": {"for": result.written.votes_for, "against": result.written.votes_against,
                             "abstain": result.written.abstain},
    }


def result_text(result: ElectionResult | DecisionResult) -> list[str]:
    """The same answer as lines for a person."""
    lines = []
    if not result.quorum_met:
        lines.append(translate("votes_spec", "Quorum NOT met: {present} present of {due} due").format(present=result.present, due=result.due))
    else:
        lines.append(translate("votes_spec", "Quorum met: {present} present of {due} due").format(present=result.present, due=result.due))
    if result.void:
        lines.append(translate("votes_spec", "VOID: {collected} ballots collected but only {issued} issued; the vote must be held again").format(
            collected=result.collected, issued=result.issued))
    lines.append(translate("votes_spec", "Ballots: {valid} valid, {invalid} invalid").format(
        valid=result.valid_ballots, invalid=result.invalid_ballots))
    if isinstance(result, ElectionResult):
        for c in result.candidates:
            state = ""
            if c.elected:
                state = translate("votes_spec", "elected")
            elif c.tied:
                state = translate("votes_spec", "tied: re-vote")
            lines.append(translate("votes_spec", "{name}: for {for_} · against {against} · abstain {abstain}  {state}").format(
                name=c.name, for_=c.votes_for, against=c.votes_against, abstain=c.abstain, state=state).rstrip())
        if result.tie:
            lines.append(translate("votes_spec", "Re-vote among {names} for {seats} seats").format(
                names="、".join(result.tie), seats=result.revote_seats))
        if result.vacancies:
            lines.append(translate("votes_spec", "{n} seats not filled: a further round among {names}").format(
                n=result.vacancies, names="、".join(result.further_round) or "—"))
    else:
        lines.append(translate("votes_spec", "{name}: for {for_} · against {against} · abstain {abstain}").format(
            name=result.subject, for_=result.votes_for, against=result.votes_against, abstain=result.abstain))
        lines.append(translate("votes_spec", "Passed") if result.passed else translate("votes_spec", "Not passed"))
    return lines
