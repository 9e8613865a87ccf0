"""Read the curated data files and the corpus manifest into plain records."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.paths import DATA_DIR, MANIFEST


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: corpus document id, paragraph label, verbatim quote."""

    document: str
    paragraph: str
    quote: str


def evidence(raw: dict[str, Any]) -> Evidence:
    return Evidence(str(raw["document"]), str(raw["paragraph"]), str(raw["quote"]))


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def manifest(path: Path = MANIFEST) -> list[dict[str, Any]]:
    """The corpus manifest: one dict per document."""
    return load_yaml(path) or []


def partners_file() -> dict[str, Any]:
    return load_yaml(DATA_DIR / "partners.yml")


def countries_file() -> list[dict[str, Any]]:
    return load_yaml(DATA_DIR / "countries.yml")["countries"]


def documents_file() -> list[dict[str, Any]]:
    return load_yaml(DATA_DIR / "named_documents.yml")["documents"]


def answers_file() -> list[dict[str, Any]]:
    return load_yaml(DATA_DIR / "curated_answers.yml")["answers"]
