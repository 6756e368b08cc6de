"""The twin-cities import: the model it builds, the flaws of real data it reports, idempotence,
dry runs — on a small sample (both databases) and once on the real 25,917-row file (SQLite)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mumidesk.db.engine import Database
from mumidesk.domain.enums import MunicipalityKind, PartnershipKind, PartnershipStatus
from mumidesk.domain.errors import ValidationError
from mumidesk.domain.municipalities import Municipality
from mumidesk.domain.partners import Partner
from mumidesk.services.partners import PartnerFilter, PartnershipFilter
from mumidesk.services.registry import Services
from mumidesk.services.twin_cities import TwinCitiesReport, import_twin_cities, known_twins

SAMPLE = Path(__file__).parent / "data" / "twin_cities_sample.csv"
REAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "twin_cities.csv"


def _partner(services: Services, name: str, country: str) -> Partner:
    found = services.partners.find(name, country)
    assert found is not None, f"{name} ({country}) was not loaded"
    return found


def _counts(report: TwinCitiesReport) -> dict[str, int]:
    return {k: v for k, v in vars(report).items() if isinstance(v, int) and k != "dry_run"}


def test_sample_builds_partners_municipalities_partnerships_and_links(
    services: Services,
) -> None:
    smolensk = services.municipalities.create(Municipality(name_ru="Смоленск", name_en="Smolensk"))
    hagen = services.partners.create(Partner(name_ru="Хаген", name_en="Hagen", country_code="DE"))

    report = import_twin_cities(services.db, SAMPLE)

    assert _counts(report) == {
        "rows": 20,
        "municipalities_added": 3,  # Volgograd, Aleksin, Serpukhov
        "municipalities_existing": 1,  # Smolensk, matched by its English name
        "partners_added": 8,
        "partners_existing": 1,  # Hagen
        "partnerships_added": 4,
        "partnerships_existing": 0,
        "links_added": 4,
        "links_existing": 0,
        "domestic": 1,  # Aleksin – Serpukhov
        "duplicates": 1,  # row 4 repeats row 2
        "respelled": 1,  # row 9: "England, United Kingdom" is row 8's England
        "mirrored": 3,  # rows 3, 6, 10
    }
    assert report.rows_accounted == report.rows
    assert [(p.row, p.field) for p in report.odd_rows] == [
        (16, "country2"),  # "in Italy"
        (17, "country2"),  # empty
        (18, "country2"),  # "Rauma, Norway": a town given as the region
        (19, "lat1"),
        (20, "city2"),  # a city twinned with itself
        (21, "columns"),
    ]
    assert "'in Italy'" in report.odd_rows[0].message

    # Own cities are municipalities; the existing Smolensk was reused, not duplicated.
    volgograd = services.municipalities.find_by_name("Volgograd")
    assert volgograd is not None and volgograd.kind is MunicipalityKind.CITY
    assert len(services.municipalities.all()) == 4
    # Foreign cities are partners with ISO codes, regions and coordinates.
    coventry = _partner(services, "Coventry", "GB")
    assert (coventry.region, coventry.latitude, coventry.longitude) == ("England", 52.4081, -1.5106)
    assert _partner(services, "Friedland", "DE").region == "Brandenburg"
    assert _partner(services, "Zakynthos", "GR").latitude == 37.8  # "Grece"
    assert _partner(services, "Rustavi", "GE").longitude == 44.9932  # "Georgia (country)"
    assert _partner(services, "Pristina", "XK").name_en == "Pristina"
    assert _partner(services, "Hagen", "DE").id == hagen.id
    assert services.partners.list(PartnerFilter(country_code="RU")).total == 0

    # Pairs with an own city are active twin partnerships.
    links = services.partnerships.list(PartnershipFilter(municipality_id=smolensk.id)).items
    assert {p.partner_id for p in links} == {hagen.id, _partner(services, "Rustavi", "GE").id}
    assert all(
        (p.kind, p.status) == (PartnershipKind.TWIN, PartnershipStatus.ACTIVE) for p in links
    )
    # Pairs of two foreign cities are kept as known twin links.
    assert hagen.id is not None
    assert set(known_twins(services.db, hagen.id)) == {
        _partner(services, "Bruck an der Mur", "AT").id,
        _partner(services, "Pristina", "XK").id,
    }
    # New records are searchable at once.
    assert [h.title for h in services.search.search("coventry")] == ["Coventry"]
    assert [h.title for h in services.search.search("volgograd")] == ["Volgograd"]


def test_a_second_run_adds_nothing_and_says_what_it_skipped(services: Services) -> None:
    first = import_twin_cities(services.db, SAMPLE)
    partners = services.partners.list().total
    second = import_twin_cities(services.db, SAMPLE)

    assert second.added == 0
    assert second.municipalities_existing == first.municipalities_added
    assert second.partners_existing == first.partners_added
    assert second.partnerships_existing == first.partnerships_added
    assert second.links_existing == first.links_added
    assert second.rows_accounted == second.rows == first.rows
    assert services.partners.list().total == partners
    assert len(services.partnerships.all()) == first.partnerships_added


def test_dry_run_reports_the_same_and_writes_nothing(services: Services) -> None:
    dry = import_twin_cities(services.db, SAMPLE, dry_run=True)
    assert dry.dry_run
    assert dry.partners_added == 9 and dry.partnerships_added == 4
    assert services.partners.list().total == 0
    assert services.municipalities.list().total == 0
    assert services.search.search("coventry") == []
    real = import_twin_cities(services.db, SAMPLE)
    assert _counts(real) == _counts(dry)


def test_another_own_country(services: Services) -> None:
    report = import_twin_cities(services.db, SAMPLE, own_country="de")
    # German cities are now ours, Russian ones partners.
    assert services.municipalities.find_by_name("Hagen") is not None
    assert _partner(services, "Smolensk", "RU").latitude == 54.7826
    assert report.rows_accounted == report.rows


def test_a_file_that_is_not_the_list_is_refused(services: Services, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("name,country\nHagen,Germany\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        import_twin_cities(services.db, other)
    assert caught.value.problems[0].row == 1
    with pytest.raises(ValidationError) as caught:
        import_twin_cities(services.db, SAMPLE, own_country="XX")
    assert caught.value.fields == ["own_country"]
    assert services.partners.list().total == 0


@pytest.mark.skipif(not REAL.exists(), reason="the real twin-cities list is not in ../shared")
def test_the_real_list_loads_once_and_the_counts_add_up(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """The whole 25,917-row file, on SQLite only (it runs once, in a few seconds)."""
    path = tmp_path / "twin_cities.csv"
    shutil.copyfile(REAL, path)
    first = import_twin_cities(sqlite_db, path)
    assert first.rows == 25_917
    assert first.rows_accounted == first.rows
    assert first.partnerships_added > 1_000  # 1,209 rows involve a Russian city
    assert first.partners_added > 15_000
    assert first.mirrored > 1_000
    odd = {p.row: p for p in first.odd_rows}
    assert "'in Italy'" in odd[12150].message
    assert odd[22926].field == "country2"  # "Rauma, Norway"
    assert len(first.odd_rows) < 20  # everything else is read, England and Grece included

    second = import_twin_cities(sqlite_db, path)
    assert second.added == 0
    assert second.rows_accounted == second.rows
    assert second.partners_existing == first.partners_added
    assert second.partnerships_existing == first.partnerships_added
    assert second.links_existing == first.links_added

    services = Services.for_database(sqlite_db)
    assert services.partners.list().total == first.partners_added
    assert services.search.search("volgograd", kinds=["municipality"])[0].title == "Volgograd"
