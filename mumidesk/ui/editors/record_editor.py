"""The shared behaviour of every editor dialog.

A subclass lays out its inputs (registering each under the domain's field code with
``self.errors.wrap``), and implements ``load``, ``values``, ``build_item`` and ``store``. This base
keeps the promise of every editor: a failed save marks the fields in error and keeps everything
typed; Escape, Cancel or the close button with unsaved changes asks first; Ctrl+S saves.

Nothing typed is lost either way: the input is autosaved to a recovery file while it differs from
the record (``mumidesk.ui.autosave``), and a save that meets someone else's newer version shows
both versions side by side (``ConflictDialog``) instead of failing or overwriting silently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

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
from mumidesk.ui.autosave import Autosaver
from mumidesk.ui.dialogs.conflict_dialog import (
    Conflict,
    ConflictChoice,
    FieldVersions,
    Resolve,
    ask_conflict,
)
from mumidesk.ui.typed_input import apply_fields, capture_fields, field_label, field_texts
from mumidesk.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from mumidesk.ui.autosave import Recovery

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


#: The record kind (the search index's code) of each editor: it names the recovery file. An
#: editor may say it itself with ``KIND``.
EDITOR_KINDS = {
    "PartnerEditor": "partner",
    "AgreementEditor": "agreement",
    "DelegationEditor": "delegation",
    "EventEditor": "event",
    "ExchangeEditor": "exchange",
    "OrganisationEditor": "organisation",
    "PersonEditor": "person",
    "MunicipalityEditor": "municipality",
    "RegionEditor": "region",
}
#: The Services attribute holding each kind's service.
SERVICE_OF_KIND = {
    "partner": "partners",
    "agreement": "agreements",
    "delegation": "delegations",
    "event": "events",
    "exchange": "exchanges",
    "organisation": "organisations",
    "person": "people",
    "municipality": "municipalities",
    "region": "regions",
}


class RecordEditor(QDialog):
    """``record`` None creates a new one. ``saved`` carries the stored record.

    Subclasses call ``super().__init__`` first, add their widgets to ``self.body`` (a layout),
    then call ``self.finish_setup(record)`` once every input exists.
    """

    saved = Signal(object)

    #: the kind of record edited ("partner" …); empty: looked up in EDITOR_KINDS
    KIND: ClassVar[str] = ""

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
        #: shows the conflict dialog and returns the choice (tests put their own answer here)
        self.resolve_conflict: Resolve = ask_conflict
        self.autosave: Autosaver | None = None

    def finish_setup(self, record: Any | None) -> None:
        """Fill the inputs from ``record`` (or the defaults) and remember them as unchanged."""
        self.load(record)
        self._pristine = self.values()
        self.autosave = Autosaver(self)

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
            return self._conflict(exc)
        except DomainError as exc:  # a refused reference, a lifecycle rule, a busy database …
            self.show_general(str(exc))
            return False
        self.result_record = stored
        self.record = stored
        self._pristine = self.values()
        if self.autosave is not None:
            self.autosave.stop()
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
        if self.autosave is not None:  # thrown away on purpose: nothing to offer back
            self.autosave.stop()
        super().reject()

    # --- typed input: autosave and recovery ---------------------------------------------------
    def record_kind(self) -> str:
        if self.KIND:
            return self.KIND
        for cls in type(self).__mro__:
            if cls.__name__ in EDITOR_KINDS:
                return EDITOR_KINDS[cls.__name__]
        return ""

    def typed_input(self) -> dict[str, Any]:
        """Everything typed, by field, as JSON-able data (the recovery file holds it)."""
        return capture_fields(self.errors)

    def restore_values(self, fields: dict[str, Any]) -> list[str]:
        """Put typed input back (from ``typed_input()`` of an editor of the same kind); the
        editor counts as changed. Returns the fields this editor no longer has."""
        return apply_fields(self.errors, fields)

    def restore_recovery(self, recovery: Recovery) -> None:
        """Continue an editing session that ended without saving: its input and its file. Typed
        on an older version of the record, a save meets the conflict view, not a silent win."""
        version = recovery.version
        record = self.record
        if version and record is not None and getattr(record, "version", version) != version:
            self.record = dataclasses.replace(record, version=version)
        self.restore_values(recovery.fields)
        if self.autosave is not None:
            self.autosave.adopt(recovery.path)
            self.autosave.write_now()

    def typed_name(self) -> str:
        """The record's name as typed: the first one-line text of the form."""
        texts = field_texts(self.errors)
        return next((t for t in texts.values() if t and "\n" not in t), "")[:120]

    def recovery_title(self) -> str:
        """How the recovery question names the record: the editor's title and the name."""
        name = self.typed_name()
        title = self.windowTitle()
        return _("{title}: {name}").format(title=title, name=name) if name else title

    # --- someone else saved first -------------------------------------------------------------
    def record_service(self) -> Any:
        """The service storing this editor's records (a conflict reads the stored version)."""
        services = getattr(self, "_services", None)
        name = SERVICE_OF_KIND.get(self.record_kind(), "")
        if services is not None and hasattr(services, name):
            return getattr(services, name)
        return getattr(self, "_service", None)

    def stored_record(self) -> Any:
        service = self.record_service()
        if service is None or self.record is None:
            raise DomainError(_("the stored version of this record cannot be read"))
        return service.get(self.record.id)

    def describe_conflict(self, theirs: Any) -> Conflict:
        """Both versions field by field, as this editor shows them: their record is loaded into
        the inputs for a moment and what was typed is put back at once."""
        mine = self.typed_input()
        mine_texts = field_texts(self.errors)
        pristine = self._pristine
        if self.autosave is not None:
            self.autosave.paused = True
        try:
            self.load(theirs)
            their_texts = field_texts(self.errors)
            self.restore_values(mine)
        finally:
            self._pristine = pristine
            if self.autosave is not None:
                self.autosave.paused = False
        fields = [
            FieldVersions(field, field_label(self.errors, field), their_texts[field], text)
            for field, text in mine_texts.items()
        ]
        record = self.record
        return Conflict(
            record=self.typed_name() or self.windowTitle(),
            changed_by=str(getattr(theirs, "updated_by", "") or ""),
            changed_at=getattr(theirs, "updated_at", None),
            their_version=int(getattr(theirs, "version", 0) or 0),
            my_version=int(getattr(record, "version", 0) or 0),
            fields=fields,
        )

    def _conflict(self, error: ConcurrentEditError) -> bool:
        """The first save won; ask what to do with this one. Keep mine: a deliberate overwrite
        on top of their version. Take theirs: reload. Back: nothing saved, nothing lost."""
        try:
            theirs = self.stored_record()
        except DomainError:  # deleted meanwhile, or unreadable: say so, keep the input
            self.show_general(str(error))
            self.inform(self, str(error))
            return False
        choice = self.resolve_conflict(self, self.describe_conflict(theirs))
        if choice is ConflictChoice.KEEP_MINE:
            self.record = theirs  # their version number: the update goes through on top of it
            return self.save()
        if choice is ConflictChoice.TAKE_THEIRS:
            self.record = theirs
            self.load(theirs)
            self._pristine = self.values()
            self.errors.clear()
            if self.autosave is not None:
                self.autosave.remove_file()
            self.show_general(_("Their version is shown now; your changes were not saved."))
            return False
        self.show_general(
            _(
                "Not saved: someone else saved this record meanwhile. Save again to compare the "
                "two versions."
            )
        )
        return False
