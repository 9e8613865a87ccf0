"""Read the curated fact files (``facts/``) and the corpus manifest (``corpus/manifest.yml``) into plain records."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

KNOWLEDGE_DIR = Path(__file__).resolve().parent
CORPUS_DIR = KNOWLEDGE_DIR / "corpus"
"""The documents' texts and ``manifest.yml``, the list of them with their titles."""
FACTS_DIR = KNOWLEDGE_DIR / "facts"
"""The curated facts, each with its evidence: partners, countries, named documents, curated answers."""
MANIFEST = "manifest.yml"


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


def manifest(corpus_dir: Path = CORPUS_DIR) -> list[dict[str, Any]]:
    """The corpus manifest: one dict per document."""
    return load_yaml(corpus_dir / MANIFEST) or []


def partners_file() -> dict[str, Any]:
    return load_yaml(FACTS_DIR / "partners.yml")


def countries_file() -> list[dict[str, Any]]:
    return load_yaml(FACTS_DIR / "countries.yml")["countries"]


def documents_file() -> list[dict[str, Any]]:
    return load_yaml(FACTS_DIR / "named_documents.yml")["documents"]


def answers_file() -> list[dict[str, Any]]:
    return load_yaml(FACTS_DIR / "curated_answers.yml")["answers"]


def passage_questions_file() -> list[dict[str, Any]]:
    return load_yaml(FACTS_DIR / "passage_questions.yml")["passages"]
