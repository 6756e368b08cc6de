"""The Partners area: filters go to the service, the table pages lazily, the card shows the
selected partner, and a delete can be undone from the message that reports it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from babel.numbers import format_decimal
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.errors import DomainError
from mumidesk.domain.partners import Partner
from mumidesk.i18n import _, current_locale
from mumidesk.services.partners import PartnerFilter
from mumidesk.services.registry import Services
from mumidesk.ui.editors.partner_editor import PartnerEditor, format_number
from mumidesk.ui.models.partner_table import (
    COL_COUNTRY,
    COL_NAME_EN,
    COL_NAME_RU,
    COL_REGION,
    PartnerTableModel,
)
from mumidesk.ui.widgets.country_box import CountryBox

Confirm = Callable[[QWidget, str], bool]
EditorFactory = Callable[[Partner | None, QWidget], PartnerEditor]


def confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Delete"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class PartnerCard(QWidget):
    """The selected partner's details, read-only."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.title.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("name_en", _("Name (English)")),
            ("name_local", _("Name (local language)")),
            ("country", _("Country")),
            ("region", _("Region")),
            ("population", _("Population")),
            ("coordinates", _("Coordinates")),
            ("website", _("Website")),
            ("notes", _("Notes")),
        ):
            value = QLabel()
            value.setWordWrap(key != "website")  # a wrapped address looks like two
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(label, value)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addStretch(1)
        self.show_partner(None)

    def show_partner(self, partner: Partner | None) -> None:
        if partner is None:
            self.title.setText(_("No partner selected"))
            for value in self.values.values():
                value.clear()
            return
        locale = current_locale()
        self.title.setText(partner.display_name)
        coordinates = ""
        if partner.latitude is not None and partner.longitude is not None:
            coordinates = _("{lat}, {lon}").format(
                lat=format_number(partner.latitude), lon=format_number(partner.longitude)
            )
        population = ""
        if partner.population is not None:
            population = format_decimal(partner.population, locale=locale)
        shown = {
            "name_en": partner.name_en,
            "name_local": partner.name_local,
            "country": locale.territories.get(partner.country_code, partner.country_code),
            "region": partner.region,
            "population": population,
            "coordinates": coordinates,
            "website": partner.website,
            "notes": partner.notes,
        }
        for key, text in shown.items():
            self.values[key].setText(text)


