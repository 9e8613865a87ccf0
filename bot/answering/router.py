"""Decide, for one turn, which answer fits: a structured fact, a curated answer, a sentence, or « je ne sais pas ».

The intent says what kind of question the NLU thinks it is; it never forces an
answer that does not fit. Structured answers (partners, dates, lists, counts,
documents, paragraphs) are chosen from the question's own cues; everything else
goes through the ranker, which abstains when no candidate covers the question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from bot.answering import phrasing as answers
from bot.answering.acronyms import Expansion, Unspelled, asked_acronym, asked_unspelled, expansions, used_acronyms
from bot.answering.context import (
    DialogueState,
    Kind,
    asks_for_quote,
    asks_which_paragraph,
    borrow,
    challenges,
    changes_year,
    disputes,
    has_pronoun_subject,
    is_elliptical,
    moves_an_absent_year,
    refers_back,
    refers_to_place,
    swaps_actor,
)
from bot.answering.cues import (
    QuestionType,
    Scope,
    asking_clause,
    counted_noun,
    counts_what_is_asked,
    document_scope,
    has_answer_shape,
    key_terms,
    question_type,
    scope_phrases,
    stem,
    word_list,
    word_map,
    years_in,
)
from bot.answering.phrasing import Reply
from bot.answering.ranker import CONFIDENT, MARGIN, Ranked, Ranker
from bot.answering.structured_cues import (
    asks_comparison,
    asks_membership,
    asks_participating_states,
    asks_sorted,
    asks_span,
    asks_when,
    compared_subjects,
    group_in,
    is_bare_subject,
    names_both_groups,
    order_in,
    paragraph_number,
    paragraph_number_alone,
    position_in,
    span_subjects,
    without_position,
    year_filter,
)
from bot.knowledge.lemmas import STOP
from bot.knowledge.normalize import fold, name_key, words
from bot.knowledge.records import OPENING, CountryMatch, DocumentInfo, ParagraphInfo, PartnerInfo, SentenceInfo
from bot.knowledge.store import KnowledgeStore

MAX_MESSAGE = 1000
SHORT_FOLLOW_UP = 6  # words up to which a question after a paragraph shown is first looked for in it


@dataclass(frozen=True)
class Turn:
    """One user message as the NLU read it."""

    text: str
    intent: str | None = None
    entities: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def entity(self, name: str) -> str | None:
        values = self.entities.get(name) or ()
        return values[0] if values else None


@dataclass(frozen=True)
class Outcome:
    """What to say (replies, or a response of domain.yml) and the state it leaves."""

    replies: tuple[Reply, ...]
    state: DialogueState
    response: str | None = None
    aside: bool = False  # a side question (« BIDDH, ça veut dire quoi ? »): the conversation stays where it was


CURRENT_DOCUMENT_LEAD = 0.25  # « à la fin » means the conversation's document unless another one's end fits better
NEXT_DESCRIBED_LEAD = 0.3  # « le considérant suivant dit que … » describes the one after, by this much more
BARE_POSITION_FIT = 0.5  # « à la fin, … ? » points at the end of a text only when that end holds what is asked
OUT_OF_SCOPE_DOUBT = 0.6  # coverage from which a passage outweighs the NLU's « out of scope »
UNKNOWN_SHARE = 0.3  # share of a search's weight, in words no document uses, that means « not covered »
SMALL_TALK = {"greet": "utter_greet", "thank": "utter_thank", "help": "utter_help",
              "bot_challenge": "utter_bot_challenge", "goodbye": "utter_goodbye"}
# The curated topic a topic intent announces: its answers get a small bonus, never a free pass.
TOPIC_OF_INTENT = {
    "ask_become_partner": "become_partner", "ask_contact_groups": "contact_groups",
    "ask_partnership_fund": "partnership_fund", "ask_dialogue": "dialogue", "ask_themes": "themes",
    "ask_cooperation": "cooperation", "ask_afghanistan": "afghanistan", "ask_events": "events", "ask_osce": "osce",
    "ask_contact": "contact", "ask_nrc": "nrc",
}
# The words that ask who, what, which, when, how, how many, why (« où » apart: « ou » is also « or »).
_WH_WORDS = "quoi|qui|quel|quelle|quels|quelles|quand|comment|combien|pourquoi|lequel|laquelle"
_TAG = re.compile(r"<[^<>]{0,200}>")
_SOURCE = re.compile(r"\b(source|sources|d'ou|d ou|reference|references|tu tiens|vient|viennent|tire|origine"
                     r"|quel document|quels documents|quel texte)\b")
_BYE_ONLY = re.compile(r"^(ok |bon )?(au revoir|a plus|a\+|a bientot|bye|ciao|bonne (journee|soiree))[ !.]*$")


_THANKED = re.compile(r"\b(merci+s?|remercie\w*|reconnaissante?s?|thanks|thank you|thx|gracias)\b")
_BYE = re.compile(r"\b(au revoir|a plus|a bientot|bonne (journee|soiree|continuation|fin de journee)|bye|ciao"
                  r"|a la revoyure|adieu|salut)\b")
_OTHER_LANGUAGE = re.compile(r"\b(tu parles|vous parlez|parles-tu|parlez-vous|tu comprends|vous comprenez|"
                             r"comprends-tu|repondre en|reponds en|repondez en|parler en) (l')?(anglais|english)\b"
                             r"|\bspeak english\b")
CLOSING_WORDS = 25  # past this length a message of thanks carries something else


def _closing(folded: str) -> bool:
    """Thanks (or a goodbye) in a short message that asks nothing: the conversation is closing."""
    return "?" not in folded and len(folded.split()) <= CLOSING_WORDS and \
        (_THANKED.search(folded) is not None or _BYE.search(folded) is not None and len(folded.split()) <= 6) and \
        not _QUESTION_WORD.search(folded)


_SOURCE_WORD = re.compile(r"(source|reference|origine)")
_FACT_TYPES = {QuestionType.WHEN, QuestionType.HOW_MANY, QuestionType.WHICH_DOCUMENT}


_ASKS_HELP = re.compile(r"\b(aide|aider|tu (peux|sais|fais)|vous (pouvez|savez)|que (peux|sais)|comment (ca marche"
                        r"|t'utiliser|utiliser)|exemples?|fonctionnes?|sers a quoi)\b")


def _asks_a_fact(text: str, state: DialogueState, intent: str | None) -> bool:
    """« ça remonte à quelle année ? », « l'OSCE fait ça toute seule ? » after a question: a follow-up,
    whatever small-talk intent the NLU saw."""
    if not state.query or not is_elliptical(text):
        return False
    return question_type(text) in _FACT_TYPES or \
        (intent == "help" and "?" in text and not _ASKS_HELP.search(fold(text)))


def _small_talk(text: str) -> str | None:
    """A message that is only thanks or goodbye, whatever the NLU made of it; or a closing one, thanks with a
    remark and no question (« Parfait, je transmets. Merci. », « merciii t trop fort, bye »)."""
    folded = fold(text).strip()
    if _closing(folded):
        return "utter_goodbye" if _BYE.search(folded) else "utter_thank"
    if _BYE_ONLY.match(folded):
        return "utter_goodbye"
    if _WHO_MADE_YOU.search(folded):
        return "utter_who_made_you"
    if _ARE_YOU_HUMAN.search(folded):
        return "utter_bot_challenge"
    return None


_OPINION = re.compile(r"\b(ton avis|votre avis|selon toi|selon vous|d'apres toi|d'apres vous|tu penses|vous pensez"
                      r"|tu trouves|vous trouvez|tu crois|vous croyez|qu'en penses-tu|qu'en pensez-vous)\b")
_JUDGEMENT = re.compile(r"\b(meilleure?s?|pires?|preferee?s?|favori"
                        r"|plus (important|utile|efficace|influent|puissant)e?s?|bonne (chose|idee)|utiles?"
                        r"|efficaces?|inutiles?|reussie?s?|echec|bien ou (pas|mal))\b")
_JUDGED_THING = re.compile(r"\b(meilleure?|pire|preferee?|favorite?) (partenaire|pays|groupe|document|texte|declaration"
                           r"|decision|membre)s?\b")


def _asks_an_opinion(folded: str) -> bool:
    """« meilleur partenaire ? ton avis », « selon toi, c'est utile ? »: a judgement the documents do not make,
    unlike « selon toi, la Thaïlande est partenaire depuis quand ? », which only asks politely."""
    if _JUDGED_THING.search(folded):
        return True
    if not _OPINION.search(folded):
        return False
    return bool(_JUDGEMENT.search(folded)) or not key_terms(_OPINION.sub(" ", folded))


_LANGUAGES = (r"(russes?|anglais(es?)?|francais(es?)?|allemande?s?|espagnole?s?|arabes?|italienne?s?|chinois(es?)?"
              r"|japonais(es?)?|coreenne?s?)")
_DOCUMENT_LANGUAGE = re.compile(r"\b(existe|disponible|tradui|traduction|version|publie|redige|ecrit|original|lire|lit)"
                                r"\w*\b[^?.!]{0,25}\ben " + _LANGUAGES + r"\b|\bversions? (en )?(" + _LANGUAGES +
                                r"|originale?s?)\b|\b(quelles?|combien de|autres?|plusieurs) langues?\b"
                                r"|\blangue (originale|d'origine)\b")


def _asks_a_document_language(folded: str) -> bool:
    """« le communiqué existe-t-il en russe ? »: the documents say nothing of their languages or versions."""
    return bool(_DOCUMENT_LANGUAGE.search(folded))


_ARE_YOU_HUMAN = re.compile(r"\b(tu es|t'es|vous etes|es-tu|etes-vous) (un |une )?(vraie? personne|etre humain|humaine?"
                            r"|robot|bot|chatbot|machine|ia|intelligence artificielle)\b"
                            r"|\b(t'es|tu es|vous etes) qui\b|\bqui (es-tu|etes-vous|es tu|etes vous)\b")


_WHO_MADE_YOU = re.compile(r"\b(tu as|t'as|vous avez) ete (fait|cree|concu|developpe|programme|code)e?s? par qui\b"
                           r"|\bqui (t'a|vous a) (fait|cree|concu|developpe|programme|code)e?s?\b")
_POLITE = re.compile(r"^(bonjour|bonsoir|salut|coucou|hello)\b[ ,!.]*|\b(merci (beaucoup |bien )?(d'avance|par avance)"
                     r"?|d'avance merci)\b.*$|\bpour votre aide\b.*$")
_POLITE_LEAD = re.compile(r"^(si ce n'est pas trop demander|si possible|s'il vous pla[iî]t|svp|stp|dites-moi|dis-moi)"
                          r"[ ,]*", re.IGNORECASE)
_ASKING = re.compile(r"\b(j'aimerais|je voudrais|je souhaiterais|pourriez-vous|pouvez-vous|peux-tu|pourrais-tu)"
                     r"( bien)?( me)? (savoir|dire|indiquer|expliquer|preciser|confirmer)"
                     r"( si possible)?,?( si possible)?,?"
                     r"|\b(dites-moi|dis-moi|indiquez-moi)\b")


def spelled_out(text: str) -> str:
    """SMS spellings read as words (« c ki », « cb ») and « vrai ou faux : … » read as the question it is."""
    claim = _TRUE_OR_FALSE.match(text)
    if claim:
        text = text[claim.end():].rstrip(" .!") + " ?" if not text.rstrip().endswith("?") else text[claim.end():]
    table = word_map("sms")
    english = word_map("english")
    return _SMS_TOKEN.sub(lambda m: table.get(m.group(0).lower(), english.get(m.group(0).lower(), m.group(0))), text)


ENGLISH_SHARE = 0.5  # share of English words from which a message is English, not French with English words in it


def mostly_english(text: str) -> bool:
    """« who launched it ? » is English; « le Partnership Fund, il a été launch quand ? » is French."""
    tokens = re.findall(r"[a-z']+", fold(text))
    return bool(tokens) and sum(t in _ENGLISH_ONLY for t in tokens) / len(tokens) >= ENGLISH_SHARE


# « Dernier point : … », « Vérif rapide : … »: words that announce a question, not part of it
_LEAD_IN = re.compile(r"^\s*(dernier point|derni[eè]re (chose|question)|petite question|question( rapide| \d{1,2})?"
                      r"|v[ée]rif(ication)?( rapide)?|autre question|juste une chose|[àa] titre de curiosit[ée]"
                      r"|par curiosit[ée]|au passage)\s*[:,]\s*", re.IGNORECASE)
_THAT_TOPIC = re.compile(r"\b(la-dessus|a ce sujet|sur ce (point|sujet)|a ce propos|sur (ca|cela)|de (ca|cela))\b")
_TRUE_OR_FALSE = re.compile(r"^\s*((au fait|et|alors|ok|bon)\b[ ,]*)?vrai ou faux\s*[:,?!]*\s*", re.IGNORECASE)
_SMS_TOKEN = re.compile(r"(?<![\w/'’-])[A-Za-z]{1,9}(?![\w/'’-])")


LONG_MESSAGE = 25  # words from which a message is read sentence by sentence for the one that asks
# « Merci mon petit. Rappelez-moi combien … » , « … c'est qui ? Je n'ai pas bien lu. »: a sentence of thanks or of
# comment beside the one that asks, in a shorter message
_APART = re.compile(r"^(?=(?:[^\s.?!]+\s+){2}[^\s.?!])"  # a sentence of three words at least
                    r"[^.?!]*\b(merci|excuse[zs]?-moi|pardon|d'accord|ok|ah|tiens)\b[^.?!]*[.!]\s+\S"
                    r"|\?\s+[^?]+[.!…]\s*$|\?\s+(je|j'|c'est pour|pour (mon|ma|mes))\b[^?]*$", re.IGNORECASE)


def core_question(text: str) -> str:
    """The question inside a message: HTML tags dropped, and in a long polite message the part that asks.

    « Bonjour, je prépare un exposé… et j'aimerais savoir en quelle année la
    Thaïlande est devenue partenaire, merci d'avance » → « en quelle année … partenaire ».
    """
    text = spelled_out(re.sub(r"\s+", " ", _TAG.sub(" ", text)).strip())
    text = _LEAD_IN.sub("", text) or text
    if len(text.split()) < 12:
        return text
    folded = fold(text)
    asking = list(_ASKING.finditer(folded))
    if not asking and (len(text.split()) >= LONG_MESSAGE or _APART.search(text)):
        sentences = re.split(r"(?<=[.!?])\s+", text)
        asks = [s for s in sentences if "?" in s or _QUESTION.search(fold(s))]
        if asks and len(sentences) > 1:
            asked = asks[-1]
            before = sentences.index(asked)
            if (not key_terms(asked) or _THAT_TOPIC.search(fold(asked))) and before:
                # « … sont A, B et C. Je laisse comme ça ? », « … au cas par cas. Le texte dit quoi là-dessus ? »
                asked = f"{sentences[before - 1]} {asked}"
            return _POLITE_LEAD.sub("", asked).strip(" ,")
    start = asking[-1].end() if asking else 0
    polite = _POLITE.search(folded, start) if start else None
    end = polite.start() if polite and polite.start() > start else len(text)
    core = text[start:end].strip(" ,.;")
    return core if len(core.split()) >= 3 else text


_HELLO = re.compile(r"(bonjour|bonsoir|salut|coucou|hello|hey|bjr|slt|cc)\b")
_ROBOT = re.compile(r"\b(robot|bot|humain|machine|ia|personne|vrai|programme|chatbot|intelligence)\b")
_HOW_ARE_YOU = re.compile(r"\b(ca va|tu vas bien|vous allez bien|comment vas|comment allez|la forme)\b")
_QUESTION = re.compile(r"\?|\b(quand|comment|combien|pourquoi|quel|quelle|quels|quelles|qui|ou|est-ce)\b")
_PARTNER_CUE = re.compile(r"\b(partenaire|partenariat|devenu|devenue|rejoint|adhe|membre|statut|associe|etats? "
                          r"participants?|groupe|premier|premiere|dernier|ancien|recent|avant|(?<!d')apres|quand|depuis|annee"
                          r"|date|plus partenaire|coopere|participe"
                          r"|ou dans tout ca)")  # « et la Mongolie, elle est où dans tout ça ? »
_PARTNER_WORDS = word_list("partnership")
_ENGLISH_ONLY = word_list("english_only")
# « ses 57 partenaires pour la coopération », « les 6 partenaires asiatiques »: a number of partners claimed
_CLAIMED_COUNT = re.compile(r"(?<![\d/])\b(\d{1,3}) (etats )?partenaires\b(?! (europeens|de l'otan))")
_DOCUMENT_ABOUT = re.compile(r"(de quoi (parle|traite)|c'est quoi|qu'est-ce que|qu'est ce que|que contient|resume"
                             r"|qu'(elle|il) (dit|contient|prevoit)\b"
                             r"|reference|numero|symbole|cote|correspond|tu connais|vous connaissez"
                             r"|parle-moi|parlez-moi|\bauteurs?\b"
                             r"|(texte|document|declaration|decision|communique) de qui"
                             r"|sujet|porte sur|objet|adopte|de quand date|date de|quand a ete|parle de quoi|dit quoi"
                             r"|de quelle annee|c'est de quand|est de quand|(elle|il) date"
                             r"|remonte a (quand|quelle annee)"
                             r"|(publiee?|parue?|sortie?|emise?) (quand|en quelle annee|de quand|ou)|que dit|presente"
                             r"|qui (s'exprime|parle|l'a (adoptee?|prise?|redigee?|ecrite?|publiee?))|quel organe"
                             r"|quelle instance|titre|intitule|(elle|il) s'appelle|nom (complet|exact|officiel)"
                             r"|porte le nom|qui parle dedans)")
_DOCUMENT_WORDS = word_list("document_about")
_CITES = re.compile(r"\b(cite|citent|mentionne|mentionnent|rappelle|rappellent|s'appuie|s'appuient|se fonde"
                    r"|renvoie|renvoient|fait reference|font reference|retient|reprend|reprennent|repose"
                    r"|(est|sont) (basee?s?|fondee?s?))\b")
_BESIDES = re.compile(r"\b(a part|sauf|hormis|en dehors d[eu']|en plus d[eu']|outre)\b")
_WHICH_DOCUMENTS = re.compile(r"\b(?:quel(?:le)?s?(?: autres?)?|laquelle|lesquel(?:le)?s|une|des|un) "
                              r"(decisions?|declarations?|documents?|textes?)\b|\b(laquelle|lesquel(?:le)?s)\b")
_HAPPENS = r"(il se passe quoi|qu'est-ce qui se passe|qu'est ce qui se passe|que se passe-t-il|que se passe t il" \
    r"|ca donne quoi|il arrive quoi|quelle est la suite|c'est quoi la suite|quelle est l'etape suivante)"
_WHAT_FOLLOWS = re.compile(rf"\b(?:apres|une fois)\s+(?P<subject>[^?]+?),?\s*{_HAPPENS}"
                           rf"|{_HAPPENS}\s+(?:apres|une fois)\s+(?P<later>[^?]+)")
# « et la phrase d'après ? », « la phrase précédente ? », « ¿y la frase siguiente? »
_SENTENCE_BESIDE = re.compile(r"\b(?:phrase|frase)s? (?:(?P<before>d'avant|d avant|precedente|d'avant ca|de antes"
                              r"|anterior|juste avant)|d'apres|d apres|suivante|siguiente|juste apres|qui suit)\b")
# « et le suivant ? » after a quoted sentence (a clause of a preamble): the one read next
_BARE_BESIDE = re.compile(r"^(?:et |ok,? |d'accord,? )?(?:le |la )?(?:(?P<before>precedente?|d'avant)|suivante?"
                          r"|prochaine?|d'apres)(?: alors| stp| svp)?\s*[?!.]*$")
# After a paragraph was shown, « la suite ? », « et après ? », « continue » ask for the next one.
_BARE_NEXT = re.compile(r"^(et |ok,? |d'accord,? )?((c'est )?quoi la suite|quelle est la suite|la suite|apres|ensuite"
                        r"|(le |la )?(suivante?|prochaine?)"
                        r"|continue|continuez|et la suite)( (stp|svp|s'il te plait|s'il vous plait))?\s*[?!.]*$")
# A question word: « qu'en dit-elle ? » asks what a text says, « elle en parle aussi ? » only whether it does.
_ASKS_WHAT = re.compile(rf"\b({_WH_WORDS}|ou|que|qu'(?!il|elle|ils|elles|on)|quel\w*|lesquel\w*)\b")
_MENTION_SUBJECT = re.compile(r"\b(?:parl|mentionn|evoqu|abord|trait)\w*(?:-t)?(?:-(?:il|elle|ils|elles|on))?\s+"
                              r"(?P<subject>[^?]+)")
_OF_IT = re.compile(r"\ben (parle|parlent|traite|traitent)\b|\by (est|sont) (evoque|mentionne|aborde)")
_PARTNERS_COUNTED = re.compile(r"(partenaires?|pays|etats?|membres?|mediterraneens|asiatiques|participants)$")
_NEXT_STEP = re.compile(r"\b(s'ensuit|ensuite|puis|apres quoi|enfin|a la suite|par la suite|ulterieurement)\b")
_PLACE_CLAIM = re.compile(r"^(?P<subject>[^?]+?),?\s+(c'est|c'etait\s+)?"
                          r"(?P<verb>est|sont|etait|se trouve|se situe|siege|se tient|se tenait|se reunit|se reunissent"
                          r"|a eu lieu|avait lieu|)\s*a\s+(?P<place>[a-z][a-z-]{2,20}( [a-z][a-z-]{2,20})?)"
                          r"\s*(,?\s*(non|c'est ca|c'est bien ca|hein|vrai))?\s*\?*\s*$")
_QUESTION_WORD = re.compile(rf"\b({_WH_WORDS}|ou)\b")
_NEIGHBOUR = re.compile(r"\b(juste )?(?P<side>apres|avant) (elle|lui|ca|celle-ci|celui-ci|celle-la|celui-la)\b"
                        r"|\b(le |la )?(suivant|suivante)\b")
# « Qui est devenu partenaire après le Japon ? », « quel pays a suivi le Japon ? »: the partner next to one named.
_NAMED_NEIGHBOUR = re.compile(r"\b(qui|quels?|quelles?|lequel|laquelle|lesquel(le)?s)\b[^?]{0,50}?"
                              r"(\b(juste )?(?P<side>apres|avant)\b|\b(a|ont) (?P<verb>suivi|precede)\b)")
_PRONOUN_ONLY = re.compile(r"^\W*((et|mais|donc|alors|ok)\W+)*(elle|il|ce texte|cette declaration|cette decision"
                           r"|ce document|la brochure|le communique)\W*(ne |n')?(s'|y |en |les |l')?$")
_ONE_OF_THEM = re.compile(r"\b(un|une|lequel|laquelle|qui)\b.{0,30}\b(que les autres|des autres|d'entre eux"
                          r"|parmi eux)\b|\b(lequel|laquelle|lesquels)\b")
_MENTIONS = re.compile(r"\b(parle|parlent|mentionne|mentionnent|evoque|evoquent|aborde|abordent|en dit|en disent"
                      r"|il est question|est-il question|traite|traitent)\b")
_NUMBERED = re.compile(r"(\b(au|le|du|paragraphe|point|alinea)\s*|§\s*)\d{1,2}\b")
_TITLE_ASKED = re.compile(r"(?<!\ba )(?<!\bau )\btitre\b(?! (de |du )?(paragraphe|chapitre|section|partie|curiosite"
                          r"|information|exemple|indicatif))|\bintitule")  # not « à titre de curiosité »
_WHO_SPEAKS = re.compile(r"\bqui s'exprime\b")
_NAME_OF = re.compile(r"porte le nom|s'appelle|titre|intitule")
_YEAR_ALONE = re.compile(r"^((et|mais|donc|ok) )?(l'annee|en quelle annee|quelle annee|c'etait quand|quand|de quand"
                         r"|elle date de quand)\s*[?!.]*$")
_DAY_ASKED = re.compile(r"\bquel jour\b|\bdate (exacte|precise|complete)\b|\bjour (exact|precis)\b")
# « une cote, genre MC.DOC quelque chose ? »: the shape of what is asked, not a document named
_EXAMPLE = re.compile(r"\b(du |un truc du )?(genre|style|format)\s+\S+(\s+quelque chose|\s+truc)?", re.IGNORECASE)
_SYMBOL_ASKED = re.compile(r"\b(cote|symbole|numero|reference) (officiel(le)?|exacte?)\b|\b(sa|quelle) cote\b")
_ASKED_NOUN = re.compile(r"\b(?:c'est quoi|quel(?:le)? est|c'etait quoi) (?:le |la |l')(\w{4,})\b")
_WHEN_ALONE = re.compile(r"^(et |ah |ok |d'accord,? )?(depuis|depuis quand|quand|en quelle annee|c'etait quand)"
                         r"\s*[?!.]*$")
_WHICH_NUMBER = re.compile(r"\bquel(le)? (paragraphe|alinea|numero|point)\b|\bparagraphe (numero|n[o°]) ?(combien|\?)")
_ORIGINAL = re.compile(r"\b(original|originale|originel|originelle|d'origine|source|cite|citee|repris|reprise)\b")
_ANOTHER_TEXT = re.compile(r"\b(une?|des|d'une?) (decision|declaration|texte|document|charte|strategie)\b")
_PARTNER_WORD = re.compile(r"\b(partenaire|membre|statut|rejoint|devenue?|adhe\w*|groupe|coopere|participe)")
_GROUPS_COMPARED = re.compile(r"\bgroupes?\b.{0,60}\b(plus (ancien|vieux|recent|jeune)|avant|apres|cree|etabli)"
                              r"|\bplus (ancien|vieux|recent|jeune)\b.{0,60}\bgroupes?\b")
_GROUPS_CREATED = "Quand le Groupe de contact méditerranéen et le Groupe de contact asiatique ont-ils été créés ?"
_THAT_ONE = re.compile(r"\b(celle-la|celui-la|cette decision-la|ce texte-la)\b")
_WHICH_TEXT = re.compile(r"\b(quelle|quel) (decision|texte|document|declaration)\b")
_OTHER_OR_OLDER = re.compile(r"(autres?|ancien(ne)?s?|anterieur(e)?s?|precedent(e)?s?)$")
_THIS_DOCUMENT = re.compile(r"\b(ce|cette) (texte|document|declaration|decision|communique|brochure)\b"
                            r"|\b(son|sa) (titre|intitule|numero|reference|date)\b"
                            r"|\bc'(est|etait) (un|une) (texte|document|declaration|decision|communique) de qui\b")
_CITING = re.compile(r"(quels? (documents?|textes?) (le |la |l')?(cite|citent|mentionne|mentionnent|evoque|evoquent"
                     r"|font reference|fait reference|renvoie|renvoient)|qui (cite|mentionne)|ou est (cite|mentionne)"
                     r"|(citee?|mentionnee?|evoquee?)s? (dans|par) quels? (documents?|textes?))")
_OF_THE_TWO = re.compile(r"\b(des deux|lequel|laquelle)\b.{0,30}\b(plus (ancien|vieux|recent)|premier|premiere"
                         r"|dernier|derniere|avant)|\b(plus (ancien|ancienne|vieux|recent|recente)|premier|premiere)"
                         r"\b.{0,20}\bdes deux\b")
_ORDER_WORDS = re.compile(r"\bplus (recent|ancien|vieux|vieille|ancienne|recente)|\b(anterieur|posterieur)e?\b"
                          r"|\b(avant|(?<!d')apres) (la|le|l')\b|\ben premier\b")
_DOCUMENTS_ORDER = re.compile(r"\b(documents?|textes?)\b.{0,60}\b(plus (recent|ancien|vieux)|premier|dernier"
                              r"|ordre chronologique)|\b(plus (recent|ancien|vieux)|premier|dernier)\b"
                              r"(?! (paragraphe|alinea|point|article|chapitre|phrase))"  # « son premier paragraphe »
                              r".{0,30}\b(documents?|textes?)\b")
_OLDER_TEXTS = re.compile(r"\b(documents|textes|decisions|declarations) (plus (anciens|anciennes|vieux|vieilles)|"
                          r"anterieurs|anterieures|precedents|precedentes)\b")  # « quels textes plus anciens ? »: all
_AS_OF = re.compile(r"\b(y avait|y a-t-il eu|etaient|comptait|existait|avait l'osce|a l'epoque|etait-il|etait-elle"
                    r"|a-t-il ete|a-t-elle ete|ont-ils ete|etaient-ils|c'etai(en)?t (qui|quels?|lesquels))\b")
_JOINED = re.compile(r"\b(rejoint|rejoignent|devenue?s? (un |une )?partenaires?|adhere|entree?s?|arrivee?s?|integre)\b"
                     r".{0,40}\ben \d{4}\b")
_PREMISE = re.compile(r"\b(puisque|comme|vu que|etant donne que|sachant que|du moment que)\b.{0,60}"
                      r"\b(etat participant|etat membre|membre de l'osce|membre)\b")


def _likeliest_first(places: list[SentenceInfo], ranked: Ranked) -> list[SentenceInfo]:
    """The places in the paragraph the ranker picked first, then the others in the document's order."""
    best = {c.paragraph for c in ranked.candidate.citations} if ranked.candidate else set()
    return sorted(places, key=lambda s: s.citation.paragraph not in best)


