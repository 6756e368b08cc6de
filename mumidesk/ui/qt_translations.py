"""Qt's own texts in the user's language: the buttons of message boxes, button boxes and file
dialogs come from Qt's catalogs (qtbase_<lang>.qm, shipped with PySide6), not from ours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOG = "qtbase"
# The translator in use, kept so a language switch can remove it (and Python keeps it alive).
_installed: QTranslator | None = None


def translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_qt_translations(app: QCoreApplication, lang: str) -> bool:
    """Switch Qt's texts and the default QLocale to ``lang`` ("ru", "en"); True if a catalog
    was loaded (English needs none: Qt's source texts are English)."""
    global _installed
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    QLocale.setDefault(QLocale(lang))
    translator = QTranslator(app)
    if not translator.load(f"{CATALOG}_{lang}", translations_dir()):
        translator.deleteLater()
        return False
    app.installTranslator(translator)
    _installed = translator
    return True
