"""Which named document a reference the user typed designates: a symbol, a decision number, a name or an alias."""
from __future__ import annotations

import re

from bot.knowledge.normalize import fold

NamedDocuments = list[tuple[str, str | None, list[str]]]
"""(id, number, folded aliases) of every named document."""


def resolve_document(reference: str, named_documents: NamedDocuments) -> str | None:
    """The id of the document ``reference`` names (« 5/11 », « décision 430 », « MC.DOC/10/14 », « Astana »), or None.

    Symbols first, then decision numbers, then the longest alias found in the reference.
    """
    key = fold(reference)
    if "mc.doc" in key or "mc doc" in key or re.search(r"\b10/14\b", key):
        return "mc-doc-10-14"
    if "pr/cp" in key:
        return "nrc-2007"
    numbers = {number: doc_id for doc_id, number, _ in named_documents if number}
    for num in re.findall(r"(?<![\d/])(\d{1,3}/\d{2}|\d{3})(?![\d/])", key):
        if num in numbers:
            return numbers[num]
    best: tuple[int, str] | None = None
    padded = f" {key} "
    for doc_id, _, aliases in named_documents:
        for alias in aliases:
            if alias in padded and re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", padded):
                if best is None or len(alias) > best[0]:
                    best = (len(alias), doc_id)
    if best:
        return best[1]
    return None
