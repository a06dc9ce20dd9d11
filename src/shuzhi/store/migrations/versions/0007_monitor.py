"""monitoring: the data-centre registry, values of the plan's indicators per region and period, and the
enterprise database of the big-data industry (meter readings are a catalog dataset, not a table here)

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dc_site",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=6), nullable=False),
        sa.Column("county", sa.String(length=6), nullable=True),
        sa.Column("operator", sa.String(length=200), nullable=False),
        sa.Column("operator_uscc", sa.String(length=18), nullable=False),
        sa.Column("racks_installed", sa.Integer(), nullable=False),
        sa.Column("racks_in_service", sa.Integer(), nullable=False),
        sa.Column("design_it_kw", sa.Float(), nullable=False),
        sa.Column("hub", sa.String(length=64), nullable=True),
        sa.Column("commissioned", sa.Date(), nullable=True),
        sa.Column("new_build", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_index("ix_dc_site_city", "dc_site", ["city"])
    op.create_table(
        "indicator_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=64), nullable=False),
        sa.Column("region", sa.String(length=6), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.Column("entered_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("indicator", "region", "period"),
    )
    op.create_table(
        "enterprise",
        sa.Column("uscc", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=6), nullable=False),
        sa.Column("segment", sa.String(length=16), nullable=False),
        sa.Column("revenue", sa.Float(), nullable=True),
        sa.Column("revenue_year", sa.Integer(), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("parks", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("uscc"),
    )
    op.create_index("ix_enterprise_city", "enterprise", ["city"])


def downgrade() -> None:
    op.drop_table("enterprise")
    op.drop_table("indicator_value")
    op.drop_table("dc_site")
