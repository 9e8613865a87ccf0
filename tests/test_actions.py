"""Every custom action, with a real tracker and dispatcher, on the real store."""
from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.actions as act
from bot.store import KnowledgeStore


@pytest.fixture(autouse=True)
def real_store(store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(act, "store", lambda: store)


def tracker(text: str, intent: str, entities: list[dict[str, Any]] | None = None, **slots: Any) -> Tracker:
    return Tracker(
        sender_id="test", slots=slots, active_loop={}, paused=False, followup_action=None, events=[],
        latest_action_name="action_listen",
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or []},
    )


def run(action: Any, t: Tracker) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, t, {})
    text = "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return text, slots, dispatcher.messages


def ent(entity: str, value: str) -> dict[str, Any]:
    return {"entity": entity, "value": value}


def test_partner_since_with_entity_and_agreement() -> None:
    text, slots, _ = run(act.ActionAnswerPartner(), tracker("Quand la Thaïlande est-elle devenue partenaire ?",
                                                           "ask_partner", [ent("country", "Thaïlande")]))
    assert "La Thaïlande est devenue partenaire asiatique pour la coopération en 2000." in text
    assert "Source : Brochure" in text
    assert slots["last_question"] == "partner_when" and slots["last_country"] == "Thaïlande"
    text, _, _ = run(act.ActionAnswerPartner(), tracker("quand le japon est devenu partenaire", "ask_partner"))
    assert "Le Japon est devenu partenaire asiatique pour la coopération en 1992." in text


def test_partner_status_yes_no_and_former() -> None:
    assert run(act.ActionAnswerPartner(), tracker("Israël est-il partenaire ?", "ask_partner"))[0].startswith("Oui")
    no = run(act.ActionAnswerPartner(), tracker("Le Liban est-il partenaire ?", "ask_partner",
                                                [ent("country", "Liban")]))[0]
    assert no.startswith("Non, le Liban n'est pas") and "19" not in no.split("Source")[0].replace("(6", "")
    mongolia = run(act.ActionAnswerPartner(), tracker("La Mongolie est-elle partenaire ?", "ask_partner"))[0]
    assert "2004" in mongolia and "État participant" in mongolia and "2012" in mongolia


def test_a_short_name_inside_a_longer_one_is_not_a_second_country() -> None:
    text = run(act.ActionAnswerPartner(), tracker("La Corée du Nord est-elle partenaire ?", "ask_partner",
                                                  [ent("country", "Corée")]))[0]
    assert text.startswith("Non, la Corée du Nord n'est pas") and "République de Corée" not in text


@pytest.mark.parametrize("question", ["Lequel a rejoint l'OSCE le premier : le Maroc ou l'Australie ?",
                                      "L'Australie est-elle devenue partenaire avant le Maroc ?"])
def test_a_comparison_read_as_a_partner_question_is_still_compared(question: str) -> None:
    text = run(act.ActionAnswerPartner(), tracker(question, "ask_partner"))[0]
    assert text.startswith("Le Maroc est devenu partenaire en premier") and "avant l'Australie (2009)" in text


def test_two_partners_without_an_order_get_both_statuses() -> None:
    text = run(act.ActionAnswerPartner(), tracker("Le Maroc et l'Australie sont-ils partenaires ?", "ask_partner"))[0]
    assert text.count("Oui") == 2


def test_membership_is_not_partnership() -> None:
    text, slots, _ = run(act.ActionAnswerPartner(), tracker("La Jordanie est-elle membre de l'OSCE ?", "ask_partner"))
    assert text.startswith("Non, la Jordanie n'est pas un État participant") and "1998" in text
    assert slots["last_question"] == "partner_member"
    text, _, _ = run(act.ActionFollowUp(), tracker("Et le Maroc ?", "follow_up", last_question="partner_member"))
    assert text.startswith("Non, le Maroc n'est pas un État participant")
    text, _, _ = run(act.ActionAnswerPartner(), tracker("la Mongolie est-elle un État participant ?", "ask_partner"))
    assert text.startswith("Oui, la Mongolie est devenue État participant de l'OSCE en 2012")
    text, _, _ = run(act.ActionAnswerPartner(), tracker("La Turquie est-elle membre de l'OSCE ?", "ask_partner"))
    assert "n'en donnent pas la liste" in text and not text.startswith(("Oui", "Non"))


def test_partner_without_country_asks_which() -> None:
    assert "De quel pays" in run(act.ActionAnswerPartner(), tracker("il est partenaire depuis quand ?",
                                                                    "ask_partner"))[0]


