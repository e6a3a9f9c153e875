"""Secret-ballot votes (无记名投票, DOMAIN §3): who votes, the quorum, valid and invalid ballots,
who is elected and whether a decision passes. 《中国共产党基层组织选举工作条例》(2020),
《中国共产党发展党员工作细则》(2014).

Plain values in, plain values out: the services hand over counts and ballots, never members
(a ballot carries no voter).

Words used here (the glossary is in README.md):
- *due* (应到会): members with the right to vote who are due to attend — full members (正式党员)
  in normal standing, less those excluded with the superior committee's approval (the five
  groups of ``Exclusion``). Probationary members (预备党员), members under 留党察看 and members
  whose rights are suspended (留置 / 逮捕, 停止党籍) have no vote and are not due.
- *present* (实到会): of the due, those at the meeting.
- *issued* / *collected*: ballots handed out / ballots in the box (or cast at the booth and on
  phones: each cast ballot is a collected one).

Rules (each a test in tests/core/test_votes.py):
- Quorum: elections need present > 4/5 of due, decisions present > 1/2 of due — strictly
  greater, in integers (25 of 30 is enough for an election, 24 is not).
- More ballots collected than issued: the vote is void (作废), whatever the marks.
- Election ballots: per candidate 赞成 / 不赞成 / 弃权 (left blank: 弃权). A voter who marks a
  candidate 不赞成 may write in another person (另选他人) — one write-in per 不赞成; a write-in
  without a 不赞成 to stand for (beside a 弃权 or a 赞成, or one too many) does not count, nor does
  one that names a printed candidate or repeats another write-in on the same ballot; the rest of
  the ballot still counts. A ballot with more names 赞成 (write-ins included) than seats, or whose
  marks cannot be made out (the tellers' call), is invalid; an invalid ballot counts for no one.
- Elected: 赞成 > half of present (exactly half does not elect). More pass than seats: by votes;
  a tie at the cut-off leaves the tied for a re-vote among them (for the seats not filled
  above the tie), in which the most votes elect (得票多的当选: all of them had a majority). Fewer pass than seats: the vacancies go to a further round (另行选举) among
  those not elected, by votes, with 20% more candidates than vacancies (or the meeting reduces
  the seats).
- Decisions (接收预备党员 / 转正 / a resolution), one subject at a time: 赞成 / 反对 / 弃权; passes
  when 赞成 > half of due — the written opinions of absent members with a vote, handed in before
  the meeting, count with the ballots (they are part of due, not of present).
- 民主评议: each member rated 优秀 / 合格 / 基本合格 / 不合格 (or left unrated); the result is each
  member's distribution. 优秀 is generally at most one third of the members: the result flags
  the members a majority rated 优秀 beyond that third, and counts the ballots that rated more
  than a third 优秀.
- Committee elections are competitive: candidates ≥ seats × 1.2 (a warning when fewer).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Mapping, Sequence

from core.i18n import translate
from core.strokes import name_key


class PollKind(StrEnum):
    ELECTION = "election"    # 选举
    DECISION = "decision"    # 表决 (接收预备党员 / 转正 / 决议)
    APPRAISAL = "appraisal"  # 民主评议党员

    @property
    def label(self) -> str:
        return {
            "election": translate("votes", "Election"),
            "decision": translate("votes", "Decision"),
            "appraisal": translate("votes", "Democratic appraisal"),
        }[self.value]


class DecisionSubject(StrEnum):
    ADMISSION = "admission"            # 接收预备党员
    FULL_MEMBERSHIP = "full_membership"  # 预备党员转正
    RESOLUTION = "resolution"          # 决议

    @property
    def label(self) -> str:
        return {
            "admission": translate("votes", "Admission as a probationary member"),
            "full_membership": translate("votes", "Full membership of a probationary member"),
            "resolution": translate("votes", "Resolution"),
        }[self.value]


class Mark(StrEnum):
    FOR = "for"            # 赞成
    AGAINST = "against"    # 不赞成 (election) / 反对 (decision)
    ABSTAIN = "abstain"    # 弃权

    def label(self, kind: PollKind = PollKind.ELECTION) -> str:
        if self is Mark.FOR:
            return translate("votes", "For")
        if self is Mark.ABSTAIN:
            return translate("votes", "Abstain")
        return translate("votes", "Against") if kind is PollKind.DECISION else translate("votes", "Not in favour")


class Rating(StrEnum):
    EXCELLENT = "excellent"        # 优秀
    COMPETENT = "competent"        # 合格
    BASIC = "basic"                # 基本合格
    INCOMPETENT = "incompetent"    # 不合格

    @property
    def label(self) -> str:
        return {
            "excellent": translate("votes", "Excellent"),
            "competent": translate("votes", "Competent"),
            "basic": translate("votes", "Basically competent"),
            "incompetent": translate("votes", "Incompetent"),
        }[self.value]


class NoVote(StrEnum):
    """Why a member on the roll has no vote (and is not due)."""
    PROBATIONARY = "probationary"  # 预备党员 (自动, from the roster)
    SUSPENDED = "suspended"        # 停止党籍 (自动, from the roster)
    ON_PROBATION = "on_probation"  # 留党察看 (recorded for the poll)
    DETAINED = "detained"          # 留置 / 逮捕: rights suspended (recorded for the poll)

    @property
    def label(self) -> str:
        return {
            "probationary": translate("votes", "Probationary member: no vote"),
            "suspended": translate("votes", "Membership suspended: no vote"),
            "on_probation": translate("votes", "Under probation within the Party: no vote"),
            "detained": translate("votes", "Detained or arrested: rights suspended"),
        }[self.value]


class Exclusion(StrEnum):
    """The five groups that, with the superior committee's approval, are not counted as due
    (选举工作条例; DOMAIN §3). Applied to every kind of poll."""
    INCAPACITATED = "incapacitated"    # 患精神病或因其他疾病不能表达本人意志
    ABROAD = "abroad"                  # 自费出国（境）半年以上
    SERVING_SENTENCE = "serving_sentence"  # 虽未受留党察看以上处分，但正在服刑
    BEDRIDDEN = "bedridden"            # 年老体弱卧床不起、长期生病生活不能自理
    AWAY = "away"                      # 外出半年以上，应转未转组织关系

    @property
    def label(self) -> str:
        return {
            "incapacitated": translate("votes", "Cannot express their will (illness)"),
            "abroad": translate("votes", "Abroad at own expense for half a year or more"),
            "serving_sentence": translate("votes", "Serving a sentence"),
            "bedridden": translate("votes", "Bedridden or unable to look after themselves"),
            "away": translate("votes", "Away half a year or more without transferring their membership"),
        }[self.value]


# -- who votes, who is due --------------------------------------------------------------------

def no_vote_reason(category: str | None, standing: str, recorded: NoVote | None = None) -> NoVote | None:
    """Why a member has no vote in a poll, None if they have one. ``category`` and ``standing``
    are the roster's values (core.members); ``recorded`` what the secretary recorded for the poll."""
    if standing == "suspended":
        return NoVote.SUSPENDED
    if category != "full":
        # Only full members vote; a member whose category is not filled in is not presumed one.
        return NoVote.PROBATIONARY
    return recorded


