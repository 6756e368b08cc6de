"""Where the partner cities lie: the few columns a map needs, read in one query."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from mumidesk.db.engine import Database
from mumidesk.db.models import PartnerRow
from mumidesk.i18n import current_language

MAX_POINTS = 50_000


@dataclass(frozen=True, slots=True)
class MapPoint:
    id: uuid.UUID
    name: str  # in the current language
    country_code: str
    latitude: float
    longitude: float


class PartnerMapService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def points(self, limit: int = MAX_POINTS) -> list[MapPoint]:
        """Every live partner with both coordinates."""
        stmt = (
            select(
                PartnerRow.id,
                PartnerRow.name_ru,
                PartnerRow.name_en,
                PartnerRow.name_local,
                PartnerRow.country_code,
                PartnerRow.latitude,
                PartnerRow.longitude,
            )
            .where(
                PartnerRow.deleted_at.is_(None),
                PartnerRow.latitude.is_not(None),
                PartnerRow.longitude.is_not(None),
            )
            .order_by(PartnerRow.id)
            .limit(limit)
        )
        english = current_language() != "ru"
        with self.db.reading() as session:
            rows = session.execute(stmt).all()
        points = []
        for key, name_ru, name_en, name_local, country, lat, lon in rows:
            names = (name_en, name_ru) if english else (name_ru, name_en)
            name = next((n for n in (*names, name_local) if n), "")
            if lat is not None and lon is not None:  # the query excludes NULLs; mypy cannot tell
                points.append(MapPoint(key, name, country.upper(), float(lat), float(lon)))
        return points