class Router:
    """Answers turns from one knowledge store, with one ranker."""

    def __init__(self, store: KnowledgeStore, ranker: Ranker) -> None:
        self.store = store
        self.ranker = ranker

    @cached_property
    def _acronyms(self) -> dict[str, Expansion]:
        return expansions(self.store.sentences())

    @cached_property
    def _used_acronyms(self) -> dict[str, Unspelled]:
        return used_acronyms(self.store.sentences())

    def warm_up(self) -> None:
        """Load the spaCy models, the corpus statistics and the caches now rather than on the first question."""
        self.answer(Turn("À quoi sert le Fonds de partenariat ?", "ask_partnership_fund"), DialogueState())
        self.answer(Turn("Quand la Thaïlande est-elle devenue partenaire ?", "ask_partner"), DialogueState())

    def answer(self, turn: Turn, state: DialogueState) -> Outcome:
        """The reply to one message; a message asking two questions gets both answers, the second read in the
        context the first leaves (« Le Japon, c'est quelle année ? Et qui est venu après lui ? »)."""
        parts = two_questions(turn.text[:MAX_MESSAGE])
        if parts is None:
            return self._answer_message(turn, state)
        first = self._answer_message(Turn(parts[0], turn.intent, _entities_in(turn, parts[0])), state)
        second = self._answer_message(Turn(parts[1], None, _entities_in(turn, parts[1])), first.state)
        if not first.replies:
            return second if second.replies else first
        cited = {c for r in first.replies for c in r.citations}
        again = second.state.kind is Kind.CLOSEST and {c for r in second.replies for c in r.citations} <= cited
        if not second.replies:
            return first
        if again or [r.text for r in second.replies] == [r.text for r in first.replies]:
            return replace(first, state=second.state)
        return Outcome(first.replies + second.replies, second.state)

    def _answer_message(self, turn: Turn, state: DialogueState) -> Outcome:
        text = core_question(turn.text[:MAX_MESSAGE])
        before = state
        set_aside = self._named_corpus_document(turn, turn.text[:MAX_MESSAGE]) if text != turn.text else None
        if set_aside and not self._named_corpus_document(turn, text):
            # « je travaille sur la déclaration de Madrid. Qui s'exprime dans ce texte ? »: the document of the
            # message's opening is the one « ce texte » stands for
            state = state.after(kind=Kind.DOCUMENT, document=set_aside, conversation=set_aside, query=None)
        outcome = self._answer(turn, text, state)
        unsure = outcome.state.kind is Kind.CLOSEST or not any(r.citations for r in outcome.replies)
        if unsure and before.query and before.kind not in (None, Kind.CLOSEST) and disputes(turn.text):
            return self._challenged(before)  # the claim itself unanswered: the disputed answer stands
        named = self._named_corpus_document(turn, text) or set_aside
        if named:
            return replace(outcome, state=outcome.state.after(conversation=named))
        if state.conversation and not outcome.aside and self._moved_on(text, state, outcome):
            return replace(outcome, state=outcome.state.after(conversation=None))
        return outcome

    @staticmethod
    def _moved_on(text: str, state: DialogueState, outcome: Outcome) -> bool:
        """A question of its own answered for sure from elsewhere: the conversation has left its document."""
        cited = {c.document_id for r in outcome.replies for c in r.citations}
        sure = outcome.state.kind not in (None, Kind.CLOSEST) and bool(cited)
        follows = bool(state.query) and is_elliptical(text)
        return sure and not follows and state.conversation not in cited

    def _named_corpus_document(self, turn: Turn, text: str) -> str | None:
        """The corpus document the turn names (« la déclaration de Madrid », « selon la 5/11 »), if any."""
        scope = document_scope(text)
        if scope.document_id and scope.strict:
            return scope.document_id
        doc = self._document(turn, text)
        return doc.corpus_document_id if doc else None

    def _answer(self, turn: Turn, text: str, state: DialogueState) -> Outcome:
        if not text:
            return Outcome((), state, "utter_please_rephrase")
        if turn.intent == "english" and not _small_talk(text):
            if mostly_english(turn.text):
                return Outcome((), state, "utter_english")
            turn = Turn(turn.text, None, turn.entities)  # French with English words in it
        folded = fold(text)
        if state.query and challenges(text) and not self.countries(turn, text):
            return self._challenged(state)
        origin = self._quoted_origin(text, state)
        if origin:
            return origin
        if state.passage and (asks_for_quote(text) and not _paragraph(turn, text) or
                              asks_which_paragraph(text) and self._in_last_document(text, state)):
            return self._quote_last(state)
        beside = self._sentence_beside(text, state)
        if beside:
            return beside
        if turn.intent == "bot_challenge" and _ROBOT.search(folded):
            return Outcome((), state, "utter_bot_challenge")
        if _OTHER_LANGUAGE.search(folded):
            return Outcome((), state, "utter_english")  # « tu parles anglais ? », whatever the NLU saw
        acronym = asked_acronym(text, self._acronyms)
        if acronym:
            reply = answers.acronym_reply(acronym.acronym, acronym.full_name, acronym.sentence)
            return replace(self._say(reply, state, state.kind), aside=True)
        unspelled = asked_unspelled(text, self._used_acronyms, self._acronyms)
        if unspelled:
            reply = answers.unspelled_acronym_reply(unspelled.acronym, unspelled.sentence)
            return replace(self._say(reply, state, state.kind), aside=True)
        if turn.intent in SMALL_TALK and not self._is_question(text) and not _asks_a_fact(text, state, turn.intent):
            greeting = "utter_how_are_you" if _HOW_ARE_YOU.search(folded) else SMALL_TALK[turn.intent]
            if turn.intent == "bot_challenge" and _HELLO.match(folded):
                greeting = "utter_greet"  # « coucou, t'es là ? » checks someone answers, not what it is
            return Outcome((), state, greeting)
        small_talk = _small_talk(text)
        if small_talk:
            return Outcome((), state, small_talk)
        if _asks_an_opinion(folded):
            return Outcome((), state, "utter_no_opinion")
        if _asks_a_document_language(folded):
            return Outcome((), state, "utter_document_languages")
        if turn.intent == "ask_source" and _SOURCE.search(folded) and \
                all(_SOURCE_WORD.match(t.word) for t in key_terms(text)):
            return Outcome((answers.source_reply(state.sources, self.store),), state)
        if state.passage and _SOURCE_WORD.search(folded) and _TITLE_ASKED.search(folded):
            doc = self.store.document(state.passage.partition("|")[0])  # « ta source, elle s'intitule comment ? »
            if doc is not None:
                return self._say(answers.document_reply(doc), state, Kind.DOCUMENT, document=doc.id)
        if turn.intent == "list_documents" and _DOCUMENTS_ASKED.search(folded):
            return self._say(answers.documents_list_reply(self.store), state, Kind.DOCUMENTS)
        current = self._paragraphs_counted(turn, text, state) or self._chairmanship(text, state) or \
            self._about_current_document(turn, text, state)
        if current:
            return current
        follows = self._what_follows(text, state) or self._place_claim(text, state) or \
            self._unnamed_guess(turn, text, state)
        if follows:
            return follows
        positioned = self._at_position(turn, text, state)
        if positioned:
            return positioned
        about_document = state.kind in (Kind.DOCUMENT, Kind.CITING) and has_pronoun_subject(text)
        cited = self._cited_in(text, state) if about_document else None  # « elle cite quels textes ? »
        if cited:
            return cited
        within = self._within_last_answer(turn, text, state)
        if within:
            return within
        if state.query and is_elliptical(text) and not self._starts_afresh(turn, text, state):
            outcome = self._follow_up(turn, text, state)
            moved = outcome.state.query and (self._names_subject(turn, text) or changes_year(text))
            if (outcome.state.query == text or moved) and not self._beyond_documents(outcome.state.query or ""):
                return replace(outcome, state=outcome.state.after(topic=outcome.state.query))
            return outcome
        beyond = self._beyond_documents(text)
        if beyond:
            outcome = self._say(beyond, state.after(query=text), None)
        else:
            near = _document_of(state.passage)
            outcome = self._structured(turn, text, state) or self._ranked(text, state, turn, near=near)
        if outcome.state.query == text:
            return replace(outcome, state=outcome.state.after(topic=text))
        return outcome

    def _challenged(self, state: DialogueState) -> Outcome:
        """The last question answered again: what the documents say stands, whatever the user claims; a near
        miss or an abstention asserted nothing to stand by."""
        if state.kind in (None, Kind.CLOSEST) or not state.query:
            return self._say(answers.unconfirmed_reply(), state, state.kind)
        again = self._answer(Turn(state.query), state.query, state.after(query=None, kind=None))
        if again.state.kind in (None, Kind.CLOSEST) or not again.replies:
            return self._say(answers.unconfirmed_reply(), state, state.kind)
        return replace(again, replies=(answers.maintained_reply(again.replies[0]), *again.replies[1:]))

    def _within_last_answer(self, turn: Turn, text: str, state: DialogueState) -> Outcome | None:
        """« il forme qui ? », « elle rencontre les partenaires à quelle occasion ? »: a pronoun stands for the
        subject of the passage just quoted, so the paragraph it comes from is searched first."""
        described = state.kind is Kind.DOCUMENT and state.document is not None and \
            self._corpus_id(state.document) is None  # a text the corpus only quotes: the paragraph quoting it
        fragment = state.kind in (Kind.PARAGRAPH, Kind.PASSAGE) and len(text.split()) <= SHORT_FOLLOW_UP and \
            bool(_ASKS_WHAT.search(fold(text))) and not swaps_actor(text, state)  # « Conformément à quoi ? »
        if state.kind not in (Kind.PASSAGE, Kind.CLOSEST, Kind.PARAGRAPH) and not described or not state.passage or \
                not (has_pronoun_subject(text) or fragment) or self._names_its_own_place(turn, text):
            return None
        ranked = self.ranker.rank_in_paragraph(text, state.passage, question_type(text))
        if not ranked.confident or not counts_what_is_asked(text, ranked.candidate.text):
            return None
        anywhere = self.ranker.rank(text, document_scope(text), question_type(text), near=state.passage)
        if anywhere.confident and anywhere.coverage > ranked.coverage:
            return None  # the question alone finds a better answer elsewhere: the usual path says it
        if anywhere.confident and state.passage in {f"{c.document_id}|{c.paragraph}"
                                                    for c in anywhere.candidate.citations}:
            ranked = anywhere  # the same paragraph, the sentence the whole ranking prefers
        outcome = self._passage(ranked, state, borrow(text, state) if fragment else text, closest=False)
        if fragment and state.kind is Kind.PARAGRAPH:  # the paragraph shown stays what the next fragment asks about
            return replace(outcome, state=outcome.state.after(kind=Kind.PARAGRAPH, query=state.query,
                                                              topic=state.topic or text))
        return replace(outcome, state=outcome.state.after(topic=state.topic or text))

    def _names_its_own_place(self, turn: Turn, text: str) -> bool:
        """A document, a country, a group or a paragraph (« il doit faire quoi au 7 ? ») of the turn's own."""
        return bool(document_scope(text).document_id or self.store.document(text) or self.countries(turn, text) or
                    group_in(turn.entity("group"), text) or _paragraph(turn, text) or _NUMBERED.search(fold(text)))

    def _follow_up(self, turn: Turn, text: str, state: DialogueState) -> Outcome:
        """A turn that needs the previous question (« pourquoi ? », « et le Japon ? », « il sert à quoi ? »)."""
        follow = self._structured_follow_up(turn, text, state)
        if follow:
            return follow
        if refers_back(text) and not refers_to_place(text) and len(key_terms(document_scope(text).rest)) >= 2:
            outcome = self._ranked(text, state, turn, near=state.passage)
            # « ils rappellent quelle décision pour ça ? »: the subject stays the last one's, with this turn's words
            topic = f"{document_scope(state.topic).rest} {outcome.state.query}" if state.topic and \
                re.search(r"\b(ca|cela)\b", fold(text)) else outcome.state.query
            return replace(outcome, state=outcome.state.after(topic=topic))
        if moves_an_absent_year(text, state):
            return self._say(answers.which_year_reply(), state, state.kind)
        borrowed = borrow(text, state)
        beyond = self._beyond_documents(borrowed)
        if beyond:
            return self._say(beyond, state.after(query=borrowed), None)
        chaired = self._chairmanship(borrowed, state)  # « et en 2019 ? » after « qui présidait l'OSCE en 2020 ? »
        if chaired:
            return chaired
        switch = document_scope(text)
        only = bool(switch.document_id) and not key_terms(switch.rest)
        other = swaps_actor(text, state)  # « et le Conseil permanent ? »: not the passage on the last body again
        outcome = self._ranked(borrowed, state, turn, elliptical=True, near=None if other else state.passage,
                               scope_only=only, avoid=state.passage if other else None)
        if state.kind is Kind.PARAGRAPH and not switch.document_id and outcome.state.kind is not Kind.PASSAGE \
                and self._last_paragraph_fits(text, state):
            return self._quote_last(state)  # « c'est demandé à qui ? » after a paragraph: the answer is in it
        return outcome

    def _last_paragraph_fits(self, text: str, state: DialogueState) -> bool:
        """Whether the paragraph just shown has the shape of an answer: « combien d'euros ? » is not answered by
        a paragraph that gives no amount."""
        paragraph = self._last_paragraph(state)
        if paragraph is None or not has_answer_shape(question_type(text), text, paragraph.text):
            return False
        asked = _ASKED_NOUN.search(fold(text))  # « c'est quoi l'adresse de ce site ? »: a paragraph without one
        return asked is None or not self.ranker.matches(asked.group(1)).isdisjoint(words(paragraph.text))

    # --- cues -----------------------------------------------------------------------
    def _names_subject(self, turn: Turn, text: str) -> bool:
        """A follow-up that names a new subject (« et l'asiatique ? », « et le Japon ? ») starts a new topic."""
        return bool(group_in(turn.entity("group"), text) or self.countries(turn, text))

    def _is_question(self, text: str) -> bool:
        folded = fold(text)
        asks = "?" in folded or bool(_QUESTION.search(folded))
        return len(folded.split()) >= 6 and asks and len(key_terms(text)) >= (1 if "?" in folded else 2)

    def _starts_afresh(self, turn: Turn, text: str, state: DialogueState) -> bool:
        """A short turn with its own complete question (« Et combien de partenaires asiatiques ? »)."""
        if self._document(turn, text) and self._about_document(text):
            return True  # « la 5/11, elle date de quand ? »: the pronoun takes up the document just named
        if turn.intent in _GROUP_INTENTS and re.search(r"\bpartenaires\b", fold(text)) and \
                not self.countries(turn, text) and self._about_partnership(text, [], turn.intent) and \
                len(key_terms(text)) >= 1 and not is_bare_subject(text):
            return True
        return bool(self.countries(turn, text)) and state.kind not in _PARTNER_KINDS and \
            not is_bare_subject(text) and bool(re.search(r"\b(partenaire|membre)", fold(text)))

    def countries(self, turn: Turn, text: str) -> list[CountryMatch]:
        """Countries of the message: NLU entities first, then a scan of the text.

        An entity inside a longer name the scan found is dropped: « Corée » read in
        « Corée du Nord » must not answer for the Republic of Korea.
        """
        scanned = self.store.countries_in_text(text)
        found: list[CountryMatch] = []
        for value in turn.entities.get("country", ()):
            if any(f" {name_key(str(value))} " in f" {m.query} " for m in scanned):
                continue
            match = self.store.find_country(str(value))
            if match and all(m.name != match.name for m in found):
                found.append(match)
        for match in scanned:
            if all(m.name != match.name for m in found):
                found.append(match)
        return found

    def _beyond_documents(self, text: str) -> Reply | None:
        """« en 2021 », « depuis 2020 »: past the documents' last date nothing can be said."""
        last = self.store.last_year()
        folded = fold(text)
        later = [y for y in years_in(folded) if y > last]
        since = re.search(rf"\b(depuis|apres|a partir de)\s+(l'annee\s+)?{last}\b", folded)
        if not later and not since:
            return None
        return answers.beyond_documents_reply(later[0] if later else last, last)

    # --- structured answers ------------------------------------------------------------
    def _structured(self, turn: Turn, text: str, state: DialogueState) -> Outcome | None:
        folded = fold(text)
        group = group_in(turn.entity("group"), text)
        countries = self.countries(turn, text)
        if not countries and self._still_about_last_country(text, state, group):
            countries = [m for m in [self.store.find_country(state.country or "")] if m]
        if not countries and asks_sorted(text) and (state.kind in _GROUP_KINDS or group):
            chosen = group or state.group  # « tu peux me les ranger du plus ancien au plus récent ? »
            return self._say(answers.order_reply(self.store, chosen, "all"), state, Kind.ORDER, group=chosen,
                             query=text)
        if not countries and not group and state.kind in _GROUP_KINDS and order_in(text) != "all" and \
                _ONE_OF_THEM.search(folded) and self._about_partnership(text, [], "follow_up"):
            return self._say(answers.order_reply(self.store, state.group, order_in(text)), state, Kind.ORDER,
                             query=text)  # « y en a un qui est arrivé plus tard que les autres ? » after a list
        neighbour = self._named_neighbour(text, state, countries)
        if neighbour:
            return neighbour
        span = self._partners_span(text, state, countries)
        if span:
            return span
        if len(countries) == 1 and state.country and has_pronoun_subject(text) and asks_comparison(text) and \
                countries[0].name != state.country:  # « elle est arrivée avant ou après l'Australie ? »
            countries = [m for m in [self.store.find_country(state.country)] if m] + countries
        claimed_count = _CLAIMED_COUNT.search(folded)
        if claimed_count and not countries and not re.search(r"\bcombien\b|\bnombre\b", folded):
            corrected = answers.count_claim_reply(self.store, group, int(claimed_count.group(1)))
            if corrected:  # a right count is no claim: the question goes on
                return self._say(corrected, state, Kind.COUNT, group=group, query=text)
        if len(countries) >= 3 and not asks_comparison(text) and order_in(text) == "all" and \
                not _years(turn, folded) and _PARTNER_CUE.search(folded):  # « les méditerranéens sont A, B, C… ? »
            return self._say(answers.list_claim_reply(self.store, countries, group), state, Kind.LIST, group=group,
                             query=text)
        if countries and _PREMISE.search(folded) and not (len(countries) >= 2 and asks_comparison(text)):
            return self._say_all([answers.premise_membership_reply(m, self.store.count("participating_states"))
                                  for m in countries[:2]], state, Kind.PARTNER_MEMBER, country=countries[0].name)
        if countries and self._about_partnership(text, countries, turn.intent):
            return self._partner(turn, text, state, countries)
        if not countries and _DOCUMENTS_ORDER.search(folded) and not _OLDER_TEXTS.search(folded):
            order = order_in(text)
            listed = self._cited_by_date(turn, text, state, order)
            if listed:
                return listed
            dated = sorted((d for d in self.store.corpus() if d.year), key=lambda d: d.year)
            chosen = (dated[0] if order == "first" else dated[-1]).id if dated else None
            return self._say(answers.documents_by_date_reply(self.store, order), state, Kind.DOCUMENTS,
                             document=chosen)
        if not countries and (turn.intent in _GROUP_INTENTS or group or names_both_groups(text)) and \
                self._about_partnership(text, [], turn.intent):
            return self._group_question(turn, text, state, group)
        if turn.intent in _PARTNER_INTENTS | _GROUP_INTENTS and _PARTNER_CUE.search(folded) and \
                not self._ranked_close(text):
            if countries:
                return self._partner(turn, text, state, countries)
            return self._group_question(turn, text, state, group)
        compared = self._documents_compared(turn, text, state) or self._cited_in(text, state) or \
            (None if countries else self._dates_compared(text, state))
        if compared:
            return compared
        doc = self._document(turn, text)
        if doc is not None:
            label = _paragraph(turn, text)
            missing = doc.corpus_document_id and label and not self.store.paragraph(doc.corpus_document_id, label)
            if label and not (missing and key_terms(re.sub(r"\b(paragraphe|§)\s*\d+", " ", text))):
                return self._say(answers.paragraph_reply(self.store, doc, label), state, Kind.PARAGRAPH,
                                 document=doc.id, query=text)
            asks_paragraph = re.search(r"\b(paragraphe|alinea|§)", folded)
            if _CITING.search(folded) and not asks_paragraph:
                return self._say(answers.citing_reply(doc), state, Kind.CITING, document=doc.id, query=text)
            asking = re.split(r"(?<=[.!])\s+", text)[-1]  # « je lis la 5/11. Qui a adopté ce texte ? »
            opening = fold(text[:len(text) - len(asking)])  # « … une décision de 1998 citée par X. Elle … »: not X
            pointed = _THIS_DOCUMENT.search(fold(asking)) or has_pronoun_subject(asking) and \
                not _ANOTHER_TEXT.search(opening)
            if self._about_document(text) or asking != text and pointed and self._asks_about_document(asking):
                return self._say(self._document_reply(doc, asking), state, Kind.DOCUMENT, document=doc.id,
                                 query=text)
        elif (label := _paragraph(turn, text)) and (state.document or state.conversation or state.passage):
            doc = self._of_kind_named(text, label) or \
                self.store.document(state.document or state.conversation or (state.passage or "").partition("|")[0])
            if doc is not None and doc.corpus_document_id is None and state.conversation:
                doc = self.store.document(state.conversation)  # a text only quoted has no paragraphs to show
            return self._say(answers.paragraph_reply(self.store, doc, label), state,
                             Kind.PARAGRAPH, query=text)
        if not countries and turn.intent in ("ask_partner", "compare_partners") and not self._other_terms(text, []):
            return self._say(answers.ask_which_country(), state, None)
        return None

    def _of_kind_named(self, text: str, label: str) -> DocumentInfo | None:
        """« Retour en 2007 : le paragraphe 14 de la déclaration … »: the one corpus text of the kind the turn
        names (of the year it names, if any) that has such a paragraph; none when it is not one."""
        folded = fold(text)
        kinds = {k for k in ("declaration", "decision", "communique")
                 if re.search(rf"\b(la|le|cette|ce) {k}\b", folded)}
        if len(kinds) != 1:
            return None
        years = set(years_in(folded))
        fits = [info for info in (self.store.document(d.id) for d in self.store.corpus())
                if info and fold(info.kind) in kinds and (not years or info.year in years)
                and self.store.paragraph(info.id, label)]
        return fits[0] if len(fits) == 1 else None

    def _unnamed_guess(self, turn: Turn, text: str, state: DialogueState) -> Outcome | None:
        """« Lesquels ? la Tunisie et l'Égypte ? » after « certains partenaires méditerranéens »: the passage
        just quoted names none of the countries guessed."""
        if not _WHICH_ONES.match(fold(text)) or state.kind not in (Kind.PASSAGE, Kind.CLOSEST, Kind.PARAGRAPH):
            return None
        guesses = self.countries(turn, text)
        paragraph = self._last_paragraph(state)
        if not guesses or paragraph is None or self.store.countries_in_text(paragraph.text):
            return None
        return self._say(answers.unnamed_reply(guesses, paragraph), state, Kind.PASSAGE)

    def _chairmanship(self, text: str, state: DialogueState) -> Outcome | None:
        """« Quel pays présidait l'OSCE cette année-là ? », « et la présidence actuelle ? »: the Chairmanship of a
        year, which the documents name for one year only."""
        folded = fold(text)
        if not _CHAIR_ASKED.search(folded) or _OTHER_CHAIR.search(folded):
            return None
        years = years_in(folded)
        if not years and _THAT_YEAR.search(folded):
            years = years_in(fold(f"{state.query or ''} {state.topic or ''}"))
            doc = self.store.document(state.conversation or state.document or "")
            years = years or ([doc.year] if doc and doc.year else [])
        now = bool(_NOW.search(folded))
        if not years and not now and not _WHICH_COUNTRY.search(folded):
            return None  # « le président en exercice, c'est qui ? »: what the office is, the ranker reads it
        reply = answers.chairmanship_reply(self.store.chairmanships, years[-1] if years else None, now,
                                           self.store.last_year())
        return self._say(reply, state, Kind.PASSAGE, query=text)

    def _paragraphs_counted(self, turn: Turn, text: str, state: DialogueState) -> Outcome | None:
        """« La 5/11 compte combien de paragraphes ? »: of the document named, else of the conversation's;
        « et la brochure ? » just after asks it of another document."""
        switch = document_scope(text)
        again = bool(state.query and _PARAGRAPH_COUNT.search(fold(state.query))) and bool(switch.document_id) \
            and not key_terms(switch.rest)
        if not _PARAGRAPH_COUNT.search(fold(text)) and not again:
            return None
        doc = self._document(turn, text) or self.store.document(state.conversation or state.document or "")
        if doc is None:
            return None
        return self._say(answers.paragraph_count_reply(self.store, doc), state, Kind.DOCUMENT, document=doc.id,
                         query=text)

    def _about_current_document(self, turn: Turn, text: str, state: DialogueState) -> Outcome | None:
        """« Elle date de quand ? » after a document answer, « qui s'exprime dans ce texte ? »: that document."""
        current = self._the_one_cited(text, state) or state.document or state.conversation
        year_alone = state.kind is Kind.DOCUMENT and bool(_YEAR_ALONE.match(fold(text).strip()))
        if not current or self._document(turn, text) or _paragraph(turn, text) or \
                not (self._asks_about_document(text) or year_alone):
            return None  # « que dit le paragraphe 3 ? » asks for a paragraph, not the document's summary
        follows = state.kind in (Kind.DOCUMENT, Kind.DOCUMENTS, Kind.PARAGRAPH, Kind.CITING) and \
            (bool(state.query) and is_elliptical(text) or state.kind is Kind.DOCUMENT and has_pronoun_subject(text))
        # « elle a été adoptée où ? » after a near miss on the conversation's document: that document, not the
        # text the closest passage happened to quote
        follows = follows or state.kind is Kind.CLOSEST and current == state.conversation and \
            has_pronoun_subject(text) and not _THAT_ONE.search(fold(text)) and self._about_document(text) and \
            self._last_query_names_no_other(state, current)
        if not (follows or year_alone or _THIS_DOCUMENT.search(fold(text))):
            return None
        return self._say(self._document_reply(self.store.document(current), text), state, Kind.DOCUMENT)

    def _last_query_names_no_other(self, state: DialogueState, document: str) -> bool:
        """Whether the last question named no text, or only ``document``."""
        named = self.store.document(state.query or "")
        return named is None or named.id == document

    @staticmethod
    def _still_about_last_country(text: str, state: DialogueState, group: str | None) -> bool:
        """« elle est dans quel groupe ? », « depuis ? » after a partner answer: that partner again; never a count
        of a group the turn names (« ils sont combien, les asiatiques ? »)."""
        if group and question_type(text) is QuestionType.HOW_MANY:
            return False
        folded = fold(text)
        # « il avait un autre nom avant ? » after a passage on a group: the group, not the country named before
        about_partner = bool(_PARTNER_WORD.search(folded)) or \
            state.kind in _PARTNER_KINDS | {Kind.COMPARE, Kind.ORDER} and bool(_PARTNER_CUE.search(folded))
        return bool(state.country) and (refers_back(text) and about_partner or
                                        state.kind in _PARTNER_KINDS and bool(_WHEN_ALONE.match(folded.strip())))

    def _quoted_origin(self, text: str, state: DialogueState) -> Outcome | None:
        """« ce passage, il correspond à quel paragraphe de la déclaration originale ? » after a paragraph that
        quotes another corpus document: the paragraph of that document holding the quoted words."""
        folded = fold(text)
        if not state.passage or not _WHICH_NUMBER.search(folded):
            return None
        document, _, label = state.passage.partition("|")
        last = self.store.paragraph(document, label)
        quoted = [q.strip(" ,.") for q in re.findall(r"«\s*([^«»]{20,}?)\s*»", last.text)] if last else []
        named = document_scope(text).document_id
        if not quoted or not (named and named != document or _ORIGINAL.search(folded)):
            return None
        asked = {w for w in words(text) if len(w) >= 5 and w not in _DOCUMENT_WORDS and w not in STOP}
        meant = [q for q in quoted if asked & set(words(q))] or quoted  # « ce passage sur « renforcer … » »
        for cited, _ in self.store.cited_in(document, label):
            source = cited.corpus_document_id
            if source is None or source == document or named not in (None, source):
                continue
            paragraphs = self.store.corpus_paragraphs(source)
            found = [(q, p) for q in meant for p in paragraphs if fold(q)[:60] in fold(p.text)]
            if len({p.citation.paragraph for _, p in found}) == 1:
                return self._say(answers.paragraph_reply(self.store, cited, found[0][1].citation.paragraph), state,
                                 Kind.PARAGRAPH, document=cited.id, query=text)
            if found:
                short = [(" ".join(q.split()[:6]), p) for q, p in found]
                return self._say(answers.quoted_origin_reply(cited, short), state, Kind.PASSAGE, document=cited.id,
                                 query=text)
        return None

    def _the_one_cited(self, text: str, state: DialogueState) -> str | None:
        """« ça s'appuie sur quelle décision ? » → § 15 → « et elle date de quand, celle-là ? »: the one text the
        paragraph just quoted names, when the turn points at it rather than at the document quoted."""
        if state.kind not in (Kind.PARAGRAPH, Kind.PASSAGE) or not state.passage or \
                not (_THAT_ONE.search(fold(text)) or _WHICH_TEXT.search(fold(state.query or ""))):
            return None
        document, _, paragraph = state.passage.partition("|")
        cited = [doc for doc, _ in self.store.cited_in(document, paragraph) if doc.corpus_document_id != document]
        return cited[0].id if len(cited) == 1 else None

    def _document_reply(self, doc: DocumentInfo | None, text: str) -> Reply:
        """What a document is; where it was adopted, or its title as printed, when that is the question."""
        heading = self.store.paragraph(doc.corpus_document_id, "titre") \
            if doc is not None and doc.corpus_document_id and _TITLE_ASKED.search(fold(text)) else None
        if doc is not None and heading is not None:
            return answers.document_title_reply(doc, heading)
        where = question_type(text) is QuestionType.WHERE or bool(re.search(r"\bou et\b", fold(text)))
        if doc is not None and where and not _NAME_OF.search(fold(text)):
            return answers.document_place_reply(doc)
        if doc is not None and not doc.date and doc.year and _DAY_ASKED.search(fold(text)):
            return answers.document_day_unknown_reply(doc)
        if doc is not None and not doc.number and _SYMBOL_ASKED.search(fold(text)):
            return answers.document_symbol_unknown_reply(doc)
        return answers.document_reply(doc)

    def _place_claim(self, text: str, state: DialogueState) -> Outcome | None:
        """« Le secrétariat de l'OSCE, c'est à Genève ? », a place no document names: where the documents put it,
        after saying they do not name that place."""
        folded = fold(text)
        claim = _PLACE_CLAIM.search(folded)
        if not claim or _QUESTION_WORD.search(folded) or \
                any(w in STOP or (len(w) > 3 and self.ranker.known(w)) for w in claim.group("place").split()):
            return None
        question = f"où {claim.group('verb') or 'se trouve'} {claim.group('subject')} ?"
        ranked = self.ranker.rank(question, document_scope(question), QuestionType.WHERE,
                                  conversation=state.conversation)
        if not ranked.confident or not re.search(r"\b(à|en|\d{4}) [A-ZÉ][a-zé]+", ranked.candidate.text):
            return None  # the answer must itself name a place
        outcome = self._passage(ranked, state, text, closest=False)
        place = " ".join(w for w in re.findall(r"[\w-]+", text) if fold(w) in claim.group("place").split())
        return replace(outcome, replies=(answers.with_absent_names(outcome.replies[0], [place]),))

    def _sentence_beside(self, text: str, state: DialogueState) -> Outcome | None:
        """« et la phrase d'après ? », « la phrase d'avant ? »: the sentence read next to the one just quoted, or
        next to the paragraph just shown."""
        folded = fold(text).strip()
        asked = _SENTENCE_BESIDE.search(folded) or \
            (_BARE_BESIDE.match(folded) if state.sentence and state.kind in (Kind.PASSAGE, Kind.CLOSEST) else None)
        if not asked or not state.passage:
            return None
        after = asked.group("before") is None
        document, _, label = state.passage.partition("|")
        if state.sentence and state.sentence.isdigit():
            start = self.store.sentence(int(state.sentence))
        elif state.kind is Kind.PARAGRAPH:
            start = self.store.edge_sentence(document, label, last=after)
        else:
            return None
        found = None if start is None else \
            self.store.next_sentence(start.id) if after else self.store.previous_sentence(start.id)
        if found is None:
            return self._say(answers.no_sentence_beside_reply(after), state, state.kind, sentence=state.sentence)
        return self._say(answers.passage_reply(found, closest=False), state, Kind.PASSAGE, query=state.query,
                         document=found.citation.document_id, sentence=str(found.id))

    def _what_follows(self, text: str, state: DialogueState) -> Outcome | None:
        """« Et après la demande, il se passe quoi ? »: the sentence the documents read next, once the passage
        about that step is surely found."""
        asked = _WHAT_FOLLOWS.search(fold(text))
        if not asked:
            return None
        step = asked.group("subject") or asked.group("later")
        ranked = self.ranker.rank(step, document_scope(step), QuestionType.WHAT, curated=False, near=state.passage,
                                  conversation=state.conversation)
        if not (ranked.candidate and ranked.candidate.sentence and ranked.coverage >= CONFIDENT):
            return None
        found = ranked.candidate.sentence
        following = self.store.next_sentence(found.id)
        if following is None or following.citation != found.citation or not _NEXT_STEP.search(fold(following.text)):
            return None  # the next step of a process: told next in the same paragraph, as what follows
        return self._say(answers.passage_reply(following, closest=False), state, Kind.PASSAGE, query=text,
                         document=following.document_id)

    def _at_position(self, turn: Turn, text: str, state: DialogueState) -> Outcome | None:
        """« Ils se félicitent de quoi tout au début ? », « et à la fin ? », « dans ce paragraphe »: that paragraph.

        The document is the one the turn names; else, of the first (or last) paragraphs of the documents, the one
        that holds the question's own words, the conversation's document leading.
        """
        position = position_in(text) or ("next" if state.kind is Kind.PARAGRAPH and
                                         _BARE_NEXT.match(fold(text).strip()) else None)
        named = self._document(turn, text)
        if position is None or _paragraph(turn, text) or (named and named.corpus_document_id is None):
            return None
        scope = document_scope(text)
        last_document, _, last_label = (state.passage or "").partition("|")
        if position == "this":
            found = self.store.paragraph(last_document, last_label) if state.passage else None
        elif position == "next":
            found = self._next_described(last_document, last_label, without_position(scope.rest)) \
                if state.passage else None
        else:
            current = state.conversation or (self._corpus_id(state.document) if state.document else None)
            if scope.document_id and scope.strict:
                order = [scope.document_id]
            else:
                order = [d for d in dict.fromkeys([current or last_document, *(d.id for d in self.store.corpus())])
                         if d]
            numbered = bool(re.search(r"\bparagraphe\b|§", fold(text)))
            ends = [p for p in (self._end_paragraph(d, position, numbered) for d in order) if p]
            rest = without_position(scope.rest)
            found = max(ends, default=None, key=lambda p: self.ranker.coverage(rest, p.text)
                        + (CURRENT_DOCUMENT_LEAD if p.citation.document_id == order[0] else 0.0))
            bare = not numbered and not scope.document_id and not re.search(r"(lignes?|phrases?|texte)",
                                                                             fold(text))
            if found and bare and key_terms(rest) and self.ranker.coverage(rest, found.text) < BARE_POSITION_FIT:
                return None  # « et à la fin, qui dit oui ? » about a procedure: the end of it, not of a text
        doc = self.store.document(found.citation.document_id) if found else None
        if doc is None:
            return None
        asked = without_position(scope.rest)
        if position == "this" and key_terms(asked):  # « dans ce même paragraphe, qui est invité à … ? »
            ranked = self.ranker.rank_in_paragraph(asked, state.passage or "", question_type(text))
            if not ranked.close:
                return self._say(answers.not_in_paragraph_reply(found), state, state.kind, query=text)
        opening = self.store.paragraph(found.citation.document_id, OPENING) if position == "first" else None
        if opening is not None and self.store.next_paragraph(found.citation.document_id, OPENING) == found:
            reply = answers.opening_reply(doc, opening, found)  # « elle commence par quoi ? »: « Le Conseil … »
            return self._say(reply, state, Kind.PARAGRAPH, document=doc.id, query=text, topic=text)
        return self._say(answers.paragraph_reply(self.store, doc, found.citation.paragraph), state, Kind.PARAGRAPH,
                         document=doc.id, query=text, topic=text)

    def _next_described(self, document: str, label: str, described: str) -> ParagraphInfo | None:
        """« Le considérant suivant dit que l'OSCE est prête à aider … » : the next paragraph, unless the one
        after it is the one the turn describes (the last answer may have quoted the paragraph before the one the
        user was reading)."""
        following = self.store.next_paragraph(document, label)
        if following is None or len(key_terms(described)) < 2:
            return following
        after = self.store.next_paragraph(document, following.citation.paragraph)
        if after and self.ranker.coverage(described, after.text) >= \
                self.ranker.coverage(described, following.text) + NEXT_DESCRIBED_LEAD:
            return after
        return following

    def _end_paragraph(self, document: str, position: str, numbered: bool = False) -> ParagraphInfo | None:
        """A document's first paragraph, or its last one that is a sentence (not a contact block).

        « le premier paragraphe » (``numbered``) of a decision is its § 1, not the preamble that opens it."""
        body = [p for p in self.store.corpus_paragraphs(document) if p.citation.paragraph != "titre"
                and len(p.text.split()) >= 6]
        if position == "first":
            first = next((p for p in body if p.citation.paragraph == "1"), None) if numbered else None
            return first or (body[0] if body else None)
        return next((p for p in reversed(body) if p.text.rstrip().endswith((".", "»"))), None)

    def _ranked_close(self, text: str) -> bool:
        """Whether a curated answer or a sentence comes close to the question."""
        return self.ranker.rank(text, document_scope(text), question_type(text)).close

    def _about_partnership(self, text: str, countries: list[CountryMatch], intent: str | None) -> bool:
        """Whether the question is about being a partner (status, date, group, order), not another subject."""
        if not _PARTNER_CUE.search(fold(text)) and intent not in _PARTNER_INTENTS and not is_bare_subject(text):
            return False
        counted = counted_noun(text)  # « combien d'années de partenariat ? » counts years
        if counted and not _PARTNERS_COUNTED.match(counted):
            return False
        return not self._other_terms(text, countries)

    def _other_terms(self, text: str, countries: list[CountryMatch]) -> list[str]:
        """Key terms that are neither partnership words nor the countries named."""
        names = {w for m in countries for w in fold(f"{m.query} {m.name}").replace("'", " ").split()}
        names |= {w for m in countries for w in name_key(m.name).split()}
        out = []
        for term in key_terms(text):
            if any(f in _PARTNER_WORDS or f in names or f.isdigit() or _is_country_word(f, names) or
                   group_in(f) for f in term.forms):
                continue
            out.append(term.word)
        return out

    def _partner(self, turn: Turn, text: str, state: DialogueState, countries: list[CountryMatch]) -> Outcome:
        folded = fold(text)
        order = order_in(text)
        if len(countries) >= 2 and asks_comparison(text):
            participating = bool(re.search(r"\betats? participants?\b", folded))
            return self._say(answers.compare_reply(countries, participating), state, Kind.COMPARE, query=text)
        if order != "all" and len(countries) == 1 and re.search(r"\b(premier|premiere|dernier|derniere|plus "
                                                                 r"(ancien|recent))", folded):
            group = group_in(turn.entity("group"), text) or (countries[0].partner.group if countries[0].partner
                                                             else None)
            years = _years(turn, folded)
            return self._say(answers.order_reply(self.store, group, order, claimed=countries[0],
                                                 claimed_year=years[0] if years else None), state, Kind.ORDER,
                             group=group, query=text, country=self._at_end(group, order) or state.country)
        years = _years(turn, folded)
        member = asks_membership(text)
        if years and not member and _JOINED.search(folded):
            claims = [answers.joined_in_year_reply(m, years[0]) for m in countries[:3]]
            if all(claims):
                return self._say_all(claims, state, Kind.PARTNER_WHEN, country=countries[0].name, query=text)
        claimed_group = group_in(turn.entity("group"), text)
        if claimed_group and not member and len(countries) == 1:
            wrong = answers.wrong_group_reply(countries[0], claimed_group)
            if wrong:
                return self._say(wrong, state, Kind.PARTNER_STATUS, country=countries[0].name, query=text)
        if years and not member and _AS_OF.search(folded) or (years and re.search(r"\ben \d{4}\b", folded)
                                                               and not asks_when(text)):
            replies = [answers.partner_in_year_reply(m, years[0]) for m in countries[:3]]
            return self._say_all(replies, state, Kind.PARTNER_STATUS, country=countries[0].name, query=text)
        return self._partner_answer(countries, state, asks_when(text), member, text,
                                    _COULD_BECOME.search(folded) is not None)

    def _partners_span(self, text: str, state: DialogueState, countries: list[CountryMatch]) -> Outcome | None:
        """« combien d'années entre la Jordanie et l'Australie ? », « la Mongolie est restée partenaire combien de
        temps avant de devenir État participant ? »: a gap in years between two dates of the partner list; « elle »
        is the last country named."""
        if not asks_span(text):
            return None
        folded = fold(text)
        group = group_in(None, text) or state.group
        if not countries and group and re.search(r"\bpremiere?\b", folded) and \
                re.search(r"\b(derniere?|plus recente?)\b", folded):
            ends = [self.store.partners_at_end(group, order) for order in ("first", "last")]
            if all(len(end) == 1 for end in ends):  # « entre le premier partenaire asiatique et le dernier »
                return self._say(answers.partners_span_reply(ends[0][0], ends[1][0]), state, Kind.COMPARE,
                                 query=text, group=group)
        last = self.store.find_country(state.country) if state.country and has_pronoun_subject(text) else None
        if last and all(m.name != last.name for m in countries) and \
                (len(countries) == 1 and not asks_membership(text) or not countries):
            countries = [last, *countries]
        partners = [m.partner for m in countries if m.partner]
        if len(partners) != len(countries) or not partners:
            return None
        if len(partners) == 1 and asks_membership(text):  # « … avant de devenir État participant ? »
            reply = answers.partner_then_state_reply(partners[0])
        elif len(partners) == 2 and partners[0].id != partners[1].id:
            reply = answers.partners_span_reply(partners[0], partners[1])
        else:
            return None
        return self._say(reply, state, Kind.COMPARE, query=text, country=countries[0].name)

    def _named_neighbour(self, text: str, state: DialogueState, countries: list[CountryMatch]) -> Outcome | None:
        """« Qui est venu après le Japon ? », « quel pays a précédé la Jordanie ? »: the partner(s) of its group
        who joined next to the one named."""
        folded = fold(text)
        partner = countries[0].partner if len(countries) == 1 else None
        if partner is None or partner.status != "partner" or years_in(folded):
            return None
        neighbour = _NAMED_NEIGHBOUR.search(folded)
        if neighbour and countries[0].query in folded[neighbour.end():]:
            after = neighbour.group("side") == "apres" or neighbour.group("verb") == "suivi"
        else:  # « et juste après la Corée, c'est qui ? »
            first = re.search(rf"\b(?P<side>apres|avant)\s+(?:le |la |l')?{re.escape(countries[0].query)}\b"
                              r"[^?]*\b(qui|quel\w*|lequel|laquelle)\b", folded)
            if not first:
                return None
            after = first.group("side") == "apres"
        return self._neighbours(partner, after, state, countries[0].name, query=text)

    def _neighbours(self, partner: PartnerInfo, after: bool, state: DialogueState, country: str | None,
                    **changes: object) -> Outcome:
        """The partner(s) of its group who joined just after (or before) this one; they become the subject,
        else ``country`` stays it."""
        near = self.store.neighbours(partner, after)
        tied = [p for p in self.store.partners(group=partner.group) if p.since == partner.since and p.id != partner.id]
        return self._say(answers.neighbour_reply(partner, near, after, tied), state, Kind.ORDER,
                         country=near[0].name if near else country, **changes)

    def _partner_answer(self, countries: list[CountryMatch], state: DialogueState, when: bool, member: bool,
                        text: str, could: bool = False) -> Outcome:
        """Each country's status; ``could``: whether it could become a partner is what is asked."""
        cite = self.store.count("méditerranéen").citation
        replies = []
        open_to = next((a for a in self.store.answers() if a.id == OPEN_TO_REQUESTS), None) if could else None
        for match in countries[:3]:
            if open_to and match.partner is None:  # « la Chine pourrait devenir partenaire un jour ? »
                replies.append(answers.could_become_reply(match, open_to.text, open_to.citations))
                continue
            replies.append(answers.membership_reply(match, self.store.count("participating_states")) if member
                           else answers.partner_reply(match, when, cite))
        kind = Kind.PARTNER_MEMBER if member else Kind.PARTNER_WHEN if when else Kind.PARTNER_STATUS
        return self._say_all(replies, state, kind, country=countries[0].name, query=text)

    def _group_question(self, turn: Turn, text: str, state: DialogueState, group: str | None) -> Outcome:
        folded = document_scope(text).rest
        if names_both_groups(text) and _GROUPS_COMPARED.search(folded):  # the groups' own dates, not partners'
            return self._ranked(_GROUPS_CREATED, state, Turn(_GROUPS_CREATED, turn.intent))
        years = year_filter(folded)
        as_of = years_in(folded)[0] if years_in(folded) and (_AS_OF.search(folded) or turn.intent == "count_partners"
                                                              or re.search(r"\bcombien\b", folded)) else None
        if asks_participating_states(text) and not group:
            return self._say(answers.count_reply(self.store, None, True), state, Kind.COUNT, query=text)
        if as_of is not None:
            kind = Kind.COUNT if re.search(r"\bcombien\b|\bnombre\b", folded) else Kind.LIST
            return self._say(answers.as_of_reply(self.store, group, as_of), state, kind, group=group, query=text)
        if _APPLIED.search(folded):  # « combien de pays ont déposé une demande ? »: not a count of partners
            return self._ranked(text, state, turn)
        if re.search(r"\bcombien\b|\bnombre\b", folded) or turn.intent == "count_partners" and years.empty:
            return self._say(answers.count_reply(self.store, group, False), state, Kind.COUNT, group=group, query=text)
        order = order_in(text)
        if order == "all" and re.search(r"\b(le|la|les) (plus|moins)\b", folded):
            return self._ranked(text, state, turn)  # « qui donne le plus ? »: a superlative, not a date order
        if order != "all" or turn.intent == "partner_order" or asks_when(text) and years.empty:
            return self._say(answers.order_reply(self.store, group, order), state, Kind.ORDER, group=group,
                             query=text, country=self._at_end(group, order) or state.country)  # « depuis quand ? »
        return self._say(answers.list_reply(self.store, group, years), state, Kind.LIST, group=group, query=text)

    def _at_end(self, group: str | None, order: str) -> str | None:
        """The one partner that came first (or last), which « et juste après lui ? » then stands for."""
        ends = self.store.partners_at_end(group, order)
        return ends[0].name if len(ends) == 1 else None

    def _structured_follow_up(self, turn: Turn, text: str, state: DialogueState) -> Outcome | None:
        """« Et le Japon ? », « et les méditerranéens ? », « non, je voulais dire le Maroc »,
        « lequel ? », « et le plus ancien ? » after a structured answer."""
        countries = self.countries(turn, text)
        group = group_in(turn.entity("group"), text)
        folded = fold(text)
        label = _paragraph(turn, text) or (paragraph_number_alone(text) if state.passage else None)
        if label and state.document and not self._document(turn, text):
            doc = self.store.document(state.document)
            return self._say(answers.paragraph_reply(self.store, doc, label), state, Kind.PARAGRAPH)
        about_two_dates = self._named_neighbour(text, state, countries) or \
            self._partners_span(text, state, countries)
        if about_two_dates:
            return about_two_dates
        neighbour = _NEIGHBOUR.search(folded)
        if not countries and neighbour and state.country and state.kind in _PARTNER_KINDS | {Kind.ORDER}:
            match = self.store.find_country(state.country)
            if match and match.partner and match.partner.status == "partner":
                after = neighbour.group("side") != "avant"  # « le suivant » has no side: after
                return self._neighbours(match.partner, after, state, state.country)
        if not countries and state.kind in _PARTNER_KINDS | {Kind.COMPARE} and _OF_THE_TWO.search(folded):
            named = self.store.countries_in_text(state.query or "")
            if len(named) >= 2:
                return self._say(answers.compare_reply(named[-2:]), state, Kind.COMPARE)
        if not countries and self._still_about_last_country(text, state, group):
            countries = [m for m in [self.store.find_country(state.country or "")] if m]
        if countries and (state.kind in _PARTNER_KINDS or state.kind in (Kind.COMPARE, Kind.ORDER) or
                          self._about_partnership(text, countries, turn.intent)):
            when = asks_when(text) or state.kind not in (Kind.PARTNER_STATUS, Kind.PARTNER_MEMBER)
            member = state.kind == Kind.PARTNER_MEMBER or asks_membership(text)
            borrowed = borrow(text, state)  # « et le Liban ? » asks what the last question asked
            own = is_bare_subject(text) and not _PARTNER_CUE.search(folded)  # not « la Chine est-elle partenaire ? »
            could = _COULD_BECOME.search(fold(borrowed if own else text)) is not None
            return self._partner_answer(countries, state, when, member, borrowed, could)
        if group and order_in(text) != "all":
            return self._say(answers.order_reply(self.store, group, order_in(text)), state, Kind.ORDER, group=group,
                             query=text)
        if state.kind in _GROUP_KINDS:
            order = order_in(text)
            target = group or state.group
            if order != "all":
                return self._say(answers.order_reply(self.store, target, order), state, Kind.ORDER, group=target)
            if re.search(r"\b(lequel|lesquels|laquelle|lesquelles|qui sont-ils|qui sont ils|lesquels sont-ils"
                         r"|quels sont-ils)\b", folded):
                return self._say(answers.list_reply(self.store, target, year_filter(state.query or "")), state,
                                 Kind.LIST, group=target)
            years = year_filter(text)
            if not group and not years.empty:
                return self._say(answers.list_reply(self.store, state.group, years), state, Kind.LIST)
        if (group or names_both_groups(text)) and not countries and \
                state.kind in _PARTNER_KINDS | _GROUP_KINDS | {Kind.COMPARE}:
            query = borrow(text, state) if state.kind in _GROUP_KINDS else text
            return self._group_question(turn, query, state, group)
        if state.kind in _PARTNER_KINDS and re.search(r"\bquel groupe\b|\bgroupe\b", folded) and state.country:
            match = self.store.find_country(state.country)
            if match:
                return self._partner_answer([match], state, False, False, text)
        return None

    def _cited_by_date(self, turn: Turn, text: str, state: DialogueState, order: str | None) -> Outcome | None:
        """« Le plus vieux texte de la liste du paragraphe 1 de la déclaration de Madrid ? »: among those it cites."""
        scope = document_scope(text)
        subject = self.store.document(scope.document_id) if scope.document_id and scope.strict else None
        if subject is None:
            return None
        dated = [(doc, where) for doc, where in self.store.cited_in(scope.document_id, _paragraph(turn, text))
                 if doc.year and doc.id != subject.id]
        if not dated:
            return None
        dated.sort(key=lambda item: item[0].year or 0)
        chosen, where = dated[0] if order == "first" else dated[-1]
        return self._say(answers.cited_by_date_reply(subject, chosen, where, order), state, Kind.DOCUMENT,
                         document=chosen.id, query=text)

    def _cited_in(self, text: str, state: DialogueState) -> Outcome | None:
        """« La brochure cite quel passage de la déclaration de Madrid ? », « la déclaration de 2020 cite quelles
        décisions ? »: what one corpus document (the subject, before the verb) says of, or names among, others."""
        folded = fold(text)
        verb = _CITES.search(folded)
        if not verb:
            return None
        before = folded[:verb.start()]
        lead = _BESIDES.search(before)  # « dans la déclaration de 2007, à part l'Acte final, on s'appuie sur … »
        if lead:
            folded = f"{before[:lead.start()]} {folded[verb.start():]} {before[lead.start():]}"
            verb = _CITES.search(folded)
            before = folded[:verb.start()]
        subject = self.store.document(before)
        if subject is None and state.document and _PRONOUN_ONLY.match(before):
            subject = self.store.document(state.document)  # « elle s'appuie sur quels textes ? » after a document
        if subject is None or subject.corpus_document_id is None:
            return None
        after = re.sub(r"^(-t)?-(il|elle|ils|elles)\b", "", folded[verb.end():])  # « mentionne-t-elle »: its subject
        besides = _BESIDES.search(after)
        excluded = {w for w in re.findall(r"[\w/]{4,}", after[besides.end():])} if besides else set()
        if besides:
            after = after[:besides.start()]
        cited = self.store.document(after)
        if cited is None and state.document and refers_back(after) and state.document != subject.id:
            cited = self.store.document(state.document)
        if cited is not None and cited.id != subject.id:
            where = {c.paragraph for c in cited.cited_by if c.document_id == subject.corpus_document_id}
            if not where:
                return self._say(answers.not_in_document_reply(subject), state, None)
            if len(where) > 1 or re.search(r"\b(paragraphe|alinea|article)\b", after):
                return None  # which of its passages: the ranker reads them
            return self._say(answers.paragraph_reply(self.store, subject, where.pop()), state,
                             Kind.PARAGRAPH, document=subject.id, query=text)
        asked = _WHICH_DOCUMENTS.search(after)
        if not asked:
            return None
        word = asked.group(1) or ""
        kind = "décision" if word.startswith("decision") else "déclaration" if word.startswith("declaration") else None
        body = next((b for b in ("conseil ministeriel", "conseil permanent") if b in after), None)
        named = [(doc, where) for doc, where in self.store.cited_in(subject.corpus_document_id)
                 if doc.id != subject.id and (kind is None or doc.kind == kind)
                 and (body is None or fold(doc.body or "").startswith(body))
                 and not excluded & set(re.findall(r"[\w/]{4,}", fold(f"{doc.name} {doc.body or ''}")))]
        asking = document_scope(folded[:besides.start() + verb.end()] if besides else folded).rest
        others = [t for t in key_terms(_CITES.sub(" ", asking)) if not _OTHER_OR_OLDER.match(t.word)
                  and not any(f in _DOCUMENT_WORDS or f in excluded or f in fold(subject.name) for f in t.forms)]
        named = [(d, c) for d, c in named if all(any(f in fold(d.name) or f == str(d.year) for f in t.forms)
                                                 for t in others)]
        if others and not named:
            return None  # « … sur la poursuite du dialogue »: a subject no name holds, the ranker reads the text
        return self._say(answers.cited_in_reply(subject, named, kind), state, Kind.CITING, document=subject.id,
                         query=text)

    def _documents_compared(self, turn: Turn, text: str, state: DialogueState) -> Outcome | None:
        """« Entre la 233 et la 430, laquelle est la plus ancienne ? », « elle est plus récente que la
        déclaration de Madrid ? » (« elle »: the conversation's document)."""
        folded = fold(text)
        span = span_subjects(text)
        if span:
            docs: list[DocumentInfo] = [doc for subject in span if (doc := self.store.document(subject))]
            if len(docs) != 2 or docs[0].id == docs[1].id:
                return None
            return self._say(answers.documents_span_reply(docs[0], docs[1]), state, Kind.DOCUMENTS, query=text)
        order = _ORDER_WORDS.search(folded)
        if not order:
            return None
        docs = []
        for part in re.split(r"\bet\b|\bou\b|\bque\b|\bqu'|,|\?", text):
            doc = self.store.document(part) if part.strip() else None
            if doc and all(d.id != doc.id for d in docs):
                docs.append(doc)
        if len(docs) == 1 and state.document and refers_back(text):
            last = self.store.document(state.document)
            if last and last.id != docs[0].id:
                before = self.store.document(folded[:order.start()])
                # « la 5/11 est plus récente que cette déclaration ? »: the named one is the subject
                docs.insert(1 if before and before.id == docs[0].id else 0, last)
        if len(docs) != 2:
            return None
        asks_which = re.search(r"\b(lequel|laquelle|lesquels|quel|quelle|qui)\b", folded)
        claim = None if asks_which else "recent" if order_in(order.group(0)) == "last" or \
            re.search(r"posterieur|apres", order.group(0)) else "ancien"
        return self._say(answers.documents_compared_reply(docs[0], docs[1], claim), state, Kind.DOCUMENTS,
                         query=text)

    def _dates_compared(self, text: str, state: DialogueState) -> Outcome | None:
        """« Lequel est le plus ancien, le groupe de contact asiatique ou le Fonds de partenariat ? »: the date of
        each, each from the passage that surely answers « en quelle année … ? », then the older (or newer)."""
        span = span_subjects(text)
        subjects = span or compared_subjects(text)
        if not subjects:
            return None
        dated = []
        for subject in subjects:
            question = f"en quelle année {subject} ?"
            ranked = self.ranker.rank(question, document_scope(question), QuestionType.WHEN)
            cand = ranked.candidate
            if cand is None or not ranked.confident:
                return None
            clauses = [c.strip() for c in re.split(r"(?<=[.;])\s+", cand.text) if len(set(years_in(c))) == 1]
            if len(clauses) != 1 and len(set(years_in(cand.text))) != 1:
                return None
            clause = clauses[0]
            dated.append(answers.DatedSubject(subject, years_in(clause)[0], clause.rstrip(" .;"),
                                              cand.citations))
        if span:
            return self._say(answers.dates_span_reply(dated[0], dated[1]), state, Kind.COMPARE, query=text)
        newest = order_in(text) == "last"
        return self._say(answers.dates_compared_reply(dated[0], dated[1], newest), state, Kind.COMPARE, query=text)

    def _document(self, turn: Turn, text: str) -> DocumentInfo | None:
        for value in turn.entities.get("document", ()):
            doc = self.store.document(str(value))
            if doc:
                return doc
        return self.store.document(_EXAMPLE.sub(" ", text))

    def _asks_about_document(self, text: str) -> bool:
        """The document asked about, by the whole question or by its last clause (« elle commence par quoi, c'est
        qui l'auteur ? »), unless another text is the subject (« elle rappelle X, adopté où ? »)."""
        if self._about_document(text):
            return True
        last_clause = re.split(r"[,;]\s*", text.strip(" ?!."))[-1]
        other_text = _THAT_ONE.search(fold(text)) or _CITES.search(fold(text))
        return len(last_clause.split()) >= 3 and not other_text and self._about_document(last_clause)

    def _about_document(self, text: str) -> bool:
        """« De quoi parle la décision 5/11 ? »: the document itself is asked about, not one of its clauses."""
        folded = fold(text)
        if not _DOCUMENT_ABOUT.search(folded):
            return False
        if (_TITLE_ASKED.search(folded) or _WHO_SPEAKS.search(folded)) and self.store.document(text):
            return True  # « le titre exact de la déclaration de 2007 … », « qui s'exprime ? les chefs d'État ? »
        rest = document_scope(text).rest
        others = [t for t in key_terms(rest) if not any(f in _DOCUMENT_WORDS or f.isdigit() or "/" in f
                                                        for f in t.forms)]
        named = self.store.document(text)
        names = re.findall(r"[\w']+", fold(f"{named.name} {named.body or ''}")) if named else []
        region = group_in(named.name) if named else None
        return all(any(n.startswith(t.word) for n in names if len(t.word) >= 4 or n == t.word)
                   or region is not None and group_in(t.word) == region for t in others)

    # --- ranked answers ---------------------------------------------------------------
    def _ranked(self, text: str, state: DialogueState, turn: Turn, elliptical: bool = False,
                near: str | None = None, scope_only: bool = False, avoid: str | None = None) -> Outcome:
        scope = document_scope(text)
        if scope_only and scope.document_id:
            scope = replace(scope, strict=True, only=True)
        if scope.document_id is None and state.document and refers_back(turn.text) and \
                not refers_to_place(turn.text):
            document = self._corpus_id(state.document)
            if document in scope_phrases():
                scope = Scope(document, scope.rest)
                text = f"selon {scope_phrases()[document]}, {text}"
        if refers_to_place(turn.text) and state.country and not self.store.countries_in_text(text):
            text = f"{text} {state.country}"
        named_scope = scope.document_id if scope.strict else None  # « à Madrid » names a place, not the declaration
        claimed = _claimed_year(turn.text)
        if claimed:
            text = re.sub(rf"\b(en |depuis )?{claimed}\b", " ", text)
            scope = replace(scope, rest=re.sub(rf"\b(en |depuis )?{claimed}\b", " ", scope.rest))
        focus = turn.text if elliptical else asking_clause(text)
        ranked = self.ranker.rank(text, scope, question_type(focus or text),
                                  topic=TOPIC_OF_INTENT.get(turn.intent or ""), focus=focus, near=near,
                                  conversation=state.conversation, avoid=avoid)
        said = sorted(set(years_in(fold(ranked.candidate.text)))) if ranked.candidate else []
        if claimed and ranked.coverage >= 0.6 and len(said) == 1:
            outcome = self._passage(ranked, state, text, closest=False, scope_document=named_scope)
            return replace(outcome, replies=(answers.year_claim_reply(outcome.replies[0], claimed, said),))
        counted = ranked.candidate is not None and counts_what_is_asked(focus or text, ranked.candidate.text)
        mentioned = self._mentioned_in(named_scope, scope.rest, turn.text, ranked, state)
        if mentioned:
            return self._say(mentioned, state, Kind.PASSAGE, query=text, document=named_scope)
        if ranked.confident and counted and not (elliptical and ranked.focus_missing):
            elsewhere = named_scope is not None and named_scope not in ranked.candidate.documents
            return self._passage(ranked, state, text, closest=elsewhere, scope_document=named_scope)
        places = self.ranker.covering(scope.rest, named_scope) if named_scope and _MENTIONS.search(fold(text)) \
            and ranked.coverage >= CONFIDENT and ranked.margin < MARGIN else []
        if len(places) >= 2:
            return self._say(answers.mentions_reply(_likeliest_first(places, ranked)), state, Kind.PASSAGE,
                             query=text, document=named_scope)
        named = self.store.document(scope.document_id) if scope.only and scope.document_id else None
        if named and not ranked.close:
            return self._say(answers.not_in_document_reply(named), state.after(document=named.id), None)
        if turn.intent == "out_of_scope" and not (elliptical or ranked.coverage >= OUT_OF_SCOPE_DOUBT):
            return Outcome((), state, "utter_out_of_scope")
        unknown = self._unknown(ranked)
        if not ranked.terms or len(unknown) == len(ranked.terms):
            return Outcome((), state, "utter_please_rephrase")
        if unknown and turn.intent == "search_documents" and self.ranker.share(ranked, unknown) >= UNKNOWN_SHARE:
            return self._say(answers.not_covered_reply(self.store, text, unknown), state.after(query=None), None)
        if ranked.close:
            return self._passage(ranked, state, text, closest=True, scope_document=named_scope)
        return self._say(answers.no_answer_reply(), state.after(query=None), None)

    def _conversation_subject(self, state: DialogueState) -> str:
        """What « en » stands for: the topic's words the last passage also holds as such (« le fonds », not
        « l'argent » of « il y a combien d'argent dans le fonds ? »), else the whole topic."""
        rest = document_scope(state.topic or "").rest
        document, _, label = (state.passage or "").partition("|")
        shown = self.store.paragraph(document, label) if state.passage else None
        said = set(words(shown.text)) if shown else set()
        kept = [t.word for t in key_terms(rest) if any(w.startswith(f) for f in t.forms for w in said)]
        return " ".join(kept) or rest

    def _mentioned_in(self, document: str | None, rest: str, text: str, ranked: Ranked,
                      state: DialogueState) -> Reply | None:
        """« La déclaration de 2020 parle-t-elle de l'Afghanistan ? »: a yes-or-no question whether a named text
        speaks of a subject is answered « oui », with the place or places it does. ``document`` and ``rest``: the
        scope and words of the question as rebuilt; the turn's own, when it has them, come first."""
        folded = fold(text)
        if not _MENTIONS.search(folded) or question_type(text) is not QuestionType.YES_NO and _ASKS_WHAT.search(folded):
            return None
        own = document_scope(text)
        document = own.document_id if own.document_id and own.strict else document
        subject = _MENTION_SUBJECT.search(folded)  # « … ils parlent de l'Afghanistan ? »: what follows the verb
        if subject and key_terms(subject.group("subject")):
            rest = subject.group("subject")
        elif key_terms(own.rest):
            rest = own.rest  # « et les talibans, ils en parlent ? »: « en » stands for the turn's own subject
        elif _OF_IT.search(folded) and state.topic:  # « la déclaration de Madrid en parle aussi ? »: of the subject
            rest = self._conversation_subject(state)
        places = self.ranker.covering(rest, document) if document else []
        return answers.mentions_reply(_likeliest_first(places, ranked)) if places else None

    def _unknown(self, ranked: Ranked) -> list[str]:
        """Key terms of the question that no document uses in any form: the subject is not covered."""
        return [t.word for t in ranked.missing if all(self.ranker.weight(f) > self.ranker.unknown_weight
                                                     for f in t.forms) and not t.word.isdigit()]

    def _passage(self, ranked: Ranked, state: DialogueState, query: str, closest: bool,
                 scope_document: str | None = None) -> Outcome:
        """Say the best candidate; the document the question named stays the subject, even for a near miss."""
        cand = ranked.candidate
        assert cand is not None
        if cand.sentence is not None:
            second = ranked.runner_up.sentence if closest and ranked.runner_up else None
            reply = answers.passage_reply(cand.sentence, closest, second)
        else:
            reply = answers.curated_reply(cand.text, cand.citations, closest)
        absent = self._absent_names(ranked)
        if absent:
            reply = answers.with_absent_names(reply, absent)
        named = self.store.countries_in_text(query)
        if len(named) == 1 and named[0].partner and not re.search(rf"-{re.escape(named[0].query)}\b", fold(query)):
            state = state.after(country=named[0].name)  # « et la Mongolie ? » then « elle »; not « OSCE-Mongolie »
        quoted = str(cand.sentence.id) if cand.sentence is not None else None
        if closest:
            return self._say(reply, state, Kind.CLOSEST, query=query, document=scope_document or state.document,
                             sentence=quoted)
        if scope_document:
            return self._say(reply, state, Kind.PASSAGE, query=query, document=scope_document, sentence=quoted)
        return self._say(reply, state, Kind.PASSAGE, query=query,
                         document=cand.citations[0].document_id if cand.citations else None, sentence=quoted)

    def _absent_names(self, ranked: Ranked) -> list[str]:
        return [t.word for t in ranked.ignored]

    def _in_last_document(self, text: str, state: DialogueState) -> bool:
        """Whether the document the turn names, if any, is the one the last answer quoted."""
        named = document_scope(text).document_id
        return named is None or named == (state.passage or "").partition("|")[0]

    def _last_paragraph(self, state: DialogueState) -> ParagraphInfo | None:
        """The paragraph the last answer quoted (slot « document|paragraph »)."""
        document, _, label = (state.passage or "").partition("|")
        return self.store.paragraph(document, label) if state.passage else None

    def _quote_last(self, state: DialogueState) -> Outcome:
        paragraph = self._last_paragraph(state)
        if paragraph is None:
            return self._say(answers.no_passage_reply(), state, None)
        return self._say(answers.paragraph_quote_reply(paragraph, closest=state.kind is Kind.CLOSEST), state,
                         state.kind)

    def _corpus_id(self, document: str) -> str | None:
        info = self.store.document(document)
        return info.corpus_document_id if info else document

    # --- output ------------------------------------------------------------------------
    def _say(self, reply: Reply, state: DialogueState, kind: Kind | None, **changes: object) -> Outcome:
        return self._say_all([reply], state, kind, **changes)

    def _say_all(self, replies: list[Reply], state: DialogueState, kind: Kind | None,
                 **changes: object) -> Outcome:
        cited = [c for r in replies for c in r.citations]
        new = state.after(kind=kind or state.kind, **{"sentence": None, **changes})
        if cited:
            new = new.after(sources=answers.cite_list(cited),
                            passage=f"{cited[0].document_id}|{cited[0].paragraph}")
        return Outcome(tuple(replies), new)


