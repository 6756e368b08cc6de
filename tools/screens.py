"""Render every page and the main dialogs of the window to PNG files, on the demo data.

    python dev.py screens [OUT_DIR] [--lang ru|en]     # under xvfb-run when it is installed

Each picture is the real window (or dialog) as the user sees it: the areas with their first
record selected, every tab of every editor, the agreement lifecycle step dialog, the documents
page with the quarterly report previewed, the search results, the reference window, the
settings and the first-start dialogs, and an editor showing a validation error. The list of
files is printed; look at them before calling a screen done.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("/tmp/mumidesk-screens"))
    parser.add_argument("--lang", default="ru", choices=("ru", "en"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mumidesk-screens-"))
    os.environ["MUMIDESK_CONFIG_DIR"] = str(work / "config")
    os.environ["MUMIDESK_DATA_DIR"] = str(work / "data")
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

    from mumidesk import i18n
    from mumidesk.db import migrate
    from mumidesk.db.engine import Database
    from mumidesk.services.demo import load_demo
    from mumidesk.services.registry import Services
    from mumidesk.ui.main_window import MainWindow
    from mumidesk.ui.navigation import AREAS
    from mumidesk.ui.qt_translations import install_qt_translations

    app = QApplication(sys.argv)
    i18n.set_language(args.lang)
    install_qt_translations(app, args.lang)
    db = Database("sqlite:///" + (work / "demo.db").as_posix(), user="Иванова А. П.")
    migrate.prepare(db)
    services = Services.for_database(db)
    load_demo(services)
    written: list[Path] = []

    def settle(ms: int = 150) -> None:
        end = dt.datetime.now() + dt.timedelta(milliseconds=ms)
        while dt.datetime.now() < end:
            app.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        path = args.out / f"{len(written) + 1:02d}-{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    def shoot_dialog(dialog: QWidget, name: str) -> None:
        """A dialog and each tab of its tab widgets, then closed without saving."""
        dialog.show()
        settle()
        tabs = dialog.findChildren(QTabWidget)
        if not tabs:
            shot(dialog, name)
        for tab_widget in tabs[:1]:
            for index in range(tab_widget.count()):
                tab_widget.setCurrentIndex(index)
                shot(dialog, f"{name}-tab{index + 1}")
        if hasattr(dialog, "ask_discard"):
            dialog.ask_discard = lambda _parent: True  # type: ignore[attr-defined]
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.hide()

    window = MainWindow(services)
    window.setWindowState(Qt.WindowState.WindowNoState)  # a small screen starts it maximised
    window.resize(1360, 840)
    window.show()
    settle(400)

    for spec in AREAS:
        page = window.show_area(spec.key)
        table = getattr(page, "table", None)
        if table is not None and table.model() is not None and table.model().rowCount():
            table.selectRow(0)
        if spec.key == "documents" and hasattr(page, "prepare"):
            page.prepare("quarterly")
            form = getattr(page, "form", None)  # the seed's report: II quarter 2020
            for name, value in (("year_box", 2020), ("quarter_box", 2)):
                widget = getattr(form, name, None)
                if hasattr(widget, "setValue"):
                    widget.setValue(value)
                elif hasattr(widget, "setCurrentIndex"):
                    widget.setCurrentIndex(max(widget.findData(value), 0))
            if hasattr(page, "generate"):
                page.generate()
                wait_until(app, lambda p=page: _preview_ready(p), 30_000)
        shot(window, f"area-{spec.key}")
        if hasattr(page, "edit_record") and table is not None and table.model().rowCount():
            editor = page.edit_record()
            if editor is not None:
                shoot_dialog(editor, f"editor-{spec.key}")
        if hasattr(page, "new_record"):
            editor = page.new_record()
            if editor is not None:
                if hasattr(editor, "save"):
                    editor.save()  # an empty record: the required fields are marked
                shoot_dialog(editor, f"editor-{spec.key}-new-errors")

    # The lifecycle: the first step the selected agreement allows, as its dialog.
    agreements = window.show_area("agreements")
    card = getattr(agreements, "card", None)
    panel = getattr(card, "lifecycle", None)
    steps = getattr(panel, "step_buttons", None)
    if panel is not None and steps:
        shoot_dialog(panel.open_step(next(iter(steps))), "lifecycle-step")

    window.show_area("partners")
    window.search_field.setText("смоленск")
    window.run_search()
    shot(window, "search-results")
    window.search_field.clear()

    reference = window.open_reference()
    reference.municipalities.table.selectRow(0)
    shot(reference, "reference-municipalities")
    reference.tabs.setCurrentIndex(1)
    shot(reference, "reference-regions")
    reference.hide()

    for module, name, label in (
        ("mumidesk.ui.dialogs.settings_dialog", "SettingsDialog", "settings"),
        ("mumidesk.ui.dialogs.first_start_dialog", "FirstStartDialog", "first-start"),
    ):
        try:
            dialog_class = getattr(__import__(module, fromlist=[name]), name)
        except (ImportError, AttributeError):
            continue
        shoot_dialog(dialog_class(services, window), label)

    from mumidesk.services.backups import BackupService
    from mumidesk.ui.dialogs.backups_dialog import BackupsDialog

    BackupService(db).back_up()  # one to list
    shoot_dialog(BackupsDialog(BackupService(db), window), "backups")
    partners = window.show_area("partners")
    history = partners.show_history()  # type: ignore[attr-defined]
    if history is not None:
        shoot_dialog(history, "history")

    QTimer.singleShot(0, app.quit)
    app.exec()
    window.close()
    db.dispose()
    for path in written:
        print(path)
    return 0


def wait_until(app: object, condition: Callable[[], bool], timeout_ms: int) -> None:
    started = dt.datetime.now()
    while not condition():
        app.processEvents()  # type: ignore[attr-defined]
        if (dt.datetime.now() - started).total_seconds() * 1000 > timeout_ms:
            return


def _preview_ready(page: object) -> bool:
    preview = getattr(page, "preview", None)
    count = getattr(preview, "page_count", None)
    value = count() if callable(count) else count
    return bool(value)


if __name__ == "__main__":
    sys.exit(main())
