"""DOMAIN §3 against core.votes: quorum, void elections, invalid ballots, write-ins, who is
elected, ties and further rounds, decisions with written opinions, 民主评议."""
from __future__ import annotations

import pytest
from hypothesis import assume, given, settings, strategies as st

from core.votes import (AppraisalBallot, DecisionBallot, ElectionBallot, Exclusion, Mark, NoVote, PollKind, Rating,
                        WrittenOpinions, competitive_shortfall, decision_quorum, election_quorum, further_round_size,
                        majority_of, no_vote_reason, quorum, quorum_minimum, read_election_ballot, tally_appraisal,
                        tally_decision, tally_election)

F, A, X = Mark.FOR, Mark.AGAINST, Mark.ABSTAIN
CANDS = ("丁一", "王二", "李三", "张四")


def ballot(*marks: Mark | None, write_ins=(), unreadable=False) -> ElectionBallot:
    return ElectionBallot({c: m for c, m in zip(CANDS, marks) if m is not None}, tuple(write_ins), unreadable)


def elect(ballots, *, seats=3, due=30, present=26, issued=26, candidates=CANDS):
    return tally_election(seats=seats, candidates=candidates, due=due, present=present, issued=issued, ballots=ballots)


def by_name(result):
    return {c.name: c for c in result.candidates}


# -- labels and identifiers ------------------------------------------------------------------

def test_identifiers_are_stable():
    assert [k.value for k in PollKind] == ["election", "decision", "appraisal"]
    assert [m.value for m in Mark] == ["for", "against", "abstain"]
    assert [r.value for r in Rating] == ["excellent", "competent", "basic", "incompetent"]
    assert len(Exclusion) == 5  # the five groups of DOMAIN §3


def test_every_value_has_a_label():
    for enum in (PollKind, Rating, NoVote, Exclusion):
        labels = [m.label for m in enum]
        assert all(labels) and len(set(labels)) == len(labels)
    assert Mark.AGAINST.label(PollKind.ELECTION) != Mark.AGAINST.label(PollKind.DECISION)  # 不赞成 / 反对


# -- who votes ------------------------------------------------------------------------------------

def test_only_full_members_in_normal_standing_vote():
    assert no_vote_reason("full", "normal") is None
    assert no_vote_reason("probationary", "normal") is NoVote.PROBATIONARY
    assert no_vote_reason(None, "normal") is NoVote.PROBATIONARY
    assert no_vote_reason("full", "suspended") is NoVote.SUSPENDED
    assert no_vote_reason("full", "normal", NoVote.ON_PROBATION) is NoVote.ON_PROBATION
    assert no_vote_reason("full", "normal", NoVote.DETAINED) is NoVote.DETAINED


# -- quorum ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("due, present, met", [
    (30, 25, True), (30, 24, False),      # 24 is exactly 4/5: not more
    (5, 5, True), (5, 4, False), (10, 9, True), (10, 8, False), (1, 1, True), (0, 0, False),
])
def test_election_quorum_is_strictly_more_than_four_fifths(due, present, met):
    assert election_quorum(due, present) is met
    assert quorum(PollKind.ELECTION, due, present) is met


@pytest.mark.parametrize("due, present, met", [(30, 16, True), (30, 15, False), (7, 4, True), (7, 3, False), (2, 2, True), (2, 1, False)])
def test_decision_quorum_is_strictly_more_than_half(due, present, met):
    assert decision_quorum(due, present) is met
    assert quorum(PollKind.DECISION, due, present) is met


@given(st.integers(1, 2000))
def test_quorum_minimum_is_the_edge(due):
    for kind in (PollKind.ELECTION, PollKind.DECISION):
        m = quorum_minimum(kind, due)
        assert quorum(kind, due, m) and not quorum(kind, due, m - 1)


@given(st.integers(0, 5000))
def test_majority_is_more_than_half(n):
    m = majority_of(n)
    assert m * 2 > n and (m - 1) * 2 <= n


def test_competitive_ratio():
    assert competitive_shortfall(3, 4) == 0 and competitive_shortfall(3, 3) == 1
    assert competitive_shortfall(5, 6) == 0 and competitive_shortfall(5, 5) == 1
    assert competitive_shortfall(7, 8) == 1 and competitive_shortfall(7, 9) == 0   # 8.4 → 9
    assert competitive_shortfall(1, 1) == 1 and competitive_shortfall(1, 2) == 0
    assert [further_round_size(v) for v in (1, 2, 3, 5, 6)] == [2, 3, 4, 6, 8]


# -- election ballots ------------------------------------------------------------------------

def test_unmarked_candidate_is_an_abstention():
    r = elect([ballot(F)])
    assert by_name(r)["王二"].abstain == 1 and by_name(r)["丁一"].votes_for == 1


