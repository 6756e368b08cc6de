"""Agreement templates: TOML files that staff copy and edit (resources/templates/README.md).

A template is data, never code: its texts carry ``{{ name }}`` placeholders from a fixed list and
are filled by strict substitution (a regular expression, no eval, no template engine). Everything
is checked when the file is loaded, so a typo shows at once as a TemplateError naming the file and
the line, not as a half-filled document.

Shipped templates live in resources/templates/; the files in the user's data folder
(``settings.data_dir() / "templates"``) add to them, and one with the id of a shipped template
replaces it.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from mumidesk import settings
from mumidesk.domain.enums import AgreementKind, CooperationArea
from mumidesk.domain.errors import DomainError, ValidationError
from mumidesk.i18n import _
from mumidesk.resources import RESOURCES

LangText = dict[str, str]

SHIPPED_DIR = RESOURCES / "templates"
TEMPLATE_SUFFIX = ".toml"

# The placeholders of the document's texts. Each is filled per language (resources/templates/
# README.md says what each one holds).
PARTY_PLACEHOLDERS = (
    "body",
    "body_genitive",
    "body_instrumental",
    "signatory",
    "signatory_genitive",
    "signatory_short",
    "position",
    "position_genitive",
    "acting",
    "basis",
    "city",
    "city_genitive",
    "city_instrumental",
    "country",
)
TEXT_PLACEHOLDERS = frozenset(
    [f"{side}_{name}" for side in ("own", "partner") for name in PARTY_PLACEHOLDERS]
    + [
        "areas",
        "term",
        "prolongation",
        "text_languages",
        "signing_place",
        "signing_date",
    ]
)
UNIT_PLACEHOLDERS = frozenset({"n"})  # [units.<lang>]: "{{ n }} Jahre"
LIST_PLACEHOLDERS = frozenset({"list"})  # [text_languages.<lang>]: "in {{ list }} Sprache"

# Conditions an article may carry in ``when``: each must hold for the article to appear.
CONDITIONS = frozenset({"fixed_term", "indefinite_term", "prolongation", "no_prolongation"})
FINAL_ROLE = "final"
UNITS = ("year", "month")
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})
TEXT_LANGUAGE_FORMS = ("single", "several")
SIGNATURE_SIDES = ("own", "partner")
SIGNATURE_FIELDS = ("body", "position", "name")

_TOP_KEYS = frozenset(
    {
        "id",
        "kind",
        "name",
        "title",
        "preamble",
        "articles",
        "closing",
        "signatures",
        "areas",
        "units",
        "text_languages",
        "language_names",
        "glossary",
    }
)
_ARTICLE_KEYS = frozenset({"title", "text", "area", "when", "role"})
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_LANG = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?$")
# A placeholder: two braces, a name, two braces. "{{{{" and "}}}}" stand for literal braces.
_TOKEN = re.compile(r"\{\{\{\{|\}\}\}\}|\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_STRAY = re.compile(r"\{\{|\}\}")
_TOML_LINE = re.compile(r"at line (\d+)")
_ARTICLE_HEADER = re.compile(r"^\s*\[\[\s*articles\s*\]\]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


class TemplateError(DomainError):
    """A template file that cannot be used: names the file, the line and what is wrong."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        if line is None:
            text = _("Template {file}: {message}").format(file=path, message=message)
        else:
            text = _("Template {file}, line {line}: {message}").format(
                file=path, line=line, message=message
            )
        super().__init__(text)


@dataclass(frozen=True)
class TemplateArticle:
    title: LangText
    text: LangText  # paragraphs separated by an empty line
    area: CooperationArea | None = None  # only when this area of cooperation is chosen
    when: tuple[str, ...] = ()  # CONDITIONS that must all hold
    role: str = ""  # "final": the standard final clauses, always after the other articles
    line: int = 0  # where the article starts in its file


@dataclass(frozen=True)
class SignatureLabels:
    """One party's signature block: body, position and name per language, with placeholders."""

    body: LangText
    position: LangText
    name: LangText


