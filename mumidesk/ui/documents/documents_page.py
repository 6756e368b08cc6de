"""The Documents page: choose a document and its parameters on the left, generate it (on a worker
thread), look at its pages on the right, then print it or save it as PDF, XLSX or DOCX.

What is printed or saved is what the preview shows: the document is built once per Generate and
written again in another format from the same content.
"""

from __future__ import annotations

import io
import logging
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mumidesk.domain.errors import DomainError, ValidationError
from mumidesk.i18n import _, ngettext
from mumidesk.reports import catalog
from mumidesk.reports.catalog import BuiltDocument, DocumentRequest
from mumidesk.services.registry import Services
from mumidesk.ui.background import BackgroundWorker
from mumidesk.ui.documents.document_form import DocumentForm
from mumidesk.ui.documents.pdf_preview import PdfPreview
from mumidesk.ui.documents.printing import PrintDialog, ask_printer, print_pdf

log = logging.getLogger(__name__)

# Asks where to save: (parent, suggested file name, formats the document has) → path or None.
SaveDialog = Callable[[QWidget, str, Sequence[str]], Path | None]
Inform = Callable[[QWidget, str], None]

LEFT_WIDTH = 380  # pixels, the form's side at first
PROGRESS_DELAY_MS = 400  # a quick document shows no progress dialog at all
NAME_LIMIT = 150  # characters of a suggested file name
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def ask_save_path(parent: QWidget, suggested: str, formats: Sequence[str]) -> Path | None:
    """The system's save dialog with one filter per format; a name typed without an extension
    gets the chosen filter's."""
    filters = [catalog.format_label(fmt) for fmt in formats]
    name, chosen = QFileDialog.getSaveFileName(
        parent, _("Save the document"), suggested, ";;".join(filters)
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower().lstrip(".") not in formats:
        fmt = formats[filters.index(chosen)] if chosen in filters else formats[0]
        path = path.with_name(f"{path.name}.{fmt}")
    return path


def warn(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, _("Documents"), message)


@dataclass(frozen=True)
class Generated:
    """A generated document: its content (to write in other formats) and its PDF (shown)."""

    request: DocumentRequest
    built: BuiltDocument
    pdf: bytes
    name: str  # a file name without extension, suggested when saving


@dataclass(frozen=True)
class _Saved:
    path: Path


class DocumentsPage(QWidget):
    """``status_message`` goes to the main window's status bar; ``generated(Generated)`` and
    ``saved(Path)`` say that a document is shown or written; ``failed(str)`` carries the
    message shown when something went wrong."""

    status_message = Signal(str)
    generated = Signal(object)
    saved = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        services: Services,
        parent: Any = None,
        *,
        save_dialog: SaveDialog = ask_save_path,
        print_dialog: PrintDialog = ask_printer,
        inform: Inform = warn,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._save_dialog = save_dialog
        self._print_dialog = print_dialog
        self._inform = inform
        self._current: Generated | None = None
        self._progress: QProgressDialog | None = None

        self.worker = BackgroundWorker(self)
        self.worker.finished.connect(self._job_done)
        self.worker.failed.connect(self._job_failed)

        self.form = DocumentForm(services)
        self.form.document_changed.connect(lambda _d: self.form.errors.clear())
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As wide as the form needs (with room for the scroll bar), never cut at the right.
        bar = form_scroll.verticalScrollBar().sizeHint().width()
        form_width = self.form.minimumSizeHint().width() + bar + 2 * form_scroll.frameWidth()
        form_scroll.setMinimumWidth(form_width)
        form_scroll.setWidget(self.form)
        self.generate_button = QPushButton(_("Generate"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(_("Save as…"))
        self.save_button.clicked.connect(lambda: self.save_as())
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(form_scroll, 1)
        left_layout.addLayout(buttons)

        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-weight: bold;")
        self.title_label.setWordWrap(True)
        self.preview = PdfPreview()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title_label)
        right_layout.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([max(form_width, LEFT_WIDTH), 3 * LEFT_WIDTH])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._show_state()

    # --- the public API ---------------------------------------------------------------------

    def prepare(self, document_id: str, record_id: uuid.UUID | None = None) -> None:
        """Choose a document (and the partner, delegation or agreement it is about)."""
        self.form.set_document(document_id)
        if record_id is not None:
            self.form.set_record(record_id)
        self.form.errors.clear()

    def refresh(self) -> None:
        """Read the regions, municipalities and templates again."""
        self.form.reload()

    def current(self) -> Generated | None:
        """The document the preview shows, if any."""
        return self._current

    def is_busy(self) -> bool:
        return self.worker.is_busy()

    def generate(self) -> None:
        """Build the chosen document on a worker thread; the preview shows it when ready."""
        if self.worker.is_busy():
            return
        try:
            request = self.form.request()
        except ValidationError as exc:
            self._show_problems(exc)
            return
        self.form.errors.clear()
        services = self._services
        title = self.form.document().title()
        self._start(
            lambda: _generate(services, request),
            _("Generating: {document}…").format(document=title),
        )

    def print_document(self) -> None:
        """Ask for the printer (and pages), then print what the preview shows."""
        if self._current is None:
            self.status_message.emit(_("Generate the document first."))
            return
        printer = self._print_dialog(self, self.preview.page_count())
        if printer is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = print_pdf(self._current.pdf, printer)
        except DomainError as exc:
            self._report(str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.status_message.emit(
            _("Sent to the printer: {document} ({pages})").format(
                document=self._current.built.type.title(), pages=_pages(count)
            )
        )

    def save_as(self, path: Path | str | None = None) -> None:
        """Save what the preview shows; the extension chooses the format (asked when no path).
        PDF is written at once; XLSX and DOCX are written on the worker thread; ``saved``
        follows in both cases."""
        current = self._current
        if current is None:
            self.status_message.emit(_("Generate the document first."))
            return
        formats = current.built.type.formats
        if path is None:
            path = self._save_dialog(self, current.name, formats)
            if path is None:
                return
        path = Path(path)
        try:
            fmt = catalog.output_format(path, formats)
        except ValidationError as exc:
            self._report(_problem_text(exc))
            return
        if fmt == catalog.PDF:
            try:
                path.write_bytes(current.pdf)
            except OSError as exc:
                self._report(_file_error(path, exc))
                return
            self._saved(path)
            return
        built = current.built
        self._start(
            lambda: _write(built, fmt, path),
            _("Writing {file}…").format(file=path.name),
        )

    # --- the worker ------------------------------------------------------------------------

    def _start(self, work: Callable[[], object], label: str) -> None:
        self.worker.start(work)
        progress = QProgressDialog(label, _("Cancel"), 0, 0, self)
        progress.setWindowTitle(_("Documents"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self._cancel)
        progress.hide()
        self._progress = progress
        QTimer.singleShot(PROGRESS_DELAY_MS, self._show_progress)
        self.status_message.emit(label)
        self._show_state()

    def _show_progress(self) -> None:
        if self._progress is not None and self.worker.is_busy():
            self._progress.show()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self._cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def cancel(self) -> None:
        """Stop waiting for the running job; what it delivers later is dropped."""
        self._cancel()

    def _cancel(self) -> None:
        if not self.worker.is_busy():
            return
        self.worker.cancel()
        self._close_progress()
        self.status_message.emit(_("Cancelled."))
        self._show_state()

    def _job_done(self, result: object) -> None:
        self._close_progress()
        if isinstance(result, Generated):
            self._current = result
            self.preview.set_pdf(result.pdf)
            title = result.built.type.title()
            self.title_label.setText(result.built.title)
            self.status_message.emit(
                _("Ready: {document} ({pages})").format(
                    document=title, pages=_pages(self.preview.page_count())
                )
            )
            self._show_state()
            self.generated.emit(result)
        elif isinstance(result, _Saved):
            self._saved(result.path)

    def _job_failed(self, error: object) -> None:
        self._close_progress()
        if isinstance(error, ValidationError):
            self._show_problems(error)
        elif isinstance(error, DomainError):
            self._report(str(error))
        elif isinstance(error, OSError):
            self._report(_file_error(Path(error.filename or ""), error))
        else:
            log.error(
                "a document failed", exc_info=error if isinstance(error, BaseException) else None
            )
            self._report(
                _("The document could not be made because of an unexpected error: {reason}").format(
                    reason=_one_line(error)
                )
            )
        self._show_state()

    # --- messages and state -----------------------------------------------------------------

    def _show_problems(self, error: ValidationError) -> None:
        unplaced = self.form.show_problems(error.problems)
        if unplaced:
            self._report(_problem_text(ValidationError(unplaced)))
        else:
            message = _("Check the marked fields.")
            self.status_message.emit(message)
            self.failed.emit(message)

    def _report(self, message: str) -> None:
        self.status_message.emit(message)
        self.failed.emit(message)
        self._inform(self, message)

    def _saved(self, path: Path) -> None:
        self.status_message.emit(_("Saved: {path}").format(path=path))
        self._show_state()
        self.saved.emit(path)

    def _show_state(self) -> None:
        busy = self.worker.is_busy()
        has_document = self._current is not None
        self.generate_button.setEnabled(not busy)
        self.print_button.setEnabled(has_document and not busy)
        self.save_button.setEnabled(has_document and not busy)
        if has_document:
            assert self._current is not None
            formats = ", ".join(f.upper() for f in self._current.built.type.formats)
            self.save_button.setToolTip(_("Save as {formats}").format(formats=formats))


# --- the jobs (run on the worker thread) ----------------------------------------------------


def _generate(services: Services, request: DocumentRequest) -> Generated:
    built = catalog.build(services, request)
    buffer = io.BytesIO()
    built.write(buffer, catalog.PDF)
    return Generated(request, built, buffer.getvalue(), _file_name(built))


def _write(built: BuiltDocument, fmt: str, path: Path) -> _Saved:
    """Written whole into memory first: a failed writer leaves no half file behind."""
    buffer = io.BytesIO()
    built.write(buffer, fmt)
    path.write_bytes(buffer.getvalue())
    return _Saved(path)


def _file_name(built: BuiltDocument) -> str:
    """The document's own title ("Отчет о мероприятиях … во II квартале 2020 года") where it
    has one, as a file name."""
    name = _NOT_IN_FILE_NAMES.sub(" ", built.title)
    return " ".join(name.split())[:NAME_LIMIT].rstrip(" .")


# --- texts -----------------------------------------------------------------------------------


def _pages(count: int) -> str:
    return ngettext("{n} page", "{n} pages", count).format(n=count)


def _problem_text(error: ValidationError) -> str:
    return "; ".join(p.message for p in error.problems)


def _file_error(path: Path, error: OSError) -> str:
    return _("The file {path} could not be written: {reason}").format(
        path=path, reason=error.strerror or str(error)
    )


def _one_line(error: object) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