def test_more_names_than_seats_is_invalid_write_ins_included():
    assert not read_election_ballot(ballot(F, F, F, F), CANDS, 3).valid
    assert read_election_ballot(ballot(F, F, F, A), CANDS, 3).valid
    # Three 赞成 and a write-in for the 不赞成: four names for three seats.
    assert not read_election_ballot(ballot(F, F, F, A, write_ins=["孙七"]), CANDS, 3).valid
    assert read_election_ballot(ballot(F, F, A, A, write_ins=["孙七"]), CANDS, 3).valid


def test_unreadable_ballot_is_invalid_and_counts_for_no_one():
    r = elect([ballot(F, F, unreadable=True), ballot(F)])
    assert (r.valid_ballots, r.invalid_ballots) == (1, 1)
    assert by_name(r)["丁一"].votes_for == 1 and by_name(r)["王二"].votes_for == 0


def test_a_write_in_needs_a_not_in_favour_mark():
    # 弃权 and a write-in: the write-in does not count; the rest of the ballot does.
    read = read_election_ballot(ballot(F, X, write_ins=["孙七"]), CANDS, 3)
    assert read.valid and read.write_ins == () and read.void_write_ins == ("孙七",)
    # One 不赞成, two write-ins: the first counts.
    read = read_election_ballot(ballot(A, F, write_ins=["孙七", "周八"]), CANDS, 3)
    assert read.write_ins == ("孙七",) and read.void_write_ins == ("周八",)


def test_a_write_in_of_a_printed_candidate_or_twice_the_same_does_not_count():
    read = read_election_ballot(ballot(A, A, write_ins=["王二", "孙七", " 孙七 "]), CANDS, 3)
    assert read.write_ins == ("孙七",) and read.void_write_ins == ("王二", "孙七")


def test_write_ins_are_counted_and_can_be_elected():
    ballots = [ballot(A, F, F, write_ins=["孙七"]) for _ in range(20)]
    r = elect(ballots, present=26, issued=26)
    assert by_name(r)["孙七"].written_in and by_name(r)["孙七"].votes_for == 20
    assert set(r.elected) == {"王二", "李三", "孙七"}
    assert [c.name for c in r.candidates][:4] == list(CANDS)


# -- void and quorum -------------------------------------------------------------------------

def test_more_ballots_than_issued_voids_the_election():
    ballots = [ballot(F, F, F) for _ in range(27)]
    r = elect(ballots, issued=26)
    assert r.void and not r.decided and r.elected == () and r.vacancies == 0
    assert not elect(ballots[:26], issued=26).void


def test_fewer_ballots_than_issued_is_fine():
    r = elect([ballot(F, F, F) for _ in range(20)], issued=26)
    assert not r.void and set(r.elected) == {"丁一", "王二", "李三"}


def test_no_quorum_elects_no_one():
    r = elect([ballot(F, F, F) for _ in range(24)], due=30, present=24, issued=24)
    assert not r.quorum_met and r.elected == ()


# -- who is elected --------------------------------------------------------------------------

def test_exactly_half_of_present_does_not_elect():
    # 26 present: 13 is half, 14 elects.
    ballots = [ballot(F, F) for _ in range(13)] + [ballot(None, F, F) for _ in range(1)] + [ballot() for _ in range(12)]
    r = elect(ballots, present=26, issued=26)
    assert r.needed == 14
    assert by_name(r)["丁一"].votes_for == 13 and not by_name(r)["丁一"].elected
    assert by_name(r)["王二"].votes_for == 14 and by_name(r)["王二"].elected


def test_majority_is_of_present_not_of_valid_ballots():
    # 26 present, only 20 ballots back: 11 votes are a majority of the ballots but not of those present.
    ballots = [ballot(F) for _ in range(11)] + [ballot() for _ in range(9)]
    r = elect(ballots, present=26, issued=26)
    assert not by_name(r)["丁一"].elected and r.vacancies == 3


def test_too_many_pass_ranked_by_votes():
    ballots = ([ballot(F, F, F) for _ in range(16)] + [ballot(None, F, F, F) for _ in range(4)]
               + [ballot(F, None, None, F) for _ in range(6)])
    r = elect(ballots)
    votes = {c.name: c.votes_for for c in r.candidates}
    assert votes == {"丁一": 22, "王二": 20, "李三": 20, "张四": 10}
    assert r.elected == ("丁一", "王二", "李三") and r.tie == ()


