"""The first schema: branch, party groups, members and their history, imports, settings.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

from db.personal import PersonalText

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "branch",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("secret", sa.LargeBinary(32), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "party_group",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(50), nullable=False, unique=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_name", sa.String(255), nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("created_count", sa.Integer, nullable=False),
        sa.Column("updated_count", sa.Integer, nullable=False),
        sa.Column("undone_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "member",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("public_id", sa.String(16), nullable=False, unique=True),
        sa.Column("name", sa.String(40), nullable=False, index=True),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("gender", sa.String(8), nullable=True),
        sa.Column("ethnicity", sa.String(20), nullable=False),
        sa.Column("id_number", PersonalText, nullable=True),
        sa.Column("id_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("birth_date", sa.Date, nullable=True),
        sa.Column("education", sa.String(30), nullable=False),
        sa.Column("category", sa.String(16), nullable=True),
        sa.Column("joined_on", sa.Date, nullable=True),
        sa.Column("full_member_on", sa.Date, nullable=True),
        sa.Column("post", sa.String(100), nullable=False),
        sa.Column("phone", PersonalText, nullable=True),
        sa.Column("address", PersonalText, nullable=True),
        sa.Column("party_standing", sa.String(16), nullable=False),
        sa.Column("lost_contact", sa.Boolean, nullable=False),
        sa.Column("lost_contact_on", sa.Date, nullable=True),
        sa.Column("mobile", sa.Boolean, nullable=False),
        sa.Column("mobile_destination", sa.String(100), nullable=False),
        sa.Column("group_id", sa.Integer, sa.ForeignKey("party_group.id", ondelete="SET NULL"), nullable=True, index=True),
        sa.Column("dues_category", sa.String(20), nullable=True),
        sa.Column("dues_base_fen", sa.Integer, nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("roll_status", sa.String(20), nullable=False, index=True),
        sa.Column("import_batch_id", sa.Integer, sa.ForeignKey("import_batch.id"), nullable=True, index=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "member_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "import_update",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batch.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False),
        sa.Column("before", PersonalText, nullable=True),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("setting", "import_update", "member_event", "member", "import_batch", "party_group", "branch"):
        op.drop_table(table)
