"""Meeting use cases: records, who was expected, attendance and its changes, attachments, the
branch committee, and the printed minutes' values. Qt-free; views get plain dataclasses.

Attachments are copied into the data folder, content-addressed: ``attachments/ab/abcd….jpg``
(the SHA-256 of the file), so the same photo attached twice, or to two meetings, is stored once.
"""
from __future__ import annotations

import getpass
import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from core.clock import Clock
from core.i18n import translate
from core.meetings import (Audience, AttendanceStatus, CommitteeRole, CommitteeTerm, MeetingFact, MeetingRecord,
                           MeetingType, Pair, RollFacts, ThemeDayItem, committee_on, expected_members, pair_of,
                           validate_meeting)
from core.members import Problems, RollStatus
from db.engine import Database
from db.models import (Attendance, AttendanceChange, Branch, CommitteeTerm as TermRow, Meeting, MeetingAttachment,
                       Member, MemberEvent, PartyGroup)
from desktop.services.errors import KnownError, disk_trouble
from desktop.services.minutes import AbsentEntry, MinutesSheet

PHOTO_SUFFIXES = {"jpg", "jpeg", "png", "gif", "bmp", "webp"}
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
ATTACHMENTS_DIR = "attachments"
_SAFE_EXT = re.compile(r"^[a-z0-9]{1,10}$")
_LEAVING = {"transfer_out", "left_party", "deceased"}
_TYPES = {t.value: t for t in MeetingType}


# Statements the calendar and the reminders run on every refresh, built once.
_FACTS = (select(Meeting.type, Meeting.start, Meeting.end, Meeting.group_id, Meeting.talk_a_id, Meeting.talk_b_id)
          .where(Meeting.start >= bindparam("since"), Meeting.start < bindparam("until")))
_ROLL = (select(Member.id, Member.joined_on, Member.group_id, Member.roll_status)
         .outerjoin(PartyGroup, Member.group_id == PartyGroup.id)
         .order_by(PartyGroup.position.is_(None), PartyGroup.position, Member.id))
_EVENTS = select(MemberEvent.member_id, MemberEvent.kind, MemberEvent.on)
_TERMS = select(TermRow.member_id, TermRow.role, TermRow.since, TermRow.until).order_by(TermRow.since, TermRow.id)


class MeetingRefused(KnownError):
    """A request the rules or the records do not allow; ``str(err)`` says why."""


class MeetingInvalid(MeetingRefused):
    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__("; ".join(msg for _, msg in problems.errors))


@dataclass(frozen=True)
class MeetingRow:
    """One line of the meetings list."""
    id: int
    type: MeetingType
    title: str
    start: datetime
    end: datetime
    place: str
    host: str
    audience: Audience
    group: str
    talk: str            # "张伟 — 王芳" for a talk
    present: int
    leave: int
    absent: int
    attachments: int
    held: bool


@dataclass(frozen=True)
class PersonRow:
    member_id: int
    name: str
    group: str
    role: CommitteeRole | None


@dataclass(frozen=True)
class AttendanceRow:
    member_id: int
    name: str
    group: str
    status: AttendanceStatus | None
    reason: str
    expected: bool       # False: recorded, but not due to attend that day (moved, left …)


@dataclass(frozen=True)
class AttendanceEntry:
    member_id: int
    status: AttendanceStatus | None  # None clears what was recorded
    reason: str = ""


@dataclass(frozen=True)
class ChangeRow:
    member_id: int
    name: str
    old: AttendanceStatus | None
    new: AttendanceStatus | None
    old_reason: str
    new_reason: str
    source: str
    changed_by: str
    changed_at: datetime


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    meeting_id: int
    name: str
    sha256: str
    ext: str
    size: int
    is_photo: bool
    path: Path


@dataclass(frozen=True)
class CommitteeRow:
    member_id: int
    name: str
    role: CommitteeRole
    since: date


def operator_name() -> str:
    """Who is at the keyboard, for the attendance change log: the PC's user name (the program
    has no log-in of its own)."""
    try:
        return getpass.getuser()[:60]
    except Exception:  # noqa: BLE001 — no user name is no reason to refuse the change
        return ""


