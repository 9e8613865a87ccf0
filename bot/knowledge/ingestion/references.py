"""Find, in a paragraph, the documents it names (« Décision No 233 du Conseil permanent... »)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.normalize import fold


@dataclass(frozen=True)
class ReferencePattern:
    """How a named document is recognised in running text."""

    document_id: str
    corpus_document_id: str | None
    pattern: re.Pattern[str]


def patterns_for(document_id: str, number: str | None, aliases: list[str],
                 corpus_document_id: str | None) -> list[ReferencePattern]:
    """Decision numbers after « décision(s) ... No », and aliases of three words or more.

    Shorter aliases (« Madrid », « Astana ») also name places and meetings, so
    they serve look-ups but not reference extraction.
    """
    found: list[re.Pattern[str]] = []
    if number and re.fullmatch(r"\d+(?:/\d+)?", number):
        found.append(re.compile(rf"decisions?\b[^.;]{{0,80}}?\bno\s*{re.escape(number)}(?![\d/])"))
    for alias in aliases:
        key = fold(alias)
        if len(key.split()) >= 3 or "/" in key:
            found.append(re.compile(rf"(?<![\w]){re.escape(key)}(?![\w/])"))
    return [ReferencePattern(document_id, corpus_document_id, p) for p in found]


def find_references(text: str, document_id: str, patterns: list[ReferencePattern]) -> list[tuple[str, str]]:
    """(named document id, matched text) pairs for the paragraph ``text`` of ``document_id``."""
    folded = fold(text)
    hits: dict[str, str] = {}
    for ref in patterns:
        if ref.corpus_document_id == document_id or ref.document_id in hits:
            continue
        match = ref.pattern.search(folded)
        if match:
            hits[ref.document_id] = match.group(0)
    return list(hits.items())
