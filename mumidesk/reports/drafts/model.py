"""A filled agreement draft: the texts per language, ready to lay out. No layout, no template
syntax: renderers (PDF, DOCX) take this and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field

# Texts keyed by language code ("ru", "en", "de", "zh" …), in the order of DraftDocument.languages.
LangText = dict[str, str]


@dataclass(frozen=True)
class DraftArticle:
    number: int
    title: LangText
    paragraphs: dict[str, tuple[str, ...]]  # language → the article's paragraphs, in order


@dataclass(frozen=True)
class SignatureBlock:
    """One party's place to sign: body, signatory's position and name per language."""

    body: LangText
    position: LangText
    name: LangText


@dataclass(frozen=True)
class DraftDocument:
    template_id: str
    languages: tuple[str, ...]  # one language, or two printed side by side (Russian first)
    title: LangText
    preamble: LangText
    articles: tuple[DraftArticle, ...]
    signatures: tuple[SignatureBlock, ...]
    closing: LangText = field(default_factory=dict)  # "Done at … on … in two copies …"
    is_draft: bool = True  # print "ПРОЕКТ / DRAFT" on every page while not signed
    meta_title: str = ""  # for the PDF metadata / DOCX core properties

    @property
    def is_bilingual(self) -> bool:
        return len(self.languages) == 2
