"""The answering router on the real store: structured facts, ranked passages, abstention, context."""
from __future__ import annotations

from typing import Any

import pytest

from bot.answering import phrasing as answers
from bot.answering.context import DialogueState, Kind
from bot.answering.cues import document_scope
from bot.answering.ranker import Ranker
from bot.answering.router import Outcome, Router, Turn, core_question
from bot.answering.structured_cues import position_in
from bot.knowledge.store import KnowledgeStore
from bot.nlu.spacy_vectors import NLU_SPACY_MODEL


@pytest.fixture(scope="module")
def router(store: KnowledgeStore) -> Router:
    return Router(store, Ranker(store, NLU_SPACY_MODEL))


def ask(router: Router, text: str, intent: str | None = None, state: DialogueState | None = None,
        **entities: Any) -> tuple[str, Outcome]:
    turn = Turn(text, intent, {k: (v,) for k, v in entities.items()})
    outcome = router.answer(turn, state or DialogueState())
    said = "\n".join(r.render() for r in outcome.replies)
    return (said or outcome.response or ""), outcome


def conversation(router: Router, *turns: tuple[str, str | None]) -> list[str]:
    """Replies to a sequence of (message, intent), each turn seeing the state the previous one left."""
    state, replies = DialogueState(), []
    for text, intent in turns:
        said, outcome = ask(router, text, intent, state)
        state = outcome.state
        replies.append(said)
    return replies


# --- structured facts -----------------------------------------------------------------
def test_partner_since_with_agreement_and_citation(router: Router) -> None:
    text, outcome = ask(router, "Quand la Thaïlande est-elle devenue partenaire ?", "ask_partner", country="Thaïlande")
    assert "La Thaïlande est devenue partenaire asiatique pour la coopération en 2000." in text
    assert "Source : Brochure" in text
    assert outcome.state.kind is Kind.PARTNER_WHEN and outcome.state.country == "Thaïlande"


def test_partner_status_yes_no_former_and_north_korea(router: Router) -> None:
    assert ask(router, "Israël est-il partenaire ?", "ask_partner")[0].startswith("Oui")
    no = ask(router, "Le Liban est-il partenaire ?", "ask_partner", country="Liban")[0]
    assert no.startswith("Non, le Liban n'est pas") and "19" not in no.split("Source")[0]
    mongolia = ask(router, "La Mongolie est-elle partenaire ?", "ask_partner")[0]
    assert "2004" in mongolia and "État participant" in mongolia and "2012" in mongolia
    korea = ask(router, "La Corée du Nord est-elle partenaire ?", "ask_partner", country="Corée")[0]
    assert korea.startswith("Non, la Corée du Nord n'est pas") and "République de Corée" not in korea


@pytest.mark.parametrize("question", ["Lequel a rejoint l'OSCE le premier : le Maroc ou l'Australie ?",
                                      "L'Australie est-elle devenue partenaire avant le Maroc ?"])
def test_a_comparison_is_compared_whatever_the_intent(router: Router, question: str) -> None:
    text = ask(router, question, "ask_partner")[0]
    assert text.startswith("Le Maroc est devenu partenaire en premier") and "avant l'Australie (2009)" in text


def test_membership_is_not_partnership(router: Router) -> None:
    text, outcome = ask(router, "La Jordanie est-elle membre de l'OSCE ?", "ask_partner")
    assert text.startswith("Non, la Jordanie n'est pas un État participant") and "1998" in text
    follow = ask(router, "Et le Maroc ?", "follow_up", outcome.state)[0]
    assert follow.startswith("Non, le Maroc n'est pas un État participant")
    assert "n'en donnent pas la liste" in ask(router, "La Turquie est-elle membre de l'OSCE ?", "ask_partner")[0]


def test_lists_counts_and_order(router: Router) -> None:
    after = ask(router, "Quels pays sont devenus partenaires après 2000 ?", "list_partners")[0]
    assert "Afghanistan" in after and "Australie" in after and "Japon" not in after
    assert "11 (onze)" in ask(router, "Combien de partenaires ?", "count_partners")[0]
    assert "57 États participants" in ask(router, "Combien d'États participants ?", "count_partners")[0]
    assert "l'Australie" in ask(router, "le partenaire le plus récent ?", "partner_order")[0]
    assert "6 (six)" in ask(router, "Donne-moi le nombre de partenaires méditerranéens", "count_partners")[0]


# --- premises and time ------------------------------------------------------------------
def test_a_false_premise_on_order_is_corrected(router: Router) -> None:
    text = ask(router, "L'Australie, c'est bien le premier partenaire asiatique ?", "partner_order")[0]
    assert text.startswith("Non, pas l'Australie") and "Japon" in text and "1992" in text


def test_partners_in_a_given_year_use_each_partner_history(router: Router) -> None:
    text = ask(router, "Combien de partenaires asiatiques y avait-il en 2006 ?", "count_partners")[0]
    assert "5 (cinq)" in text and "Mongolie" in text and "Australie" not in text
    assert ask(router, "La Mongolie était-elle partenaire en 2005 ?", "ask_partner")[0].startswith("Oui, en 2005")
    assert ask(router, "Le Japon était-il partenaire en 1990 ?", "ask_partner")[0].startswith("Non, pas encore")
    lebanon = ask(router, "Le Liban a-t-il été partenaire en 2005 ?", "ask_partner")[0]
    assert lebanon.startswith("Non") and "aucun partenaire" not in lebanon


@pytest.mark.parametrize("question", ["Qui est devenu partenaire en 2021 ?", "Quoi de neuf depuis 2020 ?"])
def test_past_the_documents_dates_nothing_is_inferred(router: Router, question: str) -> None:
    assert "s'arrêtent en 2020" in ask(router, question, "list_partners")[0]


def test_a_partner_is_not_a_participating_state(router: Router) -> None:
    text = ask(router, "Puisque la Tunisie est un État participant, quel est son rôle ?", "ask_partner")[0]
    assert "n'est pas un État participant" in text and "méditerranéen" in text


# --- ranked answers ------------------------------------------------------------------
@pytest.mark.parametrize(("question", "intent", "expected", "where"), [
    ("Que demande la décision 5/11 au Secrétaire général ?", "ask_document", "explorer les options",
     "Décision No 5/11, § 6"),
    ("À quelle opération la Russie contribue-t-elle selon le COR ?", "ask_nrc", "Active Endeavour", "§ 4"),
    ("Où se tient l'exercice de défense antimissile de 2008 ?", "ask_nrc", "Allemagne", "§ 5"),
    ("Qui a présidé l'OSCE en 2020 ?", "ask_events", "albanaise", "(2020), § 3"),
    ("Qui préside le groupe de contact asiatique ?", "ask_contact_groups", "sortante", "§ 23"),
    ("combien de fois par an se réunissent les groupes de contact", "ask_contact_groups", "six fois", "§ 23"),
    ("Comment devenir partenaire ?", "ask_become_partner", "demande officielle", "§ 7"),
    ("Au jour le jour, comment se passe le dialogue avec les partenaires ?", "ask_dialogue", "points de contact",
     "§ 24"),
])
def test_the_passage_that_answers_is_quoted_and_cited(router: Router, question: str, intent: str, expected: str,
                                                      where: str) -> None:
    text = ask(router, question, intent)[0]
    assert expected in text and where in text


def test_a_quote_is_exactly_the_document_sentence(router: Router) -> None:
    question = "Selon le communiqué de l'OTAN, à quelle opération contribue la Russie ?"
    ranked = router.ranker.rank(question, document_scope(question), curated=False)
    sentence = ranked.candidate.sentence if ranked.candidate else None
    assert sentence is not None and "Active Endeavour" in sentence.text
    assert sentence.paragraph_text[sentence.start:sentence.end] == sentence.text
    assert str(sentence.citation) == "Communiqué de presse PR/CP(2007)131 (OTAN), § 4"
    assert f"« {sentence.text} »" in answers.passage_reply(sentence, closest=False).render()


def test_a_document_named_answers_from_inside_it_and_its_summary_only_when_asked(router: Router) -> None:
    summary = ask(router, "De quoi parle la décision 5/11 ?", "ask_document", document="5/11")[0]
    assert summary.startswith("Il s'agit de la Décision No 5/11")
    clause = ask(router, "Que demande la décision 5/11 au Conseil permanent ?", "ask_document")[0]
    assert "rester saisi" in clause and "Il s'agit" not in clause


@pytest.mark.parametrize(("question", "intent"), [
    ("Qui est le Secrétaire général actuel de l'OSCE ?", "ask_events"),
    ("Qui était le ministre russe des affaires étrangères à cette réunion du COR ?", "ask_nrc"),
    ("Quel est le budget du Fonds de partenariat ?", "ask_partnership_fund"),
])
def test_what_the_documents_do_not_say_is_not_invented(router: Router, question: str, intent: str) -> None:
    text = ask(router, question, intent)[0]
    assert "ne trouve pas de réponse exacte" in text or "ne nomment pas" in text or "ne donnent ni" in text


def test_a_subject_no_document_uses_is_said_so(router: Router) -> None:
    text = ask(router, "Que disent les documents sur le changement climatique ?", "search_documents")[0]
    assert "n'emploient pas « climatique »" in text and "Source" not in text


@pytest.mark.parametrize(("text", "intent", "response"), [
    ("asdkjh qwpoeiru zmxncb", "nlu_fallback", "utter_please_rephrase"),
    ("Quelle est la recette de la tarte tatin ?", "out_of_scope", "utter_out_of_scope"),
    ("Salut, tu vas bien ?", "greet", "utter_how_are_you"),
    ("bonjour", "greet", "utter_greet"),
    ("merci beaucoup", "thank", "utter_thank"),
    ("qu'est-ce que tu sais faire ?", "help", "utter_help"),
    ("", None, "utter_please_rephrase"),
])
def test_small_talk_refusals_and_gibberish_get_a_response(router: Router, text: str, intent: str | None,
                                                          response: str) -> None:
    assert ask(router, text, intent)[1].response == response


def test_a_long_polite_message_is_answered_on_its_question(router: Router) -> None:
    message = ("Bonjour, je prépare un exposé pour mon cours et j'aimerais savoir en quelle année la Thaïlande "
               "est devenue un partenaire asiatique de l'OSCE, merci d'avance pour votre aide précieuse")
    assert core_question(message).startswith("en quelle année la Thaïlande")
    assert "2000" in ask(router, message, "greet")[0]


