"""The knowledge store's typed query API: what the assistant may say, with citations."""
from __future__ import annotations

import re
from functools import cached_property, lru_cache

from rapidfuzz import fuzz, process
from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from bot.knowledge.database import make_engine
from bot.knowledge.document_resolution import resolve_document
from bot.knowledge.lemmas import STOP
from bot.knowledge.normalize import fold, name_key, words
from bot.knowledge.records import (
    AnswerInfo,
    AskedQuestion,
    Chairmanship,
    Citation,
    CountFact,
    CountryMatch,
    DocumentInfo,
    ParagraphInfo,
    PartnerInfo,
    SentenceInfo,
    StatementInfo,
)
from bot.knowledge.tables import (
    Answer,
    Country,
    Document,
    Fact,
    NamedDocument,
    Paragraph,
    Partner,
    Reference,
    Sentence,
)


def _cite(paragraph: Paragraph) -> Citation:
    return Citation(paragraph.document_id, paragraph.document.short_title, paragraph.label, paragraph.section)


def _asked_questions(sentence: Sentence) -> tuple[AskedQuestion, ...]:
    """The questions users ask for a sentence, each with its content words and lemmas."""
    return tuple(AskedQuestion(q.text, frozenset(w for w in set(words(q.text)) | set(q.lemmas.split())
                                                 if w not in STOP and len(w) > 1))
                 for q in sentence.questions)


def _partner_info(row: Partner) -> PartnerInfo:
    return PartnerInfo(row.id, row.name, row.article, row.gender, row.group, row.since, row.since_helsinki,
                       row.status, row.participating_state_since, _cite(row.paragraph), row.quote)


_CHAIRMANSHIP = re.compile(r"\bpresidence (\w+) de l'osce de (\d{4})\b")


