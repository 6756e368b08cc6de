"""Demo data from the seed texts, loaded through the services so every rule and index applies.

The records live in ``resources/demo/*.json``: one object per file with lists of records by kind
("regions", "partners", "events" …). Each record's fields are the domain dataclass's fields;
``key`` is its stable name and a field that holds an id holds the key of the record it points
to. Ids are ``uuid5`` of the key, so a second load finds every record and adds nothing.

Everything is created in one transaction. Agreements start as drafts and then walk their
``lifecycle`` list through ``AgreementService.advance`` (each step is its own short
transaction, as the service defines it); a load that stopped half-way resumes from the state an
agreement reached.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import typing
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from mumidesk.db.engine import Database
from mumidesk.domain.enums import AgreementStatus
from mumidesk.domain.fuzzy_date import FuzzyDate
from mumidesk.resources import RESOURCES
from mumidesk.services.crud import CrudService
from mumidesk.services.mapping import hints, unwrap_optional
from mumidesk.services.registry import Services

DEMO_DIR = RESOURCES / "demo"
# Never change: the ids of records already loaded somewhere derive from it.
DEMO_NAMESPACE = uuid.UUID("6f1b7c52-3d0e-5a8e-9c1f-2b7a4d9e0c11")

# Creation order: a record only points to records of earlier sections.
SECTIONS = (
    "regions",
    "municipalities",
    "organisations",
    "people",
    "partners",
    "memberships",
    "agreements",
    "partnerships",
    "events",
    "delegations",
    "exchanges",
)
LIFECYCLE = "lifecycle"


class DemoDataError(ValueError):
    """The demo files are inconsistent (a programming error, not bad user input)."""


def demo_id(key: str) -> uuid.UUID:
    """The fixed id of the demo record named ``key`` ("partner/coventry")."""
    return uuid.uuid5(DEMO_NAMESPACE, key)


@dataclass(frozen=True, slots=True)
class DemoCount:
    kind: str  # the service's stable code
    label: str  # its translated name
    added: int
    skipped: int


@dataclass
class DemoSummary:
    counts: list[DemoCount] = field(default_factory=list)
    steps: int = 0  # agreement lifecycle steps applied

    @property
    def added(self) -> int:
        return sum(c.added for c in self.counts)

    @property
    def skipped(self) -> int:
        return sum(c.skipped for c in self.counts)

    @property
    def nothing_added(self) -> bool:
        return self.added == 0 and self.steps == 0

    def count(self, kind: str) -> DemoCount:
        return next(c for c in self.counts if c.kind == kind)


def read_demo_files(data_dir: Path = DEMO_DIR) -> dict[str, list[dict[str, Any]]]:
    """Every section of every ``*.json`` file in the folder, merged in file-name order."""
    merged: dict[str, list[dict[str, Any]]] = {name: [] for name in SECTIONS}
    files = sorted(data_dir.glob("*.json"))
    if not files:
        raise DemoDataError(f"no demo data files in {data_dir}")
    for path in files:
        content = json.loads(path.read_text(encoding="utf-8"))
        for name, records in content.items():
            if name.startswith("_"):
                continue  # a comment
            if name not in merged:
                raise DemoDataError(f"{path.name}: unknown section {name!r}")
            merged[name].extend(records)
    return merged


def load_demo(target: Services | Database, data_dir: Path = DEMO_DIR) -> DemoSummary:
    """Add the demo records that are not there yet; report what was added and skipped."""
    services = target if isinstance(target, Services) else Services.for_database(target)
    data = read_demo_files(data_dir)
    resolve = _resolver(data)
    by_section = _services_by_section(services)
    summary = DemoSummary()
    with services.db.transaction() as session:
        for section in SECTIONS:
            service = by_section[section]
            added = skipped = 0
            for record in data[section]:
                if _create(session, service, record, resolve):
                    added += 1
                else:
                    skipped += 1
            summary.counts.append(DemoCount(service.kind, service.label(), added, skipped))
    summary.steps = _advance_agreements(services, data["agreements"], resolve)
    return summary


def _services_by_section(s: Services) -> dict[str, CrudService[Any, Any, Any]]:
    return {
        "regions": s.regions,
        "municipalities": s.municipalities,
        "organisations": s.organisations,
        "people": s.people,
        "partners": s.partners,
        "memberships": s.memberships,
        "agreements": s.agreements,
        "partnerships": s.partnerships,
        "events": s.events,
        "delegations": s.delegations,
        "exchanges": s.exchanges,
    }


def _create(
    session: Session,
    service: CrudService[Any, Any, Any],
    record: dict[str, Any],
    resolve: Callable[[str], uuid.UUID],
) -> bool:
    """Create one record unless its id is taken (also by a deleted record): True if added."""
    fields = {k: v for k, v in record.items() if k != LIFECYCLE}
    item = build(service.domain_cls, fields, resolve)
    if session.get(service.row_cls, item.id) is not None:
        return False
    service.create_in(session, item)
    return True


def _advance_agreements(
    services: Services, agreements: list[dict[str, Any]], resolve: Callable[[str], uuid.UUID]
) -> int:
    """Walk each agreement from the state it is in to the last state of its lifecycle list."""
    steps_done = 0
    fact_types = hints(services.agreements.domain_cls)
    for record in agreements:
        steps = record.get(LIFECYCLE) or []
        if not steps:
            continue
        key = resolve(record["key"])
        current = services.agreements.get(key, include_deleted=True)
        if current.is_deleted:
            continue
        route = [AgreementStatus(step["status"]) for step in steps]
        if current.status is AgreementStatus.DRAFT:
            start = 0
        elif current.status in route:
            start = route.index(current.status) + 1
        else:
            continue  # someone moved it elsewhere by hand: leave it
        for step in steps[start:]:
            facts = {
                name: convert(fact_types[name], value, resolve)
                for name, value in step.items()
                if name != "status"
            }
            services.agreements.advance(key, AgreementStatus(step["status"]), **facts)
            steps_done += 1
    return steps_done


def _resolver(data: dict[str, list[dict[str, Any]]]) -> Callable[[str], uuid.UUID]:
    known = set(_keys(data))

    def resolve(key: str) -> uuid.UUID:
        if key not in known:
            raise DemoDataError(f"reference to an unknown demo record {key!r}")
        return demo_id(key)

    return resolve


def _keys(data: dict[str, list[dict[str, Any]]]) -> Iterable[str]:
    """Every ``key`` in the data, nested ones (bodies of a municipality) included."""
    seen: set[str] = set()

    def walk(value: Any) -> Iterable[str]:
        if isinstance(value, dict):
            key = value.get("key")
            if isinstance(key, str):
                if key in seen:
                    raise DemoDataError(f"demo record key {key!r} is used twice")
                seen.add(key)
                yield key
            for inner in value.values():
                yield from walk(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from walk(inner)

    for records in data.values():
        yield from walk(records)


def build(cls: type, data: dict[str, Any], resolve: Callable[[str], uuid.UUID]) -> Any:
    """A domain dataclass from a JSON object, converting by the dataclass's type hints."""
    types = hints(cls)
    kwargs: dict[str, Any] = {}
    for name, raw in data.items():
        if name.startswith("_"):
            continue  # a comment
        if name == "key":
            kwargs["id"] = resolve(raw)
            continue
        if name not in types:
            raise DemoDataError(f"{cls.__name__} has no field {name!r}")
        kwargs[name] = convert(types[name], raw, resolve)
    return cls(**kwargs)


