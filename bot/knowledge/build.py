"""Build the knowledge database from the corpus and the curated data files.

Rebuilding is idempotent: the tables are dropped and filled again. A fact
whose evidence quote is not in its cited paragraph stops the build.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.knowledge import fact_files
from bot.knowledge.database import make_engine
from bot.knowledge.fact_files import CORPUS_DIR, MANIFEST, Evidence, evidence
from bot.knowledge.ingestion.cleaning import clean_text, normalize_space
from bot.knowledge.ingestion.references import find_references, patterns_for
from bot.knowledge.ingestion.segmenting import segment, sentence_spans
from bot.knowledge.lemmas import lemmatize
from bot.knowledge.normalize import fold, name_key
from bot.knowledge.tables import (
    Answer,
    AnswerSource,
    Base,
    Country,
    Document,
    Fact,
    NamedDocument,
    Paragraph,
    Partner,
    Reference,
    Sentence,
    SentenceQuestion,
    Statement,
)


class EvidenceError(ValueError):
    """A curated fact whose quote is not found in the paragraph it cites."""


@dataclass(frozen=True)
class BuildReport:
    documents: int
    paragraphs: int
    partners: int
    answers: int
    references: int
    passage_questions: int = 0


def build_database(url: str | None = None, corpus_dir: Path = CORPUS_DIR) -> BuildReport:
    """Drop and rebuild every table from the corpus and the fact files."""
    engine = make_engine(url)
    Base.metadata.drop_all(engine)
    _drop_search_index(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        for entry in fact_files.manifest(corpus_dir):
            _add_corpus_document(session, corpus_dir, entry)
        session.flush()
        index = _ParagraphIndex(session)
        partners = _add_partners(session, index)
        _add_named_documents(session, index)
        answers = _add_answers(session, index)
        passage_questions = _add_passage_questions(session, index)
        session.flush()
        references = _extract_references(session)
        session.commit()
        report = BuildReport(
            documents=session.query(Document).count(),
            paragraphs=session.query(Paragraph).count(),
            partners=partners,
            answers=answers,
            references=references,
            passage_questions=passage_questions,
        )
    rebuild_search_index(engine)
    engine.dispose()
    return report


def _add_corpus_document(session: Session, corpus_dir: Path, entry: dict[str, Any]) -> Document:
    raw = (corpus_dir / entry["file"]).read_text(encoding="utf-8")
    document = Document(
        id=entry["id"], title=entry["title"], short_title=entry.get("short_title") or entry["title"],
        kind=entry.get("kind") or "document", symbol=entry.get("symbol"), body=entry.get("body"),
        year=entry.get("year"), source_file=entry["file"],
    )
    session.add(document)
    for seg in segment(clean_text(raw), int(entry.get("skip_blocks", 1)), entry.get("headings")):
        paragraph = Paragraph(document_id=document.id, position=seg.position, label=seg.label, section=seg.section,
                              text=seg.text)
        session.add(paragraph)
        for position, (start, end) in enumerate(sentence_spans(seg.text)):
            sentence = seg.text[start:end]
            paragraph.sentences.append(Sentence(position=position, start=start, end=end, text=sentence,
                                                lemmas=" ".join(lemmatize(sentence))))
    return document


class _ParagraphIndex:
    """Resolves and checks evidence against the paragraphs just loaded."""

    def __init__(self, session: Session) -> None:
        self._by_key = {(p.document_id, p.label): p for p in session.query(Paragraph)}

    def check(self, owner: str, ev: Evidence) -> Paragraph:
        paragraph = self._by_key.get((ev.document, ev.paragraph))
        if paragraph is None:
            raise EvidenceError(f"{owner}: no paragraph « {ev.paragraph} » in document « {ev.document} »")
        if normalize_space(ev.quote) not in normalize_space(paragraph.text):
            raise EvidenceError(
                f"{owner}: quote not found in {ev.document} § {ev.paragraph}: « {ev.quote} »"
            )
        return paragraph


def _add_partners(session: Session, index: _ParagraphIndex) -> int:
    data = fact_files.partners_file()
    entries = [(p, "partner") for p in data["partners"]] + [(p, "former") for p in data["former_partners"]]
    for raw, status in entries:
        ev = evidence(raw["source"])
        paragraph = index.check(f"partner {raw['id']}", ev)
        session.add(Partner(
            id=raw["id"], name=raw["name"], article=raw["article"], gender=raw["gender"],
            group=raw["group"], since=raw["since"], since_helsinki=bool(raw.get("since_helsinki")),
            status=status, participating_state_since=raw.get("participating_state_since"),
            paragraph_id=paragraph.id, quote=ev.quote,
        ))
        for alias in {raw["name"], *raw.get("aliases", [])}:
            session.merge(Country(key=name_key(alias), name=raw["name"], article=raw["article"],
                                  gender=raw["gender"], partner_id=raw["id"]))
    for group, raw in data["groups"].items():
        ev = evidence(raw["source"])
        session.add(Fact(key=f"count:{group}", value=str(raw["count"]),
                         paragraph_id=index.check(f"group {group}", ev).id, quote=ev.quote))
    states = data["participating_states"]
    ev = evidence(states["source"])
    session.add(Fact(key="count:participating_states", value=str(states["count"]),
                     paragraph_id=index.check("participating_states", ev).id, quote=ev.quote))
    session.add(Fact(key="continents", value=states["continents"],
                     paragraph_id=index.check("participating_states", ev).id, quote=ev.quote))
    for raw in fact_files.countries_file():
        for alias in {raw["name"], *raw.get("aliases", [])}:
            key = name_key(alias)
            if session.get(Country, key) is None:
                session.add(Country(key=key, name=raw["name"], article=raw["article"],
                                    gender=raw["gender"], partner_id=None))
    return len(entries)


def _add_named_documents(session: Session, index: _ParagraphIndex) -> None:
    for raw in fact_files.documents_file():
        aliases = [raw["name"], *raw.get("aliases", [])]
        session.add(NamedDocument(
            id=raw["id"], name=raw["name"], article=raw["article"], gender=raw["gender"],
            kind=raw["kind"], number=raw.get("number"), body=raw.get("body"), year=raw.get("year"),
            date=raw.get("date"), corpus_document_id=raw.get("corpus"),
            aliases="\n".join(fold(a) for a in aliases),
        ))
        for position, statement in enumerate(raw.get("statements", [])):
            ev = evidence(statement["source"])
            paragraph = index.check(f"document {raw['id']} statement {position + 1}", ev)
            session.add(Statement(named_document_id=raw["id"], position=position, text=statement["text"],
                                  paragraph_id=paragraph.id, quote=ev.quote))


def _add_answers(session: Session, index: _ParagraphIndex) -> int:
    seen: set[str] = set()
    rows = fact_files.answers_file()
    for position, raw in enumerate(rows):
        if raw["id"] in seen:
            raise EvidenceError(f"answer {raw['id']}: duplicate id")
        seen.add(raw["id"])
        session.add(Answer(id=raw["id"], topic=raw["topic"], position=position, text=raw["text"],
                           keywords="\n".join(fold(str(k)) for k in raw.get("keywords", []))))
        if not raw.get("sources"):
            raise EvidenceError(f"answer {raw['id']}: no source")
        for n, source in enumerate(raw["sources"]):
            ev = evidence(source)
            paragraph = index.check(f"answer {raw['id']}", ev)
            session.add(AnswerSource(answer_id=raw["id"], position=n, paragraph_id=paragraph.id, quote=ev.quote))
    return len(rows)


def _add_passage_questions(session: Session, index: _ParagraphIndex) -> int:
    """Attach to each sentence the questions users ask for it; the quote says which sentence."""
    count = 0
    for raw in fact_files.passage_questions_file():
        ev = evidence(raw)
        paragraph = index.check("passage question", ev)
        quote = normalize_space(ev.quote)
        sentence = next((s for s in paragraph.sentences if quote in normalize_space(s.text)), None)
        if sentence is None:
            raise EvidenceError(f"passage question: « {ev.quote} » is not within one sentence of {ev.document} "
                                f"§ {ev.paragraph}")
        for question in raw.get("asks") or []:
            sentence.questions.append(SentenceQuestion(position=len(sentence.questions), text=question,
                                                       lemmas=" ".join(lemmatize(question))))
            count += 1
    return count


def _extract_references(session: Session) -> int:
    patterns = []
    for named in session.query(NamedDocument):
        patterns += patterns_for(named.id, named.number, named.aliases.split("\n"), named.corpus_document_id)
    count = 0
    for paragraph in session.query(Paragraph):
        for named_id, matched in find_references(paragraph.text, paragraph.document_id, patterns):
            session.add(Reference(paragraph_id=paragraph.id, named_document_id=named_id, matched=matched))
            count += 1
    return count


def _drop_search_index(engine: Engine) -> None:
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS passages"))  # the paragraph index of earlier versions
            conn.execute(text("DROP TABLE IF EXISTS sentence_index"))


def rebuild_search_index(engine: Engine) -> None:
    """(Re)create the FTS5 index over the sentences; other databases search without it."""
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS sentence_index"))
        conn.execute(text(
            "CREATE VIRTUAL TABLE sentence_index USING fts5("
            "text, lemmas, asked, sentence_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
        ))
        conn.execute(text(
            "INSERT INTO sentence_index (text, lemmas, asked, sentence_id) "
            "SELECT s.text, s.lemmas, coalesce((SELECT group_concat(q.text || ' ' || q.lemmas, ' ') "
            "FROM sentence_questions q WHERE q.sentence_id = s.id), ''), s.id FROM sentences s"
        ))


def ingest_document(path: Path, title: str, short_title: str | None = None, kind: str = "document",
                    symbol: str | None = None, body: str | None = None, year: int | None = None,
                    url: str | None = None, corpus_dir: Path = CORPUS_DIR) -> Document:
    """Copy a text file into the corpus, record it in the manifest and index it now."""
    entries = fact_files.manifest(corpus_dir)
    doc_id = fold(path.stem).replace(" ", "-")
    if any(e["id"] == doc_id for e in entries):
        raise ValueError(f"a document with id « {doc_id} » is already in the corpus")
    target = corpus_dir / path.name
    if target.resolve() != path.resolve():
        shutil.copyfile(path, target)
    entry = {"id": doc_id, "file": path.name, "title": title, "short_title": short_title or title,
             "kind": kind, "symbol": symbol, "body": body, "year": year, "skip_blocks": 1}
    with (corpus_dir / MANIFEST).open("a", encoding="utf-8") as handle:
        handle.write(yaml.safe_dump([entry], allow_unicode=True, sort_keys=False))
    engine = make_engine(url)
    with Session(engine) as session:
        document = _add_corpus_document(session, corpus_dir, entry)
        session.commit()
    rebuild_search_index(engine)
    engine.dispose()
    return document
