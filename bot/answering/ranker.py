"""Score every candidate answer against a question; the best one is said only if it covers the question.

Candidates are the curated answers and every sentence of the corpus (retrieved
by SQLite FTS5's bm25 over words and lemmas, plus every sentence of the document
the question names). A candidate's *coverage* is the share of the question's key
terms it holds, each weighted by its rarity in the corpus (inverse document
frequency over sentences), a term counting in part when a word of the candidate
is close to it in spaCy's word vectors. The question's type (« quand » wants a
date) and the document it names then order candidates of equal coverage.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from bot.answering.cues import (
    FILLER,
    QuestionType,
    Scope,
    Term,
    document_scope,
    has_answer_shape,
    key_terms,
    question_type,
    stem,
    years_in,
)
from bot.knowledge.lemmas import lemmatize
from bot.knowledge.normalize import fold, words
from bot.knowledge.records import Citation, SentenceInfo
from bot.knowledge.store import KnowledgeStore

CONFIDENT = 0.72  # coverage from which the best candidate is the answer
CLOSEST = 0.4  # coverage from which it is offered as the closest passage
MARGIN = 0.05  # lead over a rival passage needed to answer rather than offer the closest
MISSING_SHARE = 0.2  # a term carrying this share of the question, only paraphrased at best, is not answered
SCOPE_BONUS = 0.25
TOPIC_BONUS = 0.1
FOCUS = 2.0  # weight of the terms of the clause that asks, or of the new turn of a follow-up
BROAD_BONUS = 0.1
NEAR_BONUS = 0.08  # a follow-up's answer is likelier in the paragraph the last answer quoted
NEAR_DOCUMENT_BONUS = 0.04  # … and in its document
CONVERSATION_BONUS = 0.08  # a question that names no document leans to the one the user last named
TYPE_MALUS = 0.2
TITLE_MALUS = 0.3  # a document's title names its subject; a clause of its body answers a question better
SIMILAR = 0.62  # word-vector cosine from which a word paraphrases a term
SIMILAR_CREDIT = 0.6
YEAR_ELSEWHERE_CREDIT = 0.3  # the asked year, said of something else than the question's subject
YEAR_WINDOW = 8  # words on each side of a year where the question's subject must be named
ASKED_CREDIT = 0.7  # a term found only in the questions users ask for a sentence, not in the sentence
SYNONYM_DEFINED_CREDIT = 0.5  # « c'est quoi le budget ? » is not defined by a passage on « extrabudgétaires »
DEFINED_BONUS = 0.1  # « c'est quoi une conférence d'examen ? »: the sentence that explains it in brackets
PROXIMITY_WINDOW = 3  # words apart at most for two of the question's terms to count as side by side
PROXIMITY_LEAD = 0.4  # among passages tied on coverage, the share of side-by-side terms that settles the tie
PROXIMITY_FLOOR = 0.6
PHRASE_TERMS = 4  # a tie is settled by phrasing only for a question with this many key terms: « qui préside le
# Conseil permanent ? » is in too many passages for « présidences du Conseil permanent » to be its answer


@dataclass(frozen=True)
class Candidate:
    """Something the assistant could say, with where it comes from."""

    text: str
    citations: tuple[Citation, ...]
    terms: frozenset[str]
    sentence: SentenceInfo | None = None
    answer_id: str | None = None
    topic: str | None = None
    summary: bool = False  # the first curated answer of its topic: the overview a broad question wants
    asks: tuple[frozenset[str], ...] = ()  # the words of each question users ask for it

    @property
    def documents(self) -> set[str]:
        return {c.document_id for c in self.citations}


@dataclass(frozen=True)
class Ranked:
    """The ranker's verdict on a question: the best candidate and how well it covers the question."""

    candidate: Candidate | None
    coverage: float
    type_ok: bool
    terms: tuple[Term, ...]
    missing: tuple[Term, ...]
    ignored: tuple[Term, ...] = ()  # names the question takes for granted that no document uses

    margin: float = 1.0  # lead over the best candidate citing other paragraphs
    focus_missing: tuple[Term, ...] = ()  # terms of the asking clause (or of a follow-up's own turn) not covered
    missing_share: float = 0.0  # share of the question's weight in terms the candidate does not hold
    runner_up: Candidate | None = None  # the best candidate citing other paragraphs, when it comes close too

    @property
    def confident(self) -> bool:
        """The best candidate covers the question, has the shape of its answer, and no other passage rivals it."""
        return self.candidate is not None and self.coverage >= CONFIDENT and self.type_ok and \
            self.margin >= MARGIN and self.missing_share < MISSING_SHARE

    @property
    def close(self) -> bool:
        return self.candidate is not None and self.coverage >= CLOSEST


