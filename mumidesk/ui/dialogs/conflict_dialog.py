"""Someone else saved the record while it was open here: both versions side by side, field by
field, the differences highlighted, and the choice what to do. Never a silent overwrite: "Keep
mine" is a deliberate one, on top of the other person's version."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from babel.dates import LOCALTZ, format_datetime
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mumidesk.i18n import _, current_locale

DIFFERENT_BACKGROUND = QColor("#fff1c2")


class ConflictChoice(enum.Enum):
    KEEP_MINE = "keep_mine"  # save what I typed on top of their version
    TAKE_THEIRS = "take_theirs"  # show their version in the editor; mine is dropped
    BACK = "back"  # nothing saved, nothing changed: back to the editor


@dataclass(frozen=True)
class FieldVersions:
    """One field as stored now (theirs) and as typed here (mine), as the editor shows them."""

    field: str
    label: str
    theirs: str
    mine: str

    @property
    def differs(self) -> bool:
        return self.theirs != self.mine


@dataclass(frozen=True)
class Conflict:
    """What the dialog shows: who saved which version when, and every field in both versions."""

    record: str  # the record's name as the editor shows it
    changed_by: str
    changed_at: dt.datetime | None
    their_version: int
    my_version: int
    fields: list[FieldVersions] = field(default_factory=list)

    @property
    def differences(self) -> list[FieldVersions]:
        return [f for f in self.fields if f.differs]


Resolve = Callable[[QWidget, Conflict], ConflictChoice]


def when_text(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:  # stored in UTC without a zone (SQLite)
        moment = moment.replace(tzinfo=dt.UTC)
    return format_datetime(moment, "medium", tzinfo=LOCALTZ, locale=current_locale())


class ConflictDialog(QDialog):
    """``choice`` is what the user chose (Go back to editing when the dialog was closed)."""

    def __init__(self, conflict: Conflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.choice = ConflictChoice.BACK
        self.setWindowTitle(_("Changed by someone else"))
        self.resize(820, 520)

        who = conflict.changed_by or _("another user")
        intro = QLabel(
            _(
                "While you were editing “{record}”, {user} saved it ({when}, version {version}). "
                "Your changes are not saved yet. Compare the two versions and choose."
            ).format(
                record=conflict.record,
                user=who,
                when=when_text(conflict.changed_at),
                version=conflict.their_version,
            )
        )
        intro.setWordWrap(True)
        count = len(conflict.differences)
        self.summary = QLabel(
            _("Fields that differ: {count} (highlighted).").format(count=count)
            if count
            else _("The fields you see are the same in both versions.")
        )
        self.only_differences = QCheckBox(_("Show only the fields that differ"))
        self.only_differences.setChecked(count > 0)
        self.only_differences.toggled.connect(self._filter_rows)

        self.table = QTableWidget(len(conflict.fields), 3)
        self.table.setHorizontalHeaderLabels(
            [
                _("Field"),
                _("Theirs (saved by {user})").format(user=who),
                _("Mine (typed here)"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        bold = QFont(self.font())
        bold.setBold(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Wide enough for every label, hidden rows' too (shown when the filter is switched off).
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(f.label) for f in conflict.fields), default=60)
        self.table.setColumnWidth(0, min(widest + 16, 240))
        top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        for row, versions in enumerate(conflict.fields):
            cells = (versions.label, versions.theirs, versions.mine)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(top)
                if versions.differs:
                    item.setBackground(QBrush(DIFFERENT_BACKGROUND))
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

        self.keep_mine_button = QPushButton(_("Keep mine"))
        self.keep_mine_button.setToolTip(
            _("Save what you typed over their version (their changes in these fields are lost)")
        )
        self.take_theirs_button = QPushButton(_("Take theirs"))
        self.take_theirs_button.setToolTip(
            _("Show their version in the editor; what you typed is dropped")
        )
        self.back_button = QPushButton(_("Go back to editing"))
        self.back_button.setToolTip(_("Nothing is saved; your input stays in the editor"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.keep_mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_theirs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_mine_button.clicked.connect(lambda: self._choose(ConflictChoice.KEEP_MINE))
        self.take_theirs_button.clicked.connect(lambda: self._choose(ConflictChoice.TAKE_THEIRS))
        self.back_button.clicked.connect(lambda: self._choose(ConflictChoice.BACK))
        self.back_button.setDefault(True)  # Enter must not overwrite anything

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_differences)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._filter_rows(self.only_differences.isChecked())

    def highlighted_rows(self) -> list[int]:
        return [row for row, f in enumerate(self.conflict.fields) if f.differs]

    def _filter_rows(self, only_differences: bool) -> None:
        for row, versions in enumerate(self.conflict.fields):
            self.table.setRowHidden(row, only_differences and not versions.differs)

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        if choice is ConflictChoice.BACK:
            self.reject()
        else:
            self.accept()


def ask_conflict(parent: QWidget, conflict: Conflict) -> ConflictChoice:
    """Show the dialog (modal) and return the choice."""
    dialog = ConflictDialog(conflict, parent)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice
