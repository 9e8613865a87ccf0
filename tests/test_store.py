"""The store's query API, on the real corpus."""
from __future__ import annotations

import pytest

from bot.knowledge.store import KnowledgeStore


@pytest.mark.parametrize(("typed", "name", "since"), [
    ("Thaïlande", "Thaïlande", 2000), ("thailande", "Thaïlande", 2000), ("Thailand", "Thaïlande", 2000),
    ("thaillande", "Thaïlande", 2000), ("le Japon", "Japon", 1992), ("Japan", "Japon", 1992),
    ("Corée du Sud", "République de Corée", 1994), ("Corée", "République de Corée", 1994),
    ("South Korea", "République de Corée", 1994), ("afganistan", "Afghanistan", 2003),
    ("Autralie", "Australie", 2009), ("la Jordanie", "Jordanie", 1998), ("israel", "Israël", 1975),
    ("Égypte", "Égypte", 1975), ("egypte", "Égypte", 1975),
])
def test_find_partner_tolerates_typos_and_english(store: KnowledgeStore, typed: str, name: str, since: int) -> None:
    partner = store.find_partner(typed)
    assert partner is not None and (partner.name, partner.since) == (name, since)


@pytest.mark.parametrize("typed", ["Liban", "la Chine", "Russie", "Inde", "Corée du Nord", "Iran"])
def test_non_partners_are_found_as_non_partners(store: KnowledgeStore, typed: str) -> None:
    match = store.find_country(typed)
    assert match is not None and match.partner is None


@pytest.mark.parametrize("typed", ["Zorglubie", "Bolivie", "", "   ", "'; DROP TABLE partners; --",
                                   "<script>alert(1)</script>", "x" * 10000])
def test_unknown_or_hostile_names_are_not_found(store: KnowledgeStore, typed: str) -> None:
    assert store.find_country(typed) is None
    assert len(store.partners()) == 11


def test_mongolia_is_a_former_partner(store: KnowledgeStore) -> None:
    mongolia = store.find_partner("Mongolie")
    assert mongolia is not None and not mongolia.is_current
    assert (mongolia.since, mongolia.participating_state_since) == (2004, 2012)


def test_countries_in_text(store: KnowledgeStore) -> None:
    names = [m.name for m in store.countries_in_text("Et la Thaïlande ? et le japon, pas le Liban")]
    assert names == ["Thaïlande", "Japon", "Liban"]
    assert [m.name for m in store.countries_in_text("quand la thailande est devenu partenair")] == ["Thaïlande"]
    assert store.countries_in_text("quels sont les partenaires asiatiques ?") == []


def test_partners_by_group_and_year(store: KnowledgeStore) -> None:
    assert len(store.partners()) == 11
    assert [p.name for p in store.partners(group="asiatique")] == [
        "Japon", "République de Corée", "Thaïlande", "Afghanistan", "Australie"]
    assert len(store.partners(group="méditerranéen")) == 6
    assert [p.name for p in store.partners(after=2000)] == ["Afghanistan", "Australie"]
    assert [p.name for p in store.partners(in_year=1994)] == ["République de Corée"]
    assert {p.name for p in store.partners(before=1993)} == {"Algérie", "Égypte", "Israël", "Maroc", "Tunisie",
                                                             "Japon"}
    assert "Mongolie" in [p.name for p in store.partners(include_former=True)]


def test_counts_carry_citations(store: KnowledgeStore) -> None:
    assert store.count("participating_states").value == 57
    assert store.count("méditerranéen").value == 6
    assert store.count("asiatique").value == 5
    assert str(store.count("asiatique").citation).endswith("§ 2")


@pytest.mark.parametrize(("reference", "doc_id"), [
    ("5/11", "mc-dec-5-11"), ("décision 5/11", "mc-dec-5-11"), ("Décision No 5/11", "mc-dec-5-11"),
    ("MC.DOC/10/14", "mc-doc-10-14"), ("décision 430", "pc-dec-430"), ("la 233", "pc-dec-233"),
    ("17/04", "mc-dec-17-04"), ("Acte final d'Helsinki", "helsinki-final-act"),
    ("acte final de helsinki", "helsinki-final-act"), ("Déclaration de Madrid", "madrid-2007"),
    ("Astana", "astana-2010"), ("2/19", "mc-dec-2-19"), ("PR/CP(2007)131", "nrc-2007"),
])
def test_document_by_any_reference(store: KnowledgeStore, reference: str, doc_id: str) -> None:
    document = store.document(reference)
    assert document is not None and document.id == doc_id


def test_unknown_document(store: KnowledgeStore) -> None:
    assert store.document("décision 999/99") is None
    assert store.document("'; DELETE FROM documents; --") is None


def test_document_dates_are_only_those_stated(store: KnowledgeStore) -> None:
    assert store.document("430").date == "19 juillet 2001"
    assert store.document("233").date == "11 juin 1998"
    assert store.document("17/04").year is None


def test_paragraph_of_a_document(store: KnowledgeStore) -> None:
    paragraph = store.paragraph("5/11", "9")
    assert paragraph is not None and "demandes futures" in paragraph.text
    assert str(paragraph.citation) == "Décision No 5/11, § 9"
    assert store.paragraph("5/11", "préambule 1").text.startswith("Rappelant l’Acte final")
    assert store.paragraph("5/11", "42") is None


