"""Vote services on a real branch database: who votes, exclusions with approval, the quorum
before opening, receipts, codes at the booth and on phones, paper ballots with serials, closing
with the result kept, and the next round."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core.ballot_codes import new_serial
from core.i18n import translate
from core.votes import DecisionBallot, DecisionSubject, ElectionBallot, Exclusion, Mark, NoVote, PollKind, Rating, AppraisalBallot, WrittenOpinions
from db.models import Ballot, Poll
from desktop.services.ballot_box import Cast
from desktop.services.votes import EXCLUDED, NO_VOTE, VOTER, PollSetup, VoteRefused, VoteService
from tests.helpers.votes import FULL, branch, election, everyone_present, meeting

F, A, X = Mark.FOR, Mark.AGAINST, Mark.ABSTAIN


@pytest.fixture
def service(ctx):
    return VoteService(ctx.db, ctx.clock)


@pytest.fixture
def ids(ctx):
    return branch(ctx)


def test_only_full_members_in_normal_standing_are_due(service, ids):
    poll = election(service)
    voters = {v.name: v for v in service.voters(poll)}
    assert voters["孙悦"].status == NO_VOTE and voters["孙悦"].reason == NoVote.PROBATIONARY.value
    assert voters["冯立"].status == NO_VOTE and voters["冯立"].reason == NoVote.SUSPENDED.value
    assert voters["王书记"].status == VOTER
    counts = service.counts(poll)
    assert (counts.due, counts.present, counts.no_vote) == (10, 0, 3)


def test_candidates_are_listed_by_surname_strokes(service, ids):
    poll = election(service, candidates=("赵敏", "陈静", "刘洋", "张伟"))
    assert service.detail(poll).candidates == ("刘洋", "张伟", "陈静", "赵敏")   # 6, 7 (折), 7 (折), 9


def test_exclusion_needs_the_approval_and_reduces_due(service, ids):
    poll = election(service)
    with pytest.raises(VoteRefused):
        service.set_voter(poll, ids["吴刚"], EXCLUDED, Exclusion.ABROAD.value, "")
    service.set_voter(poll, ids["吴刚"], EXCLUDED, Exclusion.ABROAD.value, "街道党工委 2026-11-10 批复")
    service.set_voter(poll, ids["周婷"], NO_VOTE, NoVote.ON_PROBATION.value)
    counts = service.counts(poll)
    assert (counts.due, counts.excluded, counts.no_vote) == (8, 1, 4)
    row = {v.name: v for v in service.voters(poll)}["吴刚"]
    assert (row.status, row.reason, row.note) == (EXCLUDED, "abroad", "街道党工委 2026-11-10 批复")
    with pytest.raises(VoteRefused):   # a probationary member cannot be made a voter
        service.set_voter(poll, ids["孙悦"], VOTER)


def test_an_election_opens_only_with_more_than_four_fifths_present(service, ids):
    poll = election(service)
    everyone_present(service, poll, ids, FULL[:8])              # 8 of 10 is exactly 4/5
    errors, warnings = service.problems(poll)
    assert errors and "9" in errors[0]
    with pytest.raises(VoteRefused):
        service.open(poll)
    everyone_present(service, poll, ids, FULL[:9])
    assert service.problems(poll)[0] == []
    service.open(poll)
    assert service.detail(poll).state == "open"


def test_the_competitive_ratio_is_a_warning(service, ids):
    poll = election(service, candidates=("张伟", "赵敏", "刘洋"), seats=3)
    everyone_present(service, poll, ids)
    errors, warnings = service.problems(poll)
    assert not errors and warnings and "4" in warnings[0]
    assert not service.problems(election(service))[1]


def test_set_up_is_fixed_once_open(service, ids):
    poll = election(service)
    everyone_present(service, poll, ids)
    service.open(poll)
    with pytest.raises(VoteRefused):
        service.set_candidates(poll, ["张伟", "赵敏"])
    with pytest.raises(VoteRefused):
        service.delete(poll)


def test_receipts_one_each_and_only_voters(service, ids):
    poll = election(service)
    everyone_present(service, poll, ids, FULL[:9])
    with pytest.raises(VoteRefused):
        service.receive(poll, ids["张伟"])                      # not open yet
    service.open(poll)
    service.receive(poll, ids["吴刚"])                           # absent until now: receiving marks present
    assert service.counts(poll).present == 10 and service.counts(poll).issued == 1
    with pytest.raises(VoteRefused):
        service.receive(poll, ids["吴刚"])
    with pytest.raises(VoteRefused):
        service.receive(poll, ids["孙悦"])


def open_election(service, ids, **kw) -> int:
    poll = election(service, **kw)
    everyone_present(service, poll, ids)
    service.open(poll)
    for name in FULL:
        service.receive(poll, ids[name])
    return poll


def test_codes_vote_once_at_the_booth_and_on_phones(service, ids):
    poll = open_election(service, ids)
    codes = service.make_codes(poll, 12)
    assert len(set(codes)) == 12 and all(len(c) == 8 and c.isdigit() for c in codes)
    ballot = ElectionBallot({"张伟": F, "赵敏": F, "刘洋": A})
    assert service.cast(poll, codes[0], ballot, "booth") is Cast.ACCEPTED
    assert service.cast(poll, codes[0], ballot, "phone") is Cast.USED_CODE
    assert service.cast(poll, "0000 0000" if codes[1] != "00000000" else "11111111", ballot, "booth") is Cast.UNKNOWN_CODE
    assert service.cast(poll, f"{codes[1][:4]} {codes[1][4:]}", ballot, "phone") is Cast.ACCEPTED
    assert service.counts(poll).collected == 2
    result = service.tally(poll)
    assert {c.name: c.votes_for for c in result.candidates}["张伟"] == 2


def test_a_code_of_another_poll_does_not_vote(service, ids):
    first, second = open_election(service, ids), open_election(service, ids)
    code = service.make_codes(first, 1)[0]
    service.make_codes(second, 1)
    assert service.cast(second, code, ElectionBallot(), "booth") is Cast.UNKNOWN_CODE


def test_a_way_not_chosen_is_refused(service, ids):
    poll = open_election(service, ids, ways=("paper", "booth"))
    code = service.make_codes(poll, 1)[0]
    assert service.cast(poll, code, ElectionBallot(), "phone") is Cast.NOT_OPEN
    assert service.cast(poll, code, ElectionBallot(), "booth") is Cast.ACCEPTED


def test_paper_serials_count_once_and_only_genuine_ones(service, ids, ctx):
    poll = open_election(service, ids)
    serials = service.new_serials(poll, 10)
    assert len(set(serials)) == 10
    ballot = ElectionBallot({"张伟": F})
    assert service.count_paper(poll, serials[0], ballot) is Cast.ACCEPTED
    assert service.count_paper(poll, serials[0], ballot) is Cast.DUPLICATE
    assert service.count_paper(poll, serials[0].lower(), ballot) is Cast.DUPLICATE   # Caps Lock on
    forged = serials[1][:-1] + ("A" if serials[1][-1] != "A" else "B")
    assert service.count_paper(poll, forged, ballot) is Cast.FORGED
    assert service.count_paper(poll, new_serial(b"x" * 32, poll), ballot) is Cast.FORGED   # another branch
    other = open_election(service, ids)
    assert service.count_paper(poll, service.new_serials(other, 1)[0], ballot) is Cast.WRONG_POLL
    assert service.counts(poll).collected == 1


def test_more_ballots_than_issued_voids_the_election(service, ids):
    poll = election(service)
    everyone_present(service, poll, ids)
    service.open(poll)
    for name in FULL[:3]:
        service.receive(poll, ids[name])
    codes = service.make_codes(poll, 4)                          # a spare slip is used
    for code in codes:
        service.cast(poll, code, ElectionBallot({"张伟": F, "赵敏": F, "刘洋": F}), "booth")
    result = service.close(poll)
    assert result.void and result.elected == ()
    assert service.list()[0].outcome == translate("votes", "Void")


def test_close_counts_keeps_the_result_with_the_meeting_and_removes_the_empty_places(service, ids, ctx):
    meeting_id = meeting(ctx)
    poll = open_election(service, ids, meeting_id=meeting_id)
    codes = service.make_codes(poll, 10)
    serials = service.new_serials(poll, 10)
    for code in codes[:6]:
        service.cast(poll, code, ElectionBallot({"张伟": F, "赵敏": F, "刘洋": F}), "booth")
    for serial in serials[:4]:
        service.count_paper(poll, serial, ElectionBallot({"张伟": F, "赵敏": F, "陈静": F}))
    with ctx.db.session() as s:
        assert len(s.scalars(select(Ballot.id).where(Ballot.poll_id == poll)).all()) == 20   # 10 codes + 10 serials
    result = service.close(poll)
    assert set(result.elected) == {"张伟", "赵敏", "刘洋"}                 # 刘洋 6 of 10 present: elected
    with ctx.db.session() as s:
        assert len(s.scalars(select(Ballot.id).where(Ballot.poll_id == poll)).all()) == 10
        kept = json.loads(s.get(Poll, poll).result)
    assert kept["kind"] == "election" and kept["due"] == 10 and kept["collected"] == 10
    assert {r["name"] for r in kept["results"] if r["elected"]} == {"张伟", "赵敏", "刘洋"}
    listed = service.list(meeting_id=meeting_id)
    assert [p.id for p in listed] == [poll] and "张伟" in listed[0].outcome
    assert service.cast(poll, codes[7], ElectionBallot(), "booth") is Cast.NOT_OPEN


def test_a_tie_goes_to_a_runoff_where_the_most_votes_elect(service, ids):
    poll = open_election(service, ids, seats=2)
    pairs = [("张伟", "赵敏")] * 4 + [("张伟", "刘洋")] * 4 + [("赵敏", "刘洋")] * 2   # 张伟 8, 赵敏 6, 刘洋 6
    for code, pair in zip(service.make_codes(poll, 10), pairs):
        service.cast(poll, code, ElectionBallot({n: F for n in pair}), "booth")
    first = service.close(poll)
    assert first.elected == ("张伟",) and set(first.tie) == {"赵敏", "刘洋"}
    runoff = service.follow_up(poll)
    detail = service.detail(runoff)
    assert detail.runoff and detail.seats == 1 and detail.round == 2 and detail.parent_id == poll
    assert detail.candidates == ("刘洋", "赵敏")
    everyone_present(service, runoff, ids)
    service.open(runoff)
    for name in FULL:
        service.receive(runoff, ids[name])
    codes = service.make_codes(runoff, 10)
    for i, code in enumerate(codes[:7]):
        service.cast(runoff, code, ElectionBallot({"赵敏": F} if i < 4 else {"刘洋": F}), "booth")
    second = service.close(runoff)
    assert second.elected == ("赵敏",)        # 4 of 10 present, but the most votes in a runoff
    assert service.follow_up(runoff) is None


def test_vacancies_go_to_a_further_round(service, ids):
    poll = open_election(service, ids)
    for code in service.make_codes(poll, 10):
        service.cast(poll, code, ElectionBallot({"张伟": F, "赵敏": F, "刘洋": A, "陈静": A}), "booth")
    result = service.close(poll)
    assert result.vacancies == 1
    nxt = service.detail(service.follow_up(poll))
    assert not nxt.runoff and nxt.seats == 1 and set(nxt.candidates) <= {"刘洋", "陈静"}


def test_a_decision_with_written_opinions(service, ids, ctx):
    poll = service.create(PollSetup(PollKind.DECISION, "接收孙悦为预备党员", ("孙悦",), subject=DecisionSubject.ADMISSION,
                                    ways=("booth",)))
    everyone_present(service, poll, ids, FULL[:6])
    service.set_written(poll, WrittenOpinions(votes_for=1))
    with pytest.raises(VoteRefused):
        service.set_written(poll, WrittenOpinions(votes_for=5))   # 6 present + 5 written > 10 due
    service.open(poll)
    codes = service.make_codes(poll, 6)
    for name in FULL[:6]:
        service.receive(poll, ids[name])
    for i, code in enumerate(codes):
        service.cast(poll, code, DecisionBallot(F if i < 5 else A), "booth")
    result = service.close(poll)
    assert result.passed and result.votes_for == 6          # 5 + 1 written > 10 / 2


def test_a_decision_needs_more_than_half_of_due(service, ids):
    poll = service.create(PollSetup(PollKind.DECISION, "郑凯转正", ("郑凯",), subject=DecisionSubject.FULL_MEMBERSHIP,
                                    ways=("booth",)))
    everyone_present(service, poll, ids, FULL[:6])
    service.open(poll)
    for i, code in enumerate(service.make_codes(poll, 6)):
        service.cast(poll, code, DecisionBallot(F if i < 5 else X), "booth")
    assert not service.close(poll).passed                     # 5 of 10 due is exactly half


def test_appraisal_rates_everyone_on_the_roll(service, ids):
    poll = service.create(PollSetup(PollKind.APPRAISAL, "2026年度民主评议党员", ways=("booth",)))
    names = service.detail(poll).candidates
    assert len(names) == 13 and "孙悦" in names                 # probationary members are rated too
    assert service.counts(poll).due == 10                       # … but do not vote
    everyone_present(service, poll, ids)
    service.open(poll)
    for code in service.make_codes(poll, 3):
        service.cast(poll, code, AppraisalBallot({n: Rating.EXCELLENT for n in names[:6]}), "booth")
    result = service.close(poll)
    assert result.over_limit and result.ballots_over_third == 3


def test_members_of_the_same_name_are_told_apart_in_an_appraisal(service, ids, ctx):
    from tests.helpers.votes import add
    from core.members import MemberCategory
    add(ctx, "王书记", MemberCategory.FULL)
    poll = service.create(PollSetup(PollKind.APPRAISAL, "民主评议", ways=("booth",)))
    names = service.detail(poll).candidates
    assert "王书记（1）" in names and "王书记（2）" in names
