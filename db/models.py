"""SQLAlchemy models of the branch database. Change them only with an Alembic migration."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.personal import PersonalText, SealedBytes


class Base(DeclarativeBase):
    pass


class Branch(Base):
    """The one branch this file belongs to."""
    __tablename__ = "branch"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # Keys the MACs on printed QR codes and the look-up hashes of personal data.
    secret: Mapped[bytes] = mapped_column(SealedBytes("branch.secret"))  # sealed under the data key (db/crypto.py)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PartyGroup(Base):
    """党小组."""
    __tablename__ = "party_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ImportBatch(Base):
    """One committed spreadsheet import, kept so it can be undone."""
    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_name: Mapped[str] = mapped_column(String(255))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Member(Base):
    """The 16 items of 党员基本信息采集表 plus 党小组 and the dues category and base."""
    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Opaque, random: what a printed badge carries instead of anything personal.
    public_id: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(40), index=True)
    # "zw|zhangwei": kept so that the roster filters without computing pinyin.
    name_key: Mapped[str] = mapped_column(String(200), default="")
    gender: Mapped[str | None] = mapped_column(String(8), nullable=True)
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    id_number: Mapped[str] = mapped_column(PersonalText("member.id_number"), nullable=True)
    id_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    education: Mapped[str] = mapped_column(String(30), default="")
    category: Mapped[str | None] = mapped_column(String(16), nullable=True)
    joined_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    full_member_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    post: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(PersonalText("member.phone"), nullable=True)
    address: Mapped[str] = mapped_column(PersonalText("member.address"), nullable=True)
    party_standing: Mapped[str] = mapped_column(String(16), default="normal")
    lost_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    lost_contact_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    mobile: Mapped[bool] = mapped_column(Boolean, default=False)
    mobile_destination: Mapped[str] = mapped_column(String(100), default="")
    group_id: Mapped[int | None] = mapped_column(ForeignKey("party_group.id", ondelete="SET NULL"), nullable=True, index=True)
    dues_category: Mapped[str | None] = mapped_column(String(20), nullable=True)
    dues_base_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    roll_status: Mapped[str] = mapped_column(String(20), default="active", index=True)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class MemberEvent(Base):
    """Status history: 转入/转出/出党/去世/停止党籍/失联/流动 … with the date it happened."""
    __tablename__ = "member_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class ImportUpdate(Base):
    """A member's values before an import overwrote them (for undo)."""
    __tablename__ = "import_update"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    before: Mapped[str] = mapped_column(PersonalText("member_event.before"), nullable=True)  # JSON; holds personal data


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


# -- dues (党费, DOMAIN §1; migration 0002) ---------------------------------------------------
# Money is integer fen. Nothing here is ever updated or deleted by the program: a new base
# supersedes an older one for the same months, and a mistaken payment or remittance is
# corrected by a reversing entry that points at it.

