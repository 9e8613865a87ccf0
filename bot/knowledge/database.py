"""The knowledge database's URL and engine: all that the build and the store share."""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from bot.paths import VAR_DIR


def database_url() -> str:
    """SQLAlchemy URL of the knowledge store (``OSCE_BOT_DB_URL`` overrides)."""
    default = f"sqlite:///{VAR_DIR / 'knowledge.db'}"
    return os.environ.get("OSCE_BOT_DB_URL", default)


def make_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(url, future=True)
