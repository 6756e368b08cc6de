"""The frame every area page shares: a filter bar, a toolbar, the lazy table beside a detail panel,
and a message bar whose Undo brings a deleted record back.

An area subclasses ``RecordPage`` and provides the model, the filter widgets, the detail panel and
the editor — mostly by naming them in class attributes (``MODEL``, ``CARD``, ``EDITOR``,
``SERVICE`` …), overriding a hook only where its area really differs; the behaviour (selection,
new/edit/delete/undo, column choice, saved layout) lives here once. Keyboard shortcuts belong to
the main window, which calls ``new_record``, ``edit_record``, ``delete_record`` and ``refresh`` on
the page in view.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, ClassVar, Protocol

from babel.numbers import format_decimal
from PySide6.QtCore import QByteArray, QObject, QPoint, QSettings, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.attachments import OWNER_KINDS
from mumidesk.domain.errors import DomainError
from mumidesk.i18n import N_, _, current_locale, ngettext
from mumidesk.ui.dialogs.history_dialog import HistoryDialog
from mumidesk.ui.editors.record_editor import RecordEditor
from mumidesk.ui.models.linked_names import LinkedNames, LinkedNamesTableModel
from mumidesk.ui.models.record_table import RecordTableModel
from mumidesk.ui.widgets.attachments_panel import AttachmentsPanel
from mumidesk.ui.widgets.municipality_box import MunicipalityBox

Confirm = Callable[[QWidget, str], bool]
EditorFactory = Callable[[Any, QWidget], RecordEditor]


# What a page names in its class attributes. Protocols, not Callable: a Callable class
# attribute would be taken for a method and bound to the page.
class ModelClass(Protocol):
    def __call__(self, source: Any, parent: QWidget, /) -> RecordTableModel[Any]: ...


class CardClass(Protocol):
    def __call__(self, names: LinkedNames, /) -> QWidget: ...


class EditorClass(Protocol):
    def __call__(self, services: Any, record: Any | None, parent: QWidget, /) -> RecordEditor: ...


def confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Delete"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


@contextmanager
def signals_blocked(*widgets: QObject) -> Iterator[None]:
    """Set filter widgets from code without each change reloading the table (the caller applies
    the filters once afterwards); each widget gets back the blocking it had."""
    with ExitStack() as stack:
        for widget in widgets:
            stack.enter_context(QSignalBlocker(widget))
        yield


class RecordPage(QWidget):
    """``status_message`` forwards short notices to the main window's status bar;
    ``open_record(kind, id)`` asks the main window to show a record of another area."""

    status_message = Signal(str)
    open_record = Signal(str, object)
    changed = Signal()  # something was written: the dashboard and counts are stale

    #: the search-index kind of the records this page shows ("partner", "agreement" …)
    KIND = ""

    # What the default hooks build; a page whose part needs more overrides that hook instead.
    #: the table model, built as ``MODEL(service, page)`` from the page's service, or as
    #: ``MODEL(services, page)`` from the whole registry when ``MODEL_OF_REGISTRY`` (a model that
    #: names linked records)
    MODEL: ClassVar[ModelClass | None] = None
    MODEL_OF_REGISTRY: ClassVar[bool] = False
    #: the detail card, built as ``CARD(model.names)``; its ``activated(kind, id)`` opens a record
    CARD: ClassVar[CardClass | None] = None
    #: the editor, built as ``EDITOR(services, record, parent)``
    EDITOR: ClassVar[EditorClass | None] = None
    #: the attribute of the services registry that deletes and restores the records ("events")
    SERVICE: ClassVar[str] = ""
    #: the record attribute that names a record in messages ("": its title, else its name)
    NAME_FIELD: ClassVar[str] = ""
    #: marked with ``N_`` by the page, translated where shown
    NEW_TEXT: ClassVar[str] = N_("New")
    DELETE_QUESTION: ClassVar[str] = N_("Delete {name}?")  # {name}: ``record_name(record)``

    def __init__(
        self,
        services: Any,
        parent: Any = None,
        *,
        confirm: Confirm = confirm,
        editor_factory: EditorFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.confirm = confirm
        self._editor_factory = editor_factory or self.make_editor
        self.editor: RecordEditor | None = None  # the open editor, if any
        self._last_editor: RecordEditor | None = None
        self._deleted: uuid.UUID | None = None  # what Undo brings back

        self.filter_bar = QHBoxLayout()
        self.add_filters(self.filter_bar)

        self.new_action = QAction(self.new_text(), self)
        self.new_action.triggered.connect(self.new_record)
        self.edit_action = QAction(_("Edit"), self)
        self.edit_action.triggered.connect(self.edit_record)
        self.delete_action = QAction(_("Delete"), self)
        self.delete_action.triggered.connect(self.delete_record)
        self.toolbar = QToolBar()
        self.toolbar.addActions([self.new_action, self.edit_action, self.delete_action])
        self.add_actions(self.toolbar)
        self.count_label = QLabel()
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.count_label)

        self.model: RecordTableModel[Any] = self.make_model()
        self.table = QTableView()
        self.table.setModel(self.model)
        # The indicator first: enabling sorting sorts at once by whatever it shows.
        sort_key, descending = self.model.sort_state()
        sort_column = next((i for i, c in enumerate(self.model.columns) if c.sort == sort_key), 0)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(sort_column, order)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        for column, width in self.column_widths().items():
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_record())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)

        self.detail = self.make_detail()
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail)
        # Files belong to every kind of record that can own them; a card that places its own
        # panel (organisations) keeps it.
        self.attachments: AttachmentsPanel | None = None
        if self.KIND in OWNER_KINDS and getattr(self.detail, "attachments", None) is None:
            self.attachments = AttachmentsPanel(services, self.KIND)
            self.attachments.status_message.connect(self.status_message)
            detail_layout.addWidget(self.attachments)
        detail_layout.addStretch(1)
        detail_scroll = QScrollArea()
        detail_scroll.setWidget(detail_box)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setMinimumWidth(260)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([700, 320])

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.clicked.connect(self.undo_delete)
        close_message = QPushButton("×")
        close_message.setFlat(True)
        close_message.setToolTip(_("Close"))
        self.message_bar = QWidget()
        close_message.clicked.connect(self.message_bar.hide)
        self.message_bar.setStyleSheet("background: #fff8d6;")
        bar = QHBoxLayout(self.message_bar)
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.message, 1)
        bar.addWidget(self.undo_button)
        bar.addWidget(close_message)
        self.message_bar.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message_bar)
        self._selection_changed()
        self._show_count()
        # A combo box is as wide as its longest item by default ("Все муниципальные
        # образования"); a filter bar of them would make the window wider than a laptop screen.
        for box in self.findChildren(QComboBox):
            if self.detail.isAncestorOf(box):
                continue
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(10)

    # --- what an area provides ---------------------------------------------------------------
    def make_model(self) -> RecordTableModel[Any]:
        model_class = self.MODEL
        if model_class is None:
            raise NotImplementedError
        return model_class(self._services if self.MODEL_OF_REGISTRY else self.service(), self)

    def make_detail(self) -> QWidget:
        """A widget with ``show_record(record | None)``, kept as ``self.card``."""
        card_class = self.CARD
        if card_class is None:
            raise NotImplementedError
        assert isinstance(self.model, LinkedNamesTableModel)  # the card shows the model's names
        self.card = card_class(self.model.names)
        self.card.activated.connect(self.open_record)  # type: ignore[attr-defined]  # see CARD
        return self.card

    def make_editor(self, record: Any | None, parent: QWidget) -> RecordEditor:
        editor_class = self.EDITOR
        if editor_class is None:
            raise NotImplementedError
        return editor_class(self._services, record, parent)

    def add_filters(self, bar: QHBoxLayout) -> None:
        """Put the filter widgets into ``bar``; connect their changes to ``apply_filters``."""

    def add_actions(self, toolbar: QToolBar) -> None:
        """More toolbar actions of the area (after New, Edit, Delete)."""

    def current_filter(self) -> Any:
        return self.model.current_filter()

    def service(self) -> Any:
        """The CrudService that deletes and restores this page's records."""
        if not self.SERVICE:
            raise NotImplementedError
        return getattr(self._services, self.SERVICE)

    def new_text(self) -> str:
        return _(self.NEW_TEXT)

    def record_name(self, record: Any) -> str:
        if self.NAME_FIELD:
            return str(getattr(record, self.NAME_FIELD))
        return str(getattr(record, "title", "") or getattr(record, "name", ""))

    def delete_question(self, record: Any) -> str:
        return _(self.DELETE_QUESTION).format(name=self.record_name(record))

    def column_widths(self) -> dict[int, int]:
        """Starting widths in pixels by column (the user's own widths are restored later)."""
        return {}

    def record_changed(self, record: Any | None) -> None:
        """The selection moved; areas enable their own actions here."""

    # --- filters and selection ---------------------------------------------------------------
    def apply_filters(self, *_args: Any) -> None:
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        selected = self.selected_record()
        self.model.reload()
        if selected is not None and getattr(selected, "id", None) is not None:
            self.select_record(selected.id)

    def selected_record(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def select_record(self, key: uuid.UUID) -> bool:
        """Select a record; rows are fetched page by page until it is loaded."""
        row = self.model.row_of(key)
        while row < 0 and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(key)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def show_record(self, key: uuid.UUID) -> bool:
        """Select a record, clearing the filters if they hide it."""
        if self.select_record(key):
            return True
        self.clear_filters()
        return self.select_record(key)

    def reload_choices(self) -> None:
        """The own municipalities changed (File → Our region and municipalities): the filter
        bar's lists read them again."""
        for box in self.findChildren(MunicipalityBox):
            if not self.detail.isAncestorOf(box):
                box.reload()

    def clear_filters(self) -> None:
        """Reset the filter widgets; areas with filters override this."""

    def _selection_changed(self, *_args: Any) -> None:
        record = self.selected_record()
        self.detail.show_record(record)  # type: ignore[attr-defined]
        if self.attachments is not None:
            self.attachments.set_owner(getattr(record, "id", None))
        self.edit_action.setEnabled(record is not None)
        self.delete_action.setEnabled(record is not None)
        self.record_changed(record)

    def _show_count(self, *_args: Any) -> None:
        total = self.model.total()
        count = format_decimal(total, locale=current_locale())  # "100 000", not "100000"
        self.count_label.setText(ngettext("{n} record", "{n} records", total).format(n=count))

    # --- columns and saved layout ------------------------------------------------------------
    def _choose_columns(self, point: QPoint) -> None:
        self.columns_menu().popup(self.table.horizontalHeader().mapToGlobal(point))

    def columns_menu(self) -> QMenu:
        """A menu of the columns with a tick on the shown ones (the last one cannot go)."""
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        shown = [c for c in range(self.model.columnCount()) if not header.isSectionHidden(c)]
        for column, spec in enumerate(self.model.columns):
            action = menu.addAction(spec.title())
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(not (len(shown) == 1 and column in shown))
            action.toggled.connect(lambda on, c=column: self.set_column_shown(c, on))
        return menu

    def set_column_shown(self, column: int, shown: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not shown)

    def save_state(self, settings: QSettings, prefix: str) -> None:
        settings.setValue(f"{prefix}/header", self.table.horizontalHeader().saveState())
        settings.setValue(f"{prefix}/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings, prefix: str) -> None:
        header = self.table.horizontalHeader()
        state = settings.value(f"{prefix}/header")
        if isinstance(state, QByteArray) and header.restoreState(state):
            # The indicator came back; the rows must be sorted the same way (in SQL).
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        splitter = settings.value(f"{prefix}/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    # --- actions -----------------------------------------------------------------------------
    def new_record(self) -> RecordEditor:
        return self._open_editor(None)

    def edit_record(self) -> RecordEditor | None:
        record = self.selected_record()
        return self._open_editor(record) if record is not None else None

    def _open_editor(self, record: Any | None) -> RecordEditor:
        if self._last_editor is not None:  # closed dialogs are freed when the next opens
            self._last_editor.deleteLater()
        editor = self._editor_factory(record, self)
        self._last_editor = editor
        editor.saved.connect(self._saved)
        editor.finished.connect(lambda _result: setattr(self, "editor", None))
        self.editor = editor
        editor.open()  # window-modal, not blocking: the event loop keeps running
        return editor

    def _saved(self, record: Any) -> None:
        self.model.reload()
        if getattr(record, "id", None) is not None:
            self.show_record(record.id)
        self.notify(_("Saved: {name}").format(name=self.record_name(record)), undo=False)
        self.changed.emit()

    def delete_record(self) -> bool:
        record = self.selected_record()
        if record is None or record.id is None:
            return False
        if not self.confirm(self, self.delete_question(record)):
            return False
        try:
            self.service().delete(record.id, record.version)
        except DomainError as exc:
            self.notify(str(exc), undo=False)
            return False
        self._deleted = record.id
        self.model.reload()
        self.notify(_("Deleted: {name}").format(name=self.record_name(record)), undo=True)
        self.changed.emit()
        return True

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        try:
            restored = self.service().restore(self._deleted)
        except DomainError as exc:
            self.notify(str(exc), undo=False)
            return
        self._deleted = None
        self.model.reload()
        if restored.id is not None:
            self.show_record(restored.id)
        self.notify(_("Restored: {name}").format(name=self.record_name(restored)), undo=False)
        self.changed.emit()

    # --- history (issue 6, audit trail): the main window's "History…" action calls this ----
    def show_history(self) -> HistoryDialog | None:
        """Open the history of the selected record (who changed what and when)."""
        record = self.selected_record()
        if record is None or getattr(record, "id", None) is None:
            return None
        dialog = HistoryDialog(self._services, self.KIND, record.id, self.record_name(record), self)
        dialog.open()  # window-modal, not blocking, like the editors
        return dialog

    def notify(self, text: str, *, undo: bool) -> None:
        self.message.setText(text)
        self.undo_button.setVisible(undo)
        self.message_bar.show()
        self.status_message.emit(text)