class DuesBase(Base):
    """A member's dues assessment from a month on: category and monthly base (the year's base
    from January, or a dated override), or for 少交/免交 the approved amount and who approved
    it. For a month, the row with the latest ``from_month`` not after it wins (ties: the
    newest row), so the history of every change stays readable."""
    __tablename__ = "dues_base"
    __table_args__ = (Index("ix_dues_base_year_member", "year", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    from_month: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(20))
    base_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    approved_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    approved_by: Mapped[str] = mapped_column(String(100), default="")
    approved_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(String(10), default="set")  # set | import | roster
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class DuesPayment(Base):
    """Money received from (or for) a member: dues for the months in its lines, or a voluntary
    extra (第十一条, no lines). A reversal has the negative amount and ``reverses_id``."""
    __tablename__ = "dues_payment"
    id: Mapped[int] = mapped_column(primary_key=True)
    # No ON DELETE: a member with payments cannot be deleted (an import's undo is refused).
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12), default="dues")  # dues | voluntary
    paid_on: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(20), default="")
    receipt_no: Mapped[str] = mapped_column(String(50), default="")
    paid_by: Mapped[str] = mapped_column(String(40), default="")  # 代缴: who paid for the member
    note: Mapped[str] = mapped_column(Text, default="")
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("dues_payment.id"), nullable=True, unique=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class DuesPaymentMonth(Base):
    """One month a payment covers and how much of it went to that month."""
    __tablename__ = "dues_payment_month"
    __table_args__ = (Index("ix_dues_payment_month_year_member", "year", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("dues_payment.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)


class DuesRemittance(Base):
    """Dues handed to the superior committee (上缴)."""
    __tablename__ = "dues_remittance"
    id: Mapped[int] = mapped_column(primary_key=True)
    remitted_on: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(Integer)
    receipt_no: Mapped[str] = mapped_column(String(50), default="")
    recipient: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("dues_remittance.id"), nullable=True, unique=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


# -- meetings (三会一课 and more, DOMAIN §2; migration 0003) -------------------------------------

class CommitteeTerm(Base):
    """A member's post on the branch committee (支委: 书记, 组织委员 …) from ``since`` until the day
    before ``until`` (open while None). Kept, not overwritten, so that a past 支委会 knows who
    was on the committee then."""
    __tablename__ = "committee_term"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    since: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class Meeting(Base):
    """One meeting (or 谈心谈话) and its record: who it was for, the minutes (HTML), the
    resolutions, the 主题党日 items done (comma-separated core.meetings.ThemeDayItem values)."""
    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_start", "start"), Index("ix_meeting_type_start", "type", "start"))
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    start: Mapped[datetime] = mapped_column(DateTime)
    end: Mapped[datetime] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(200), default="")
    host: Mapped[str] = mapped_column(String(40), default="")
    recorder: Mapped[str] = mapped_column(String(40), default="")
    audience: Mapped[str] = mapped_column(String(12))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("party_group.id", ondelete="SET NULL"), nullable=True)
    talk_a_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"), nullable=True)
    talk_b_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"), nullable=True)
    minutes: Mapped[str] = mapped_column(Text, default="")
    resolutions: Mapped[str] = mapped_column(Text, default="")
    theme_items: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Attendance(Base):
    """What was recorded for one member at one meeting: present, leave (with the reason) or
    absent. Filled by sign-in or by hand; every change leaves an AttendanceChange."""
    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id", name="uq_meeting_attendance_member"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class AttendanceChange(Base):
    """Who changed an attendance entry, when, and from what to what (None: no entry)."""
    __tablename__ = "attendance_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    old_status: Mapped[str | None] = mapped_column(String(10), nullable=True)
    new_status: Mapped[str | None] = mapped_column(String(10), nullable=True)
    old_reason: Mapped[str] = mapped_column(String(200), default="")
    new_reason: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(10), default="hand")  # hand | signin
    changed_by: Mapped[str] = mapped_column(String(60), default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class MeetingAttachment(Base):
    """A photo or file of a meeting. The file itself lives once in the data folder under its
    SHA-256 (attachments/ab/abcd….jpg), however many meetings it is attached to."""
    __tablename__ = "meeting_attachment"
    __table_args__ = (UniqueConstraint("meeting_id", "sha256", name="uq_meeting_attachment_file"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    ext: Mapped[str] = mapped_column(String(16), default="")
    name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10), default="file")  # photo | file
    added_at: Mapped[datetime] = mapped_column(DateTime)


# -- sync with the central server (DESIGN: Sync; migration 0004) -------------------------------

class SyncOutbox(Base):
    """A summary packet (core.summary) waiting to go up, or sent. Kept after sending: the
    server's answer is the branch's receipt. ``refused`` holds the server's reason when it
    will never take the packet (a bug or a tampered file), so it stops blocking the queue."""
    __tablename__ = "sync_outbox"
    __table_args__ = (Index("ix_sync_outbox_waiting", "sent_at", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    packet_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    period: Mapped[str] = mapped_column(String(7))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    answer: Mapped[str] = mapped_column(Text, default="")
    refused: Mapped[str] = mapped_column(Text, default="")


class SyncPeriod(Base):
    """A month the secretary closed: its packet went into the outbox in the same transaction."""
    __tablename__ = "sync_period"
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    closed_at: Mapped[datetime] = mapped_column(DateTime)
    packet_id: Mapped[str] = mapped_column(String(36))


class SyncState(Base):
    """The one row (id 1) of this branch's enrollment and how sending goes."""
    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    server_url: Mapped[str] = mapped_column(String(300), default="")
    branch_code: Mapped[str] = mapped_column(String(40), default="")
    branch_name: Mapped[str] = mapped_column(String(100), default="")  # as the server knows it
    key_id: Mapped[str] = mapped_column(String(40), default="")
    key_secret: Mapped[str] = mapped_column(PersonalText("sync.key_secret"), nullable=True)  # base64url; encrypted with the rest
    enrolled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    clock_offset: Mapped[float] = mapped_column(Float, default=0.0)  # server clock − this PC's, seconds
    failures: Mapped[int] = mapped_column(Integer, default=0)  # in a row, for the back-off
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    last_error_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_notice_id: Mapped[int] = mapped_column(Integer, default=0)


class SyncNotice(Base):
    """A notice or requirement from the superior organisation, as the server sent it."""
    __tablename__ = "sync_notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    server_id: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    month: Mapped[str | None] = mapped_column(String(7), nullable=True)
    unit: Mapped[str] = mapped_column(String(100), default="")
    published_at: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(DateTime)
    dismissed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


# -- sign-in (签到, DOMAIN §7; migration 0005) ------------------------------------------------
# Leave (请假) is the meeting's attendance (Attendance), written by the sign-in desk as by hand.

class SigninScan(Base):
    """A member's sign-in ("in") or sign-out ("out") at a meeting: from the kiosk's scanner, a
    phone, or by hand at the secretary's desk. One of each kind at most: a repeated scan writes
    nothing (the unique constraint holds that across processes too)."""
    __tablename__ = "signin_scan"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id", "kind", name="uq_signin_scan_kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(3))            # in | out
    at: Mapped[datetime] = mapped_column(DateTime)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(10))         # kiosk | phone | hand
    device: Mapped[str | None] = mapped_column(String(64), nullable=True)  # SHA-256 of the phone's cookie


class SigninPhone(Base):
    """The phone a member signed in with at a meeting: one phone per member and one member per
    phone, so that no one signs in a row of absent friends from their own phone."""
    __tablename__ = "signin_phone"
    __table_args__ = (UniqueConstraint("meeting_id", "device", name="uq_signin_phone_device"),
                      UniqueConstraint("meeting_id", "member_id", name="uq_signin_phone_member"))
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    device: Mapped[str] = mapped_column(String(64))
    bound_at: Mapped[datetime] = mapped_column(DateTime)


class SigninClose(Base):
    """A meeting closed for sign-in: who had not signed in and had no leave was marked 缺勤 and
    the attendance filled in; the counts are those of that moment."""
    __tablename__ = "signin_close"
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    closed_at: Mapped[datetime] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(60), default="")
    present: Mapped[int] = mapped_column(Integer)
    late: Mapped[int] = mapped_column(Integer)
    leave: Mapped[int] = mapped_column(Integer)
    absent: Mapped[int] = mapped_column(Integer)