class PartnersPage(QWidget):
    """``status_message`` forwards short notices to the main window's status bar."""

    status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        parent: Any = None,
        *,
        confirm: Confirm = confirm,
        editor_factory: EditorFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.confirm = confirm
        self._editor_factory = editor_factory or self._default_editor
        self.editor: PartnerEditor | None = None  # the open editor, if any
        self._last_editor: PartnerEditor | None = None
        self._deleted: uuid.UUID | None = None  # what Undo brings back

        # --- filter bar ---
        self.country_filter = CountryBox(empty_text=_("All countries"))
        self.municipality_filter = QComboBox()
        # Ids are kept as text: Qt's findData cannot compare Python UUID objects.
        self.municipality_filter.addItem(_("All municipalities"), "")
        for municipality in services.municipalities.all():
            self.municipality_filter.addItem(municipality.name_ru, str(municipality.id))
        self.name_filter = QLineEdit()
        self.name_filter.setPlaceholderText(_("Name begins with…"))
        self.name_filter.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("Country")))
        filters.addWidget(self.country_filter, 2)
        filters.addWidget(QLabel(_("Our municipality")))
        filters.addWidget(self.municipality_filter, 2)
        filters.addWidget(QLabel(_("Name")))
        filters.addWidget(self.name_filter, 3)
        self.country_filter.country_changed.connect(self.apply_filters)
        self.municipality_filter.currentIndexChanged.connect(self.apply_filters)
        self.name_filter.textChanged.connect(self.apply_filters)

        # --- actions ---
        self.new_action = QAction(_("New partner"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_partner)
        self.edit_action = QAction(_("Edit"), self)
        self.edit_action.triggered.connect(self.edit_partner)
        self.delete_action = QAction(_("Delete"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self.delete_partner)
        for action in (self.new_action, self.edit_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        toolbar = QToolBar()
        toolbar.addActions([self.new_action, self.edit_action, self.delete_action])

        # --- table and card ---
        self.model = PartnerTableModel(services.partners, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME_RU, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for column, width in ((COL_NAME_RU, 180), (COL_NAME_EN, 150), (COL_COUNTRY, 120)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(COL_REGION, 180)
        # Del only where a row is focused: in the name field it must still erase a letter.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        self.table.doubleClicked.connect(lambda _index: self.edit_partner())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.card = PartnerCard()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.card)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        # --- message bar with Undo ---
        self.message = QLabel()
        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.message_bar = QWidget()
        bar = QHBoxLayout(self.message_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.message, 1)
        bar.addWidget(self.undo_button)
        self.message_bar.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_bar)
        self._selection_changed()

    # --- filters and selection ---------------------------------------------------------------
    def current_filter(self) -> PartnerFilter:
        municipality = self.municipality_filter.currentData()
        return PartnerFilter(
            country_code=self.country_filter.country_code(),
            municipality_id=uuid.UUID(municipality) if municipality else None,
            name=self.name_filter.text().strip(),
        )

    def set_municipality(self, key: uuid.UUID | None) -> None:
        """Show the partners of one own municipality (None: of all)."""
        index = self.municipality_filter.findData(str(key) if key else "")
        self.municipality_filter.setCurrentIndex(max(index, 0))

    def apply_filters(self, *_args: Any) -> None:
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        self.model.reload()

    def selected_partner(self) -> Partner | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.partner_at(rows[0].row()) if rows else None

    def select_partner(self, key: uuid.UUID) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.table.selectRow(row)

    def _selection_changed(self, *_args: Any) -> None:
        partner = self.selected_partner()
        self.card.show_partner(partner)
        self.edit_action.setEnabled(partner is not None)
        self.delete_action.setEnabled(partner is not None)

    # --- actions -----------------------------------------------------------------------------
    def _default_editor(self, partner: Partner | None, parent: QWidget) -> PartnerEditor:
        return PartnerEditor(self._services.partners, partner, parent)

    def new_partner(self) -> PartnerEditor:
        return self._open_editor(None)

    def edit_partner(self) -> PartnerEditor | None:
        partner = self.selected_partner()
        return self._open_editor(partner) if partner is not None else None

    def _open_editor(self, partner: Partner | None) -> PartnerEditor:
        if self._last_editor is not None:  # closed dialogs are freed when the next opens
            self._last_editor.deleteLater()
        editor = self._editor_factory(partner, self)
        self._last_editor = editor
        editor.saved.connect(self._saved)
        editor.finished.connect(lambda _result: setattr(self, "editor", None))
        self.editor = editor
        editor.open()  # window-modal, not blocking: the event loop keeps running
        return editor

    def _saved(self, partner: Partner) -> None:
        self.refresh()
        if partner.id is not None:
            self.select_partner(partner.id)
        self._notify(_("Saved: {name}").format(name=partner.display_name), undo=False)

    def delete_partner(self) -> bool:
        partner = self.selected_partner()
        if partner is None or partner.id is None:
            return False
        question = _("Delete the partner {name}?").format(name=partner.display_name)
        if not self.confirm(self, question):
            return False
        try:
            self._services.partners.delete(partner.id, partner.version)
        except DomainError as exc:
            self._notify(str(exc), undo=False)
            return False
        self._deleted = partner.id
        self.refresh()
        self._notify(_("Deleted: {name}").format(name=partner.display_name), undo=True)
        return True

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        try:
            restored = self._services.partners.restore(self._deleted)
        except DomainError as exc:
            self._notify(str(exc), undo=False)
            return
        self._deleted = None
        self.refresh()
        if restored.id is not None:
            self.select_partner(restored.id)
        self._notify(_("Restored: {name}").format(name=restored.display_name), undo=False)

    def _notify(self, text: str, *, undo: bool) -> None:
        self.message.setText(text)
        self.undo_button.setVisible(undo)
        self.message_bar.show()
        self.status_message.emit(text)
