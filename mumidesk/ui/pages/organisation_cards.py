"""The detail cards of the area "Organisations & people": an organisation with its people and
member municipalities, and a person with links to where they work."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from typing import Any

from babel.dates import format_date
from PySide6.QtWidgets import QLabel

from mumidesk.domain.organisations import Organisation, Person
from mumidesk.i18n import _, current_locale, ngettext
from mumidesk.services.organisations import PersonFilter
from mumidesk.ui.models.organisation_table import country_name, format_phone
from mumidesk.ui.widgets.attachments_panel import AttachmentsPanel
from mumidesk.ui.widgets.detail_card import DetailCard
from mumidesk.ui.widgets.record_links import link_html, link_label, make_linkable

PEOPLE_SHOWN = 50  # people listed on an organisation's card; the rest are one click away
#: a click on a card's link: (kind, id); kinds beyond the records' are "people-of", "new-person"
OpenLink = Callable[[str, uuid.UUID], None]


def _date(value: Any) -> str:
    return format_date(value, "medium", locale=current_locale()) if value else ""


def _period(since: Any, until: Any) -> str:
    if since and until:
        return _("({since} – {until})").format(since=_date(since), until=_date(until))
    if since:
        return _("(since {date})").format(date=_date(since))
    if until:
        return _("(until {date})").format(date=_date(until))
    return ""


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setStyleSheet("font-weight: bold;")
    label.setContentsMargins(0, 8, 0, 0)
    return label


class OrganisationCard(DetailCard):
    """The selected organisation: its data, its people (click → the person), the member
    municipalities and the attached files."""

    def __init__(self, services: Any, open_link: OpenLink, parent: Any = None):
        super().__init__(
            [
                ("name_en", _("Name (English)")),
                ("short_name", _("Short name")),
                ("kind", _("Kind")),
                ("country", _("Country")),
                ("website", _("Website")),
                ("email", _("E-mail")),
                ("phone", _("Phone")),
                ("notes", _("Notes")),
            ],
            parent,
        )
        self._services = services
        self.organisation: Organisation | None = None
        self.people_heading = _section(_("People"))
        self.people = link_label()
        make_linkable(self.people, open_link)
        self.members_heading = _section(_("Member municipalities"))
        self.members = link_label()
        make_linkable(self.members, open_link)
        self.attachments = AttachmentsPanel(services, "organisation")
        for widget in (
            self.people_heading,
            self.people,
            self.members_heading,
            self.members,
            self.attachments,
        ):
            self.extra.addWidget(widget)
        self.show_record(None)

    def show_record(self, item: Organisation | None) -> None:
        self.organisation = item
        extras = (self.people_heading, self.people, self.members_heading, self.members)
        if item is None or item.id is None:
            self.show_empty(_("No organisation selected"))
            for widget in extras:
                widget.hide()
            self.attachments.set_owner(None)
            return
        self.show_values(
            item.name_ru,
            {
                "name_en": item.name_en,
                "short_name": item.short_name,
                "kind": item.kind.label(),
                "country": country_name(item.country_code),
                "website": item.website,
                "email": item.email,
                "phone": format_phone(item.phone),
                "notes": item.notes,
            },
        )
        self._show_people(item.id)
        self._show_members(item.id)
        self.attachments.set_owner(item.id)

    def _show_people(self, key: uuid.UUID) -> None:
        page = self._services.people.list(PersonFilter(organisation_id=key), limit=PEOPLE_SHOWN)
        lines = []
        for person in page.items:
            line = link_html("person", person.id, person.full_name)
            if person.position:
                line += " — " + html.escape(person.position)
            lines.append(line)
        if page.total > len(page.items):
            more = ngettext("all {n} person", "all {n} people", page.total).format(n=page.total)
            lines.append(link_html("people-of", key, more))
        if not lines:
            lines.append(html.escape(_("No people recorded")))
        lines.append(link_html("new-person", key, _("Add a person…")))
        self.people_heading.setText(
            _("People ({n})").format(n=page.total) if page.total else _("People")
        )
        self.people.setText("<br>".join(lines))
        self.people_heading.show()
        self.people.show()

    def _show_members(self, key: uuid.UUID) -> None:
        memberships = self._services.organisations.memberships_of(key)
        shown = bool(memberships)
        self.members_heading.setVisible(shown)
        self.members.setVisible(shown)
        if not shown:
            return
        names = {m.id: m.name_ru for m in self._services.municipalities.all()}
        lines = []
        for membership in memberships:
            line = link_html(
                "municipality",
                membership.municipality_id,
                names.get(membership.municipality_id, ""),
            )
            if membership.role:
                line += " — " + html.escape(membership.role)
            period = _period(membership.since, membership.until)
            if period:
                line += " " + html.escape(period)
            lines.append(line)
        self.members.setText("<br>".join(lines))

    def people_text(self) -> str:
        return self.people.text()


class PersonCard(DetailCard):
    """The selected person; the organisation is a link to it."""

    def __init__(self, services: Any, open_link: OpenLink, parent: Any = None):
        super().__init__(
            [
                ("position", _("Position")),
                ("organisation", _("Organisation")),
                ("municipality", _("Our municipality")),
                ("gender", _("Gender")),
                ("phone", _("Phone")),
                ("email", _("E-mail")),
                ("notes", _("Notes")),
            ],
            parent,
        )
        self._services = services
        for key in ("organisation", "municipality"):
            make_linkable(self.values[key], open_link)
        self.show_record(None)

    def show_record(self, person: Person | None) -> None:
        if person is None:
            self.show_empty(_("No person selected"))
            return
        organisation = ""
        if person.organisation_id is not None:
            names = self._services.organisations.names([person.organisation_id])
            name = names.get(person.organisation_id, "")
            organisation = link_html("organisation", person.organisation_id, name) if name else ""
        municipality = ""
        if person.municipality_id is not None:
            found = [
                m.name_ru
                for m in self._services.municipalities.all()
                if m.id == person.municipality_id
            ]
            municipality = (
                link_html("municipality", person.municipality_id, found[0]) if found else ""
            )
        self.show_values(
            person.full_name,
            {
                "position": person.position,
                "organisation": organisation,
                "municipality": municipality,
                "gender": person.gender.label() if person.gender.value != "unknown" else "",
                "phone": format_phone(person.phone),
                "email": person.email,
                "notes": person.notes,
            },
        )