def test_tie_at_the_cut_off_goes_to_a_re_vote_among_the_tied():
    # Two seats; 丁一 20, 王二 and 李三 18 each: 丁一 elected, 王二 and 李三 re-vote for one seat.
    ballots = [ballot(F, F) for _ in range(10)] + [ballot(F, None, F) for _ in range(10)] + [ballot(None, F, F) for _ in range(8)]
    r = elect(ballots, seats=2, due=30, present=29, issued=29)
    votes = {c.name: c.votes_for for c in r.candidates}
    assert votes["丁一"] == 20 and votes["王二"] == votes["李三"] == 18
    assert r.elected == ("丁一",) and set(r.tie) == {"王二", "李三"} and r.revote_seats == 1
    assert by_name(r)["王二"].tied and not by_name(r)["王二"].elected
    assert r.vacancies == 0


def test_a_runoff_elects_the_most_votes_without_a_majority():
    # The re-vote among 王二 and 李三 for one seat: 10 to 8 with 8 abstaining elects 王二.
    cands = ("王二", "李三")
    ballots = ([ElectionBallot({"王二": F}) for _ in range(10)] + [ElectionBallot({"李三": F}) for _ in range(8)]
               + [ElectionBallot() for _ in range(8)])
    r = tally_election(seats=1, candidates=cands, due=30, present=26, issued=26, ballots=ballots, runoff=True)
    assert r.elected == ("王二",) and r.needed == 1
    again = tally_election(seats=1, candidates=cands, due=30, present=26, issued=26, runoff=True,
                           ballots=[ElectionBallot({"王二": F}), ElectionBallot({"李三": F})])
    assert again.elected == () and set(again.tie) == set(cands)
    # Not a runoff: 10 of 26 present is no majority.
    assert tally_election(seats=1, candidates=cands, due=30, present=26, issued=26, ballots=ballots).elected == ()


def test_tie_above_the_cut_off_is_no_tie():
    ballots = [ballot(F, F, None, None) for _ in range(20)] + [ballot(None, None, F) for _ in range(6)]
    r = elect(ballots, seats=2)
    assert set(r.elected) == {"丁一", "王二"} and r.tie == ()


def test_too_few_pass_leaves_vacancies_for_a_further_round():
    ballots = [ballot(F, F, A, A) for _ in range(14)] + [ballot(A, A, F, F) for _ in range(12)]
    r = elect(ballots, seats=3)
    assert set(r.elected) == {"丁一", "王二"} and r.vacancies == 1
    # 20% more candidates than vacancies, rounded up, by votes among the not elected.
    assert r.further_round == ("李三", "张四")


def test_void_or_inquorate_elections_have_no_further_round():
    r = elect([ballot(A, A, A) for _ in range(27)], issued=26)
    assert r.void and r.vacancies == 0 and r.further_round == ()


# -- decisions ---------------------------------------------------------------------------------

def decide(fors, againsts=0, abstains=0, *, due=30, present=None, issued=None, written=WrittenOpinions(), extra=()):
    ballots = [DecisionBallot(F)] * fors + [DecisionBallot(A)] * againsts + [DecisionBallot(X)] * abstains + list(extra)
    present = len(ballots) if present is None else present
    issued = present if issued is None else issued
    return tally_decision(subject="赵五", due=due, present=present, issued=issued, ballots=ballots, written=written)


def test_decision_passes_with_more_than_half_of_due_not_of_present():
    assert decide(16, 4, due=30).passed
    r = decide(15, 1, due=30)           # 15 of 16 present, but half of 30 due
    assert r.quorum_met and not r.passed and r.needed == 16


def test_exactly_half_of_due_does_not_pass():
    assert not decide(15, 2, due=30).passed
    assert decide(16, 1, due=30).passed


def test_written_opinions_of_absent_members_count():
    r = decide(15, 2, due=30, written=WrittenOpinions(votes_for=1))
    assert r.passed and r.votes_for == 16 and r.written.votes_for == 1
    r = decide(15, 2, due=30, written=WrittenOpinions(votes_against=3))
    assert not r.passed and r.votes_against == 5


def test_written_opinions_do_not_make_the_quorum():
    r = decide(15, 0, due=30, written=WrittenOpinions(votes_for=10))
    assert not r.quorum_met and not r.passed


def test_written_opinions_come_from_the_absent():
    with pytest.raises(ValueError):
        decide(20, 5, due=30, written=WrittenOpinions(votes_for=6))


def test_decision_void_when_more_ballots_than_issued():
    r = decide(20, 0, due=30, present=25, issued=19)
    assert r.void and not r.passed


def test_blank_decision_ballot_is_an_abstention_and_unreadable_is_invalid():
    r = decide(16, extra=[DecisionBallot(None), DecisionBallot(unreadable=True)], due=30)
    assert r.abstain == 1 and r.invalid_ballots == 1 and r.valid_ballots == 17 and r.passed


