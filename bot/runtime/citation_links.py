"""The « Source : … » tail of a reply, turned into links to the document page (chat page only).

The answering code ends a cited reply with ``\\n\\nSource : `` (or ``Sources : ``), then
``cite_list`` output (« Brochure …, § 4 et § 5 ; Décision No 5/11, préambule, alinéa 3 »)
and a final « . ». The REST channel keeps that text as it is (evaluation scripts match it);
the socket.io channel and the conversation restored on reload send it with each place
as a Markdown link, which the chat widget renders as ``<a target="_blank" rel="noopener">``.
A sentence the reply quotes between « and » travels in the link's query string when the
cited paragraph holds it, so that the document page can mark it.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from bot.knowledge.store import KnowledgeStore

TAIL = re.compile(r"\n\n(Sources? : )(.+)\.\s*\Z", re.S)
PLACE = re.compile(r"§ (\w+)|préambule, alinéa (\d+)|(préambule, formule d'ouverture)|titre")
QUOTED = re.compile(r"«\s*(.+?)\s*»", re.S)
ELLIPSIS = re.compile(r"\[?(?:…|\.\.\.)\]?")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>!|#])")
APOSTROPHES = {"’": "'", "‘": "'", "ʼ": "'"}
MIN_QUOTE = 8


@dataclass(frozen=True)
class CorpusIndex:
    """What linking needs from the knowledge store: document ids by short title, and paragraph texts."""

    ids_by_short_title: dict[str, str]
    paragraph_text: Callable[[str, str], str | None]


def paragraph_anchor(label: str) -> str:
    """« 4 » → ``p-4``, « préambule 3 » → ``p-preambule-3``: the id a link's fragment points at."""
    folded = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    return "p-" + re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def document_url(document_id: str, label: str, quoted: str | None = None) -> str:
    """Relative URL of a paragraph on the document page (the chat page and it share an origin)."""
    query = {"p": label, **({"q": quoted} if quoted else {})}
    return f"/documents/{quote(document_id, safe='')}?{urlencode(query, quote_via=quote)}#{paragraph_anchor(label)}"


def _comparable(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with one apostrophe style and single spaces, and each character's original index."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        ch = APOSTROPHES.get(ch, ch)
        if ch.isspace():
            if not chars or chars[-1] == " ":
                continue
            ch = " "
        lowered = ch.lower()
        chars.append(lowered if len(lowered) == 1 else ch)
        origin.append(i)
    return "".join(chars), origin


def _longest_piece(quoted: str) -> str:
    """The longest run of a quotation between ellipses, without edge punctuation."""
    pieces = [p.strip(" \t\n,;:.«»\"") for p in ELLIPSIS.split(quoted)]
    return max(pieces, key=len, default="")


def quote_span(paragraph: str, quoted: str) -> tuple[int, int] | None:
    """Where the quoted words lie in ``paragraph`` (case, apostrophes and spacing aside), or None."""
    piece = _longest_piece(quoted)
    if len(piece) < MIN_QUOTE:
        return None
    haystack, origin = _comparable(paragraph)
    needle, _ = _comparable(piece)
    at = haystack.find(needle)
    if at < 0:
        return None
    return origin[at], origin[at + len(needle) - 1] + 1


def _markdown_text(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _label(place: re.Match[str]) -> str:
    if place.group(1):
        return place.group(1)
    if place.group(2):
        return f"préambule {place.group(2)}"
    if place.group(3):
        return "ouverture"
    return "titre"


def _link_places(title: str, places: str, document_id: str, corpus: CorpusIndex, quotes: list[str]) -> str:
    """« Titre, § 4 et § 5 » with each place a link; the first link's text holds the title."""
    out: list[str] = []
    cursor = 0
    first = True
    for place in PLACE.finditer(places):
        out.append(places[cursor:place.start()])
        cursor = place.end()
        shown = f"{title}, {place.group(0)}" if first else place.group(0)
        first = False
        paragraph = corpus.paragraph_text(document_id, _label(place))
        if paragraph is None:
            out.append(shown)
            continue
        quoted = next((_longest_piece(q) for q in quotes if quote_span(paragraph, q)), None)
        out.append(f"[{_markdown_text(shown)}]({document_url(document_id, _label(place), quoted)})")
    if first:
        return f"{title}, {places}"
    out.append(places[cursor:])
    return "".join(out)


def _link_segment(segment: str, corpus: CorpusIndex, quotes: list[str]) -> str:
    for title in sorted(corpus.ids_by_short_title, key=len, reverse=True):
        if segment.startswith(title + ", "):
            places = segment[len(title) + 2:]
            return _link_places(title, places, corpus.ids_by_short_title[title], corpus, quotes)
    return segment


def link_citations(text: str, corpus: CorpusIndex) -> str:
    """The reply with each cited place of its source tail as a Markdown link; other text unchanged."""
    tail = TAIL.search(text)
    if tail is None:
        return text
    body = text[:tail.start()]
    quotes = QUOTED.findall(body)
    segments = [_link_segment(segment, corpus, quotes) for segment in tail.group(2).split(" ; ")]
    return f"{body}\n\n{tail.group(1)}{' ; '.join(segments)}."


def corpus_index(store: KnowledgeStore) -> CorpusIndex:
    """An index over the store as it is now (a document added by ``bot ingest`` is linked at once)."""
    texts: dict[str, dict[str, str]] = {}

    def paragraph_text(document_id: str, label: str) -> str | None:
        if document_id not in texts:
            texts[document_id] = {p.citation.paragraph: p.text for p in store.corpus_paragraphs(document_id)}
        return texts[document_id].get(label)

    return CorpusIndex({d.short_title: d.id for d in store.corpus()}, paragraph_text)