def test_follow_up_on_country_and_group() -> None:
    text, _, _ = run(act.ActionFollowUp(), tracker("Et la Thaïlande ?", "follow_up", last_question="partner_when"))
    assert "2000" in text
    text, _, _ = run(act.ActionFollowUp(), tracker("Et les méditerranéens ?", "follow_up", last_question="list"))
    assert "Maroc" in text and "Japon" not in text
    text, _, _ = run(act.ActionFollowUp(), tracker("et de méditerranéens ?", "follow_up", last_question="count"))
    assert "6 (six)" in text
    text, _, _ = run(act.ActionAnswerTopic(), tracker("Et l'Afghanistan ?", "ask_afghanistan",
                                                      last_question="partner_when"))
    assert text.startswith("L'Afghanistan est devenu partenaire asiatique pour la coopération en 2003.")
    text, _, messages = run(act.ActionFollowUp(), tracker("et alors ?", "follow_up"))
    assert messages[0]["response"] == "utter_please_rephrase"


def test_list_and_time_filters() -> None:
    text, _, _ = run(act.ActionListPartners(), tracker("Quels pays sont devenus partenaires après 2000 ?",
                                                       "list_partners"))
    assert "Afghanistan" in text and "Australie" in text and "Japon" not in text
    text, _, _ = run(act.ActionListPartners(), tracker("Quels pays méditerranéens sont partenaires depuis 1975 ?",
                                                       "list_partners", [ent("group", "méditerranéen")]))
    assert text.startswith("Depuis 1975, sont devenus partenaires : l'Algérie (associée dès 1975")
    assert "Israël (associé dès 1975" in text and "la Jordanie (1998)" in text
    text, _, _ = run(act.ActionListPartners(), tracker("Quels sont les partenaires asiatiques ?", "list_partners",
                                                       [ent("group", "asiatique")]))
    assert text.startswith("Les 5 partenaires asiatiques") and "Maroc" not in text


def test_counts() -> None:
    assert "11 (onze)" in run(act.ActionCountPartners(), tracker("Combien de partenaires ?", "count_partners"))[0]
    assert "57 États participants" in run(act.ActionCountPartners(),
                                          tracker("Combien d'États participants ?", "count_partners"))[0]


def test_a_count_about_the_nato_russia_council_is_not_an_osce_count() -> None:
    text = run(act.ActionCountPartners(), tracker("Combien de pays sont membres du Conseil OTAN-Russie ?",
                                                  "count_partners"))[0]
    assert "ne dit pas combien de pays" in text and "11" not in text and "57" not in text


def test_order_and_compare() -> None:
    assert "l'Australie" in run(act.ActionPartnerOrder(), tracker("le partenaire le plus récent ?",
                                                                  "partner_order"))[0]
    assert "le Japon" in run(act.ActionPartnerOrder(), tracker("premier partenaire asiatique ?", "partner_order"))[0]
    text = run(act.ActionComparePartners(), tracker("le Japon ou la Thaïlande, qui d'abord ?", "compare_partners"))[0]
    assert text.startswith("Le Japon est devenu partenaire en premier (1992), avant la Thaïlande (2000)")


def test_documents_paragraphs_and_citations() -> None:
    text = run(act.ActionAnswerDocument(), tracker("De quoi parle la décision 5/11 ?", "ask_document",
                                                   [ent("document", "5/11")]))[0]
    assert "partenaires pour la coopération" in text and "2011" in text
    text = run(act.ActionAnswerDocument(), tracker("date de la décision 430 ?", "ask_document"))[0]
    assert "19 juillet 2001" in text
    text = run(act.ActionAnswerParagraph(), tracker("Que dit le paragraphe 9 de la décision 5/11 ?",
                                                    "ask_paragraph"))[0]
    assert "demandes futures" in text and "Décision No 5/11, § 9" in text
    text = run(act.ActionAnswerCiting(), tracker("Quels documents mentionnent la décision 17/04 ?", "ask_citing"))[0]
    assert "Déclaration de Madrid (2007), § 1" in text
    text = run(act.ActionAnswerDocument(), tracker("Qu'est-ce que le MC.DOC/10/14 ?", "ask_document"))[0]
    assert "Citée dans : Déclaration sur les partenaires asiatiques (2020), § 1 et § 5." in text
    assert "Acte final" in run(act.ActionListDocuments(), tracker("quels documents ?", "list_documents"))[0]
    assert "Je ne trouve pas" in run(act.ActionAnswerDocument(), tracker("la décision 99/99 ?", "ask_document"))[0]


