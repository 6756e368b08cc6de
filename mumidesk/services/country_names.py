"""Country names as people and data sets write them → ISO 3166 codes (and a region).

The names come from maintained data: Babel's (CLDR) territory names in English and Russian and
pycountry's ISO 3166-1 names (short, official, common, and "Korea, Republic of" read both ways);
regions from pycountry's ISO 3166-2 subdivisions. What those sources cannot know is kept in two
small tables: misspellings and former names met in real data, and English names of regions that
ISO lists only in the local language.

Readings: "Germany" → DE; "England" → GB (region England); "Brandenburg, Germany" → DE
(region Brandenburg); "Georgia (country)" → GE; "Grece" → GR; "Kosovo" → XK. Anything else
("in Italy", a city given as a region like "Rauma, Norway") is refused with a reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale

from mumidesk.domain.validation import is_country_code
from mumidesk.i18n import _, current_locale

# Misspellings and names the standards have dropped, as found in real lists.
_ALIASES: dict[str, tuple[str, str]] = {
    "turkey": ("TR", ""),  # ISO and CLDR say Türkiye since 2022
    "republic of ireland": ("IE", ""),
    "ivory coast": ("CI", ""),
    "east timor": ("TL", ""),
    "moldavia": ("MD", ""),
    "palestine": ("PS", ""),
    "west bank": ("PS", "West Bank"),
    "northern cyprus": ("CY", "Northern Cyprus"),  # not recognised as a state: de jure Cyprus
    "grece": ("GR", ""),
    "kazakhstah": ("KZ", ""),
    "madagaskar": ("MG", ""),
    "surinam": ("SR", ""),
    "bosnia and hercegovina": ("BA", ""),
}
# English names of regions that ISO 3166-2 gives only in the local language.
_REGION_EXONYMS: dict[str, str] = {
    "lower saxony": "DE-NI",
    "azores": "PT-20",
    "algarve": "PT-08",
}
# Bare region names that stand for a country in lists: England, Scotland, Wales …
_COUNTRY_LIKE_TYPES = frozenset({"Country", "Nation"})
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)\s*$")


@dataclass(frozen=True, slots=True)
class CountryReading:
    code: str  # ISO 3166-1 alpha-2 (or XK)
    region: str = ""  # the region the text named, as written


def name_key(text: str) -> str:
    """Accents, case, '&', 'St.' and punctuation do not distinguish two names."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("&", " and ").replace("’", "").replace("'", "")
    plain = re.sub(r"[^\w]+", " ", plain).strip()
    plain = re.sub(r"^st ", "saint ", plain)
    return re.sub(r"^the ", "", plain)


@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}

    def add(name: str | None, code: str) -> None:
        if not name:
            return
        names.setdefault(name_key(name), code)
        base = _PARENTHESIS.sub("", name)  # "Myanmar (Burma)" → also "Myanmar"
        if base != name:
            names.setdefault(name_key(base), code)
        if ", " in name:  # "Korea, Republic of" → "Republic of Korea"
            head, tail = name.split(", ", 1)
            names.setdefault(name_key(f"{tail} {head}"), code)

    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            add(getattr(country, attribute, None), country.alpha_2)
    for language in ("en", "ru"):
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha() and is_country_code(code):
                add(name, code)
    return names


@cache
def _subdivisions(country_code: str) -> dict[str, str]:
    """Folded region names of a country → the ISO 3166-2 code."""
    found: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code=country_code) or []:
        for name in re.split(r"\s*[\[(]", sub.name):  # "Wales [Cymru GB-CYM]"
            if name.strip():
                found.setdefault(name_key(name), sub.code)
    for exonym, code in _REGION_EXONYMS.items():
        if code.split("-", 1)[0] == country_code:
            found.setdefault(exonym, code)
    return found


@cache
def _country_like_regions() -> dict[str, str]:
    found: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.type in _COUNTRY_LIKE_TYPES:
            name = re.split(r"\s*\[", sub.name)[0]
            found.setdefault(name_key(name), sub.country_code)
    return found


def country_label(code: str) -> str:
    """The country's name in the user's language (Babel), the code if Babel has none."""
    territories = current_locale().territories
    return str(territories.get(code, code))


def _country_only(text: str) -> CountryReading | None:
    key = name_key(text)
    if not key:
        return None
    code = _country_names().get(key)
    if code is not None:
        return CountryReading(code)
    if len(text.strip()) == 2 and is_country_code(text.strip()):
        return CountryReading(text.strip().upper())
    if key in _ALIASES:
        code, region = _ALIASES[key]
        return CountryReading(code, region)
    stripped = _PARENTHESIS.sub("", text)  # "Georgia (country)"
    if stripped != text:
        return _country_only(stripped)
    return None


def read_country(text: str) -> CountryReading:
    """The country (and region) a text names; ValueError with a translated reason if none."""
    text = " ".join(text.split())
    if not text:
        raise ValueError(_("is empty"))
    reading = _country_only(text)
    if reading is not None:
        return reading
    parent = _country_like_regions().get(name_key(text))
    if parent is not None:
        return CountryReading(parent, text)
    if ", " in text:
        region, _sep, country_text = text.rpartition(", ")
        country = _country_only(country_text)
        if country is not None:
            if _is_region_of(region, country.code):
                return CountryReading(country.code, region)
            raise ValueError(
                _("{region!r} is not a region of {country} we know").format(
                    region=region, country=country_label(country.code)
                )
            )
    raise ValueError(_("{text!r} is not a country we know").format(text=text))


def _is_region_of(region: str, country_code: str) -> bool:
    key = name_key(region)
    if key in _subdivisions(country_code):
        return True
    # A dependent territory named before its country: "Réunion, France", "Åland Islands, Finland".
    own = _country_only(region)
    return own is not None and own.code != country_code and not own.region