def test_references_between_documents(store: KnowledgeStore) -> None:
    citing = {str(c) for c in store.citing("17/04")}
    assert citing == {"Déclaration de Madrid (2007), § 1", "Décision No 5/11, préambule, alinéa 11"}
    assert {c.document_id for c in store.citing("430")} == {"madrid-2007", "mc-dec-5-11"}
    assert {str(c) for c in store.citing("2/19")} == {"Déclaration sur les partenaires asiatiques (2020), § 3"}
    assert store.citing("4/11") and store.citing("4/07")


def test_meetings_named_after_cities_are_not_references(store: KnowledgeStore) -> None:
    madrid = {str(c) for c in store.citing("Déclaration de Madrid")}
    assert not any("§ 36" in c for c in madrid)


@pytest.mark.parametrize(("query", "expected"), [
    ("traite des êtres humains", "§ 20"),
    ("gestion de l'eau", "§ 19"),
    ("processus de Corfou", "§ 11"),
    ("jeunes diplomates", "§ 27"),
    ("table principale", "§ 10"),
    ("Tel-Aviv intolérance", "Déclaration de Madrid (2007), § 8"),
    ("Active Endeavour", "PR/CP(2007)131 (OTAN), § 4"),
    ("Académie de Bichkek", "(2020), § 5"),
    ("Wallnerstrasse", "§ 40"),
    ("transition démocratique", "préambule, alinéa 4"),
    ("non-prolifération des armes de destruction massive", "§ 5"),
    ("missions d'observation électorale", "§ 12"),
    ("sécurite des frontieres", "§ 19"),
])
def test_sentences_matching_finds_the_sentence(store: KnowledgeStore, query: str, expected: str) -> None:
    terms = [w for w in query.lower().replace("'", " ").split() if len(w) > 3]
    found = [str(s.citation) for s in store.sentences_matching(terms, limit=5)]
    assert any(expected in c for c in found), found


@pytest.mark.parametrize("query", ["", "'; DROP TABLE paragraphs; --", '" OR 1=1 --', "recette tarte tatin"])
def test_sentences_matching_hostile_or_empty_input(store: KnowledgeStore, query: str) -> None:
    found = store.sentences_matching(query.split())
    assert all("recette" not in s.text for s in found)
    assert len(store.partners()) == 11 and len(store.sentences()) > 150


def test_every_sentence_is_its_paragraph_text_at_its_offsets(store: KnowledgeStore) -> None:
    sentences = store.sentences()
    assert len(sentences) > 150
    assert all(s.paragraph_text[s.start:s.end] == s.text for s in sentences)



def test_the_next_sentence_is_read_in_its_paragraph_then_in_the_next(store: KnowledgeStore) -> None:
    first = next(s for s in store.sentences() if s.text.startswith("Pour devenir partenaire de l’OSCE"))
    following = store.next_sentence(first.id)
    assert following is not None and following.text.startswith("Il s’ensuit un processus de consultation")
    last = max((s for s in store.sentences() if s.citation == first.citation), key=lambda s: s.start)
    after = store.next_sentence(last.id)
    assert after is not None and after.citation != first.citation and after.document_id == "brochure"


def test_neighbours_are_the_partners_of_the_same_group_in_the_next_or_previous_year(store: KnowledgeStore) -> None:
    korea = store.find_country("Corée").partner
    assert [p.name for p in store.neighbours(korea)] == ["Thaïlande"]
    assert [p.name for p in store.neighbours(korea, after=False)] == ["Japon"]
    jordan = store.find_country("Jordanie").partner
    assert len(store.neighbours(jordan, after=False)) == 5 and store.neighbours(jordan) == []


def test_the_next_paragraph_is_the_following_one_of_the_same_document(store: KnowledgeStore) -> None:
    after = store.next_paragraph("mc-dec-5-11", "préambule 5")
    assert after is not None and after.citation.paragraph == "préambule 6"
    first = store.next_paragraph("mc-dec-5-11", "ouverture")
    assert first is not None and first.citation.where == "préambule, alinéa 1" and "Helsinki" in first.text
    assert store.next_paragraph("madrid-2007", "15") is None
    assert store.next_paragraph("madrid-2007", "99") is None


def test_the_chairmanships_named_in_the_corpus_are_read_off_its_sentences(store: KnowledgeStore) -> None:
    [albania] = store.chairmanships
    assert (albania.adjective, albania.year) == ("albanaise", 2020)
    assert (albania.citation.document_id, albania.citation.paragraph) == ("asian-declaration-2020", "3")


def test_the_partners_at_either_end_of_a_group(store: KnowledgeStore) -> None:
    assert [p.name for p in store.partners_at_end("asiatique", "first")] == ["Japon"]
    assert [p.name for p in store.partners_at_end("asiatique", "last")] == ["Australie"]
    assert len(store.partners_at_end("méditerranéen", "first")) == 5  # the Helsinki-process partners, 1975
    assert store.partners_at_end(None, "all") == []