def test_html_from_users_is_only_text(router: Router) -> None:
    assert "2000" in ask(router, "<script>alert(1)</script> quand la thailande est devenue partenaire",
                         "ask_partner")[0]


# --- conversation context ---------------------------------------------------------------
def test_follow_ups_on_countries_groups_and_corrections(router: Router) -> None:
    replies = conversation(router, ("Depuis quand la Jordanie est partenaire ?", "ask_partner"),
                           ("ah non pardon, je voulais dire le Maroc", "nlu_fallback"),
                           ("Et les méditerranéens, ils sont combien ?", "follow_up"),
                           ("et le plus ancien ?", "follow_up"))
    assert "1998" in replies[0] and "Helsinki" in replies[1] and "Jordanie" not in replies[1]
    assert "6 (six)" in replies[2]
    assert "Algérie" in replies[3] and "Japon" not in replies[3]


def test_the_next_year_past_the_documents_is_not_invented(router: Router) -> None:
    replies = conversation(router, ("Qui a présidé l'OSCE en 2020 ?", "ask_events"),
                           ("et l'année suivante ?", "follow_up"))
    assert "albanaise" in replies[0] and "s'arrêtent en 2020" in replies[1]


def test_an_elliptical_question_borrows_the_subject(router: Router) -> None:
    replies = conversation(router, ("Où se tient l'exercice de défense antimissile de 2008 ?", "ask_nrc"),
                           ("il a lieu quand ?", "nlu_fallback"))
    assert "Allemagne" in replies[0] and "janvier 2008" in replies[1]


def test_the_passage_can_be_quoted_in_full(router: Router) -> None:
    replies = conversation(router, ("Qui préside le groupe de contact méditerranéen ?", "ask_contact_groups"),
                           ("tu peux citer le passage exact ?", "ask_source"))
    assert "Voici le passage exact (§ 23)" in replies[1] and "six fois par an" in replies[1]


def test_a_pronoun_keeps_the_document_of_the_last_answer(router: Router) -> None:
    replies = conversation(router, ("Que demande la décision 5/11 au Secrétaire général ?", "ask_document"),
                           ("et en coordination avec qui ?", "nlu_fallback"))
    assert "Nations Unies" in replies[1]


def test_the_source_of_the_last_answer(router: Router) -> None:
    replies = conversation(router, ("Que dit le paragraphe 9 de la décision 5/11 ?", "ask_paragraph"),
                           ("ta source ?", "ask_source"))
    assert "Décision No 5/11, § 9" in replies[1]
    assert "aucune source" in ask(router, "ta source ?", "ask_source")[0]


# --- claims and long conversations ----------------------------------------------------------
def test_a_join_year_the_user_gives_is_checked(router: Router) -> None:
    wrong = ask(router, "La Thaïlande est devenue partenaire en 2001, c'est ça ?", "ask_partner")[0]
    assert wrong.startswith("Non") and "2000" in wrong
    right = ask(router, "la thailande a rejoint les partenaires asiatiques en 2000 ?", "ask_partner")[0]
    assert right.startswith("Oui") and "2000" in right
    israel = ask(router, "israel a rejoint en 1998 comme la jordanie ?", "ask_partner")[0]
    assert israel.startswith("Non, Israël") and "1975" in israel and "Oui, la Jordanie" in israel


def test_a_partner_of_the_other_group_is_a_no(router: Router) -> None:
    said = ask(router, "l'australie c'est un partenaire mediterraneen ?", "ask_partner")[0]
    assert said.startswith("Non, l'Australie n'est pas un partenaire méditerranéen") and "asiatique" in said


def test_a_chain_of_follow_ups_stays_on_the_question_that_stood_on_its_own(router: Router) -> None:
    _, first = ask(router, "Le Fonds de partenariat a été créé quand ?", "ask_partnership_fund")
    _, second = ask(router, "il sert à quoi ?", None, first.state)
    assert second.state.topic == first.state.topic == "Le Fonds de partenariat a été créé quand ?"
    _, third = ask(router, "qui y contribue ?", None, second.state)
    assert "sert" not in (third.state.query or "") and "Fonds" in (third.state.query or "")


def test_a_follow_up_naming_the_other_group_replaces_it(router: Router) -> None:
    replies = conversation(router, ("le groupe de contact méditerranéen a été créé quand ?", "ask_contact_groups"),
                           ("et celui avec les asiatiques ?", "follow_up"))
    assert "1994" in replies[0] and "2003" in replies[1]


def test_a_complete_group_question_after_a_passage_starts_afresh(router: Router) -> None:
    replies = conversation(router, ("Quelle est l'adresse de la section de la coopération extérieure ?", None),
                           ("et les partenaires ils sont combien en tout ?", "count_partners"))
    assert "11" in replies[1] and "Wallnerstrasse" not in replies[1]


def test_two_named_documents_are_compared_by_their_years(router: Router) -> None:
    which = ask(router, "entre la 233 et la 430, laquelle est la plus ancienne ?")[0]
    assert which.startswith("La Décision No 233 du Conseil permanent (11 juin 1998) est plus ancienne")
    assert "19 juillet 2001" in which
    claim = ask(router, "la déclaration de madrid est plus récente que la décision 5/11 ?")[0]
    assert claim.startswith("Non") and "2007" in claim and "2011" in claim
    replies = conversation(router, ("la decision 5/11 ça parle de quoi en gros ?", "ask_document"),
                           ("elle est plus récente que la déclaration de madrid ?", "ask_document"))
    assert "2011" in replies[0] and replies[1].startswith("Oui")


def test_where_a_document_is_cited_whatever_the_word_order(router: Router) -> None:
    said = ask(router, "la decision 17/04, elle est citee dans quels documents ?", "ask_citing")[0]
    assert "5/11" in said and "Madrid" in said


def test_the_older_of_the_two_countries_just_asked_about(router: Router) -> None:
    replies = conversation(router, ("la coree du sud c devenue partenaire de l'osce quand ?", "ask_partner"),
                           ("et pour le Japon ?", "follow_up"),
                           ("lequel est le plus ancien des deux ?", "partner_order"))
    assert replies[2].startswith("Le Japon est devenu partenaire en premier (1992), avant la République de Corée")


def test_the_quote_after_a_near_miss_says_it_is_the_closest_passage(router: Router) -> None:
    replies = conversation(router, ("c'est combien la contribution du japon ?", None),
                           ("tu peux citer le passage ?", None))
    assert replies[0].startswith("Je ne trouve pas de réponse exacte")
    assert replies[1].startswith("Je ne trouve pas de réponse exacte à votre question ; voici en entier le passage")
    exact = conversation(router, ("Quand le Japon est-il devenu partenaire ?", "ask_partner"),
                         ("tu peux citer le passage exact ?", None))
    assert exact[1].startswith("Voici le passage exact (§ 4)")


def test_a_follow_up_that_only_names_another_document_is_answered_from_it_alone(router: Router) -> None:
    replies = conversation(router, ("Le fonds de partenariat a été créé quand ?", "ask_partnership_fund"),
                           ("et dans le communiqué de l'OTAN ?", "ask_document"))
    assert "2007" in replies[0]
    assert replies[1].startswith("Je ne trouve rien à ce sujet dans le communiqué de presse PR/CP(2007)131")
    assert "Brochure" not in replies[1]


def test_a_year_the_user_asserts_about_a_passage_is_checked(router: Router) -> None:
    replies = conversation(router, ("c'est quoi le processus de corfou ?", None),
                           ("les partenaires y ont été invités en 2012, c'est ça ?", "list_partners"))
    assert replies[1].startswith("Non, pas en 2012.") and "2010" in replies[1]
    right = ask(router, "le COR s'est réuni à Bruxelles en 2007, c'est bien ça ?", "ask_nrc")[0]
    assert right.startswith("Oui.") and "Bruxelles" in right
    assert not ask(router, "et le document d'helsinki c'est 1975 non ?")[0].startswith("Oui")


def test_a_place_named_like_a_document_does_not_become_the_conversation_s_document(router: Router) -> None:
    replies = conversation(router, ("qu'est-ce qui a ete decide sur l'afghanistan a la reunion de madrid en 2007 ?",
                                    "ask_afghanistan"),
                           ("ils ont parle de lutter contre quels trafics ?", None))
    assert "armes légères" in replies[1] and "Déclaration de Madrid" not in replies[1].split("Source")[-1]


def test_the_beginning_or_the_end_of_the_document_talked_about(router: Router) -> None:
    replies = conversation(router, ("parle-moi de la déclaration de Madrid", "ask_document"),
                           ("et que disent-ils au tout début ?", None),
                           ("qui est cité dans ce paragraphe ?", None),
                           ("et tout à la fin ?", None))
    assert replies[1].startswith("Voici le paragraphe 1 de la Déclaration ministérielle de Madrid")
    assert replies[2].startswith("Voici le paragraphe 1 de la Déclaration ministérielle de Madrid")
    assert replies[3].startswith("Voici le paragraphe 15 de la Déclaration ministérielle de Madrid")
    last = ask(router, "le dernier paragraphe encourage les partenaires asiatiques à quoi ?")[0]
    assert last.startswith("Voici le paragraphe 6 de la Déclaration sur la coopération avec les partenaires asiatiques")
    assert "années 1990" not in ask(router, "les liens avec l'Asie remontent au début des années 1990 ?")[0][:40]


def test_who_adopted_a_document_or_speaks_in_it(router: Router) -> None:
    said = ask(router, "j'ai une question sur la décision 5/11. quel organe l'a adoptée ?", "ask_document")[0]
    assert said.startswith("Il s'agit de la Décision No 5/11") and "Conseil ministériel" in said
    replies = conversation(router, ("bonjour, je lis la déclaration de 2020 sur les partenaires asiatiques", "greet"),
                           ("qui s'exprime dans ce texte ?", None))
    assert "ministres des affaires étrangères" in replies[1]


def test_a_short_fact_question_after_a_question_is_not_small_talk(router: Router) -> None:
    replies = conversation(router, ("la décision 5/11, c'est quel organe qui l'a prise ?", "ask_document"),
                           ("ça remonte à quelle année ?", "help"))
    assert "2011" in replies[1]
    said = ask(router, "c'est dans l'esprit de quel texte, cette recommandation ?", "ask_source",
               DialogueState(sources="Déclaration de Madrid (2007), § 5", passage="madrid-2007|5"))[0]
    assert not said.startswith("Ma dernière réponse vient de")


