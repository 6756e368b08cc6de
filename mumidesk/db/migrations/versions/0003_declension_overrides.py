"""Typed declension overrides: a signatory's name and position in the genitive, a party's Russian
name in the genitive and instrumental (they win over the forms the drafts generate).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The server default gives the rows already there an empty override ("no override"); the
    # models set "" themselves for new rows.
    with op.batch_alter_table("agreement_parties", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "name_ru_instrumental", sa.String(length=1000), nullable=False, server_default=""
            )
        )
        batch_op.add_column(
            sa.Column("name_ru_genitive", sa.String(length=1000), nullable=False, server_default="")
        )

    with op.batch_alter_table("agreement_signatories", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_genitive", sa.String(length=300), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column(
                "position_genitive", sa.String(length=1000), nullable=False, server_default=""
            )
        )


def downgrade() -> None:
    # recreate="never": SQLite drops the columns in place (3.35+). Rebuilding the tables instead
    # would drop the old parties table, and its ON DELETE CASCADE would take the signatories.
    with op.batch_alter_table("agreement_signatories", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("position_genitive")
        batch_op.drop_column("name_genitive")

    with op.batch_alter_table("agreement_parties", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("name_ru_genitive")
        batch_op.drop_column("name_ru_instrumental")
