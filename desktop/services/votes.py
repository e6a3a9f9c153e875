"""Vote use cases: setting up a poll (candidates in 姓氏笔画 order, who votes, who is excluded with
approval, who is present), opening it once the quorum is there, handing out ballots, counting,
closing with the result kept, and the follow-up round for a tie or vacancies. Qt-free; views get
plain dataclasses. The rules are core/votes.py; the ballots themselves only ever pass through
desktop/services/ballot_box.py.

A poll moves draft → open → closed. In draft the secretary sets it up and calls the roll; it
opens only with the quorum (elections > 4/5 of due, decisions > 1/2; a 民主评议 has none); while
open, members who receive a ballot or draw a code slip are recorded (receiving one marks them
present), ballots come from the booth, phones and the paper count; closing counts them by the
rules, keeps the result with the poll (and so with its meeting), and removes the empty places.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from core import ballot_codes
from core.clock import Clock
from core.i18n import translate
from core.members import RollStatus
from core.strokes import by_surname_strokes, sort_by_surname_strokes
from core.votes import (AppraisalResult, DecisionResult, DecisionSubject, ElectionResult, Exclusion, NoVote, PollKind,
                        WrittenOpinions, competitive_shortfall, no_vote_reason, quorum, quorum_minimum, tally_appraisal,
                        tally_decision, tally_election)
from db.engine import Database
from db.models import Ballot, BallotReceived, Branch, Meeting, Member, OneTimeCode, PartyGroup, Poll, PollCandidate, PollVoter
from desktop.services.ballot_box import BallotBox, Cast
from desktop.services.errors import KnownError

log = logging.getLogger(__name__)

WAYS = ("paper", "booth", "phone")
VOTER, NO_VOTE, EXCLUDED = "voter", "no_vote", "excluded"


class VoteRefused(KnownError):
    """A request the rules or the poll's state do not allow; ``str(err)`` says why."""


@dataclass(frozen=True)
class PollSetup:
    kind: PollKind
    title: str
    candidates: tuple[str, ...] = ()        # elections; a decision's one subject; ignored for 民主评议
    seats: int = 0
    committee: bool = False
    subject: DecisionSubject | None = None
    ways: tuple[str, ...] = ("paper",)
    meeting_id: int | None = None
    parent_id: int | None = None
    round: int = 1
    runoff: bool = False                    # a re-vote among the tied: the most votes elect


@dataclass(frozen=True)
class Counts:
    due: int
    present: int
    issued: int
    collected: int
    no_vote: int = 0
    excluded: int = 0


@dataclass(frozen=True)
class PollRow:
    id: int
    kind: PollKind
    title: str
    state: str
    round: int
    meeting_id: int | None
    meeting_title: str
    created_at: datetime
    closed_at: datetime | None
    outcome: str


@dataclass(frozen=True)
class PollDetail:
    id: int
    kind: PollKind
    title: str
    state: str
    subject: DecisionSubject | None
    seats: int
    committee: bool
    ways: tuple[str, ...]
    candidates: tuple[str, ...]
    meeting_id: int | None
    meeting_title: str
    round: int
    parent_id: int | None
    runoff: bool
    written: WrittenOpinions
    scrutineers: str
    tellers: str
    choice_size: int
    opened_at: datetime | None
    closed_at: datetime | None
    branch: str


@dataclass(frozen=True)
class VoterRow:
    member_id: int
    name: str
    group: str
    category: str
    status: str              # voter | no_vote | excluded
    reason: str              # NoVote or Exclusion value
    note: str
    present: bool
    received: bool


def state_label(state: str) -> str:
    return {"draft": translate("votes", "Being set up"), "open": translate("votes", "Voting"),
            "closed": translate("votes", "Closed")}.get(state, state)


def way_label(way: str) -> str:
    return {"paper": translate("votes", "Paper ballots"), "booth": translate("votes", "Booth on this PC"),
            "phone": translate("votes", "Phones")}[way]


def cast_text(cast: Cast) -> str:
    return {
        Cast.ACCEPTED: translate("votes", "Your vote has been recorded."),
        Cast.UNKNOWN_CODE: translate("votes", "This code is not valid for this vote. Check the digits on your slip."),
        Cast.USED_CODE: translate("votes", "This code has already been used."),
        Cast.NOT_OPEN: translate("votes", "Voting is not open."),
        Cast.DUPLICATE: translate("votes", "This ballot has already been counted."),
        Cast.FORGED: translate("votes", "This is not a ballot printed for this branch."),
        Cast.WRONG_POLL: translate("votes", "This ballot belongs to another vote."),
    }[cast]


