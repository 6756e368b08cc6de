"""The Agreements area: the agreements of our bodies with partner bodies, filtered by status,
kind, own municipality, partner country, signing period and free text; the detail panel shows
every field, the lifecycle (steps and deadlines) and the records linked to the agreement."""

from __future__ import annotations

import datetime as dt
import html
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mumidesk.domain.agreements import Agreement, AgreementParty
from mumidesk.domain.enums import AgreementKind, AgreementStatus
from mumidesk.domain.errors import DomainError
from mumidesk.i18n import N_, _, current_locale
from mumidesk.services.agreements import AgreementFilter, AgreementLinks
from mumidesk.ui.agreements.format import long_date, months_text, party_name, term_text
from mumidesk.ui.agreements.lifecycle_panel import LifecyclePanel
from mumidesk.ui.editors.agreement_editor import AgreementEditor
from mumidesk.ui.models.agreement_table import (
    COL_KIND,
    COL_OWN,
    COL_PARTNERS,
    COL_STATUS,
    COL_TITLE,
    AgreementTableModel,
)
from mumidesk.ui.pages.record_page import RecordPage, signals_blocked
from mumidesk.ui.widgets.country_box import CountryBox
from mumidesk.ui.widgets.date_field import DateField
from mumidesk.ui.widgets.detail_card import DetailCard
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.record_links import link_label, links_html, make_linkable

S = AgreementStatus
IN_PREPARATION = (S.DRAFT, S.SENT_FOR_APPROVAL, S.APPROVED, S.SIGNED, S.SUBMITTED_FOR_REGISTRATION)
IN_FORCE = (S.REGISTERED, S.PROLONGED)
ENDED = (S.TERMINATED, S.EXPIRED)


def _date_and(day: dt.date | None, text: str, joined: str) -> str:
    """ "5 June 2020, Smolensk", either part alone, or ""."""
    if day and text:
        return joined.format(date=long_date(day), text=text)
    return long_date(day) if day else text


