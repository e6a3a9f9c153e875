"""Member roster use cases: list, add, edit, status history.

Members leave the roster only through an event (转出/出党/去世); nothing here deletes a
member's history.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import idnumber
from core.clock import Clock
from core.dues import DuesCategory
from core.i18n import translate
from core.members import (EventKind, Gender, MemberCategory, MemberRecord, PartyStanding, Problems,
                          RollStatus, complete_from_id, validate)
from core.search import pinyin_key
from core.text import clean_name
from db.engine import Database
from db.models import Branch, Member, MemberEvent, PartyGroup
from db.personal import lookup_hash
from desktop.services.errors import KnownError


class ValidationFailed(KnownError):
    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__("; ".join(msg for _, msg in problems.errors))


class ActionRefused(KnownError):
    """A request that the rules do not allow; ``str(err)`` is the reason in the user's language."""


@dataclass(frozen=True)
class RosterRow:
    """One line of the roster table: plain values, nothing lazy."""
    id: int
    name: str
    name_key: str
    gender: str            # Gender value or ""
    category: str          # MemberCategory value or ""
    group: str
    id_masked: str
    id_number: str         # for searching by its tail; never shown
    birth_date: date | None
    joined_on: date | None
    full_member_on: date | None
    education: str
    post: str
    dues_category: str     # DuesCategory value or ""
    roll_status: str       # RollStatus value
    party_standing: str
    lost_contact: bool
    mobile: bool


@dataclass(frozen=True)
class EventRow:
    kind: EventKind
    on: date
    note: str


def new_public_id() -> str:
    return secrets.token_hex(8)


def record_from_member(m: Member, group: str) -> MemberRecord:
    return MemberRecord(
        id=m.id, name=m.name,
        gender=Gender(m.gender) if m.gender else None,
        ethnicity=m.ethnicity, id_number=m.id_number or "", birth_date=m.birth_date,
        education=m.education,
        category=MemberCategory(m.category) if m.category else None,
        joined_on=m.joined_on, full_member_on=m.full_member_on, post=m.post,
        phone=m.phone or "", address=m.address or "",
        party_standing=PartyStanding(m.party_standing),
        lost_contact=m.lost_contact, lost_contact_on=m.lost_contact_on,
        mobile=m.mobile, mobile_destination=m.mobile_destination,
        group=group,
        dues_category=DuesCategory(m.dues_category) if m.dues_category else None,
        dues_base_fen=m.dues_base_fen, note=m.note,
        roll_status=RollStatus(m.roll_status),
    )


def group_id_for(s: Session, name: str) -> int | None:
    """The 党小组 of that name, created when new."""
    name = name.strip()
    if not name:
        return None
    gid = s.scalar(select(PartyGroup.id).where(PartyGroup.name == name))
    if gid is None:
        position = (s.scalar(select(PartyGroup.position).order_by(PartyGroup.position.desc()).limit(1)) or 0) + 1
        group = PartyGroup(name=name, position=position)
        s.add(group)
        s.flush()
        gid = group.id
    return gid


def apply_record(s: Session, m: Member, rec: MemberRecord, secret: bytes, now) -> None:
    """Copy a record's values onto a member row (new or existing)."""
    m.name = rec.name
    m.name_key = pinyin_key(rec.name)
    m.gender = rec.gender.value if rec.gender else None
    m.ethnicity = rec.ethnicity
    m.id_number = rec.id_number or None
    m.id_hash = lookup_hash(secret, rec.id_number)
    m.birth_date = rec.birth_date
    m.education = rec.education
    m.category = rec.category.value if rec.category else None
    m.joined_on = rec.joined_on
    m.full_member_on = rec.full_member_on
    m.post = rec.post
    m.phone = rec.phone or None
    m.address = rec.address or None
    m.party_standing = rec.party_standing.value
    m.lost_contact = rec.lost_contact
    m.lost_contact_on = rec.lost_contact_on
    m.mobile = rec.mobile
    m.mobile_destination = rec.mobile_destination
    m.group_id = group_id_for(s, rec.group)
    m.dues_category = rec.dues_category.value if rec.dues_category else None
    m.dues_base_fen = rec.dues_base_fen
    m.note = rec.note
    if m.public_id is None:
        m.public_id = new_public_id()
        m.created_at = now
    m.updated_at = now