class VoteService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock
        with db.session() as s:
            self.secret = s.get(Branch, 1).secret
        self.box = BallotBox(db, self.secret)

    # -- setting up ---------------------------------------------------------------------------
    def create(self, setup: PollSetup) -> int:
        title = setup.title.strip()
        if not title:
            raise VoteRefused(translate("votes", "The vote needs a title"))
        ways = tuple(w for w in WAYS if w in setup.ways)
        if not ways:
            raise VoteRefused(translate("votes", "Choose at least one way of voting"))
        now = self.clock.now()
        with self.db.session.begin() as s:
            if setup.meeting_id is not None and s.get(Meeting, setup.meeting_id) is None:
                raise VoteRefused(translate("meetings", "That meeting no longer exists"))
            members = s.execute(select(Member.id, Member.name, Member.category, Member.party_standing)
                                .where(Member.roll_status == RollStatus.ACTIVE.value)).all()
            names = self._candidates(setup, members)
            poll = Poll(kind=setup.kind.value, title=title[:200], meeting_id=setup.meeting_id,
                        subject=setup.subject.value if setup.subject else "", seats=setup.seats,
                        committee=setup.committee and setup.kind is PollKind.ELECTION, ways=",".join(ways),
                        state="draft", round=setup.round, parent_id=setup.parent_id, runoff=setup.runoff,
                        choice_size=ballot_codes.choice_size(setup.kind, len(names), setup.seats), created_at=now,
                        written_for=0, written_against=0, written_abstain=0, scrutineers="", tellers="", result="")
            s.add(poll)
            s.flush()
            self._write_candidates(s, poll.id, names)
            for member_id, _, category, standing in members:
                reason = no_vote_reason(category, standing)
                s.add(PollVoter(poll_id=poll.id, member_id=member_id, status=NO_VOTE if reason else VOTER,
                                reason=reason.value if reason else "", note="", present=False))
            log.info("poll %s (%s) set up", poll.id, setup.kind.value)
            return poll.id

    @staticmethod
    def _candidates(setup: PollSetup, members) -> list[tuple[str, int | None]]:
        """The names on the ballot, in ballot order, each with the member it names (if known)."""
        if setup.kind is PollKind.APPRAISAL:
            # Everyone on the roll is rated; two members of the same name are told apart by number.
            ordered = sort_by_surname_strokes(members, lambda m: m[1])
            seen: dict[str, int] = {}
            for _, name, _, _ in ordered:
                seen[name] = seen.get(name, 0) + 1
            numbered: dict[str, int] = {}
            out = []
            for member_id, name, _, _ in ordered:
                if seen[name] > 1:
                    numbered[name] = numbered.get(name, 0) + 1
                    name = f"{name}（{numbered[name]}）"
                out.append((name, member_id))
            return out
        names = [c.strip() for c in setup.candidates if c.strip()]
        check_candidates(setup.kind, names, setup.seats, setup.subject)
        by_name: dict[str, int | None] = {}
        for member_id, name, _, _ in members:
            by_name[name] = None if name in by_name else member_id  # a name two members share names neither
        return [(n, by_name.get(n)) for n in (names if setup.runoff else by_surname_strokes(names))]

    @staticmethod
    def _write_candidates(s: Session, poll_id: int, names: list[tuple[str, int | None]]) -> None:
        s.execute(delete(PollCandidate).where(PollCandidate.poll_id == poll_id))
        s.add_all(PollCandidate(poll_id=poll_id, position=i, name=n, member_id=m) for i, (n, m) in enumerate(names))

    def set_candidates(self, poll_id: int, names: list[str], seats: int | None = None) -> None:
        """Change the candidates (and seats) of a vote not yet opened; they are put in 姓氏笔画 order."""
        with self.db.session.begin() as s:
            poll = self._draft(s, poll_id)
            kind = PollKind(poll.kind)
            if kind is PollKind.APPRAISAL:
                raise VoteRefused(translate("votes", "A democratic appraisal rates every member on the roll"))
            seats = poll.seats if seats is None else seats
            names = [n.strip() for n in names if n.strip()]
            check_candidates(kind, names, seats, DecisionSubject(poll.subject) if poll.subject else None)
            members = s.execute(select(Member.id, Member.name).where(Member.roll_status == RollStatus.ACTIVE.value)).all()
            by_name: dict[str, int | None] = {}
            for member_id, name in members:
                by_name[name] = None if name in by_name else member_id
            ordered = names if poll.runoff else by_surname_strokes(names)
            self._write_candidates(s, poll_id, [(n, by_name.get(n)) for n in ordered])
            poll.seats = seats
            poll.choice_size = ballot_codes.choice_size(kind, len(names), seats)

    def delete(self, poll_id: int) -> None:
        with self.db.session.begin() as s:
            poll = self._poll(s, poll_id)
            if poll.state != "draft":
                raise VoteRefused(translate("votes", "Only a vote that has not been opened can be deleted"))
            s.delete(poll)

    def set_voter(self, poll_id: int, member_id: int, status: str, reason: str = "", note: str = "") -> None:
        """Record that a member has no vote (留党察看, 留置/逮捕) or is excluded from those due with
        the superior committee's approval (one of the five groups; ``note`` says who approved)."""
        with self.db.session.begin() as s:
            poll = self._draft(s, poll_id)
            row = s.get(PollVoter, (poll.id, member_id))
            member = s.get(Member, member_id)
            if row is None or member is None:
                raise VoteRefused(translate("members", "That member no longer exists"))
            automatic = no_vote_reason(member.category, member.party_standing)
            if automatic is not None and status != NO_VOTE:
                raise VoteRefused(automatic.label)
            if status == VOTER:
                row.status, row.reason, row.note = VOTER, "", ""
            elif status == NO_VOTE:
                NoVote(reason)
                row.status, row.reason, row.note, row.present = NO_VOTE, reason, note.strip()[:200], False
            elif status == EXCLUDED:
                Exclusion(reason)
                if not note.strip():
                    raise VoteRefused(translate("votes", "Say who approved the exclusion and when (the superior committee's approval)"))
                row.status, row.reason, row.note, row.present = EXCLUDED, reason, note.strip()[:200], False
            else:
                raise ValueError(status)

    def set_present(self, poll_id: int, member_ids: list[int], present: bool = True) -> None:
        with self.db.session.begin() as s:
            poll = self._poll(s, poll_id)
            if poll.state == "closed":
                raise VoteRefused(translate("votes", "The vote is closed"))
            rows = s.scalars(select(PollVoter).where(PollVoter.poll_id == poll_id, PollVoter.member_id.in_(member_ids)))
            for row in rows:
                if row.status != VOTER:
                    continue
                if not present and s.get(BallotReceived, (poll_id, row.member_id)) is not None:
                    raise VoteRefused(translate("votes", "A member who received a ballot was present"))
                row.present = present

    def set_written(self, poll_id: int, written: WrittenOpinions) -> None:
        """Written opinions handed in before the meeting by absent members with a vote (decisions)."""
        with self.db.session.begin() as s:
            poll = self._poll(s, poll_id)
            if poll.kind != PollKind.DECISION.value or poll.state == "closed":
                raise VoteRefused(translate("votes", "Written opinions are recorded for an open decision"))
            if min(written.votes_for, written.votes_against, written.abstain) < 0:
                raise VoteRefused(translate("votes", "A count cannot be negative"))
            counts = self._counts(s, poll)
            if counts.present + written.total > counts.due:
                raise VoteRefused(translate("votes", "Written opinions come from absent members who are due: {present} present and {written} written is more than the {due} due").format(
                    present=counts.present, written=written.total, due=counts.due))
            poll.written_for, poll.written_against, poll.written_abstain = written.votes_for, written.votes_against, written.abstain

    def set_signers(self, poll_id: int, scrutineers: str, tellers: str) -> None:
        with self.db.session.begin() as s:
            poll = self._poll(s, poll_id)
            poll.scrutineers, poll.tellers = scrutineers.strip()[:200], tellers.strip()[:200]

    # -- reading ------------------------------------------------------------------------------
    def list(self, meeting_id: int | None = None) -> list[PollRow]:
        stmt = (select(Poll, Meeting.title).outerjoin(Meeting, Meeting.id == Poll.meeting_id)
                .order_by(Poll.created_at.desc(), Poll.id.desc()))
        if meeting_id is not None:
            stmt = stmt.where(Poll.meeting_id == meeting_id)
        with self.db.session() as s:
            rows = s.execute(stmt).all()
        return [PollRow(p.id, PollKind(p.kind), p.title, p.state, p.round, p.meeting_id, mt or "", p.created_at,
                        p.closed_at, outcome_text(p.kind, p.result)) for p, mt in rows]

    def detail(self, poll_id: int) -> PollDetail:
        with self.db.session() as s:
            p = self._poll(s, poll_id)
            meeting = s.get(Meeting, p.meeting_id) if p.meeting_id else None
            return PollDetail(p.id, PollKind(p.kind), p.title, p.state, DecisionSubject(p.subject) if p.subject else None,
                              p.seats, p.committee, tuple(p.ways.split(",")), self._names(s, poll_id), p.meeting_id,
                              meeting.title if meeting else "", p.round, p.parent_id, p.runoff,
                              WrittenOpinions(p.written_for, p.written_against, p.written_abstain), p.scrutineers,
                              p.tellers, p.choice_size, p.opened_at, p.closed_at, s.get(Branch, 1).name)

    @staticmethod
    def _names(s: Session, poll_id: int) -> tuple[str, ...]:
        return tuple(s.scalars(select(PollCandidate.name).where(PollCandidate.poll_id == poll_id).order_by(PollCandidate.position)))

    def voters(self, poll_id: int) -> list[VoterRow]:
        """Everyone on the roll when the poll was set up, in 姓氏笔画 order."""
        with self.db.session() as s:
            received = set(s.scalars(select(BallotReceived.member_id).where(BallotReceived.poll_id == poll_id)))
            rows = s.execute(select(PollVoter, Member.name, Member.category, PartyGroup.name)
                             .join(Member, Member.id == PollVoter.member_id)
                             .outerjoin(PartyGroup, Member.group_id == PartyGroup.id)
                             .where(PollVoter.poll_id == poll_id)).all()
        out = [VoterRow(v.member_id, name, group or "", category or "", v.status, v.reason, v.note, v.present,
                        v.member_id in received) for v, name, category, group in rows]
        return sort_by_surname_strokes(out, lambda r: r.name)

    def counts(self, poll_id: int) -> Counts:
        with self.db.session() as s:
            return self._counts(s, self._poll(s, poll_id))

    def _counts(self, s: Session, poll: Poll) -> Counts:
        by_status = dict(s.execute(select(PollVoter.status, func.count()).where(PollVoter.poll_id == poll.id)
                                   .group_by(PollVoter.status)).all())
        present = s.scalar(select(func.count()).select_from(PollVoter).where(
            PollVoter.poll_id == poll.id, PollVoter.status == VOTER, PollVoter.present.is_(True))) or 0
        issued = s.scalar(select(func.count()).select_from(BallotReceived).where(BallotReceived.poll_id == poll.id)) or 0
        return Counts(by_status.get(VOTER, 0), present, issued, self.box.collected(s, poll.id, poll.choice_size),
                      by_status.get(NO_VOTE, 0), by_status.get(EXCLUDED, 0))

    def problems(self, poll_id: int) -> tuple[list[str], list[str]]:
        """What stops the poll from opening (errors) and what the secretary should know (warnings)."""
        detail = self.detail(poll_id)
        counts = self.counts(poll_id)
        errors: list[str] = []
        warnings: list[str] = []
        if counts.due == 0:
            errors.append(translate("votes", "No one on the roll has a vote"))
        elif detail.kind is not PollKind.APPRAISAL and not quorum(detail.kind, counts.due, counts.present):
            errors.append(translate("votes", "Not enough voters present: {present} of {due} due; at least {minimum} are needed").format(
                present=counts.present, due=counts.due, minimum=quorum_minimum(detail.kind, counts.due)))
        if detail.kind is PollKind.ELECTION and detail.committee:
            short = competitive_shortfall(detail.seats, len(detail.candidates))
            if short and detail.round == 1:
                warnings.append(translate("votes", "A committee election is competitive: {seats} seats need at least {needed} candidates (20% more); there are {n}").format(
                    seats=detail.seats, needed=len(detail.candidates) + short, n=len(detail.candidates)))
        return errors, warnings

    # -- voting ------------------------------------------------------------------------------
    def open(self, poll_id: int) -> None:
        errors, _ = self.problems(poll_id)
        if errors:
            raise VoteRefused(errors[0])
        with self.db.session.begin() as s:
            poll = self._draft(s, poll_id)
            poll.state, poll.opened_at = "open", self.clock.now()
        log.info("poll %s opened", poll_id)

    def receive(self, poll_id: int, member_id: int) -> None:
        """A member received a paper ballot or drew a code slip (no more than one each). Only
        that it happened is written: no time, nothing about which ballot or slip."""
        with self.db.session.begin() as s:
            poll = self._poll(s, poll_id)
            if poll.state != "open":
                raise VoteRefused(translate("votes", "Ballots are handed out once the vote is open"))
            voter = s.get(PollVoter, (poll_id, member_id))
            if voter is None or voter.status != VOTER:
                raise VoteRefused(translate("votes", "This member has no vote in this poll"))
            if s.get(BallotReceived, (poll_id, member_id)) is not None:
                raise VoteRefused(translate("votes", "This member has already received a ballot"))
            voter.present = True
            s.add(BallotReceived(poll_id=poll_id, member_id=member_id))

    def take_back(self, poll_id: int, member_id: int) -> None:
        """Undo a receipt recorded by mistake (the ballot or slip was not handed over)."""
        with self.db.session.begin() as s:
            poll = self._poll(s, poll_id)
            if poll.state != "open":
                raise VoteRefused(translate("votes", "The vote is not open"))
            s.execute(delete(BallotReceived).where(BallotReceived.poll_id == poll_id, BallotReceived.member_id == member_id))

    def make_codes(self, poll_id: int, n: int) -> list[str]:
        with self.db.session() as s:
            poll = self._poll(s, poll_id)
            if poll.state == "closed" or not ({"booth", "phone"} & set(poll.ways.split(","))):
                raise VoteRefused(translate("votes", "Codes are for a vote at the booth or by phone that is not closed"))
        if not 1 <= n <= 2000:
            raise VoteRefused(translate("votes", "Make between 1 and 2000 codes"))
        return self.box.make_codes(poll_id, n)

    def new_serials(self, poll_id: int, n: int) -> list[str]:
        with self.db.session() as s:
            poll = self._poll(s, poll_id)
            if poll.state == "closed" or "paper" not in poll.ways.split(","):
                raise VoteRefused(translate("votes", "Paper ballots are for a paper vote that is not closed"))
        if not 1 <= n <= 2000:
            raise VoteRefused(translate("votes", "Print between 1 and 2000 ballots"))
        return self.box.new_serials(poll_id, n)

    def encode(self, poll_id: int, ballot) -> str:
        detail = self.detail(poll_id)
        return ballot_codes.encode(detail.kind, ballot, list(detail.candidates), detail.choice_size)

    def cast(self, poll_id: int, code: str, ballot, way: str) -> Cast:
        """A ballot from the booth or a phone."""
        return self.box.cast_with_code(poll_id, code, self.encode(poll_id, ballot), way)

    def count_paper(self, poll_id: int, serial: str, ballot) -> Cast:
        return self.box.count_paper(poll_id, serial, self.encode(poll_id, ballot))

    # -- results ------------------------------------------------------------------------------
    def tally(self, poll_id: int) -> ElectionResult | DecisionResult | AppraisalResult:
        """The count by the rules of what is in the box now (the final one once closed)."""
        detail = self.detail(poll_id)
        counts = self.counts(poll_id)
        names = list(detail.candidates)
        ballots = [ballot_codes.decode(detail.kind, c, names) for c in self.box.choices(poll_id)]
        if detail.kind is PollKind.ELECTION:
            return tally_election(seats=detail.seats, candidates=names, due=counts.due, present=counts.present,
                                  issued=counts.issued, ballots=ballots, runoff=detail.runoff)
        if detail.kind is PollKind.DECISION:
            return tally_decision(subject=names[0], due=counts.due, present=counts.present, issued=counts.issued,
                                  ballots=ballots, written=detail.written)
        return tally_appraisal(names, ballots)

    def close(self, poll_id: int):
        """Stop voting, count, keep the result with the poll; the unused places are removed and the
        log truncated (ballot_box)."""
        result = self.tally(poll_id)
        counts = self.counts(poll_id)
        with self.db.session.begin() as s:
            poll = self._poll(s, poll_id)
            if poll.state != "open":
                raise VoteRefused(translate("votes", "Only an open vote can be closed"))
            poll.state, poll.closed_at = "closed", self.clock.now()
            poll.result = json.dumps(result_record(result, counts), ensure_ascii=False)
            self.box.seal(s, poll_id, poll.choice_size)
        self.box.checkpoint()
        log.info("poll %s closed", poll_id)
        return result

    def follow_up(self, poll_id: int) -> int | None:
        """The next round of a closed election: a re-vote among the tied, or a further round
        (另行选举) for the vacancies. None when nothing is left to decide."""
        detail = self.detail(poll_id)
        if detail.kind is not PollKind.ELECTION or detail.state != "closed":
            raise VoteRefused(translate("votes", "A further round follows a closed election"))
        result = self.tally(poll_id)
        if result.tie:
            names, seats, runoff = result.tie, result.revote_seats, True
            title = translate("votes", "{title} — re-vote among the tied").format(title=detail.title)
            # The tied keep the order they had on the first ballot.
            names = tuple(n for n in detail.candidates if n in names) + tuple(n for n in names if n not in detail.candidates)
        elif result.vacancies:
            names, seats, runoff = result.further_round, result.vacancies, False
            title = translate("votes", "{title} — further round for the vacancies").format(title=detail.title)
        else:
            return None
        return self.create(PollSetup(PollKind.ELECTION, title, tuple(names), seats, False, None, detail.ways,
                                     detail.meeting_id, poll_id, detail.round + 1, runoff=runoff))

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _poll(s: Session, poll_id: int) -> Poll:
        poll = s.get(Poll, poll_id)
        if poll is None:
            raise VoteRefused(translate("votes", "That vote no longer exists"))
        return poll

    def _draft(self, s: Session, poll_id: int) -> Poll:
        poll = self._poll(s, poll_id)
        if poll.state != "draft":
            raise VoteRefused(translate("votes", "The vote has been opened: its set-up can no longer change"))
        return poll

    def token(self, poll_id: int) -> str:
        return ballot_codes.poll_token(self.secret, poll_id)

    def poll_of_token(self, token: str) -> int | None:
        return ballot_codes.poll_of_token(self.secret, token)


