"""Latency and throughput over Rasa's REST channel, one client or many at once.

Every message of the mix calls a custom action (the store is queried), and each
reply is checked for the fact it must contain, so a fast wrong answer counts as an error.
"""
from __future__ import annotations

import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from bench.stats import percentile
from bot.evaluation import ask, normalize

MIX: list[tuple[str, str]] = [
    ("Quand la Thaïlande est-elle devenue partenaire ?", "2000"),
    ("Depuis quand le Japon est-il partenaire ?", "1992"),
    ("Quels sont les partenaires asiatiques ?", "australie"),
    ("Combien y a-t-il de partenaires méditerranéens ?", "6|six"),
    ("De quoi parle la décision 5/11 ?", "5/11"),
    ("Le Liban est-il partenaire ?", "liban"),
    ("Qu'est-ce que le Fonds de partenariat ?", "2007"),
    ("Où s'est réuni le Conseil OTAN-Russie en 2007 ?", "bruxelles"),
    ("À quelle opération la Russie contribue-t-elle selon le COR ?", "active endeavour"),
    ("Qui préside le groupe de contact asiatique ?", "sortante"),
]
TURNS_PER_CONVERSATION = 10
PROBE = MIX[0]
RANKED_PROBE = MIX[8]  # answered by the ranker, not by a structured lookup


@dataclass
class LoadResult:
    clients: int
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0

    @property
    def messages(self) -> int:
        return len(self.latencies) + len(self.errors)

    def p(self, q: float) -> float:
        return percentile(self.latencies, q)

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0

    def add(self, other: LoadResult) -> None:
        """Pool another round's measurements into this one."""
        self.latencies += other.latencies
        self.errors += other.errors
        self.wall += other.wall


def _client(url: str, n: int, messages: int, mix: list[tuple[str, str]]) -> tuple[list[float], list[str]]:
    latencies, errors = [], []
    sender = ""
    for i in range(messages):
        if i % TURNS_PER_CONVERSATION == 0:
            sender = f"bench-{n}-{uuid.uuid4().hex[:8]}"
        question, expected = mix[(n + i) % len(mix)]
        start = time.perf_counter()
        try:
            reply, _ = ask(url, sender, question)
        except OSError as error:
            errors.append(f"{question!r}: {error}")
            continue
        elapsed = time.perf_counter() - start
        if re.search(expected, normalize(reply)):
            latencies.append(elapsed)
        else:
            errors.append(f"{question!r} -> {reply[:80]!r}")
    return latencies, errors


def run(url: str, clients: int, messages_per_client: int, mix: list[tuple[str, str]] = MIX) -> LoadResult:
    """``clients`` concurrent senders, each sending ``messages_per_client`` messages back to back."""
    result = LoadResult(clients)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for latencies, errors in pool.map(lambda n: _client(url, n, messages_per_client, mix), range(clients)):
            result.latencies += latencies
            result.errors += errors
    result.wall = time.perf_counter() - start
    return result


def warm_up(url: str) -> None:
    _client(url, 0, len(MIX), MIX)