def convert(hint: Any, raw: Any, resolve: Callable[[str], uuid.UUID]) -> Any:
    if raw is None:
        return None
    inner = unwrap_optional(hint)
    if typing.get_origin(inner) is list:
        (item_hint,) = typing.get_args(inner)
        return [convert(item_hint, value, resolve) for value in raw]
    if inner is uuid.UUID:
        return resolve(raw)
    if inner is dt.date:
        return dt.date.fromisoformat(raw)
    if inner is dt.time:
        return dt.time.fromisoformat(raw)
    if inner is FuzzyDate:
        return fuzzy_date(raw)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return inner(raw)
    if isinstance(inner, type) and dataclasses.is_dataclass(inner):
        return build(inner, raw, resolve)
    return raw


def fuzzy_date(raw: dict[str, str]) -> FuzzyDate:
    """{"day": "2020-06-05"}, {"start": …, "end": …} or {"month": "2020-05"} as a FuzzyDate."""
    if "day" in raw:
        return FuzzyDate.day(dt.date.fromisoformat(raw["day"]))
    if "month" in raw:
        year, month = raw["month"].split("-")
        return FuzzyDate.month(int(year), int(month))
    return FuzzyDate.range(dt.date.fromisoformat(raw["start"]), dt.date.fromisoformat(raw["end"]))
