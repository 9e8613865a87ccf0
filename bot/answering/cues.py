"""What a question asks, read from its words: its type, the document it names, its key terms.

These cues decide which candidate can answer: a « quand » question needs a date,
« selon la décision 5/11 » needs a sentence of that decision, and the key terms
(content words and their lemmas, the document's own name left out) must be
covered by the answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path

import yaml

from bot.knowledge.lemmas import STOP, nlp
from bot.knowledge.normalize import dated_reference, fold


class QuestionType(str, Enum):
    """The kind of answer a question expects."""

    WHEN = "when"
    HOW_MANY = "how_many"
    WHERE = "where"
    WHO = "who"
    NAME = "name"
    WHICH_DOCUMENT = "which_document"
    DEFINITION = "definition"
    WHY = "why"
    YES_NO = "yes_no"
    WHAT = "what"


_TYPE_CUES: list[tuple[QuestionType, re.Pattern[str]]] = [
    (QuestionType.DEFINITION, re.compile(r"^(qu'est-ce que|qu'est ce que|c'est quoi|que sont|qu'appelle-t-on),? "
                                         r"(le|la|les|l'|une?)[^,;?]{0,60}\??$"
                                         r"|^(le|la|les|l')[^,;?]{0,60}, c'est quoi\s*\??$")),
    (QuestionType.WHICH_DOCUMENT, re.compile(r"\b(numero|no|n°) combien\b|\bla combien\b|\bquel numero\b")),
    (QuestionType.WHY, re.compile(r"\bpourquoi\b|\bpour quelle raison\b|\bdans quel (but|objectif)\b"
                                  r"|\ba quoi (sert|servent|servait|servaient)\b"
                                  r"|\bavec quel (but|objectif)\b")),
    (QuestionType.HOW_MANY, re.compile(r"\bcombien\b|\bnombre de\b|\bquel nombre\b")),
    # « quand même », « quand il veut »: not a question of time
    (QuestionType.WHEN, re.compile(r"\bquand\b(?! meme\b)(?! (il|elle|ils|elles|on|tu|vous|je) (le )?(veu|souhait))"
                                   r"|\ben quelle annee\b|\bquelle annee\b|\bquelle date\b|\ba quelle date\b"
                                   r"|\bquelle epoque\b|\bdepuis quand\b|\bquel jour\b|\bquel mois\b|\bdate\b"
                                   r"|\bdepuis combien\b")),
    # « il en est où ? », « où en est le projet ? » ask how far it has got, not where it is
    (QuestionType.WHERE, re.compile(r"(?<!\ben est )(?<!\ben sont )(?<!\ben etait )(?<!\ben etaient )"
                                    r"\bou\b(?! bien| pas\b| non\b| plutot| en (est|sont|etait|etaient)\b"
                                    r"| dans tout ca\b)"
                                    r"|\bdans quelle ville\b|\bquelle ville\b"
                                    r"|\bquel lieu\b"
                                    r"|\ba quel endroit\b|\bdans quel pays\b|\bquel pays (a )?accueilli")),
    (QuestionType.WHICH_DOCUMENT, re.compile(r"\bquel(le)?s? (decisions?|declarations?|documents?|textes?)\b")),
    (QuestionType.NAME, re.compile(r"\bqui (est|etait|sont|etaient) (le|la|les|l')\b|comment s'appelle"
                                   r"|s'appellen?t? comment|\bquel est (le |son |leur )?nom|\ble nom d|\bson nom\b")),
    (QuestionType.WHO, re.compile(r"\bqui\b|\bquel organe\b|\bquelle instance\b|\bquel pays\b|\bquels pays\b")),
    (QuestionType.YES_NO, re.compile(r"^(est-ce que|est ce que|y a-t-il|y-a-t-il)\b"
                                     r"|\b\w+-(t-)?(il|elle|ils|elles|on)\b")),
]


_VERB = re.compile(r"\b(demande|demandent|dit|disent|prevoit|fait|font|contient|parle|propose|prie|charge|encourage"
                   r"|decide|invite|rappelle|est|sont|a|ont|etait|etaient)\b")
_PURPOSE = re.compile(r"\bpour faire quoi\b|\ba quelle fin\b")  # a purpose, though « quoi » is in it
_WHAT = re.compile(r"\bqu'est-ce qu|\bqu'est ce qu|\bquoi\b|\bque (dit|disent|demande|prevoit|contient)"
                   r"|\bqu'(ont|a|avait|avaient)-?(ils|elles|il|elle|t-il|t-elle)?\b")


def asking_clause(text: str) -> str | None:
    """The clause that asks, when a question sets a scene first (« Quand le COR s'est réuni, qu'ont-ils dit ? »)."""
    clauses = [c for c in re.split(r"[,;:]", fold(text)) if c.strip()]
    if len(clauses) < 2:
        return None
    last = clauses[-1]
    asks = _WHAT.search(last) or any(cue.search(last) for _, cue in _TYPE_CUES)
    return last if asks and len(last.split()) >= 3 else None


def question_type(text: str) -> QuestionType:
    """The type of the clause that asks: in « Quand le COR s'est réuni, qu'ont-ils dit ? » the last one."""
    folded = fold(text).strip()
    definition = _TYPE_CUES[0][1].search(folded)
    if definition and len(folded.split()) <= 9 and not _VERB.search(folded[definition.end(1) or 0:]):
        return QuestionType.DEFINITION
    clauses = [c for c in re.split(r"[,;:]", folded) if c.strip()] or [""]
    for clause in reversed(clauses):
        if _PURPOSE.search(clause):
            return QuestionType.WHY
        if _WHAT.search(clause):
            return QuestionType.WHAT
        for kind, cue in _TYPE_CUES:
            if cue.search(clause):
                return kind
    return QuestionType.WHAT


_DATE = re.compile(r"\b(1[89]\d\d|20\d\d)\b|\b(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre"
                   r"|novembre|decembre)\b|\bannees? \d{4}")
# A quantity: a number that is neither a year nor a decision number (« 5/11 »), a number word (not « un »,
# an article as often as a number), or the documents saying they give none.
_QUANTITY = (r"(?<![\d/.])\b(?!(1[89]|20)\d\d\b)\d+\b(?![/\d])|\b(deux|trois|quatre|cinq|six|sept|huit|neuf"
             r"|dix|onze|douze|vingt|trente|cinquante|cent|mille|plusieurs|nombre)\b")
_NOT_GIVEN = re.compile(r"\bne (dit|disent|donne|donnent|precise|precisent|indique|indiquent) (pas|ni)\b"
                        r"|\bni le (montant|nombre)\b")
_NUMBER = re.compile(f"{_QUANTITY}|{_NOT_GIVEN.pattern}")
_PLACE = re.compile(r"\b(a|en|au|dans)\s+[A-ZÀ-Ý][\w-]+|\b(Vienne|Bruxelles|Madrid|Allemagne|Bichkek|Rome|Athenes"
                    r"|Athènes|Helsinki|Budapest|Astana|Maastricht|Tel-Aviv|Autriche)\b")
_HOSTED = re.compile(r"\baccueilli\w* (\w+ )?par\b")  # « accueillies généralement par un pays partenaire »
# The documents name institutions, never people: only « M. X » or « Mme Y » would be a name.
_PERSON = re.compile(r"\b(M\.|Mme|Monsieur|Madame)\s+[A-Z]")
_NOT_NAMED = re.compile(r"ne (le |la |les )?(nomment|donnent|citent|precisent|disent)")
_DOCUMENT_NUMBER = re.compile(r"\b(no|n°|numero)\s*\d+(/\d+)?|\b\d{1,3}/\d{2}\b|mc\.doc|acte final|charte|strategie"
                              r"|declaration (ministerielle|commemorative|de madrid|d'astana)")
# « pour » with an infinitive (« pour renforcer »), not « pour la coopération »
_REASON = re.compile(r"\b(afin|en vue|car|parce|en raison|objectif|but|vise|visant|permet)\b"
                     r"|\bpour (les |la |l'|y |en |leur |lui |se |s')?\w{2,}(er|ir|re)\b")


_COUNTED = re.compile(r"\b(?:combien|nombre|quel nombre) (?:de |des |d')(\w{3,})")
_COUNTED_ALIKE = {"pays": r"pays|etats?|partenaires?", "annees": r"ans|annees|anniversaire", "ans": r"ans|annees"}


def counted_noun(question: str) -> str | None:
    """What « combien de … ? » counts (« années » in « combien d'années de partenariat ? »), if anything."""
    match = _COUNTED.search(fold(question))
    return match.group(1) if match else None


def counts_what_is_asked(question: str, text: str) -> bool:
    """« combien de pays … ? » wants a number of countries (« 57 États »), not « trois dimensions »."""
    noun = counted_noun(question)
    if noun is None:
        return True
    alike = _COUNTED_ALIKE.get(noun, re.escape(stem(noun)[:5]))
    if noun == "participants" and not re.search(r"\b(osce|organisation)\b", fold(question)):
        alike = r"(?<!etats )participants"  # the participants of a meeting are not the OSCE's participating States
    folded = fold(text)
    return bool(re.search(rf"(?:{_QUANTITY})(?:[\s-]+[\w'-]+){{0,2}}?\s+(?:{alike})", folded)
                or _NOT_GIVEN.search(folded))


# « depuis quand … ? » asks a start: a date the text only looks forward to (« la perspective de … en 2008 »,
# « serait lancée en janvier 2008 ») is not one.
_SINCE = re.compile(r"\bdepuis (quand|quelle annee|quelle date|combien de temps|combien d'annees)\b")
_PROSPECT = re.compile(r"\b(perspective|serai(en)?t|sera|seront|prochaine?s?|a venir)\b[^.;]{0,80}?\b(1[89]\d\d|20\d\d)"
                       r"(\b[^.;]{0,12}?\b(1[89]\d\d|20\d\d))*\b")


def _gives_a_start(question: str, text: str) -> bool:
    if not _SINCE.search(fold(question)):
        return True
    return bool(_DATE.search(_PROSPECT.sub(" ", fold(text))))


def has_answer_shape(kind: QuestionType, question: str, text: str) -> bool:
    """Whether ``text`` can answer ``question``: the shape its type wants, for a count a number of what it
    counts, and for a place one the question does not already name (« dans quelle ville allemande ? » is not
    answered by « en Allemagne »)."""
    if kind is QuestionType.WHERE:
        return satisfies(kind, text) and _names_another_place(question, text)
    if kind is QuestionType.WHEN and not _gives_a_start(question, text):
        return False
    return satisfies(kind, text) and (kind is not QuestionType.HOW_MANY or counts_what_is_asked(question, text))


def _names_another_place(question: str, text: str) -> bool:
    asked = fold(question)
    places = [m.group(0).split()[-1] for m in _PLACE.finditer(text)]
    return not places or _HOSTED.search(fold(text)) is not None or \
        any(fold(p)[:5] not in asked for p in places)


def satisfies(kind: QuestionType, text: str) -> bool:
    """Whether a candidate answer has the shape of an answer to a question of this type."""
    if kind is QuestionType.WHEN:
        return bool(_DATE.search(fold(text)))
    if kind is QuestionType.HOW_MANY:
        return bool(_NUMBER.search(fold(text)))
    if kind is QuestionType.WHERE:
        return bool(_PLACE.search(text) or _HOSTED.search(fold(text)))
    if kind is QuestionType.NAME:
        return bool(_PERSON.search(text) or _NOT_NAMED.search(fold(text)))
    if kind is QuestionType.WHICH_DOCUMENT:
        return bool(_DOCUMENT_NUMBER.search(fold(text)))
    if kind is QuestionType.WHY:
        return bool(_REASON.search(fold(text)))
    return True


# How users name the corpus documents (bot/answering/scopes.yml); the matched words are the scope, not key terms.
@cache
def _scopes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((entry["document"], re.compile(entry["pattern"])) for entry in _scope_file())


@cache
def scope_phrases() -> dict[str, str]:
    """How a question names each corpus document, to carry a scope over to the next turn."""
    return {entry["document"]: entry["phrase"] for entry in _scope_file()}


def _scope_file() -> list[dict[str, str]]:
    return yaml.safe_load((Path(__file__).parent / "scopes.yml").read_text(encoding="utf-8"))["scopes"]


_SCOPE_LEAD = re.compile(r"\b(selon|d'apres|dans|pour|par)\s+(le|la|l'|les)?\s*$")


@dataclass(frozen=True)
class Scope:
    """The corpus document a question names, and the question without that name."""

    document_id: str | None
    rest: str
    strict: bool = True  # the question is answered from inside that document only, when it can be
    only: bool = False  # … and never from another (« et dans la décision 5/11 ? » after a question)


def document_scope(text: str) -> Scope:
    """« selon la décision 5/11, … » → ``mc-dec-5-11`` and the question without « selon la décision 5/11 »."""
    folded = dated_reference(fold(text))
    for doc_id, pattern in _scopes():
        match = pattern.search(folded)
        if match:
            before = _SCOPE_LEAD.sub(" ", folded[:match.start()])
            return Scope(doc_id, f"{before} {folded[match.end():]}", strict=match.group(0) != "madrid")
    return Scope(None, folded)


@cache
def _words_file() -> dict:
    return yaml.safe_load(Path(__file__).with_name("words.yml").read_text(encoding="utf-8"))


@cache
def word_list(name: str) -> frozenset[str]:
    """A word list of bot/answering/words.yml."""
    return frozenset(fold(w) for w in _words_file()[name])


def word_map(name: str) -> dict[str, str]:
    """A table of bot/answering/words.yml (« cb » → « combien »)."""
    return _words_file()[name]


# Words of the question that are about asking, not about the subject.
FILLER = word_list("filler")
NAMES_NOT_FILLER = word_list("names_not_filler")




@dataclass(frozen=True)
class Term:
    """A key term of a question: the word as typed and its lemma, and the documents' words for it.

    ``forms`` decide the term's weight; ``synonyms`` (bot/answering/synonyms.yml) may match too.
    """

    forms: tuple[str, ...]
    synonyms: tuple[str, ...] = ()

    @property
    def word(self) -> str:
        return self.forms[0]

    @property
    def matchable(self) -> tuple[str, ...]:
        return self.forms + self.synonyms


@lru_cache(maxsize=1)
def _synonym_data() -> dict:
    return yaml.safe_load((Path(__file__).with_name("synonyms.yml")).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    return {fold(word): tuple(fold(s) for s in alt) for word, alt in _synonym_data()["synonyms"].items()}


_PART_OF_YEAR = re.compile(r"\b(fin|debut|mi|courant)[- ](?=(19|20)\d\d\b)")  # « fin 2007 » asks about 2007


def rephrase(text: str) -> str:
    """Everyday phrases (« au jour le jour ») replaced by the word the documents use (« quotidien »)."""
    folded = _PART_OF_YEAR.sub("", fold(text))
    for phrase, word in _synonym_data().get("phrases", {}).items():
        folded = re.sub(rf"(?<!\w){re.escape(fold(phrase))}(?!\w)", fold(word), folded)
    return folded


# « le paragraphe 2 encourage qui ? » points at a paragraph, it does not ask about paragraphs. « un paragraphe
# précis de cette charte » and a number past the documents' own paragraphs (« le paragraphe 49 de la Charte ») are
# about a paragraph the text quotes, so they are kept.
_POINTER = re.compile(r"(?<!\bun )(?<!\bdes )\b(paragraphes?|alineas?)\b(?!\s+(4[2-9]|[5-9]\d|\d{3}))")


def key_terms(text: str) -> list[Term]:
    """The content words of a question with their lemmas, filler left out, one per stem."""
    out: list[Term] = []
    seen: set[str] = set()
    table = synonyms()
    for word, lemma in word_lemmas(_POINTER.sub(" ", rephrase(text[:500]))):
        filler_lemma = lemma in FILLER and word not in NAMES_NOT_FILLER
        if len(word) < 2 or word in STOP or word in FILLER or filler_lemma or (word.isdigit() and len(word) < 3):
            continue
        forms = tuple(dict.fromkeys(f for f in (word, lemma) if f and f not in STOP and len(f) > 1))
        if not forms or any(stem(f) in seen for f in forms):
            continue
        seen.update(stem(f) for f in forms)
        out.append(Term(forms, tuple(dict.fromkeys(s for f in forms for s in table.get(f, ())))))
    return out


@lru_cache(maxsize=512)
def word_lemmas(text: str) -> tuple[tuple[str, str], ...]:
    """(folded word, folded lemma) pairs of a text, hyphenated words split (« contribue-t-elle »)."""
    pairs = []
    for token in nlp()(text):
        if token.is_punct or token.is_space:
            continue
        word, lemma = fold(token.text).strip("-'"), fold(token.lemma_ or token.text).strip("-'")
        if not re.fullmatch(r"[\w'-]+|\d{1,3}/\d{2}", word):  # « 2/19 »: a decision's number names it
            continue
        parts = [p for p in word.split("-") if p] if "-" in word and not word.startswith("non-") else [word]
        pairs += [(part, lemma if len(parts) == 1 else part) for part in parts]
    return tuple(pairs)


def stem(word: str) -> str:
    """A word's beginning, shared by its inflections (« contribue », « contribution »)."""
    return word[:max(4, len(word) - 2)] if len(word) > 4 else word


def years_in(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", text)]