class KnowledgeStore:
    """Read-only access to the knowledge database (built by ``python -m bot build-db``)."""

    FUZZY_MIN = 85

    def __init__(self, url: str | None = None, engine: Engine | None = None) -> None:
        self.engine = engine or make_engine(url)
        # the router asks the same message several times (its cues, then the answer it picks): scan it once
        self._scanned_countries = lru_cache(maxsize=256)(self._scan_countries)

    def _session(self) -> Session:
        return Session(self.engine)

    # --- partners ----------------------------------------------------------
    @cached_property
    def _countries(self) -> dict[str, CountryMatch]:
        with self._session() as s:
            partners = {p.id: _partner_info(p) for p in s.scalars(select(Partner))}
            return {
                c.key: CountryMatch(c.key, c.name, c.article, c.gender, partners.get(c.partner_id))
                for c in s.scalars(select(Country))
            }

    def find_country(self, name: str) -> CountryMatch | None:
        """Resolve a typed place name, tolerating typos; None when it is no known country.

        Exact names first; then fuzzy matching over partners *and* other
        countries, so that « Liban » is found as Lebanon and never as Japan.
        """
        key = name_key(name)[:100]
        if not key:
            return None
        found = self._countries.get(key)
        if found is None and len(key) >= 5:
            best = process.extractOne(key, list(self._countries), scorer=fuzz.ratio,
                                      score_cutoff=self.FUZZY_MIN)
            found = self._countries[best[0]] if best else None
        if found is None:
            return None
        return CountryMatch(name, found.name, found.article, found.gender, found.partner)

    def find_partner(self, name: str) -> PartnerInfo | None:
        """The current or former partner the name designates, else None."""
        match = self.find_country(name)
        return match.partner if match else None

    def countries_in_text(self, message: str) -> list[CountryMatch]:
        """Countries named in a free-text message, in order of appearance."""
        return list(self._scanned_countries(message))

    def _scan_countries(self, message: str) -> tuple[CountryMatch, ...]:
        folded = " " + re.sub(r"[^\w' -]", " ", fold(message)).replace("'", "' ") + " "
        spans: list[tuple[int, str]] = []
        for key in sorted(self._countries, key=len, reverse=True):
            for m in re.finditer(rf"(?<![\w]){re.escape(key)}(?![\w])", folded):
                if not any(start <= m.start() < start + len(k) for start, k in spans):
                    spans.append((m.start(), key))
        if not spans:
            for token in words(message):
                if len(token) >= 5:
                    match = self.find_country(token)
                    if match:
                        spans.append((folded.find(token), match.query and name_key(match.name)))
        found: list[CountryMatch] = []
        for _, key in sorted(spans):
            match = self._countries.get(key) or self.find_country(key)
            if match and all(m.name != match.name for m in found):
                found.append(match)
        return tuple(found)

    def partners(self, group: str | None = None, before: int | None = None, after: int | None = None,
                 in_year: int | None = None, include_former: bool = False) -> list[PartnerInfo]:
        """Partners ordered by the year they joined (Helsinki-process partners count as 1975)."""
        query = select(Partner).order_by(Partner.since, Partner.name)
        if not include_former:
            query = query.where(Partner.status == "partner")
        if group:
            query = query.where(Partner.group == group)
        if before is not None:
            query = query.where(Partner.since < before)
        if after is not None:
            query = query.where(Partner.since > after)
        if in_year is not None:
            query = query.where(Partner.since == in_year)
        with self._session() as s:
            return [_partner_info(p) for p in s.scalars(query)]

    def partners_at_end(self, group: str | None, order: str) -> list[PartnerInfo]:
        """The partners who came first (``order`` « first ») or last (« last »); several joined the same year."""
        partners = self.partners(group=group)
        if not partners or order not in ("first", "last"):
            return []
        year = partners[0].since if order == "first" else partners[-1].since
        return [p for p in partners if p.since == year]

    def neighbours(self, partner: PartnerInfo, after: bool = True) -> list[PartnerInfo]:
        """The partners of the same group who joined in the year just after (or just before) this one."""
        if after:
            later = self.partners(group=partner.group, after=partner.since)
            return [p for p in later if p.since == later[0].since] if later else []
        earlier = self.partners(group=partner.group, before=partner.since)
        return [p for p in earlier if p.since == earlier[-1].since] if earlier else []

    def count(self, key: str) -> CountFact:
        """An evidenced count: ``méditerranéen``, ``asiatique`` or ``participating_states``."""
        with self._session() as s:
            fact = s.get(Fact, f"count:{key}")
            if fact is None:
                raise KeyError(key)
            return CountFact(int(fact.value), _cite(fact.paragraph))

    def fact(self, key: str) -> str | None:
        with self._session() as s:
            row = s.get(Fact, key)
            return row.value if row else None

    # --- documents -----------------------------------------------------------
    def _document_info(self, s: Session, row: NamedDocument) -> DocumentInfo:
        refs = s.scalars(select(Reference).where(Reference.named_document_id == row.id)
                         .options(selectinload(Reference.paragraph))).all()
        cited = tuple(sorted({_cite(r.paragraph) for r in refs}, key=str))
        statements = tuple(StatementInfo(st.text, _cite(st.paragraph)) for st in row.statements)
        return DocumentInfo(row.id, row.name, row.article, row.gender, row.kind, row.number, row.body,
                            row.year, row.date, row.corpus_document_id, statements, cited)

    def document(self, reference: str) -> DocumentInfo | None:
        """A document by any of its references: « 5/11 », « décision 430 », « MC.DOC/10/14 », « Astana »."""
        if reference in self._document_infos:
            return self._document_infos[reference]
        doc_id = resolve_document(reference[:300], self._named_documents)
        return self._document_infos.get(doc_id) if doc_id else None

    @cached_property
    def _document_infos(self) -> dict[str, DocumentInfo]:
        with self._session() as s:
            return {r.id: self._document_info(s, r) for r in s.scalars(select(NamedDocument))}

    def all_documents(self) -> list[DocumentInfo]:
        return list(self._document_infos.values())

    def last_year(self) -> int:
        """The latest year a corpus document carries: the documents say nothing past it."""
        return max((d.year for d in self.corpus() if d.year), default=0)

    def corpus(self) -> list[Document]:
        """The corpus documents (their metadata), in file order."""
        with self._session() as s:
            rows = s.scalars(select(Document).order_by(Document.source_file)).all()
            s.expunge_all()
            return list(rows)

    @cached_property
    def _named_documents(self) -> list[tuple[str, str | None, list[str]]]:
        """(id, number, aliases) of every named document: resolved on every question, read once."""
        with self._session() as s:
            return [(r.id, r.number, [a for a in r.aliases.split("\n") if a])
                    for r in s.scalars(select(NamedDocument))]

    def paragraph(self, document: str, label: str) -> ParagraphInfo | None:
        """Paragraph ``label`` (« 9 », « préambule 3 ») of a corpus document named by any reference."""
        info = self.document(document)
        doc_id = info.corpus_document_id if info else None
        if doc_id is None:
            with self._session() as s:
                doc_id = document if s.get(Document, document) else None
        if doc_id is None:
            return None
        with self._session() as s:
            row = s.scalars(select(Paragraph).where(Paragraph.document_id == doc_id,
                                                     Paragraph.label == str(label).strip())).first()
            return ParagraphInfo(row.text, _cite(row)) if row else None

    def citing(self, reference: str) -> list[Citation]:
        """The paragraphs that name the document ``reference``."""
        info = self.document(reference)
        return list(info.cited_by) if info else []

    def cited_in(self, document_id: str, paragraph: str | None = None) -> list[tuple[DocumentInfo, Citation]]:
        """The documents a corpus document names (in ``paragraph`` when given), each with where it first does."""
        found = []
        for info in self._document_infos.values():
            where = next((c for c in info.cited_by if c.document_id == document_id
                          and (paragraph is None or c.paragraph == paragraph)), None)
            if where:
                found.append((info, where))
        return found

    # --- curated answers -----------------------------------------------------
    @cached_property
    def _answers(self) -> list[tuple[Answer, list[str], tuple[Citation, ...]]]:
        with self._session() as s:
            rows = s.scalars(select(Answer).order_by(Answer.position)).all()
            return [(a, [k for k in a.keywords.split("\n") if k], tuple(_cite(src.paragraph) for src in a.sources))
                    for a in rows]

    def answers(self) -> list[AnswerInfo]:
        """Every curated answer, with the keywords that announce it."""
        return [AnswerInfo(row.id, row.topic, row.text, cites, tuple(keywords))
                for row, keywords, cites in self._answers]

    # --- sentences ---------------------------------------------------------------
    @cached_property
    def _sentences(self) -> dict[int, SentenceInfo]:
        with self._session() as s:
            rows = s.scalars(select(Sentence).options(selectinload(Sentence.paragraph)
                                                      .selectinload(Paragraph.document),
                                                      selectinload(Sentence.questions))).all()
            return {r.id: SentenceInfo(r.id, r.text, _cite(r.paragraph), r.start, r.end, r.paragraph.text,
                                       frozenset(words(r.text)) | frozenset(r.lemmas.split()),
                                       _asked_questions(r))
                    for r in rows}

    def sentences(self) -> list[SentenceInfo]:
        """Every sentence of the corpus, in no particular order."""
        return list(self._sentences.values())

    @cached_property
    def chairmanships(self) -> list[Chairmanship]:
        """The OSCE Chairmanships the corpus names with their year, read off its sentences."""
        found = {}
        for sentence in self.sentences():
            for match in _CHAIRMANSHIP.finditer(fold(sentence.text)):
                found.setdefault(int(match.group(2)), Chairmanship(match.group(1), int(match.group(2)),
                                                                   sentence.citation))
        return [found[year] for year in sorted(found)]

    def sentence(self, sentence_id: int) -> SentenceInfo | None:
        return self._sentences.get(sentence_id)

    def next_paragraph(self, document_id: str, label: str) -> ParagraphInfo | None:
        """The paragraph read right after paragraph ``label`` of a corpus document (« et juste après ? »)."""
        with self._session() as s:
            row = s.scalars(select(Paragraph).where(Paragraph.document_id == document_id,
                                                     Paragraph.label == label)).first()
            if row is None:
                return None
            following = s.scalars(select(Paragraph).where(Paragraph.document_id == document_id,
                                                           Paragraph.position > row.position)
                                  .order_by(Paragraph.position)).first()
            return ParagraphInfo(following.text, _cite(following)) if following else None

    def next_sentence(self, sentence_id: int) -> SentenceInfo | None:
        """The sentence read right after this one: the next of its paragraph, else the first of the next paragraph."""
        return self._sentence_beside(sentence_id, after=True)

    def previous_sentence(self, sentence_id: int) -> SentenceInfo | None:
        """The sentence read right before this one: « et la phrase d'avant ? »."""
        return self._sentence_beside(sentence_id, after=False)

    def edge_sentence(self, document_id: str, label: str, last: bool) -> SentenceInfo | None:
        """The first or last sentence of a paragraph: where « la phrase d'avant / d'après » starts from once the
        whole paragraph was shown."""
        with self._session() as s:
            row = s.scalars(select(Paragraph).where(Paragraph.document_id == document_id,
                                                     Paragraph.label == label)).first()
            if row is None or not row.sentences:
                return None
            return self._sentences.get(row.sentences[-1 if last else 0].id)

    def _sentence_beside(self, sentence_id: int, after: bool) -> SentenceInfo | None:
        with self._session() as s:
            row = s.get(Sentence, sentence_id)
            if row is None:
                return None
            step = Sentence.position > row.position if after else Sentence.position < row.position
            beside = s.scalars(select(Sentence).where(Sentence.paragraph_id == row.paragraph_id, step)
                               .order_by(Sentence.position if after else Sentence.position.desc())).first()
            if beside is None:
                near = Paragraph.position > row.paragraph.position if after else \
                    Paragraph.position < row.paragraph.position
                paragraph = s.scalars(select(Paragraph).where(Paragraph.document_id == row.paragraph.document_id, near)
                                      .order_by(Paragraph.position if after else Paragraph.position.desc())).first()
                beside = (paragraph.sentences[0 if after else -1] if paragraph and paragraph.sentences else None)
            return self._sentences.get(beside.id) if beside else None

    def sentences_matching(self, terms: list[str], limit: int = 40) -> list[SentenceInfo]:
        """Sentences holding any of ``terms`` (words or lemmas, prefix-matched), best bm25 first."""
        terms = [t for t in dict.fromkeys(terms) if re.fullmatch(r"[\w-]+", t)][:40]
        if not terms:
            return []
        query = " OR ".join(f'"{t}"' + ("*" if len(t) >= 5 else "") for t in terms)
        with self._session() as s:
            if self.engine.dialect.name != "sqlite":
                return self.sentences()[:limit]
            ids = [r[0] for r in s.execute(text(
                "SELECT sentence_id FROM sentence_index WHERE sentence_index MATCH :q "
                "ORDER BY bm25(sentence_index, 1.0, 1.0, 0.5) LIMIT :n"), {"q": query, "n": limit})]
        return [self._sentences[i] for i in ids if i in self._sentences]

    # --- document pages ------------------------------------------------------
    def corpus_paragraphs(self, document_id: str) -> list[ParagraphInfo]:
        """Every paragraph of one corpus document in reading order: the document page shows them all."""
        with self._session() as s:
            rows = s.scalars(select(Paragraph).where(Paragraph.document_id == document_id)
                             .order_by(Paragraph.position).options(selectinload(Paragraph.document))).all()
            return [ParagraphInfo(row.text, _cite(row)) for row in rows]