def test_the_document_the_user_named_leans_the_next_questions_until_they_move_on(router: Router) -> None:
    first, outcome = ask(router, "de quoi parle la déclaration de Madrid ?", "ask_document")
    assert outcome.state.conversation == "madrid-2007"
    _, moved = ask(router, "Quand la Thaïlande est-elle devenue partenaire ?", "ask_partner", outcome.state)
    assert moved.state.conversation is None


def test_an_acronym_is_spelled_out_from_the_sentence_that_introduces_it(router: Router) -> None:
    said, outcome = ask(router, "que signifie BIDDH ?", None, DialogueState(conversation="madrid-2007"))
    assert said.startswith("BIDDH veut dire « Bureau des institutions démocratiques et des droits de l’homme »")
    assert outcome.state.conversation == "madrid-2007"
    assert ask(router, "l'OSCE, c'est quoi au juste ?", "ask_osce")[0].startswith(
        "OSCE veut dire « Organisation pour la sécurité et la coopération en Europe »")
    assert not ask(router, "qu'est-ce que le COR a dit du Kosovo ?", "ask_nrc")[0].startswith("COR veut dire")


def test_what_a_document_cites_of_another_or_which_documents_it_names(router: Router) -> None:
    said = ask(router, "quelles décisions la déclaration de 2020 rappelle-t-elle ? elle cite quelles décisions ?")[0]
    assert said.startswith("La Déclaration sur la coopération avec les partenaires asiatiques de l'OSCE cite :")
    assert "Décision No 2/19" in said and "Déclaration ministérielle de Madrid" not in said
    replies = conversation(router, ("parle-moi de la déclaration de Madrid", "ask_document"),
                           ("la brochure mentionne aussi ce texte ? qu'est-ce qu'elle en garde ?", None))
    assert replies[1].startswith("Voici le paragraphe 16 de la brochure")
    restricted = ask(router, "pour les pays qui voudraient devenir partenaires, la 5/11 rappelle quelle décision ?")[0]
    assert " cite : " not in restricted


def test_a_follow_up_on_a_paragraph_is_answered_from_it_and_never_refused(router: Router) -> None:
    replies = conversation(router, ("que dit le paragraphe 4 de la décision 5/11 ?", "ask_paragraph"),
                           ("et ça s'adresse à qui ?", "out_of_scope"))
    assert replies[1].startswith("Voici le passage exact (§ 4)")
    assert ask(router, "quel temps fait-il à Paris ?", "out_of_scope")[0] == "utter_out_of_scope"


def test_where_a_document_was_adopted_is_said_only_when_the_texts_say_it(router: Router) -> None:
    assert ask(router, "la déclaration de Madrid, elle a été adoptée dans quelle ville ?", "ask_document")[0] \
        .startswith("La Déclaration ministérielle de Madrid sur les partenaires de l'OSCE pour la coopération a été "
                    "adoptée à Madrid")
    unknown = ask(router, "la décision 5/11 a été adoptée où ?", "ask_document")[0]
    assert unknown.startswith("Les documents ne disent pas où la Décision No 5/11") and "2011" in unknown


def test_the_oldest_of_the_texts_a_paragraph_cites(router: Router) -> None:
    said = ask(router, "quel est le texte le plus ancien cité au paragraphe 1 de la déclaration de Madrid ?",
               "ask_document")[0]
    assert said.startswith("Le plus ancien des textes que cite la Déclaration ministérielle de Madrid") \
        and "Acte final d'Helsinki (1975)" in said
    listing = ask(router, "quel est le document le plus récent que tu connais ?", "ask_document")[0]
    assert "Communiqué de presse PR/CP(2007)131 (OTAN) (2007)" in listing and "(2020) (2020)" not in listing


def test_a_paragraph_a_document_does_not_have_is_looked_for_in_its_text(router: Router) -> None:
    said = ask(router, "dans la déclaration de Madrid, le paragraphe 49 de quel texte est mentionné ?",
               "ask_paragraph")[0]
    assert "Charte de sécurité européenne" in said


def test_a_short_question_the_nlu_reads_as_help_follows_the_conversation(router: Router) -> None:
    replies = conversation(router, ("que dit la décision 5/11 sur les normes de l'OSCE ?", None),
                           ("elle le fait seule ?", "help"),
                           ("tu peux m'aider ?", "help"))
    assert replies[1] != "utter_help" and replies[2] == "utter_help"


def test_sms_spellings_and_true_or_false_claims_are_read_as_questions(router: Router) -> None:
    from bot.answering.router import spelled_out

    assert spelled_out("pk la mongolie c plus un partenaire ?") == "pourquoi la mongolie c'est plus un partenaire ?"
    assert spelled_out("le communiqué PR/CP(2007)131 c koi") == "le communiqué PR/CP(2007)131 c'est quoi"
    said = ask(router, "vrai ou faux : le Japon fait partie des partenaires asiatiques", "ask_partner")[0]
    assert said.startswith("Oui")


def test_a_subject_named_before_its_pronoun_is_not_the_last_answer_s(router: Router) -> None:
    replies = conversation(router, ("le site web du COR, il a été lancé quand ?", "ask_nrc"),
                           ("merci ! et le secrétariat de l'OSCE, il se trouve dans quelle ville ?", "thank"))
    assert "Vienne" in replies[1]


def test_two_subjects_are_compared_by_the_dates_their_passages_give(router: Router) -> None:
    said, outcome = ask(router, "le groupe de contact méditerranéen ou l'asiatique, lequel est le plus ancien ?",
                        "ask_contact_groups")
    assert "1994" in said and "2003" in said and said.rstrip().count("Source") == 1
    assert "Le plus ancien est donc le groupe de contact méditerranéen (1994)" in said
    said, _ = ask(router, "entre le Fonds de partenariat et le groupe de contact asiatique, "
                          "lequel est le plus récent ?")
    assert "Le plus récent est donc le Fonds de partenariat (2007)" in said


def test_a_claim_on_a_document_named_before_the_one_referred_back_to_is_judged_on_the_right_one(
        router: Router) -> None:
    replies = conversation(router, ("de quand date la déclaration sur les partenaires asiatiques ?", "ask_document"),
                           ("donc la 5/11 est plus récente que cette déclaration ?", "ask_document"))
    assert replies[1].startswith("Non") and "(2011) est plus ancienne" in replies[1]


def test_a_superlative_that_is_not_about_dates_gets_no_chronological_list(router: Router) -> None:
    said, _ = ask(router, "quel pays partenaire verse le plus d'argent ?", "partner_order")
    assert "ordre chronologique" not in said


@pytest.mark.parametrize(("text", "expected"), [
    ("tu es un robot ou un humain ?", "utter_bot_challenge"),
    ("coucou, t'es là ?", "utter_greet"),
])
def test_a_bot_challenge_is_told_what_it_is_talks_to_unless_it_only_checks_someone_is_there(
        router: Router, text: str, expected: str) -> None:
    assert ask(router, text, "bot_challenge")[0] == expected


def test_a_question_the_nlu_took_for_a_bot_challenge_is_answered(router: Router) -> None:
    replies = conversation(router, ("que dit le communiqué de l'OTAN sur le Kosovo ?", None),
                           ("c'est une déclaration de qui ?", "bot_challenge"))
    assert "Président" in replies[1]


def test_what_follows_a_step_is_the_next_step_the_paragraph_tells(router: Router) -> None:
    replies = conversation(router, ("comment un pays peut-il devenir partenaire ?", "ask_become_partner"),
                           ("et après la demande, il se passe quoi ?", None))
    assert "processus de consultation" in replies[1] and "§ 7" in replies[1]


def test_what_happened_after_an_event_is_not_taken_from_the_next_sentence(router: Router) -> None:
    said, _ = ask(router, "que se passe-t-il après la réunion de Bruxelles ?")
    assert not said.startswith("D'après le texte : « Malgré")


def test_the_partner_just_after_or_before_the_one_talked_about(router: Router) -> None:
    replies = conversation(router, ("la Corée, partenaire depuis quand ?", "ask_partner"),
                           ("et juste après elle ?", "follow_up"), ("et après elle ?", "follow_up"),
                           ("en quelle année l'Égypte est-elle devenue partenaire ?", "ask_partner"),
                           ("et avant elle ?", "follow_up"))
    assert "Après la République de Corée (1994), la Thaïlande (2000) a suivi." in replies[1]
    assert "Après la Thaïlande (2000), l'Afghanistan (2003) a suivi." in replies[2]
    assert "fait partie des premiers partenaires méditerranéens" in replies[4] and "Jordanie" not in replies[4]


def test_who_the_partners_were_in_a_year_lists_them_as_of_that_year(router: Router) -> None:
    said, _ = ask(router, "en 2010 c'était qui les partenaires asiatiques ?", "list_partners")
    assert "Mongolie" in said and "Australie" in said and "Aucun" not in said


def test_a_group_listed_can_be_asked_again_in_chronological_order(router: Router) -> None:
    replies = conversation(router, ("les partenaires asiatiques c'est lesquels ?", "list_partners"),
                           ("tu peux me les classer du plus ancien au plus récent ?", "partner_order"))
    assert replies[1].startswith("Dans l'ordre chronologique : le Japon (1992)") and "Algérie" not in replies[1]


@pytest.mark.parametrize(("question", "absent", "place"), [
    ("le secrétariat de l'OSCE, c'est à Genève ?", "Genève", "Vienne"),
    ("les groupes de contact se réunissent à Paris, non ?", "Paris", "Vienne"),
])
def test_a_place_no_document_names_is_said_so_with_where_the_documents_put_it(
        router: Router, question: str, absent: str, place: str) -> None:
    said, _ = ask(router, question)
    assert said.startswith(f"Les documents ne mentionnent pas « {absent} »") and place in said


def test_a_manner_is_not_taken_for_a_place(router: Router) -> None:
    said, _ = ask(router, "la conférence asiatique de 2020, elle s'est faite en présentiel ?")
    assert "Présentiel" not in said


def test_a_compared_subject_typed_with_a_capital_reads_inside_the_sentence(router: Router) -> None:
    said, _ = ask(router, "Le groupe de contact méditerranéen ou l'asiatique, lequel est le plus ancien ?")
    assert said.startswith("D'après les documents : le groupe de contact méditerranéen :")
    assert "donc le groupe de contact méditerranéen (1994)" in said