class SigninPin(Base):
    """A member's sign-in PIN for the phone page, for members with no phone number on file (or
    who prefer it): an HMAC under the branch secret, never the digits."""
    __tablename__ = "signin_pin"
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True)
    pin_hash: Mapped[str] = mapped_column(String(64))
    set_at: Mapped[datetime] = mapped_column(DateTime)


# -- votes (无记名投票, DOMAIN §3; migration 0006) ---------------------------------------------
# DESIGN (Ballot secrecy): a member *received* a ballot (BallotReceived) and a one-time code was
# *used* (OneTimeCode) — neither says which ballot. A Ballot is (random id, poll, choice) and
# nothing else: no time, no rowid (WITHOUT ROWID, so no insertion-ordered key exists), written
# into a place made ready when the poll opened (desktop/services/ballot_box.py explains why).

class Poll(Base):
    """An election, a decision on one subject, or a 民主评议, and its result once closed."""
    __tablename__ = "poll"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))                 # core.votes.PollKind
    title: Mapped[str] = mapped_column(String(200))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True, index=True)
    subject: Mapped[str] = mapped_column(String(20), default="")  # core.votes.DecisionSubject (decisions)
    seats: Mapped[int] = mapped_column(Integer, default=0)        # elections
    committee: Mapped[bool] = mapped_column(Boolean, default=False)  # a committee election: competitive
    ways: Mapped[str] = mapped_column(String(30), default="paper")   # paper,booth,phone
    state: Mapped[str] = mapped_column(String(10), default="draft")  # draft | open | closed
    round: Mapped[int] = mapped_column(Integer, default=1)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("poll.id", ondelete="SET NULL"), nullable=True)
    runoff: Mapped[bool] = mapped_column(Boolean, default=False)  # a re-vote among the tied: most votes elect
    written_for: Mapped[int] = mapped_column(Integer, default=0)      # decisions: written opinions
    written_against: Mapped[int] = mapped_column(Integer, default=0)
    written_abstain: Mapped[int] = mapped_column(Integer, default=0)
    choice_size: Mapped[int] = mapped_column(Integer, default=0)      # bytes of every ballot's choice
    scrutineers: Mapped[str] = mapped_column(String(200), default="")  # 监票人
    tellers: Mapped[str] = mapped_column(String(200), default="")      # 计票人
    result: Mapped[str] = mapped_column(Text, default="")              # JSON, written when closed
    created_at: Mapped[datetime] = mapped_column(DateTime)
    opened_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class PollCandidate(Base):
    """A name on the ballot, in ballot order (姓氏笔画): a candidate, a decision's subject, or a
    member rated in a 民主评议."""
    __tablename__ = "poll_candidate"
    __table_args__ = (UniqueConstraint("poll_id", "name", name="uq_poll_candidate_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(40))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"), nullable=True)


