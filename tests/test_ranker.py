"""The ranker: which curated answer or sentence covers a question, and when none does."""
from __future__ import annotations

import pytest

from bot.answering.cues import QuestionType, document_scope, key_terms, question_type
from bot.answering.ranker import YEAR_ELSEWHERE_CREDIT, Candidate, Ranker
from bot.knowledge.store import KnowledgeStore
from bot.nlu.spacy_vectors import NLU_SPACY_MODEL


@pytest.fixture(scope="module")
def ranker(store: KnowledgeStore) -> Ranker:
    return Ranker(store, NLU_SPACY_MODEL)


@pytest.mark.parametrize(("question", "expected"), [
    ("Qui préside le groupe de contact avec les partenaires méditerranéens ?", "entrante"),
    ("Combien de fois par an se réunissent les groupes de contact ?", "six fois par an"),
    ("Quand le Fonds de partenariat a-t-il été créé ?", "2007"),
    ("Quelle décision a renommé le Groupe de contact asiatique ?", "2/19"),
    ("Combien coûte le Fonds de partenariat ?", "ne donnent ni le montant"),
])
def test_the_candidate_that_covers_the_question_is_confident(ranker: Ranker, question: str, expected: str) -> None:
    ranked = ranker.rank(question, document_scope(question))
    assert ranked.confident and ranked.candidate is not None and expected in ranked.candidate.text


@pytest.mark.parametrize(("question", "where"), [
    ("Que demande la décision 5/11 au Secrétaire général ?", "Décision No 5/11, § 6"),
    ("selon le communiqué de l'OTAN, sur quoi les ministres étaient-ils en désaccord ?", "OTAN), § 1"),
    ("trouve-moi un passage sur le terorisme et les armes legeres", "§ 36"),
])
def test_the_document_named_and_typos_lead_to_the_sentence(ranker: Ranker, question: str, where: str) -> None:
    ranked = ranker.rank(question, document_scope(question), curated=False)
    assert ranked.candidate is not None and where in str(ranked.candidate.citations[0])


@pytest.mark.parametrize("question", ["Qui est le Secrétaire général actuel de l'OSCE ?",
                                      "Quel temps fait-il à Vienne demain ?",
                                      "Que disent les documents sur le changement climatique ?"])
def test_no_confident_answer_to_what_the_documents_do_not_say(ranker: Ranker, question: str) -> None:
    assert not ranker.rank(question, document_scope(question), curated=False).confident


def test_a_rare_term_weighs_more_than_a_common_one(ranker: Ranker) -> None:
    assert ranker.weight("antimissile") > ranker.weight("partenaires")
    assert ranker.correct("terorisme") == "terrorisme" and ranker.correct("argent") == "argent"


@pytest.mark.parametrize(("question", "kind"), [
    ("Quand le COR s'est-il réuni ?", QuestionType.WHEN), ("Combien de partenaires ?", QuestionType.HOW_MANY),
    ("Où se réunissent les groupes ?", QuestionType.WHERE), ("Pourquoi la Mongolie ?", QuestionType.WHY),
    ("Quand le COR s'est réuni à Bruxelles, qu'ont-ils dit du Kosovo ?", QuestionType.WHAT),
    ("Qui est le Secrétaire général ?", QuestionType.NAME),
    ("il peut s'y rendre quand il veut ?", QuestionType.WHAT),
    ("elle peut servir aux partenaires ou pas ?", QuestionType.WHAT),
])
def test_question_types(question: str, kind: QuestionType) -> None:
    assert question_type(question) is kind


def test_key_terms_leave_out_asking_words_and_keep_lemmas() -> None:
    terms = key_terms("Pourriez-vous me dire ce que les ministres ont décidé au sujet du Kosovo ?")
    words = {f for t in terms for f in t.forms}
    assert {"ministres", "kosovo"} <= words and not {"pourriez", "dire"} & words


def test_a_how_many_question_wants_a_quantity_not_a_year_or_a_decision_number() -> None:
    from bot.answering.cues import satisfies

    assert not satisfies(QuestionType.HOW_MANY, "Créé en 2007, il est encouragé par la Décision No 5/11.")
    assert not satisfies(QuestionType.HOW_MANY, "Il finance une partie des activités.")
    assert satisfies(QuestionType.HOW_MANY, "L'OSCE compte 57 États participants.")
    assert satisfies(QuestionType.HOW_MANY, "Les documents ne donnent ni le montant du Fonds ni le nombre de projets.")


def test_a_word_of_its_own_is_not_matched_as_an_inflection_of_a_shorter_one(ranker: Ranker) -> None:
    assert "trois" not in ranker.matches("troika") and "troika" in ranker.matches("troika")


def test_a_heavy_term_only_paraphrased_keeps_the_answer_from_being_confident(ranker: Ranker) -> None:
    question = "c'est combien la contribution du japon ?"
    ranked = ranker.rank(question, document_scope(question))
    assert not ranked.confident and ranked.missing_share >= 0.2


def test_everyday_phrases_are_rephrased_word_by_word_only() -> None:
    assert "telephone" in [t.word for t in key_terms("ya un numero de tel ?")]
    assert "telephonephone" not in " ".join(t.word for t in key_terms("leur numéro de téléphone ?"))


def test_a_how_many_question_wants_a_number_of_what_it_counts() -> None:
    from bot.answering.cues import counts_what_is_asked

    assert not counts_what_is_asked("combien d'États étaient présents à cette réunion ?",
                                    "les partenaires dans les trois dimensions de la sécurité")
    assert counts_what_is_asked("combien de pays décident de l'admission ?", "les 57 États participants décident")
    assert counts_what_is_asked("combien de fois par an ?", "environ six fois par an")
    assert counts_what_is_asked("quels sont les partenaires ?", "les trois dimensions")
    assert not counts_what_is_asked("combien des conférences annuelles ?", "les trois dimensions de la sécurité")
    assert not counts_what_is_asked("la réunion a rassemblé combien de participants ?", "les 57 États participants")
    assert counts_what_is_asked("combien de participants dans l'OSCE ?", "les 57 États participants")