def test_a_pronoun_question_is_answered_from_the_paragraph_just_quoted(router: Router) -> None:
    replies = conversation(router, ("que dit le dernier paragraphe de la déclaration ministérielle de 2007 ?", None),
                           ("il rappelle quoi comme décision du conseil permanent ?", None),
                           ("et elle est de quelle date ?", None))
    assert replies[0].startswith("Voici le paragraphe 15 de la Déclaration ministérielle de Madrid")
    assert "Décision No 430" in replies[1] and "§ 15" in replies[1]
    assert "2001" in replies[2]


def test_a_pronoun_question_with_a_paragraph_of_its_own_is_not_taken_from_the_last_one(router: Router) -> None:
    replies = conversation(router, ("le paragraphe 6 de la décision 5/11, il charge qui ?", "ask_paragraph"),
                           ("et le conseil permanent, il doit faire quoi au paragraphe 7 ?", None))
    assert "§ 7" in replies[1] or "paragraphe 7" in replies[1]


def test_a_bare_number_after_a_paragraph_is_the_paragraph_of_that_number(router: Router) -> None:
    replies = conversation(router, ("que dit le paragraphe 1 de la décision 5/11 ?", "ask_paragraph"),
                           ("et le 3 ?", None), ("puis le 8 de cette décision ?", None))
    assert replies[1].startswith("Voici le paragraphe 3 de la Décision No 5/11")
    assert replies[2].startswith("Voici le paragraphe 8 de la Décision No 5/11")


@pytest.mark.parametrize(("named", "document"), [
    ("selon la déclaration ministérielle de 2007", "madrid-2007"),
    ("dans la déclaration sur les partenaires de l'OSCE pour la coopération", "madrid-2007"),
    ("d'après la décision du Conseil ministériel de 2011", "mc-dec-5-11"),
    ("selon la déclaration sur les partenaires asiatiques", "asian-declaration-2020"),
])
def test_the_documents_are_known_by_their_year_and_title(named: str, document: str) -> None:
    assert document_scope(f"{named}, que faut-il retenir ?").document_id == document


@pytest.mark.parametrize(("question", "heading", "title"), [
    ("quel est le titre exact de la déclaration ministérielle de 2007 ?", "DÉCLARATION MINISTÉRIELLE SUR LES",
     "Déclaration ministérielle de Madrid"),
    ("la déclaration de 2020 sur l'Asie, c'est quoi son intitulé ?", "DÉCLARATION SUR LA COOPÉRATION AVEC",
     "Déclaration sur la coopération avec les partenaires asiatiques"),
])
def test_a_document_asked_for_by_its_title_is_presented(router: Router, question: str, heading: str,
                                                        title: str) -> None:
    said = ask(router, question, "ask_document")[0]
    assert said.startswith(f"En tête du texte, le titre est : « {heading}") and f"Il s'agit de la {title}" in said


def test_which_paragraph_the_last_answer_came_from(router: Router) -> None:
    replies = conversation(router, ("selon la décision 5/11, à qui le Secrétaire général présente-t-il ses "
                                    "propositions ?", None),
                           ("ça se trouve à quel paragraphe ?", None))
    assert "§ 6" in replies[0] and replies[1].startswith("Voici le passage exact (§ 6)")


def test_a_document_just_presented_is_asked_what_it_cites(router: Router) -> None:
    replies = conversation(router, ("c'est quoi la déclaration de 2020 ?", "ask_document"),
                           ("elle se fonde sur quels textes antérieurs ?", None),
                           ("la déclaration de Madrid, elle date de quelle année ?", "ask_document"))
    assert replies[1].startswith("La Déclaration sur la coopération avec les partenaires asiatiques de l'OSCE cite")
    assert "5/11" in replies[1]
    assert replies[2].startswith("Il s'agit de la Déclaration ministérielle de Madrid") and "2007" in replies[2]


def test_a_text_the_corpus_quotes_is_named_and_dated_on_follow_ups(router: Router) -> None:
    replies = conversation(router,
                           ("la déclaration commémorative porte le nom d'une ville, laquelle ?", "ask_document"),
                           ("et l'année ?", "follow_up"))
    assert replies[0].startswith("Il s'agit de la Déclaration commémorative d'Astana")
    assert "2010" in replies[1]


def test_the_latest_of_a_group_just_listed(router: Router) -> None:
    replies = conversation(router,
                           ("sur la rive sud de la Méditerranée, quels pays sont partenaires ?", "list_partners"),
                           ("il y en a un qui les a rejoints plus tard que les autres ?", None))
    assert "l'Algérie, l'Égypte, Israël, la Jordanie, le Maroc et la Tunisie" in replies[0]
    assert "la Jordanie, devenue partenaire en 1998" in replies[1]


def test_what_the_text_says_next_is_the_following_paragraph(router: Router) -> None:
    replies = conversation(router, ("que dit le paragraphe 4 de la déclaration de Madrid ?", "ask_paragraph"),
                           ("et le paragraphe suivant ?", None), ("et juste après ?", None))
    assert replies[1].startswith("Voici le paragraphe 5 de la Déclaration ministérielle de Madrid")
    assert replies[2].startswith("Voici le paragraphe 6 de la Déclaration ministérielle de Madrid")


def test_after_an_event_is_not_the_next_paragraph(router: Router) -> None:
    said, _ = ask(router, "que s'est-il passé juste après la réunion de Bruxelles ?")
    assert not said.startswith("Voici le paragraphe")


def test_a_document_speaking_of_a_subject_in_several_places_quotes_each(router: Router) -> None:
    said, outcome = ask(router, "la décision 5/11 évoque-t-elle le Fonds de partenariat ?", "ask_document")
    assert said.startswith("Oui, à deux endroits") and "§ 5 et § 8" in said


def test_who_made_the_assistant_is_small_talk(router: Router) -> None:
    assert ask(router, "qui t'a programmé ?", None)[0] == "utter_who_made_you"


def test_whether_a_group_still_bears_its_name(router: Router) -> None:
    replies = conversation(router, ("le groupe de contact asiatique, il a été créé quand ?", "ask_contact_groups"),
                           ("et il porte toujours ce nom aujourd'hui ?", None))
    assert "2/19" in replies[1]


def test_the_oldest_text_a_document_cites_asked_in_a_long_sentence(router: Router) -> None:
    said = ask(router, "la brochure mentionne pas mal de textes officiels sur le partenariat, lequel est le plus "
                       "ancien ?", "ask_document")[0]
    assert "Acte final d'Helsinki (1975)" in said


def test_a_follow_up_after_an_order_question_is_about_that_order(router: Router) -> None:
    replies = conversation(router, ("la déclaration de 2020 célèbre quel anniversaire ?", "ask_events"),
                           ("et le premier des partenaires asiatiques, c'était qui ?", "partner_order"),
                           ("en quelle année ?", None))
    assert "Japon" in replies[1] and "1992" in replies[2] and "vingt-cinquième" not in replies[2]


def test_a_year_past_the_documents_does_not_stay_in_the_conversation(router: Router) -> None:
    replies = conversation(router, ("le président en exercice, c'est qui ?", None), ("et c'était qui en 2024 ?", None),
                           ("et au quotidien, le dialogue passe par quoi ?", None))
    assert "2020" in replies[1]
    assert "2024" not in replies[2] and "points de contact" in replies[2]


def test_what_happens_around_meetings_just_counted(router: Router) -> None:
    replies = conversation(router, ("il y a combien de conférences annuelles avec les partenaires ?", None),
                           ("elles ont lieu où en général ?", None))
    assert "deux conférences annuelles" in replies[0]
    assert "pays partenaire" in replies[1]


def test_how_many_paragraphs_a_document_has_is_counted_in_its_text(router: Router) -> None:
    replies = conversation(router, ("combien de paragraphes numérotés dans la décision 5/11 ?", None),
                           ("et la déclaration de Madrid, combien de paragraphes ?", None),
                           ("et la brochure ?", None))
    assert "9 paragraphes numérotés" in replies[0] and "13 alinéas" in replies[0]
    assert "15 paragraphes numérotés" in replies[1]
    assert "ne sont pas numérotés" in replies[2]


def test_the_first_paragraph_of_a_decision_is_its_paragraph_1(router: Router) -> None:
    replies = conversation(router, ("parlons de la décision 5/11", None),
                           ("le premier paragraphe décide de renforcer quoi ?", None))
    assert "Décide de renforcer encore le Partenariat" in replies[1]


def test_the_chairmanship_of_a_year_is_said_only_where_a_document_names_it(router: Router) -> None:
    replies = conversation(router, ("quel pays présidait l'OSCE en 2020 ?", None), ("et en 2011 ?", None),
                           ("et la présidence actuelle de l'OSCE, c'est quel pays ?", None))
    assert "Présidence albanaise" in replies[0] and "§ 3" in replies[0]
    assert replies[1].startswith("Les documents ne disent pas") and "2011" in replies[1]
    assert "s'arrêtent en 2020" in replies[2]


def test_that_year_is_the_year_of_the_document_talked_about(router: Router) -> None:
    replies = conversation(router, ("parlons de la déclaration de Madrid", None),
                           ("qui présidait l'OSCE cette année-là ?", None))
    assert "en 2007" in replies[1] and "ne disent pas" in replies[1]


def test_what_a_document_stands_on_is_not_filtered_by_its_own_title(router: Router) -> None:
    reply, _ = ask(router, "la déclaration sur les partenaires asiatiques, elle se fonde sur quels textes ?")
    assert "5/11" in reply and "MC.DOC/10/14" in reply


def test_a_guess_at_partners_a_passage_leaves_unnamed_is_neither_confirmed_nor_denied(router: Router) -> None:
    replies = conversation(router, ("la 5/11 salue des réformes dans certains partenaires méditerranéens ?", None),
                           ("lesquels ? le Maroc et la Jordanie ?", "follow_up"))
    assert "certains pays partenaires méditerranéens" in replies[0]
    assert replies[1].startswith("Le texte ne précise pas lesquels") and "ni le Maroc ni la Jordanie" in replies[1]


