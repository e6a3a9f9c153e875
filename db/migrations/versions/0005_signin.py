"""Sign-in (签到, DOMAIN §7): each member's sign-in and sign-out at a meeting, the phone each
member signed in with, the meetings closed for sign-in, and members' sign-in PINs.

Revision ID: 0005
Revises: 0004

Only new tables; no row of 0001–0004 changes. Leave (请假) is the meeting's attendance
(meeting_attendance, from 0003), written by the sign-in desk as by hand.
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signin_scan",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("kind", sa.String(3), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("late", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("device", sa.String(64), nullable=True),
        sa.UniqueConstraint("meeting_id", "member_id", "kind", name="uq_signin_scan_kind"),
    )
    op.create_table(
        "signin_phone",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("device", sa.String(64), nullable=False),
        sa.Column("bound_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("meeting_id", "device", name="uq_signin_phone_device"),
        sa.UniqueConstraint("meeting_id", "member_id", name="uq_signin_phone_member"),
    )
    op.create_table(
        "signin_close",
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("closed_at", sa.DateTime, nullable=False),
        sa.Column("closed_by", sa.String(60), nullable=False),
        sa.Column("present", sa.Integer, nullable=False),
        sa.Column("late", sa.Integer, nullable=False),
        sa.Column("leave", sa.Integer, nullable=False),
        sa.Column("absent", sa.Integer, nullable=False),
    )
    op.create_table(
        "signin_pin",
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("pin_hash", sa.String(64), nullable=False),
        sa.Column("set_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    for table in ("signin_pin", "signin_close", "signin_phone", "signin_scan"):
        op.drop_table(table)
