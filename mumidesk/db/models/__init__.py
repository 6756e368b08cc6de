"""All tables; importing this package registers every model on Base.metadata."""

from mumidesk.db.models.agreements import (
    AgreementAreaRow,
    AgreementLanguageRow,
    AgreementPartyRow,
    AgreementRow,
    SignatoryRow,
)
from mumidesk.db.models.attachments import AttachmentContentRow, AttachmentRow
from mumidesk.db.models.audit_log import AuditAction, AuditLogRow
from mumidesk.db.models.base import Base, ChildMixin, RecordMixin, utcnow
from mumidesk.db.models.delegations import (
    DelegationAgreementRow,
    DelegationMemberRow,
    DelegationPartnerRow,
    DelegationRow,
    ProgrammeItemRow,
)
from mumidesk.db.models.events import (
    EventAgreementRow,
    EventCountryRow,
    EventPartnerRow,
    EventRow,
)
from mumidesk.db.models.exchanges import ExchangePartnerRow, ExchangeProgrammeRow, ParticipationRow
from mumidesk.db.models.municipalities import MunicipalBodyRow, MunicipalityRow, RegionRow
from mumidesk.db.models.organisations import MembershipRow, OrganisationRow, PersonRow
from mumidesk.db.models.partners import PartnerRow, PartnershipRow
from mumidesk.db.models.reference import TwinLinkRow
from mumidesk.db.models.search import SearchEntryRow

__all__ = [
    "AgreementAreaRow",
    "AgreementLanguageRow",
    "AgreementPartyRow",
    "AgreementRow",
    "AttachmentContentRow",
    "AttachmentRow",
    "AuditAction",
    "AuditLogRow",
    "Base",
    "ChildMixin",
    "DelegationAgreementRow",
    "DelegationMemberRow",
    "DelegationPartnerRow",
    "DelegationRow",
    "EventAgreementRow",
    "EventCountryRow",
    "EventPartnerRow",
    "EventRow",
    "ExchangePartnerRow",
    "ExchangeProgrammeRow",
    "MembershipRow",
    "MunicipalBodyRow",
    "MunicipalityRow",
    "OrganisationRow",
    "ParticipationRow",
    "PartnerRow",
    "PartnershipRow",
    "PersonRow",
    "ProgrammeItemRow",
    "RecordMixin",
    "RegionRow",
    "SearchEntryRow",
    "SignatoryRow",
    "TwinLinkRow",
    "utcnow",
]
