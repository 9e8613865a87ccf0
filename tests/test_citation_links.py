"""Citations become links to the document page, with the quoted sentence, on the real knowledge store."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.knowledge.store import KnowledgeStore
from bot.knowledge.tables import Document
from bot.runtime.citation_links import corpus_index, document_url, link_citations, paragraph_anchor, quote_span
from bot.runtime.web.document_page import document_html

BROCHURE = "Brochure « Le partenariat de l'OSCE pour la coopération »"


def links(markdown: str) -> list[tuple[str, str]]:
    """(text, url) of each Markdown link."""
    return re.findall(r"\[((?:\\.|[^\]])+)\]\(([^)\s]+)\)", markdown)


def test_text_without_source_tail_is_unchanged(store: KnowledgeStore) -> None:
    text = "Bonjour ! Posez-moi une question, par exemple : « Quand la Thaïlande est-elle devenue partenaire ? »"
    assert link_citations(text, corpus_index(store)) == text


def test_each_place_of_each_document_is_a_link(store: KnowledgeStore) -> None:
    text = f"Réponse.\n\nSources : {BROCHURE}, § 7 et § 8 ; Décision No 5/11, préambule, alinéa 3."
    linked = link_citations(text, corpus_index(store))
    found = links(linked)
    assert [url.split("?")[0] for _, url in found] == ["/documents/brochure", "/documents/brochure",
                                                       "/documents/mc-dec-5-11"]
    assert [urlsplit(url).fragment for _, url in found] == ["p-7", "p-8", "p-preambule-3"]
    assert found[1][0] == "§ 8" and found[2][0] == "Décision No 5/11, préambule, alinéa 3"
    assert linked.startswith("Réponse.\n\nSources : [Brochure") and linked.endswith(").")


def test_a_quote_travels_only_to_the_paragraph_that_holds_it(store: KnowledgeStore) -> None:
    paragraph_4 = store.paragraph("brochure", "4")
    assert paragraph_4 is not None
    text = f"La Thaïlande en 2000 : « de la Thaïlande (2000) ».\n\nSources : {BROCHURE}, § 4 et § 7."
    (_, url_4), (_, url_7) = links(link_citations(text, corpus_index(store)))
    assert parse_qs(urlsplit(url_4).query) == {"p": ["4"], "q": ["de la Thaïlande (2000)"]}
    assert "q" not in parse_qs(urlsplit(url_7).query)


def test_unknown_document_or_place_stays_plain_text(store: KnowledgeStore) -> None:
    text = f"Réponse.\n\nSources : Document inconnu, § 4 ; {BROCHURE}, § 999."
    assert link_citations(text, corpus_index(store)) == text


def test_quote_span_ignores_case_apostrophes_spacing_and_ellipses() -> None:
    paragraph = "Les liens entre les partenaires et la CSCE/l’OSCE ont été noués au début des années 1990 : le Japon"
    start, end = quote_span(paragraph, "… la csce/l'OSCE ont  été noués …")
    assert paragraph[start:end] == "la CSCE/l’OSCE ont été noués"
    assert quote_span(paragraph, "tout autre chose ici") is None
    assert quote_span(paragraph, "le") is None


def test_anchor_and_url_of_a_preamble_paragraph() -> None:
    assert paragraph_anchor("préambule 12") == "p-preambule-12"
    assert document_url("mc-dec-5-11", "préambule 3", "a (b) c") == (
        "/documents/mc-dec-5-11?p=pr%C3%A9ambule%203&q=a%20%28b%29%20c#p-preambule-3")


def test_document_page_escapes_text_and_marks_only_the_cited_paragraph(store: KnowledgeStore) -> None:
    document = Document(id="x", title="Titre <b>", short_title="X", kind="note", body=None, symbol=None, year=2020,
                        source_file="x.txt")
    paragraphs = store.corpus_paragraphs("brochure")[:6]
    html = document_html(document, paragraphs, "4", "de la Thaïlande (2000)")
    assert "Titre &lt;b&gt;" in html
    assert html.count("<mark>") == 1
    assert '<p id="p-4" class="paragraph cited">' in html
    assert "<mark>de la Thaïlande (2000)</mark>" in html


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"])
def test_document_page_never_echoes_the_query(store: KnowledgeStore, hostile: str) -> None:
    document = store.corpus()[0]
    html = document_html(document, store.corpus_paragraphs(document.id), "1", hostile)
    assert hostile not in html and "<mark>" not in html
