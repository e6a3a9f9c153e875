"""Meetings: the records, attendance and its changes, attachments, and the branch committee.

Revision ID: 0003
Revises: 0002

Only new tables; no row of 0001 or 0002 changes.
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "committee_term",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("since", sa.Date, nullable=False),
        sa.Column("until", sa.Date, nullable=True),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("start", sa.DateTime, nullable=False),
        sa.Column("end", sa.DateTime, nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("host", sa.String(40), nullable=False),
        sa.Column("recorder", sa.String(40), nullable=False),
        sa.Column("audience", sa.String(12), nullable=False),
        sa.Column("group_id", sa.Integer, sa.ForeignKey("party_group.id", ondelete="SET NULL"), nullable=True),
        sa.Column("talk_a_id", sa.Integer, sa.ForeignKey("member.id", ondelete="SET NULL"), nullable=True),
        sa.Column("talk_b_id", sa.Integer, sa.ForeignKey("member.id", ondelete="SET NULL"), nullable=True),
        sa.Column("minutes", sa.Text, nullable=False),
        sa.Column("resolutions", sa.Text, nullable=False),
        sa.Column("theme_items", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_meeting_start", "meeting", ["start"])
    op.create_index("ix_meeting_type_start", "meeting", ["type", "start"])
    op.create_table(
        "meeting_attendance",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("meeting_id", "member_id", name="uq_meeting_attendance_member"),
    )
    op.create_table(
        "attendance_change",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False),
        sa.Column("old_status", sa.String(10), nullable=True),
        sa.Column("new_status", sa.String(10), nullable=True),
        sa.Column("old_reason", sa.String(200), nullable=False),
        sa.Column("new_reason", sa.String(200), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("changed_by", sa.String(60), nullable=False),
        sa.Column("changed_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "meeting_attachment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("ext", sa.String(16), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("meeting_id", "sha256", name="uq_meeting_attachment_file"),
    )


def downgrade() -> None:
    op.drop_table("meeting_attachment")
    op.drop_table("attendance_change")
    op.drop_table("meeting_attendance")
    op.drop_index("ix_meeting_type_start", table_name="meeting")
    op.drop_index("ix_meeting_start", table_name="meeting")
    op.drop_table("meeting")
    op.drop_table("committee_term")
