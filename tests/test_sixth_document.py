"""A sixth document ingested into a copy of the corpus: nothing the assistant says still counts five.

The number of documents, their list and the last year they reach come from the
store, so `python -m bot ingest` changes them without any edit to the code,
domain.yml or the curated answers.
"""
from __future__ import annotations

import re
import shutil

import pytest
import yaml

from bot.answering.context import DialogueState
from bot.answering.ranker import Ranker
from bot.answering.router import Router, Turn
from bot.knowledge import fact_files
from bot.knowledge.build import build_database, ingest_document
from bot.knowledge.store import KnowledgeStore
from bot.nlu.spacy_vectors import NLU_SPACY_MODEL
from bot.paths import PROJECT_DIR

TITLE = "Déclaration ministérielle de Vilnius sur la sécurité alimentaire et les partenaires"
SHORT_TITLE = "Déclaration de Vilnius (2021)"
SIXTH = """Déclaration ministérielle de Vilnius sur la sécurité alimentaire et les partenaires

1. Nous, ministres des États participants, saluons le dialogue mené avec les partenaires sur la sécurité
alimentaire dans la région méditerranéenne.

2. Nous encourageons le Secrétariat à organiser en 2022 un séminaire sur les réserves de céréales et les
corridors de transport des denrées.

3. Nous invitons les partenaires à partager leurs expériences de la gestion des stocks de céréales.
"""
FIVE_DOCUMENTS = re.compile(r"\b(cinq|5)\s+(documents|textes)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeStore:
    """A copy of the corpus with a sixth document added the way the README says, in its own database."""
    root = tmp_path_factory.mktemp("sixth")
    corpus = root / "corpus"
    shutil.copytree(fact_files.CORPUS_DIR, corpus)
    url = f"sqlite:///{root / 'knowledge.db'}"
    build_database(url, corpus_dir=corpus)
    text = root / "vilnius-2021.txt"
    text.write_text(SIXTH, encoding="utf-8")
    ingest_document(text, title=TITLE, short_title=SHORT_TITLE, kind="déclaration", year=2021, url=url,
                    corpus_dir=corpus)
    assert len(fact_files.manifest(corpus)) == 6 and (corpus / text.name).exists()
    assert len(fact_files.manifest()) == 5, "the ingestion must not touch the project's corpus"
    return KnowledgeStore(url)


@pytest.fixture(scope="module")
def router(six: KnowledgeStore) -> Router:
    return Router(six, Ranker(six, NLU_SPACY_MODEL))


def said(router: Router, text: str, intent: str | None = None) -> str:
    outcome = router.answer(Turn(text, intent), DialogueState())
    return "\n".join([outcome.response or ""] + [r.render() for r in outcome.replies])


def test_the_store_counts_six_documents(six: KnowledgeStore) -> None:
    assert [d.short_title for d in six.corpus()][-1] == SHORT_TITLE and len(six.corpus()) == 6
    assert six.last_year() == 2021
    assert any("céréales" in s.text for s in six.sentences_matching(["cereales"]))


@pytest.mark.parametrize(("question", "intent"), [
    ("Quelle est ta source ?", "ask_source"),
    ("Que disent les documents sur le changement climatique ?", "search_documents"),
    ("Quel est le plus récent de tes documents ?", "ask_document"),
    ("Quels documents connais-tu ?", "list_documents"),
    ("Que dit la déclaration de Vilnius sur les céréales ?", "search_documents"),
    ("Aide", "help"),
])
def test_no_answer_still_says_five_documents(router: Router, question: str, intent: str) -> None:
    assert not FIVE_DOCUMENTS.search(said(router, question, intent))


def test_the_answers_that_count_the_documents_count_six(router: Router) -> None:
    sources = said(router, "Quelle est ta source ?", "ask_source")
    assert "6 documents" in sources and TITLE in sources
    assert "Les six documents que je connais n'emploient pas" in said(
        router, "Que disent les documents sur le changement climatique ?", "search_documents")
    assert "céréales" in said(router, "Que dit la déclaration de Vilnius sur les stocks de céréales ?",
                              "search_documents")
    assert f"Le plus récent des documents que je connais est : {SHORT_TITLE}" in said(
        router, "Quel est le plus récent de tes documents ?", "ask_document")
    assert "s'arrêtent en 2020" not in said(router, "Qui a présidé l'OSCE en 2021 ?", "search_documents")


def test_no_response_or_curated_answer_counts_the_documents() -> None:
    domain = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
    texts = [variant.get("text", "") for variants in domain["responses"].values() for variant in variants]
    texts += [answer["text"] for answer in fact_files.answers_file()]
    assert texts and not [t for t in texts if FIVE_DOCUMENTS.search(t)]