def _status(value: str | None) -> AttendanceStatus | None:
    return AttendanceStatus(value) if value else None


class MeetingService:
    def __init__(self, db: Database, clock: Clock, data_dir: Path):
        self.db = db
        self.clock = clock
        self.data_dir = Path(data_dir)

    # -- reading -------------------------------------------------------------------------
    def list(self, *, since: datetime | None = None, until: datetime | None = None,
             kind: MeetingType | None = None) -> list[MeetingRow]:
        """Meetings, newest first, with their attendance counts."""
        present = func.sum(case((Attendance.status == AttendanceStatus.PRESENT.value, 1), else_=0))
        leave = func.sum(case((Attendance.status == AttendanceStatus.LEAVE.value, 1), else_=0))
        absent = func.sum(case((Attendance.status == AttendanceStatus.ABSENT.value, 1), else_=0))
        stmt = (select(Meeting.id, Meeting.type, Meeting.title, Meeting.start, Meeting.end, Meeting.place, Meeting.host,
                       Meeting.audience, PartyGroup.name, Meeting.talk_a_id, Meeting.talk_b_id, present, leave, absent)
                .outerjoin(PartyGroup, Meeting.group_id == PartyGroup.id)
                .outerjoin(Attendance, Attendance.meeting_id == Meeting.id)
                .group_by(Meeting.id).order_by(Meeting.start.desc(), Meeting.id.desc()))
        if since is not None:
            stmt = stmt.where(Meeting.start >= since)
        if until is not None:
            stmt = stmt.where(Meeting.start < until)
        if kind is not None:
            stmt = stmt.where(Meeting.type == kind.value)
        now = self.clock.now()
        with self.db.session() as s:
            rows = s.execute(stmt).all()
            files = dict(s.execute(select(MeetingAttachment.meeting_id, func.count()).group_by(MeetingAttachment.meeting_id)).all())
            talkers = {i for r in rows for i in (r[9], r[10]) if i}
            names = dict(s.execute(select(Member.id, Member.name).where(Member.id.in_(talkers))).all()) if talkers else {}
        dash = translate("meetings", "{a} and {b}")
        return [MeetingRow(r[0], MeetingType(r[1]), r[2], r[3], r[4], r[5], r[6], Audience(r[7]), r[8] or "",
                           dash.format(a=names.get(r[9], "?"), b=names.get(r[10], "?")) if r[1] == MeetingType.TALK.value else "",
                           int(r[11] or 0), int(r[12] or 0), int(r[13] or 0), files.get(r[0], 0), r[4] <= now)
                for r in rows]

    def get(self, meeting_id: int) -> MeetingRecord:
        with self.db.session() as s:
            return self._record(self._meeting(s, meeting_id))

    @staticmethod
    def _record(m: Meeting) -> MeetingRecord:
        known = {i.value for i in ThemeDayItem}
        items = frozenset(ThemeDayItem(v) for v in m.theme_items.split(",") if v in known)
        pair = (m.talk_a_id, m.talk_b_id) if m.talk_a_id and m.talk_b_id else None
        return MeetingRecord(type=MeetingType(m.type), title=m.title, start=m.start, end=m.end, place=m.place,
                             host=m.host, recorder=m.recorder, audience=Audience(m.audience), group_id=m.group_id,
                             talk_pair=pair, minutes=m.minutes, resolutions=m.resolutions, theme_items=items, id=m.id)

    @staticmethod
    def _meeting(s: Session, meeting_id: int) -> Meeting:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise MeetingRefused(translate("meetings", "That meeting no longer exists"))
        return m

    def facts(self, since: datetime | None = None, until: datetime | None = None, *,
              s: Session | None = None) -> list[MeetingFact]:
        """What the compliance calendar needs of every meeting in the span."""
        if s is None:
            with self.db.session() as s2:
                return self.facts(since, until, s=s2)
        # Core, not ORM, execution of a statement built once: the calendar reads a year of
        # meetings or more at a time, and opens in a few milliseconds (bench/bench_meetings.py).
        rows = s.connection().execute(_FACTS, {"since": since or datetime.min, "until": until or datetime.max}).all()
        types = _TYPES
        return [MeetingFact(types[t], start, end, group, (a, b) if a and b and a < b else (b, a) if a and b else None)
                for t, start, end, group, a, b in rows]

    def first_meeting_day(self) -> date | None:
        with self.db.session() as s:
            first = s.scalar(select(func.min(Meeting.start)))
        return first.date() if first else None

    def branch_created(self) -> date:
        with self.db.session() as s:
            return s.get(Branch, 1).created_at.date()

    # -- writing -------------------------------------------------------------------------
    def check(self, rec: MeetingRecord) -> Problems:
        problems = validate_meeting(rec)
        with self.db.session() as s:
            if rec.group_id is not None and rec.who is Audience.GROUP and s.get(PartyGroup, rec.group_id) is None:
                problems.error("group", translate("meetings", "That party group no longer exists"))
            if rec.talk_pair and None not in rec.talk_pair:
                found = s.scalar(select(func.count()).select_from(Member).where(Member.id.in_(rec.talk_pair)))
                if found != len(set(rec.talk_pair)):
                    problems.error("talk_pair", translate("members", "That member no longer exists"))
        return problems

    def _apply(self, m: Meeting, rec: MeetingRecord, now: datetime) -> None:
        m.type = rec.type.value
        m.title = rec.title.strip()
        m.start, m.end = rec.start.replace(microsecond=0), rec.end.replace(microsecond=0)
        m.place, m.host, m.recorder = rec.place.strip(), rec.host.strip(), rec.recorder.strip()
        m.audience = rec.who.value
        m.group_id = rec.group_id if rec.who is Audience.GROUP else None
        pair = pair_of(*rec.talk_pair) if rec.type is MeetingType.TALK and rec.talk_pair else None
        m.talk_a_id, m.talk_b_id = pair if pair else (None, None)
        m.minutes = rec.minutes
        m.resolutions = rec.resolutions.strip()
        m.theme_items = ",".join(i.value for i in ThemeDayItem if i in rec.theme_items) if rec.type is MeetingType.THEME_DAY else ""
        m.updated_at = now

    def add(self, rec: MeetingRecord) -> int:
        problems = self.check(rec)
        if not problems.ok:
            raise MeetingInvalid(problems)
        now = self.clock.now()
        with self.db.session.begin() as s:
            m = Meeting(created_at=now)
            self._apply(m, rec, now)
            s.add(m)
            s.flush()
            return m.id

    def update(self, meeting_id: int, rec: MeetingRecord) -> None:
        problems = self.check(rec)
        if not problems.ok:
            raise MeetingInvalid(problems)
        with self.db.session.begin() as s:
            self._apply(self._meeting(s, meeting_id), rec, self.clock.now())

    def delete(self, meeting_id: int) -> None:
        with self.db.session.begin() as s:
            m = self._meeting(s, meeting_id)
            shas = set(s.scalars(select(MeetingAttachment.sha256).where(MeetingAttachment.meeting_id == meeting_id)))
            s.delete(m)
            s.flush()
            orphans = [sha for sha in shas if not s.scalar(select(func.count()).select_from(MeetingAttachment)
                                                          .where(MeetingAttachment.sha256 == sha))]
        for sha in orphans:
            self._remove_file(sha)

    # -- who is expected, and attendance ---------------------------------------------------
    def roll_facts(self, s: Session | None = None) -> list[RollFacts]:
        """Every member ever on the roll, in roster order, with the history that decides
        whether they were on the roll on a given day."""
        if s is None:
            with self.db.session() as s2:
                return self.roll_facts(s2)
        conn = s.connection()
        members = conn.execute(_ROLL).all()
        events: dict[int, list[tuple[str, date]]] = {}
        for member_id, kind, on in conn.execute(_EVENTS):
            events.setdefault(member_id, []).append((kind, on))
        facts = []
        for member_id, joined, group_id, roll_status in members:
            history = events.get(member_id, [])
            if roll_status != RollStatus.ACTIVE.value and not any(k in _LEAVING for k, _ in history):
                # Off the roll with no dated event (imported so): not on it for any meeting here.
                history = history + [("transfer_out", date.min)]
            facts.append(RollFacts(member_id, joined, group_id, tuple(history)))
        return facts

    def committee_terms(self, s: Session | None = None) -> list[CommitteeTerm]:
        if s is None:
            with self.db.session() as s2:
                return self.committee_terms(s2)
        return [CommitteeTerm(member_id, CommitteeRole(role), since, until)
                for member_id, role, since, until in s.connection().execute(_TERMS)]

    def _people(self, s: Session, ids: list[int], day: date, terms: list[CommitteeTerm]) -> list[PersonRow]:
        if not ids:
            return []
        rows = {r[0]: r for r in s.execute(select(Member.id, Member.name, PartyGroup.name)
                                           .outerjoin(PartyGroup, Member.group_id == PartyGroup.id)
                                           .where(Member.id.in_(ids)))}
        roles = committee_on(terms, day)
        return [PersonRow(i, rows[i][1], rows[i][2] or "", roles.get(i)) for i in ids if i in rows]

    def expected(self, audience: Audience, day: date, *, group_id: int | None = None,
                 pair: Pair | None = None) -> list[PersonRow]:
        """Who was due to attend on ``day`` (the roll as it was that day)."""
        with self.db.session() as s:
            terms = self.committee_terms(s)
            ids = expected_members(audience, day, self.roll_facts(s), terms, group_id=group_id, pair=pair)
            return self._people(s, ids, day, terms)

    def attendance(self, meeting_id: int) -> list[AttendanceRow]:
        """The expected members with what was recorded for them, then anyone recorded who was
        not expected (the meeting's date or audience changed afterwards)."""
        with self.db.session() as s:
            rec = self._record(self._meeting(s, meeting_id))
            day = rec.start.date()
            terms = self.committee_terms(s)
            ids = expected_members(rec.who, day, self.roll_facts(s), terms, group_id=rec.group_id, pair=rec.talk_pair)
            recorded = {a.member_id: a for a in s.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id))}
            extra = [i for i in recorded if i not in set(ids)]
            people = self._people(s, ids + sorted(extra), day, terms)
        expected = set(ids)
        return [AttendanceRow(p.member_id, p.name, p.group,
                              _status(recorded[p.member_id].status) if p.member_id in recorded else None,
                              recorded[p.member_id].reason if p.member_id in recorded else "",
                              p.member_id in expected) for p in people]

    def set_attendance(self, meeting_id: int, entries: list[AttendanceEntry], *, source: str = "hand",
                       by: str | None = None) -> int:
        """Record attendance; every entry that differs from what was recorded leaves a line in
        the change log (who, when, old → new). Returns how many entries changed."""
        now = self.clock.now()
        by = operator_name() if by is None else by
        changed = 0
        with self.db.session.begin() as s:
            self._meeting(s, meeting_id)
            current = {a.member_id: a for a in s.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id))}
            for e in entries:
                # A reason goes with 请假 and may go with 缺席 (缺席人员及原因); none with 出席.
                reason = e.reason.strip()[:200] if e.status in (AttendanceStatus.LEAVE, AttendanceStatus.ABSENT) else ""
                row = current.get(e.member_id)
                old_status, old_reason = (row.status, row.reason) if row else (None, "")
                new_status = e.status.value if e.status else None
                if (old_status, old_reason) == (new_status, reason if new_status else ""):
                    continue
                if new_status is None:
                    s.delete(row)
                elif row is None:
                    s.add(Attendance(meeting_id=meeting_id, member_id=e.member_id, status=new_status, reason=reason, recorded_at=now))
                else:
                    row.status, row.reason, row.recorded_at = new_status, reason, now
                s.add(AttendanceChange(meeting_id=meeting_id, member_id=e.member_id, old_status=old_status,
                                       new_status=new_status, old_reason=old_reason, new_reason=reason if new_status else "",
                                       source=source, changed_by=by, changed_at=now))
                changed += 1
        return changed

    def attendance_changes(self, meeting_id: int) -> list[ChangeRow]:
        with self.db.session() as s:
            rows = s.execute(select(AttendanceChange, Member.name).join(Member, Member.id == AttendanceChange.member_id)
                             .where(AttendanceChange.meeting_id == meeting_id)
                             .order_by(AttendanceChange.changed_at, AttendanceChange.id)).all()
            return [ChangeRow(c.member_id, name, _status(c.old_status), _status(c.new_status), c.old_reason, c.new_reason,
                              c.source, c.changed_by, c.changed_at) for c, name in rows]

    # -- the branch committee --------------------------------------------------------------
    def committee(self, on: date | None = None) -> list[CommitteeRow]:
        day = on or self.clock.today()
        order = list(CommitteeRole)
        with self.db.session() as s:
            rows = s.execute(select(TermRow, Member.name).join(Member, Member.id == TermRow.member_id)).all()
        out = [CommitteeRow(t.member_id, name, CommitteeRole(t.role), t.since) for t, name in rows
               if t.since <= day and (t.until is None or day < t.until)]
        return sorted(out, key=lambda r: (order.index(r.role), r.since, r.member_id))

    def committee_role(self, member_id: int, on: date | None = None) -> CommitteeRole | None:
        return committee_on(self.committee_terms(), on or self.clock.today()).get(member_id)

    def set_committee_role(self, member_id: int, role: CommitteeRole | None, on: date | None = None) -> None:
        """From ``on`` (today by default) the member holds ``role`` on the committee, or none.
        The term before is closed, not overwritten."""
        on = on or self.clock.today()
        if on > self.clock.today():
            raise MeetingRefused(translate("meetings", "A change to the committee cannot be dated in the future"))
        now = self.clock.now()
        with self.db.session.begin() as s:
            m = s.get(Member, member_id)
            if m is None:
                raise MeetingRefused(translate("members", "That member no longer exists"))
            if role is not None and m.roll_status != RollStatus.ACTIVE.value:
                raise MeetingRefused(translate("meetings", "{name} is no longer on the roll and cannot join the committee").format(name=m.name))
            current = s.scalars(select(TermRow).where(TermRow.member_id == member_id, TermRow.until.is_(None))).first()
            if current is not None and current.role == (role.value if role else None):
                return
            if current is not None:
                if on < current.since:
                    raise MeetingRefused(translate("meetings", "The change is dated before {name} took up the current post ({since})").format(
                        name=m.name, since=current.since.isoformat()))
                if on == current.since:
                    s.delete(current)  # changed on the day it was set: a correction, not history
                else:
                    current.until = on
            if role is not None:
                s.add(TermRow(member_id=member_id, role=role.value, since=on, until=None, recorded_at=now))

    # -- attachments ---------------------------------------------------------------------
    def _file_path(self, sha: str, ext: str) -> Path:
        name = f"{sha}.{ext}" if ext else sha
        return self.data_dir / ATTACHMENTS_DIR / sha[:2] / name

    def _row(self, a: MeetingAttachment) -> AttachmentRow:
        return AttachmentRow(a.id, a.meeting_id, a.name, a.sha256, a.ext, a.size, a.kind == "photo", self._file_path(a.sha256, a.ext))

    def attachments(self, meeting_id: int) -> list[AttachmentRow]:
        with self.db.session() as s:
            return [self._row(a) for a in s.scalars(select(MeetingAttachment).where(MeetingAttachment.meeting_id == meeting_id)
                                                     .order_by(MeetingAttachment.id))]

    def attach(self, meeting_id: int, source: Path) -> AttachmentRow:
        """Copy a file into the data folder (once per content) and attach it to the meeting.
        Attaching the same file again gives the entry already there."""
        source = Path(source)
        ext = source.suffix.lower().lstrip(".")
        ext = ext if _SAFE_EXT.match(ext) else ""
        try:
            size = source.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                raise MeetingRefused(translate("meetings", "{file} is larger than {mb} MB; attach a smaller copy").format(
                    file=source.name, mb=MAX_ATTACHMENT_BYTES // (1024 * 1024)))
            digest = hashlib.sha256()
            with open(source, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    digest.update(chunk)
            sha = digest.hexdigest()
            with self.db.session() as s:
                self._meeting(s, meeting_id)
                known = s.scalars(select(MeetingAttachment).where(MeetingAttachment.sha256 == sha)).first()
            if known is not None:
                ext = known.ext  # the file is stored under the name it first came with
            target = self._file_path(sha, ext)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
                os.close(fd)
                try:
                    shutil.copyfile(source, tmp)
                    os.replace(tmp, target)
                except BaseException:
                    Path(tmp).unlink(missing_ok=True)
                    raise
        except OSError as err:
            trouble = disk_trouble(err, self.data_dir)  # the data folder's disk full or read-only
            raise MeetingRefused(str(trouble) if trouble else translate("meetings", "Cannot attach {file}: {error}").format(
                file=source.name, error=err.strerror or err)) from err
        with self.db.session.begin() as s:
            row = s.scalars(select(MeetingAttachment).where(MeetingAttachment.meeting_id == meeting_id,
                                                            MeetingAttachment.sha256 == sha)).first()
            if row is None:
                row = MeetingAttachment(meeting_id=meeting_id, sha256=sha, ext=ext, name=source.name[:255], size=size,
                                        kind="photo" if ext in PHOTO_SUFFIXES else "file", added_at=self.clock.now())
                s.add(row)
                s.flush()
            return self._row(row)

    def remove_attachment(self, attachment_id: int) -> None:
        with self.db.session.begin() as s:
            row = s.get(MeetingAttachment, attachment_id)
            if row is None:
                return
            sha = row.sha256
            s.delete(row)
            s.flush()
            still_used = s.scalar(select(func.count()).select_from(MeetingAttachment).where(MeetingAttachment.sha256 == sha))
        if not still_used:
            self._remove_file(sha)

    def _remove_file(self, sha: str) -> None:
        folder = self.data_dir / ATTACHMENTS_DIR / sha[:2]
        for path in list(folder.glob(f"{sha}*")) + list((self.data_dir / ATTACHMENTS_DIR / "thumbs").glob(f"{sha}*")):
            try:
                path.unlink()
            except OSError:
                pass  # an open file on Windows: left behind, harmless (nothing points at it)

    # -- the printed minutes ---------------------------------------------------------------
    def minutes_sheet(self, meeting_id: int) -> MinutesSheet:
        rec = self.get(meeting_id)
        rows = self.attendance(meeting_id)
        with self.db.session() as s:
            branch = s.get(Branch, 1).name
            group = s.get(PartyGroup, rec.group_id).name if rec.group_id else ""
            pair_names = None
            if rec.talk_pair:
                names = dict(s.execute(select(Member.id, Member.name).where(Member.id.in_(rec.talk_pair))).all())
                pair_names = (names.get(rec.talk_pair[0], "?"), names.get(rec.talk_pair[1], "?"))
        expected = [r for r in rows if r.expected]
        audience = group if rec.who is Audience.GROUP and group else rec.who.label
        attachments = tuple(a.name for a in self.attachments(meeting_id))
        return MinutesSheet(
            branch=branch, type=rec.type, title=rec.title, start=rec.start, end=rec.end, place=rec.place,
            host=rec.host, recorder=rec.recorder, audience=audience, expected=len(expected),
            present=tuple(r.name for r in rows if r.status is AttendanceStatus.PRESENT),
            absent=tuple(AbsentEntry(r.name, r.status is AttendanceStatus.LEAVE, r.reason) for r in rows
                         if r.status in (AttendanceStatus.LEAVE, AttendanceStatus.ABSENT)),
            minutes_html=rec.minutes, resolutions=rec.resolutions,
            theme_items=tuple((i.label, i in rec.theme_items) for i in ThemeDayItem) if rec.type is MeetingType.THEME_DAY else (),
            talk_pair=pair_names, attachments=attachments)

