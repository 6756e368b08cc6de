"""The shared behaviour of every editor dialog.

A subclass lays out its inputs (registering each under the domain's field code with
``self.errors.wrap``), and implements ``load``, ``values``, ``build_item`` and ``store``. This base
keeps the promise of every editor: a failed save marks the fields in error and keeps everything
typed; Escape, Cancel or the close button with unsaved changes asks first; Ctrl+S saves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.errors import ConcurrentEditError, DomainError, ValidationError
from mumidesk.i18n import _
from mumidesk.ui.widgets.field_errors import FieldErrors

AskDiscard = Callable[[QWidget], bool]
Inform = Callable[[QWidget, str], None]


def ask_discard(parent: QWidget) -> bool:
    """Ask whether unsaved changes may be thrown away."""
    answer = QMessageBox.question(
        parent,
        _("Unsaved changes"),
        _("There are unsaved changes. Close without saving?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def inform(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, _("Not saved"), message)


class RecordEditor(QDialog):
    """``record`` None creates a new one. ``saved`` carries the stored record.

    Subclasses call ``super().__init__`` first, add their widgets to ``self.body`` (a layout),
    then call ``self.finish_setup(record)`` once every input exists.
    """

    saved = Signal(object)

    def __init__(
        self,
        record: Any | None = None,
        parent: Any = None,
        *,
        ask_discard: AskDiscard = ask_discard,
        inform: Inform = inform,
    ) -> None:
        super().__init__(parent)
        self.record = record
        self.ask_discard = ask_discard
        self.inform = inform
        self.result_record: Any | None = None
        self.errors = FieldErrors()

        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        save_action = QAction(self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.triggered.connect(self.save)
        self.addAction(save_action)

        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)
        layout.addWidget(self.buttons)
        self._pristine: Any = None

    def finish_setup(self, record: Any | None) -> None:
        """Fill the inputs from ``record`` (or the defaults) and remember them as unchanged."""
        self.load(record)
        self._pristine = self.values()

    # --- what subclasses provide -------------------------------------------------------------
    def load(self, record: Any | None) -> None:
        raise NotImplementedError

    def values(self) -> Any:
        """What is typed now, comparable (the unsaved-changes check compares these)."""
        raise NotImplementedError

    def build_item(self) -> Any:
        """The record as typed; raise ValidationError naming each field that cannot be read."""
        raise NotImplementedError

    def store(self, item: Any) -> Any:
        """Write ``item`` through the service and return what was stored."""
        raise NotImplementedError

    # --- shared behaviour --------------------------------------------------------------------
    def field_widget(self, name: str) -> QWidget:
        """The input registered for a domain field."""
        return self.errors.widget(name)

    def is_dirty(self) -> bool:
        return bool(self.values() != self._pristine)

    def save(self) -> bool:
        """Store the record; on failure mark the fields, keep the text and stay open."""
        self.errors.clear()
        self.general_error.hide()
        try:
            item = self.build_item()
            stored = self.store(item)
        except ValidationError as exc:
            left = self.errors.show(exc.problems)
            if left:
                self.show_general("\n".join(str(p) for p in left))
            else:
                self.errors.focus_first()
            return False
        except ConcurrentEditError as exc:
            self.show_general(str(exc))
            self.inform(self, str(exc))
            return False
        except DomainError as exc:  # a refused reference, a lifecycle rule …
            self.show_general(str(exc))
            return False
        self.result_record = stored
        self.record = stored
        self._pristine = self.values()
        self.saved.emit(stored)
        self.accept()
        return True

    def show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    def reject(self) -> None:
        # Escape, Cancel and the window's close button all come here.
        if self.is_dirty() and not self.ask_discard(self):
            return
        super().reject()
