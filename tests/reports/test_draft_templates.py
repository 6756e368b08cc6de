"""Agreement templates: every shipped file loads with the languages it promises; mistakes name
the file and the line; nothing in a template can execute; user templates add to and replace the
shipped ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mumidesk import settings
from mumidesk.domain.enums import AgreementKind, CooperationArea
from mumidesk.domain.errors import DomainError, ValidationError
from mumidesk.reports.drafts.templates import (
    FINAL_ROLE,
    TEXT_PLACEHOLDERS,
    Missing,
    TemplateError,
    get_template,
    load_template,
    load_templates,
    paragraphs,
    placeholders_in,
    shipped_dir,
    substitute,
    user_dir,
)

MINIMAL = """\
id = "mini"
kind = "memorandum"

[name]
ru = "Мини"
en = "Mini"

[title]
ru = "Меморандум между {{ own_body_instrumental }} и {{ partner_body_instrumental }}"
en = "Memorandum between the {{ own_body }} and the {{ partner_body }}"

[preamble]
ru = "{{ own_body }} и {{ partner_body }} договорились:"
en = "The {{ own_body }} and the {{ partner_body }} have agreed:"

[[articles]]
title.ru = "Предмет"
title.en = "Subject"
text.ru = "Области: {{ areas }}."
text.en = "Areas: {{ areas }}."

[[articles]]
role = "final"
title.ru = "Срок"
title.en = "Term"
text.ru = "Сроком на {{ term }}."
text.en = "For {{ term }}."

[[articles]]
area = "culture"
title.ru = "Культура"
title.en = "Culture"
text.ru = "Обмен коллективами."
text.en = "Exchange of ensembles."

[closing]
ru = "Совершено {{ signing_date }}, {{ text_languages }}."
en = "Done on {{ signing_date }}, {{ text_languages }}."

[signatures.own]
body.ru = "{{ own_body }}"
body.en = "{{ own_body }}"
position.ru = "{{ own_position }}"
position.en = "{{ own_position }}"
name.ru = "{{ own_signatory_short }}"
name.en = "{{ own_signatory_short }}"

[signatures.partner]
body.ru = "{{ partner_body }}"
body.en = "{{ partner_body }}"
position.ru = "{{ partner_position }}"
position.en = "{{ partner_position }}"
name.ru = "{{ partner_signatory_short }}"
name.en = "{{ partner_signatory_short }}"

[text_languages.ru]
single = "на {{ list }} языке"
several = "на {{ list }} языках"

[text_languages.en]
single = "in the {{ list }} language"
several = "in the {{ list }} languages"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def broken(tmp_path: Path, text: str) -> TemplateError:
    path = write(tmp_path, "broken.toml", text)
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    assert caught.value.path == path
    assert "broken.toml" in str(caught.value)
    return caught.value


# --- the shipped templates ------------------------------------------------------------------


def test_every_shipped_template_loads_with_its_languages() -> None:
    templates = load_templates([shipped_dir()])
    expected = {
        "twinning": (AgreementKind.TWINNING, {"ru", "en"}),
        "cooperation": (AgreementKind.COOPERATION, {"ru", "en", "de", "zh"}),
        "representative_bodies": (AgreementKind.COOPERATION, {"ru", "en", "de"}),
        "memorandum": (AgreementKind.MEMORANDUM, {"ru", "en"}),
        "joint_events_plan": (AgreementKind.PROGRAMME, {"ru", "en"}),
    }
    assert set(templates) == set(expected)
    for template_id, (kind, languages) in expected.items():
        template = templates[template_id]
        assert template.kind is kind
        assert set(template.languages) >= languages, template_id
        assert template.languages[0] == "ru"
        assert not template.is_user
        assert template.path.parent == shipped_dir()
        assert template.name("ru") and template.name("en") != template.name("ru")


@pytest.mark.parametrize(
    "template_id",
    ["twinning", "cooperation", "representative_bodies", "memorandum", "joint_events_plan"],
)
def test_shipped_templates_cover_the_main_areas_and_final_clauses(template_id: str) -> None:
    template = load_templates([shipped_dir()])[template_id]
    areas = {a.area for a in template.articles if a.area is not None}
    main = {
        CooperationArea.ECONOMY,
        CooperationArea.INVESTMENT,
        CooperationArea.EDUCATION,
        CooperationArea.SCIENCE,
        CooperationArea.CULTURE,
        CooperationArea.SPORT,
        CooperationArea.TOURISM,
        CooperationArea.YOUTH,
        CooperationArea.HEALTH,
        CooperationArea.URBAN_DEVELOPMENT,
        CooperationArea.MUNICIPAL_GOVERNANCE,
    }
    assert main <= areas
    # every area article is written in every language of the template
    for article in template.articles:
        assert set(article.text) >= set(template.languages), (template_id, article.line)
    # the term variants: one article for each case
    conditions = {a.when for a in template.articles if a.when}
    assert any("indefinite_term" in c for c in conditions)
    assert any("fixed_term" in c for c in conditions)
    roles = [a.role for a in template.articles]
    # final clauses are last, and there are some
    assert FINAL_ROLE in roles
    assert roles == sorted(roles, key=lambda r: r == FINAL_ROLE)


