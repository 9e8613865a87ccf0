"""The dialogue state between turns, typed, and how an elliptical turn borrows from it.

« Et le Japon ? », « pourquoi ? », « et l'année suivante ? », « il a lieu quand ? »,
« et dans la déclaration de Madrid ? » only make sense with the previous question:
the state keeps what was asked (``query``), what kind of answer it got
(``kind``), its subject and the passage quoted, in Rasa slots.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from bot.answering.cues import document_scope, key_terms, word_list, years_in
from bot.answering.structured_cues import group_in
from bot.knowledge.lemmas import nlp
from bot.knowledge.normalize import fold


class Slot(str, Enum):
    """The Rasa slots the actions read and write (declared in domain.yml)."""

    KIND = "last_question"
    QUERY = "last_query"
    TOPIC = "last_topic"
    COUNTRY = "last_country"
    GROUP = "last_group"
    DOCUMENT = "last_document"
    PASSAGE = "last_passage"
    SENTENCE = "last_sentence"
    SOURCES = "last_sources"
    CONVERSATION = "conversation_document"


class Kind(str, Enum):
    """What the last answer answered."""

    PARTNER_WHEN = "partner_when"
    PARTNER_STATUS = "partner_status"
    PARTNER_MEMBER = "partner_member"
    LIST = "list"
    COUNT = "count"
    ORDER = "order"
    COMPARE = "compare"
    DOCUMENT = "document"
    PARAGRAPH = "paragraph"
    CITING = "citing"
    DOCUMENTS = "documents"
    PASSAGE = "passage"
    CLOSEST = "closest"  # the closest passage, offered when none answers the question


@dataclass(frozen=True)
class DialogueState:
    """What the conversation is about, as the last answer left it."""

    kind: Kind | None = None
    query: str | None = None
    topic: str | None = None  # the last question that stood on its own: what a chain of follow-ups is about
    country: str | None = None
    group: str | None = None
    document: str | None = None
    passage: str | None = None  # « document id|paragraph label » of the last answer's first citation
    sentence: str | None = None  # the id of the one sentence the last answer quoted, for « et la phrase d'après ? »
    sources: str | None = None
    conversation: str | None = None  # the corpus document the user last named: where unnamed questions lean

    @classmethod
    def from_slots(cls, slots: dict[str, object]) -> DialogueState:
        kind = slots.get(Slot.KIND.value)
        return cls(
            kind=Kind(kind) if kind in Kind._value2member_map_ else None,
            query=_text(slots.get(Slot.QUERY.value)),
            topic=_text(slots.get(Slot.TOPIC.value)),
            country=_text(slots.get(Slot.COUNTRY.value)),
            group=_text(slots.get(Slot.GROUP.value)),
            document=_text(slots.get(Slot.DOCUMENT.value)),
            passage=_text(slots.get(Slot.PASSAGE.value)),
            sentence=_text(slots.get(Slot.SENTENCE.value)),
            sources=_text(slots.get(Slot.SOURCES.value)),
            conversation=_text(slots.get(Slot.CONVERSATION.value)),
        )

    def slots(self) -> dict[str, object]:
        """The slot values to set after this turn."""
        return {
            Slot.KIND.value: self.kind.value if self.kind else None,
            Slot.QUERY.value: self.query,
            Slot.TOPIC.value: self.topic,
            Slot.COUNTRY.value: self.country,
            Slot.GROUP.value: self.group,
            Slot.DOCUMENT.value: self.document,
            Slot.PASSAGE.value: self.passage,
            Slot.SENTENCE.value: self.sentence,
            Slot.SOURCES.value: self.sources,
            Slot.CONVERSATION.value: self.conversation,
        }

    def after(self, **changes: object) -> DialogueState:
        return replace(self, **changes)


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


_QUOTE_REQUEST = re.compile(r"\b(cite[rz]?|recopie[rz]?|montre[rz]?|donne[rz]?|lire|lis)[- ](moi |nous )?"
                            r"(le |la |ce |cette |l')?(passage|texte|phrase|paragraphe|extrait|citation)\b"
                            r"|\b(texte|passage|citation) exacte?|mot pour mot|les termes exacts")
_FOLLOW_LEAD = re.compile(r"^((et|mais|ok|d'accord|bon|alors|non|ah|oui|pardon|donc)\b[\s,.!]*)+")
_CORRECTION = re.compile(r"\b(je voulais dire|je parlais de|je pensais a|plutot|je me suis trompe|pas \w+ mais)\b")
_REFERS_BACK = re.compile(r"\b(il|elle|ils|elles|la-bas|cette reunion|ce pays|ce texte|ce document|ce fonds"
                          r"|ce dernier|cette derniere)\b"
                          r"|\b(la|cette) (decision|declaration)\b"
                          r"(?! (no|n°|numero|de|du|sur|ministerielle|commemorative|\d))"
                          r"|\b(le|ce) communique\b(?! de presse)")
_PRONOUN_SUBJECT = re.compile(r"\b(il|elle|ils|elles|ca|cela|celui-ci|celle-ci|ce dernier|cette derniere|y)\b"
                              r"|\b(qui|on|je|tu|nous|vous|ne|n'|ca|cela) ?(le|la|les|l')\b"
                              r"|\ben (parle|parlent|dit|disent|sait|pense|fait|font|donne|donnent|cite|citent"
                              r"|mentionne|mentionnent|est|sont)\b"
                              r"|\b(dedans|dessus|la-dessus|la-dedans|a ce sujet|c'etait|des deux|lequel|laquelle)\b"
                              r"|\b(ce|cet|cette|ces) (?!que\b|qui\b|dont\b)\w"
                              r"|\bc'est\b(?! (quoi|qui|quel|quelle|quels|quelles|combien|comment)\b)")
_STRONG_BACK = re.compile(r"\b(dedans|la-dessus|la dessus|la-dedans|a ce sujet|sur ce point|ce dernier"
                          r"|cette derniere|celui-ci|celle-ci|des deux)\b")
_NEXT_YEAR = re.compile(r"\b(l'annee (suivante|d'apres|prochaine)|l'annee qui suit|un an (plus tard|apres))\b")
_PREVIOUS_YEAR = re.compile(r"\b(l'annee (precedente|d'avant|passee)|un an (plus tot|avant))\b")


def _moves_a_year(folded: str) -> bool:
    """« l'année suivante », « un an avant »: the turn moves the last question's year."""
    return bool(_NEXT_YEAR.search(folded) or _PREVIOUS_YEAR.search(folded))


_WHICH_PARAGRAPH = re.compile(r"\b(quel(le)?|dans quel|a quel|de quel) (numero d[eu] )?"
                              r"(paragraphe|alinea|point|article)\b|\bnumero d[eu] (paragraphe|l'alinea|point)\b"
                              r"|\bparagraphe (numero|n°) ?combien\b")


def asks_which_paragraph(text: str) -> bool:
    """« c'est dans quel paragraphe ? », « c'est quel numéro de paragraphe ? »: where the last answer's words are."""
    folded = fold(text)
    match = _WHICH_PARAGRAPH.search(folded)
    if match is None:
        return False
    rest = document_scope(folded[:match.start()] + " " + folded[match.end():]).rest
    return not [t for t in key_terms(rest) if t.word not in _WHERE_WORDS]


