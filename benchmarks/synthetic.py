"""Large synthetic data with realistic Russian text, for the benchmarks.

Municipalities, foreign partner cities, partnerships and international events are built from
word lists with a seeded ``random.Random`` (the same seed gives the same data) and bulk-loaded with
``session.execute(insert(Row), rows)`` in batches, which is several times faster than going
through the services one record at a time (see STACK-NOTES). The bulk load bypasses the
services, so the search index is rebuilt afterwards (``SearchService.rebuild``).
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from mumidesk.db.engine import Database
from mumidesk.db.models import (
    EventCountryRow,
    EventPartnerRow,
    EventRow,
    MunicipalityRow,
    PartnerRow,
    PartnershipRow,
    RegionRow,
    utcnow,
)
from mumidesk.services.bulk_load import BulkWriter, bulk_write
from mumidesk.services.search import SearchService

BATCH = 5_000
USER = "synthetic"

# --- word lists ------------------------------------------------------------------------------
REGIONS = (
    "Смоленская", "Калужская", "Тульская", "Брянская", "Псковская", "Новгородская", "Тверская",
    "Ярославская", "Владимирская", "Рязанская", "Орловская", "Курская", "Белгородская",
    "Воронежская", "Липецкая", "Тамбовская", "Пензенская", "Саратовская", "Волгоградская",
    "Астраханская", "Ростовская", "Вологодская", "Костромская", "Ивановская",
)  # fmt: skip
TOWN_STEMS = (
    "Бел", "Крас", "Нов", "Сосн", "Берёз", "Камен", "Лип", "Ключ", "Озёр", "Черн", "Светл",
    "Дуб", "Клён", "Ольх", "Рябин", "Сокол", "Журавл", "Лебед", "Медвеж", "Бор", "Луг", "Заречн",
    "Подгор", "Залес", "Приозёр", "Верхн", "Стар", "Гор", "Ясн", "Тих", "Быстр", "Золот",
    "Серебр", "Зелен", "Снеж", "Калин", "Малин", "Вишн", "Яблон", "Кедр",
)  # fmt: skip
TOWN_ENDINGS = (
    "огорск", "ово", "ец", "инск", "овск", "ославль", "одар", "ино", "ное", "ск", "оград",
    "озёрск", "ополь", "оводск", "ки",
)  # fmt: skip
# Foreign city names: a start and an ending typical of the country, in Russian spelling.
FOREIGN_STARTS = (
    "Сан", "Ла", "Бер", "Мар", "Ро", "Виль", "Грен", "Хол", "Кар", "Лин", "Мон", "Сен", "Фрей",
    "Аль", "Бра", "Дор", "Эль", "Кас", "Пор", "Тор", "Вал", "Ной", "Ос", "Рив", "Стер", "Ха",
    "Бель", "Гра", "Дан", "Кель", "Лей", "Мер", "Нор", "Оль", "Рей", "Сол", "Тре", "Фон",
)  # fmt: skip
FOREIGN_MIDDLES = ("", "", "ан", "ен", "ор", "ил", "ар", "ед", "ун", "ин", "ет")
COUNTRY_ENDINGS: dict[str, tuple[str, ...]] = {
    "DE": ("бург", "хайм", "дорф", "штадт", "хаузен", "фельд"),
    "FR": ("виль", "ак", "ан", "ье", "онн"),
    "IT": ("ано", "ино", "ето", "ола", "ера"),
    "ES": ("ида", "эра", "ос", "ья"),
    "GB": ("тон", "форд", "мут", "бери", "шир"),
    "US": ("тон", "вилл", "сити", "спрингс", "порт"),
    "CN": ("шань", "чжоу", "цзин", "ян", "нин"),
    "BY": ("ов", "ичи", "ск", "ин", "ляны"),
    "BG": ("ово", "ец", "ище", "град"),
    "RS": ("ац", "ево", "ица", "град"),
    "CZ": ("ице", "ов", "ани"),
    "PL": ("ув", "ице", "ово", "ск"),
    "FI": ("ла", "ни", "я", "ки"),
    "TR": ("лар", "кёй", "ир", "ия"),
    "IN": ("пур", "абад", "нагар"),
    "JP": ("сима", "сака", "мото", "ката"),
    "KZ": ("тау", "куль", "бек", "ы"),
    "AM": ("ан", "ашен", "ни"),
    "GR": ("ос", "ион", "ия"),
    "IL": ("ия", "он", "эль"),
    "LV": ("пилс", "ава", "ене"),
    "SK": ("ице", "ов", "ани"),
    "VN": ("ань", "тхо", "зянг"),
    "EG": ("ия", "ид", "ар"),
}
EVENT_KINDS = {
    "forum": ("международном форуме", "форуме городов-побратимов"),
    "conference": ("международной онлайн-конференции", "научно-практической конференции"),
    "meeting": ("рабочей встрече", "встрече с делегацией"),
    "competition": ("международном конкурсе", "онлайн-конкурсе"),
    "festival": ("фестивале", "международном фестивале"),
    "exhibition": ("выставке", "фотовыставке"),
    "seminar": ("семинаре", "вебинаре"),
    "visit": ("визите делегации",),
    "ceremony": ("торжественной церемонии",),
    "project": ("грантовом проекте", "сетевом проекте"),
}
TOPICS = (
    "Дружба без границ", "Культурное наследие", "Молодёжный диалог", "Память о Победе",
    "Города-побратимы: новые горизонты", "Вдохновение", "Песни Победы", "Зелёный город",
    "Цифровой муниципалитет", "Народная дипломатия", "Мосты дружбы", "Голоса мира",
    "Традиции и современность", "Туризм без границ", "Спорт объединяет", "Умный город",
    "Наследие Ганзы", "Хореографическое искусство", "Юные таланты", "Экономика возможностей",
)  # fmt: skip
SUBJECTS = (
    "развития туризма", "сохранения исторической памяти", "молодёжного обмена",
    "сотрудничества в сфере культуры", "обмена опытом муниципального управления",
    "реализации инвестиционных проектов", "развития городской среды",
    "патриотического воспитания", "поддержки талантливых детей", "экологического просвещения",
    "развития спорта", "сотрудничества учреждений образования",
)  # fmt: skip
GOALS = (
    "обмена творческим опытом", "развития дружбы и сотрудничества",
    "укрепления взаимопонимания между народами", "поддержки талантливых детей и молодёжи",
    "повышения профессионального мастерства руководителей коллективов",
)  # fmt: skip
OUTCOMES = (
    "подготовке соглашения о сотрудничестве", "проведении совместного фестиваля в следующем году",
    "обмене делегациями школьников", "участии в международной выставке",
    "создании рабочей группы по туризму", "обмене опытом в сфере благоустройства",
)  # fmt: skip
ORGANISERS = (
    "Россотрудничеством", "Ассоциацией «Общероссийский Конгресс муниципальных образований»",
    "Союзом российских городов", "Международной ассоциацией «Породнённые города»",
    "Всероссийской ассоциацией развития местного самоуправления",
)  # fmt: skip
SURNAMES = (
    "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
    "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
    "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
)  # fmt: skip
INITIALS = "АБВГДЕИКЛМНОПРСТЮЯ"
POSITIONS = (
    "глава города", "заместитель главы администрации", "начальник отдела международных связей",
    "председатель городского совета", "директор МБУ «Центр культуры»",
    "руководитель комитета по образованию", "депутат городской думы",
    "начальник управления по туризму", "главный специалист отдела внешних связей",
)  # fmt: skip
COLLECTIVES = (
    "образцовый хореографический коллектив", "народный хор", "вокально-эстрадный коллектив",
    "детский театр", "духовой оркестр", "молодёжный ансамбль",
)  # fmt: skip
COLLECTIVE_NAMES = (
    "Каприз", "Колибри", "Радуга", "Сударушка", "Калинка", "Звёздочки", "Родничок", "Улыбка",
    "Надежда", "Весна", "Ритм", "Фантазия",
)  # fmt: skip
PARTNERSHIP_KINDS = ("twin", "twin", "partner", "cooperation")
PARTNERSHIP_STATUSES = ("active", "active", "active", "dormant", "suspended", "ended")
# Russian letters in Latin (a plain transliteration; ъ and ь are dropped).
_LATIN = "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya"
_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _LATIN.split(" "), strict=True))


def translit(text: str) -> str:
    """Latin spelling of a Russian name ("Белогорск" → "Belogorsk")."""
    out = []
    for ch in text:
        low = ch.lower()
        latin = _TRANSLIT.get(low)
        if latin is None:
            out.append(ch)
            continue
        latin = "" if latin == "_" else latin
        out.append(latin.capitalize() if ch != low else latin)
    return "".join(out)


@dataclass
class LoadReport:
    regions: int = 0
    municipalities: int = 0
    partners: int = 0
    partnerships: int = 0
    events: int = 0
    event_children: int = 0
    indexed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # generating and writing
    database_seconds: dict[str, float] = field(default_factory=dict)  # writing only


class SyntheticData:
    """Deterministic rows for the tables; call the generators in order (they share ids)."""

    def __init__(self, seed: int = 2020) -> None:
        self.rng = random.Random(seed)
        self.now = utcnow()
        self.municipality_ids: list[uuid.UUID] = []
        self.town_names: list[str] = []
        self.partner_ids: list[uuid.UUID] = []
        self.partner_names: list[tuple[str, str]] = []  # (name_ru, country)

    def _id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def _audit(self) -> dict[str, Any]:
        return {
            "created_at": self.now,
            "created_by": USER,
            "updated_at": self.now,
            "updated_by": USER,
            "version": 1,
        }

    def town(self) -> str:
        return self.rng.choice(TOWN_STEMS) + self.rng.choice(TOWN_ENDINGS)

    def regions(self) -> list[dict[str, Any]]:
        rows = []
        for i, adjective in enumerate(REGIONS):
            rows.append(
                {
                    "id": self._id(),
                    "name_ru": f"{adjective} область",
                    "name_ru_genitive": f"{adjective[:-2]}ой области",
                    "name_en": f"{translit(adjective[:-2])} Oblast",
                    "code": f"RU-S{i:02d}",
                    **self._audit(),
                }
            )
        return rows

    def municipalities(
        self, regions: list[dict[str, Any]], per_region: int
    ) -> list[dict[str, Any]]:
        rows = []
        seen: set[str] = set()
        for region in regions:
            for _ in range(per_region):
                name = self.town()
                while name in seen:
                    name = self.town() + "-" + self.rng.choice(("Первый", "Второй", "Новый"))
                seen.add(name)
                key = self._id()
                self.municipality_ids.append(key)
                self.town_names.append(name)
                rows.append(
                    {
                        "id": key,
                        "name_ru": name,
                        "name_en": translit(name),
                        "official_name_ru": (
                            f"Муниципальное образование «город {name}» {region['name_ru_genitive']}"
                        ),
                        "kind": "urban_district",
                        "region_id": region["id"],
                        "population": self.rng.randrange(5_000, 600_000),
                        "website": "",
                        **self._audit(),
                    }
                )
        return rows

    def partners(self, count: int) -> Iterator[dict[str, Any]]:
        countries = list(COUNTRY_ENDINGS)
        for _ in range(count):
            country = self.rng.choice(countries)
            name = (
                self.rng.choice(FOREIGN_STARTS)
                + self.rng.choice(FOREIGN_MIDDLES)
                + self.rng.choice(COUNTRY_ENDINGS[country])
            )
            key = self._id()
            self.partner_ids.append(key)
            self.partner_names.append((name, country))
            yield {
                "id": key,
                "name_ru": name,
                "name_en": translit(name),
                "name_local": translit(name),
                "country_code": country,
                "region": "",
                "population": self.rng.randrange(2_000, 3_000_000),
                "latitude": round(self.rng.uniform(-60, 70), 4),
                "longitude": round(self.rng.uniform(-180, 180), 4),
                "website": "",
                "notes": "Синтетическая запись для замеров скорости.",
                **self._audit(),
            }

    def partnerships(self) -> Iterator[dict[str, Any]]:
        """One partnership per partner, with a random own municipality."""
        for partner_id in self.partner_ids:
            since = dt.date(self.rng.randrange(1950, 2024), self.rng.randrange(1, 13), 1)
            yield {
                "id": self._id(),
                "municipality_id": self.rng.choice(self.municipality_ids),
                "partner_id": partner_id,
                "kind": self.rng.choice(PARTNERSHIP_KINDS),
                "status": self.rng.choice(PARTNERSHIP_STATUSES),
                "since": since,
                "until": None,
                "agreement_id": None,
                "notes": "",
                **self._audit(),
            }

    def _person(self) -> str:
        surname = self.rng.choice(SURNAMES)
        if self.rng.random() < 0.4:
            surname += "а"
        first, middle = self.rng.choice(INITIALS), self.rng.choice(INITIALS)
        return f"{surname} {first}.{middle}., {self.rng.choice(POSITIONS)}"

    def events(self, count: int) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
        """Event rows, each with its child rows (countries, partners) as (table, values)."""
        kinds = list(EVENT_KINDS)
        for _ in range(count):
            key = self._id()
            kind = self.rng.choice(kinds)
            online = self.rng.random() < 0.35
            topic = self.rng.choice(TOPICS)
            phrase = self.rng.choice(EVENT_KINDS[kind])
            if online and "онлайн" not in phrase:
                phrase += " в онлайн-формате"
            town_index = self.rng.randrange(len(self.municipality_ids))
            town = self.town_names[town_index]
            partner_index = self.rng.randrange(len(self.partner_ids))
            partner_name, country = self.partner_names[partner_index]
            start = dt.date(2015, 1, 1) + dt.timedelta(days=self.rng.randrange(11 * 365))
            precision = self.rng.choices(("day", "range", "month"), (70, 25, 5))[0]
            if precision == "day":
                end = start
            elif precision == "range":
                end = start + dt.timedelta(days=self.rng.randrange(1, 14))
            else:
                start = start.replace(day=1)
                end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            collective = (
                f"{self.rng.choice(COLLECTIVES)} «{self.rng.choice(COLLECTIVE_NAMES)}» г. {town}"
            )
            participants = "; ".join(
                [self._person(), self._person(), collective, f"представители г. {partner_name}"]
            )
            content = (
                f"Мероприятие было организовано {self.rng.choice(ORGANISERS)} и проведено с целью "
                f"{self.rng.choice(GOALS)}. Участники обсудили вопросы {self.rng.choice(SUBJECTS)} "
                f"и {self.rng.choice(SUBJECTS)}. Стороны договорились о "
                f"{self.rng.choice(OUTCOMES)}."
            )
            row = {
                "id": key,
                "name": f"Участие в {phrase} «{topic}»",
                "municipality_id": self.municipality_ids[town_index],
                "kind": kind,
                "format": "online" if online else self.rng.choice(("in_person", "hybrid")),
                "place": "" if online else f"г. {self.rng.choice((town, partner_name))}",
                "start_date": start,
                "end_date": end,
                "date_precision": precision,
                "content": content,
                "participants": participants,
                "participant_count": self.rng.randrange(5, 400),
                "organiser": "",
                **self._audit(),
            }
            children: list[dict[str, Any]] = [
                {
                    "table": EventCountryRow,
                    "id": self._id(),
                    "event_id": key,
                    "position": 0,
                    "country_code": country,
                }
            ]
            if self.rng.random() < 0.5:
                children.append(
                    {
                        "table": EventPartnerRow,
                        "id": self._id(),
                        "event_id": key,
                        "position": 0,
                        "partner_id": self.partner_ids[partner_index],
                    }
                )
            yield row, children

    def search_queries(self, count: int) -> list[str]:
        """Parts of Russian words from the generated text, in mixed case ("оЗЁрс", "ДРУЖб")."""
        words = [
            w
            for w in " ".join(
                [*TOPICS, *SUBJECTS, *SURNAMES, *COLLECTIVE_NAMES, *self.town_names[:200]]
            )
            .replace("«", " ")
            .replace("»", " ")
            .replace(":", " ")
            .replace("-", " ")
            .split()
            if len(w) >= 5
        ]
        queries = []
        for _ in range(count):
            word = self.rng.choice(words)
            size = self.rng.randrange(4, min(8, len(word)) + 1)
            start = self.rng.randrange(len(word) - size + 1)
            part = word[start : start + size]
            queries.append(
                "".join(ch.upper() if self.rng.random() < 0.4 else ch.lower() for ch in part)
            )
        return queries


def _add_all(writer: BulkWriter, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        writer.add(table, row)


def _add_events(writer: BulkWriter, data: SyntheticData, count: int) -> None:
    for row, children in data.events(count):
        writer.add(EventRow, row)
        for child in children:
            writer.add(child.pop("table"), child)


def load_synthetic(
    db: Database,
    events: int = 100_000,
    partners: int = 26_000,
    municipalities_per_region: int = 12,
    seed: int = 2020,
    rebuild_index: bool = True,
    data: SyntheticData | None = None,
    batch: int = BATCH,
) -> LoadReport:
    """Bulk-load synthetic records into a migrated database, timing each part."""
    data = data or SyntheticData(seed)
    report = LoadReport()

    def part(name: str, fill: Callable[[BulkWriter], None]) -> BulkWriter:
        started = time.perf_counter()
        writer = bulk_write(db, fill, batch)
        report.seconds[name] = time.perf_counter() - started
        report.database_seconds[name] = writer.seconds
        return writer

    regions = data.regions()
    report.regions = len(regions)

    def places(w: BulkWriter) -> None:
        _add_all(w, RegionRow, regions)
        _add_all(w, MunicipalityRow, data.municipalities(regions, municipalities_per_region))

    report.municipalities = part("municipalities", places).rows - report.regions
    report.partners = part(
        "partners", lambda w: _add_all(w, PartnerRow, data.partners(partners))
    ).rows
    report.partnerships = part(
        "partnerships", lambda w: _add_all(w, PartnershipRow, data.partnerships())
    ).rows
    report.event_children = part("events", lambda w: _add_events(w, data, events)).rows - events
    report.events = events

    if rebuild_index:
        started = time.perf_counter()
        report.indexed = SearchService(db).rebuild()
        report.seconds["search_index"] = time.perf_counter() - started
    return report
