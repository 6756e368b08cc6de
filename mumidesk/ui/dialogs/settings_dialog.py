"""Settings: where the database is (a file here or a PostgreSQL server), who is working, the
default region and municipality, when deadlines are shown and when they are urgent, and the
language. Saved to mumidesk.settings.Settings; the caller asks ``changed_database()`` and
``changed_language()`` to know whether the window must be reopened."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mumidesk.db.engine import current_user
from mumidesk.domain.errors import FieldProblem, ValidationError
from mumidesk.i18n import SUPPORTED, _, current_language, ngettext
from mumidesk.services.backups import MAX_KEEP_DAILY, MAX_KEEP_WEEKLY, MIN_KEEP_DAILY
from mumidesk.services.connection_check import (
    FILE_FIELD,
    URL_FIELD,
    ConnectionReport,
    check_connection,
    file_url,
    server_url,
)
from mumidesk.services.registry import Services
from mumidesk.settings import Settings, backup_dir_for, default_database_path, to_url
from mumidesk.ui.widgets.field_errors import FieldErrors

# Chooses a database file: (parent, current path) -> the chosen path, "" when cancelled.
ChooseFile = Callable[[QWidget, str], str]
CheckConnection = Callable[[str], ConnectionReport]
# Chooses the backup folder: (parent, current folder) -> the chosen folder, "" when cancelled.
ChooseFolder = Callable[[QWidget, str], str]
BACKUP_DIR_FIELD = "backup_dir"

MAX_REMINDER_DAYS = 365
MAX_URGENT_DAYS = 90
# Each language is named in itself, so someone who cannot read the current one finds theirs.
LANGUAGE_NAMES = {"ru": "Русский", "en": "English"}
OK_COLOUR = "#1b7f3b"


def choose_database_file(parent: QWidget, current: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Database file"),
        current,
        _("mumidesk database (*.db *.sqlite);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,  # choosing an existing file opens it
    )
    return path


def choose_backup_folder(parent: QWidget, current: str) -> str:
    return QFileDialog.getExistingDirectory(parent, _("Folder for backups"), current)


class SettingsDialog(QDialog):
    def __init__(
        self,
        services: Services | None = None,
        parent: Any = None,
        *,
        settings: Settings | None = None,
        choose_file: ChooseFile = choose_database_file,
        check: CheckConnection = check_connection,
        choose_folder: ChooseFolder = choose_backup_folder,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.setModal(True)
        self._services = services
        self._choose_file = choose_file
        self._check = check
        self._choose_folder = choose_folder
        self.original = settings if settings is not None else Settings.load()
        self.saved: Settings | None = None
        self.errors = FieldErrors()

        layout = QVBoxLayout(self)
        layout.addWidget(self._database_group())
        layout.addWidget(self._work_group())
        layout.addWidget(self._deadline_group())
        layout.addWidget(self._backup_group())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load(self.original)
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    # --- building ----------------------------------------------------------------------------
    def _database_group(self) -> QGroupBox:
        box = QGroupBox(_("Database"))
        self.file_choice = QRadioButton(_("A file on this computer"))
        self.server_choice = QRadioButton(_("A department server (PostgreSQL)"))
        self.location_choice = QButtonGroup(self)
        self.location_choice.addButton(self.file_choice)
        self.location_choice.addButton(self.server_choice)

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(str(default_database_path()))
        self.browse_button = QPushButton(_("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        path_row = QWidget()
        row = QHBoxLayout(path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.errors.wrap(FILE_FIELD, self.path_edit), 1)
        row.addWidget(self.browse_button, 0, Qt.AlignmentFlag.AlignTop)

        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("postgresql+psycopg://user:password@server/mumidesk")

        self.test_button = QPushButton(_("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        form = QVBoxLayout(box)
        form.addWidget(self.file_choice)
        form.addWidget(path_row)
        form.addWidget(self.server_choice)
        form.addWidget(self.errors.wrap(URL_FIELD, self.url_edit))
        form.addLayout(test_row)
        hint = QLabel(_("A changed database is opened when you save; the window is reopened."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6874;")
        form.addWidget(hint)

        self.file_choice.toggled.connect(self._location_kind_changed)
        self.path_edit.textEdited.connect(lambda _t: self._edited(FILE_FIELD))
        self.url_edit.textEdited.connect(lambda _t: self._edited(URL_FIELD))
        return box

    def _work_group(self) -> QGroupBox:
        box = QGroupBox(_("Work"))
        form = QFormLayout(box)
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(current_user())
        self.user_edit.setToolTip(_("Written on every change you make; empty: your login name."))
        form.addRow(_("Your name:"), self.errors.wrap("user_name", self.user_edit))

        self.region_box = QComboBox()
        self.municipality_box = QComboBox()
        self.region_box.currentIndexChanged.connect(self._fill_municipalities)
        form.addRow(_("Default region:"), self.errors.wrap("region_id", self.region_box))
        form.addRow(
            _("Default municipality:"), self.errors.wrap("municipality_id", self.municipality_box)
        )

        self.language_box = QComboBox()
        for code in SUPPORTED:
            self.language_box.addItem(LANGUAGE_NAMES.get(code, code), code)
        form.addRow(_("Language:"), self.errors.wrap("language", self.language_box))
        return box

    def _deadline_group(self) -> QGroupBox:
        box = QGroupBox(_("Deadlines"))
        form = QFormLayout(box)
        self.reminder_spin = QSpinBox()
        self.reminder_spin.setRange(1, MAX_REMINDER_DAYS)
        self.urgent_spin = QSpinBox()
        self.urgent_spin.setRange(0, MAX_URGENT_DAYS)
        for spin in (self.reminder_spin, self.urgent_spin):
            spin.valueChanged.connect(self._update_day_suffixes)
        self.urgent_spin.valueChanged.connect(lambda _v: self._edited("urgent_days"))
        self.reminder_spin.valueChanged.connect(lambda _v: self._edited("urgent_days"))
        form.addRow(
            _("Show deadlines due within:"), self.errors.wrap("reminder_days", self.reminder_spin)
        )
        form.addRow(_("Mark as urgent within:"), self.errors.wrap("urgent_days", self.urgent_spin))
        return box

    def _backup_group(self) -> QGroupBox:
        box = QGroupBox(_("Backups"))
        form = QFormLayout(box)
        self.backup_dir_edit = QLineEdit()
        self.backup_dir_edit.setToolTip(
            _('A network folder is a good choice; empty: a "backups" folder beside the database.')
        )
        self.backup_browse_button = QPushButton(_("Browse…"))
        self.backup_browse_button.clicked.connect(self.browse_backup_folder)
        folder_row = QWidget()
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.errors.wrap(BACKUP_DIR_FIELD, self.backup_dir_edit), 1)
        row.addWidget(self.backup_browse_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(_("Folder:"), folder_row)

        self.auto_backup_check = QCheckBox(_("Back up automatically on start and daily"))
        form.addRow(self.auto_backup_check)
        self.keep_daily_spin = QSpinBox()
        self.keep_daily_spin.setRange(MIN_KEEP_DAILY, MAX_KEEP_DAILY)
        self.keep_weekly_spin = QSpinBox()
        self.keep_weekly_spin.setRange(0, MAX_KEEP_WEEKLY)
        form.addRow(_("Daily backups kept:"), self.errors.wrap("keep_daily", self.keep_daily_spin))
        form.addRow(
            _("Weekly backups kept:"), self.errors.wrap("keep_weekly", self.keep_weekly_spin)
        )
        self.auto_backup_check.toggled.connect(self._auto_backup_toggled)
        self.backup_dir_edit.textEdited.connect(lambda _t: self._edited(BACKUP_DIR_FIELD))
        self.path_edit.textChanged.connect(self._update_backup_placeholder)
        self.file_choice.toggled.connect(self._update_backup_placeholder)
        return box

    # --- loading -----------------------------------------------------------------------------
    def _load(self, settings: Settings) -> None:
        url = settings.database_url
        is_file = not url or url.startswith("sqlite:") or "://" not in url
        (self.file_choice if is_file else self.server_choice).setChecked(True)
        if is_file:
            path = _path_of(url) if url else default_database_path()
            self.path_edit.setText(str(path))
        else:
            self.url_edit.setText(url)
        self._location_kind_changed()

        self.user_edit.setText(settings.user_name)
        self._fill_regions(settings.region_id)
        self._select(self.municipality_box, settings.municipality_id)
        language = settings.language if settings.language in SUPPORTED else current_language()
        self._select(self.language_box, language)
        self.reminder_spin.setValue(min(max(settings.reminder_days, 1), MAX_REMINDER_DAYS))
        self.urgent_spin.setValue(min(max(settings.urgent_days, 0), MAX_URGENT_DAYS))
        self._update_day_suffixes()
        self.backup_dir_edit.setText(settings.backup_dir)
        self.keep_daily_spin.setValue(min(max(settings.keep_daily, MIN_KEEP_DAILY), MAX_KEEP_DAILY))
        self.keep_weekly_spin.setValue(min(max(settings.keep_weekly, 0), MAX_KEEP_WEEKLY))
        self.auto_backup_check.setChecked(settings.auto_backup)
        self._auto_backup_toggled(settings.auto_backup)
        self._update_backup_placeholder()

    def _fill_regions(self, chosen: str) -> None:
        self.region_box.blockSignals(True)
        self.region_box.clear()
        self.region_box.addItem(_("— none —"), "")
        for region in self._services.regions.all() if self._services else []:
            name = _localised(region.name_ru, region.name_en)
            self.region_box.addItem(name, str(region.id))
        self.region_box.blockSignals(False)
        self._select(self.region_box, chosen)
        self._fill_municipalities()

    def _fill_municipalities(self, *_args: Any) -> None:
        """The municipalities of the chosen region (all of them when none is chosen)."""
        keep = self.municipality_box.currentData()
        region = self.region_box.currentData() or ""
        self.municipality_box.clear()
        self.municipality_box.addItem(_("— none —"), "")
        for municipality in self._services.municipalities.all() if self._services else []:
            if region and str(municipality.region_id) != region:
                continue
            name = _localised(municipality.name_ru, municipality.name_en)
            self.municipality_box.addItem(name, str(municipality.id))
        self._select(self.municipality_box, keep or "")

    @staticmethod
    def _select(box: QComboBox, data: str) -> None:
        index = box.findData(data)
        box.setCurrentIndex(max(index, 0))

    # --- reactions ---------------------------------------------------------------------------
    def _location_kind_changed(self, *_args: Any) -> None:
        is_file = self.file_choice.isChecked()
        self.path_edit.setEnabled(is_file)
        self.browse_button.setEnabled(is_file)
        self.url_edit.setEnabled(not is_file)
        self.errors.clear_field(FILE_FIELD)
        self.errors.clear_field(URL_FIELD)
        self.test_result.clear()

    def _edited(self, field: str) -> None:
        if self.errors.has_error(field):
            self.errors.clear_field(field)
        if field in (FILE_FIELD, URL_FIELD):
            self.test_result.clear()

    def _update_day_suffixes(self, *_args: Any) -> None:
        for spin in (self.reminder_spin, self.urgent_spin):
            suffix = ngettext(" day", " days", spin.value())
            spin.setSuffix(suffix)

    def _auto_backup_toggled(self, on: bool) -> None:
        self.keep_daily_spin.setEnabled(on)
        self.keep_weekly_spin.setEnabled(on)

    def _update_backup_placeholder(self, *_args: Any) -> None:
        """The default folder for the database the fields name."""
        text = self.path_edit.text().strip()
        database = Path(text).expanduser() if self.file_choice.isChecked() and text else None
        self.backup_dir_edit.setPlaceholderText(str(backup_dir_for(database)))

    def browse_backup_folder(self) -> None:
        current = self.backup_dir_edit.text().strip() or self.backup_dir_edit.placeholderText()
        chosen = self._choose_folder(self, current)
        if chosen:
            self.backup_dir_edit.setText(str(Path(chosen)))
            self._edited(BACKUP_DIR_FIELD)

    def browse(self) -> None:
        current = self.path_edit.text().strip() or str(default_database_path())
        chosen = self._choose_file(self, current)
        if chosen:
            self.path_edit.setText(str(Path(chosen)))
            self._edited(FILE_FIELD)

    def test_connection(self) -> ConnectionReport | None:
        """Open the database the fields name and show what was found next to the button."""
        try:
            url = self._database_url()
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self._check(url)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if report.ok:
            self.errors.clear_field(report.field)
            self.test_result.setStyleSheet(f"color: {OK_COLOUR};")
            self.test_result.setText(report.message)
        else:
            self.test_result.clear()
            self.errors.mark(report.field, report.message)
        return report

    # --- saving ------------------------------------------------------------------------------
    def _database_url(self) -> str:
        if self.file_choice.isChecked():
            return file_url(self.path_edit.text())
        return server_url(self.url_edit.text())

    def values(self) -> Settings:
        """The settings the fields hold; ValidationError names every field in error."""
        problems: list[FieldProblem] = []
        url = ""
        try:
            url = self._database_url()
        except ValidationError as exc:
            problems += exc.problems
        # The platform default stays implicit, so it follows the user's data folder.
        if not self.original.database_url and url == to_url(str(default_database_path())):
            url = ""
        reminder, urgent = self.reminder_spin.value(), self.urgent_spin.value()
        if urgent > reminder:
            problems.append(
                FieldProblem(
                    "urgent_days",
                    _("must not be longer than the reminder lead time ({n})").format(n=reminder),
                )
            )
        backup_dir = self.backup_dir_edit.text().strip()
        if backup_dir and Path(backup_dir).expanduser().is_file():
            problems.append(FieldProblem(BACKUP_DIR_FIELD, _("is a file, not a folder")))
        if problems:
            raise ValidationError(problems)
        # Fields this dialog does not show (added by other parts) keep their saved values.
        return replace(
            self.original,
            database_url=url,
            language=str(self.language_box.currentData()),
            region_id=str(self.region_box.currentData() or ""),
            municipality_id=str(self.municipality_box.currentData() or ""),
            user_name=self.user_edit.text().strip(),
            reminder_days=reminder,
            urgent_days=urgent,
            backup_dir=backup_dir,
            keep_daily=self.keep_daily_spin.value(),
            keep_weekly=self.keep_weekly_spin.value(),
            auto_backup=self.auto_backup_check.isChecked(),
        )

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        self.errors.show(problems)
        self.errors.focus_first()

    def accept(self) -> None:
        try:
            settings = self.values()
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        settings.save()
        self.saved = settings
        super().accept()

    def changed_database(self) -> bool:
        """The saved settings name another database than before."""
        if self.saved is None:
            return False
        return _effective_url(self.saved.database_url) != _effective_url(self.original.database_url)

    def changed_language(self) -> bool:
        if self.saved is None:
            return False
        before = self.original.language or current_language()
        return self.saved.language != before


def _path_of(url: str) -> Path:
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///") :])
    return Path(url)


def _effective_url(url: str) -> str:
    return to_url(url or str(default_database_path()))


def _localised(name_ru: str, name_en: str) -> str:
    if current_language() != "ru" and name_en:
        return name_en
    return name_ru or name_en
