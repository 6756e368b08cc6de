"""The main window: the areas in a navigation list, one search over everything, the menus and
shortcuts that act on the area in view, and a status bar naming the database.

The window knows the areas only through ``navigation.AREAS`` and the small page protocol
(new_record, edit_record, delete_record, refresh, show_record, save_state, restore_state); each
page owns its table, filters and editors.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from mumidesk import __version__
from mumidesk.domain.errors import DomainError
from mumidesk.i18n import _
from mumidesk.services.registry import Services
from mumidesk.ui import permissions
from mumidesk.ui.municipalities.reference_dialog import ReferenceDialog
from mumidesk.ui.navigation import AREAS, area_of_kind
from mumidesk.ui.search_panel import SearchPanel
from mumidesk.ui.window_settings import database_label, window_settings

PREFERRED_SIZE = (1280, 780)  # room for a table, its detail panel and the navigation


class MainWindow(QMainWindow):
    """``settings_requested`` asks the application to show the settings (the app may reopen the
    window in another language or on another database afterwards)."""

    settings_requested = Signal()
    backups_requested = Signal()

    def __init__(self, services: Services, settings: QSettings | None = None) -> None:
        super().__init__()
        self._services = services
        self._settings = settings or window_settings()
        self.pages: dict[str, QWidget] = {}
        self._stale: set[str] = set()  # built pages whose data changed elsewhere
        self.reference_dialog: ReferenceDialog | None = None
        self.setWindowTitle(_("mumidesk — international ties"))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        for spec in AREAS:
            self.nav.addItem(spec.title())
        self.nav.setMaximumWidth(230)
        self.nav.setMinimumWidth(170)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 7px 6px; }")
        self.stack = QStackedWidget()
        for _spec in AREAS:
            self.stack.addWidget(QWidget())  # replaced by the page on first show
        self.nav.currentRowChanged.connect(self._area_chosen)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 1090])
        self.setCentralWidget(splitter)

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(_("Search everything (Ctrl+F)…"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(320)
        self.search_panel = SearchPanel(services.search)
        self.search_panel.record_chosen.connect(self.open_record)
        self.search_field.textChanged.connect(self._search_typed)
        self.search_field.returnPressed.connect(self.run_search)
        self.search_dock = QDockWidget(_("Search results"), self)
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setWidget(self.search_panel)
        self.search_panel.setMinimumWidth(300)  # titles are long: "Участие в международном…"
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)
        self.search_dock.hide()

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.db_label = QLabel(database_label(services.db))
        self.statusBar().addPermanentWidget(self.db_label)
        # What the connected user may do: a viewer of a shared server sees no New/Edit/Delete
        # (the server refuses such writes anyway). Every page is filtered when it is built.
        self.role = permissions.role_of(services)
        permissions.apply(self.role, self)
        self._restore()

    # --- actions, menus, toolbar -------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(_("New"), self.new_record, QKeySequence.StandardKey.New)
        self.edit_action = self._action(_("Edit…"), self.edit_record, "Ctrl+E")
        self.delete_action = self._action(_("Delete…"), self.delete_record, Qt.Key.Key_Delete)
        self.history_action = self._action(_("History…"), self.show_history, "Ctrl+H")
        self.refresh_action = self._action(
            _("Refresh"), self.refresh, QKeySequence.StandardKey.Refresh
        )
        self.refresh_action.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+R")])
        self.print_action = self._action(
            _("Print…"), self.print_current, QKeySequence.StandardKey.Print
        )
        self.find_action = self._action(_("Find"), self.focus_search, QKeySequence.StandardKey.Find)
        self.backups_action = self._action(_("Backups…"), self.backups_requested.emit)
        self.settings_action = self._action(_("Settings…"), self.settings_requested.emit, "Ctrl+,")
        self.reference_action = self._action(
            _("Our region and municipalities…"), self.open_reference
        )
        self.quit_action = self._action(_("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.about_action = self._action(_("About mumidesk"), self.show_about)
        self.area_actions: list[QAction] = []
        for number, spec in enumerate(AREAS, start=1):
            action = self._action(
                spec.title(), lambda key=spec.key: self.show_area(key), f"Ctrl+{number}"
            )
            self.area_actions.append(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.reference_action)
        file_menu.addAction(self.backups_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(_("&Edit"))
        for action in (self.new_action, self.edit_action, self.delete_action):
            edit_menu.addAction(action)
        edit_menu.addAction(self.history_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu(_("&View"))
        view_menu.addActions(self.area_actions)
        view_menu.addSeparator()
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.search_dock.toggleViewAction())
        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(_("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for action in (self.new_action, self.edit_action, self.delete_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.refresh_action)
        toolbar.addAction(self.print_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.search_field)
        self.addToolBar(toolbar)

    # --- areas -------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page of an area, built on first use."""
        page = self.pages.get(key)
        if page is not None:
            return page
        index = next(i for i, spec in enumerate(AREAS) if spec.key == key)
        page = AREAS[index].build(self._services, self.stack)
        permissions.apply(self.role, page)
        self.pages[key] = page
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        for signal, slot in (
            ("status_message", self._status),
            ("open_record", self.open_record),
            ("changed", self._data_changed),
            ("open_area", self.show_area),
        ):
            if hasattr(page, signal):
                getattr(page, signal).connect(slot)
        if hasattr(page, "restore_state"):
            page.restore_state(self._settings, f"pages/{key}")
        return page

    def show_area(self, key: str) -> QWidget:
        index = next(i for i, spec in enumerate(AREAS) if spec.key == key)
        page = self.page(key)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)  # comes back through _area_chosen
        self.stack.setCurrentIndex(index)
        if key in self._stale:
            self._stale.discard(key)
            self._call(page, "refresh")
        self._update_actions()
        return page

    def current_key(self) -> str:
        row = self.nav.currentRow()
        return AREAS[row].key if 0 <= row < len(AREAS) else AREAS[0].key

    def current_page(self) -> QWidget:
        return self.page(self.current_key())

    def _area_chosen(self, row: int) -> None:
        if 0 <= row < len(AREAS):
            self.show_area(AREAS[row].key)

    def _update_actions(self) -> None:
        page = self.pages.get(self.current_key())
        for action, method in (
            (self.new_action, "new_record"),
            (self.edit_action, "edit_record"),
            (self.delete_action, "delete_record"),
            (self.history_action, "show_history"),
        ):
            action.setEnabled(page is not None and hasattr(page, method))

    # --- commands on the area in view --------------------------------------------------------
    @staticmethod
    def _call(page: QWidget, method: str, *args: Any) -> Any:
        function = getattr(page, method, None)
        return function(*args) if callable(function) else None

    def new_record(self) -> Any:
        return self._call(self.current_page(), "new_record")

    def edit_record(self) -> Any:
        return self._call(self.current_page(), "edit_record")

    def delete_record(self) -> Any:
        return self._call(self.current_page(), "delete_record")

    def refresh(self) -> None:
        self._call(self.current_page(), "refresh")

    def show_history(self) -> Any:
        """Who changed the selected record, what and when (kept after a delete too)."""
        return self._call(self.current_page(), "show_history")

    def print_current(self) -> None:
        """Ctrl+P: in Documents, print the preview; elsewhere open Documents on the selected
        record's own document (an agreement's draft, a delegation's programme …)."""
        key = self.current_key()
        if key == "documents":
            self._call(self.page("documents"), "print_document")
            return
        choice = self._call(self.current_page(), "document_choice")
        documents = self.show_area("documents")
        if choice:
            self._call(documents, "prepare", *choice)

    def refresh_all(self) -> None:
        """After a load or an import: every built page reads its data again."""
        for page in self.pages.values():
            self._call(page, "refresh")

    def _data_changed(self) -> None:
        current = self.current_key()
        self._stale.update(key for key in self.pages if key != current)

    # --- search and links --------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _search_typed(self, text: str) -> None:
        showing = bool(text.strip())
        if showing and not self.search_dock.isVisible():
            self.search_dock.show()
            self.resizeDocks([self.search_dock], [420], Qt.Orientation.Horizontal)
        elif not showing:
            self.search_dock.hide()
        self.search_panel.query_changed(text)

    def run_search(self) -> None:
        if not self.search_dock.isVisible():
            self.search_dock.show()
            self.resizeDocks([self.search_dock], [420], Qt.Orientation.Horizontal)
        self.search_panel.search_now(self.search_field.text())

    def open_record(self, kind: str, key: uuid.UUID) -> None:
        """Show a record in its area, whatever area asked (search, a link, the dashboard)."""
        if kind == "attachment":
            try:
                attachment = self._services.attachments.get(key)
            except DomainError as exc:
                self._status(str(exc))
                return
            kind, key = attachment.owner_kind, attachment.owner_id
        if kind in ("municipality", "region"):
            self.open_reference(kind, key)
            return
        spec = area_of_kind(kind)
        if spec is None:
            self._status(_("This kind of record has no page of its own."))
            return
        page = self.show_area(spec.key)
        shown = (
            self._call(page, "show_record_of", kind, key)
            if hasattr(page, "show_record_of")
            else self._call(page, "show_record", key)
        )
        if not shown:
            self._status(_("The record is no longer there (deleted?)."))

    def open_reference(self, kind: str = "", key: uuid.UUID | None = None) -> ReferenceDialog:
        """The own region and municipalities (non-modal: the areas stay usable beside it)."""
        if self.reference_dialog is None:
            self.reference_dialog = ReferenceDialog(self._services, self)
            self.reference_dialog.changed.connect(self._reference_changed)
            permissions.apply(self.role, self.reference_dialog)
        if key is not None:
            self.reference_dialog.show_record_of(kind, key)
        self.reference_dialog.show()
        self.reference_dialog.raise_()
        return self.reference_dialog

    def _reference_changed(self) -> None:
        self._stale.update(self.pages)  # names of municipalities in every table
        for page in self.pages.values():
            self._call(page, "reload_choices")  # and in the filter bars

    # --- status, about, state ----------------------------------------------------------------
    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About mumidesk"),
            _("mumidesk {version}\nInternational ties of municipalities and regions.").format(
                version=__version__
            ),
        )

    def _restore(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self._first_geometry()
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.search_dock.hide()  # results of the last session are gone
        last = str(self._settings.value("window/area", "dashboard"))
        keys = [spec.key for spec in AREAS]
        self.show_area(last if last in keys else "dashboard")

    def _first_geometry(self) -> None:
        """The first start: the preferred size where the screen has room for it, else (a
        1366×768 office laptop) the whole screen, never a window running off its edge."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        fits = room.width() >= PREFERRED_SIZE[0] + 40 and room.height() >= PREFERRED_SIZE[1] + 60
        if fits:
            self.resize(*PREFERRED_SIZE)
            self.move(room.center() - self.rect().center())
        else:
            self.resize(room.width(), room.height())
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def save_settings(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("window/area", self.current_key())
        for key, page in self.pages.items():
            self._call(page, "save_state", self._settings, f"pages/{key}")
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
