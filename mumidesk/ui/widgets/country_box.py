"""A country chooser whose names come from Babel in the user's language.

The box is editable with a completer that matches anywhere in the name, case-insensitively, so
typing "Бел" offers "Беларусь". Its value is the ISO 3166-1 alpha-2 code, never the name.
"""

from __future__ import annotations

from typing import Any

from babel import Locale
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter

from mumidesk.domain.validation import is_country_code
from mumidesk.i18n import current_locale


def country_names(locale: Locale) -> list[tuple[str, str]]:
    """(code, localized name) of every ISO country, sorted by name."""
    names = [
        (code, name)
        for code, name in locale.territories.items()
        if len(code) == 2 and code.isalpha() and is_country_code(code)
    ]
    return sorted(names, key=lambda pair: pair[1].casefold())


class CountryBox(QComboBox):
    """Emits ``country_changed`` with the chosen code ("" when none or not a known name)."""

    country_changed = Signal(str)

    def __init__(
        self, parent: Any = None, *, empty_text: str = "", locale: Locale | None = None
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._locale = locale or current_locale()
        self.addItem("", "")  # none / any: the placeholder says which
        for code, name in country_names(self._locale):
            self.addItem(name, code)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        edit = self.lineEdit()
        assert edit is not None  # editable boxes always have one
        edit.setPlaceholderText(empty_text)
        self._last = ""
        self.currentIndexChanged.connect(self._emit_if_changed)
        edit.editingFinished.connect(self._commit_text)
        edit.textEdited.connect(self._cleared)

    def country_code(self) -> str:
        """The code of the name in the text field, or of the current item."""
        text = self.currentText().strip()
        if not text:
            return ""
        found = self.findText(text, Qt.MatchFlag.MatchFixedString)  # case-insensitive
        if found >= 0:
            return str(self.itemData(found) or "")
        if is_country_code(text):  # someone typed "BY"
            return text.upper()
        return ""

    def set_country_code(self, code: str) -> None:
        index = self.findData(code.upper() if code else "")
        self.setCurrentIndex(max(index, 0))
        if index < 0 and code:  # an unknown code is shown as is, so nothing is lost
            self.setEditText(code)
        # Also when the caller blocked the signals (a filter bar being cleared): choosing the
        # previous country again must then still count as a change.
        self._last = self.country_code()

    def country_name(self, code: str) -> str:
        return self._locale.territories.get(code.upper(), code) if code else ""

    def _commit_text(self) -> None:
        code = self.country_code()
        index = self.findData(code)
        if code and index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)  # emits through currentIndexChanged
        else:
            self._emit_if_changed()

    def _cleared(self, text: str) -> None:
        if not text.strip():  # emptying the field means "no country" at once
            self._emit_if_changed()

    def _emit_if_changed(self, *_args: Any) -> None:
        code = self.country_code()
        if code != self._last:
            self._last = code
            self.country_changed.emit(code)