class PollVoter(Base):
    """A member on the roll when the poll was set up: whether they vote (voter), have no vote
    (no_vote, with the core.votes.NoVote reason) or are excluded from those due with the superior
    committee's approval (excluded, with the core.votes.Exclusion and the approval in ``note``),
    and whether they are present."""
    __tablename__ = "poll_voter"
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(10), default="voter")
    reason: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    present: Mapped[bool] = mapped_column(Boolean, default=False)


class BallotReceived(Base):
    """A member received a ballot or drew a code slip — nothing about which one, and no time."""
    __tablename__ = "ballot_received"
    __table_args__ = {"sqlite_with_rowid": False}
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True)


class OneTimeCode(Base):
    """A voter's one-time code, as its HMAC: never the digits, never a member."""
    __tablename__ = "one_time_code"
    __table_args__ = {"sqlite_with_rowid": False}
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), index=True)
    used: Mapped[bool] = mapped_column(Boolean, default=False)


class CountedSerial(Base):
    """A paper ballot's serial once counted, as its HMAC: only to refuse the same ballot twice."""
    __tablename__ = "counted_serial"
    __table_args__ = {"sqlite_with_rowid": False}
    serial_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), index=True)


class Ballot(Base):
    """One ballot: a random 128-bit id, the poll, the choice (core/ballot_codes.py). Nothing else."""
    __tablename__ = "ballot"
    __table_args__ = {"sqlite_with_rowid": False}
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), index=True)
    choice: Mapped[str] = mapped_column(Text)


class KeyEnvelope(Base):
    """The branch's data key wrapped (AES-GCM) under a key derived from the password, or from
    the recovery key; 'open' for the demo branch, whose key is stored as it is (db/crypto.py)."""
    __tablename__ = "key_envelope"
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    kdf: Mapped[str] = mapped_column(String(20))
    kdf_params: Mapped[str] = mapped_column(Text)  # JSON
    salt: Mapped[bytes] = mapped_column(LargeBinary)
    nonce: Mapped[bytes] = mapped_column(LargeBinary)
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """One line of the append-only audit log: who revealed or exported personal data, and the
    other acts the rules want on record. ``hash`` chains each line to the one before it under
    a key only the unlocked program has; triggers refuse UPDATE and DELETE (migration 0007)."""
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(80))
    detail: Mapped[str] = mapped_column(Text)  # JSON; never personal data
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
