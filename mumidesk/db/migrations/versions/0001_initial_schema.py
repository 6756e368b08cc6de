"""Initial schema: every table of the first release, and the full-text search index.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 02:06:19.604645
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("owner_kind", sa.String(length=40), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("mime_type", sa.String(length=300), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "organisations",
        sa.Column("name_ru", sa.String(length=1000), nullable=False),
        sa.Column("name_en", sa.String(length=1000), nullable=False),
        sa.Column("short_name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("country_code", sa.String(length=3), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
    )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organisations_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_organisations_name_ru"), ["name_ru"], unique=False)

    op.create_table(
        "partners",
        sa.Column("name_ru", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=False),
        sa.Column("name_local", sa.String(length=300), nullable=False),
        sa.Column("country_code", sa.String(length=3), nullable=False),
        sa.Column("region", sa.String(length=300), nullable=False),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partners")),
    )
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partners_country_code"), ["country_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_partners_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_partners_name_en"), ["name_en"], unique=False)
        batch_op.create_index(batch_op.f("ix_partners_name_ru"), ["name_ru"], unique=False)

    op.create_table(
        "regions",
        sa.Column("name_ru", sa.String(length=300), nullable=False),
        sa.Column("name_ru_genitive", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regions")),
    )
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_regions_deleted_at"), ["deleted_at"], unique=False)

    op.create_table(
        "search_entries",
        sa.Column("rowid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity_kind", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=1000), nullable=False),
        sa.Column("folded", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("rowid", name=op.f("pk_search_entries")),
        sa.UniqueConstraint("entity_kind", "entity_id", name=op.f("uq_search_entries_entity_kind")),
    )
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.create_index("ix_search_entries_entity_id", ["entity_id"], unique=False)

    op.create_table(
        "attachment_contents",
        sa.Column("attachment_id", sa.Uuid(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachments.id"],
            name=op.f("fk_attachment_contents_attachment_id_attachments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_attachment_contents")),
    )
    op.create_table(
        "municipalities",
        sa.Column("name_ru", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=False),
        sa.Column("official_name_ru", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("region_id", sa.Uuid(), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_id"], ["regions.id"], name=op.f("fk_municipalities_region_id_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipalities")),
    )
    with op.batch_alter_table("municipalities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_municipalities_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_municipalities_name_ru"), ["name_ru"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_municipalities_region_id"), ["region_id"], unique=False
        )

    op.create_table(
        "agreements",
        sa.Column("title", sa.String(length=1000), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("planned_signing_date", sa.Date(), nullable=True),
        sa.Column("approval_requested_on", sa.Date(), nullable=True),
        sa.Column("approval_decision_no", sa.String(length=100), nullable=False),
        sa.Column("approval_decision_date", sa.Date(), nullable=True),
        sa.Column("signed_date", sa.Date(), nullable=True),
        sa.Column("signed_place", sa.String(length=300), nullable=False),
        sa.Column("registration_submitted_on", sa.Date(), nullable=True),
        sa.Column("registration_number", sa.String(length=100), nullable=False),
        sa.Column("registration_date", sa.Date(), nullable=True),
        sa.Column("term_months", sa.Integer(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("auto_prolongation", sa.Boolean(), nullable=False),
        sa.Column("prolongation_months", sa.Integer(), nullable=True),
        sa.Column("notice_lead_days", sa.JSON(), nullable=False),
        sa.Column("suspended_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("parent_relation", sa.String(length=40), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_agreements_municipality_id_municipalities"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["agreements.id"], name=op.f("fk_agreements_parent_id_agreements")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
    )
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreements_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_ended_on"), ["ended_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_expires_on"), ["expires_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agreements_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agreements_signed_date"), ["signed_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreements_status"), ["status"], unique=False)

    op.create_table(
        "delegations",
        sa.Column("title", sa.String(length=1000), nullable=False),
        sa.Column("direction", sa.String(length=40), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("report_submitted_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_delegations_municipality_id_municipalities"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegations")),
    )
    with op.batch_alter_table("delegations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delegations_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_delegations_direction"), ["direction"], unique=False)
        batch_op.create_index(batch_op.f("ix_delegations_end_date"), ["end_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_delegations_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_delegations_start_date"), ["start_date"], unique=False)

    op.create_table(
        "events",
        sa.Column("name", sa.String(length=1000), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("format", sa.String(length=40), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("date_precision", sa.String(length=40), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("participant_count", sa.Integer(), nullable=True),
        sa.Column("organiser", sa.String(length=1000), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_events_municipality_id_municipalities"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_end_date"), ["end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_start_date"), ["start_date"], unique=False)

    op.create_table(
        "exchange_programmes",
        sa.Column("title", sa.String(length=1000), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("organisations", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_exchange_programmes_municipality_id_municipalities"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_programmes")),
    )
    with op.batch_alter_table("exchange_programmes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exchange_programmes_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_exchange_programmes_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_exchange_programmes_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "memberships",
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("role", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_memberships_municipality_id_municipalities"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_memberships_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
    )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_memberships_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_memberships_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_memberships_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "municipal_bodies",
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("name_ru", sa.String(length=1000), nullable=False),
        sa.Column("name_en", sa.String(length=1000), nullable=False),
        sa.Column("head_name", sa.String(length=300), nullable=False),
        sa.Column("head_position", sa.String(length=1000), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_municipal_bodies_municipality_id_municipalities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipal_bodies")),
    )
    with op.batch_alter_table("municipal_bodies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_municipal_bodies_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "people",
        sa.Column("last_name", sa.String(length=300), nullable=False),
        sa.Column("first_name", sa.String(length=300), nullable=False),
        sa.Column("patronymic", sa.String(length=300), nullable=False),
        sa.Column("gender", sa.String(length=40), nullable=False),
        sa.Column("position", sa.String(length=1000), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("municipality_id", sa.Uuid(), nullable=True),
        sa.Column("email", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_people_municipality_id_municipalities"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_people_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_last_name"), ["last_name"], unique=False)

    op.create_table(
        "agreement_areas",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("area", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_areas_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_areas")),
    )
    with op.batch_alter_table("agreement_areas", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_areas_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreement_areas_area"), ["area"], unique=False)

    op.create_table(
        "agreement_languages",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_languages_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_languages")),
    )
    with op.batch_alter_table("agreement_languages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_languages_agreement_id"), ["agreement_id"], unique=False
        )

    op.create_table(
        "agreement_parties",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("side", sa.String(length=40), nullable=False),
        sa.Column("name_ru", sa.String(length=1000), nullable=False),
        sa.Column("name_en", sa.String(length=1000), nullable=False),
        sa.Column("municipality_id", sa.Uuid(), nullable=True),
        sa.Column("body_id", sa.Uuid(), nullable=True),
        sa.Column("partner_id", sa.Uuid(), nullable=True),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_parties_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["body_id"],
            ["municipal_bodies.id"],
            name=op.f("fk_agreement_parties_body_id_municipal_bodies"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_agreement_parties_municipality_id_municipalities"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_agreement_parties_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_agreement_parties_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_parties")),
    )
    with op.batch_alter_table("agreement_parties", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_parties_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agreement_parties_partner_id"), ["partner_id"], unique=False
        )

    op.create_table(
        "delegation_agreements",
        sa.Column("delegation_id", sa.Uuid(), nullable=False),
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_delegation_agreements_agreement_id_agreements"),
        ),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["delegations.id"],
            name=op.f("fk_delegation_agreements_delegation_id_delegations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegation_agreements")),
    )
    with op.batch_alter_table("delegation_agreements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delegation_agreements_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_delegation_agreements_delegation_id"), ["delegation_id"], unique=False
        )

    op.create_table(
        "delegation_members",
        sa.Column("delegation_id", sa.Uuid(), nullable=False),
        sa.Column("full_name", sa.String(length=300), nullable=False),
        sa.Column("position", sa.String(length=1000), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.String(length=1000), nullable=False),
        sa.Column("is_head", sa.Boolean(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["delegations.id"],
            name=op.f("fk_delegation_members_delegation_id_delegations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_delegation_members_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegation_members")),
    )
    with op.batch_alter_table("delegation_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delegation_members_delegation_id"), ["delegation_id"], unique=False
        )

    op.create_table(
        "delegation_partners",
        sa.Column("delegation_id", sa.Uuid(), nullable=False),
        sa.Column("partner_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["delegations.id"],
            name=op.f("fk_delegation_partners_delegation_id_delegations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_delegation_partners_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegation_partners")),
    )
    with op.batch_alter_table("delegation_partners", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delegation_partners_delegation_id"), ["delegation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_delegation_partners_partner_id"), ["partner_id"], unique=False
        )

    op.create_table(
        "delegation_programme_items",
        sa.Column("delegation_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("title_ru", sa.String(length=1000), nullable=False),
        sa.Column("title_en", sa.String(length=1000), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("responsible", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["delegations.id"],
            name=op.f("fk_delegation_programme_items_delegation_id_delegations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegation_programme_items")),
    )
    with op.batch_alter_table("delegation_programme_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delegation_programme_items_delegation_id"),
            ["delegation_id"],
            unique=False,
        )

    op.create_table(
        "event_agreements",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_event_agreements_agreement_id_agreements"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_agreements_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_agreements")),
    )
    with op.batch_alter_table("event_agreements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_agreements_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_agreements_event_id"), ["event_id"], unique=False
        )

    op.create_table(
        "event_countries",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("country_code", sa.String(length=3), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_countries_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_countries")),
    )
    with op.batch_alter_table("event_countries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_countries_country_code"), ["country_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_event_countries_event_id"), ["event_id"], unique=False)

    op.create_table(
        "event_partners",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("partner_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_partners_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_event_partners_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_partners")),
    )
    with op.batch_alter_table("event_partners", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_partners_event_id"), ["event_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_event_partners_partner_id"), ["partner_id"], unique=False
        )

    op.create_table(
        "exchange_participations",
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("direction", sa.String(length=40), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["exchange_programmes.id"],
            name=op.f("fk_exchange_participations_programme_id_exchange_programmes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_participations")),
    )
    with op.batch_alter_table("exchange_participations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exchange_participations_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_exchange_participations_year"), ["year"], unique=False)

    op.create_table(
        "exchange_partners",
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("partner_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_exchange_partners_partner_id_partners")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["exchange_programmes.id"],
            name=op.f("fk_exchange_partners_programme_id_exchange_programmes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_partners")),
    )
    with op.batch_alter_table("exchange_partners", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exchange_partners_partner_id"), ["partner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_exchange_partners_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "partnerships",
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("partner_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("agreement_id", sa.Uuid(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_partnerships_agreement_id_agreements"),
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_partnerships_municipality_id_municipalities"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_partnerships_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnerships")),
    )
    with op.batch_alter_table("partnerships", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partnerships_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_partnerships_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_partnerships_partner_id"), ["partner_id"], unique=False
        )

    op.create_table(
        "agreement_signatories",
        sa.Column("party_id", sa.Uuid(), nullable=False),
        sa.Column("full_name", sa.String(length=300), nullable=False),
        sa.Column("position", sa.String(length=1000), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("gender", sa.String(length=40), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("acts_on_basis_of", sa.String(length=1000), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["agreement_parties.id"],
            name=op.f("fk_agreement_signatories_party_id_agreement_parties"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_agreement_signatories_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_signatories")),
    )
    with op.batch_alter_table("agreement_signatories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_signatories_party_id"), ["party_id"], unique=False
        )

    _create_search_index()


def downgrade() -> None:
    _drop_search_index()
    with op.batch_alter_table("agreement_signatories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_signatories_party_id"))

    op.drop_table("agreement_signatories")
    with op.batch_alter_table("partnerships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnerships_partner_id"))
        batch_op.drop_index(batch_op.f("ix_partnerships_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_partnerships_deleted_at"))

    op.drop_table("partnerships")
    with op.batch_alter_table("exchange_partners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exchange_partners_programme_id"))
        batch_op.drop_index(batch_op.f("ix_exchange_partners_partner_id"))

    op.drop_table("exchange_partners")
    with op.batch_alter_table("exchange_participations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exchange_participations_year"))
        batch_op.drop_index(batch_op.f("ix_exchange_participations_programme_id"))

    op.drop_table("exchange_participations")
    with op.batch_alter_table("event_partners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_partners_partner_id"))
        batch_op.drop_index(batch_op.f("ix_event_partners_event_id"))

    op.drop_table("event_partners")
    with op.batch_alter_table("event_countries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_countries_event_id"))
        batch_op.drop_index(batch_op.f("ix_event_countries_country_code"))

    op.drop_table("event_countries")
    with op.batch_alter_table("event_agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_agreements_event_id"))
        batch_op.drop_index(batch_op.f("ix_event_agreements_agreement_id"))

    op.drop_table("event_agreements")
    with op.batch_alter_table("delegation_programme_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegation_programme_items_delegation_id"))

    op.drop_table("delegation_programme_items")
    with op.batch_alter_table("delegation_partners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegation_partners_partner_id"))
        batch_op.drop_index(batch_op.f("ix_delegation_partners_delegation_id"))

    op.drop_table("delegation_partners")
    with op.batch_alter_table("delegation_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegation_members_delegation_id"))

    op.drop_table("delegation_members")
    with op.batch_alter_table("delegation_agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegation_agreements_delegation_id"))
        batch_op.drop_index(batch_op.f("ix_delegation_agreements_agreement_id"))

    op.drop_table("delegation_agreements")
    with op.batch_alter_table("agreement_parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_parties_partner_id"))
        batch_op.drop_index(batch_op.f("ix_agreement_parties_agreement_id"))

    op.drop_table("agreement_parties")
    with op.batch_alter_table("agreement_languages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_languages_agreement_id"))

    op.drop_table("agreement_languages")
    with op.batch_alter_table("agreement_areas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_areas_area"))
        batch_op.drop_index(batch_op.f("ix_agreement_areas_agreement_id"))

    op.drop_table("agreement_areas")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_last_name"))
        batch_op.drop_index(batch_op.f("ix_people_deleted_at"))

    op.drop_table("people")
    with op.batch_alter_table("municipal_bodies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_municipal_bodies_municipality_id"))

    op.drop_table("municipal_bodies")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_memberships_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_memberships_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_memberships_deleted_at"))

    op.drop_table("memberships")
    with op.batch_alter_table("exchange_programmes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exchange_programmes_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_exchange_programmes_kind"))
        batch_op.drop_index(batch_op.f("ix_exchange_programmes_deleted_at"))

    op.drop_table("exchange_programmes")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_start_date"))
        batch_op.drop_index(batch_op.f("ix_events_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_events_kind"))
        batch_op.drop_index(batch_op.f("ix_events_end_date"))
        batch_op.drop_index(batch_op.f("ix_events_deleted_at"))

    op.drop_table("events")
    with op.batch_alter_table("delegations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegations_start_date"))
        batch_op.drop_index(batch_op.f("ix_delegations_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_delegations_end_date"))
        batch_op.drop_index(batch_op.f("ix_delegations_direction"))
        batch_op.drop_index(batch_op.f("ix_delegations_deleted_at"))

    op.drop_table("delegations")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreements_status"))
        batch_op.drop_index(batch_op.f("ix_agreements_signed_date"))
        batch_op.drop_index(batch_op.f("ix_agreements_municipality_id"))
        batch_op.drop_index(batch_op.f("ix_agreements_kind"))
        batch_op.drop_index(batch_op.f("ix_agreements_expires_on"))
        batch_op.drop_index(batch_op.f("ix_agreements_ended_on"))
        batch_op.drop_index(batch_op.f("ix_agreements_deleted_at"))

    op.drop_table("agreements")
    with op.batch_alter_table("municipalities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_municipalities_region_id"))
        batch_op.drop_index(batch_op.f("ix_municipalities_name_ru"))
        batch_op.drop_index(batch_op.f("ix_municipalities_deleted_at"))

    op.drop_table("municipalities")
    op.drop_table("attachment_contents")
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_search_entries_entity_id")

    op.drop_table("search_entries")
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regions_deleted_at"))

    op.drop_table("regions")
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partners_name_ru"))
        batch_op.drop_index(batch_op.f("ix_partners_name_en"))
        batch_op.drop_index(batch_op.f("ix_partners_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_partners_country_code"))

    op.drop_table("partners")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisations_name_ru"))
        batch_op.drop_index(batch_op.f("ix_organisations_deleted_at"))

    op.drop_table("organisations")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_owner_id"))
        batch_op.drop_index(batch_op.f("ix_attachments_deleted_at"))

    op.drop_table("attachments")


# SQLite: an FTS5 trigram table over the case-folded text, kept in sync by triggers, finds any
# substring of 3+ characters. PostgreSQL: pg_trgm makes LIKE '%…%' on the same column use an index.
_SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(folded, content='search_entries', "
    "content_rowid='rowid', tokenize='trigram')",
    "CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
    "INSERT INTO search_fts(rowid, folded) VALUES (new.rowid, new.folded); END",
    "CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.rowid, old.folded); "
    "END",
    "CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.rowid, old.folded); "
    "INSERT INTO search_fts(rowid, folded) VALUES (new.rowid, new.folded); END",
]


def _create_search_index() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _SQLITE_SEARCH:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_search_entries_folded_trgm ON search_entries "
            "USING gin (folded gin_trgm_ops)"
        )


def _drop_search_index() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("search_entries_ai", "search_entries_ad", "search_entries_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_search_entries_folded_trgm")
