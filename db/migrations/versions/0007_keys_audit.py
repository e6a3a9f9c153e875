"""Keys and the audit log (issue 8): the data key wrapped under the password and under the
recovery key, and the append-only, hash-chained record of who revealed or exported personal
data.

Revision ID: 0007
Revises: 0006

Only new tables. The envelopes live in the database itself, so that a backup carries what
unlocks it: the password of its day, or the recovery key, which never changes. Rewriting the
personal columns under the new key is not done here (a migration has no password); the
program does it on the first unlock after the upgrade (db/crypto.py).

The audit log refuses UPDATE and DELETE by triggers; an edit made around them (another
program writing the file) breaks the chain of keyed hashes, which `branchdesk audit verify`
reports.
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_envelope",
        # 'password', 'recovery', or 'open' (the demo branch: the key stored as it is).
        sa.Column("kind", sa.String(12), primary_key=True),
        sa.Column("kdf", sa.String(20), nullable=False),
        sa.Column("kdf_params", sa.Text, nullable=False),  # JSON
        sa.Column("salt", sa.LargeBinary, nullable=False),
        sa.Column("nonce", sa.LargeBinary, nullable=False),
        sa.Column("wrapped", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        # A copy aside sealed after its day (db/keyring.py seal_copy) already carries the
        # envelopes that open it: restored and upgraded, it keeps them.
        if_not_exists=True,
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(80), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),  # JSON; never personal data
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
    op.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    op.drop_table("audit_log")
    op.drop_table("key_envelope")