_PARTNER_KINDS = {Kind.PARTNER_WHEN, Kind.PARTNER_STATUS, Kind.PARTNER_MEMBER}
_GROUP_KINDS = {Kind.LIST, Kind.COUNT, Kind.ORDER}
_PARTNER_INTENTS = {"ask_partner", "follow_up", "compare_partners"}
_GROUP_INTENTS = {"list_partners", "count_partners", "partner_order"}


# What makes the second of two questions one of its own: it asks who, what, which, when, where, how (« Laquelle ? »,
# « prise où ? »), not only whether (« c'est bien ça ? », « pas la Thaïlande ? », « le président tout seul ? »).
_ASKS_OWN = re.compile(rf"\b({_WH_WORDS}|lesquel(le)?s)\b|^ou\b|\bou\W*$")


# A list of texts asked for (« quels documents connais-tu ? », « cite les textes importants »), not a question that
# only names decisions (« qui informe les partenaires des discussions sur les décisions ? »).
_DOCUMENTS_ASKED = re.compile(r"\b(quel(le)?s?|liste[rz]?|cite[sz]?|enumere[sz]?|tous les|toutes les"
                              r"|les principa(les|ux))\b(\s+\w+){0,2}\s+(documents?|textes?|decisions|declarations"
                              r"|sources)\b|\b(documents?|textes?) (fondateurs|de reference|importants)\b"
                              r"|^\W*(documents|textes|sources)\W*$")
