"""French lemmas from spaCy, so that search matches inflected forms."""
from __future__ import annotations

from functools import lru_cache

from spacy.lang.fr.stop_words import STOP_WORDS

from bot.text import fold, words

MODEL = "fr_core_news_sm"
_QUESTION_WORDS = {"quoi", "que", "qui", "quel", "quelle", "quels", "quelles", "dire", "disent", "dit",
                   "parle", "parlent", "document", "documents", "texte", "textes", "osce"}
STOP = {fold(w) for w in STOP_WORDS} | _QUESTION_WORDS
# How people ask for a search (« trouve-moi un passage sur... »): never the subject itself.
SEARCH_WORDS = {"passage", "passages", "paragraphe", "paragraphes", "cherche", "recherche", "trouve", "montre",
                "aborde", "abordent", "raconte", "racontent", "evoque", "evoquent", "mentionne", "mentionnent",
                "traitent", "concernent", "source", "sources", "information", "informations", "question",
                "quelque", "part", "sujet", "propos", "ecrit", "moi"}


@lru_cache(maxsize=1)
def nlp():  # noqa: ANN202 - spaCy's Language type
    """spaCy's small French pipeline, for lemmas (parser and NER off)."""
    import spacy

    return spacy.load(MODEL, disable=["parser", "ner"])


def lemmatize(text: str) -> list[str]:
    """Folded lemmas of the content words of ``text``."""
    doc = nlp()(text)
    out = []
    for token in doc:
        if token.is_punct or token.is_space:
            continue
        lemma = fold(token.lemma_ or token.text)
        if lemma and lemma not in STOP and len(lemma) > 1:
            out.append(lemma)
    return out


def content_words(text: str) -> list[str]:
    """Folded words of ``text`` that are not stop words."""
    return [w for w in words(text) if w not in STOP and len(w) > 1]


def subject_words(text: str) -> list[str]:
    """The words that name what a question is about: content words, hyphenated
    verb-pronoun forms (« parlent-ils », « trouve-t-on ») and search words left out."""
    out = []
    for word in content_words(text):
        for part in word.split("-") if "-" in word and not word.startswith("non-") else [word]:
            if len(part) > 1 and part not in STOP and part not in SEARCH_WORDS:
                out.append(part)
    return list(dict.fromkeys(out))