_WHERE_WORDS = {"vient", "viennent", "trouve", "situe", "dit", "ecrit", "decision", "declaration", "texte",
                "document", "brochure", "communique", "exactement", "precisement"}


_CHALLENGE = re.compile(r"^\W*((non|mais|bon|hmm+|euh|ah)\W+)*((c'est|c est|ca me parait|ca semble) )?(faux|pas vrai"
                        r"|pas juste|pas exact|inexact|n'importe quoi)\b|\b(t'es|tu es|vous etes|es-tu|etes-vous) "
                        r"(bien |vraiment |absolument )?(sure?s?|certaine?s?)\b|\b(tu te|vous vous) trompez?\b"
                        r"|^\W*((et|mais|non|ah|ok)\W+)?(vraiment|sure?|certaine?|c'est sur|tu confirmes?"
                        r"|vous confirmez|j'en doute|je (ne )?(crois|pense) pas)\W*$")
# « Non, je suis sûre que la 430 c'est 1998 », « vous confondez : … »: a dispute that may carry a question of its own
_DISPUTE = re.compile(r"^\W*non\W+(je suis|j'en suis|moi je suis) (sure?|certaine?|persuadee?|convaincue?)\b"
                      r"|\b(vous confondez|tu confonds|vous faites erreur|tu fais erreur)\b")


def challenges(text: str) -> bool:
    """« T'es sûr ? », « Non, c'est faux, c'était en 2004 », « vraiment ? »: the user disputes the last answer."""
    return bool(_CHALLENGE.search(fold(text)))