_COULD_BECOME = re.compile(r"\b(peu[tx]|peuvent|pourr\w+|pouvai\w+)(-(il|elle|ils|elles))?\b.{0,20}\bdevenir\b"
                           r"|\bun jour\b|\bdans le futur\b|\ba l'avenir\b|\bcandidat(e|ure)?\b")
OPEN_TO_REQUESTS = "become-future-requests"  # the curated answer on future requests for partnership
_APPLIED = re.compile(r"\b(depose\w*|postule\w*|candidatures?|demandes? (de partenariat|d'adhesion))\b")
_TAKES_UP = re.compile(r"\b(ca|cela|son|sa|ses|leur|leurs|y|en|celui-ci|celle-ci|ce|cet|cette|ces)\b")


_AND_THEN_WH = re.compile(r",\s*et\s+(?:(?:dans|en|pour|par|a|de|avec|sur)\s+)?(?:quel(?:le)?s?|qui|ou|quand|comment"
                          r"|pourquoi|combien|est[- ]ce que?)\b[^?,]*\?\s*$", re.IGNORECASE)


def two_questions(text: str) -> tuple[str, str] | None:
    """A message of two questions, each ending with « ? », the second asking something of its own."""
    joined = _AND_THEN_WH.search(text.strip())
    if joined and text.strip().count("?") == 1 and not re.search(r"[.!:;]", text.strip()[:joined.start()]):
        # « Il a été créé quand, et dans quel but ? »: one sentence, two questions
        first, second = text.strip()[:joined.start()].strip(" ,") + " ?", text.strip()[joined.start():].strip(" ,")
        return (first, second) if key_terms(first) and _ASKS_OWN.search(fold(first)) else None
    pieces = [p for p in re.split(r"(?<=\?)\s+", text.strip()) if p]
    if len(pieces) != 2 or not all(p.rstrip().endswith("?") for p in pieces):
        return None
    first, second = pieces
    if len(first.split()) < 4 or not key_terms(first):
        return None
    if _another_topic(first, second):
        return first, second  # « … ? Et on peut leur faire visiter des sites militaires ? »
    if not _ASKS_OWN.search(fold(second).strip(" ?!.")):
        return None
    if not key_terms(second) or refers_back(second) or has_pronoun_subject(second) or \
            _TAKES_UP.search(fold(second)):
        return None  # « … ? Elle rappelle quelle décision ? », « … ? c'est quoi son budget ? »: one question
    return first, second