@dataclass(frozen=True)
class Counts:
    due: int
    present: int


def election_quorum(due: int, present: int) -> bool:
    """More than four fifths of those due are present (strictly)."""
    return due > 0 and present * 5 > due * 4


def decision_quorum(due: int, present: int) -> bool:
    """More than half of those due are present (strictly)."""
    return due > 0 and present * 2 > due


def quorum(kind: PollKind, due: int, present: int) -> bool:
    return election_quorum(due, present) if kind is PollKind.ELECTION else decision_quorum(due, present)


def quorum_minimum(kind: PollKind, due: int) -> int:
    """The fewest present that make the quorum."""
    return due * 4 // 5 + 1 if kind is PollKind.ELECTION else due // 2 + 1


def majority_of(n: int) -> int:
    """The fewest votes that are more than half of ``n``."""
    return n // 2 + 1


def competitive_shortfall(seats: int, candidates: int) -> int:
    """How many candidates are missing for candidates ≥ seats × 1.2 (0: enough)."""
    needed = (seats * 6 + 4) // 5  # ceil(seats × 6 / 5) in integers
    return max(0, needed - candidates)


def further_round_size(vacancies: int) -> int:
    """Candidates for a further round: 20% more than the vacancies, rounded up."""
    return (vacancies * 6 + 4) // 5


# -- elections ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ElectionBallot:
    marks: Mapping[str, Mark] = field(default_factory=dict)   # candidate → mark; missing: 弃权
    write_ins: Sequence[str] = ()                               # 另选他人, in the rows' order
    unreadable: bool = False                                    # the tellers cannot make it out


@dataclass(frozen=True)
class ReadBallot:
    """How one election ballot was read."""
    valid: bool
    voted_for: tuple[str, ...]          # printed candidates marked 赞成
    voted_against: tuple[str, ...]
    write_ins: tuple[str, ...]          # write-ins that count
    void_write_ins: tuple[str, ...]     # write-ins that do not (see the module's note)