def disputes(text: str) -> bool:
    """« Non, je suis sûre que c'est 1998 »: the user contradicts the last answer, perhaps with a claim to check."""
    return bool(_DISPUTE.search(fold(text)))


def asks_for_quote(text: str) -> bool:
    """« Tu peux citer le passage exact ? »: the words of the last answer's source."""
    folded = fold(text)
    return bool(_QUOTE_REQUEST.search(folded)) and len(key_terms(text)) <= 2


def is_elliptical(text: str) -> bool:
    """A turn that needs the previous question: a short « et … ? », a pronoun question, a lone « pourquoi ? »."""
    folded = fold(text).strip(" ?!.")
    n_words = len(folded.split())
    if n_words == 0:
        return False
    scope = document_scope(text)
    if scope.document_id and not key_terms(scope.rest):
        return True
    lead = _FOLLOW_LEAD.match(folded)
    own = len(key_terms(folded[lead.end():])) if lead else 0
    if lead and (n_words <= 8 and (re.search(r"\b(et|mais)\b", lead.group(0)) or own <= 1)
                 or n_words <= 12 and own <= 1) or _CORRECTION.search(folded):  # « et la Thaïlande, tu me dis quoi ? »
        return True
    if _moves_a_year(folded):
        return True
    terms = key_terms(text)
    if not terms:
        return n_words <= 6
    if n_words <= 6 and _ASKING_PHRASE.match(folded) and not _has_verb(text):
        return True  # « Dans le cadre de quelle opération ? », « à quelle occasion ? »: a fragment of a question
    if n_words <= 4 and len(terms) <= 1:
        return True
    if _STRONG_BACK.search(folded) and n_words <= 12:
        return True
    pronoun = bool(_PRONOUN_SUBJECT.search(_IMPERSONAL.sub(" ", folded))) and not _NAMED_AFTER_CEST.match(folded)
    return pronoun and (n_words <= 6 and len(terms) <= 1 or n_words <= 7 and len(terms) <= 2)


_ASKING_PHRASE = re.compile(r"(et )?(dans|pour|avec|a|au|aux|en|par|sur|depuis|contre|vers|chez|selon|sous|entre|de"
                            r"|du|des)\b[^?]{0,30}?\b(quel|quelle|quels|quelles|quoi|qui|combien|lequel|laquelle)\b")


def _has_verb(text: str) -> bool:
    return any(token.pos_ in ("VERB", "AUX") for token in nlp()(text))


# « c'est où le siège de l'OSCE ? »: « c'est » announces the noun group that follows, it does not point back.
_NAMED_AFTER_CEST = re.compile(r"^c'est (ou|quoi|quand|qui|combien)( exactement)? "
                               r"(le|la|les|l'|un|une|des|du|ce|cette)\b")
_IMPERSONAL = re.compile(r"\bil (y a|y avait|y aura|existe|faut|s'agit|est (question|prevu))\b|\by a-t-il\b")
_PLACE_BACK = re.compile(r"\b(la-bas|ce pays|dans ce pays|sur place)\b")


def changes_year(text: str) -> bool:
    """« et en 2014 ? », « et l'année suivante ? »: a follow-up that moves the question in time."""
    folded = fold(text)
    if _moves_a_year(folded):
        return True
    return bool(years_in(folded)) and all(t.word.isdigit() for t in key_terms(text))


def moves_an_absent_year(text: str, state: DialogueState) -> bool:
    """« et l'année d'après ? » after a question that named no year: there is no year to move."""
    return _moves_a_year(fold(text)) and not years_in(state.query or "")


def refers_back(text: str) -> bool:
    """« elle », « la décision », « là-bas »: the subject is the last answer's (« il y a » is not, nor the « il »
    of « le secrétariat, il est où ? », whose subject comes just before it)."""
    folded = _IMPERSONAL.sub(" ", fold(text))
    match = _REFERS_BACK.search(folded)
    if match is None:
        return False
    return match.group(0) not in ("il", "elle", "ils", "elles") or not key_terms(folded[:match.start()])


def has_pronoun_subject(text: str) -> bool:
    """« il forme qui ? », « qui s'était réuni là-bas ? »: a subject the turn does not name."""
    folded = _IMPERSONAL.sub(" ", fold(text))
    match = _BACK_PRONOUN.search(folded)
    return match is not None and not _OTHER.search(folded)


