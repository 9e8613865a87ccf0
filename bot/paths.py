"""Where the project's files and database live; overridable by environment."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
CORPUS_DIR = PACKAGE_DIR / "knowledge" / "corpus"
DATA_DIR = PACKAGE_DIR / "knowledge" / "facts"
MANIFEST = CORPUS_DIR / "manifest.yml"
VAR_DIR = Path(os.environ.get("OSCE_BOT_VAR_DIR", PROJECT_DIR / "var"))


def database_url() -> str:
    """SQLAlchemy URL of the knowledge store (``OSCE_BOT_DB_URL`` overrides)."""
    default = f"sqlite:///{VAR_DIR / 'knowledge.db'}"
    return os.environ.get("OSCE_BOT_DB_URL", default)
