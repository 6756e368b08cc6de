"""The window shows what the user's role allows: a viewer sees no New, Edit or Delete, no
lifecycle steps, no file adding or removing, no import, no database settings, no restore; an
editor sees everything but role management and restore.

Hiding is a courtesy, not the protection: the server refuses a viewer's write anyway (PostgreSQL
grants, mumidesk.db.roles), and the refusal reaches the user as a clear message
(mumidesk.db.db_errors).

``apply(role, widget)`` walks a widget and its children and hides or disables the controls the
role may not use. It finds them by the names the pages, panels and dialogs give them
(``new_action``, ``steps_box`` …) and by ``require(control, capability)`` for anything else.
Call it on the main window once, and on every page, dialog or panel built later (pages are
built on first show).
It is idempotent: applying twice does no harm.
"""

from __future__ import annotations

import contextlib
import warnings

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QWidget

from mumidesk.domain.roles import Capability, Role, allows
from mumidesk.i18n import _
from mumidesk.services.registry import Services
from mumidesk.services.roles import RoleService

CAPABILITY_PROPERTY = "mumidesk_capability"
ROLE_LABEL_NAME = "roleLabel"
_APPLIED_PROPERTY = "mumidesk_role_applied"

# Controls (QAction or widget) found by attribute name on any object of the tree, and what they
# need. Hidden when the role lacks it: a hidden action's shortcut does not fire either.
HIDDEN_BY_NAME: dict[str, Capability] = {
    # RecordPage toolbars and the main window's Edit menu / toolbar / Ctrl+N, Ctrl+E, Del
    "new_action": Capability.EDIT_DATA,
    "edit_action": Capability.EDIT_DATA,
    "delete_action": Capability.EDIT_DATA,
    # Delegations: "Record as an event…"
    "event_action": Capability.EDIT_DATA,
    # the agreement's lifecycle panel: the step buttons live in this box
    "steps_box": Capability.EDIT_DATA,
    # the first-start dialog and any import
    "demo_button": Capability.IMPORT,
    "import_button": Capability.IMPORT,
    "import_action": Capability.IMPORT,
    # the backups dialog
    "restore_button": Capability.RESTORE,
    "restore_action": Capability.RESTORE,
    "roles_action": Capability.MANAGE_ROLES,
}
# Shown but disabled: the user still sees which database is open.
DISABLED_BY_NAME: dict[str, Capability] = {
    "file_choice": Capability.DATABASE_SETTINGS,
    "server_choice": Capability.DATABASE_SETTINGS,
    "path_edit": Capability.DATABASE_SETTINGS,
    "url_edit": Capability.DATABASE_SETTINGS,
    "browse_button": Capability.DATABASE_SETTINGS,
    "backup_dir_edit": Capability.DATABASE_SETTINGS,
    "backup_browse_button": Capability.DATABASE_SETTINGS,
}


def role_of(services: Services) -> Role:
    """The role of the user connected to the services' database (a file: administrator)."""
    return RoleService(services.db).current()


def require(control: QObject, capability: Capability) -> None:
    """Mark a control (QAction or widget) that ``apply`` hides from roles without
    ``capability``."""
    control.setProperty(CAPABILITY_PROPERTY, capability.value)


def apply(role: Role, target: QWidget) -> None:
    """Hide or disable in ``target`` and its children what ``role`` may not use."""
    objects: list[QObject] = [target, *target.findChildren(QObject)]
    for obj in objects:
        _apply_names(role, obj)
        marked = obj.property(CAPABILITY_PROPERTY)
        if isinstance(marked, str) and marked in {c.value for c in Capability}:
            _hide(obj, allows(role, Capability(marked)))
        if not allows(role, Capability.EDIT_DATA):
            _read_only(obj)
    if isinstance(target, QMainWindow):
        _show_role(role, target)


def _apply_names(role: Role, obj: QObject) -> None:
    for name, capability in HIDDEN_BY_NAME.items():
        control = getattr(obj, name, None)
        if isinstance(control, QAction | QWidget):
            _hide(control, allows(role, capability))
    for name, capability in DISABLED_BY_NAME.items():
        control = getattr(obj, name, None)
        if isinstance(control, QWidget) and not allows(role, capability):
            control.setEnabled(False)
            control.setToolTip(_("Your role on this server does not allow changing this."))


def _hide(control: QObject, allowed: bool) -> None:
    if allowed:
        return
    if isinstance(control, QAction):
        control.setVisible(False)
        control.setEnabled(False)
    elif isinstance(control, QWidget):
        control.hide()
        control.setEnabled(False)


def _read_only(obj: QObject) -> None:
    """Record pages: a double click does not open the editor; file panels: no adding or
    removing, also not by dropping files."""
    if obj.property(_APPLIED_PROPERTY):
        return
    table = getattr(obj, "table", None)
    if hasattr(obj, "edit_record") and hasattr(obj, "editor") and table is not None:
        obj.setProperty(_APPLIED_PROPERTY, True)
        with warnings.catch_warnings():  # nothing connected is no error here
            warnings.simplefilter("ignore", RuntimeWarning)
            with contextlib.suppress(RuntimeError, TypeError):
                table.doubleClicked.disconnect()
    if hasattr(obj, "add_file") and isinstance(obj, QWidget):
        obj.setProperty(_APPLIED_PROPERTY, True)
        obj.setAcceptDrops(False)
        for name in ("add_button", "remove_button"):
            control = getattr(obj, name, None)
            if isinstance(control, QAbstractButton):
                _hide(control, False)


def role_text(role: Role) -> str:
    if role is Role.VIEWER:
        return _("Role: {role} (read only)").format(role=role.label())
    return _("Role: {role}").format(role=role.label())


def _show_role(role: Role, window: QMainWindow) -> None:
    """Say in the status bar what the user may do; an administrator needs no reminder."""
    label = window.statusBar().findChild(QLabel, ROLE_LABEL_NAME)
    if role is Role.ADMIN:
        if label is not None:
            label.hide()
        return
    if label is None:
        label = QLabel()
        label.setObjectName(ROLE_LABEL_NAME)
        window.statusBar().addPermanentWidget(label)
    label.setText(role_text(role))
    label.setToolTip(
        _("What you may do here is decided by the database server; ask its administrator.")
    )
    label.show()


def may(role: Role, capability: Capability) -> bool:
    """For callers deciding whether to offer something at all (the first-start dialog …)."""
    return allows(role, capability)


__all__ = [
    "CAPABILITY_PROPERTY",
    "Capability",
    "Role",
    "apply",
    "may",
    "require",
    "role_of",
    "role_text",
]