_BACK_PRONOUN = re.compile(r"\b(il|elle|ils|elles|celui-ci|celle-ci|ce dernier|cette derniere|la-bas|y)\b")
_OTHER = re.compile(r"\bautres?\b|\bencore\b|\baussi\b")


def refers_to_place(text: str) -> bool:
    """« là-bas », « dans ce pays »: the last country named."""
    return bool(_PLACE_BACK.search(fold(text)))


# The whole words of each group (group_in finds a group by its beginnings, too short to replace).
_GROUP_WORDS = {"méditerranéen": re.compile(r"\bmediterran\w*|\bmediterranee\b"),
                "asiatique": re.compile(r"\basiati\w*|\basie\b")}


_THE_OTHER = re.compile(r"^(et )?(pour |dans |de )?(l'autre|les autres)( groupe)?\W*$")


def _swap_group(last: str, folded: str) -> str:
    """« et les asiatiques ? » after a question on the Mediterranean group: the other group replaces it; so
    does a bare « et l'autre ? » when the last question named one group."""
    named = group_in(folded)
    if named is None and _THE_OTHER.match(folded.strip()):
        asked = [g for g, pattern in _GROUP_WORDS.items() if pattern.search(fold(last))]
        named = next((g for g in _GROUP_WORDS if g not in asked), None) if len(asked) == 1 else None
        if named is None:
            return last
        return _GROUP_WORDS[asked[0]].sub(fold(named), fold(last))
    if named is None:
        return last
    other = next(g for g in _GROUP_WORDS if g != named)
    return _GROUP_WORDS[other].sub(fold(named), fold(last)) if _GROUP_WORDS[other].search(fold(last)) else last


_ACTORS = sorted(word_list("actors"), key=len, reverse=True)  # longest first: « groupes de contact » before « …s »


def _actor_swap(last: str, folded: str) -> tuple[str, str] | None:
    """« et le Conseil permanent ? » after « la décision charge le Secrétaire général de quoi ? »: the body the
    turn names alone (« conseil permanent ») and the one of the last question it replaces."""
    bare = re.fullmatch(r"(et|mais|puis|ok)?\s*(pour |a |au |aux )?(le |la |les |l'|du |des )?(?P<actor>[\w' ]+?)"
                        r"\s*(alors|donc)?\s*\??", folded.strip())
    new = bare.group("actor") if bare and bare.group("actor") in _ACTORS else None
    old = next((a for a in _ACTORS if re.search(rf"\b{a}\b", fold(last)) and a not in new and new not in a),
               None) if new else None
    return (new, old) if new and old else None


def swaps_actor(text: str, state: DialogueState) -> bool:
    """Whether the turn asks the last question of another body: its answer is not the passage just quoted."""
    return any(_actor_swap(last or "", fold(text)) for last in (state.query, state.topic))


def _swap_actor(last: str, folded: str) -> str:
    swap = _actor_swap(last, folded)
    return re.sub(rf"\b{swap[1]}\b", swap[0], fold(last), count=1) if swap else last


def borrow(text: str, state: DialogueState) -> str:
    """The question an elliptical turn stands for: the last question, with what this turn changes.

    A new year, or the year after/before the last one, replaces the last year; a
    named document replaces the last scope; other words are added, to the last
    question that stood on its own when this turn has words of its own, so that a
    chain of follow-ups does not pile up the words of every turn.
    """
    last = state.query or ""
    folded = fold(text)
    years = years_in(last)
    if years and _moves_a_year(folded):
        step = 1 if _NEXT_YEAR.search(folded) else -1
        own = _FOLLOW_LEAD.sub("", _PREVIOUS_YEAR.sub(" ", _NEXT_YEAR.sub(" ", folded))).strip(" ,?!.")
        if key_terms(own):
            return f"en {years[-1] + step}, {own}"
        return last.replace(str(years[-1]), str(years[-1] + step))
    if state.topic and key_terms(_FOLLOW_LEAD.sub("", folded)) and not _CORRECTION.search(folded):
        last = state.topic
        years = years_in(last)
    new_years = years_in(text)
    if years and new_years:
        last = last.replace(str(years[-1]), str(new_years[-1]))
    last = _swap_actor(_swap_group(last, folded), folded)
    new_scope = document_scope(text)
    if new_scope.document_id:
        old_scope = document_scope(last)
        base = old_scope.rest if old_scope.document_id else fold(last)
        return f"{base} {folded}"
    return f"{last} {_CORRECTION.sub(' ', _FOLLOW_LEAD.sub('', folded))}"
