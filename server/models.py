"""The central server's tables (its own database, its own migrations under server/migrations).

Times are UTC, stored without a zone (the same on SQLite and PostgreSQL).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class OrgUnit(Base):
    """党委 → 党总支 → 支部: one tree. A branch (支部) is the unit that reports."""
    __tablename__ = "org_unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))  # committee | general_branch | branch
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True, index=True)
    # The ranking's two figures the branch does not report (DOMAIN §7): set by the superior.
    superior_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    comments_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class EnrollmentCode(Base):
    """A one-time code an administrator gives a branch; only its hash is kept."""
    __tablename__ = "enrollment_code"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class BranchKey(Base):
    """The key a branch signs its requests with, from exchanging an enrollment code."""
    __tablename__ = "branch_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    key_id: Mapped[str] = mapped_column(String(40), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    secret: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Packet(Base):
    """A summary packet, stored once per (branch, packet id), with the answer first given."""
    __tablename__ = "packet"
    __table_args__ = (
        UniqueConstraint("unit_id", "packet_id", name="uq_packet_unit_packet"),
        Index("ix_packet_unit_period", "unit_id", "period"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    packet_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    schema: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    period: Mapped[str] = mapped_column(String(7))
    created_at: Mapped[str] = mapped_column(String(20))  # as the branch wrote it (UTC, ISO)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    via: Mapped[str] = mapped_column(String(10))  # api | file
    body: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)


class Nonce(Base):
    """Nonces seen, kept until their request's timestamp would be refused as stale anyway."""
    __tablename__ = "request_nonce"
    key_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class Notice(Base):
    """A notice or a requirement (e.g. this month's 主题党日 topic) from a unit to the branches
    below it."""
    __tablename__ = "notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # notice | requirement
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    month: Mapped[str | None] = mapped_column(String(7), nullable=True)
    published_at: Mapped[datetime] = mapped_column(DateTime)


class Setting(Base):
    __tablename__ = "server_setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class Admin(Base):
    __tablename__ = "admin_user"
    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime)

