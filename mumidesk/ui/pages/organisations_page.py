"""The area "Organisations & people": associations, agencies, schools … with the files attached to
them and the memberships of our municipalities, and the contact people with their positions.

Two record pages share one tab widget; ``OrganisationsAndPeoplePage`` offers the main window the
same methods as a single ``RecordPage`` and passes each call to the tab in view.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.enums import OrganisationKind
from mumidesk.domain.errors import NotFoundError
from mumidesk.i18n import N_, _
from mumidesk.services.organisations import OrganisationFilter, PersonFilter
from mumidesk.ui.dialogs.history_dialog import HistoryDialog
from mumidesk.ui.editors.organisation_editor import OrganisationEditor
from mumidesk.ui.editors.person_editor import PersonEditor
from mumidesk.ui.editors.record_editor import RecordEditor
from mumidesk.ui.lookups import describe, lookup
from mumidesk.ui.models.organisation_table import (
    COL_COUNTRY,
    COL_EMAIL,
    COL_KIND,
    COL_NAME,
    COL_SHORT_NAME,
    COL_WEBSITE,
    OrganisationTableModel,
    organisation_name,
)
from mumidesk.ui.models.person_table import (
    COL_MUNICIPALITY,
    COL_ORGANISATION,
    COL_POSITION,
    PersonTableModel,
)
from mumidesk.ui.models.person_table import COL_NAME as COL_PERSON_NAME
from mumidesk.ui.models.record_table import RecordTableModel
from mumidesk.ui.pages.organisation_cards import OrganisationCard, PersonCard
from mumidesk.ui.pages.record_page import Confirm, RecordPage, confirm
from mumidesk.ui.widgets.country_box import CountryBox
from mumidesk.ui.widgets.municipality_box import MunicipalityBox
from mumidesk.ui.widgets.record_picker import RecordPicker


class OrganisationsPage(RecordPage):
    KIND = "organisation"
    MODEL = OrganisationTableModel
    EDITOR = OrganisationEditor
    SERVICE = "organisations"
    NEW_TEXT = N_("New organisation")
    DELETE_QUESTION = N_("Delete the organisation {name}?")
    #: the people of an organisation were asked for (its id)
    show_people = Signal(object)
    #: a new person of an organisation was asked for (its id)
    add_person = Signal(object)

    def add_filters(self, bar: QHBoxLayout) -> None:
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(_("All kinds"), "")
        for kind in OrganisationKind:
            self.kind_filter.addItem(kind.label(), kind.value)
        self.country_filter = CountryBox(empty_text=_("All countries"))
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(_("Search…"))
        self.text_filter.setClearButtonEnabled(True)
        bar.addWidget(QLabel(_("Kind")))
        bar.addWidget(self.kind_filter, 2)
        bar.addWidget(QLabel(_("Country")))
        bar.addWidget(self.country_filter, 2)
        bar.addWidget(self.text_filter, 3)
        self.kind_filter.currentIndexChanged.connect(self.apply_filters)
        self.country_filter.country_changed.connect(self.apply_filters)
        self.text_filter.textChanged.connect(self.apply_filters)

    def current_filter(self) -> OrganisationFilter:
        kind = self.kind_filter.currentData()
        return OrganisationFilter(
            kind=OrganisationKind(kind) if kind else None,
            country_code=self.country_filter.country_code(),
            text=self.text_filter.text().strip(),
        )

    def clear_filters(self) -> None:
        self.kind_filter.setCurrentIndex(0)
        self.country_filter.set_country_code("")
        self.text_filter.clear()

    def make_detail(self) -> QWidget:
        self.card = OrganisationCard(self._services, self._link_activated)
        self.card.attachments.status_message.connect(self.status_message)
        self.card.attachments.changed.connect(self.changed)
        return self.card

    def record_name(self, record: Any) -> str:
        return organisation_name(record)  # its short name, else its full one

    def column_widths(self) -> dict[int, int]:
        return {
            COL_NAME: 320,
            COL_SHORT_NAME: 150,
            COL_KIND: 160,
            COL_COUNTRY: 110,
            COL_WEBSITE: 160,
            COL_EMAIL: 160,
        }

    def _link_activated(self, kind: str, key: uuid.UUID) -> None:
        if kind == "people-of":
            self.show_people.emit(key)
        elif kind == "new-person":
            self.add_person.emit(key)
        else:
            self.open_record.emit(kind, key)


class PeoplePage(RecordPage):
    KIND = "person"
    SERVICE = "people"
    NAME_FIELD = "full_name"
    NEW_TEXT = N_("New person")
    DELETE_QUESTION = N_("Delete {name} from the contacts?")

    def add_filters(self, bar: QHBoxLayout) -> None:
        self.organisation_filter = RecordPicker(
            lookup(self._services, "organisation"), describe(self._services, "organisation")
        )
        self.organisation_filter.setPlaceholderText(_("All organisations"))
        self.municipality_filter = MunicipalityBox(self._services, _("All municipalities"))
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(_("Search…"))
        self.text_filter.setClearButtonEnabled(True)
        bar.addWidget(QLabel(_("Organisation")))
        bar.addWidget(self.organisation_filter, 3)
        bar.addWidget(QLabel(_("Our municipality")))
        bar.addWidget(self.municipality_filter, 2)
        bar.addWidget(self.text_filter, 3)
        self.organisation_filter.id_changed.connect(self.apply_filters)
        self.municipality_filter.currentIndexChanged.connect(self.apply_filters)
        self.text_filter.textChanged.connect(self.apply_filters)

    def current_filter(self) -> PersonFilter:
        return PersonFilter(
            organisation_id=self.organisation_filter.record_id(),
            municipality_id=self.municipality_filter.municipality_id(),
            text=self.text_filter.text().strip(),
        )

    def clear_filters(self) -> None:
        self.organisation_filter.set_record_id(None)
        self.municipality_filter.setCurrentIndex(0)
        self.text_filter.clear()
        self.apply_filters()  # setting the picker from code emits nothing

    def set_organisation(self, key: uuid.UUID | None) -> None:
        """Show the people of one organisation (None: of all)."""
        self.organisation_filter.set_record_id(key)
        self.apply_filters()

    def make_model(self) -> RecordTableModel[Any]:  # the table names organisations, places
        s = self._services
        return PersonTableModel(s.people, s.organisations, s.municipalities, self)

    def make_detail(self) -> QWidget:
        self.card = PersonCard(self._services, self.open_record.emit)
        return self.card

    def make_editor(self, record: Any | None, parent: QWidget) -> RecordEditor:
        return PersonEditor(  # a new person starts where the filter looks
            self._services,
            record,
            parent,
            organisation_id=self.organisation_filter.record_id(),
            municipality_id=self.municipality_filter.municipality_id(),
        )

    def column_widths(self) -> dict[int, int]:
        return {
            COL_PERSON_NAME: 220,
            COL_POSITION: 260,
            COL_ORGANISATION: 200,
            COL_MUNICIPALITY: 190,
        }


class OrganisationsAndPeoplePage(QWidget):
    """Organisations and people in two tabs, offering the main window the methods of a
    ``RecordPage`` (each goes to the tab in view). Links between the two tabs are followed here;
    links to other areas go out through ``open_record``."""

    status_message = Signal(str)
    open_record = Signal(str, object)
    changed = Signal()

    KIND = "organisation"
    KINDS = ("organisation", "person")

    def __init__(
        self,
        services: Any,
        parent: Any = None,
        *,
        confirm: Confirm = confirm,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.organisations_page = OrganisationsPage(services, confirm=confirm)
        self.people_page = PeoplePage(services, confirm=confirm)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.organisations_page, _("Organisations"))
        self.tabs.addTab(self.people_page, _("People"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        for page in self.pages():
            page.status_message.connect(self.status_message)
            page.open_record.connect(self._follow)
            page.changed.connect(self.changed)
        # A renamed or deleted organisation shows in the people's table; a person added or
        # removed shows on the organisation's card.
        self.organisations_page.changed.connect(self.people_page.refresh)
        self.people_page.changed.connect(self.organisations_page.refresh)
        self.organisations_page.show_people.connect(self._show_people_of)
        self.organisations_page.add_person.connect(self._add_person_to)

    # --- the tab in view ---------------------------------------------------------------------
    def pages(self) -> tuple[OrganisationsPage, PeoplePage]:
        return self.organisations_page, self.people_page

    def current_page(self) -> RecordPage:
        page = self.tabs.currentWidget()
        assert isinstance(page, RecordPage)
        return page

    def page_of(self, kind: str) -> RecordPage | None:
        return {"organisation": self.organisations_page, "person": self.people_page}.get(kind)

    def current_kind(self) -> str:
        return self.current_page().KIND

    def set_current_kind(self, kind: str) -> None:
        page = self.page_of(kind)
        if page is not None:
            self.tabs.setCurrentWidget(page)

    @property
    def model(self) -> RecordTableModel[Any]:
        return self.current_page().model

    @property
    def table(self) -> Any:
        return self.current_page().table

    # --- what the main window calls on any page ------------------------------------------------
    def new_record(self) -> RecordEditor:
        return self.current_page().new_record()

    def show_history(self) -> HistoryDialog | None:
        return self.current_page().show_history()

    def edit_record(self) -> RecordEditor | None:
        return self.current_page().edit_record()

    def delete_record(self) -> bool:
        return self.current_page().delete_record()

    def undo_delete(self) -> None:
        self.current_page().undo_delete()

    def refresh(self) -> None:
        for page in self.pages():
            page.refresh()

    def selected_record(self) -> Any | None:
        return self.current_page().selected_record()

    def select_record(self, key: uuid.UUID) -> bool:
        return self.current_page().select_record(key)

    def show_record(self, key: uuid.UUID, kind: str | None = None) -> bool:
        """Show a record; without ``kind`` the tab in view is tried first, then the other."""
        if kind is not None:
            return self.show_record_of(kind, key)
        current = self.current_page()
        for page in (current, *(p for p in self.pages() if p is not current)):
            if self._exists(page, key) and page.show_record(key):
                self.tabs.setCurrentWidget(page)
                return True
        return False

    def show_record_of(self, kind: str, key: uuid.UUID) -> bool:
        """Switch to the tab of ``kind`` ("organisation" or "person") and select the record."""
        page = self.page_of(kind)
        if page is None:
            return False
        self.tabs.setCurrentWidget(page)
        return page.show_record(key)

    def clear_filters(self) -> None:
        self.current_page().clear_filters()

    def reload_choices(self) -> None:
        for page in (self.organisations_page, self.people_page):
            page.reload_choices()

    def current_filter(self) -> Any:
        return self.current_page().current_filter()

    def columns_menu(self) -> QMenu:
        return self.current_page().columns_menu()

    def service(self) -> Any:
        return self.current_page().service()

    def new_text(self) -> str:
        return self.current_page().new_text()

    def record_name(self, record: Any) -> str:
        return self.current_page().record_name(record)

    def save_state(self, settings: QSettings, prefix: str) -> None:
        self.organisations_page.save_state(settings, f"{prefix}/organisations")
        self.people_page.save_state(settings, f"{prefix}/people")
        settings.setValue(f"{prefix}/tab", self.current_kind())

    def restore_state(self, settings: QSettings, prefix: str) -> None:
        self.organisations_page.restore_state(settings, f"{prefix}/organisations")
        self.people_page.restore_state(settings, f"{prefix}/people")
        tab = settings.value(f"{prefix}/tab")
        if isinstance(tab, str):
            self.set_current_kind(tab)

    # --- links -------------------------------------------------------------------------------
    def _follow(self, kind: str, key: object) -> None:
        if kind in self.KINDS and isinstance(key, uuid.UUID):
            self.show_record_of(kind, key)
        else:
            self.open_record.emit(kind, key)

    def _show_people_of(self, key: object) -> None:
        if isinstance(key, uuid.UUID):
            self.people_page.clear_filters()
            self.people_page.set_organisation(key)
            self.tabs.setCurrentWidget(self.people_page)

    def _add_person_to(self, key: object) -> None:
        """A new person's editor, working at the organisation (the People tab shows its people,
        where the new one will appear)."""
        if isinstance(key, uuid.UUID):
            self._show_people_of(key)
            self.people_page.new_record()

    def _exists(self, page: RecordPage, key: uuid.UUID) -> bool:
        try:
            page.service().get(key)
        except NotFoundError:  # a record of the other tab's kind
            return False
        return True
