"""Filling a template from an agreement: the values of every placeholder in every language of the
draft, the articles the agreement needs (its areas, its term), and the DraftDocument.

Russian forms come from the grammar (the preamble says "в лице Главы администрации … Логвиненко
Алексея, действующего на основании Устава"); a form a person typed on the agreement (name in the
genitive, body in the instrumental …) wins over the generated one. Other languages take what the
data has in them: English names, the partner's own name in its country's language, the template's
glossary for what was entered only in Russian, and the own signatory's name in Latin letters
(the transliteration of Russian passports, ICAO Doc 9303) for a language not written in Cyrillic.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

import iuliia
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date
from babel.languages import get_official_languages
from babel.lists import format_list

from mumidesk import i18n
from mumidesk.domain.agreements import Agreement, AgreementParty, Signatory
from mumidesk.domain.enums import AgreementStatus, CooperationArea, Gender, PartySide
from mumidesk.domain.errors import NotFoundError, ValidationError
from mumidesk.domain.grammar import (
    Case,
    acting_participle,
    decline_body,
    decline_person,
    decline_position,
    guess_gender,
)
from mumidesk.domain.organisations import Person
from mumidesk.i18n import _, ngettext
from mumidesk.reports.drafts.model import DraftArticle, DraftDocument, LangText, SignatureBlock
from mumidesk.reports.drafts.templates import (
    DraftTemplate,
    Missing,
    TemplateArticle,
    get_template,
    load_templates,
    one_paragraph,
    paragraphs,
    substitute,
)
from mumidesk.services.registry import Services

RUSSIAN = "ru"
ENGLISH = "en"
OWN_COUNTRY = "RU"
BLANK = "____________"  # a value not known yet: a line to write it on
DEFAULT_BASIS_RU = "Устава"  # "действующего на основании Устава"
# Before signing the text is a draft ("ПРОЕКТ" on every page); a refused one was never signed.
UNSIGNED = frozenset(
    {
        AgreementStatus.DRAFT,
        AgreementStatus.SENT_FOR_APPROVAL,
        AgreementStatus.APPROVED,
        AgreementStatus.REJECTED,
    }
)

Values = dict[str, "str | Missing"]
T = TypeVar("T")


def list_templates() -> list[DraftTemplate]:
    """Every template (shipped, and the user's that add to or replace them), by id."""
    return list(load_templates().values())


def fill_draft(
    services: Services,
    agreement_id: uuid.UUID,
    template_id: str,
    languages: tuple[str, ...],
) -> DraftDocument:
    """The draft of an agreement from a template, in one language or two (Russian first)."""
    template = get_template(template_id)
    langs = tuple(_as_written(template, lang) for lang in check_languages(languages))
    agreement = services.agreements.get(agreement_id)
    facts = gather(services, agreement)
    return fill(template, facts, langs)


# --- what the agreement says, gathered from the services ---------------------------------------


@dataclass(frozen=True)
class PartyFacts:
    side: PartySide
    body_ru: str = ""
    body_en: str = ""
    body_ru_genitive: str = ""  # typed by a person: wins over the grammar
    body_ru_instrumental: str = ""
    signatory: Signatory | None = None
    person: Person | None = None  # the signatory's person record: surname, first name …
    city_ru: str = ""
    city_en: str = ""
    city_local: str = ""  # the partner's own name, in its country's language
    country: str = ""  # ISO 3166-1


@dataclass(frozen=True)
class AgreementFacts:
    agreement: Agreement
    own: PartyFacts
    partner: PartyFacts


def gather(services: Services, agreement: Agreement) -> AgreementFacts:
    own = _first(agreement.parties, PartySide.OWN)
    partner = _first(agreement.parties, PartySide.PARTNER)
    return AgreementFacts(
        agreement=agreement,
        own=_own_facts(services, agreement, own),
        partner=_partner_facts(services, partner),
    )


def _first(parties: Iterable[AgreementParty], side: PartySide) -> AgreementParty | None:
    return next((p for p in parties if p.side is side), None)


def _person(services: Services, signatory: Signatory | None) -> Person | None:
    if signatory is None or signatory.person_id is None:
        return None
    try:
        return services.people.get(signatory.person_id)
    except NotFoundError:  # deleted since: the name on the agreement is enough
        return None


def _own_facts(
    services: Services, agreement: Agreement, party: AgreementParty | None
) -> PartyFacts:
    municipality_id = (party.municipality_id if party else None) or agreement.municipality_id
    city_ru = city_en = body_ru = body_en = ""
    if municipality_id is not None:
        try:
            municipality = services.municipalities.get(municipality_id)
        except NotFoundError:
            municipality = None
        if municipality is not None:
            city_ru, city_en = municipality.name_ru, municipality.name_en
            body = next((b for b in municipality.bodies if party and b.id == party.body_id), None)
            if body is not None:
                body_ru, body_en = body.name_ru, body.name_en
    if party is None:
        return PartyFacts(PartySide.OWN, city_ru=city_ru, city_en=city_en, country=OWN_COUNTRY)
    signatory = party.signatories[0] if party.signatories else None
    return PartyFacts(
        side=PartySide.OWN,
        body_ru=party.name_ru or body_ru,
        body_en=party.name_en or body_en,
        body_ru_genitive=party.name_ru_genitive,
        body_ru_instrumental=party.name_ru_instrumental,
        signatory=signatory,
        person=_person(services, signatory),
        city_ru=city_ru,
        city_en=city_en,
        country=OWN_COUNTRY,
    )


def _partner_facts(services: Services, party: AgreementParty | None) -> PartyFacts:
    if party is None:
        return PartyFacts(PartySide.PARTNER)
    city_ru = city_en = city_local = country = ""
    if party.partner_id is not None:
        try:
            partner = services.partners.get(party.partner_id)
        except NotFoundError:
            partner = None
        if partner is not None:
            city_ru, city_en, city_local = partner.name_ru, partner.name_en, partner.name_local
            country = partner.country_code
    elif party.municipality_id is not None:  # a Russian partner (Kaluga's duma with Smolensk's)
        try:
            municipality = services.municipalities.get(party.municipality_id)
        except NotFoundError:
            municipality = None
        if municipality is not None:
            city_ru, city_en, country = municipality.name_ru, municipality.name_en, OWN_COUNTRY
    signatory = party.signatories[0] if party.signatories else None
    return PartyFacts(
        side=PartySide.PARTNER,
        body_ru=party.name_ru,
        body_en=party.name_en,
        body_ru_genitive=party.name_ru_genitive,
        body_ru_instrumental=party.name_ru_instrumental,
        signatory=signatory,
        person=_person(services, signatory),
        city_ru=city_ru,
        city_en=city_en,
        city_local=city_local,
        country=country,
    )


# --- languages ---------------------------------------------------------------------------------


def check_languages(languages: Iterable[str]) -> tuple[str, ...]:
    """One or two known language codes, Russian first; ValidationError on ``languages``."""
    codes: list[str] = []
    for raw in languages:
        code = raw.strip().replace("-", "_")
        try:
            Locale.parse(code)
        except (UnknownLocaleError, ValueError, TypeError):
            raise ValidationError.single(
                "languages",
                _("{code!r} is not a language code (ru, en, de, zh …)").format(code=raw),
            ) from None
        if code not in codes:
            codes.append(code)
    if not 1 <= len(codes) <= 2:
        raise ValidationError.single(
            "languages", _("a draft is printed in one language or in two side by side")
        )
    codes.sort(key=lambda code: Locale.parse(code).language != RUSSIAN)
    return tuple(codes)


def _as_written(template: DraftTemplate, lang: str) -> str:
    """The template's code for a requested language: "zh_Hans" is the template's "zh"."""
    if lang in template.title:
        return lang
    base = Locale.parse(lang).language
    return base if base in template.title else lang


@cache
def writes_cyrillic(lang: str) -> bool:
    """Whether a language is written in Cyrillic (CLDR's likely script when the code has none)."""
    locale = Locale.parse(lang)
    script = locale.script
    if not script:
        likely = get_global("likely_subtags").get(locale.language, "")
        parts = likely.split("_")
        script = parts[1] if len(parts) > 1 else ""
    return script == "Cyrl"


def text_languages_of(agreement: Agreement, languages: tuple[str, ...]) -> tuple[str, ...]:
    """The languages the signed text will be in: those printed side by side, or for a
    one-language draft the agreement's own languages (Russian first)."""
    if len(languages) > 1:
        return languages
    codes = list(dict.fromkeys([*agreement.languages, *languages]))
    codes.sort(key=lambda code: code != RUSSIAN)
    return tuple(codes)


# --- filling -----------------------------------------------------------------------------------


def fill(
    template: DraftTemplate, facts: AgreementFacts, languages: tuple[str, ...]
) -> DraftDocument:
    agreement = facts.agreement
    articles = [a for a in template.articles if _applies(a, agreement)]
    _require_texts(template, articles, languages)
    values = {lang: _Language(template, facts, lang, languages).values() for lang in languages}

    # The template's own line breaks go first; the values keep their special spaces (Babel's).
    def text(texts: dict[str, str]) -> LangText:
        return {lang: substitute(one_paragraph(texts[lang]), values[lang]) for lang in languages}

    def block(texts: dict[str, str]) -> LangText:
        return {
            lang: "\n".join(substitute(p, values[lang]) for p in paragraphs(texts[lang]))
            for lang in languages
        }

    drafted = tuple(
        DraftArticle(
            number=number,
            title=text(article.title),
            paragraphs={
                lang: tuple(substitute(p, values[lang]) for p in paragraphs(article.text[lang]))
                for lang in languages
            },
        )
        for number, article in enumerate(articles, start=1)
    )
    signatures = tuple(
        SignatureBlock(
            body=text(labels.body), position=text(labels.position), name=text(labels.name)
        )
        for labels in (template.signatures["own"], template.signatures["partner"])
    )
    title = text(template.title)
    return DraftDocument(
        template_id=template.id,
        languages=languages,
        title=title,
        preamble=block(template.preamble),
        articles=drafted,
        signatures=signatures,
        closing=block(template.closing),
        is_draft=agreement.status in UNSIGNED,
        meta_title=title[languages[0]],
    )


def _applies(article: TemplateArticle, agreement: Agreement) -> bool:
    if article.area is not None and article.area not in agreement.areas:
        return False
    holds = {
        "fixed_term": agreement.term_months is not None,
        "indefinite_term": agreement.term_months is None,
        "prolongation": agreement.auto_prolongation,
        "no_prolongation": not agreement.auto_prolongation,
    }
    return all(holds[condition] for condition in article.when)


def _require_texts(
    template: DraftTemplate, articles: list[TemplateArticle], languages: tuple[str, ...]
) -> None:
    texts: list[dict[str, str]] = [template.title, template.preamble, template.closing]
    for article in articles:
        texts += [article.title, article.text]
    for labels in template.signatures.values():
        texts += [labels.body, labels.position, labels.name]
    for lang in languages:
        if any(lang not in t for t in texts):
            raise ValidationError.single(
                "languages",
                _(
                    "the template {template} ({file}) has no text in {language}; it has: "
                    "{available}"
                ).format(
                    template=template.id,
                    file=template.path.name,
                    language=lang,
                    available=", ".join(template.languages) or "—",
                ),
            )


class _Language:
    """The placeholder values in one language of the draft."""

    def __init__(
        self,
        template: DraftTemplate,
        facts: AgreementFacts,
        lang: str,
        languages: tuple[str, ...],
    ) -> None:
        self.template = template
        self.facts = facts
        self.lang = lang
        self.base = Locale.parse(lang).language
        self.is_russian = self.base == RUSSIAN
        self.cyrillic = writes_cyrillic(lang)
        self.glossary = template.glossary.get(lang) or template.glossary.get(self.base) or {}
        self.languages = languages

    def missing(self, what: str) -> Missing:
        return Missing(
            _("the template {template} ({file}) has no {what} for {language}").format(
                template=self.template.id,
                file=self.template.path.name,
                what=what,
                language=self.lang,
            )
        )

    def table(self, tables: dict[str, T]) -> T | None:
        return tables.get(self.lang) or tables.get(self.base)

    def values(self) -> Values:
        agreement = self.facts.agreement
        values: Values = {}
        for prefix, party in (("own", self.facts.own), ("partner", self.facts.partner)):
            values.update({f"{prefix}_{k}": v for k, v in self.party(party).items()})
        values["areas"] = self.areas(agreement.areas)
        values["term"] = self.period(agreement.term_months)
        values["prolongation"] = self.period(agreement.prolongation_months or agreement.term_months)
        values["text_languages"] = self.text_languages()
        values["signing_place"] = (
            self.entered(agreement.signed_place) if agreement.signed_place else BLANK
        )
        values["signing_date"] = (
            format_date(agreement.signed_date, "long", locale=self.lang)
            if agreement.signed_date
            else BLANK
        )
        return values

    # Values the data holds in Russian (and perhaps English): the glossary, then the English,
    # then the Russian text.
    def entered(self, ru: str, en: str = "") -> str:
        if self.is_russian:
            return ru or en
        if self.base == ENGLISH and en:
            return en
        if ru and ru in self.glossary:
            return self.glossary[ru]
        if self.cyrillic:
            return ru or en
        return en or ru

    def party(self, party: PartyFacts) -> dict[str, str]:
        values = self.names(party)
        values.update(self.signatory(party))
        if party.country:
            country = str(Locale.parse(self.lang).territories.get(party.country, party.country))
        else:
            country = BLANK
        values["country"] = country
        return values

    def names(self, party: PartyFacts) -> dict[str, str]:
        if self.is_russian:
            body = party.body_ru or BLANK
            city = party.city_ru or BLANK
            return {
                "body": body,
                "body_genitive": party.body_ru_genitive or _declined_body(body, Case.GENITIVE),
                "body_instrumental": party.body_ru_instrumental
                or _declined_body(body, Case.INSTRUMENTAL),
                "city": city,
                "city_genitive": _declined_body(city, Case.GENITIVE),
                "city_instrumental": _declined_body(city, Case.INSTRUMENTAL),
            }
        body = self.entered(party.body_ru, party.body_en) or BLANK
        city = self.city(party) or BLANK
        return {
            "body": body,
            "body_genitive": body,
            "body_instrumental": body,
            "city": city,
            "city_genitive": city,
            "city_instrumental": city,
        }

    def city(self, party: PartyFacts) -> str:
        """The partner's own name in a language of its country; otherwise as entered."""
        if (
            party.city_local
            and party.country
            and self.base in get_official_languages(party.country)
            and self.base != RUSSIAN
        ):
            return party.city_local
        return self.entered(party.city_ru, party.city_en)

    def signatory(self, party: PartyFacts) -> dict[str, str]:
        s = party.signatory
        if s is None or not s.full_name.strip():
            return {
                "signatory": BLANK,
                "signatory_genitive": BLANK,
                "signatory_short": BLANK,
                "position": BLANK,
                "position_genitive": BLANK,
                "acting": acting_participle(Gender.UNKNOWN) if self.is_russian else "",
                "basis": self.entered(DEFAULT_BASIS_RU),
            }
        full, short = _name_forms(s, party.person)
        gender = s.gender if s.gender is not Gender.UNKNOWN else guess_gender(full)
        position_ru = s.position.strip()
        basis_ru = s.acts_on_basis_of.strip() or DEFAULT_BASIS_RU
        if self.is_russian:
            known = None if gender is Gender.UNKNOWN else gender
            return {
                "signatory": full,
                "signatory_genitive": s.name_genitive.strip()
                or decline_person(full, Case.GENITIVE, known),
                "signatory_short": short,
                "position": position_ru or BLANK,
                "position_genitive": s.position_genitive.strip()
                or (decline_position(position_ru, Case.GENITIVE) if position_ru else BLANK),
                "acting": acting_participle(gender),
                "basis": basis_ru,
            }
        if _is_note(full):  # "(ФИО уточняется)": a Russian note, not a name
            full = short = BLANK
        elif party.side is PartySide.OWN and not self.cyrillic:
            full, short = _latin(full), _latin(short)
        position = self.entered(position_ru, s.position_en.strip()) or BLANK
        return {
            "signatory": full,
            "signatory_genitive": full,
            "signatory_short": short,
            "position": position,
            "position_genitive": position,
            "acting": "",
            "basis": self.entered(basis_ru),
        }

    def areas(self, areas: list[CooperationArea]) -> str | Missing:
        if not areas:
            return BLANK
        table = self.template.areas.get(self.lang) or self.template.areas.get(self.base) or {}
        labels: list[str] = []
        for area in areas:
            if area in table:
                labels.append(table[area])
            elif self.base in i18n.SUPPORTED:
                with i18n.language(self.base):
                    labels.append(_lower_first(area.label()))
            else:
                return self.missing(
                    _("label of the area {area!r} ([areas.{language}])").format(
                        area=area.value, language=self.lang
                    )
                )
        return format_list(labels, locale=self.lang)

    def period(self, months: int | None) -> str | Missing:
        if months is None:
            return BLANK
        unit, count = ("year", months // 12) if months % 12 == 0 else ("month", months)
        forms = (self.table(self.template.units) or {}).get(unit)
        if forms:
            category = Locale.parse(self.lang).plural_form(count)
            pattern = forms.get(category) or forms["other"]
            return substitute(pattern, {"n": str(count)})
        if self.base in i18n.SUPPORTED:
            with i18n.language(self.base):
                if unit == "year":
                    return ngettext("{count} year", "{count} years", count).format(count=count)
                return ngettext("{count} month", "{count} months", count).format(count=count)
        return self.missing(
            _("wording of the term ([units.{language}] {unit})").format(
                language=self.lang, unit=unit
            )
        )

    def text_languages(self) -> str | Missing:
        forms = self.table(self.template.text_languages)
        if not forms:
            return self.missing(
                _("wording of the languages of the text ([text_languages.{language}])").format(
                    language=self.lang
                )
            )
        codes = text_languages_of(self.facts.agreement, self.languages)
        names = [self.language_name(code) for code in codes]
        pattern = forms["single"] if len(names) == 1 else forms["several"]
        return substitute(pattern, {"list": format_list(names, locale=self.lang)})

    def language_name(self, code: str) -> str:
        table = self.table(self.template.language_names) or {}
        if code in table:
            return table[code]
        base = Locale.parse(code).language
        if base in table:
            return table[base]
        name = str(Locale.parse(self.lang).languages.get(base, code))
        if self.is_russian:  # "на русском и английском языках": the adjective's prepositional
            declined = decline_body(f"{name} язык", Case.PREPOSITIONAL)
            if declined.endswith(" языке"):
                return declined.removesuffix(" языке")
        return name


def _declined_body(name: str, case: Case) -> str:
    return name if name == BLANK else decline_body(name, case)


def _is_note(name: str) -> bool:
    text = name.strip()
    return text.startswith("(") and text.endswith(")")


def _name_forms(signatory: Signatory, person: Person | None) -> tuple[str, str]:
    """The full name surname first, as Russian official texts write it, and the short form of
    signature blocks ("А. Логвиненко"). The person record tells the parts when it holds the same
    words as the agreement; otherwise the name is used as typed."""
    typed = " ".join(signatory.full_name.split())
    if person is None or sorted(person.full_name.split()) != sorted(typed.split()):
        return typed, typed
    initials = "".join(f"{part[0]}." for part in (person.first_name, person.patronymic) if part)
    short = f"{initials} {person.last_name}" if initials else person.last_name
    return person.full_name, short


def _latin(text: str) -> str:
    return str(iuliia.ICAO_DOC_9303.translate(text))


def _lower_first(label: str) -> str:
    """ "Образование" → "образование" inside a sentence; an abbreviation ("IT") stays."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]
