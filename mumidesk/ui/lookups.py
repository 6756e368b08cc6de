"""Lookups for record pickers, answered by the search index: typing "могил" offers Mogilev, its
council and the agreements that name it, each kind in its own picker."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from mumidesk.services.registry import Services
from mumidesk.ui.widgets.record_picker import LOOKUP_LIMIT, Describe, Lookup


def lookup(services: Services, kind: str) -> Lookup:
    def find(text: str) -> Sequence[tuple[uuid.UUID, str]]:
        hits = services.search.search(text, kinds=[kind], limit=LOOKUP_LIMIT)
        return [(hit.id, hit.title) for hit in hits]

    return find


def describe(services: Services, kind: str) -> Describe:
    def title(key: uuid.UUID) -> str:
        return services.search.title(kind, key) or str(key)

    return title
