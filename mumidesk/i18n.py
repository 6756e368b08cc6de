"""gettext for every user-visible string, and the Babel locale that dates and numbers follow.

Source strings are English; the catalogs live in ``i18n/<lang>/LC_MESSAGES/mumidesk.po`` and are
compiled by the set-up into ``mumidesk/locale``. When the compiled file is missing (running from a
source tree that was not set up), the ``.po`` file is read directly so Russian never silently falls
back to English.
"""

from __future__ import annotations

import gettext as _gettext
import locale as _pylocale
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from babel import Locale

DOMAIN = "mumidesk"
SUPPORTED = ("ru", "en")
DEFAULT_LANGUAGE = "ru"
_PACKAGE_DIR = Path(__file__).resolve().parent
_COMPILED_DIR = _PACKAGE_DIR / "locale"
_SOURCE_DIR = _PACKAGE_DIR.parent / "i18n"

_language = DEFAULT_LANGUAGE  # the process's language
_thread = threading.local()  # .language: a ``language()`` block's override on this thread


class _PoTranslations(_gettext.NullTranslations):
    """Translations read from a .po file with Babel (fallback for an un-built source tree)."""

    def __init__(self, po_path: Path, lang: str) -> None:
        super().__init__()
        from babel.messages.pofile import read_po

        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        self._catalog: dict[str, str | tuple[str, ...]] = {}
        self._plural_func = _gettext.c2py(catalog.plural_expr)
        for message in catalog:
            if not message.id or not message.string:
                continue
            key = message.id if isinstance(message.id, str) else message.id[0]
            string = message.string
            self._catalog[key] = string if isinstance(string, str) else tuple(string)

    def gettext(self, message: str) -> str:
        found = self._catalog.get(message)
        return found if isinstance(found, str) and found else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        found = self._catalog.get(msgid1)
        if isinstance(found, tuple):
            index = self._plural_func(n)
            if index < len(found) and found[index]:
                return found[index]
        return msgid1 if n == 1 else msgid2


@cache
def _translations(lang: str) -> _gettext.NullTranslations:
    compiled = _COMPILED_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    source = _SOURCE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    # A catalog edited after the last build is read from its source, never served stale.
    source_is_newer = source.exists() and (
        not compiled.exists() or source.stat().st_mtime > compiled.stat().st_mtime
    )
    if compiled.exists() and not source_is_newer:
        with compiled.open("rb") as fh:
            return _gettext.GNUTranslations(fh)
    if source.exists():
        return _PoTranslations(source, lang)
    return _gettext.NullTranslations()


def detect_language() -> str:
    """The language from MUMIDESK_LANG, else from the OS locale; Russian when nothing says."""
    wanted = os.environ.get("MUMIDESK_LANG", "").strip().lower()
    if wanted in SUPPORTED:
        return wanted
    try:
        system = _pylocale.getlocale()[0] or ""
    except ValueError:
        system = ""
    system = system.lower()
    if system.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    """The language of the whole process (and of this thread's ``language()`` block, if any)."""
    global _language
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(SUPPORTED)}")
    _language = lang
    if getattr(_thread, "language", None) is not None:
        _thread.language = lang


def current_language() -> str:
    override: str | None = getattr(_thread, "language", None)
    return override or _language


def current_locale() -> Locale:
    return Locale.parse(current_language())


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Temporarily switch the language (a report printed in English from a Russian session).

    The switch holds for the calling thread only: a document generated in English on a worker
    thread leaves the window's labels, drawn meanwhile on the GUI thread, in Russian."""
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(SUPPORTED)}")
    previous: str | None = getattr(_thread, "language", None)
    _thread.language = lang
    try:
        yield
    finally:
        _thread.language = previous


def _(message: str) -> str:
    return _translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations(current_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, where it is shown."""
    return message
