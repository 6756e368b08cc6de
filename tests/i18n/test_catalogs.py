"""Every user-visible string is in the template and translated into Russian and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from mumidesk import i18n

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def _source_messages() -> set[str]:
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "mumidesk"),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _catalog(path: Path, locale: str | None = None):  # type: ignore[no-untyped-def]
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def test_template_holds_every_string_of_the_source() -> None:
    template = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in _catalog(ROOT / "i18n" / "messages.pot")
        if m.id
    }
    missing = sorted(_source_messages() - template)
    assert not missing, f"run `python dev.py i18n`; not in messages.pot: {missing[:20]}"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_catalog_translates_every_template_string(lang: str) -> None:
    template = _catalog(ROOT / "i18n" / "messages.pot")
    catalog = _catalog(ROOT / "i18n" / lang / "LC_MESSAGES" / "mumidesk.po", lang)
    untranslated = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id)
        strings = entry.string if entry is not None else None
        ok = all(strings) if isinstance(strings, tuple) else bool(strings)
        if entry is None or not ok or entry.fuzzy:
            untranslated.append(message.id)
    assert not untranslated, f"{lang}: {len(untranslated)} untranslated, e.g. {untranslated[:10]}"


def test_russian_is_really_russian() -> None:
    with i18n.language("ru"):
        assert i18n._("is required") != "is required"
        assert any("\u0400" <= ch <= "\u04ff" for ch in i18n._("Partner"))
