"""Rasa's endpoints.yml written from settings, so that switching stores never means editing YAML.

The tracker store is an SQLite file unless a PostgreSQL URL is given
(``OSCE_BOT_TRACKER_URL``); the lock store is Rasa's in-memory one unless a
Redis URL is given (``OSCE_BOT_LOCK_URL``). Several Rasa replicas need both
shared: the conversations live in PostgreSQL, the per-conversation lock in Redis.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml


class BadStoreUrl(ValueError):
    """A tracker or lock store URL this project cannot use."""


def tracker_store(tracker_url: str, sqlite_file: Path) -> dict[str, object]:
    """The ``tracker_store`` section: SQLite in ``sqlite_file`` by default, PostgreSQL by URL."""
    if not tracker_url:
        return {"type": "SQL", "dialect": "sqlite", "db": str(sqlite_file)}
    scheme = urlsplit(tracker_url).scheme
    if scheme.startswith("sqlite"):
        return {"type": "SQL", "url": tracker_url}
    if scheme.split("+")[0] in ("postgresql", "postgres"):
        url = "postgresql" + tracker_url[len(scheme):] if scheme.split("+")[0] == "postgres" else tracker_url
        return {"type": "bot.runtime.tracker_store.SharedSQLTrackerStore", "url": url}
    raise BadStoreUrl(f"OSCE_BOT_TRACKER_URL doit commencer par postgresql:// ou sqlite:/// (reçu : {scheme}://)")


def lock_store(lock_url: str) -> dict[str, object] | None:
    """The ``lock_store`` section: None (Rasa's in-memory lock) by default, Redis by URL."""
    if not lock_url:
        return None
    parts = urlsplit(lock_url)
    if parts.scheme not in ("redis", "rediss"):
        raise BadStoreUrl(f"OSCE_BOT_LOCK_URL doit commencer par redis:// (reçu : {parts.scheme}://)")
    try:
        port = parts.port or 6379
        db = int(parts.path.strip("/") or 0)
    except ValueError as error:
        raise BadStoreUrl(f"OSCE_BOT_LOCK_URL illisible : {error}") from None
    section: dict[str, object] = {"type": "bot.runtime.lock_store.AtomicRedisLockStore",
                                  "url": parts.hostname or "localhost", "port": port, "db": db,
                                  "use_ssl": parts.scheme == "rediss"}
    if parts.username:
        section["username"] = parts.username
    if parts.password:
        section["password"] = parts.password
    return section


def endpoints_yaml(action_url: str, tracker_url: str, lock_url: str, sqlite_file: Path) -> str:
    """The whole endpoints.yml text for these stores and this action server."""
    sections: dict[str, object] = {"action_endpoint": {"url": action_url},
                                   "tracker_store": tracker_store(tracker_url, sqlite_file)}
    lock = lock_store(lock_url)
    if lock:
        sections["lock_store"] = lock
    return yaml.safe_dump(sections, sort_keys=False, allow_unicode=True)
