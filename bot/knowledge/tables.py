"""SQLAlchemy tables of the knowledge store."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Document(Base):
    """A corpus document whose full text we hold."""

    __tablename__ = "documents"
    id = Column(String, primary_key=True)
    title = Column(Text, nullable=False)
    short_title = Column(Text, nullable=False)
    kind = Column(String, nullable=False)
    symbol = Column(String)
    body = Column(Text)
    year = Column(Integer)
    source_file = Column(String, nullable=False)
    paragraphs = relationship("Paragraph", back_populates="document", order_by="Paragraph.position")


class Paragraph(Base):
    """One citable paragraph; ``label`` is how citations name it (« 9 », « préambule 3 »)."""

    __tablename__ = "paragraphs"
    id = Column(Integer, primary_key=True)
    document_id = Column(String, ForeignKey("documents.id"), nullable=False, index=True)
    position = Column(Integer, nullable=False)
    label = Column(String, nullable=False)
    section = Column(Text)
    text = Column(Text, nullable=False)
    document = relationship("Document", back_populates="paragraphs")
    sentences = relationship("Sentence", back_populates="paragraph", order_by="Sentence.position")


class Sentence(Base):
    """A sentence (or a clause of a very long one) of a paragraph: the unit the assistant quotes.

    ``start``/``end`` are character offsets in the paragraph text, so the quote is
    exact and a citation can point inside the paragraph.
    """

    __tablename__ = "sentences"
    id = Column(Integer, primary_key=True)
    paragraph_id = Column(Integer, ForeignKey("paragraphs.id"), nullable=False, index=True)
    position = Column(Integer, nullable=False)
    start = Column(Integer, nullable=False)
    end = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)
    lemmas = Column(Text, nullable=False, default="")
    paragraph = relationship("Paragraph", back_populates="sentences")
    questions = relationship("SentenceQuestion", back_populates="sentence", order_by="SentenceQuestion.position")


class SentenceQuestion(Base):
    """A question a sentence answers, in a user's words (facts/passage_questions.yml).

    Users rarely ask with the document's words; these let the ranker find the sentence anyway.
    """

    __tablename__ = "sentence_questions"
    id = Column(Integer, primary_key=True)
    sentence_id = Column(Integer, ForeignKey("sentences.id"), nullable=False, index=True)
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)
    lemmas = Column(Text, nullable=False, default="")
    sentence = relationship("Sentence", back_populates="questions")


class Partner(Base):
    """A partner for co-operation, or a former one (``status`` = ``former``)."""

    __tablename__ = "partners"
    id = Column(String, primary_key=True)
    name = Column(String, nullable=False)
    article = Column(String, nullable=False)
    gender = Column(String, nullable=False)
    group = Column(String, nullable=False)
    since = Column(Integer, nullable=False)
    since_helsinki = Column(Boolean, nullable=False, default=False)
    status = Column(String, nullable=False)
    participating_state_since = Column(Integer)
    paragraph_id = Column(Integer, ForeignKey("paragraphs.id"), nullable=False)
    quote = Column(Text, nullable=False)
    paragraph = relationship("Paragraph")


class Country(Base):
    """A place name users may ask about: partners, former partners and others."""

    __tablename__ = "countries"
    key = Column(String, primary_key=True)
    name = Column(String, nullable=False)
    article = Column(String, nullable=False)
    gender = Column(String, nullable=False)
    partner_id = Column(String, ForeignKey("partners.id"))


class Fact(Base):
    """A single evidenced value (a count, a list) keyed by name."""

    __tablename__ = "facts"
    key = Column(String, primary_key=True)
    value = Column(Text, nullable=False)
    paragraph_id = Column(Integer, ForeignKey("paragraphs.id"), nullable=False)
    quote = Column(Text, nullable=False)
    paragraph = relationship("Paragraph")


class NamedDocument(Base):
    """Any document the texts name (the corpus ones included)."""

    __tablename__ = "named_documents"
    id = Column(String, primary_key=True)
    name = Column(Text, nullable=False)
    article = Column(String, nullable=False)
    gender = Column(String, nullable=False)
    kind = Column(String, nullable=False)
    number = Column(String)
    body = Column(Text)
    year = Column(Integer)
    date = Column(String)
    corpus_document_id = Column(String, ForeignKey("documents.id"))
    aliases = Column(Text, nullable=False, default="")
    statements = relationship("Statement", order_by="Statement.position")


class Statement(Base):
    """What a text says about a named document, with its evidence."""

    __tablename__ = "statements"
    id = Column(Integer, primary_key=True)
    named_document_id = Column(String, ForeignKey("named_documents.id"), nullable=False)
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)
    paragraph_id = Column(Integer, ForeignKey("paragraphs.id"), nullable=False)
    quote = Column(Text, nullable=False)
    paragraph = relationship("Paragraph")


class Reference(Base):
    """A paragraph that names a document, found by pattern at ingestion."""

    __tablename__ = "references"
    id = Column(Integer, primary_key=True)
    paragraph_id = Column(Integer, ForeignKey("paragraphs.id"), nullable=False)
    named_document_id = Column(String, ForeignKey("named_documents.id"), nullable=False, index=True)
    matched = Column(Text, nullable=False)
    paragraph = relationship("Paragraph")


class Answer(Base):
    """A curated answer to a question the documents answer."""

    __tablename__ = "answers"
    id = Column(String, primary_key=True)
    topic = Column(String, nullable=False, index=True)
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)
    keywords = Column(Text, nullable=False)
    sources = relationship("AnswerSource", order_by="AnswerSource.position")


class AnswerSource(Base):
    """One piece of evidence for an answer."""

    __tablename__ = "answer_sources"
    id = Column(Integer, primary_key=True)
    answer_id = Column(String, ForeignKey("answers.id"), nullable=False)
    position = Column(Integer, nullable=False)
    paragraph_id = Column(Integer, ForeignKey("paragraphs.id"), nullable=False)
    quote = Column(Text, nullable=False)
    paragraph = relationship("Paragraph")