@pytest.mark.parametrize("text", ["Merci ! Au fait, tu es une vraie personne ?", "vous êtes un robot ?"])
def test_whether_it_is_a_person_is_answered_inside_a_longer_message(router: Router, text: str) -> None:
    assert ask(router, text)[0] == "utter_bot_challenge"


def test_a_question_the_nlu_took_for_a_goodbye_is_answered(router: Router) -> None:
    assert ask(router, "à plus tard", "goodbye")[0] == "utter_goodbye"
    reply, _ = ask(router, "Au revoir les considérants : le premier paragraphe de la décision 5/11 décide quoi ?",
                   "goodbye")
    assert "Décide de renforcer encore le Partenariat" in reply


def test_a_document_named_in_a_message_s_opening_is_the_text_its_question_speaks_of(router: Router) -> None:
    replies = conversation(router, ("Bonsoir, je lis en ce moment la décision 5/11 pour un mémoire et je me pose une "
                                    "question. Qui a adopté ce texte ?", None),
                           ("Et elle date de quelle année ?", None))
    assert "Conseil ministériel" in replies[0] and "5/11" in replies[0]
    assert "2011" in replies[1]


def test_a_former_partner_is_compared_on_its_own_dates(router: Router) -> None:
    replies = conversation(router, ("l'Égypte ou la Mongolie, laquelle est partenaire depuis le plus longtemps ?",
                                    "compare_partners"),
                           ("la Suisse est devenue partenaire avant le Japon ?", "compare_partners"))
    assert replies[0].startswith("L'Égypte est devenue partenaire en premier") and "(2004)" in replies[0]
    assert "n'est plus partenaire" in replies[0] and "2012" in replies[0]
    assert "la Suisse n'est pas un partenaire" in replies[1]


def test_a_pronoun_compared_with_a_partner_is_the_country_just_talked_about(router: Router) -> None:
    replies = conversation(router, ("et la Mongolie ? il paraît qu'elle a un statut particulier", None),
                           ("elle est devenue État participant avant ou après l'arrivée de l'Australie ?",
                            "compare_partners"))
    assert "2012" in replies[1] and "2009" in replies[1]


def test_the_osce_s_former_name_and_the_era_asked_are_read_as_meant(router: Router) -> None:
    assert "CSCE" in ask(router, "et avant, l'OSCE s'appelait comment ?")[0]
    assert "1990" in ask(router, "avec les partenaires asiatiques, les liens datent de quelle époque ?")[0]


def test_an_amount_asked_after_a_paragraph_that_gives_none_is_not_answered_by_quoting_it(router: Router) -> None:
    replies = conversation(router, ("que dit le paragraphe 6 de la déclaration de Madrid ?", None),
                           ("et ça fait combien d'euros ?", "follow_up"))
    assert replies[0].startswith("Voici le paragraphe 6")
    assert replies[1].startswith("Je ne trouve pas de réponse exacte")


def test_its_title_after_a_document_named_in_the_opening_and_a_majority_read_as_consensus(router: Router) -> None:
    reply = ask(router, "re bonjour, on reprend la décision 5/11 si tu veux bien. Quel est son titre exact ?")[0]
    assert "« Partenaires pour la coopération »" in reply
    majority = ask(router, "le statut de partenaire, il est accordé à la majorité simple ?")[0]
    assert "consensuelle" in majority


def test_a_disputed_answer_is_maintained_and_a_near_miss_is_not_confirmed(router: Router) -> None:
    replies = conversation(router, ("En quelle année l'Australie est-elle devenue partenaire ?", "ask_partner"),
                           ("Non, c'est faux, c'était en 2004.", None),
                           ("quelle est la capitale de la Mongolie ?", None),
                           ("t'es sûr ?", "bot_challenge"))
    assert replies[1].startswith("Je maintiens ma réponse") and "2009" in replies[1] and "2004" not in replies[1]
    assert replies[3].startswith("Je ne peux pas le confirmer")


def test_considerants_and_worded_paragraph_ranks_point_at_their_clause(router: Router) -> None:
    replies = conversation(router, ("Quel est l'intitulé exact de la décision no 5/11 ?", None),
                           ("Citez-moi mot pour mot le premier considérant.", None),
                           ("Et le deuxième considérant ?", None))
    assert "Acte final de Helsinki de 1975" in replies[1]
    assert "Stratégie de l’OSCE" in replies[2]
    third = ask(router, "Au troisième paragraphe de la déclaration de Madrid, on demande quoi ?")[0]
    assert third.startswith("Voici le paragraphe 3")


def test_a_title_asked_at_length_and_a_first_paragraph_are_not_a_list_of_documents(router: Router) -> None:
    title = ask(router, "Je cherche d'abord le titre exact de la déclaration ministérielle de 2007 consacrée aux "
                        "partenaires ; auriez-vous l'obligeance de me le rappeler ?")[0]
    assert "Il s'agit de la Déclaration ministérielle de Madrid" in title
    first = ask(router, "Dans le premier paragraphe de la déclaration de Madrid, sur quels textes les ministres "
                        "veulent-ils s'appuyer ?")[0]
    assert "Budapest" in first and "Le plus ancien des documents" not in first
    curious = ask(router, "À titre de curiosité : qui présidait l'OSCE lors de la réunion de Madrid ?")[0]
    assert not curious.startswith("Il s'agit")


def test_how_far_a_project_has_got_is_not_a_question_of_place(router: Router) -> None:
    reply = ask(router, "le projet antidrogue du COR, il en est où ?")[0]
    assert "janvier 2008" in reply and not reply.startswith("Je ne trouve pas")


def test_claims_about_lists_counts_and_years_are_checked_against_the_documents(router: Router) -> None:
    listed = ask(router, "Dans mon article j'ai écrit que les partenaires méditerranéens sont l'Algérie, "
                         "l'Égypte, Israël, la Jordanie, le Liban, le Maroc et la Tunisie. Je laisse comme ça ?",
                 "ask_partner")[0]
    assert listed.startswith("Non : le Liban n'est pas un partenaire méditerranéen")
    counted = ask(router, "Pour mon titre : « L'OSCE et ses 57 partenaires pour la coopération ». Ça colle ?")[0]
    assert counted.startswith("Non : 57 est le nombre des États participants") and "11 (onze)" in counted
    dated = ask(router, "Le Japon, premier partenaire asiatique, en 1994 ?", "partner_order")[0]
    assert dated.startswith("Non, pas en 1994.") and "1992" in dated
    confirmed = ask(router, "Dernier point : l'Afghanistan, partenaire depuis 2003, je confirme ?")[0]
    assert "2003" in confirmed and not confirmed.startswith("Je ne trouve pas")


def test_after_the_first_partner_and_the_others_years_and_where_a_former_one_stands(router: Router) -> None:
    replies = conversation(router, ("Le Japon, c'est le premier partenaire asiatique ?", "partner_order"),
                           ("Et juste après lui ?", None),
                           ("Et les méditerranéens, ils sont là depuis quand ?", "list_partners"),
                           ("Et la Mongolie, elle est où dans tout ça ?", None),
                           ("Ta source principale là-dessus, elle s'intitule comment ?", None))
    assert "République de Corée (1994)" in replies[1]
    assert "1975" in replies[2]
    assert "2012" in replies[3] and "État participant" in replies[3]
    assert replies[4].startswith("Il s'agit de la brochure")


def test_a_place_already_named_a_decision_number_and_a_text_only_quoted(router: Router) -> None:
    replies = conversation(router, ("l'exercice assisté par ordinateur, il a lieu où ?", None),
                           ("Dans quelle ville allemande ?", "out_of_scope"))
    assert "en Allemagne" in replies[0] and not replies[0].startswith("Je ne trouve pas")
    assert replies[1].startswith("Je ne trouve pas de réponse exacte")
    city = ask(router, "Cette décision 2/19, elle a été adoptée à quelle réunion ministérielle, dans quelle ville ?")[0]
    assert "Madrid" not in city.split("«")[0] and not city.startswith("D'après le texte")
    quoted = ask(router, "qu'est-ce qu'elle dit exactement la 4/11 ?")[0]
    assert quoted.startswith("Il s'agit de la Décision No 4/11") and "Afghanistan" in quoted


def test_sms_spellings_and_a_thanks_with_praise(router: Router) -> None:
    replies = conversation(router, ("c koi le fond de partenaria", "ask_partnership_fund"),
                           ("il a ete creer kan", None), ("mrc tro bien", None))
    assert "2007" in replies[1] and not replies[1].startswith("Je ne trouve pas")
    assert replies[2] == "utter_thank"


def test_celle_de_2020_and_celui_de_2007_name_the_declarations(router: Router) -> None:
    replies = conversation(router, ("Dans celle de 2020, qui s'exprime ? Les chefs d'État ?", None),
                           ("Ah, je confonds. Elle s'intitule comment exactement, celle de 2020 ?", None),
                           ("Le texte de 2020 lie la sécurité de l'OSCE à quelle région ?", None),
                           ("Et celui de 2007, comment formule-t-il le lien entre les deux sécurités ?", None))
    assert replies[0].startswith("Il s'agit de la Déclaration sur la coopération avec les partenaires asiatiques")
    assert "ministres des affaires étrangères" in replies[0]
    assert "Il s'agit de la Déclaration sur la coopération avec les partenaires asiatiques" in replies[1]
    assert "asiatique" in replies[2] and "(2020)" in replies[2]
    assert "interdépendance" in replies[3]


def test_this_same_paragraph_asked_about_what_it_does_not_say(router: Router) -> None:
    replies = conversation(router, ("Pour devenir partenaire, la demande est adressée à qui ?", "ask_become_partner"),
                           ("Le même paragraphe parle aussi d'experts, je crois ?", None),
                           ("Et que dit ce paragraphe ?", None))
    assert replies[1].startswith("Je ne trouve pas cela dans ce paragraphe")
    assert replies[2].startswith("Voici le paragraphe")


@pytest.mark.parametrize(("question", "expected"), [
    ("les partenaires ils sont assis au fond, en simples spectateurs ?", "table principale"),
    ("Les présidences suivantes sont obligées de faire pareil ?", "futures présidences"),
    ("au COR, la réunion se tenait à quel niveau ?", "ministres des affaires étrangères"),
])
def test_everyday_wordings_reach_the_sentence_that_answers(router: Router, question: str, expected: str) -> None:
    reply = ask(router, question)[0]
    assert expected in reply and not reply.startswith("Je ne trouve pas")