@dataclass(frozen=True)
class DraftTemplate:
    id: str
    kind: AgreementKind
    path: Path
    names: LangText  # the template's name in the list of templates
    title: LangText
    preamble: LangText
    articles: tuple[TemplateArticle, ...]
    closing: LangText
    signatures: dict[str, SignatureLabels]  # "own", "partner"
    areas: dict[str, dict[CooperationArea, str]] = field(default_factory=dict)
    units: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    text_languages: dict[str, dict[str, str]] = field(default_factory=dict)
    language_names: dict[str, dict[str, str]] = field(default_factory=dict)
    glossary: dict[str, dict[str, str]] = field(default_factory=dict)
    is_user: bool = False  # from the user's folder (added or replacing a shipped one)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the whole document is written in (every text has them)."""
        texts: list[LangText] = [self.title, self.preamble, self.closing]
        for article in self.articles:
            texts += [article.title, article.text]
        for labels in self.signatures.values():
            texts += [labels.body, labels.position, labels.name]
        common = set(texts[0])
        for text in texts[1:]:
            common &= set(text)
        ordered = [lang for lang in self.title if lang in common]
        return tuple(sorted(ordered, key=lambda lang: (lang != "ru", ordered.index(lang))))

    def name(self, lang: str) -> str:
        """The template's name in ``lang``, else in English, else in Russian, else its id."""
        return self.names.get(lang) or self.names.get("en") or self.names.get("ru") or self.id


# --- substitution -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Missing:
    """A value that cannot be given: using it raises ValidationError with this message."""

    message: str


Values = Mapping[str, "str | Missing"]


