"""Enumerations with stable codes.

The value of each member is the code stored in the database and written to CSV/JSON; it never
changes once released. ``label()`` gives the translated name shown to people.
"""

from __future__ import annotations

from enum import StrEnum

from mumidesk.i18n import N_, _


class CodedEnum(StrEnum):
    """A StrEnum whose members carry a translatable label."""

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {}

    def label(self) -> str:
        return _(self._labels().get(self.value, self.value))

    @classmethod
    def parse(cls, value: str) -> CodedEnum:
        """The member for a code (case-insensitive); ValueError names the allowed codes."""
        try:
            return cls(value.strip().lower())
        except ValueError:
            allowed = ", ".join(m.value for m in cls)
            raise ValueError(
                _("unknown code {value!r}; allowed: {allowed}").format(value=value, allowed=allowed)
            ) from None


class MunicipalityKind(CodedEnum):
    CITY = "city"
    URBAN_DISTRICT = "urban_district"
    MUNICIPAL_DISTRICT = "municipal_district"
    SETTLEMENT = "settlement"
    REGION = "region"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "city": N_("City"),
            "urban_district": N_("Urban district"),
            "municipal_district": N_("Municipal district"),
            "settlement": N_("Settlement"),
            "region": N_("Region"),
        }


class BodyKind(CodedEnum):
    """Who signs on the own side."""

    ADMINISTRATION = "administration"
    REPRESENTATIVE = "representative"
    HEAD = "head"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "administration": N_("Administration"),
            "representative": N_("Representative body (city duma, council)"),
            "head": N_("Head of the municipality"),
        }


class PartnershipKind(CodedEnum):
    TWIN = "twin"
    PARTNER = "partner"
    COOPERATION = "cooperation"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "twin": N_("Twin city"),
            "partner": N_("Partner city"),
            "cooperation": N_("Cooperation"),
        }


class PartnershipStatus(CodedEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    SUSPENDED = "suspended"
    ENDED = "ended"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "active": N_("Active"),
            "dormant": N_("Dormant"),
            "suspended": N_("Suspended"),
            "ended": N_("Ended"),
        }


class AgreementKind(CodedEnum):
    TWINNING = "twinning"
    COOPERATION = "cooperation"
    MEMORANDUM = "memorandum"
    PROTOCOL_OF_INTENT = "protocol_of_intent"
    PROGRAMME = "programme"
    AMENDMENT = "amendment"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "twinning": N_("Twin-city agreement"),
            "cooperation": N_("Agreement on cooperation"),
            "memorandum": N_("Memorandum"),
            "protocol_of_intent": N_("Protocol of intentions"),
            "programme": N_("Programme / plan of joint events"),
            "amendment": N_("Amendment"),
        }


class AgreementStatus(CodedEnum):
    """States of the agreement lifecycle (see domain.lifecycle)."""

    DRAFT = "draft"
    SENT_FOR_APPROVAL = "sent_for_approval"
    APPROVED = "approved"
    SIGNED = "signed"
    SUBMITTED_FOR_REGISTRATION = "submitted_for_registration"
    REGISTERED = "registered"
    PROLONGED = "prolonged"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    EXPIRED = "expired"
    REJECTED = "rejected"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "draft": N_("Draft"),
            "sent_for_approval": N_("Sent for regional approval"),
            "approved": N_("Approved (decision to sign)"),
            "signed": N_("Signed"),
            "submitted_for_registration": N_("Submitted for registration"),
            "registered": N_("Registered, in force"),
            "prolonged": N_("Prolonged"),
            "suspended": N_("Suspended"),
            "terminated": N_("Terminated"),
            "expired": N_("Expired"),
            "rejected": N_("Approval refused"),
        }


class ParentRelation(CodedEnum):
    """How an agreement points to its parent."""

    AMENDMENT = "amendment"
    PROLONGATION = "prolongation"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"amendment": N_("Amendment of"), "prolongation": N_("Prolongation of")}


class PartySide(CodedEnum):
    OWN = "own"
    PARTNER = "partner"
    THIRD = "third"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"own": N_("Own side"), "partner": N_("Partner side"), "third": N_("Third party")}


class CooperationArea(CodedEnum):
    ECONOMY = "economy"
    INDUSTRY = "industry"
    INVESTMENT = "investment"
    TRADE = "trade"
    EDUCATION = "education"
    SCIENCE = "science"
    CULTURE = "culture"
    SPORT = "sport"
    TOURISM = "tourism"
    YOUTH = "youth"
    HEALTH = "health"
    URBAN_DEVELOPMENT = "urban_development"
    TRANSPORT = "transport"
    MUNICIPAL_GOVERNANCE = "municipal_governance"
    SOCIAL = "social"
    ECOLOGY = "ecology"
    MEDIA = "media"
    HUMANITARIAN = "humanitarian"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "economy": N_("Economy"),
            "industry": N_("Industry"),
            "investment": N_("Investment"),
            "trade": N_("Trade"),
            "education": N_("Education"),
            "science": N_("Science"),
            "culture": N_("Culture"),
            "sport": N_("Sport"),
            "tourism": N_("Tourism"),
            "youth": N_("Youth policy"),
            "health": N_("Health care"),
            "urban_development": N_("Urban development"),
            "transport": N_("Transport"),
            "municipal_governance": N_("Municipal governance"),
            "social": N_("Social policy"),
            "ecology": N_("Ecology"),
            "media": N_("Mass media"),
            "humanitarian": N_("Humanitarian ties"),
        }


