"""A signatory's position in English, for the other-language column of bilingual drafts.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 04:05:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Rows already there get an empty English position (the draft then falls back as before).
    with op.batch_alter_table("agreement_signatories", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("position_en", sa.String(length=1000), nullable=False, server_default="")
        )


def downgrade() -> None:
    # recreate="never": rebuilding the table on SQLite would cascade-delete nothing here, but
    # dropping in place keeps the downgrade as cheap and safe as 0003's.
    with op.batch_alter_table("agreement_signatories", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("position_en")