def test_a_paragraph_pointed_at_is_not_a_word_asked_about(router: Router) -> None:
    replies = conversation(router, ("Le paragraphe 2 de la décision 5/11 encourage qui ?", "ask_paragraph"),
                           ("à faire quoi ?", "help"))
    assert "orientée vers l’action" in replies[1] and "paragraphe 49" not in replies[1]


def test_both_groups_at_once_get_both_answers(router: Router) -> None:
    counted = ask(router, "combien de partenaires méditerranéens et combien d'asiatiques ?", "count_partners",
                  group="méditerranéens")[0]
    assert "6 méditerranéens et 5 asiatiques" in counted
    chairs = ask(router, "Qui préside chacun des deux groupes ?", "ask_contact_groups")[0]
    assert "Présidence entrante" in chairs and "Présidence sortante" in chairs


def test_depuis_alone_after_a_partner_and_celle_la_after_a_cited_decision(router: Router) -> None:
    since = conversation(router, ("la Jordanie c'est un partenaire asiatique ?", "ask_partner"), ("depuis ?", None))
    assert "1998" in since[1] and since[1].startswith("La Jordanie")
    dated = conversation(router, ("que dit le paragraphe 15 de la déclaration de Madrid ?", None),
                         ("et celle-là, elle date de quand ?", None))
    assert dated[1].startswith("Il s'agit de la Décision No 430") and "19 juillet 2001" in dated[1]


def test_a_day_or_a_reference_the_documents_do_not_give(router: Router) -> None:
    day = ask(router, "Quel jour précisément la déclaration de Madrid a-t-elle été adoptée ?", "ask_document")[0]
    assert day.startswith("Les documents ne précisent pas le jour") and "2007" in day
    symbol = ask(router, "Quelle est la cote officielle de la déclaration de Madrid ?", "ask_document")[0]
    assert symbol.startswith("Les documents ne donnent pas de cote")
    nato = ask(router, "quelle est la référence du communiqué de l'OTAN ?", "ask_document")[0]
    assert "PR/CP(2007)131" in nato
    both = ask(router, "Décision 233 et décision 430 : laquelle est la plus ancienne ?", "ask_document")[0]
    assert "11 juin 1998" in both and "19 juillet 2001" in both


def test_a_paragraph_without_the_thing_asked_is_not_quoted_again(router: Router) -> None:
    replies = conversation(router, ("que dit le paragraphe 6 du communiqué de l'OTAN ?", None),
                           ("et c'est quoi l'adresse du site ?", None))
    assert "site web du COR" in replies[0]
    assert replies[1].startswith("Je ne trouve pas") and "Voici le passage exact" not in replies[1]


def test_an_opinion_is_not_given_and_a_polite_selon_toi_is_still_answered(router: Router) -> None:
    assert ask(router, "à ton avis, c'est quoi le meilleur partenaire ?", "out_of_scope")[0] == "utter_no_opinion"
    assert ask(router, "vous pensez que ce partenariat est efficace ?", None)[0] == "utter_no_opinion"
    assert "2000" in ask(router, "selon toi, la Thaïlande est partenaire depuis quand ?", "ask_partner")[0]


def test_the_language_of_a_document_is_not_guessed_and_russian_means_are_still_answered(router: Router) -> None:
    assert ask(router, "le communiqué existe-t-il en russe ?", None)[0] == "utter_document_languages"
    assert ask(router, "y a-t-il une version anglaise de la brochure ?", None)[0] == "utter_document_languages"
    means = ask(router, "que dit le communiqué des moyens militaires russes ?", None)[0]
    assert "2008" in means and "Active Endeavour" in means


def test_a_cited_text_of_a_given_year_and_the_paragraph_a_quote_comes_from(router: Router) -> None:
    cited = ask(router, "la décision 5/11 renvoie à un document de 2010, c'est lequel ?", "ask_citing")[0]
    assert "Astana" in cited
    origin = conversation(router, ("montre-moi le paragraphe 16 de la brochure", None),
                          ("la phrase sur « renforcer leur interaction », c'est quel paragraphe du texte d'origine ?",
                           None))
    assert origin[1].startswith("Voici le paragraphe 10 de la Déclaration ministérielle de Madrid")


def test_au_2_a_verbless_fragment_and_a_temporal_a_la_fin_follow_the_conversation(router: Router) -> None:
    numbered = conversation(router, ("que dit le paragraphe 1 de la décision 5/11 ?", None),
                            ("et au 3, on demande quoi ?", None))
    assert numbered[1].startswith("Voici le paragraphe 3 de la Décision No 5/11")
    fragment = conversation(router, ("que disent les ministres du COR sur la contribution de la Russie ?", None),
                            ("à quelle opération ?", None))
    assert "Active Endeavour" in fragment[1]
    procedure = conversation(router, ("comment un pays devient-il partenaire ?", "ask_become_partner"),
                             ("et à la fin, qui tranche ?", None))
    assert "site web du COR" not in procedure[1]


def test_the_author_asked_after_the_document_named_in_the_opening(router: Router) -> None:
    said = ask(router, "Je relis la décision 5/11 pour un mémoire. Elle s'ouvre comment, et qui en est l'auteur ?")[0]
    assert said.startswith("Il s'agit de la Décision No 5/11") and "Conseil ministériel" in said


def test_a_text_named_by_its_year_without_de_and_reporting_is_a_subject(router: Router) -> None:
    cited = ask(router, "la déclaration 2020 se fonde sur quels textes ?", None)[0]
    assert cited.startswith("La Déclaration sur la coopération avec les partenaires asiatiques de l'OSCE cite")
    reports = ask(router, "sur quoi les partenaires doivent-ils faire rapport ?", None)[0]
    assert "faire rapport sur leur mise en œuvre" in reports


def test_a_pronoun_after_a_near_miss_is_the_conversation_s_document_or_group_not_an_older_country(
        router: Router) -> None:
    where = conversation(router, ("la décision 5/11, elle a été prise à l'unanimité ?", "ask_document"),
                         ("et elle a été adoptée où ?", None))
    assert where[0].startswith("Je ne trouve pas de réponse exacte")  # the brochure speaks of another decision
    assert "Maastricht" not in where[1] and where[1].startswith("Les documents ne disent pas où la Décision No 5/11")
    renamed = conversation(router, ("la Thaïlande est partenaire depuis quand ?", "ask_partner"),
                           ("dans la déclaration de 2020, quel est le lieu principal du dialogue régulier avec les "
                            "partenaires asiatiques ?", None),
                           ("il s'appelait comment avant ?", None))
    assert "Thaïlande" not in renamed[2] and "Groupe de contact" in renamed[2]


def test_the_two_contact_groups_compared_by_age_and_a_compte_rendu_is_a_report(router: Router) -> None:
    older = ask(router, "le groupe méditerranéen est-il plus récent que le groupe asiatique ?", "ask_contact_groups",
                group="méditerranéen")[0]
    assert "1994" in older and "2003" in older
    reports = ask(router, "les présidents des groupes de contact rendent compte à qui ?", None)[0]
    assert "rapports annuels" in reports


def test_since_when_is_not_answered_by_a_date_only_looked_forward_to(router: Router) -> None:
    since = ask(router, "depuis quelle année la Russie contribue-t-elle à Active Endeavour ?", "ask_nrc",
                country="Russie")[0]
    assert since.startswith("Je ne trouve pas de réponse exacte")
    assert "2007" in ask(router, "depuis quand le Fonds de partenariat existe ?", "ask_partnership_fund")[0]


def test_a_text_that_speaks_of_a_subject_in_many_places_says_yes_and_quotes_the_likeliest_first(
        router: Router) -> None:
    said = ask(router, "La brochure parle-t-elle de l'Afghanistan ?", "ask_document", document="brochure",
               country="Afghanistan")[0]
    assert said.startswith("Oui, à six endroits, notamment : « À la Réunion du Conseil ministériel tenue à Madrid")
    assert "§ 2" in said and "§ 38" in said


def test_after_a_paragraph_la_suite_is_the_next_paragraph(router: Router) -> None:
    replies = conversation(router, ("montre le paragraphe 3 de la décision 5/11", "ask_paragraph"),
                           ("c'est quoi la suite ?", None), ("et après ?", "follow_up"))
    assert replies[1].startswith("Voici le paragraphe 4 de la Décision No 5/11")
    assert replies[2].startswith("Voici le paragraphe 5 de la Décision No 5/11")


def test_c_est_ou_with_its_own_subject_is_not_a_follow_up(router: Router) -> None:
    replies = conversation(router, ("qui préside le groupe de contact asiatique ?", "ask_contact_groups"),
                           ("c'est où le siège de l'OSCE ?", None))
    assert "Wallnerstrasse" in replies[1] and "Groupe de contact" not in replies[1]


def test_counting_years_of_partnership_is_not_counting_partners(router: Router) -> None:
    years = ask(router, "combien d'années de partenariat asiatique ?", "count_partners", group="asiatique")[0]
    assert "vingt-cinquième anniversaire" in years and "cinq)" not in years
    assert "5 (cinq)" in ask(router, "combien de partenaires asiatiques ?", "count_partners", group="asiatique")[0]


def test_whether_a_named_text_speaks_of_a_subject_is_answered_yes_with_its_places(router: Router) -> None:
    said = ask(router, "La déclaration de 2020 parle-t-elle aussi de l'Afghanistan ?", "ask_document",
               document="déclaration de 2020", country="Afghanistan")[0]
    assert said.startswith("Oui, à cinq endroits, notamment :") and "Afghanistan" in said


def test_en_parle_aussi_about_one_place_says_yes_and_quotes_it(router: Router) -> None:
    replies = conversation(router, ("qu'est-ce que le Fonds de partenariat ?", "ask_partnership_fund"),
                           ("la déclaration de madrid en parle aussi ?", "ask_document"))
    assert replies[1].startswith("Oui : « Nous nous félicitons de la décision du Conseil permanent")
    assert "Déclaration de Madrid (2007), § 11" in replies[1]


def test_what_something_is_is_not_defined_by_a_synonym_alone(router: Router) -> None:
    budget = ask(router, "c'est quoi le budget de l'osce ?", None)[0]
    assert budget.startswith("Je ne trouve pas de réponse exacte")


