"""Which named document a reference the user typed designates: a symbol, a decision number, a name or an alias."""
from __future__ import annotations

import re

from bot.knowledge.normalize import dated_reference, fold

NamedDocuments = list[tuple[str, str | None, list[str]]]
"""(id, number, folded aliases) of every named document."""


def resolve_document(reference: str, named_documents: NamedDocuments) -> str | None:
    """The id of the document ``reference`` names (« 5/11 », « décision 430 », « MC.DOC/10/14 », « Astana »), or None.

    Symbols first, then decision numbers, then the longest alias found in the reference.
    """
    key = fold(reference)
    for doc_id, number, _ in named_documents:
        if number and _names_symbol(key, fold(number)):
            return doc_id
    numbers = {number: doc_id for doc_id, number, _ in named_documents if number}
    for num in re.findall(r"(?<![\d/])(\d{1,3}/\d{2}|\d{3})(?![\d/])", key):
        if num in numbers:
            return numbers[num]
    best: tuple[int, str] | None = None
    padded = f" {dated_reference(key)} "
    for doc_id, _, aliases in named_documents:
        for alias in aliases:
            if alias in padded and re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", padded):
                if best is None or len(alias) > best[0]:
                    best = (len(alias), doc_id)
    if best:
        return best[1]
    return None


def _names_symbol(key: str, symbol: str) -> bool:
    """« MC.DOC/10/14 » is named by « mc doc », « mc.doc » or « 10/14 »; « PR/CP(2007)131 » by « pr/cp »."""
    if not re.search(r"[a-z]", symbol):
        return False
    head = re.split(r"[\d(]", symbol)[0].strip("/. ")
    tail = re.search(r"\d+/\d+$", symbol)
    return bool(head and (head in key or head.replace(".", " ") in key)
                or tail and re.search(rf"(?<![\d/]){re.escape(tail.group())}(?![\d/])", key))
