"""The records the knowledge store returns: frozen, typed, each fact with its citation."""
from __future__ import annotations

from dataclasses import dataclass

OPENING = "ouverture"  # label of a preamble's opening formula (« Le Conseil ministériel, »), before its clauses


@dataclass(frozen=True)
class Citation:
    """A document and paragraph, printable the way the assistant cites it."""

    document_id: str
    document: str
    paragraph: str
    section: str | None = None

    @property
    def where(self) -> str:
        """« § 4 », « préambule, alinéa 12 », « préambule, formule d'ouverture » or « titre »."""
        if self.paragraph == "titre":
            return "titre"
        if self.paragraph == OPENING:
            return "préambule, formule d'ouverture"
        if self.paragraph.startswith("préambule"):
            return "préambule, alinéa " + self.paragraph.split()[-1]
        return f"§ {self.paragraph}"

    def __str__(self) -> str:
        return f"{self.document}, {self.where}"


@dataclass(frozen=True)
class PartnerInfo:
    """A partner (or former partner), with the evidence of its status and date."""

    id: str
    name: str
    article: str
    gender: str
    group: str
    since: int
    since_helsinki: bool
    status: str
    participating_state_since: int | None
    citation: Citation
    quote: str

    @property
    def is_current(self) -> bool:
        return self.status == "partner"


@dataclass(frozen=True)
class CountryMatch:
    """What a place name the user typed turned out to be."""

    query: str
    name: str
    article: str
    gender: str
    partner: PartnerInfo | None


@dataclass(frozen=True)
class CountFact:
    value: int
    citation: Citation


@dataclass(frozen=True)
class StatementInfo:
    text: str
    citation: Citation


@dataclass(frozen=True)
class DocumentInfo:
    """A document the texts name, what they say of it and who cites it."""

    id: str
    name: str
    article: str
    gender: str
    kind: str
    number: str | None
    body: str | None
    year: int | None
    date: str | None
    corpus_document_id: str | None
    statements: tuple[StatementInfo, ...]
    cited_by: tuple[Citation, ...]


@dataclass(frozen=True)
class ParagraphInfo:
    text: str
    citation: Citation


@dataclass(frozen=True)
class AnswerInfo:
    id: str
    topic: str
    text: str
    citations: tuple[Citation, ...]
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class AskedQuestion:
    """A question users ask for a sentence, with its folded words and lemmas."""

    text: str
    terms: frozenset[str]


@dataclass(frozen=True)
class Chairmanship:
    """A year's OSCE Chairmanship as a sentence of the corpus names it (« la Présidence albanaise de l'OSCE de
    2020 »)."""

    adjective: str
    year: int
    citation: Citation


@dataclass(frozen=True)
class SentenceInfo:
    """A quotable sentence: its exact text, where it sits in its paragraph, and its index terms.

    ``terms`` holds the folded words and spaCy lemmas the ranker matches questions against;
    ``asks`` those of each question users ask for it (facts/passage_questions.yml).
    """

    id: int
    text: str
    citation: Citation
    start: int
    end: int
    paragraph_text: str
    terms: frozenset[str]
    asks: tuple[AskedQuestion, ...] = ()

    @property
    def document_id(self) -> str:
        return self.citation.document_id