class DelegationDirection(CodedEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"
    ONLINE = "online"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"incoming": N_("Incoming"), "outgoing": N_("Outgoing"), "online": N_("Online")}


class EventKind(CodedEnum):
    FORUM = "forum"
    CONFERENCE = "conference"
    MEETING = "meeting"
    COMPETITION = "competition"
    FESTIVAL = "festival"
    VISIT = "visit"
    EXHIBITION = "exhibition"
    SEMINAR = "seminar"
    CEREMONY = "ceremony"
    PROJECT = "project"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "forum": N_("Forum"),
            "conference": N_("Conference"),
            "meeting": N_("Meeting"),
            "competition": N_("Competition"),
            "festival": N_("Festival"),
            "visit": N_("Visit"),
            "exhibition": N_("Exhibition"),
            "seminar": N_("Seminar"),
            "ceremony": N_("Ceremony"),
            "project": N_("Project"),
            "other": N_("Other"),
        }


class EventFormat(CodedEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"in_person": N_("In person"), "online": N_("Online"), "hybrid": N_("Hybrid")}


class DatePrecision(CodedEnum):
    DAY = "day"
    RANGE = "range"
    MONTH = "month"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"day": N_("A day"), "range": N_("A range of days"), "month": N_("A month")}


class ExchangeKind(CodedEnum):
    EDUCATIONAL = "educational"
    CULTURAL = "cultural"
    SPORT = "sport"
    YOUTH = "youth"
    PROFESSIONAL = "professional"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "educational": N_("Educational"),
            "cultural": N_("Cultural"),
            "sport": N_("Sport"),
            "youth": N_("Youth"),
            "professional": N_("Professional"),
        }


class ParticipantCategory(CodedEnum):
    PUPILS = "pupils"
    STUDENTS = "students"
    TEACHERS = "teachers"
    ATHLETES = "athletes"
    ARTISTS = "artists"
    SPECIALISTS = "specialists"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "pupils": N_("Pupils"),
            "students": N_("Students"),
            "teachers": N_("Teachers"),
            "athletes": N_("Athletes"),
            "artists": N_("Artists"),
            "specialists": N_("Specialists"),
            "other": N_("Other participants"),
        }


class ExchangeDirection(CodedEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"inbound": N_("Inbound (guests)"), "outbound": N_("Outbound (ours abroad)")}


class OrganisationKind(CodedEnum):
    ASSOCIATION = "association"
    AGENCY = "agency"
    AUTHORITY = "authority"
    NGO = "ngo"
    SCHOOL = "school"
    UNIVERSITY = "university"
    CULTURAL = "cultural"
    COMPANY = "company"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "association": N_("Association"),
            "agency": N_("Federal agency"),
            "authority": N_("Public authority"),
            "ngo": N_("Non-profit organisation"),
            "school": N_("School"),
            "university": N_("University"),
            "cultural": N_("Cultural institution"),
            "company": N_("Company"),
            "other": N_("Other"),
        }


class Gender(CodedEnum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"male": N_("Male"), "female": N_("Female"), "unknown": N_("Not specified")}


class AttachmentKind(CodedEnum):
    DRAFT = "draft"
    SIGNED_SCAN = "signed_scan"
    EXPLANATORY_NOTE = "explanatory_note"
    DECISION = "decision"
    PHOTO = "photo"
    REPORT = "report"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "draft": N_("Draft"),
            "signed_scan": N_("Signed scan"),
            "explanatory_note": N_("Explanatory note"),
            "decision": N_("Decision"),
            "photo": N_("Photo"),
            "report": N_("Report"),
            "other": N_("Other"),
        }


class DeadlineKind(CodedEnum):
    APPROVAL_REQUEST = "approval_request"
    REGISTRATION = "registration"
    DELEGATION_REPORT = "delegation_report"
    EXPIRY_NOTICE = "expiry_notice"
    PROLONGATION_NOTICE = "prolongation_notice"
    QUARTERLY_REPORT = "quarterly_report"
    ANNUAL_REPORT = "annual_report"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "approval_request": N_("Request regional approval"),
            "registration": N_("Submit for registration"),
            "delegation_report": N_("Delegation report"),
            "expiry_notice": N_("Agreement expires"),
            "prolongation_notice": N_("Agreement prolongs itself"),
            "quarterly_report": N_("Quarterly report of international events"),
            "annual_report": N_("Annual report of international ties"),
        }
