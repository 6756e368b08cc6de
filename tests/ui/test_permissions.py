"""The window for each role on a real PostgreSQL (issue 6 point 7): a viewer's window hides New,
Edit, Delete, the lifecycle steps and file adding, and when a write is tried anyway the server
refuses it with a clear message. An editor's window keeps them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from mumidesk.db.engine import Database
from mumidesk.domain.agreements import Agreement
from mumidesk.domain.partners import Partner
from mumidesk.domain.roles import Capability, Role
from mumidesk.services.registry import Services
from mumidesk.ui import permissions
from mumidesk.ui.dialogs.settings_dialog import SettingsDialog
from mumidesk.ui.main_window import MainWindow
from mumidesk.ui.pages.agreements_page import AgreementsPage
from mumidesk.ui.pages.partners_page import PartnersPage
from mumidesk.ui.window_settings import window_settings
from tests.pg_roles import ServerUsers, server_users
from tests.ui.helpers import agree, shown


@pytest.fixture
def users(pg_db: Database) -> Iterator[ServerUsers]:
    owner = Services.for_database(pg_db)
    owner.partners.create(Partner(name_ru="Могилёв", country_code="BY"))
    owner.agreements.create(Agreement(title="Соглашение с Могилёвом"))
    with server_users(pg_db) as found:
        yield found


def _window(qtbot: QtBot, services: Services) -> tuple[MainWindow, Role]:
    """The main window as the lead wires it: apply on the window, then on each page built."""
    settings = window_settings()
    settings.setValue("window/area", "partners")
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    role = permissions.role_of(services)
    permissions.apply(role, window)
    for page in window.pages.values():
        permissions.apply(role, page)
    window.show()
    return window, role


def _page(window: MainWindow, role: Role, key: str) -> QWidget:
    """A page as the lead's hook in MainWindow.page() hands it out: built, then applied."""
    page = window.page(key)
    permissions.apply(role, page)
    return page


def _shown(action: QAction) -> bool:
    return action.isVisible() and action.isEnabled()


def _select_first(page: PartnersPage | AgreementsPage) -> None:
    page.table.selectRow(0)
    assert page.selected_record() is not None


def test_the_viewers_window_offers_no_change(qtbot: QtBot, users: ServerUsers) -> None:
    # Guards: permissions.apply on the window and on the pages.
    window, role = _window(qtbot, Services.for_database(users.viewer))
    assert role is Role.VIEWER
    page = _page(window, role, "partners")
    assert isinstance(page, PartnersPage)
    _select_first(page)
    for action in (window.new_action, window.edit_action, window.delete_action):
        assert not _shown(action)
    for action in (page.new_action, page.edit_action, page.delete_action):
        assert not _shown(action)
    assert page.attachments is not None
    assert page.attachments.add_button.isHidden() and page.attachments.remove_button.isHidden()
    assert not page.attachments.acceptDrops()
    label = window.statusBar().findChild(QWidget, permissions.ROLE_LABEL_NAME)
    assert label is not None and "Viewer (read only)" in label.text()  # type: ignore[attr-defined]

    # Neither the shortcut nor a double click opens an editor.
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page.table.doubleClicked.emit(page.model.index(0, 0))  # what a double click sends
    assert page.editor is None

    agreements = _page(window, role, "agreements")
    window.show_area("agreements")
    assert isinstance(agreements, AgreementsPage)
    _select_first(agreements)
    assert agreements.card.lifecycle.isVisibleTo(window)
    assert not agreements.card.lifecycle.steps_box.isVisibleTo(window)  # no step buttons
    assert agreements.card.lifecycle.step_buttons  # built, but inside the hidden box


def test_the_server_refuses_the_viewer_even_without_the_window_hiding(
    qtbot: QtBot, users: ServerUsers
) -> None:
    # Guards: the server's grants and the clear message (db_errors) behind the window.
    services = Services.for_database(users.viewer)
    page = shown(qtbot, PartnersPage(services, confirm=agree))  # no permissions.apply here
    _select_first(page)
    assert page.delete_record() is False
    assert "you may not change data on this server" in page.message.text()
    owner = Services.for_database(users.owner)
    assert [p.deleted_at for p in owner.partners.all()] == [None]


def test_the_editors_window_keeps_editing_but_not_restore(qtbot: QtBot, users: ServerUsers) -> None:
    # Guards: apply hides only what the role lacks (an editor keeps New/Edit/Delete).
    window, role = _window(qtbot, Services.for_database(users.editor))
    assert role is Role.EDITOR
    page = _page(window, role, "partners")
    assert isinstance(page, PartnersPage)
    _select_first(page)
    for action in (window.new_action, window.edit_action, window.delete_action):
        assert _shown(action)
    for action in (page.new_action, page.edit_action, page.delete_action):
        assert _shown(action)
    restore = QAction("Restore…", window)
    permissions.require(restore, Capability.RESTORE)
    roles = QAction("Roles…", window)
    roles.setObjectName("roles")
    permissions.require(roles, Capability.MANAGE_ROLES)
    permissions.apply(role, window)
    assert not restore.isVisible() and not roles.isVisible()
    assert window.new_action.isVisible()
    label = window.statusBar().findChild(QWidget, permissions.ROLE_LABEL_NAME)
    assert label is not None and label.text() == "Role: Editor"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("role", "enabled"), [(Role.VIEWER, False), (Role.EDITOR, True)])
def test_the_database_settings_follow_the_role(
    qtbot: QtBot, services: Services, role: Role, enabled: bool
) -> None:
    # Guards: DISABLED_BY_NAME for the settings dialog's database inputs.
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    inputs = (dialog.path_edit, dialog.browse_button, dialog.file_choice, dialog.server_choice)
    before = [w.isEnabled() for w in inputs]
    assert all(before)  # a database file is chosen: its inputs are in use
    permissions.apply(role, dialog)
    assert [w.isEnabled() for w in inputs] == [enabled] * len(inputs)
    assert dialog.language_box.isEnabled()  # a viewer still chooses the language


def test_a_file_user_is_the_administrator(qtbot: QtBot, services: Services) -> None:
    window, role = _window(qtbot, services)
    assert role is Role.ADMIN
    assert window.new_action.isVisible()
    assert window.statusBar().findChild(QWidget, permissions.ROLE_LABEL_NAME) is None
    assert isinstance(window, QMainWindow)