def read_election_ballot(ballot: ElectionBallot, candidates: Sequence[str], seats: int,
                         write_ins: bool = True) -> ReadBallot:
    """``write_ins`` False: a re-vote among the tied, where no one else can be written in."""
    listed = set(candidates)
    voted_for = tuple(c for c in candidates if ballot.marks.get(c) is Mark.FOR)
    voted_against = tuple(c for c in candidates if ballot.marks.get(c) is Mark.AGAINST)
    counted: list[str] = []
    void: list[str] = []
    for raw in ballot.write_ins:
        name = raw.strip()
        if not name:
            continue
        if not write_ins or name in listed or name in counted or len(counted) >= len(voted_against):
            void.append(name)
        else:
            counted.append(name)
    valid = not ballot.unreadable and len(voted_for) + len(counted) <= seats
    return ReadBallot(valid, voted_for, voted_against, tuple(counted), tuple(void))


@dataclass(frozen=True)
class CandidateResult:
    name: str
    votes_for: int
    votes_against: int
    abstain: int
    written_in: bool = False
    passed: bool = False      # 赞成 > half of present
    elected: bool = False
    tied: bool = False        # tied at the cut-off: re-vote among the tied


@dataclass(frozen=True)
class ElectionResult:
    seats: int
    due: int
    present: int
    issued: int
    collected: int
    quorum_met: bool
    void: bool
    valid_ballots: int
    invalid_ballots: int
    candidates: tuple[CandidateResult, ...]   # printed candidates in ballot order, then write-ins by votes
    elected: tuple[str, ...]                  # by votes
    tie: tuple[str, ...]                      # re-vote among these …
    revote_seats: int                         # … for this many seats
    vacancies: int                            # seats left for a further round (另行选举)
    further_round: tuple[str, ...]            # its suggested candidates, by votes
    needed: int                               # 赞成 needed to be elected

    @property
    def decided(self) -> bool:
        """The vote stands (quorum met, not void)."""
        return self.quorum_met and not self.void


def tally_election(*, seats: int, candidates: Sequence[str], due: int, present: int, issued: int,
                   ballots: Sequence[ElectionBallot], runoff: bool = False) -> ElectionResult:
    """``runoff``: a re-vote among those tied at the cut-off, where the most votes elect
    (得票多的当选) — they all had a majority already; any vote at all is then enough, and no one
    else can be written in."""
    if seats < 1:
        raise ValueError("an election needs at least one seat")
    if len(set(candidates)) != len(candidates):
        raise ValueError("a candidate is listed twice")
    collected = len(ballots)
    quorum_met = election_quorum(due, present)
    void = collected > issued
    for_votes: Counter[str] = Counter()
    against: Counter[str] = Counter()
    abstain: Counter[str] = Counter()
    valid = 0
    for ballot in ballots:
        read = read_election_ballot(ballot, candidates, seats, write_ins=not runoff)
        if not read.valid:
            continue
        valid += 1
        for_votes.update(read.voted_for)
        for_votes.update(read.write_ins)
        against.update(read.voted_against)
        marked = set(read.voted_for) | set(read.voted_against)
        abstain.update(c for c in candidates if c not in marked)
    needed = 1 if runoff else majority_of(present)
    decided = quorum_met and not void
    listed = set(candidates)
    write_ins = sorted((n for n in for_votes if n not in listed), key=lambda n: (-for_votes[n], name_key(n)))
    names = list(candidates) + write_ins
    passing = [n for n in names if decided and for_votes[n] >= needed]
    # By votes; equal votes keep the ballot's order (stroke order), which only matters for display.
    ranked = sorted(passing, key=lambda n: -for_votes[n])
    elected: list[str] = ranked
    tie: list[str] = []
    if len(ranked) > seats:
        cutoff = for_votes[ranked[seats - 1]]
        if for_votes[ranked[seats]] == cutoff:
            elected = [n for n in ranked if for_votes[n] > cutoff]
            tie = [n for n in ranked if for_votes[n] == cutoff]
        else:
            elected = ranked[:seats]
    revote_seats = seats - len(elected) if tie else 0
    vacancies = seats - len(elected) - revote_seats if decided else 0
    further: list[str] = []
    if vacancies:
        rest = sorted((n for n in names if n not in elected and n not in tie), key=lambda n: -for_votes[n])
        further = rest[:further_round_size(vacancies)]
    results = tuple(CandidateResult(
        name=n, votes_for=for_votes[n], votes_against=against[n], abstain=abstain[n] if n in listed else 0,
        written_in=n not in listed, passed=n in passing, elected=n in elected, tied=n in tie) for n in names)
    return ElectionResult(seats, due, present, issued, collected, quorum_met, void, valid, collected - valid,
                          results, tuple(elected), tuple(tie), revote_seats, vacancies, tuple(further), needed)