def check_candidates(kind: PollKind, names: list[str], seats: int, subject: DecisionSubject | None) -> None:
    if len(set(names)) != len(names):
        raise VoteRefused(translate("votes", "A name is on the list twice"))
    if any(len(n) > 40 for n in names):
        raise VoteRefused(translate("votes", "A name is longer than 40 characters"))
    if kind is PollKind.DECISION:
        if len(names) != 1:
            raise VoteRefused(translate("votes", "A decision is on one person or one resolution at a time"))
        if subject is None:
            raise VoteRefused(translate("votes", "Say what the decision is about"))
        return
    if seats < 1:
        raise VoteRefused(translate("votes", "An election needs at least one seat"))
    if not names:
        raise VoteRefused(translate("votes", "There are no candidates"))
    if len(names) < seats:
        raise VoteRefused(translate("votes", "There are fewer candidates ({n}) than seats ({seats})").format(
            n=len(names), seats=seats))


def result_record(result, counts: Counts) -> dict:
    """What is kept with a closed poll (and could go upward in a summary: counts, not ballots)."""
    from core.votes_spec import result_json
    base = {"due": counts.due, "present": counts.present, "issued": counts.issued, "collected": counts.collected}
    if isinstance(result, AppraisalResult):
        return base | {"kind": "appraisal", "valid_ballots": result.valid_ballots, "invalid_ballots": result.invalid_ballots,
                       "excellent_limit": result.excellent_limit, "over_limit": result.over_limit,
                       "rows": [{"name": r.member, **{k.value: v for k, v in r.counts.items()}, "unrated": r.unrated,
                                 "beyond_third": r.beyond_third} for r in result.rows]}
    kind = "election" if isinstance(result, ElectionResult) else "decision"
    return base | {"kind": kind} | result_json(result)


def outcome_text(kind: str, result: str) -> str:
    """One line for the list of polls."""
    if not result:
        return ""
    data = json.loads(result)
    if not data.get("quorum_met", True):
        return translate("votes", "No quorum")
    if data.get("void"):
        return translate("votes", "Void")
    if kind == PollKind.ELECTION.value:
        elected = [r["name"] for r in data["results"] if r["elected"]]
        text = translate("votes", "Elected: {names}").format(names="、".join(elected)) if elected else translate("votes", "No one elected")
        if data.get("tie"):
            text += translate("votes", "; re-vote among {names}").format(names="、".join(data["tie"]))
        elif data.get("vacancies"):
            text += translate("votes", "; {n} seats to a further round").format(n=data["vacancies"])
        return text
    if kind == PollKind.DECISION.value:
        return translate("votes", "Passed") if data.get("passed") else translate("votes", "Not passed")
    return translate("votes", "{n} ballots").format(n=data.get("valid_ballots", 0))