class Ranker:
    """Ranks the store's curated answers and sentences for a question."""

    def __init__(self, store: KnowledgeStore, vectors_path: Path | None = None) -> None:
        self.store = store
        self.vectors_path = vectors_path
        self._match_cache: dict[str, frozenset[str]] = {}

    # --- corpus statistics ------------------------------------------------------
    @cached_property
    def _sentences(self) -> list[SentenceInfo]:
        return self.store.sentences()

    @cached_property
    def _vocabulary(self) -> list[str]:
        return sorted({t for s in self._sentences for t in s.terms})

    @cached_property
    def _postings(self) -> dict[str, set[int]]:
        """Each word or lemma of the corpus → the sentences holding it."""
        postings: dict[str, set[int]] = {}
        for sentence in self._sentences:
            for token in sentence.terms:
                postings.setdefault(token, set()).add(sentence.id)
        return postings

    @cached_property
    def _asked_postings(self) -> dict[str, set[int]]:
        """Each word of the questions users ask for a sentence → those sentences (not counted in rarity)."""
        postings: dict[str, set[int]] = {}
        for sentence in self._sentences:
            for token in frozenset().union(*self._asks[sentence.id]):
                postings.setdefault(token, set()).add(sentence.id)
        return postings

    @cached_property
    def _asks(self) -> dict[int, tuple[frozenset[str], ...]]:
        """Each sentence's asked questions as words, without filler nor what names a document (« la déclaration
        de 2020 », « les ministres de 2020 »): the scope a question names is matched apart; a year the
        sentence itself does not hold is its document's."""
        out = {}
        for sentence in self._sentences:
            asks = []
            for ask in sentence.asks:
                scope = document_scope(ask.text)
                naming = set(words(ask.text)) - set(words(scope.rest)) if scope.document_id else set()
                asks.append(frozenset(w for w in ask.terms if w not in FILLER and w not in naming
                                      and not w.isdigit()))
            out[sentence.id] = tuple(asks)
        return out

    @cached_property
    def _all_tokens(self) -> list[str]:
        return sorted(set(self._postings) | set(self._asked_postings) | {t for c in self._curated for t in c.terms})

    def matches(self, form: str) -> frozenset[str]:
        """The corpus words a question form matches: its inflections (same beginning), or a shorter
        word it starts with (« afghan » in « afghanistan »); short forms and numbers match exactly."""
        found = self._match_cache.get(form)
        if found is None:
            if len(form) <= 3 or form.isdigit():
                found = frozenset([form])
            else:
                prefix = stem(form)
                if len(prefix) < 5 and len(form) >= 5 and form in self._postings:
                    prefix = form[:5]  # « troika » is a word of its own, not an inflection of « trois »
                start = bisect.bisect_left(self._all_tokens, prefix)
                tokens = set()
                for token in self._all_tokens[start:]:
                    if not token.startswith(prefix):
                        break
                    tokens.add(token)
                tokens |= {form[:n] for n in range(6, len(form)) if form[:n] in self._postings}
                found = frozenset(tokens)
            self._match_cache[form] = found
        return found

    def _df(self, term: str) -> int:
        sentences: set[int] = set()
        for token in self.matches(term):
            sentences |= self._postings.get(token, set())
        return len(sentences)

    def weight(self, term: str) -> float:
        """Inverse document frequency over sentences: a rare term decides more than a common one."""
        n = len(self._sentences) or 1
        return math.log(1 + n / (self._df(term) + 0.5))

    def coverage(self, question: str, text: str) -> float:
        """The weighted share of the question's key terms a text holds: to choose between a few passages."""
        terms = key_terms(question)
        if not terms:
            return 0.0
        cand = Candidate(text, (), frozenset(words(text)) | frozenset(lemmatize(text)))
        weights = self.term_weights(terms)
        return sum(weights[t] * self._credit(t, cand) for t in terms) / sum(weights.values())

    def term_weights(self, terms: list[Term] | tuple[Term, ...]) -> dict[Term, float]:
        """Each term's weight: that of its rarest form."""
        return {t: min(self.weight(f) for f in t.forms) for t in terms}

    def share(self, ranked: Ranked, words: list[str]) -> float:
        """The share of a question's weight that ``words`` carry."""
        weights = self.term_weights(ranked.terms)
        total = sum(weights.values()) or 1.0
        return sum(w for t, w in weights.items() if t.word in words) / total

    def known(self, word: str) -> bool:
        """Whether a sentence or a curated answer uses this very word: a place is known by its exact name."""
        return word in self._known_words

    @cached_property
    def _known_words(self) -> frozenset[str]:
        return frozenset(self._known)

    @property
    def unknown_weight(self) -> float:
        """Above this weight a term is in no sentence at all."""
        n = len(self._sentences) or 1
        return math.log(1 + n / 1.5)

    @cached_property
    def _known(self) -> list[str]:
        """Every word of the sentences and curated answers: what a typo is corrected to."""
        return sorted(set(self._vocabulary) | set(self._asked_postings)
                      | {t for c in self._curated for t in c.terms if " " not in t})

    def correct(self, term: str) -> str:
        """A term no sentence holds, replaced by the closest known word when it is a typo of one.

        A real French word (one with a word vector) is never « corrected »: « argent » is not « agent ».
        """
        if len(term) < 5 or term.isdigit() or self._df(term) or term in self._known:
            return term
        if self._paraphrases is not None and self._paraphrases.is_word(term):
            return term
        best = process.extractOne(term, self._known, scorer=fuzz.ratio, score_cutoff=84)
        return best[0] if best else term

    @cached_property
    def _curated(self) -> list[Candidate]:
        out = []
        topics: set[str] = set()
        for info in self.store.answers():
            terms = frozenset(words(info.text)) | frozenset(lemmatize(info.text)) | frozenset(info.keywords)
            out.append(Candidate(info.text, info.citations, terms, answer_id=info.id, topic=info.topic,
                                 summary=info.topic not in topics))
            topics.add(info.topic)
        return out

    @cached_property
    def _paraphrases(self) -> _Paraphrases | None:
        return _Paraphrases.load(self.vectors_path, self._vocabulary) if self.vectors_path else None

    # --- ranking -----------------------------------------------------------------
    def rank(self, question: str, scope: Scope, kind: QuestionType | None = None,
             curated: bool = True, topic: str | None = None, focus: str | None = None,
             near: str | None = None, conversation: str | None = None, avoid: str | None = None) -> Ranked:
        """The best candidate for ``question`` (already stripped of its scope by ``scope.rest``).

        ``near`` (« document|paragraph ») is where the last answer came from, for a follow-up; ``avoid``, a
        paragraph whose answer the question does not want again (it asks the same of another subject).
        """
        kind = kind or question_type(question)
        terms = self._question_terms(scope.rest)
        if not terms:
            return Ranked(None, 0.0, False, (), ())
        names = {fold(w) for w in re.findall(r"\b[A-ZÀ-Ý][a-zà-ÿ][\w-]{2,}", question)}
        ignored = [t for t in terms if t.word in names and not any(self._df(f) or f in self._known for f in t.forms)]
        if ignored and len(terms) - len(ignored) >= 3:
            terms = [t for t in terms if t not in ignored]
        else:
            ignored = []
        focused = {f for t in key_terms(focus) for f in t.forms} if focus else set()
        weights = self.term_weights(terms)
        if focused:
            weights = {t: w * (FOCUS if focused & set(t.forms) else 1.0) for t, w in weights.items()}
        ranked = self._rank_terms(terms, weights, scope, kind, curated, topic, _place(near),
                                  None if scope.document_id else conversation, _place(avoid))
        focus_missing = tuple(t for t in ranked.missing if focused & set(t.forms))
        return replace(ranked, ignored=tuple(ignored), focus_missing=focus_missing)

    def rank_in_paragraph(self, question: str, passage: str, kind: QuestionType | None = None) -> Ranked:
        """The best sentence of one paragraph (« document|paragraph »): for a turn whose subject is a pronoun
        standing for what the last answer quoted (« il forme qui ? »), the answer is likeliest there."""
        place = _place(passage)
        terms = self._question_terms(question)
        if not terms or place is None:
            return Ranked(None, 0.0, False, tuple(terms), tuple(terms))
        pool = [self._sentence_candidate(s) for s in self._sentences
                if (s.document_id, s.citation.paragraph) == place]
        return self._best(terms, self.term_weights(terms), pool, Scope(None, question),
                          kind or question_type(question), None)

    def covering(self, question: str, document_id: str) -> list[SentenceInfo]:
        """Every sentence of a document holding the question's key terms: where it speaks of a subject
        (« la décision 5/11 parle du Fonds de partenariat ? »), when it does in several places."""
        terms = self._question_terms(question)
        if not terms:
            return []
        weights = self.term_weights(terms)
        total = sum(weights.values())
        found = []
        for sentence in self._sentences:
            if sentence.document_id != document_id or sentence.citation.paragraph == "titre":
                continue
            cand = self._sentence_candidate(sentence)
            if sum(weights[t] * self._credit(t, cand) for t in terms) / total >= CONFIDENT:
                found.append(sentence)
        return found

    def _question_terms(self, question: str) -> list[Term]:
        """The question's key terms, each form a typo of a corpus word replaced by that word."""
        return [Term(tuple(dict.fromkeys(self.correct(f) for f in t.forms)), t.synonyms)
                for t in key_terms(question)]

    def _rank_terms(self, terms: list[Term], weights: dict[Term, float], scope: Scope, kind: QuestionType,
                    curated: bool, topic: str | None, near: tuple[str, str] | None = None,
                    conversation: str | None = None, avoid: tuple[str, str] | None = None) -> Ranked:
        pool = [self._sentence_candidate(s)
                for s in self.store.sentences_matching([f for t in terms for f in t.matchable])]
        if curated:
            pool += self._curated
        if scope.document_id and scope.strict:
            inside = [c for c in pool if scope.document_id in c.documents]
            inside += [self._sentence_candidate(s) for s in self._sentences if s.document_id == scope.document_id]
            ranked = self._best(terms, weights, _elsewhere(inside, avoid), scope, kind, topic, near, conversation)
            if ranked.close or scope.only:
                return ranked
        elif scope.document_id:
            pool += [self._sentence_candidate(s) for s in self._sentences if s.document_id == scope.document_id]
        if near:
            pool += [self._sentence_candidate(s) for s in self._sentences
                     if (s.document_id, s.citation.paragraph) == near]
        return self._best(terms, weights, _elsewhere(pool, avoid), scope, kind, topic, near, conversation)

    def _best(self, terms: list[Term], weights: dict[Term, float], pool: list[Candidate], scope: Scope,
              kind: QuestionType, topic: str | None, near: tuple[str, str] | None = None,
              conversation: str | None = None) -> Ranked:
        total = sum(weights.values())
        reach = {t: frozenset().union(*(self.matches(f) for f in t.matchable)) for t in terms}
        scored: list[tuple[float, float, bool, Candidate, tuple[Term, ...]]] = []
        seen: set[tuple[str, int | None]] = set()
        for cand in pool:
            key = (cand.answer_id or "", cand.sentence.id if cand.sentence else None)
            if key in seen:
                continue
            seen.add(key)
            credit = self._year_bound(reach, cand, self._asked_credit(reach, cand,
                                                                      {t: self._credit(t, cand) for t in terms}))
            if kind is QuestionType.DEFINITION and terms and not self._holds_itself(terms[-1], cand):
                credit[terms[-1]] = min(credit[terms[-1]], SYNONYM_DEFINED_CREDIT)
            coverage = sum(weights[t] * credit[t] for t in terms) / total
            type_ok = has_answer_shape(kind, scope.rest, cand.text)
            score = coverage + (SCOPE_BONUS if scope.document_id in cand.documents else 0.0)
            score -= 0.0 if type_ok else TYPE_MALUS
            score -= 0.03 * (len(cand.text) / 300) + (0.04 if cand.answer_id else 0.0)
            score += TOPIC_BONUS if topic and cand.topic == topic else 0.0
            score -= TITLE_MALUS if cand.sentence and cand.sentence.citation.paragraph == "titre" else 0.0
            if near and near in ((c.document_id, c.paragraph) for c in cand.citations):
                score += NEAR_BONUS
            elif near and near[0] in cand.documents:
                score += NEAR_DOCUMENT_BONUS
            score += CONVERSATION_BONUS if conversation in cand.documents else 0.0
            score += BROAD_BONUS if cand.summary and (len(terms) <= 1 or kind is QuestionType.DEFINITION) else 0.0
            if kind in _DEFINED and terms and _explains(reach[terms[-1]], cand.text):
                score += DEFINED_BONUS
            scored.append((score, coverage, type_ok, cand, tuple(t for t in terms if credit[t] < 0.5)))
        if not scored:
            return Ranked(None, 0.0, False, tuple(terms), tuple(terms))
        scored.sort(key=lambda item: -item[0])
        phrased = _tie_settled_by_phrase(scored, terms, reach)
        score, coverage, type_ok, cand, missing = phrased or scored[0]
        where = {(c.document_id, c.paragraph) for c in cand.citations}
        rival = next((item for item in scored
                      if where.isdisjoint((c.document_id, c.paragraph) for c in item[3].citations)), None)
        margin = score - rival[0] if rival and rival[1] >= CLOSEST else 1.0
        if phrased:
            margin = max(margin, MARGIN)
        if cand.summary and kind is QuestionType.DEFINITION and \
                all(self._holds_itself(t, cand) for t in terms):
            margin = 1.0  # « qu'est-ce que le Fonds ? »: the overview that names it is the answer
        missing_share = sum(weights[t] for t in missing) / total
        shaped = kind in _SHAPED and type_ok  # a second date or place beside the first would only tempt
        runner_up = rival[3] if rival and rival[1] >= CLOSEST and not shaped else None
        return Ranked(cand, coverage, type_ok, tuple(terms), missing, margin=margin, missing_share=missing_share,
                      runner_up=runner_up)

    @staticmethod
    def _asked_credit(reach: dict[Term, frozenset[str]], cand: Candidate,
                      credit: dict[Term, float]) -> dict[Term, float]:
        """Credit for the terms a question users ask for the candidate holds together with another of this
        question's terms: one shared word alone (« demande ») says little about which sentence is meant.
        ``reach``: the corpus words each term of the question matches."""
        needed = min(2, len(reach))
        for ask in cand.asks:
            held = [t for t, matched in reach.items() if not matched.isdisjoint(ask)]
            if len(held) >= needed:
                for t in held:
                    credit[t] = max(credit[t], ASKED_CREDIT)
        return credit

    @staticmethod
    def _year_bound(reach: dict[Term, frozenset[str]], cand: Candidate,
                    credit: dict[Term, float]) -> dict[Term, float]:
        """« qui présidait l'OSCE en 2007 ? » is not answered by a list that names 2007 for one event and a
        presidency for another: when the candidate names several years, the asked year counts only near one of
        the question's other terms."""
        years = [t for t in reach if re.fullmatch(r"(19|20)\d\d", t.word) and credit[t] == 1.0]
        if len(years) != 1 or len(set(years_in(cand.text))) < 2:
            return credit
        year, others = years[0], [t for t in reach if t is not years[0] and credit[t] >= 0.5]
        tokens = words(cand.text)
        near = {w for i, token in enumerate(tokens) if token == year.word
                for w in tokens[max(0, i - YEAR_WINDOW):i + YEAR_WINDOW + 1]}
        if others and all(reach[t].isdisjoint(near) for t in others):
            return {**credit, year: YEAR_ELSEWHERE_CREDIT}
        return credit

    def _credit(self, term: Term, cand: Candidate) -> float:
        return max(self._form_credit(form, cand) for form in term.matchable)

    def _holds_itself(self, term: Term, cand: Candidate) -> bool:
        """Whether the candidate holds the term in one of its own forms, not only through a synonym."""
        return any(not self.matches(form).isdisjoint(cand.terms) for form in term.forms)

    def _form_credit(self, term: str, cand: Candidate) -> float:
        if not self.matches(term).isdisjoint(cand.terms):
            return 1.0
        if len(term) <= 3 or term.isdigit() or self._paraphrases is None:
            return 0.0
        return SIMILAR_CREDIT * self._paraphrases.best(term, cand.terms)

    def _sentence_candidate(self, sentence: SentenceInfo) -> Candidate:
        return Candidate(sentence.text, (sentence.citation,), sentence.terms, sentence=sentence,
                         asks=self._asks[sentence.id])