# -- decisions ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class DecisionBallot:
    vote: Mark | None = None     # None: left blank, counted as 弃权
    unreadable: bool = False     # more than one mark, or none that can be made out


@dataclass(frozen=True)
class WrittenOpinions:
    """Opinions handed in before the meeting by absent members with a vote."""
    votes_for: int = 0
    votes_against: int = 0
    abstain: int = 0

    @property
    def total(self) -> int:
        return self.votes_for + self.votes_against + self.abstain


@dataclass(frozen=True)
class DecisionResult:
    subject: str
    due: int
    present: int
    issued: int
    collected: int
    quorum_met: bool
    void: bool
    valid_ballots: int
    invalid_ballots: int
    votes_for: int          # ballots and written opinions
    votes_against: int
    abstain: int
    written: WrittenOpinions
    passed: bool
    needed: int             # 赞成 needed: more than half of due

    @property
    def decided(self) -> bool:
        return self.quorum_met and not self.void


def tally_decision(*, subject: str, due: int, present: int, issued: int, ballots: Sequence[DecisionBallot],
                   written: WrittenOpinions = WrittenOpinions()) -> DecisionResult:
    if present + written.total > due:
        raise ValueError("written opinions come from absent members who are due")
    collected = len(ballots)
    quorum_met = decision_quorum(due, present)
    void = collected > issued
    counts: Counter[Mark] = Counter()
    valid = 0
    for ballot in ballots:
        if ballot.unreadable:
            continue
        valid += 1
        counts[ballot.vote or Mark.ABSTAIN] += 1
    votes_for = counts[Mark.FOR] + written.votes_for
    needed = majority_of(due)
    passed = quorum_met and not void and votes_for >= needed
    return DecisionResult(subject, due, present, issued, collected, quorum_met, void, valid, collected - valid,
                          votes_for, counts[Mark.AGAINST] + written.votes_against, counts[Mark.ABSTAIN] + written.abstain,
                          written, passed, needed)


# -- 民主评议 -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class AppraisalBallot:
    ratings: Mapping[str, Rating] = field(default_factory=dict)   # member (key) → rating; missing: unrated
    unreadable: bool = False


@dataclass(frozen=True)
class AppraisalRow:
    member: str
    counts: Mapping[Rating, int]
    unrated: int
    majority_excellent: bool = False   # more than half of the valid ballots rated them 优秀
    beyond_third: bool = False         # … but beyond the third of the members 优秀 may be
    tied: bool = False                 # at the edge of that third, with equal 优秀 votes

    def share(self, rating: Rating, ballots: int) -> float:
        return self.counts.get(rating, 0) / ballots if ballots else 0.0


@dataclass(frozen=True)
class AppraisalResult:
    rows: tuple[AppraisalRow, ...]
    valid_ballots: int
    invalid_ballots: int
    excellent_limit: int           # one third of the members, rounded down
    over_limit: bool               # more members rated 优秀 by a majority than the limit
    ballots_over_third: int        # ballots that rated more than a third of the members 优秀


def tally_appraisal(members: Sequence[str], ballots: Sequence[AppraisalBallot]) -> AppraisalResult:
    counts = {m: Counter() for m in members}
    unrated = Counter()
    valid = 0
    limit = len(members) // 3
    over_third = 0
    for ballot in ballots:
        if ballot.unreadable:
            continue
        valid += 1
        excellent = 0
        for m in members:
            rating = ballot.ratings.get(m)
            if rating is None:
                unrated[m] += 1
            else:
                counts[m][rating] += 1
                excellent += rating is Rating.EXCELLENT
        if excellent * 3 > len(members):
            over_third += 1
    majority = [m for m in members if valid and counts[m][Rating.EXCELLENT] * 2 > valid]
    ranked = sorted(majority, key=lambda m: -counts[m][Rating.EXCELLENT])
    beyond: set[str] = set()
    tied: set[str] = set()
    if len(ranked) > limit:
        cutoff = counts[ranked[limit - 1]][Rating.EXCELLENT] if limit else None
        for i, m in enumerate(ranked):
            if i < limit:
                continue
            beyond.add(m)
            if cutoff is not None and counts[m][Rating.EXCELLENT] == cutoff:
                tied.add(m)
        if tied:
            tied |= {m for m in ranked[:limit] if counts[m][Rating.EXCELLENT] == cutoff}
    rows = tuple(AppraisalRow(m, {r: counts[m][r] for r in Rating}, unrated[m], m in majority, m in beyond, m in tied)
                 for m in members)
    return AppraisalResult(rows, valid, len(ballots) - valid, limit, len(ranked) > limit, over_third)
