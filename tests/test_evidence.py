"""Every curated fact's quote is in the paragraph it cites, and the build says so when not."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.knowledge import fact_files
from bot.knowledge.build import EvidenceError, build_database
from bot.knowledge.database import make_engine
from bot.knowledge.ingestion.cleaning import normalize_space
from bot.knowledge.tables import Answer, AnswerSource, Paragraph, Partner, Statement


def test_every_evidence_quote_is_in_its_paragraph(db_url: str) -> None:
    engine = make_engine(db_url)
    with Session(engine) as s:
        rows = [*s.scalars(select(Partner)), *s.scalars(select(Statement)), *s.scalars(select(AnswerSource))]
        assert len(rows) > 100
        for row in rows:
            paragraph = s.get(Paragraph, row.paragraph_id)
            assert normalize_space(row.quote) in normalize_space(paragraph.text), row


def test_every_answer_has_a_source(db_url: str) -> None:
    with Session(make_engine(db_url)) as s:
        for answer in s.scalars(select(Answer)):
            assert answer.sources, answer.id


def test_every_partner_year_is_in_its_quote(store) -> None:  # noqa: ANN001
    for partner in store.partners(include_former=True):
        if not partner.since_helsinki:
            assert str(partner.since) in partner.quote, partner.name


def test_a_wrong_quote_fails_the_build_naming_the_fact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = fact_files.partners_file()
    data["partners"][0]["source"]["quote"] = "une phrase qui n'existe pas"
    fake = tmp_path / "partners.yml"
    fake.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(fact_files, "partners_file", lambda: yaml.safe_load(fake.read_text(encoding="utf-8")))
    with pytest.raises(EvidenceError, match="partner algeria"):
        build_database(f"sqlite:///{tmp_path / 'k.db'}")


def test_rebuilding_is_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert build_database(url) == build_database(url)


def test_a_passage_question_whose_quote_is_in_no_sentence_fails_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = fact_files.passage_questions_file()
    assert len(rows) > 150 and all(len(row["asks"]) >= 4 for row in rows)
    rows[0]["quote"] = "une phrase qui n'existe pas"
    monkeypatch.setattr(fact_files, "passage_questions_file", lambda: rows)
    with pytest.raises(EvidenceError, match="passage question"):
        build_database(f"sqlite:///{tmp_path / 'kb.sqlite'}")
