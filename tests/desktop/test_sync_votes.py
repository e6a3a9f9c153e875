"""Vote outcomes and the 民主评议 grades in the month's summary packet (DOMAIN §6): polls run and
closed through VoteService, the packet built by the sync service's builder — counts only."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import update

from core.summary import Grade, PacketKind, VoteKind, from_json, new_packet_id
from core.votes import AppraisalBallot, DecisionBallot, DecisionSubject, Mark, PollKind, Rating, WrittenOpinions
from db.models import Poll
from desktop.services.summary_builder import build_summary
from desktop.services.votes import PollSetup, VoteService
from tests.helpers.votes import FULL, PROBATIONARY, SUSPENDED, branch, everyone_present


def _packet(ctx, period: str):
    return build_summary(ctx, branch="B0001", seq=1, packet_id=new_packet_id(), period=period,
                         kind=PacketKind.SNAPSHOT, made_at=ctx.clock.now())


def test_closed_polls_of_the_month_go_up_as_counts(ctx):
    service = VoteService(ctx.db, ctx.clock)
    ids = branch(ctx)

    admission = service.create(PollSetup(PollKind.DECISION, "接收孙悦为预备党员", ("孙悦",),
                                         subject=DecisionSubject.ADMISSION, ways=("booth",)))
    everyone_present(service, admission, ids, FULL[:7])
    service.set_written(admission, WrittenOpinions(votes_for=1))
    service.open(admission)
    for name in FULL[:7]:
        service.receive(admission, ids[name])
    marks = [Mark.FOR] * 4 + [Mark.AGAINST, Mark.ABSTAIN, None]
    for code, mark in zip(service.make_codes(admission, 7), marks):
        service.cast(admission, code, DecisionBallot(mark), "booth")
    decision = service.close(admission)
    counts = service.counts(admission)

    appraisal = service.create(PollSetup(PollKind.APPRAISAL, "2026年度民主评议党员", ways=("booth",)))
    names = service.detail(appraisal).candidates
    everyone_present(service, appraisal, ids)
    service.open(appraisal)
    ballots = [AppraisalBallot({names[0]: Rating.EXCELLENT, names[1]: Rating.COMPETENT, names[2]: Rating.BASIC}),
               AppraisalBallot({names[0]: Rating.EXCELLENT, names[1]: Rating.INCOMPETENT}),
               AppraisalBallot({names[0]: Rating.COMPETENT}),
               AppraisalBallot(unreadable=True)]
    for code, ballot in zip(service.make_codes(appraisal, 4), ballots):
        service.cast(appraisal, code, ballot, "booth")
    rated = service.close(appraisal)
    appraisal_counts = service.counts(appraisal)

    # A decision closed in October is not November's.
    october = service.create(PollSetup(PollKind.DECISION, "郑凯转正", ("郑凯",), subject=DecisionSubject.FULL_MEMBERSHIP,
                                       ways=("booth",)))
    everyone_present(service, october, ids, FULL[:6])
    service.open(october)
    service.close(october)
    with ctx.db.session.begin() as s:
        s.execute(update(Poll).where(Poll.id == october).values(closed_at=datetime(2026, 10, 31, 20, 0)))

    packet = _packet(ctx, "2026-11")
    assert len(packet.votes) == 2
    outcome, appraised = packet.votes
    assert outcome.kind == VoteKind.ADMISSION.value
    assert (outcome.eligible, outcome.present, outcome.cast) == (decision.due, decision.present, decision.collected) \
        == (counts.due, counts.present, counts.collected) == (10, 7, 7)
    assert (outcome.yes, outcome.no, outcome.abstain, outcome.invalid, outcome.passed) == \
        (decision.votes_for, decision.votes_against, decision.abstain, decision.invalid_ballots, decision.passed) == \
        (5, 1, 2, 0, False)                                          # 4 + 1 written of 10 due: not more than half
    assert appraised.kind == VoteKind.APPRAISAL.value and not appraised.passed
    assert (appraised.eligible, appraised.present, appraised.cast, appraised.invalid) == \
        (appraisal_counts.due, appraisal_counts.present, appraisal_counts.collected, rated.invalid_ballots) == (10, 10, 4, 1)
    # Every grade given on the valid ballots, whoever it was given to.
    assert packet.appraisal == {Grade.EXCELLENT.value: 2, Grade.QUALIFIED.value: 2, Grade.BASIC.value: 1,
                                Grade.UNQUALIFIED.value: 1}

    body = packet.to_json()
    assert from_json(body) == packet
    for name in FULL + PROBATIONARY + SUSPENDED + ["接收孙悦", "民主评议党员"]:
        assert name not in body

    october_packet = _packet(ctx, "2026-10")
    assert [v.kind for v in october_packet.votes] == [VoteKind.CONVERSION.value] and october_packet.appraisal == {}
    assert _packet(ctx, "2026-12").votes == ()
