"""French lemmas from spaCy, so that search matches inflected forms."""
from __future__ import annotations

from functools import lru_cache

from spacy.lang.fr.stop_words import STOP_WORDS

from bot.knowledge.normalize import fold

MODEL = "fr_core_news_sm"
_QUESTION_WORDS = {"quoi", "que", "qui", "quel", "quelle", "quels", "quelles", "dire", "disent", "dit",
                   "parle", "parlent", "document", "documents", "texte", "textes", "osce"}
STOP = {fold(w) for w in STOP_WORDS} | _QUESTION_WORDS
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