def test_the_subject_of_a_mention_question_is_what_follows_its_verb(router: Router) -> None:
    said = ask(router, "dans le communique otan russie de 2007 ils parlent de l'afghanistan ?", "ask_nrc",
               country="Afghanistan")[0]
    assert said.startswith("Oui, à trois endroits") and "§ 1" not in said


def test_en_parle_stands_for_the_subject_of_the_conversation(router: Router) -> None:
    replies = conversation(router, ("bonjour, j'ai une question sur le fonds de partenariat", None),
                           ("ya combien d'argent dans le fonds ?", None), ("et ca finance quels themes ?", None),
                           ("la déclaration de madrid en parle aussi ?", "ask_document"))
    assert replies[3].startswith("Oui : « Nous nous félicitons de la décision du Conseil permanent")


def test_the_year_after_a_question_that_named_none_is_asked_for(router: Router) -> None:
    replies = conversation(router, ("elle a réuni combien de participants ?", None),
                           ("et l'année d'après ?", "follow_up"))
    assert replies[1].startswith("Je ne sais pas de quelle année vous parlez")
    chaired = conversation(router, ("qui présidait l'OSCE en 2020 ?", None), ("et l'année d'avant ?", "follow_up"))
    assert "2019" in chaired[1]


def test_a_near_miss_quotes_both_closest_passages_with_their_sources(store: KnowledgeStore) -> None:
    first, second = store.sentences()[3], store.sentences()[40]
    said = answers.passage_reply(first, closest=True, runner_up=second).render()
    assert said.startswith("Je ne trouve pas de réponse exacte")
    assert f"« {first.text} » et « {second.text} »" in said
    assert first.citation.where in said and second.citation.where in said


def test_the_other_group_after_a_question_on_one(router: Router) -> None:
    replies = conversation(router, ("En quelle année a été établi le groupe de contact méditerranéen ?",
                                    "ask_contact_groups"), ("et l'autre ?", "follow_up"))
    assert "1994" in replies[0] and "2003" in replies[1] and "asiatiques" in replies[1]


def test_the_inverted_pronoun_of_a_citing_verb_is_its_subject_not_the_last_document(router: Router) -> None:
    replies = conversation(router, ("selon la déclaration de Madrid, qui a eu l'idée du forum sur la Méditerranée ?",
                                    None),
                           ("la décision 5/11 mentionne-t-elle les changements politiques de 2011 chez des "
                            "partenaires méditerranéens ?", None))
    assert "transition démocratique" in replies[1] and "571" not in replies[1]


def test_the_next_clause_described_by_the_user_is_the_one_it_describes(router: Router) -> None:
    state = DialogueState(passage="mc-dec-5-11|préambule 6", kind=Kind.PASSAGE, document="mc-dec-5-11")
    text = ask(router, "Le considérant suivant dit que l'OSCE est prête à aider les partenaires : à quelles "
                       "conditions ?", None, state)[0]
    assert "Réaffirmant que l’OSCE est prête" in text
    plain = ask(router, "et le considérant suivant ?", None, state)[0]
    assert "Convenant que l’expérience" in plain


def test_the_title_asked_is_the_heading_as_printed(router: Router) -> None:
    text = ask(router, "Quel est l'intitulé exact de la déclaration de Madrid ?", "ask_document")[0]
    assert text.startswith("En tête du texte, le titre est : « DÉCLARATION MINISTÉRIELLE SUR LES PARTENAIRES DE L’OSCE")
    assert "titre" in text.split("Source")[-1]


def test_the_same_question_of_another_body_is_not_answered_by_the_last_passage(router: Router) -> None:
    replies = conversation(router, ("Selon la décision 5/11, le Secrétaire général est chargé de quoi ?", None),
                           ("et le Conseil permanent ?", "follow_up"))
    assert "Charge le Secrétaire général" in replies[0]
    assert "Prie le Conseil permanent de rester saisi" in replies[1].split(" et « ")[0]


def test_a_paragraph_of_the_declaration_of_a_year_is_that_declaration_s(router: Router) -> None:
    state = DialogueState(document="mc-dec-5-11", passage="mc-dec-5-11|6", kind=Kind.PASSAGE)
    text = ask(router, "Revenons en 2007 : que dit le paragraphe 14 de la déclaration ?", "ask_paragraph", state,
               paragraph="14", year="2007")[0]
    assert text.startswith("Voici le paragraphe 14 de la Déclaration ministérielle de Madrid")


@pytest.mark.parametrize(("question", "expected"), [
    ("Qui est devenu partenaire juste après le Japon ?", "Après le Japon (1992), la République de Corée (1994)"),
    ("quel pays a précédé l'Australie chez les asiatiques ?", "Avant l'Australie (2009), il y avait l'Afghanistan"),
])
def test_the_partner_next_to_one_named(router: Router, question: str, expected: str) -> None:
    assert ask(router, question, None)[0].startswith(expected)


def test_a_message_of_two_questions_gets_both_answers_the_second_in_the_first_s_context(router: Router) -> None:
    text = ask(router, "La Thaïlande est devenue partenaire en quelle année ? Et qui a suivi la Thaïlande ?",
               "ask_partner", country="Thaïlande")[0]
    assert "La Thaïlande est devenue partenaire asiatique pour la coopération en 2000." in text
    assert "Après la Thaïlande (2000), l'Afghanistan (2003) a suivi." in text
    assert ask(router, "Le Japon est partenaire depuis 1992 ? c'est bien ça ?", "ask_partner",
               country="Japon")[0].count("Source") == 1


def test_an_intent_for_the_list_of_documents_does_not_answer_a_question_that_only_names_decisions(
        router: Router) -> None:
    text = ask(router, "qui tient les partenaires au courant des discussions sur les décisions du Conseil "
                       "ministériel ?", "list_documents")[0]
    assert "groupes de contact" in text and "Acte final" not in text
    assert "Acte final" in ask(router, "quels documents connais-tu ?", "list_documents")[0]


def test_a_right_to_vote_is_not_election_observation(router: Router) -> None:
    text = ask(router, "Les partenaires ont-ils le droit de vote au Forum pour la coopération en matière de sécurité ?",
               "ask_dialogue")[0]
    assert not text.startswith("Oui") and "observateurs" not in text


def test_whether_a_country_could_become_a_partner_is_not_said(router: Router) -> None:
    text = ask(router, "Le Liban pourrait-il devenir partenaire à l'avenir ?", "ask_partner", country="Liban")[0]
    assert text.startswith("Les documents ne disent pas si le Liban pourrait devenir partenaire")
    assert "430" in text
    assert ask(router, "Le Liban est-il partenaire ?", "ask_partner", country="Liban")[0].startswith("Non")


def test_what_a_text_is_based_on_is_what_it_cites(router: Router) -> None:
    text = ask(router, "La déclaration de 2020 est fondée sur quels textes ?", None)[0]
    assert "cite" in text and "5/11" in text


@pytest.mark.parametrize(("question", "start"), [
    ("que dit l'alinéa 1 du préambule de la décision 5/11 ?", "« Rappelant l’Acte final de Helsinki"),
    ("et le troisième considérant de la 5/11 ?", "« Pleinement convaincu"),
])
def test_preamble_clauses_are_counted_as_readers_count_them(router: Router, question: str, start: str) -> None:
    """« Le Conseil ministériel, » opens the preamble; the first clause is the one that recalls Helsinki."""
    text = ask(router, question, "ask_paragraph")[0]
    assert start in text and "alinéa" in text


@pytest.mark.parametrize(("message", "response"), [
    ("Parfait, je note tout ça. Merci.", "utter_thank"),
    ("Je vous suis très reconnaissant, bonne soirée !", "utter_goodbye"),
    ("merciii c top, bye", "utter_goodbye"),
])
def test_a_closing_message_of_thanks_is_answered_as_such(router: Router, message: str, response: str) -> None:
    assert ask(router, message, "nlu_fallback")[1].response == response


def test_french_with_english_words_is_answered_and_english_politely_refused(router: Router) -> None:
    mixed = ask(router, "Ok, et concretely le Partnership Fund ça finance what kind of stuff ?", "english")[0]
    assert "séminaires" in mixed
    assert ask(router, "who launched the fund ?", "english")[1].response == "utter_english"


@pytest.mark.parametrize(("question", "expected"), [
    ("la déclaration de 2020, elle se termine sur quoi ?", "Voici le paragraphe 6 de la Déclaration sur la"),
    ("sur quoi se clôt la déclaration de Madrid ?", "Voici le paragraphe 15 de la Déclaration ministérielle de Madrid"),
    ("la décision 5/11 commence par quoi ?", "s'ouvre sur la formule « Le Conseil ministériel », suivie de l'alinéa 1"),
])
def test_how_a_text_opens_and_closes(router: Router, question: str, expected: str) -> None:
    assert expected in ask(router, question, "ask_document")[0]


def test_a_clause_that_opens_with_quoted_words_is_not_the_opening_of_the_text() -> None:
    assert position_in("la décision 5/11 commence par quoi ?") == "first"
    assert position_in("Et le considérant qui commence par « Se félicitant », il se félicite de quoi ?") is None
    assert position_in("le considérant sur la sécurité, il commence par quels mots ?") is None


def test_a_count_of_applications_is_not_the_count_of_partners(router: Router) -> None:
    text = ask(router, "Combien de pays ont postulé au partenariat depuis 2000 ?", "count_partners")[0]
    assert "11 (onze)" not in text and "ne trouve pas" in text


def test_where_to_send_a_letter_is_the_postal_address(router: Router) -> None:
    assert "Wallnerstrasse" in ask(router, "jveu envoyer une lettre à l'OSCE, c'est quelle adresse ?", None)[0]


def test_a_pronoun_question_keeps_the_subject_for_the_next_document_asked(router: Router) -> None:
    replies = conversation(router, ("selon la déclaration de Madrid, l'OSCE accepte-t-elle de nouveaux partenaires ?",
                                    "ask_become_partner"),
                           ("ils rappellent quelle décision pour ça ?", None),
                           ("et la 5/11, elle dit pareil ?", "follow_up"))
    assert "430" in replies[2]


@pytest.mark.parametrize("message", ["tu parles anglais ?", "vous comprenez l'anglais ?"])
def test_asked_whether_it_speaks_english_it_says_it_speaks_french(router: Router, message: str) -> None:
    assert ask(router, message, "help")[1].response == "utter_english"