_DEFINED = {QuestionType.DEFINITION, QuestionType.WHO}  # « c'est quoi X ? », « qui est X ? »: what X is
_SHAPED = {QuestionType.WHEN, QuestionType.HOW_MANY, QuestionType.WHERE, QuestionType.NAME,
           QuestionType.WHICH_DOCUMENT}  # types whose answer has a shape a passage may hold: a date, a number…
_Scored = tuple[float, float, bool, Candidate, tuple[Term, ...]]  # score, coverage, type fits, candidate, missing


def _explains(forms: frozenset[str], text: str) -> bool:
    """Whether the text follows the term with an explanation, in brackets (« conférences d'examen (réunions
    organisées en préalable aux sommets …) ») or between dashes (« Président en exercice de l'OSCE – le Ministre
    des affaires étrangères … – »)."""
    folded = fold(text)
    return any(re.search(rf"\b{re.escape(form)}\w*\s*\((?!\d)", folded) or
               re.search(rf"\b{re.escape(form)}\w*(\s+[\w']+){{0,4}}\s+[–—]\s+(le|la|les|l')\b", folded)
               for form in forms)


def _tie_settled_by_phrase(scored: list[_Scored], terms: list[Term],
                           reach: dict[Term, frozenset[str]]) -> _Scored | None:
    """Among passages that cover the question equally well, from different paragraphs, the one that holds the
    question's words as one phrase (« la principale enceinte de dialogue régulier »), when only it does."""
    top = scored[0][0]
    tied = [item for item in scored if item[0] > top - MARGIN and item[1] >= CONFIDENT and item[2]]
    if len(tied) < 2 or len(terms) < PHRASE_TERMS or any(item[4] for item in tied):
        return None
    near = sorted(((_proximity(terms, reach, item[3].text), item) for item in tied), key=lambda pair: -pair[0])
    best, (_, _, _, cand, _) = near[0][0], near[0][1]
    where = {(c.document_id, c.paragraph) for c in cand.citations}
    rivals = [p for p, item in near[1:] if where.isdisjoint((c.document_id, c.paragraph) for c in item[3].citations)]
    if not rivals or best < PROXIMITY_FLOOR or best - max(rivals) < PROXIMITY_LEAD:
        return None
    return near[0][1]


