"""The document pages: each corpus document, cleaned, with paragraphs a citation can link to.

Rendered on the server from the knowledge store with every text escaped, so no
markup from a document or a URL is ever interpreted, and the page needs no script.
``/documents/<id>?p=<label>&q=<quotation>#p-<label>`` highlights paragraph ``label``
and marks the quotation in it (found ignoring case, apostrophe style and spacing).
"""
from __future__ import annotations

from html import escape
from urllib.parse import quote

from bot.knowledge.records import ParagraphInfo
from bot.knowledge.store import KnowledgeStore
from bot.knowledge.tables import Document
from bot.runtime.citation_links import paragraph_anchor, quote_span

HEAD = """<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} — Assistant OSCE</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/document.css">
</head>
<body>
"""
FOOT = "</body>\n</html>\n"


def _place(paragraph: ParagraphInfo) -> str:
    """How the label reads beside the paragraph: « § 4 », « préambule, alinéa 3 », « titre »."""
    return paragraph.citation.where


def _paragraph_html(paragraph: ParagraphInfo, cited: bool, quoted: str | None) -> str:
    text = paragraph.text
    span = quote_span(text, quoted) if cited and quoted else None
    if span:
        start, end = span
        body = f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])}"
    else:
        body = escape(text)
    anchor = paragraph_anchor(paragraph.citation.paragraph)
    classes = "paragraph cited" if cited else "paragraph"
    return (f'<p id="{anchor}" class="{classes}"><a class="place" href="#{anchor}">{escape(_place(paragraph))}</a> '
            f"<span class=\"text\">{body}</span></p>\n")


def document_html(document: Document, paragraphs: list[ParagraphInfo], cited: str | None, quoted: str | None) -> str:
    """One document; ``cited`` is the label of the paragraph a citation points at, ``quoted`` what it quotes."""
    facts = ", ".join(escape(str(v)) for v in (document.body, document.symbol, document.year) if v)
    parts = [HEAD.format(title=escape(document.short_title)),
             '<header>\n  <p><a href="/">Assistant</a> › <a href="/documents">Documents</a></p>\n',
             f"  <h1>{escape(document.title)}</h1>\n  <p>{facts}</p>\n</header>\n<main>\n"]
    section: str | None = None
    for paragraph in paragraphs:
        if paragraph.citation.section and paragraph.citation.section != section:
            section = paragraph.citation.section
            parts.append(f"<h2>{escape(section)}</h2>\n")
        parts.append(_paragraph_html(paragraph, paragraph.citation.paragraph == cited, quoted))
    parts.append("</main>\n")
    parts.append(FOOT)
    return "".join(parts)


def index_html(store: KnowledgeStore) -> str:
    """The list of corpus documents, each linking to its page."""
    items = "".join(f'  <li><a href="/documents/{escape(quote(d.id))}">{escape(d.title)}</a></li>\n'
                    for d in store.corpus())
    return (HEAD.format(title="Documents") + '<header>\n  <p><a href="/">Assistant</a></p>\n'
            "  <h1>Les documents de l'assistant</h1>\n</header>\n<main>\n<ul>\n" + items + "</ul>\n</main>\n" + FOOT)


def find_document(store: KnowledgeStore, document_id: str) -> Document | None:
    return next((d for d in store.corpus() if d.id == document_id), None)
