"""Votes (无记名投票, DOMAIN §3): polls, their candidates and voters, who received a ballot, the
one-time codes (as HMACs), the counted paper serials (as HMACs) and the ballots.

Revision ID: 0006
Revises: 0005

Only new tables; no row of 0001–0005 changes. The ballots, receipts, codes and serials are
WITHOUT ROWID tables: no insertion-ordered key exists (DESIGN: Ballot secrecy).
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "poll",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True, index=True),
        sa.Column("subject", sa.String(20), nullable=False),
        sa.Column("seats", sa.Integer, nullable=False),
        sa.Column("committee", sa.Boolean, nullable=False),
        sa.Column("ways", sa.String(30), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("round", sa.Integer, nullable=False),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("poll.id", ondelete="SET NULL"), nullable=True),
        sa.Column("runoff", sa.Boolean, nullable=False),
        sa.Column("written_for", sa.Integer, nullable=False),
        sa.Column("written_against", sa.Integer, nullable=False),
        sa.Column("written_abstain", sa.Integer, nullable=False),
        sa.Column("choice_size", sa.Integer, nullable=False),
        sa.Column("scrutineers", sa.String(200), nullable=False),
        sa.Column("tellers", sa.String(200), nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("opened_at", sa.DateTime, nullable=True),
        sa.Column("closed_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "poll_candidate",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("poll_id", sa.Integer, sa.ForeignKey("poll.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="SET NULL"), nullable=True),
        sa.UniqueConstraint("poll_id", "name", name="uq_poll_candidate_name"),
    )
    op.create_table(
        "poll_voter",
        sa.Column("poll_id", sa.Integer, sa.ForeignKey("poll.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("present", sa.Boolean, nullable=False),
    )
    op.create_table(
        "ballot_received",
        sa.Column("poll_id", sa.Integer, sa.ForeignKey("poll.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "one_time_code",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("poll_id", sa.Integer, sa.ForeignKey("poll.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("used", sa.Boolean, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "counted_serial",
        sa.Column("serial_hash", sa.String(64), primary_key=True),
        sa.Column("poll_id", sa.Integer, sa.ForeignKey("poll.id", ondelete="CASCADE"), nullable=False, index=True),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "ballot",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("poll_id", sa.Integer, sa.ForeignKey("poll.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("choice", sa.Text, nullable=False),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    for table in ("ballot", "counted_serial", "one_time_code", "ballot_received", "poll_voter", "poll_candidate", "poll"):
        op.drop_table(table)
