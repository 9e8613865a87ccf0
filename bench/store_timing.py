"""How long the knowledge store takes to build and to answer its typical queries."""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.stats import percentile
from bot.knowledge.build import build_database
from bot.knowledge.store import KnowledgeStore

QUERIES: dict[str, Callable[[KnowledgeStore], object]] = {
    "find_partner (faute de frappe)": lambda s: s.find_partner("thailande"),
    "partners(group, after)": lambda s: s.partners(group="asiatique", after=2000),
    "document(« 5/11 »)": lambda s: s.document("5/11"),
    "citing(« 17/04 »)": lambda s: s.citing("17/04"),
    "sentences_matching (bm25, phrases)": lambda s: s.sentences_matching(["traite", "etres", "humains"]),
}


@dataclass(frozen=True)
class StoreTiming:
    build_seconds: float
    query_p50: dict[str, float]
    query_p95: dict[str, float]


def measure(repeat: int = 200) -> StoreTiming:
    start = time.perf_counter()
    build_database()
    build_seconds = time.perf_counter() - start
    store = KnowledgeStore()
    p50, p95 = {}, {}
    for name, query in QUERIES.items():
        query(store)
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            query(store)
            times.append(time.perf_counter() - t)
        p50[name], p95[name] = percentile(times, 50), percentile(times, 95)
    return StoreTiming(build_seconds, p50, p95)
