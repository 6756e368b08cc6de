"""Qt's own buttons follow the language: qtbase_ru.qm from PySide6's translations folder."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from mumidesk.ui.qt_translations import install_qt_translations


def _button_texts() -> list[str]:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    texts = sorted(b.text() for b in box.buttons())
    box.deleteLater()
    return texts


def test_russian_buttons_and_switching_back(qtbot: QtBot, qapp: QApplication) -> None:
    try:
        assert install_qt_translations(qapp, "ru")
        assert QApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
        assert _button_texts() == ["Отмена", "Сохранить"]
        assert QLocale().language() == QLocale.Language.Russian
        # A second switch replaces the first translator instead of stacking on it.
        install_qt_translations(qapp, "en")
        assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert _button_texts() == ["Cancel", "Save"]
        assert QLocale().language() == QLocale.Language.English
    finally:
        install_qt_translations(qapp, "en")
