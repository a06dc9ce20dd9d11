"""segments: appended versions share Parquet parts; quality keeps mergeable counts per segment prefix

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dataset_version") as batch:
        batch.add_column(sa.Column("segments", sa.JSON(), nullable=True))
    op.create_table(
        "quality_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dataset_id", sa.Integer(), nullable=False),
        sa.Column("prefix", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["dataset_id"], ["dataset.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dataset_id", "prefix", "fingerprint"),
    )


def downgrade() -> None:
    op.drop_table("quality_state")
    with op.batch_alter_table("dataset_version") as batch:
        batch.drop_column("segments")
