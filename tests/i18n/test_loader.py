"""The catalog read straight from the .po source answers like the compiled one."""

from __future__ import annotations

import gettext
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from mumidesk import i18n
from mumidesk.i18n import _PoTranslations

PO = Path(__file__).resolve().parents[2] / "i18n" / "ru" / "LC_MESSAGES" / "mumidesk.po"


def test_source_fallback_matches_compiled_catalog(tmp_path: Path) -> None:
    with PO.open("rb") as fh:
        catalog = read_po(fh, locale="ru")
    mo = tmp_path / "ru.mo"
    with mo.open("wb") as fh:
        write_mo(fh, catalog)
    with mo.open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    source = _PoTranslations(PO, "ru")
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, str):
            assert source.gettext(message.id) == compiled.gettext(message.id)
        else:
            for n in (1, 2, 5, 11, 21, 22, 25):
                assert source.ngettext(message.id[0], message.id[1], n) == compiled.ngettext(
                    message.id[0], message.id[1], n
                )


def test_russian_plural_forms() -> None:
    with i18n.language("ru"):
        forms = [i18n.ngettext("{n} record", "{n} records", n).format(n=n) for n in (1, 3, 5, 21)]
    assert forms == ["1 запись", "3 записи", "5 записей", "21 запись"]