class MemberService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock
        self._secret: bytes | None = None

    @property
    def secret(self) -> bytes:
        if self._secret is None:
            with self.db.session() as s:
                self._secret = s.get(Branch, 1).secret
        return self._secret

    # -- reading -------------------------------------------------------------
    def roster(self) -> list[RosterRow]:
        """Every member ever on this branch's roll (former members carry their status)."""
        stmt = (select(Member.id, Member.name, Member.name_key, Member.gender, Member.category,
                       PartyGroup.name, Member.id_number, Member.birth_date, Member.joined_on,
                       Member.full_member_on, Member.education, Member.post, Member.dues_category,
                       Member.roll_status, Member.party_standing, Member.lost_contact, Member.mobile)
                .outerjoin(PartyGroup, Member.group_id == PartyGroup.id)
                # Members in no group after the groups (SQLite would put NULL first).
                .order_by(PartyGroup.position.is_(None), PartyGroup.position, Member.id))
        with self.db.session() as s:
            rows = s.execute(stmt).all()
        mask = idnumber.mask
        return [RosterRow(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5] or "", mask(r[6]), r[6] or "",
                          r[7], r[8], r[9], r[10], r[11], r[12] or "", r[13], r[14], r[15], r[16])
                for r in rows]

    def get(self, member_id: int) -> MemberRecord:
        with self.db.session() as s:
            m = s.get(Member, member_id)
            if m is None:
                raise ActionRefused(translate("members", "That member no longer exists"))
            group = s.get(PartyGroup, m.group_id).name if m.group_id else ""
            return record_from_member(m, group)

    def groups(self) -> list[str]:
        with self.db.session() as s:
            return list(s.scalars(select(PartyGroup.name).order_by(PartyGroup.position)))

    def history(self, member_id: int) -> list[EventRow]:
        with self.db.session() as s:
            events = s.scalars(select(MemberEvent).where(MemberEvent.member_id == member_id)
                               .order_by(MemberEvent.on, MemberEvent.id))
            return [EventRow(EventKind(e.kind), e.on, e.note) for e in events]

    def branch_name(self) -> str:
        with self.db.session() as s:
            return s.get(Branch, 1).name

    def set_branch_name(self, name: str) -> None:
        name = name.strip()
        if not name:
            raise ActionRefused(translate("members", "The branch name is empty"))
        with self.db.session.begin() as s:
            s.get(Branch, 1).name = name

    # -- writing -------------------------------------------------------------
    def check(self, rec: MemberRecord, member_id: int | None = None) -> tuple[MemberRecord, Problems]:
        """Complete a record from its ID number and validate it, including duplicates."""
        # The spaces that line up 张  伟 with 欧阳娜娜 in a printed roster are not the name.
        rec = complete_from_id(rec.with_changes(name=clean_name(rec.name)))
        problems = validate(rec, self.clock.today())
        if rec.id_number and not any(f == "id_number" for f, _ in problems.errors):
            with self.db.session() as s:
                other = s.execute(select(Member.id, Member.name).where(
                    Member.id_hash == lookup_hash(self.secret, rec.id_number))).first()
            if other and other[0] != member_id:
                problems.error("id_number", translate("members", "This ID number already belongs to {name} on the roster").format(name=other[1]))
        return rec, problems

    def add(self, rec: MemberRecord, *, transferred_in_on: date | None = None) -> int:
        rec, problems = self.check(rec)
        if not problems.ok:
            raise ValidationFailed(problems)
        if transferred_in_on:
            self._check_event_date(transferred_in_on, rec.joined_on)
        now = self.clock.now()
        with self.db.session.begin() as s:
            m = Member()
            apply_record(s, m, rec, self.secret, now)
            s.add(m)
            s.flush()
            if transferred_in_on:
                s.add(MemberEvent(member_id=m.id, kind=EventKind.TRANSFER_IN.value, on=transferred_in_on, note="", recorded_at=now))
            return m.id

    def update(self, member_id: int, rec: MemberRecord) -> None:
        rec, problems = self.check(rec, member_id)
        if not problems.ok:
            raise ValidationFailed(problems)
        now = self.clock.now()
        today = self.clock.today()
        with self.db.session.begin() as s:
            m = s.get(Member, member_id)
            if m is None:
                raise ActionRefused(translate("members", "That member no longer exists"))
            # Changes to status flags made in the form still leave a line in the history.
            events: list[tuple[EventKind, date, str]] = []
            if m.party_standing != rec.party_standing.value:
                events.append((EventKind.SUSPENDED if rec.party_standing is PartyStanding.SUSPENDED else EventKind.RESTORED, today, ""))
            if m.lost_contact != rec.lost_contact:
                events.append((EventKind.LOST_CONTACT, rec.lost_contact_on or today, "") if rec.lost_contact else (EventKind.CONTACT_RESTORED, today, ""))
            if m.mobile != rec.mobile:
                events.append((EventKind.MOBILE_OUT, today, rec.mobile_destination) if rec.mobile else (EventKind.MOBILE_BACK, today, ""))
            if m.category == MemberCategory.PROBATIONARY.value and rec.category is MemberCategory.FULL:
                events.append((EventKind.CONVERTED, rec.full_member_on or today, ""))
            apply_record(s, m, rec, self.secret, now)
            for kind, on, note in events:
                s.add(MemberEvent(member_id=m.id, kind=kind.value, on=on, note=note, recorded_at=now))

    def _check_event_date(self, on: date, joined_on: date | None) -> None:
        if on > self.clock.today():
            raise ActionRefused(translate("members", "The date of a status change cannot be in the future"))
        if joined_on and on < joined_on:
            raise ActionRefused(translate("members", "The date of a status change cannot be before the member joined the Party"))

    def record_event(self, member_id: int, kind: EventKind, on: date, note: str = "") -> None:
        """Write a status change and its effect on the member (转出 takes them off the roll …)."""
        now = self.clock.now()
        with self.db.session.begin() as s:
            m = s.get(Member, member_id)
            if m is None:
                raise ActionRefused(translate("members", "That member no longer exists"))
            # Only a member who was transferred out can be transferred back in: 转入 neither
            # revives the dead or those who left the Party nor doubles a member on the roll.
            if kind is EventKind.TRANSFER_IN and m.roll_status == RollStatus.ACTIVE.value:
                raise ActionRefused(translate("members", "{name} is already on the roll").format(name=m.name))
            if m.roll_status != RollStatus.ACTIVE.value and not (
                    kind is EventKind.TRANSFER_IN and m.roll_status == RollStatus.TRANSFERRED_OUT.value):
                raise ActionRefused(translate("members", "{name} is no longer on the roll ({status})").format(
                    name=m.name, status=RollStatus(m.roll_status).label))
            self._check_event_date(on, m.joined_on)
            # A change from a state the member is not in would put a false line in the history.
            already = {
                EventKind.SUSPENDED: m.party_standing == PartyStanding.SUSPENDED.value,
                EventKind.RESTORED: m.party_standing == PartyStanding.NORMAL.value,
                EventKind.LOST_CONTACT: m.lost_contact,
                EventKind.CONTACT_RESTORED: not m.lost_contact,
                EventKind.MOBILE_OUT: m.mobile,
                EventKind.MOBILE_BACK: not m.mobile,
            }.get(kind, False)
            if already:
                raise ActionRefused(translate("members", "“{change}” does not apply: {name} is not in the state it changes from").format(
                    change=kind.label, name=m.name))
            if kind is EventKind.TRANSFER_IN:
                m.roll_status = RollStatus.ACTIVE.value
            elif kind.leaves_roll:
                m.roll_status = kind.leaves_roll.value
            elif kind is EventKind.SUSPENDED:
                m.party_standing = PartyStanding.SUSPENDED.value
            elif kind is EventKind.RESTORED:
                m.party_standing = PartyStanding.NORMAL.value
            elif kind is EventKind.LOST_CONTACT:
                m.lost_contact, m.lost_contact_on = True, on
            elif kind is EventKind.CONTACT_RESTORED:
                m.lost_contact, m.lost_contact_on = False, None
            elif kind is EventKind.MOBILE_OUT:
                m.mobile, m.mobile_destination = True, note
            elif kind is EventKind.MOBILE_BACK:
                m.mobile, m.mobile_destination = False, ""
            elif kind is EventKind.CONVERTED:
                if m.category != MemberCategory.PROBATIONARY.value:
                    raise ActionRefused(translate("members", "Only a probationary member can become a full member"))
                if m.joined_on and on <= m.joined_on:
                    raise ActionRefused(translate("members", "The date became full member must be after the date joined the Party"))
                m.category, m.full_member_on = MemberCategory.FULL.value, on
            m.updated_at = now
            s.add(MemberEvent(member_id=m.id, kind=kind.value, on=on, note=note, recorded_at=now))
