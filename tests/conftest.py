"""Shared fixtures: a knowledge store built once per session in a temporary database."""
from __future__ import annotations

import pytest

from bot.knowledge.build import build_database
from bot.knowledge.store import KnowledgeStore


@pytest.fixture(scope="session")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'knowledge.db'}"
    build_database(url)
    return url


@pytest.fixture(scope="session")
def store(db_url: str) -> KnowledgeStore:
    return KnowledgeStore(db_url)


from tests.servers_fixture import servers  # noqa: E402,F401  (fixture)
from tests.stack_fixture import stack  # noqa: E402,F401  (fixture)
