"""Rasa's SQL tracker store made to outlive a PostgreSQL restart.

Rasa wraps every tracker store in a fail-safe that, on any database error,
answers from an empty in-memory tracker: the turn loses its history and is not
saved. Several replicas sharing PostgreSQL must not do that when the database
merely restarts. This store checks each pooled connection before use (so the
connections broken by a restart are replaced, not failed on) and, while the
database is unreachable, waits for it for a bounded time instead of failing.
"""
from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import DBAPIError, OperationalError

logger = logging.getLogger(__name__)

T = TypeVar("T")


def wait_limit() -> float:
    """Seconds a turn waits for an unreachable database (``OSCE_BOT_TRACKER_WAIT``, default 30)."""
    try:
        return max(0.0, float(os.environ.get("OSCE_BOT_TRACKER_WAIT", "30")))
    except ValueError:
        return 30.0


def unreachable(error: Exception) -> bool:
    """Whether ``error`` means the database cannot be reached now (as opposed to a bad query)."""
    return isinstance(error, OperationalError) or (isinstance(error, DBAPIError) and error.connection_invalidated)


class SharedSQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` with pre-pinged connections and a bounded wait while the database is down."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def _patiently(self, what: str, call: Callable[[], Awaitable[T]]) -> T:
        deadline = time.monotonic() + wait_limit()
        while True:
            try:
                return await call()
            except DBAPIError as error:
                if not unreachable(error) or time.monotonic() >= deadline:
                    raise
                logger.warning("tracker store unreachable during %s, retrying: %s", what, error.orig)
                await asyncio.sleep(0.5)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._patiently("retrieve", lambda: super(SharedSQLTrackerStore, self).retrieve(sender_id))

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        return await self._patiently("retrieve", lambda: super(SharedSQLTrackerStore, self)
                                     .retrieve_full_tracker(conversation_id))

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self._patiently("save", lambda: super(SharedSQLTrackerStore, self).save(tracker))