def _another_topic(first: str, second: str) -> bool:
    """« Et » opening a second question of at least two content words the first does not use: a topic of its
    own, even when a pronoun in it stands for the first's subject."""
    if not re.match(r"et\b", fold(second).strip()):
        return False
    before = {stem(t.forms[-1]) for t in key_terms(first)}
    return len([t for t in key_terms(second) if stem(t.forms[-1]) not in before]) >= 2


def _entities_in(turn: Turn, part: str) -> dict[str, tuple[str, ...]]:
    """The NLU entities of a message that one of its parts holds."""
    folded = fold(part)
    return {name: kept for name, values in turn.entities.items()
            if (kept := tuple(v for v in values if fold(str(v))[:5] in folded))}


def _paragraph(turn: Turn, text: str) -> str | None:
    """The paragraph the turn asks for: the NLU's ``paragraph`` entity (« § 5 », « 2e paragraphe »), else the text."""
    in_text = paragraph_number(text)
    value = re.sub(r"\D", "", turn.entity("paragraph") or "")
    return value if value and not (in_text or "").startswith("préambule") else in_text


def _years(turn: Turn, folded: str) -> list[int]:
    """The years of the turn: the NLU's ``year`` entities, else those of the text."""
    return [y for value in turn.entities.get("year", ()) for y in years_in(str(value))] or years_in(folded)


