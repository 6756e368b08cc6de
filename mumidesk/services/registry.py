"""Every area service of one database, built once and handed to the CLI and the window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mumidesk.db.engine import Database
from mumidesk.services.agreements import AgreementService
from mumidesk.services.attachments import AttachmentService
from mumidesk.services.crud import CrudService
from mumidesk.services.deadlines import DeadlineService
from mumidesk.services.delegations import DelegationService
from mumidesk.services.events import EventService
from mumidesk.services.exchanges import ExchangeService
from mumidesk.services.municipalities import MunicipalityService, RegionService
from mumidesk.services.organisations import MembershipService, OrganisationService, PersonService
from mumidesk.services.partners import PartnerService, PartnershipService
from mumidesk.services.search import SearchService
from mumidesk.services.statistics import StatisticsService


@dataclass(frozen=True)
class Services:
    db: Database
    regions: RegionService
    municipalities: MunicipalityService
    partners: PartnerService
    partnerships: PartnershipService
    agreements: AgreementService
    delegations: DelegationService
    events: EventService
    exchanges: ExchangeService
    organisations: OrganisationService
    people: PersonService
    memberships: MembershipService
    attachments: AttachmentService
    search: SearchService
    statistics: StatisticsService
    deadlines: DeadlineService

    @classmethod
    def for_database(cls, db: Database) -> Services:
        return cls(
            db=db,
            regions=RegionService(db),
            municipalities=MunicipalityService(db),
            partners=PartnerService(db),
            partnerships=PartnershipService(db),
            agreements=AgreementService(db),
            delegations=DelegationService(db),
            events=EventService(db),
            exchanges=ExchangeService(db),
            organisations=OrganisationService(db),
            people=PersonService(db),
            memberships=MembershipService(db),
            attachments=AttachmentService(db),
            search=SearchService(db),
            statistics=StatisticsService(db),
            deadlines=DeadlineService(db),
        )


def searchable_services(db: Database) -> list[CrudService[Any, Any, Any]]:
    s = Services.for_database(db)
    return [
        s.regions,
        s.municipalities,
        s.partners,
        s.agreements,
        s.delegations,
        s.events,
        s.exchanges,
        s.organisations,
        s.people,
        s.attachments,
    ]
