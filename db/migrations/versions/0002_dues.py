"""Dues: yearly bases and their dated overrides, payments with the months they cover,
remittances to the superior committee (DOMAIN §1).

Revision ID: 0002
Revises: 0001

Only new tables: the members' own 党费类别 and 缴费基数 stay where they are (the roster shows
them, and a year without a base of its own starts from them), so no row of 0001 changes.
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dues_base",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("from_month", sa.Integer, nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("base_fen", sa.Integer, nullable=True),
        sa.Column("approved_fen", sa.Integer, nullable=True),
        sa.Column("approved_by", sa.String(100), nullable=False),
        sa.Column("approved_on", sa.Date, nullable=True),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_dues_base_year_member", "dues_base", ["year", "member_id"])
    op.create_table(
        "dues_payment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("paid_on", sa.Date, nullable=False),
        sa.Column("amount_fen", sa.Integer, nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("receipt_no", sa.String(50), nullable=False),
        sa.Column("paid_by", sa.String(40), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("reverses_id", sa.Integer, sa.ForeignKey("dues_payment.id"), nullable=True, unique=True),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "dues_payment_month",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("payment_id", sa.Integer, sa.ForeignKey("dues_payment.id"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id"), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("month", sa.Integer, nullable=False),
        sa.Column("amount_fen", sa.Integer, nullable=False),
    )
    op.create_index("ix_dues_payment_month_year_member", "dues_payment_month", ["year", "member_id"])
    op.create_table(
        "dues_remittance",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("remitted_on", sa.Date, nullable=False),
        sa.Column("amount_fen", sa.Integer, nullable=False),
        sa.Column("receipt_no", sa.String(50), nullable=False),
        sa.Column("recipient", sa.String(100), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("reverses_id", sa.Integer, sa.ForeignKey("dues_remittance.id"), nullable=True, unique=True),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_index("ix_dues_payment_month_year_member", table_name="dues_payment_month")
    op.drop_index("ix_dues_base_year_member", table_name="dues_base")
    for table in ("dues_remittance", "dues_payment_month", "dues_payment", "dues_base"):
        op.drop_table(table)
