"""The answering router's own cost per message, in process (no HTTP, no NLU).

Every question of the coverage set goes through ``Router.answer`` (cues, context,
structured lookups, ranker) and through ``Ranker.rank`` alone, after a warm-up.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import yaml

from bench.stats import percentile
from bot.answering.context import DialogueState
from bot.answering.cues import document_scope
from bot.answering.ranker import Ranker
from bot.answering.router import Router, Turn
from bot.knowledge.store import KnowledgeStore
from bot.nlu.spacy_vectors import NLU_SPACY_MODEL
from bot.paths import PROJECT_DIR

QUESTIONS = PROJECT_DIR / "eval" / "paragraphs.yml"


@dataclass(frozen=True)
class RankerTiming:
    questions: int
    router_p50: float
    router_p95: float
    ranker_p50: float
    ranker_p95: float


def measure() -> RankerTiming:
    store = KnowledgeStore()
    router = Router(store, Ranker(store, NLU_SPACY_MODEL))
    router.warm_up()
    questions = [turn["q"] for item in yaml.safe_load(QUESTIONS.read_text(encoding="utf-8")) for turn in item["turns"]]
    routed, ranked = [], []
    for question in questions:
        start = time.perf_counter()
        router.answer(Turn(question, "search_documents"), DialogueState())
        routed.append(time.perf_counter() - start)
        start = time.perf_counter()
        router.ranker.rank(question, document_scope(question))
        ranked.append(time.perf_counter() - start)
    return RankerTiming(len(questions), percentile(routed, 50), percentile(routed, 95),
                        percentile(ranked, 50), percentile(ranked, 95))