def placeholders_in(text: str) -> list[tuple[str, str]]:
    """(name, as written) of every placeholder in ``text``; ValueError for a stray brace pair."""
    found: list[tuple[str, str]] = []

    def note(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            found.append((match.group(1), match.group(0)))
        return ""

    rest = _TOKEN.sub(note, text)
    stray = _STRAY.search(rest)
    if stray is not None:
        raise ValueError(stray.group(0))
    return found


def substitute(text: str, values: Values) -> str:
    """``text`` with each ``{{ name }}`` replaced by its value, in one pass: a value is never read
    as a template itself. Every name must be in ``values`` (the loader checked that)."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{{{":
            return "{{"
        if token == "}}}}":
            return "}}"
        value = values[match.group(1)]
        if isinstance(value, Missing):
            raise ValidationError.single("template", value.message)
        return value

    return _TOKEN.sub(replace, text)


def paragraphs(text: str) -> tuple[str, ...]:
    """A text's paragraphs: split at empty lines, each paragraph's line breaks made spaces (a
    TOML multi-line string wraps as its author typed it) — or nothing, next to Chinese, Japanese
    or Korean characters, which are written without spaces."""
    parts = (
        _LINE_BREAK.sub(_join_lines, part).strip() for part in _PARAGRAPH_BREAK.split(text.strip())
    )
    return tuple(part for part in parts if part)


def _join_lines(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return "" if _is_wide(before) or _is_wide(after) else " "


def _is_wide(char: str) -> bool:
    """A CJK character or full-width punctuation (East Asian Wide or Fullwidth)."""
    return bool(char) and unicodedata.east_asian_width(char) in ("W", "F")


def one_paragraph(text: str) -> str:
    return " ".join(paragraphs(text))


# --- loading ------------------------------------------------------------------------------------


def shipped_dir() -> Path:
    return SHIPPED_DIR


def user_dir() -> Path:
    return settings.data_dir() / "templates"


def template_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(
        p for p in directory.iterdir() if p.suffix == TEMPLATE_SUFFIX and p.name[0] not in "._"
    )


def load_templates(directories: Iterable[Path] | None = None) -> dict[str, DraftTemplate]:
    """Every template by id. Later folders add to and override earlier ones: by default the
    shipped folder, then the user's. Two files with one id in the same folder are an error."""
    dirs = list(directories) if directories is not None else [shipped_dir(), user_dir()]
    found: dict[str, DraftTemplate] = {}
    for index, directory in enumerate(dirs):
        here: dict[str, Path] = {}
        for path in template_files(directory):
            template = load_template(path, is_user=index > 0)
            if template.id in here:
                raise TemplateError(
                    path,
                    _line_of_key(path.read_text(encoding="utf-8").splitlines(), "id"),
                    _("the id {id!r} is already used by {other}").format(
                        id=template.id, other=here[template.id]
                    ),
                )
            here[template.id] = path
            found[template.id] = template
    return dict(sorted(found.items()))


def get_template(template_id: str, directories: Iterable[Path] | None = None) -> DraftTemplate:
    templates = load_templates(directories)
    try:
        return templates[template_id]
    except KeyError:
        raise ValidationError.single(
            "template",
            _("no template {id!r}; available: {ids}").format(
                id=template_id, ids=", ".join(templates) or "—"
            ),
        ) from None


def load_template(path: Path, *, is_user: bool = False) -> DraftTemplate:
    """Read and check one template file; TemplateError names the file and the line."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateError(
            path, None, _("the file is not UTF-8 text ({error})").format(error=exc)
        ) from None
    except OSError as exc:
        raise TemplateError(
            path, None, _("cannot read the file ({error})").format(error=exc)
        ) from None
    return _parse(path, raw, is_user)


# The same text is not checked again: the list of templates and every draft read all the files.
@lru_cache(maxsize=64)
def _parse(path: Path, raw: str, is_user: bool) -> DraftTemplate:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        raise TemplateError(
            path,
            int(match.group(1)) if match else None,
            _("not a valid TOML file: {error}").format(error=exc),
        ) from None
    return _Reader(path, raw, is_user).template(data)


class _Reader:
    """Checks a parsed file and turns it into a DraftTemplate; knows where things are written."""

    def __init__(self, path: Path, raw: str, is_user: bool) -> None:
        self.path = path
        self.lines = raw.splitlines()
        self.is_user = is_user
        self.article_lines = [
            i + 1 for i, line in enumerate(self.lines) if _ARTICLE_HEADER.match(line)
        ]

    def fail(self, line: int | None, message: str) -> TemplateError:
        return TemplateError(self.path, line or None, message)

    def key_line(self, key: str, start: int = 1) -> int:
        return _line_of_key(self.lines, key, start)

    def top_line(self, key: str) -> int:
        """Where a top-level key is: its table header anywhere, or a plain key before the
        first table (after it, ``title.ru = …`` belongs to an article)."""
        header = _line_of_key(self.lines, key, header_only=True)
        if header:
            return header
        found = _line_of_key(self.lines, key)
        first_table = next(
            (i + 1 for i, line in enumerate(self.lines) if line.lstrip().startswith("[")),
            len(self.lines) + 1,
        )
        return found if found and found < first_table else 0

    def template(self, data: dict[str, Any]) -> DraftTemplate:
        for key in data:
            if key not in _TOP_KEYS:
                raise self.fail(
                    self.key_line(key),
                    _("unknown key {key!r}; allowed: {allowed}").format(
                        key=key, allowed=", ".join(sorted(_TOP_KEYS))
                    ),
                )
        template_id = data.get("id")
        if not isinstance(template_id, str) or not _ID.match(template_id):
            raise self.fail(
                self.top_line("id"),
                _("'id' must be a short name of lower-case Latin letters, digits, _ or -"),
            )
        kind_code = data.get("kind")
        try:
            kind = AgreementKind(str(kind_code))
        except ValueError:
            raise self.fail(
                self.top_line("kind"),
                _("'kind' must be one of: {allowed}").format(
                    allowed=", ".join(k.value for k in AgreementKind)
                ),
            ) from None
        articles = self.articles(data.get("articles"))
        return DraftTemplate(
            id=template_id,
            kind=kind,
            path=self.path,
            names=self.lang_text(data, "name", TEXT_PLACEHOLDERS, check=False),
            title=self.lang_text(data, "title", TEXT_PLACEHOLDERS),
            preamble=self.lang_text(data, "preamble", TEXT_PLACEHOLDERS),
            articles=articles,
            closing=self.lang_text(data, "closing", TEXT_PLACEHOLDERS),
            signatures=self.signatures(data.get("signatures")),
            areas=self.areas(data.get("areas", {})),
            units=self.units(data.get("units", {})),
            text_languages=self.text_languages(data.get("text_languages", {})),
            language_names=self.plain_tables(data.get("language_names", {}), "language_names"),
            glossary=self.plain_tables(data.get("glossary", {}), "glossary"),
            is_user=self.is_user,
        )

    # A table of texts by language: [preamble] ru = "…" en = "…"
    def lang_text(
        self,
        table: Mapping[str, Any],
        key: str,
        allowed: frozenset[str],
        *,
        start: int = 0,
        where: str = "",
        check: bool = True,
    ) -> LangText:
        line = self.key_line(key, start) if start else self.top_line(key)
        label = where or key
        value = table.get(key)
        if not isinstance(value, dict) or not value:
            raise self.fail(
                line or None,
                _('{what!r} needs a text per language, e.g. {what}.ru = "…"').format(what=label),
            )
        texts: LangText = {}
        for lang, text in value.items():
            # "[preamble]" then "ru = …", or "text.ru = …": the line of this language's text
            if line and self.lines[line - 1].lstrip().startswith("["):
                here = self.key_line(lang, line) or line
            else:
                here = self.key_line(f"{key}.{lang}", line) or line
            if not _LANG.match(lang):
                raise self.fail(
                    here,
                    _("{lang!r} in {what!r} is not a language code (ru, en, de, zh …)").format(
                        lang=lang, what=label
                    ),
                )
            if not isinstance(text, str) or not text.strip():
                raise self.fail(
                    here,
                    _("the {lang!r} text of {what!r} must be non-empty text").format(
                        lang=lang, what=label
                    ),
                )
            if check:
                self.check_placeholders(text, allowed, here, f"{label}.{lang}")
            texts[lang] = text
        return texts

    def check_placeholders(self, text: str, allowed: frozenset[str], line: int, where: str) -> None:
        try:
            found = placeholders_in(text)
        except ValueError as exc:
            stray = str(exc)
            raise self.fail(
                _line_of_text(self.lines, stray, line) or line,
                _(
                    "in {where}: {stray!r} that is not a placeholder; a placeholder is "
                    "{{{{ name }}}} with a name from the list, and {{{{{{{{ or }}}}}}}} "
                    "writes the braces themselves"
                ).format(where=where, stray=stray),
            ) from None
        for name, written in found:
            if name not in allowed:
                raise self.fail(
                    _line_of_text(self.lines, written, line) or line,
                    _("in {where}: unknown placeholder {written}; known: {known}").format(
                        where=where, written=written, known=", ".join(sorted(allowed))
                    ),
                )

    def articles(self, value: Any) -> tuple[TemplateArticle, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(
                self.top_line("articles"), _("the template needs [[articles]] (at least one)")
            )
        read: list[TemplateArticle] = []
        for index, article in enumerate(value):
            line = self.article_lines[index] if index < len(self.article_lines) else 0
            where = _("article {number}").format(number=index + 1)
            if not isinstance(article, dict):
                raise self.fail(line or None, _("{where} must be a table").format(where=where))
            for key in article:
                if key not in _ARTICLE_KEYS:
                    raise self.fail(
                        self.key_line(key, line) or line or None,
                        _("unknown key {key!r} in {where}; allowed: {allowed}").format(
                            key=key, where=where, allowed=", ".join(sorted(_ARTICLE_KEYS))
                        ),
                    )
            read.append(
                TemplateArticle(
                    title=self.lang_text(
                        article, "title", TEXT_PLACEHOLDERS, start=line, where=f"{where}.title"
                    ),
                    text=self.lang_text(
                        article, "text", TEXT_PLACEHOLDERS, start=line, where=f"{where}.text"
                    ),
                    area=self.area(article.get("area"), line, where),
                    when=self.conditions(article.get("when"), line, where),
                    role=self.role(article.get("role"), line, where),
                    line=line,
                )
            )
        # The final clauses stay last, whatever the order of the file (an area article that a
        # user adds at the end still comes before them).
        read.sort(key=lambda a: a.role == FINAL_ROLE)
        return tuple(read)

    def area(self, value: Any, line: int, where: str) -> CooperationArea | None:
        if value is None:
            return None
        try:
            return CooperationArea(value)
        except ValueError:
            raise self.fail(
                self.key_line("area", line) or line,
                _("{where}: 'area' must be one of: {allowed}").format(
                    where=where, allowed=", ".join(a.value for a in CooperationArea)
                ),
            ) from None

    def conditions(self, value: Any, line: int, where: str) -> tuple[str, ...]:
        if value is None:
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or any(item not in CONDITIONS for item in items):
            raise self.fail(
                self.key_line("when", line) or line,
                _("{where}: 'when' must be one or a list of: {allowed}").format(
                    where=where, allowed=", ".join(sorted(CONDITIONS))
                ),
            )
        return tuple(items)

    def role(self, value: Any, line: int, where: str) -> str:
        if value is None:
            return ""
        if value != FINAL_ROLE:
            raise self.fail(
                self.key_line("role", line) or line,
                _("{where}: 'role' can only be {final!r}").format(where=where, final=FINAL_ROLE),
            )
        return FINAL_ROLE

    def signatures(self, value: Any) -> dict[str, SignatureLabels]:
        line = self.top_line("signatures")
        if not isinstance(value, dict) or set(value) != set(SIGNATURE_SIDES):
            raise self.fail(
                line,
                _(
                    "'signatures' needs exactly two tables: [signatures.own] and "
                    "[signatures.partner]"
                ),
            )
        blocks: dict[str, SignatureLabels] = {}
        for side in SIGNATURE_SIDES:
            table = value[side]
            start = self.key_line(f"signatures.{side}") or line
            if not isinstance(table, dict) or set(table) != set(SIGNATURE_FIELDS):
                raise self.fail(
                    start,
                    _(
                        "[signatures.{side}] needs body, position and name, each per language"
                    ).format(side=side),
                )
            texts = {
                name: self.lang_text(
                    table, name, TEXT_PLACEHOLDERS, start=start, where=f"signatures.{side}.{name}"
                )
                for name in SIGNATURE_FIELDS
            }
            blocks[side] = SignatureLabels(**texts)
        return blocks

    def _per_language(self, value: Any, key: str) -> dict[str, dict[str, Any]]:
        line = self.top_line(key)
        if not isinstance(value, dict) or not all(
            isinstance(lang, str) and _LANG.match(lang) and isinstance(table, dict)
            for lang, table in value.items()
        ):
            raise self.fail(
                line,
                _("'{key}' holds one table per language, e.g. [{key}.de]").format(key=key),
            )
        return value

    def areas(self, value: Any) -> dict[str, dict[CooperationArea, str]]:
        result: dict[str, dict[CooperationArea, str]] = {}
        for lang, table in self._per_language(value, "areas").items():
            start = self.key_line(f"areas.{lang}")
            labels: dict[CooperationArea, str] = {}
            for code, label in table.items():
                try:
                    area = CooperationArea(code)
                except ValueError:
                    raise self.fail(
                        self.key_line(code, start) or start,
                        _("[areas.{lang}]: {code!r} is not an area; allowed: {allowed}").format(
                            lang=lang,
                            code=code,
                            allowed=", ".join(a.value for a in CooperationArea),
                        ),
                    ) from None
                self._plain(label, start, f"areas.{lang}.{code}")
                labels[area] = label
            result[lang] = labels
        return result

    def units(self, value: Any) -> dict[str, dict[str, dict[str, str]]]:
        result: dict[str, dict[str, dict[str, str]]] = {}
        for lang, table in self._per_language(value, "units").items():
            start = self.key_line(f"units.{lang}")
            forms: dict[str, dict[str, str]] = {}
            for unit, by_category in table.items():
                where = f"units.{lang}.{unit}"
                if (
                    unit not in UNITS
                    or not isinstance(by_category, dict)
                    or not by_category
                    or not set(by_category) <= PLURAL_CATEGORIES
                    or "other" not in by_category
                ):
                    raise self.fail(
                        self.key_line(unit, start) or start,
                        _(
                            "{where}: units are 'year' and 'month', each a table of plural "
                            "forms (one, few, many, other …; 'other' is required)"
                        ).format(where=where),
                    )
                for category, text in by_category.items():
                    self._plain(text, start, f"{where}.{category}")
                    self.check_placeholders(text, UNIT_PLACEHOLDERS, start, f"{where}.{category}")
                forms[unit] = dict(by_category)
            result[lang] = forms
        return result

    def text_languages(self, value: Any) -> dict[str, dict[str, str]]:
        result: dict[str, dict[str, str]] = {}
        for lang, table in self._per_language(value, "text_languages").items():
            start = self.key_line(f"text_languages.{lang}")
            if set(table) != set(TEXT_LANGUAGE_FORMS):
                raise self.fail(
                    start,
                    _("[text_languages.{lang}] needs 'single' and 'several'").format(lang=lang),
                )
            for form, text in table.items():
                where = f"text_languages.{lang}.{form}"
                self._plain(text, start, where)
                self.check_placeholders(text, LIST_PLACEHOLDERS, start, where)
            result[lang] = dict(table)
        return result

    def plain_tables(self, value: Any, key: str) -> dict[str, dict[str, str]]:
        result: dict[str, dict[str, str]] = {}
        for lang, table in self._per_language(value, key).items():
            start = self.key_line(f"{key}.{lang}")
            for name, text in table.items():
                self._plain(text, start, f"{key}.{lang}.{name}")
            result[lang] = dict(table)
        return result

    def _plain(self, text: Any, line: int, where: str) -> None:
        if not isinstance(text, str) or not text.strip():
            raise self.fail(line, _("{where} must be non-empty text").format(where=where))


def _line_of_key(lines: list[str], key: str, start: int = 1, *, header_only: bool = False) -> int:
    """The line (1-based) where ``key`` is defined at or after ``start``: as a table header
    ``[key]``/``[key.x]``, as ``key = …`` or as a dotted key ``key.x = …``; 0 if not found."""
    dotted = re.escape(key).replace(r"\.", r"\s*\.\s*")
    quoted = rf'(?:{dotted}|"{dotted}"|\'{dotted}\')'
    header = rf"\[\[?\s*{quoted}\s*[\].]"
    pattern = re.compile(rf"^\s*{header}" if header_only else rf"^\s*(?:{header}|{quoted}\s*[=.])")
    for number in range(max(start, 1), len(lines) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return 0


def _line_of_text(lines: list[str], text: str, start: int = 1) -> int:
    """The first line at or after ``start`` that contains ``text``; 0 if none."""
    for number in range(max(start, 1), len(lines) + 1):
        if text in lines[number - 1]:
            return number
    return 0