class AgreementCard(DetailCard):
    """Every field of the selected agreement, its lifecycle, and the records linked to it."""

    def __init__(
        self,
        services: Any,
        open_record: Callable[[str, uuid.UUID], None],
        parent: Any = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(
            [
                ("kind", _("Kind")),
                ("status", _("Status")),
                ("municipality", _("Our municipality")),
                ("parties", _("Parties")),
                ("subject", _("Subject")),
                ("areas", _("Areas of cooperation")),
                ("languages", _("Languages")),
                ("planned", _("Planned signing")),
                ("requested", _("Approval requested on")),
                ("decision", _("Decision to sign")),
                ("signed", _("Signed")),
                ("submitted", _("Submitted for registration on")),
                ("registration", _("Registration")),
                ("term", _("Term")),
                ("prolongation", _("Prolongation")),
                ("notices", _("Reminders")),
                ("suspended", _("Suspended on")),
                ("ended", _("Ended on")),
                ("notes", _("Notes")),
            ],
            parent,
        )
        self._services = services
        self._open_record = open_record
        self.lifecycle = LifecyclePanel(services.agreements, today=today)
        self.layout_.insertWidget(1, self.lifecycle)
        self.links = link_label()
        make_linkable(self.links, self._open_record)
        self.extra.addWidget(self.links)
        self.show_record(None)

    def show_record(self, agreement: Agreement | None) -> None:
        self.lifecycle.show_agreement(agreement)
        if agreement is None:
            self.show_empty(_("No agreement selected"))
            self.links.clear()
            self.links.hide()
            return
        labels = self._services.agreements.party_labels([agreement])
        locale = current_locale()
        registration = ""
        if agreement.registration_number or agreement.registration_date:
            registration = _date_and(
                agreement.registration_date,
                agreement.registration_number,
                _("no. {text} of {date}"),
            )
        decision = _date_and(
            agreement.approval_decision_date,
            agreement.approval_decision_no,
            _("no. {text} of {date}"),
        )
        prolongation = ""
        if agreement.auto_prolongation:
            months = agreement.prolongation_months or agreement.term_months
            prolongation = (
                _("automatic, by {term}").format(term=months_text(months))
                if months
                else _("automatic")
            )
        self.show_values(
            agreement.title,
            {
                "kind": agreement.kind.label(),
                "status": agreement.status.label(),
                "municipality": labels.get(agreement.municipality_id, "")
                if agreement.municipality_id
                else "",
                "parties": "\n".join(self._party_line(p, labels) for p in agreement.parties),
                "subject": agreement.subject,
                "areas": ", ".join(a.label() for a in agreement.areas),
                "languages": ", ".join(
                    locale.languages.get(code, code) for code in agreement.languages
                ),
                "planned": long_date(agreement.planned_signing_date),
                "requested": long_date(agreement.approval_requested_on),
                "decision": decision,
                "signed": _date_and(
                    agreement.signed_date, agreement.signed_place, _("{date}, {text}")
                ),
                "submitted": long_date(agreement.registration_submitted_on),
                "registration": registration,
                "term": term_text(agreement),
                "prolongation": prolongation,
                "notices": _("{days} days before the end").format(
                    days=", ".join(str(d) for d in agreement.notice_lead_days)
                )
                if agreement.notice_lead_days and agreement.expires_on
                else "",
                "suspended": long_date(agreement.suspended_on),
                "ended": long_date(agreement.ended_on),
                "notes": agreement.notes,
            },
        )
        self._show_links(agreement)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A scroll area squeezes a card to its viewport, cutting wrapped values; asking for the
        # height the wrapped text needs at this width lets it scroll instead.
        super().resizeEvent(event)
        self._fit(event.size().width())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # new values or step buttons
            self._fit(self.width())
        return handled

    def _fit(self, width: int) -> None:
        self.layout_.invalidate()  # the texts just changed; cached heights are stale
        needed = self.layout_.totalHeightForWidth(width)
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def _party_line(self, party: AgreementParty, labels: dict[uuid.UUID, str]) -> str:
        name = party_name(party, labels) or "…"
        partner = labels.get(party.partner_id, "") if party.partner_id else ""
        if partner and partner != name:
            name = _("{name} ({partner})").format(name=name, partner=partner)
        signers = "; ".join(
            ", ".join(x for x in (s.full_name, s.position) if x) for s in party.signatories
        )
        line = _("{side}: {name}").format(side=party.side.label(), name=name)
        return (
            _("{party} — signs: {signatories}").format(party=line, signatories=signers)
            if signers
            else line
        )

    def _show_links(self, agreement: Agreement) -> None:
        if agreement.id is None:
            self.links.hide()
            return
        try:
            links = self._services.agreements.links(agreement.id)
        except DomainError:
            links = AgreementLinks()
        sections: list[str] = []

        def section(title: str, kind: str, items: tuple[tuple[uuid.UUID, str], ...]) -> None:
            if items:
                sections.append(f"<b>{html.escape(title)}</b><br>{links_html(kind, items)}")

        if links.parent is not None:
            relation = agreement.parent_relation.label() if agreement.parent_relation else ""
            section(relation or _("Parent agreement"), "agreement", (links.parent,))
        section(_("Amendments and prolongations"), "agreement", links.children)
        section(_("Delegations"), "delegation", links.delegations)
        section(_("Events"), "event", links.events)
        self.links.setText("<br><br>".join(sections))
        self.links.setVisible(bool(sections))

    def link_targets(self) -> list[str]:
        """The "kind:id" of every link shown (for tests and keyboard users)."""
        text = self.links.text()
        return [part.split('"', 1)[0] for part in text.split('href="')[1:]]


class AgreementsPage(RecordPage):
    KIND = "agreement"
    MODEL = AgreementTableModel
    EDITOR = AgreementEditor
    SERVICE = "agreements"
    NAME_FIELD = "title"
    NEW_TEXT = N_("New agreement")
    DELETE_QUESTION = N_("Delete the agreement “{name}”?")

    def __init__(
        self,
        services: Any,
        parent: Any = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        **kwargs: Any,
    ) -> None:
        self._today = today
        super().__init__(services, parent, **kwargs)

    # --- filters -------------------------------------------------------------------------------
    def add_filters(self, bar: QHBoxLayout) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(_("All statuses"), "")
        self.status_filter.addItem(_("In preparation"), ",".join(IN_PREPARATION))
        self.status_filter.addItem(_("In force"), ",".join(IN_FORCE))
        self.status_filter.addItem(_("Ended (terminated or expired)"), ",".join(ENDED))
        for status in AgreementStatus:
            self.status_filter.addItem(status.label(), status.value)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(_("All kinds"), "")
        for kind in AgreementKind:
            self.kind_filter.addItem(kind.label(), kind.value)
        self.municipality_filter = MunicipalityBox(self._services, _("All municipalities"))
        self.country_filter = CountryBox(empty_text=_("All countries"))
        self.signed_from = DateField(optional=True)
        self.signed_to = DateField(optional=True)
        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)

        grid = QGridLayout()
        grid.addWidget(QLabel(_("Search")), 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 3)
        grid.addWidget(QLabel(_("Status")), 0, 4)
        grid.addWidget(self.status_filter, 0, 5)
        grid.addWidget(QLabel(_("Kind")), 0, 6)
        grid.addWidget(self.kind_filter, 0, 7)
        grid.addWidget(QLabel(_("Our municipality")), 1, 0)
        grid.addWidget(self.municipality_filter, 1, 1)
        grid.addWidget(QLabel(_("Partner country")), 1, 2)
        grid.addWidget(self.country_filter, 1, 3)
        grid.addWidget(QLabel(_("Signed from")), 1, 4)
        grid.addWidget(self.signed_from, 1, 5)
        grid.addWidget(QLabel(_("to")), 1, 6)
        period = QHBoxLayout()
        period.addWidget(self.signed_to, 1)
        period.addWidget(self.clear_button)
        grid.addLayout(period, 1, 7)
        for column in (1, 3, 5, 7):
            grid.setColumnStretch(column, 1)
        bar.addLayout(grid, 1)

        self.search.textChanged.connect(self.apply_filters)
        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        self.kind_filter.currentIndexChanged.connect(self.apply_filters)
        self.municipality_filter.currentIndexChanged.connect(self.apply_filters)
        self.country_filter.country_changed.connect(self.apply_filters)
        self.signed_from.value_changed.connect(self.apply_filters)
        self.signed_to.value_changed.connect(self.apply_filters)

    def current_filter(self) -> AgreementFilter:
        codes = [c for c in str(self.status_filter.currentData() or "").split(",") if c]
        kind = self.kind_filter.currentData()
        return AgreementFilter(
            statuses=tuple(AgreementStatus(c) for c in codes),
            kind=AgreementKind(kind) if kind else None,
            municipality_id=self.municipality_filter.municipality_id(),
            partner_country=self.country_filter.country_code(),
            signed_from=self.signed_from.value(),
            signed_to=self.signed_to.value(),
            text=self.search.text().strip(),
        )

    def clear_filters(self) -> None:
        with signals_blocked(
            self.search,
            self.status_filter,
            self.kind_filter,
            self.municipality_filter,
            self.country_filter,
            self.signed_from,
            self.signed_to,
        ):
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            self.kind_filter.setCurrentIndex(0)
            self.municipality_filter.setCurrentIndex(0)
            self.country_filter.set_country_code("")
            self.signed_from.clear_value()
            self.signed_to.clear_value()
        self.apply_filters()

    def set_status(self, status: AgreementStatus | None) -> None:
        """Show the agreements of one status (None: all)."""
        index = self.status_filter.findData(status.value if status else "")
        self.status_filter.setCurrentIndex(max(index, 0))

    def set_municipality(self, key: uuid.UUID | None) -> None:
        self.municipality_filter.set_municipality_id(key)

    # --- the area's parts ----------------------------------------------------------------------
    def make_detail(self) -> QWidget:
        self.card = AgreementCard(
            self._services, lambda kind, key: self.open_record.emit(kind, key), today=self._today
        )
        self.card.lifecycle.advanced.connect(self._advanced)
        return self.card

    def column_widths(self) -> dict[int, int]:
        return {COL_TITLE: 260, COL_KIND: 150, COL_STATUS: 150, COL_PARTNERS: 150, COL_OWN: 180}

    def document_choice(self) -> tuple[str, uuid.UUID] | None:
        """("draft", id) of the selected agreement: Ctrl+P opens its draft on the Documents page."""
        record = self.selected_record()
        if record is None or record.id is None:
            return None
        return ("draft", record.id)

    def _advanced(self, agreement: Agreement) -> None:
        self.refresh()
        if agreement.id is not None:
            self.show_record(agreement.id)
        self.notify(
            _("“{name}” is now: {state}").format(
                name=agreement.title, state=agreement.status.label()
            ),
            undo=False,
        )
        self.changed.emit()