# -- 民主评议 -------------------------------------------------------------------------------------

def test_appraisal_distribution_and_the_third():
    members = ["甲", "乙", "丙", "丁", "戊", "己"]      # a third of six: two may be 优秀
    E, C, B, I = Rating.EXCELLENT, Rating.COMPETENT, Rating.BASIC, Rating.INCOMPETENT
    ballots = [AppraisalBallot({"甲": E, "乙": E, "丙": E, "丁": C, "戊": B, "己": I})] * 4 \
        + [AppraisalBallot({"甲": E, "乙": C, "丙": C, "丁": C})] * 2
    r = tally_appraisal(members, ballots)
    rows = {row.member: row for row in r.rows}
    assert rows["甲"].counts[E] == 6 and rows["乙"].counts[E] == 4 and rows["己"].unrated == 2
    assert r.excellent_limit == 2 and r.over_limit
    assert rows["甲"].majority_excellent and not rows["甲"].beyond_third
    # 乙 and 丙 both have 4: a tie at the edge, and one of them is beyond the third.
    assert rows["丙"].beyond_third and rows["乙"].tied and rows["丙"].tied
    assert r.ballots_over_third == 4          # three of six 优秀 is more than a third
    assert rows["戊"].counts[B] == 4 and rows["己"].counts[I] == 4


def test_appraisal_within_the_third_is_not_flagged():
    members = ["甲", "乙", "丙"]
    r = tally_appraisal(members, [AppraisalBallot({"甲": Rating.EXCELLENT, "乙": Rating.COMPETENT, "丙": Rating.COMPETENT})] * 3)
    assert not r.over_limit and not any(row.beyond_third for row in r.rows) and r.ballots_over_third == 0


# -- properties ---------------------------------------------------------------------------------

marks = st.sampled_from([F, A, X, None])
election_ballots = st.lists(st.builds(
    lambda ms, w, u: ballot(*ms, write_ins=w, unreadable=u),
    st.lists(marks, min_size=4, max_size=4),
    st.lists(st.sampled_from(["孙七", "周八", "王二"]), max_size=3),
    st.sampled_from([False] * 9 + [True])), max_size=40)


@settings(max_examples=300, deadline=None)
@given(election_ballots, st.integers(1, 3), st.integers(1, 45), st.data())
def test_election_invariants(ballots, seats, due, data):
    present = data.draw(st.integers(0, due))
    issued = data.draw(st.integers(0, present))
    r = elect(ballots, seats=seats, due=due, present=present, issued=issued)
    assert r.valid_ballots + r.invalid_ballots == len(ballots)
    assert len(r.elected) <= seats
    assert r.void == (len(ballots) > issued)
    assert r.quorum_met == (present * 5 > due * 4)
    if not r.decided:
        assert r.elected == () and r.tie == () and r.vacancies == 0
    for c in r.candidates:
        assert c.votes_for <= r.valid_ballots
        if c.elected:
            assert c.votes_for * 2 > present             # never with exactly half
        if not c.written_in:
            assert c.votes_for + c.votes_against + c.abstain == r.valid_ballots
    assert len(r.elected) + r.revote_seats + r.vacancies == (seats if r.decided else 0)
    if r.tie:
        assert len(r.tie) > r.revote_seats > 0
        assert len({by_name(r)[n].votes_for for n in r.tie}) == 1
        # Everyone elected has more votes than the tied.
        assert all(by_name(r)[e].votes_for > by_name(r)[r.tie[0]].votes_for for e in r.elected)
    # Every ballot counted names at most ``seats`` people.
    assert sum(c.votes_for for c in r.candidates) <= r.valid_ballots * seats


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 30), st.integers(0, 30), st.integers(0, 30), st.integers(1, 80), st.integers(0, 5), st.data())
def test_decision_invariants(fors, againsts, abstains, due, written_for, data):
    n = fors + againsts + abstains
    assume(n + written_for <= due)
    present = data.draw(st.integers(n, due - written_for))
    issued = data.draw(st.integers(0, present))
    r = decide(fors, againsts, abstains, due=due, present=present, issued=issued, written=WrittenOpinions(votes_for=written_for))
    assert r.passed == (present * 2 > due and n <= issued and (fors + written_for) * 2 > due)
    if (fors + written_for) * 2 == due:
        assert not r.passed


def test_an_election_of_ten_thousand_ballots_is_quick():
    import time
    ballots = [ballot(F, F, A, X, write_ins=["孙七"]) for _ in range(10_000)]
    started = time.perf_counter()
    r = elect(ballots, due=10_000, present=10_000, issued=10_000)
    assert time.perf_counter() - started < 2.0
    assert r.elected == ("丁一", "王二", "孙七")