def test_cooperation_template_has_the_main_areas_in_every_language() -> None:
    template = get_template("cooperation")
    for area in ("economy", "investment", "education", "science", "culture", "sport", "tourism"):
        article = next(a for a in template.articles if a.area == area)
        assert set(article.text) >= {"ru", "en", "de", "zh"}
    for area in ("youth", "health", "urban_development", "municipal_governance"):
        assert any(a.area == area for a in template.articles)
    assert template.areas["de"][CooperationArea.CULTURE] == "Kultur"
    assert template.areas["zh"][CooperationArea.CULTURE] == "文化"


def test_the_readme_documents_every_placeholder() -> None:
    readme = (shipped_dir() / "README.md").read_text(encoding="utf-8")
    for name in TEXT_PLACEHOLDERS:
        # one table documents both sides: own_… stands for partner_… too
        documented = "own_" + name.removeprefix("partner_") if name.startswith("partner_") else name
        assert f"`{documented}`" in readme, name


# --- mistakes name the file and the line -----------------------------------------------------


def test_unknown_placeholder_names_file_and_line(tmp_path: Path) -> None:
    text = MINIMAL.replace('text.en = "Areas: {{ areas }}."', 'text.en = "Areas: {{ area }}."')
    error = broken(tmp_path, text)
    assert error.line == line_of(text, "{{ area }}")
    assert f"line {error.line}" in str(error)
    assert "{{ area }}" in str(error)
    assert isinstance(error, DomainError)


@pytest.mark.parametrize("name", ["cooperation.toml", "representative_bodies.toml"])
def test_every_placeholder_of_a_shipped_file_is_located_when_misspelt(
    tmp_path: Path, name: str
) -> None:
    """Misspell each placeholder of a real template in turn: the error names its line."""
    lines = (shipped_dir() / name).read_text(encoding="utf-8").splitlines()
    checked = 0
    for index, line in enumerate(lines):
        if line.lstrip().startswith("#"):
            continue
        for match in re.finditer(r"\{\{ [a-z_]+ \}\}", line):
            changed = [*lines]
            changed[index] = line[: match.start()] + "{{ misspelt }}" + line[match.end() :]
            path = write(tmp_path, name, "\n".join(changed))
            with pytest.raises(TemplateError) as caught:
                load_template(path)
            assert caught.value.line == index + 1, (line, str(caught.value))
            checked += 1
    assert checked > 50


def test_unknown_placeholder_in_a_table_section_is_found_there(tmp_path: Path) -> None:
    # "[title] ru = …" comes before the articles' own "title.ru = …": the line is the title's
    text = MINIMAL.replace("{{ own_body_instrumental }} и", "{{ own_bodi }} и")
    error = broken(tmp_path, text)
    assert error.line == line_of(text, "{{ own_bodi }}")
    assert "title.ru" in str(error)


def test_unknown_placeholder_inside_a_multiline_text_points_at_its_own_line(
    tmp_path: Path,
) -> None:
    text = MINIMAL.replace(
        'ru = "{{ own_body }} и {{ partner_body }} договорились:"',
        'ru = """\n{{ own_body }} и\n{{ partner_bodi }}\nдоговорились:\n"""',
    )
    error = broken(tmp_path, text)
    assert error.line == line_of(text, "{{ partner_bodi }}")


def test_malformed_toml_names_the_line(tmp_path: Path) -> None:
    text = MINIMAL.replace('[closing]\nru = "Совершено', "[closing]\nru = Совершено")
    error = broken(tmp_path, text)
    assert error.line == line_of(text, "ru = Совершено")


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (('area = "culture"', 'area = "kultur"'), 'area = "kultur"'),
        (('role = "final"', 'role = "last"'), 'role = "last"'),
        (('role = "final"', 'when = "sometimes"'), 'when = "sometimes"'),
        (('kind = "memorandum"', 'kind = "treaty"'), 'kind = "treaty"'),
        (('id = "mini"', 'id = "Mini Template"'), 'id = "Mini Template"'),
        (("[closing]", "[closings]"), "[closings]"),
        (("[text_languages.en]\nsingle", "[text_languages.en]\nalone"), "[text_languages.en]"),
    ],
)
def test_structural_mistakes_name_the_line(
    tmp_path: Path, change: tuple[str, str], needle: str
) -> None:
    old, new = change
    assert old in MINIMAL
    text = MINIMAL.replace(old, new, 1)
    error = broken(tmp_path, text)
    assert error.line == line_of(text, needle)