@pytest.mark.parametrize(("question", "intent", "expected"), [
    ("Comment devenir partenaire ?", "ask_become_partner", "demande officielle"),
    ("Qui préside le groupe de contact méditerranéen ?", "ask_contact_groups", "Présidence entrante"),
    ("Quand le Fonds de partenariat a-t-il été créé ?", "ask_partnership_fund", "2007"),
    ("Depuis quand les partenaires siègent-ils à la table principale ?", "ask_dialogue", "2007"),
    ("Thèmes des partenaires méditerranéens ?", "ask_themes", "gestion de l'eau"),
    ("Peuvent-ils envoyer des observateurs électoraux ?", "ask_cooperation", "BIDDH"),
    ("Quelles élections afghanes ont été soutenues ?", "ask_afghanistan", "2004, 2005, 2009 et 2010"),
    ("Où a eu lieu le séminaire de 2007 ?", "ask_events", "Tel-Aviv"),
    ("Combien de continents ?", "ask_osce", "trois continents"),
    ("Comment contacter la section ?", "ask_contact", "pm-ext-coop@osce.org"),
    ("Où devait avoir lieu l'exercice antimissile ?", "ask_nrc", "Allemagne"),
    ("Qui a présidé la réunion du COR ?", "ask_contact_groups", "ne nomme pas ce président"),
    ("Quel est le budget du Fonds de partenariat ?", "ask_partnership_fund", "ne donnent ni le montant"),
])
def test_topics(question: str, intent: str, expected: str) -> None:
    text, slots, _ = run(act.ActionAnswerTopic(), tracker(question, intent))
    assert expected in text and "Source" in text
    assert slots["last_question"].startswith("topic:")


def test_source_of_last_answer() -> None:
    text = run(act.ActionAnswerSource(), tracker("ta source ?", "ask_source", last_sources="Décision No 5/11, § 9"))[0]
    assert "Décision No 5/11, § 9" in text
    assert "aucune source" in run(act.ActionAnswerSource(), tracker("ta source ?", "ask_source"))[0]


def test_search_documents_long_tail_and_refusal() -> None:
    text, slots, _ = run(act.ActionSearchDocuments(), tracker("que disent les textes sur la traite des êtres humains",
                                                              "nlu_fallback"))
    assert "traite des êtres humains" in text and slots["documents_answered"] is True
    text, slots, _ = run(act.ActionSearchDocuments(), tracker("recette de la tarte tatin", "out_of_scope"))
    assert text == "" and slots == {"documents_answered": False}
    text, slots, _ = run(act.ActionSearchDocuments(), tracker("asdkjh qwpoeiru zmxncb", "nlu_fallback"))
    assert slots == {"documents_answered": False}


def test_search_for_a_subject_the_documents_never_name() -> None:
    text, slots, _ = run(act.ActionSearchDocuments(), tracker("Que disent les documents sur le changement climatique ?",
                                                              "search_documents"))
    assert "n'emploient pas « climatique »" in text and "Source" not in text
    assert slots["documents_answered"] is True
    text, _, _ = run(act.ActionSearchDocuments(), tracker("parle-t-on d'égalité entre femmes et hommes ?",
                                                          "search_documents"))
    assert "n'emploient ni « égalité » ni « femmes »" in text
    text, _, _ = run(act.ActionSearchDocuments(), tracker("que disent les textes sur la traite des êtres humains ?",
                                                          "search_documents"))
    assert "traite des êtres humains" in text and "Source" in text


@pytest.mark.parametrize(("message", "intent", "last", "expected"), [
    ("Tailande ?", "nlu_fallback", "partner_when", "La Thaïlande est devenue partenaire asiatique pour la coopération"),
    ("Japon", "nlu_fallback", None, "Le Japon est devenu partenaire asiatique pour la coopération en 1992."),
    ("méditerranéens ?", "nlu_fallback", "list", "Les 6 partenaires méditerranéens pour la coopération sont"),
    ("méditerranéens ?", "nlu_fallback", "count", "Il y a 6 (six) partenaires méditerranéens"),
])
def test_a_subject_alone_continues_the_conversation(message: str, intent: str, last: str | None,
                                                    expected: str) -> None:
    text, slots, _ = run(act.ActionSearchDocuments(), tracker(message, intent, last_question=last))
    assert expected in text and slots["documents_answered"] is True


def test_a_country_alone_after_a_date_question_asks_the_date_again() -> None:
    text, _, _ = run(act.ActionAnswerPartner(), tracker("australie", "ask_partner", last_question="partner_when"))
    assert "L'Australie est devenue partenaire asiatique pour la coopération en 2009." in text
    text, _, _ = run(act.ActionAnswerPartner(), tracker("australie", "ask_partner", last_question="partner_status"))
    assert text.startswith("Oui, l'Australie est un partenaire")