# --- ninth session: set 12 -----------------------------------------------------------------
def test_an_acronym_asked_at_the_end_of_a_longer_message_is_spelled_out(router: Router) -> None:
    said = ask(router, "Merci pour tout ! Une dernière chose pour mon panneau : BIDDH, ça veut dire quoi en toutes "
                       "lettres ? C'est pour une légende.")[0]
    assert "Bureau des institutions démocratiques" in said


def test_an_acronym_the_documents_never_spell_out_is_not_guessed(router: Router) -> None:
    said = ask(router, "Que signifie le sigle FCE, au juste ?")[0]
    assert "ne précisent pas" in said and "traité FCE" in said and "conventionnelles" not in said


def test_en_stands_for_the_turn_s_own_subject_when_it_names_one(router: Router) -> None:
    replies = conversation(router, ("la déclaration de 2020 dit quoi sur le commerce ?", None),
                           ("et les talibans, elle en parle ?", None))
    assert "commerce" in replies[0] and not replies[1].startswith("Oui")


def test_a_count_of_a_group_is_not_about_the_last_partner_named(router: Router) -> None:
    replies = conversation(router, ("Depuis quand la Jordanie est-elle partenaire ?", "ask_partner"),
                           ("et ils sont combien en tout, les partenaires méditerranéens ?", "count_partners"))
    assert "1998" in replies[0] and "6 (six)" in replies[1]


def test_texts_set_aside_before_the_verb_are_left_out_of_those_cited(router: Router) -> None:
    said = ask(router, "Dans la déclaration de Madrid, à part l'Acte final, on s'appuie sur quels textes ?")[0]
    assert "Budapest" in said and "Acte final" not in said


def test_older_texts_in_the_plural_are_all_those_cited(router: Router) -> None:
    said = ask(router, "la déclaration de 2020 s'appuie sur quels textes plus anciens ?")[0]
    assert "MC.DOC/10/14" in said and "5/11" in said and "plus ancien" not in said


def test_a_numbered_paragraph_after_a_document_is_that_paragraph(router: Router) -> None:
    replies = conversation(router, ("De quoi parle la déclaration de Madrid ?", "ask_document"),
                           ("que dit le paragraphe 3 sur les rapports ?", "ask_paragraph"))
    assert "paragraphe 3" in replies[1] and "faire rapport" in replies[1]


def test_a_year_heard_somewhere_is_checked(router: Router) -> None:
    said = ask(router, "J'ai lu quelque part que le Fonds de partenariat date de 2011.")[0]
    assert said.startswith("Non") and "2007" in said


def test_a_purpose_question_wants_the_passage_that_gives_one() -> None:
    from bot.answering.cues import QuestionType, question_type

    assert question_type("c'était pour faire quoi ?") is QuestionType.WHY
    assert question_type("ils se réunissent pour quoi faire ? à quelle fin ?") is QuestionType.WHY


def test_a_document_given_as_an_example_of_a_format_is_not_named(router: Router) -> None:
    replies = conversation(router, ("De quoi parle la déclaration de Madrid ?", "ask_document"),
                           ("elle a une cote, du genre MC.DOC quelque chose ?", None))
    assert "MC.DOC/10/14" not in replies[1]


def test_thanks_beside_the_question_are_set_aside() -> None:
    assert core_question("Merci, vous êtes bien patient avec moi. Rappelez-moi combien de pays compte l'OSCE.") == \
        "Rappelez-moi combien de pays compte l'OSCE."
    assert core_question("Le Président en exercice de l'OSCE, c'est qui ? Je n'ai pas bien lu la ligne.") == \
        "Le Président en exercice de l'OSCE, c'est qui ?"


def test_who_the_chairperson_in_office_is_comes_from_the_dash_that_explains_it(router: Router) -> None:
    said = ask(router, "le président en exercice de l'OSCE, c'est qui au juste ?")[0]
    assert "Ministre des affaires étrangères" in said


def test_cited_in_so_many_words_asks_whether_the_text_says_it(router: Router) -> None:
    replies = conversation(router, ("Qu'a fait l'OSCE pour les frontières de l'Afghanistan ?", None),
                           ("Les activités douanières, elles sont mentionnées noir sur blanc ?", None))
    assert "activités douanières" in replies[1] and not replies[1].startswith("Je ne trouve")


def test_a_second_question_opened_by_et_is_answered_even_when_a_pronoun_takes_up_the_first(router: Router) -> None:
    said = ask(router, "Les partenaires participent aux échanges d'informations militaires ? Et on peut leur "
                       "faire visiter des sites militaires ?", "ask_cooperation")[0]
    assert said.count("Source") == 2 and "visites d’installations militaires" in said


def test_a_remark_after_the_question_is_set_aside() -> None:
    assert core_question("Ok. Et le communiqué de presse, il a un numéro de référence ? je veux le mettre dans la "
                         "description") == "Et le communiqué de presse, il a un numéro de référence ?"


def test_who_are_you_inside_a_longer_message_is_small_talk(router: Router) -> None:
    said = ask(router, "Salut ! Je fais un podcast de géopolitique. Avant tout : t'es qui toi, exactement ?")[0]
    assert said == "utter_bot_challenge"


def test_an_answer_disputed_with_a_claim_the_documents_do_not_answer_stands(router: Router) -> None:
    first = ask(router, "Elle date de quand, la 430 ?", "ask_document", document="430")[1]
    said = ask(router, "Non, je suis sûre que la 430 c'est 1998, c'est écrit dans mes fiches.", None, first.state,
               document="430")[0]
    assert said.startswith("Je maintiens") and "19 juillet 2001" in said


@pytest.mark.parametrize(("question", "expected"), [
    ("Combien d'années entre l'Acte final d'Helsinki et la déclaration de Madrid ?", "De 1975 à 2007, il s'est donc "
                                                                                    "écoulé 32 ans."),
    ("Entre la 233 et la 430, combien de temps ?", "De 1998 à 2001, il s'est donc écoulé 3 ans."),
    ("Le groupe de contact asiatique a été créé combien d'années après le groupe méditerranéen ?",
     "De 1994 à 2003, il s'est donc écoulé 9 ans."),
    ("combien d'années entre l'arrivée de la Jordanie et celle de l'Australie ?",
     "De 1998 à 2009, il s'est donc écoulé 11 ans."),
    ("Entre le premier partenaire asiatique et le dernier arrivé, il s'est écoulé combien d'années ?",
     "De 1992 à 2009, il s'est donc écoulé 17 ans."),
])
def test_the_years_between_two_dated_things_are_counted(router: Router, question: str, expected: str) -> None:
    assert expected in ask(router, question)[0]


def test_how_long_a_partner_stayed_one_before_joining_the_osce(router: Router) -> None:
    replies = conversation(router, ("Quand la Mongolie est-elle devenue partenaire ?", "ask_partner"),
                           ("Elle est restée partenaire combien d'années avant de passer membre ?", None))
    assert "elle est donc restée partenaire 8 ans" in replies[1]


def test_older_or_newer_than_compares_both_dates(router: Router) -> None:
    said = ask(router, "Le Fonds de partenariat, il est plus ancien ou plus récent que le groupe de contact "
                       "asiatique ?")[0]
    assert "2003" in said and "2007" in said


def test_the_sentence_after_or_before_the_one_quoted(router: Router) -> None:
    replies = conversation(router, ("Qu'est-ce que l'OSCE attend pour le séminaire méditerranéen de 2007 ?", None),
                           ("et la phrase suivante ?", None), ("et la phrase d'avant ?", None))
    assert "Tel-Aviv" in replies[0]
    assert "première réunion commune des groupes de contact" in replies[1]
    assert "Tel-Aviv" in replies[2]


def test_the_next_clause_of_a_preamble_after_one_quoted(router: Router) -> None:
    replies = conversation(router, ("Dans la décision 5/11, que rappelle le considérant sur l'Acte final ?", None),
                           ("et le suivant ?", "follow_up"))
    assert "Helsinki" in replies[0] and "Stratégie de l’OSCE" in replies[1]


def test_an_acronym_forgotten_is_spelled_out(router: Router) -> None:
    for text in ("BIDDH... je ne me souviens plus de ce que veut dire le sigle...",
                 "je ne sais plus ce que veut dire BIDDH"):
        assert "Bureau des institutions démocratiques" in ask(router, text, "help")[0]


def test_one_sentence_asking_two_things_gets_both(router: Router) -> None:
    replies = conversation(router, ("le Fonds de partenariat ?", "ask_partnership_fund"),
                           ("Il a été créé quand, et dans quel but ?", None))
    assert "2007" in replies[1] and "en vue d’appuyer les activités concrètes" in replies[1]


def test_a_short_question_after_a_paragraph_is_looked_for_in_it_first(router: Router) -> None:
    replies = conversation(router, ("Que décide le paragraphe 1 de la décision 5/11 ?", None),
                           ("Conformément aux besoins de qui ?", None))
    assert "Source : Décision No 5/11, § 1." in replies[1] and not replies[1].startswith("Je ne trouve")


def test_the_partner_after_one_named_before_the_question_word(router: Router) -> None:
    said = ask(router, "ah ok et juste après la corée c'est qui qui a suivi ?", "compare_partners", country="Corée")[0]
    assert said.startswith("Après la République de Corée (1994), la Thaïlande (2000) a suivi.")


def test_a_count_then_est_ce_que_in_one_sentence_answers_the_count(router: Router) -> None:
    said = ask(router, "il y a combien de pays mediterraneens partenaires de l osce, et est ce que le liban en fait "
                       "partie ?", "ask_partner", country="Liban", group="méditerranéen")[0]
    assert "6 (six) partenaires méditerranéens" in said


def test_le_5_followed_by_a_verb_is_paragraph_5() -> None:
    from bot.answering.structured_cues import paragraph_number

    assert paragraph_number("Le 5 vise la participation de qui ?") == "5"
    assert paragraph_number("El párrafo 14, il dit quoi ?") == "14"
    assert paragraph_number("le 7 décembre 2007, c'était où ?") is None


def test_how_long_a_partner_that_never_joined_stayed_one_is_not_said(router: Router) -> None:
    replies = conversation(router, ("Quand le Japon est-il devenu partenaire ?", "ask_partner"),
                           ("il est resté partenaire combien de temps avant de devenir État participant ?", None))
    assert "les documents ne disent pas qu'il soit devenu État participant" in replies[1]
