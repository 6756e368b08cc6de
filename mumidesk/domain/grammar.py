"""Russian declension for agreement texts: people's names, positions and bodies in any case.

Names go through pytrovich (the petrovich rules: indeclinable -енко/-ых/-аго, foreign and female
consonant surnames, double surnames); positions and bodies through pymorphy3 (OpenCorpora
dictionary). Only the head phrase of a position or body declines — the leading adjectives and
participles with their noun; the genitive words after it stay as written ("Главы администрации
города Ростова-на-Дону"). Anything the rules cannot read (a placeholder like "(ФИО уточняется)",
Latin text, four-word names) comes back unchanged: a form left alone is safer in a legal text
than a wrong one, and the agreement form lets a person type the right one.

Both analysers load on first use and stay cached: importing this module costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from mumidesk.domain.enums import Gender

if TYPE_CHECKING:
    from pytrovich.detector import PetrovichGenderDetector
    from pytrovich.maker import PetrovichDeclinationMaker


class Case(StrEnum):
    NOMINATIVE = "nominative"
    GENITIVE = "genitive"
    DATIVE = "dative"
    ACCUSATIVE = "accusative"
    INSTRUMENTAL = "instrumental"
    PREPOSITIONAL = "prepositional"


# OpenCorpora grammemes used by pymorphy3
_GRAMMEME = {
    Case.NOMINATIVE: "nomn",
    Case.GENITIVE: "gent",
    Case.DATIVE: "datv",
    Case.ACCUSATIVE: "accs",
    Case.INSTRUMENTAL: "ablt",
    Case.PREPOSITIONAL: "loct",
}


def acting_participle(gender: Gender) -> str:
    """The participle of "…, действующего на основании Устава" for the signatory's gender:
    "действующего", or "действующей" for a woman."""
    return "действующей" if gender is Gender.FEMALE else "действующего"


# --- the analysers, loaded once on first use -------------------------------------------------


@cache
def _morph() -> Any:
    import pymorphy3
    import pymorphy3_dicts_ru

    # An explicit path: a frozen (PyInstaller) build has no entry points to discover it by.
    return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru")


@cache
def _petrovich() -> tuple[PetrovichDeclinationMaker, PetrovichGenderDetector]:
    from pytrovich.detector import PetrovichGenderDetector
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker(), PetrovichGenderDetector()


# --- people's names ---------------------------------------------------------------------------

_INITIALS = re.compile(r"(?:[А-ЯЁA-Z]\.)+")
_GLUED_INITIALS = re.compile(r"((?:[А-ЯЁA-Z]\.)+)([^.\s]{2,})")  # "А.В.Островский"
_NAME_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
# Only to tell "Имя Отчество Фамилия" from "Фамилия Имя Отчество"; declension is petrovich's.
_MALE_PATRONYMIC = re.compile(r".+ич", re.IGNORECASE)
_FEMALE_PATRONYMIC = re.compile(r".+(?:вна|чна)", re.IGNORECASE)
# Turkic patronymics are two words ("Алирза оглы") and keep their form in Russian texts.
_TURKIC_MALE = frozenset({"оглы", "оглу", "улы", "уулу"})
_TURKIC_FEMALE = frozenset({"кызы", "гызы", "кзы"})

_FIRST, _MIDDLE, _LAST = "first", "middle", "last"
_TURKIC = "turkic"  # the first word of a Turkic patronymic: a patronymic that keeps its form
_UNDECIDED = "?"


@dataclass(frozen=True)
class _NamePiece:
    space: str  # what stood before it in the name, printed again as it was
    text: str
    # _FIRST/_MIDDLE/_LAST/_TURKIC (_UNDECIDED until _roles decides), or None: initials and "оглы",
    # kept as written
    role: str | None


def _is_patronymic(word: str) -> bool:
    return bool(_MALE_PATRONYMIC.fullmatch(word) or _FEMALE_PATRONYMIC.fullmatch(word))


def _first_name_weight(word: str) -> float:
    """How sure the dictionary is that the word is a first name in the nominative."""
    return sum(p.score for p in _morph().parse(word) if "Name" in p.tag and p.tag.case == "nomn")


def _tokens(full_name: str) -> list[tuple[str, str]]:
    """(space before, token) pairs; initials glued to a surname count as two tokens."""
    parts = re.split(r"(\s+)", full_name)
    tokens: list[tuple[str, str]] = []
    for space, token in zip(["", *parts[1::2]], parts[::2], strict=True):
        glued = _GLUED_INITIALS.fullmatch(token)
        tokens += [(space, glued.group(1)), ("", glued.group(2))] if glued else [(space, token)]
    return tokens


@lru_cache(maxsize=1024)
def _name_pieces(full_name: str) -> tuple[_NamePiece, ...] | None:
    """The name split into surname, first name and patronymic; None when it is not a name
    these rules can read (then it is printed as typed)."""
    pieces: list[_NamePiece] = []
    for space, token in _tokens(full_name.strip()):
        if _INITIALS.fullmatch(token):
            pieces.append(_NamePiece(space, token, None))
        elif token.lower() in _TURKIC_MALE | _TURKIC_FEMALE and pieces and pieces[-1].role:
            # "Алирза оглы" is the patronymic: one slot, kept as written
            pieces.append(_NamePiece(space, token, None))
            pieces[-2] = _NamePiece(pieces[-2].space, pieces[-2].text, _TURKIC)
        elif _NAME_WORD.fullmatch(token):
            pieces.append(_NamePiece(space, token, _UNDECIDED))
        else:
            return None
    slots = [i for i, p in enumerate(pieces) if p.role is not None]
    roles = _roles([pieces[i] for i in slots])
    if roles is None:
        return None
    for i, role in zip(slots, roles, strict=True):
        pieces[i] = _NamePiece(pieces[i].space, pieces[i].text, role)
    return tuple(pieces)


def _roles(slots: Sequence[_NamePiece]) -> list[str] | None:
    def patronymic(i: int) -> bool:
        return slots[i].role == _TURKIC or _is_patronymic(slots[i].text)

    def middle(i: int) -> str:
        return _TURKIC if slots[i].role == _TURKIC else _MIDDLE

    if len(slots) == 3:  # "Иванов Иван Иванович" or "Иван Иванович Иванов"
        if patronymic(1):
            return [_FIRST, middle(1), _LAST]
        return [_LAST, _FIRST, middle(2)]
    if len(slots) == 2:
        if patronymic(1):  # "Иван Иванович"
            return [_FIRST, middle(1)]
        if patronymic(0):
            return None
        # "Александр Иванов" or "Иванов Александр": the dictionary knows first names
        if _first_name_weight(slots[1].text) > _first_name_weight(slots[0].text):
            return [_LAST, _FIRST]
        return [_FIRST, _LAST]
    if len(slots) == 1 and not patronymic(0):
        return [_LAST]
    return None


def _part_of(pieces: Sequence[_NamePiece], role: str) -> str | None:
    return next((p.text for p in pieces if p.role == role), None)


def _guess(pieces: Sequence[_NamePiece]) -> Gender:
    from pytrovich.enums import Gender as PGender

    if any(p.role == _TURKIC for p in pieces):
        particles = {p.text.lower() for p in pieces} & (_TURKIC_MALE | _TURKIC_FEMALE)
        return Gender.MALE if particles <= _TURKIC_MALE else Gender.FEMALE
    first, last = _part_of(pieces, _FIRST), _part_of(pieces, _LAST)
    middle = _part_of(pieces, _MIDDLE)
    detected = _petrovich()[1].detect(firstname=first, lastname=last, middlename=middle)
    if detected is PGender.MALE:
        return Gender.MALE
    if detected is PGender.FEMALE:
        return Gender.FEMALE
    # petrovich has no opinion (a rare or foreign name): ask the dictionary's tags
    for word, mark in ((first, "Name"), (last, "Surn")):
        if word is None:
            continue
        genders = {
            p.tag.gender for p in _morph().parse(word) if mark in p.tag and p.tag.case == "nomn"
        }
        if genders == {"masc"}:
            return Gender.MALE
        if genders == {"femn"}:
            return Gender.FEMALE
    return Gender.UNKNOWN


def guess_gender(full_name: str) -> Gender:
    """The gender a name shows (patronymic first, then first name and surname), or UNKNOWN."""
    pieces = _name_pieces(full_name)
    if pieces is None:
        return Gender.UNKNOWN
    return _guess(pieces)


@lru_cache(maxsize=4096)
def decline_person(full_name: str, case: Case, gender: Gender | None = None) -> str:
    """The name in a case: "Иванов Иван Иванович" → "Иванова Ивана Ивановича".

    Either order ("Фамилия Имя Отчество", "Имя Отчество Фамилия"), initials ("А.В. Островский"),
    double surnames; indeclinable surnames stay. The gender comes from the argument, else from
    the name; when neither tells, the name is left as written.
    """
    if case is Case.NOMINATIVE:
        return full_name
    pieces = _name_pieces(full_name)
    if pieces is None:
        return full_name
    if gender is None or gender is Gender.UNKNOWN:
        gender = _guess(pieces)
    if gender is Gender.UNKNOWN:
        return full_name  # "Шевчук" is "Шевчука" for him and "Шевчук" for her: don't guess
    from pytrovich.enums import Case as PCase
    from pytrovich.enums import Gender as PGender
    from pytrovich.enums import NamePart

    maker = _petrovich()[0]
    p_gender = PGender.MALE if gender is Gender.MALE else PGender.FEMALE
    p_case = PCase[case.name]
    parts = {_FIRST: NamePart.FIRSTNAME, _MIDDLE: NamePart.MIDDLENAME, _LAST: NamePart.LASTNAME}
    out = []
    for piece in pieces:
        part = parts.get(piece.role or "")
        text = piece.text if part is None else maker.make(part, p_gender, p_case, piece.text)
        out.append(piece.space + text)
    return "".join(out)


# --- positions and bodies ---------------------------------------------------------------------

_SPACES = re.compile(r"(\s+)")
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_MODIFIERS = frozenset({"ADJF", "PRTF"})


@dataclass(frozen=True)
class _Word:
    core: str  # the part that declines
    tail: str  # kept as written: "-на-Дону" of "Ростовская-на-Дону"
    parses: tuple[Any, ...]

    def nominative(self, *pos: str) -> list[Any]:
        return [p for p in self.parses if p.tag.POS in pos and p.tag.case == "nomn"]


def _word(token: str) -> _Word | None:
    if not _WORD.fullmatch(token):
        return None
    core, tail = token, ""
    pieces = token.split("-")
    # "Ростовская-на-Дону": the dictionary knows no such word; its first part declines alone
    if len(pieces) > 2 and not _morph().word_is_known(token.lower()):
        core, tail = pieces[0], "-" + "-".join(pieces[1:])
    return _Word(core, tail, tuple(_morph().parse(core.lower())))


def _agrees(modifier: Any, noun: Any) -> bool:
    if modifier.tag.number != noun.tag.number:
        return False
    if noun.tag.number != "sing":
        return True
    if "ms-f" in noun.tag:  # "глава": either agreement
        return modifier.tag.gender in ("masc", "femn")
    return bool(modifier.tag.gender == noun.tag.gender)


def _head(words: Sequence[_Word | None], animate: bool) -> list[tuple[int, Any]] | None:
    """The head phrase: (word index, chosen parse) for the leading adjectives or participles and
    the first noun they agree with; a participle or adjective alone when no noun follows it
    ("Исполняющий обязанности главы"). None when the phrase does not start with either."""
    start = 0
    while start < len(words) and (w := words[start]) is not None and w.parses[0].tag.POS == "ADVB":
        start += 1  # "Временно исполняющий …"
    modifiers: list[list[Any]] = []
    best: list[tuple[int, Any]] | None = None
    for index in range(start, len(words)):
        word = words[index]
        if word is None:
            break
        # a position names a person, a body a thing: "Глава" the official, not the chapter
        nouns = sorted(word.nominative("NOUN"), key=lambda p: (p.tag.animacy == "anim") != animate)
        for noun in nouns:
            chosen = [next((m for m in ms if _agrees(m, noun)), None) for ms in modifiers]
            if all(m is not None for m in chosen):
                # the longest agreeing phrase wins: in "Могилевский городской Совет" the
                # first word could be a surname, but it is an adjective of "Совет"
                best = [(start + i, m) for i, m in enumerate(chosen)] + [(index, noun)]
                break
        candidates = word.nominative(*_MODIFIERS)
        if not candidates:
            break
        modifiers.append(candidates)
    if best is None and modifiers:
        return [(start, modifiers[0][0])]
    return best


def _restore_case(original: str, declined: str) -> str:
    """Capitals and ё as the author wrote them ("Городской Думой", not "городской думой")."""
    if "ё" not in original.lower():
        declined = declined.replace("ё", "е")
    pieces, originals = declined.split("-"), original.split("-")
    if len(pieces) != len(originals):
        originals = [original] * len(pieces)
    out = []
    for piece, orig in zip(pieces, originals, strict=True):
        if len(orig) > 1 and orig.isupper():
            out.append(piece.upper())
        elif orig[:1].isupper():
            out.append(piece[:1].upper() + piece[1:])
        else:
            out.append(piece)
    return "-".join(out)


def _inflect(parse: Any, case: Case, animate: bool, noun: Any = None) -> str | None:
    grammemes = {_GRAMMEME[case]}
    if parse.tag.POS in _MODIFIERS:
        # the accusative of "первый заместитель" is "первого заместителя" (animate)
        agree_with = noun if noun is not None else parse
        if case is Case.ACCUSATIVE and (
            agree_with.tag.number == "plur" or {"masc", "ms-f"} & agree_with.tag.grammemes
        ):
            grammemes.add("anim" if animate else "inan")
    form = parse.inflect(grammemes)
    return None if form is None else str(form.word)


@lru_cache(maxsize=4096)
def _decline_phrase(text: str, case: Case, animate: bool) -> str:
    if case is Case.NOMINATIVE:
        return text
    tokens = _SPACES.split(text)
    words = [_word(t) for t in tokens[::2]]  # even items are words, odd items the spaces
    head = _head(words, animate)
    if head is None:
        return text
    noun = head[-1][1] if head[-1][1].tag.POS == "NOUN" else None
    # a person or a thing (the accusative differs): the noun knows, else the kind of phrase
    animacy = noun.tag.animacy if noun is not None else None
    is_animate = animacy == "anim" if animacy else animate
    for index, parse in head:
        word = words[index]
        assert word is not None
        form = _inflect(parse, case, is_animate, noun)
        if form is None:
            return text  # the dictionary has no such form: leave the phrase as written
        tokens[2 * index] = _restore_case(word.core, form) + word.tail
    return "".join(tokens)


def decline_position(position: str, case: Case) -> str:
    """A position in a case: the head phrase declines, the words that depend on it stay
    ("Глава администрации города Ростова-на-Дону" → "Главы администрации города Ростова-на-Дону",
    "Исполняющий обязанности главы" → "Исполняющего обязанности главы")."""
    return _decline_phrase(position, case, animate=True)


def decline_body(name: str, case: Case) -> str:
    """A body's name in a case, declined like a position but as a thing, not a person
    ("Городская Дума города Калуги" → instrumental "Городской Думой города Калуги")."""
    return _decline_phrase(name, case, animate=False)