def test_who_hosts_a_meeting_answers_where_it_takes_place() -> None:
    from bot.answering.cues import satisfies

    assert satisfies(QuestionType.WHERE, "Ces réunions, accueillies généralement par un pays partenaire, …")
    assert not satisfies(QuestionType.WHERE, "Ces réunions offrent l'occasion d'un échange de vues.")


def test_everyday_words_match_the_documents_words(ranker: Ranker) -> None:
    question = ("selon la déclaration de Madrid, avec quels moyens supplémentaires "
                "se fera une coopération plus poussée ?")
    ranked = ranker.rank(question, document_scope(question))
    assert ranked.confident and "ressources disponibles" in ranked.candidate.text


def test_a_document_title_is_not_the_answer_to_a_question_on_its_subject(ranker: Ranker) -> None:
    question = "qui a présidé la réunion ministérielle du COR à Bruxelles ?"
    ranked = ranker.rank(question, document_scope(question))
    assert not (ranked.confident and ranked.candidate.citations[0].paragraph == "titre")


def test_a_city_the_lemmatizer_reads_as_a_verb_stays_a_key_term() -> None:
    assert "vienne" in [t.word for t in key_terms("les réunions ont lieu à Vienne ?")]
    assert "commencer" not in [t.word for t in key_terms("pour commencer, combien de continents ?")]


def test_a_question_worded_as_users_do_finds_its_sentence_through_the_questions_asked_for_it(
        ranker: Ranker) -> None:
    question = "le COR veut faire quoi pour informer le grand public ?"
    ranked = ranker.rank(question, document_scope(question))
    assert ranked.confident and "sensibilisation du public" in ranked.candidate.text


def test_one_word_shared_with_a_question_asked_about_something_else_lends_no_credit(ranker: Ranker) -> None:
    question = "la décision 5/11 demande quoi au secrétaire général ?"
    ranked = ranker.rank(question, document_scope(question))
    assert ranked.candidate.text.startswith("Charge le Secrétaire général")


def test_about_something_is_not_a_subject_word_but_subjects_are() -> None:
    assert "sujet" not in [t.word for t in key_terms("qu'ont-ils décidé au sujet de l'Afghanistan ?")]
    assert "sujets" in [t.word for t in key_terms("quels sujets intéressent les partenaires asiatiques ?")]


def test_a_year_counts_only_near_the_subject_it_is_said_of(ranker: Ranker) -> None:
    terms = key_terms("qui présidait en 2007 ?")
    reach = {t: frozenset().union(*(ranker.matches(f) for f in t.matchable)) for t in terms}
    full = {t: 1.0 for t in terms}
    listing = Candidate("La Conférence de 2007 à Tel-Aviv, puis la séance voulue par la Présidence albanaise de 2020.",
                        (), frozenset())
    one_year = Candidate("La Présidence de 2007 a convoqué la séance.", (), frozenset())
    year = next(t for t in terms if t.word == "2007")
    assert ranker._year_bound(reach, listing, dict(full))[year] == YEAR_ELSEWHERE_CREDIT
    assert ranker._year_bound(reach, one_year, dict(full))[year] == 1.0


def test_what_a_term_is_is_answered_by_the_sentence_that_explains_it_in_brackets(ranker: Ranker) -> None:
    question = "c'est quoi, une conférence d'examen ?"
    ranked = ranker.rank(question, document_scope(question), question_type(question))
    assert question_type(question) is QuestionType.DEFINITION
    assert ranked.confident and ranked.candidate is not None and "préalable aux sommets" in ranked.candidate.text


def test_a_paragraph_pointed_at_is_no_key_term_but_one_quoted_is() -> None:
    assert "paragraphe" not in {t.word for t in key_terms("Le paragraphe 2 encourage qui ?")}
    assert "paragraphe" in {t.word for t in key_terms("ils citent un paragraphe précis de cette charte ?")}
    assert "paragraphe" in {t.word for t in key_terms("que dit le paragraphe 49 de la Charte ?")}


def test_a_tie_between_passages_is_settled_by_the_one_holding_the_question_as_one_phrase(ranker: Ranker) -> None:
    question = "la principale enceinte de dialogue régulier avec les partenaires asiatiques, c'est laquelle ?"
    ranked = ranker.rank(question, document_scope(question), question_type(question))
    assert ranked.confident and ranked.candidate is not None
    assert ranked.candidate.citations[0].document_id == "asian-declaration-2020"
    short = "qui préside le Conseil permanent ?"  # in too many passages for a phrase to pick one
    assert not ranker.rank(short, document_scope(short), question_type(short)).confident


def test_a_near_miss_offers_a_second_passage_unless_the_first_has_the_shape_asked(ranker: Ranker) -> None:
    """Either of two close passages may hold what an open question asks; beside a dated passage, a second
    date would only tempt the reader with a wrong one."""
    what = "les conferences d'examen dont parle la brochure, elles servent a quoi ?"
    ranked = ranker.rank(what, document_scope(what))
    assert not ranked.confident and ranked.runner_up is not None
    assert ranked.runner_up.citations[0] != ranked.candidate.citations[0]
    when = "et la décision sur les observateurs d'élections, elle est de quand ?"
    dated = ranker.rank(when, document_scope(when), QuestionType.WHEN)
    assert dated.type_ok and dated.runner_up is None
