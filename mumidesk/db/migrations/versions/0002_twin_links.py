"""Known twin links between two foreign partner cities (reference data from the twin-cities list).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 03:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "twin_links",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("partner_a_id", sa.Uuid(), nullable=False),
        sa.Column("partner_b_id", sa.Uuid(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("partner_a_id < partner_b_id", name=op.f("ck_twin_links_ordered_pair")),
        sa.ForeignKeyConstraint(
            ["partner_a_id"],
            ["partners.id"],
            name=op.f("fk_twin_links_partner_a_id_partners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_b_id"],
            ["partners.id"],
            name=op.f("fk_twin_links_partner_b_id_partners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_twin_links")),
        sa.UniqueConstraint(
            "partner_a_id", "partner_b_id", name=op.f("uq_twin_links_partner_a_id")
        ),
    )
    with op.batch_alter_table("twin_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_twin_links_partner_b_id"), ["partner_b_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("twin_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_twin_links_partner_b_id"))

    op.drop_table("twin_links")