def test_missing_section_is_an_error(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        '[preamble]\nru = "{{ own_body }} и {{ partner_body }} договорились:"\n', ""
    )
    text = text.replace('en = "The {{ own_body }} and the {{ partner_body }} have agreed:"\n', "")
    error = broken(tmp_path, text)
    assert "preamble" in str(error)


def test_article_text_in_an_unknown_language_code_is_an_error(tmp_path: Path) -> None:
    text = MINIMAL.replace('text.en = "Areas: {{ areas }}."', 'text.english = "Areas."')
    error = broken(tmp_path, text)
    assert error.line == line_of(text, "text.english")


# --- nothing in a template runs -------------------------------------------------------------


@pytest.mark.parametrize(
    "hostile",
    [
        "{{ ''.__class__ }}",
        "{{ own_body.__class__.__mro__ }}",
        "{{ __import__('os').system('echo hi') }}",
        "{{ own_body|upper }}",
        "{% for x in y %}{{ x }}{% endfor %}",
        "{{ own_body() }}",
    ],
)
def test_python_expressions_are_refused_not_run(tmp_path: Path, hostile: str) -> None:
    text = MINIMAL.replace('text.ru = "Области: {{ areas }}."', f'text.ru = "{hostile}"')
    error = broken(tmp_path, text)
    assert error.line == line_of(text, hostile)


def test_substitution_is_one_pass_and_literal() -> None:
    values = {"own_body": "{{ partner_body }} <b>&</b>", "partner_body": "SECRET"}
    assert substitute("A: {{own_body}}; B: {{ partner_body }}", values) == (
        "A: {{ partner_body }} <b>&</b>; B: SECRET"
    )
    assert substitute("{{{{ own_body }}}}", values) == "{{ own_body }}"
    assert placeholders_in("{{{{ x }}}} {{ own_body }}") == [("own_body", "{{ own_body }}")]
    with pytest.raises(ValueError):
        placeholders_in("{{ own_body }")


def test_a_missing_value_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as caught:
        substitute("{{ areas }}", {"areas": Missing("no areas for xx")})
    assert caught.value.fields == ["template"]
    assert "no areas for xx" in str(caught.value)


def test_escaped_braces_load_and_print(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        'text.en = "Areas: {{ areas }}."', 'text.en = "Areas: {{ areas }} {{{{ literal }}}}."'
    )
    template = load_template(write(tmp_path, "ok.toml", text))
    article = template.articles[0]
    assert substitute(article.text["en"], {"areas": "culture"}) == "Areas: culture {{ literal }}."


def test_paragraphs_join_wrapped_lines_and_split_at_empty_lines() -> None:
    text = "\nFirst line\n  wrapped here.\n\n  Second\tparagraph.\n\n\n第一行\n第二行。\n"
    assert paragraphs(text) == ("First line wrapped here.", "Second\tparagraph.", "第一行第二行。")
    assert paragraphs("中文 text\nnext") == ("中文 text next",)


# --- user templates ----------------------------------------------------------------------------


def test_user_templates_add_to_and_replace_shipped_ones() -> None:
    assert user_dir() == settings.data_dir() / "templates"
    own = MINIMAL.replace('id = "mini"', 'id = "cooperation"').replace('"Mini"', '"Our own"')
    write(user_dir(), "cooperation.toml", own)
    write(user_dir(), "mini.toml", MINIMAL)
    write(user_dir(), "_draft_of_something.toml", "not = [valid")  # ignored: starts with _
    templates = load_templates()
    assert templates["cooperation"].name("en") == "Our own"
    assert templates["cooperation"].is_user
    assert templates["cooperation"].kind is AgreementKind.MEMORANDUM
    assert templates["mini"].is_user
    assert not templates["twinning"].is_user
    assert get_template("cooperation").path.parent == user_dir()


def test_two_files_with_one_id_in_a_folder_are_an_error() -> None:
    write(user_dir(), "a.toml", MINIMAL)
    write(user_dir(), "b.toml", MINIMAL)
    with pytest.raises(TemplateError) as caught:
        load_templates()
    assert caught.value.path.name == "b.toml"
    assert caught.value.line == line_of(MINIMAL, 'id = "mini"')


def test_a_broken_user_template_is_reported_with_its_file() -> None:
    path = write(user_dir(), "mine.toml", MINIMAL.replace("{{ term }}", "{{ termin }}"))
    with pytest.raises(TemplateError) as caught:
        load_templates()
    assert caught.value.path == path


def test_unknown_template_id_lists_the_available_ones() -> None:
    with pytest.raises(ValidationError) as caught:
        get_template("treaty")
    assert caught.value.fields == ["template"]
    assert "cooperation" in str(caught.value)


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.toml"
    path.write_bytes(MINIMAL.encode("cp1251"))
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    assert caught.value.path == path and caught.value.line is None
    assert "UTF-8" in str(caught.value)
