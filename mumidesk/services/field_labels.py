"""The name of each stored field as a person reads it, for the audit trail ("title" → "Title").

Keyed by the column (or owned collection) names the log records; the same name means the same
thing in every area, so one table serves them all. Marked with N_ and translated when shown.
"""

from __future__ import annotations

from mumidesk.i18n import N_, _

_LABELS: dict[str, str] = {
    # shared
    "title": N_("Title"),
    "name": N_("Name"),
    "kind": N_("Kind"),
    "status": N_("Status"),
    "municipality_id": N_("Municipality"),
    "partner_id": N_("Partner"),
    "organisation_id": N_("Organisation"),
    "agreement_id": N_("Agreement"),
    "person_id": N_("Person"),
    "region_id": N_("Region"),
    "name_ru": N_("Name (Russian)"),
    "name_en": N_("Name (English)"),
    "name_local": N_("Name in the local language"),
    "notes": N_("Notes"),
    "description": N_("Description"),
    "place": N_("Place"),
    "position": N_("Position"),
    "organisation": N_("Organisation"),
    "country_code": N_("Country"),
    "website": N_("Website"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "population": N_("Population"),
    "start_date": N_("Start date"),
    "end_date": N_("End date"),
    "since": N_("Since"),
    "until": N_("Until"),
    "direction": N_("Direction"),
    "partners": N_("Partners"),
    "agreements": N_("Agreements"),
    "gender": N_("Gender"),
    "full_name": N_("Full name"),
    # agreements
    "subject": N_("Subject"),
    "parties": N_("Parties"),
    "areas": N_("Areas of cooperation"),
    "languages": N_("Languages"),
    "planned_signing_date": N_("Planned signing"),
    "approval_requested_on": N_("Approval requested on"),
    "approval_decision_no": N_("Decision no."),
    "approval_decision_date": N_("Decision date"),
    "signed_date": N_("Signed on"),
    "signed_place": N_("Place of signing"),
    "registration_submitted_on": N_("Submitted for registration on"),
    "registration_number": N_("Registration no."),
    "registration_date": N_("Registered on"),
    "term_months": N_("Term in months"),
    "expires_on": N_("Expires on"),
    "auto_prolongation": N_("Automatic prolongation"),
    "prolongation_months": N_("Prolonged by (months)"),
    "notice_lead_days": N_("Reminders"),
    "suspended_on": N_("Suspended on"),
    "ended_on": N_("Ended on"),
    "parent_id": N_("Parent agreement"),
    "parent_relation": N_("Relation to the parent agreement"),
    "side": N_("Side"),
    "body_id": N_("Body"),
    "signatories": N_("Signatories"),
    "acts_on_basis_of": N_("Acts on the basis of"),
    "name_genitive": N_("Name in the genitive"),
    "position_genitive": N_("Position, genitive"),
    "position_en": N_("Position in English"),
    "name_ru_instrumental": N_("Name in the instrumental"),
    "name_ru_genitive": N_("Name in the genitive"),
    "language": N_("Language"),
    "area": N_("Area of cooperation"),
    # delegations
    "purpose": N_("Purpose"),
    "outcome": N_("Outcome"),
    "report_submitted_on": N_("Report submitted on"),
    "members": N_("Members"),
    "programme": N_("Programme"),
    "is_head": N_("Head of delegation"),
    "day": N_("Day"),
    "start_time": N_("Start time"),
    "end_time": N_("End time"),
    "title_ru": N_("Title (Russian)"),
    "title_en": N_("Title (English)"),
    "responsible": N_("Responsible"),
    # events
    "format": N_("Format"),
    "date_precision": N_("Date precision"),
    "content": N_("Content"),
    "participants": N_("Participants"),
    "participant_count": N_("Number of participants"),
    "organiser": N_("Organiser"),
    "countries": N_("Countries"),
    # exchanges
    "organisations": N_("Organisations"),
    "participations": N_("Participants by year"),
    "year": N_("Year"),
    "category": N_("Category"),
    "count": N_("Number"),
    # organisations, people, memberships
    "short_name": N_("Short name"),
    "last_name": N_("Last name"),
    "first_name": N_("First name"),
    "patronymic": N_("Patronymic"),
    "role": N_("Role"),
    # municipalities and regions
    "official_name_ru": N_("Official name"),
    "bodies": N_("Bodies"),
    "head_name": N_("Head: full name"),
    "head_position": N_("Head: position"),
    "code": N_("Code (ISO 3166-2)"),
    "region": N_("Region"),
    # partners
    "latitude": N_("Latitude"),
    "longitude": N_("Longitude"),
    # attachments
    "owner_kind": N_("Belongs to (kind)"),
    "owner_id": N_("Belongs to"),
    "file_name": N_("File name"),
    "mime_type": N_("File type"),
    "size": N_("Size"),
    "sha256": N_("Checksum"),
    # bulk loads
    "rows": N_("Rows"),
}


def field_label(field: str) -> str:
    """The translated label of a stored field; an unknown field reads as its own words."""
    label = _LABELS.get(field)
    if label is not None:
        return _(label)
    return field.replace("_", " ").capitalize()