def _proximity(terms: list[Term], reach: dict[Term, frozenset[str]], text: str) -> float:
    """The share of the question's neighbouring key terms that stand side by side in the text too: of two
    passages holding all the words asked, the one where « enceinte de dialogue régulier » is one phrase is
    the one asked about."""
    if len(terms) < 2:
        return 0.0
    tokens = words(text)
    positions = [[i for i, token in enumerate(tokens) if token in reach[t]] for t in terms]
    close = sum(any(abs(i - j) <= PROXIMITY_WINDOW for i in left for j in right)
                for left, right in zip(positions, positions[1:], strict=False))
    return close / (len(terms) - 1)


def _elsewhere(pool: list[Candidate], avoid: tuple[str, str] | None) -> list[Candidate]:
    """The candidates that do not cite the paragraph ``avoid``."""
    if avoid is None:
        return pool
    return [c for c in pool if avoid not in ((cite.document_id, cite.paragraph) for cite in c.citations)]


def _place(passage: str | None) -> tuple[str, str] | None:
    """« document|paragraph » → (document, paragraph)."""
    if not passage or "|" not in passage:
        return None
    document, _, paragraph = passage.partition("|")
    return document, paragraph


class _Paraphrases:
    """Word-vector similarity between a question term and the corpus words (spaCy's static vectors)."""

    def __init__(self, nlp: Any, vocabulary: list[str], matrix: Any) -> None:
        self._nlp = nlp
        self._vocabulary = vocabulary
        self._matrix = matrix
        self._rows: dict[str, dict[str, float]] = {}

    @classmethod
    def load(cls, path: Path, vocabulary: list[str]) -> _Paraphrases | None:
        if not path.exists():
            return None
        import numpy as np
        import spacy

        nlp = spacy.load(path)
        vocab = [w for w in vocabulary if len(w) >= 4 and nlp.vocab.has_vector(w)]
        if not vocab:
            return None
        matrix = np.array([nlp.vocab.get_vector(w) for w in vocab], dtype="float32")
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
        return cls(nlp, vocab, matrix)

    def is_word(self, term: str) -> bool:
        return bool(self._nlp.vocab.has_vector(term))

    def best(self, term: str, candidate_terms: frozenset[str]) -> float:
        """The highest similarity above the threshold between ``term`` and a word of the candidate, else 0."""
        if term not in self._rows:
            self._rows[term] = self._similar_words(term)
        return max((sim for word, sim in self._rows[term].items() if word in candidate_terms), default=0.0)

    def _similar_words(self, term: str) -> dict[str, float]:
        if not self._nlp.vocab.has_vector(term):
            return {}
        import numpy as np

        vector = self._nlp.vocab.get_vector(term)
        sims = self._matrix @ (vector / (np.linalg.norm(vector) + 1e-9))
        close = np.nonzero(sims >= SIMILAR)[0]
        return {self._vocabulary[i]: float(sims[i]) for i in close if stem(self._vocabulary[i]) != stem(term)}
