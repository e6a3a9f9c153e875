"""Sync with the central server: the outbox of summary packets, closed months, the
enrollment and sending state, notices received.

Revision ID: 0004
Revises: 0003

Only new tables; no row of 0001–0003 changes.
"""
import sqlalchemy as sa
from alembic import op

from db.personal import PersonalText

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False, unique=True),
        sa.Column("packet_id", sa.String(36), nullable=False, unique=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("sent_at", sa.DateTime, nullable=True),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("refused", sa.Text, nullable=False),
    )
    op.create_index("ix_sync_outbox_waiting", "sync_outbox", ["sent_at", "seq"])
    op.create_table(
        "sync_period",
        sa.Column("period", sa.String(7), primary_key=True),
        sa.Column("closed_at", sa.DateTime, nullable=False),
        sa.Column("packet_id", sa.String(36), nullable=False),
    )
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("server_url", sa.String(300), nullable=False),
        sa.Column("branch_code", sa.String(40), nullable=False),
        sa.Column("branch_name", sa.String(100), nullable=False),
        sa.Column("key_id", sa.String(40), nullable=False),
        sa.Column("key_secret", PersonalText, nullable=True),
        sa.Column("enrolled_at", sa.DateTime, nullable=True),
        sa.Column("clock_offset", sa.Float, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime, nullable=True),
        sa.Column("last_attempt_at", sa.DateTime, nullable=True),
        sa.Column("last_success_at", sa.DateTime, nullable=True),
        sa.Column("last_error", sa.Text, nullable=False),
        sa.Column("last_error_at", sa.DateTime, nullable=True),
        sa.Column("last_notice_id", sa.Integer, nullable=False),
    )
    op.create_table(
        "sync_notice",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("server_id", sa.Integer, nullable=False, unique=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("month", sa.String(7), nullable=True),
        sa.Column("unit", sa.String(100), nullable=False),
        sa.Column("published_at", sa.String(20), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("dismissed_at", sa.DateTime, nullable=True),
    )


def downgrade() -> None:
    for table in ("sync_notice", "sync_state", "sync_period", "sync_outbox"):
        op.drop_table(table)
