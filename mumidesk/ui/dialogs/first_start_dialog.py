"""The first start: an empty database offers the demo data, an import from a file, or an empty
start. Loading runs in a worker thread behind a progress dialog, so the window keeps painting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.errors import DomainError, ValidationError
from mumidesk.i18n import _, ngettext
from mumidesk.services.demo import DemoSummary, load_demo
from mumidesk.services.import_export import (
    BUNDLE,
    SPECS,
    TRANSFER_KINDS,
    ImportExportService,
    ImportReport,
)
from mumidesk.services.registry import Services
from mumidesk.ui.background import run_with_progress

ChooseFile = Callable[[QWidget], str]  # "" when cancelled
AskKind = Callable[[QWidget, list[tuple[str, str]]], str]  # (code, label) choices; "" cancelled
Inform = Callable[[QWidget, str, str], None]  # parent, title, text
MAX_PROBLEMS_SHOWN = 12


def needs_first_start(services: Services) -> bool:
    """An empty database: no own municipality and no partner yet."""
    return (
        services.municipalities.list(limit=1).total == 0
        and services.partners.list(limit=1).total == 0
    )


def choose_import_file(parent: QWidget) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import from file"),
        "",
        _("mumidesk export (*.json *.csv);;JSON (*.json);;CSV (*.csv);;All files (*)"),
    )
    return path


def ask_csv_kind(parent: QWidget, choices: list[tuple[str, str]]) -> str:
    labels = [label for _code, label in choices]
    label, ok = QInputDialog.getItem(
        parent, _("Import from file"), _("What does the CSV file hold?"), labels, 0, False
    )
    if not ok:
        return ""
    return next((code for code, text in choices if text == label), "")


def inform(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


class FirstStartDialog(QDialog):
    """Accepted after the demo data or an import was loaded, or "Start empty" was chosen;
    ``choice`` says which ("demo", "import", "empty")."""

    def __init__(
        self,
        services: Services,
        parent: Any = None,
        *,
        choose_file: ChooseFile = choose_import_file,
        ask_kind: AskKind = ask_csv_kind,
        inform: Inform = inform,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._choose_file = choose_file
        self._ask_kind = ask_kind
        self._inform = inform
        self.choice = ""
        self.demo_summary: DemoSummary | None = None
        self.import_report: ImportReport | None = None
        self.setWindowTitle(_("Welcome to mumidesk"))

        intro = QLabel(
            _(
                "The database is empty. Load the demo data to look around, import the records "
                "exported from another mumidesk, or start with an empty database."
            )
        )
        intro.setWordWrap(True)
        heading = QLabel(_("Welcome to mumidesk"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.demo_button = QCommandLinkButton(
            _("Load the demo data"),
            _(
                "Real ties of Volgograd, Kaluga, Rostov-on-Don and the Smolensk region: partners, "
                "agreements, a delegation, events and exchanges."
            ),
        )
        self.import_button = QCommandLinkButton(
            _("Import from file…"),
            _("A JSON export of another mumidesk, or a CSV file of one kind of records."),
        )
        self.empty_button = QCommandLinkButton(
            _("Start empty"), _("Enter everything yourself; the demo can be loaded later.")
        )
        self.demo_button.clicked.connect(self.load_demo)
        self.import_button.clicked.connect(self.import_file)
        self.empty_button.clicked.connect(self.start_empty)
        self.demo_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        for button in (self.demo_button, self.import_button, self.empty_button):
            layout.addWidget(button)
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    def load_demo(self) -> bool:
        try:
            summary = run_with_progress(
                self, _("Loading the demo data…"), lambda: load_demo(self._services)
            )
        except DomainError as exc:
            self._inform(self, _("The demo data could not be loaded"), str(exc))
            return False
        self.demo_summary = summary
        self.choice = "demo"
        self.accept()
        return True

    def import_file(self) -> bool:
        chosen = self._choose_file(self)
        if not chosen:
            return False
        path = Path(chosen)
        kind = BUNDLE
        if path.suffix.lower() == ".csv":
            kind = self._ask_kind(self, self._csv_kinds())
            if not kind:
                return False
        service = ImportExportService(self._services.db)
        try:
            report = run_with_progress(
                self,
                _("Importing {name}…").format(name=path.name),
                lambda: service.import_(kind, path),
            )
        except ValidationError as exc:
            self._inform(self, _("Nothing was imported"), _problems_text(exc))
            return False
        except DomainError as exc:
            self._inform(self, _("Nothing was imported"), str(exc))
            return False
        self.import_report = report
        self.choice = "import"
        self._inform(
            self,
            _("Import finished"),
            ngettext(
                "{n} record was imported.", "{n} records were imported.", report.total_created
            ).format(n=report.total_created),
        )
        self.accept()
        return True

    def _csv_kinds(self) -> list[tuple[str, str]]:
        choices = []
        for code in TRANSFER_KINDS:
            service = getattr(self._services, SPECS[code].service)
            choices.append((code, service.label()))
        return choices

    def start_empty(self) -> None:
        self.choice = "empty"
        self.accept()


def _problems_text(error: ValidationError) -> str:
    lines = []
    for problem in error.problems[:MAX_PROBLEMS_SHOWN]:
        if problem.row is not None:
            lines.append(
                _("row {row}, {field}: {message}").format(
                    row=problem.row, field=problem.field, message=problem.message
                )
            )
        else:
            lines.append(
                _("{field}: {message}").format(field=problem.field, message=problem.message)
            )
    more = len(error.problems) - MAX_PROBLEMS_SHOWN
    if more > 0:
        lines.append(
            ngettext("… and {n} more problem", "… and {n} more problems", more).format(n=more)
        )
    return "\n".join(lines)
