"""English is the source language: its catalog translates every message to itself.

Run by `python dev.py i18n` after the catalogs are updated, so only Russian needs a translator.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def fill(path: Path) -> int:
    with path.open("rb") as fh:
        catalog = read_po(fh, locale="en")
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        strings = message.string
        empty = not (all(strings) if isinstance(strings, tuple) else strings)
        if empty or message.fuzzy:
            message.string = message.id if isinstance(message.id, str) else tuple(message.id)
            message.flags.discard("fuzzy")
            filled += 1
    catalog.fuzzy = False
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, sort_output=True)
    return filled


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "i18n/en/LC_MESSAGES/mumidesk.po")
    print(f"{target}: {fill(target)} messages filled")