# Who chaired the OSCE (not a contact group, a meeting or another body), in a year or now.
_CHAIR_ASKED = re.compile(r"\bpresid\w*\b.{0,40}\b(osce|organisation)\b|\b(osce|organisation)\b.{0,40}\bpresid")
_OTHER_CHAIR = re.compile(r"\b(groupes?|contact|conseil|forum|seance|reunion|conference|seminaire|troika|cor|otan"
                          r"|assemblee|secretaire|ministre|nom|s'appel\w*)\b")
_THAT_YEAR = re.compile(r"\bcette annee(-la| la)?\b|\ba l'epoque\b|\ba ce moment(-la| la)\b|\bcette fois(-la| la)\b")
_NOW = re.compile(r"\b(actuel|actuelle|actuellement|aujourd'hui|en ce moment|maintenant|cette annee)\b(?!-la| la)")
_WHICH_COUNTRY = re.compile(r"\b(quel|quels) (pays|etat)\b")
_WHICH_ONES = re.compile(r"\s*(lesquel(le)?s|lequel|laquelle|qui ca|c'est qui|qui donc|c'est lesquels)\b")
_PARAGRAPH_COUNT = re.compile(r"\b(combien|nombre) (de |d')(paragraphes|alineas|considerants|points numerotes)\b")
_CLAIMED_YEAR = re.compile(r"\b(?:en|depuis) (\d{4})\s*,?\s*(c'est (bien )?(ca|cela|juste|exact|vrai)|n'est-ce pas"
                           r"|non|vrai|c'est bien ca|(elle|il|tu|vous) (a|as|avez) raison)\s*[?!.]*\s*$")
# « On m'a dit que le Fonds date de 2011. »: a year heard somewhere, said as a statement to be checked
_REPORTED_YEAR = re.compile(r"\b(entendu|lu|dit|parait|semble|crois|vu)\b[^?]*\b(?:en|depuis|date de|remonte a) "
                            r"(\d{4})\s*[.!]*\s*$")


def _claimed_year(text: str) -> int | None:
    """« Les partenaires y ont été invités en 2012, c'est ça ? »: the year the user asserts, to be checked."""
    folded = fold(text).strip()
    match = _CLAIMED_YEAR.search(folded)
    if match and question_type(text) is not QuestionType.WHEN:
        return int(match.group(1))
    reported = _REPORTED_YEAR.search(folded)
    return int(reported.group(2)) if reported else None


def _document_of(passage: str | None) -> str | None:
    """« document|paragraph » → « document| »: a new question leans to the conversation's document."""
    return f"{passage.partition('|')[0]}|" if passage else None


def _is_country_word(word: str, names: set[str]) -> bool:
    return any(word.startswith(n[:5]) for n in names if len(n) >= 5)
