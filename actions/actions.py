"""Rasa custom actions: read the message and slots, ask the knowledge store, say the answer.

All facts come from :mod:`bot.store`; all phrasing from :mod:`bot.answers`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import answers
from bot.answers import Reply
from bot.question import (
    asks_comparison,
    asks_membership,
    asks_participating_states,
    asks_when,
    group_in,
    is_bare_subject,
    is_follow_up,
    mentions_nrc,
    order_in,
    paragraph_number,
    year_filter,
)
from bot.store import CountryMatch, DocumentInfo, KnowledgeStore
from bot.text import name_key

MAX_MESSAGE = 1000

# Which curated topic of the store answers each topic intent.
TOPIC_OF_INTENT = {
    "ask_become_partner": "become_partner",
    "ask_contact_groups": "contact_groups",
    "ask_partnership_fund": "partnership_fund",
    "ask_dialogue": "dialogue",
    "ask_themes": "themes",
    "ask_cooperation": "cooperation",
    "ask_afghanistan": "afghanistan",
    "ask_events": "events",
    "ask_osce": "osce",
    "ask_contact": "contact",
    "ask_nrc": "nrc",
}


@lru_cache(maxsize=1)
def store() -> KnowledgeStore:
    """One store per action server process (it caches names and answers)."""
    return KnowledgeStore()


def message_of(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "")[:MAX_MESSAGE]


def countries_of(tracker: Tracker) -> list[CountryMatch]:
    """Countries of the latest message: NLU entities first, then a scan of the text.

    An entity that is part of a longer name the scan found is dropped: « Corée »
    read inside « Corée du Nord » must not answer for the Republic of Korea.
    """
    scanned = store().countries_in_text(message_of(tracker))
    found: list[CountryMatch] = []
    for value in tracker.get_latest_entity_values("country"):
        if any(f" {name_key(str(value))} " in f" {m.query} " for m in scanned):
            continue
        match = store().find_country(str(value))
        if match and all(m.name != match.name for m in found):
            found.append(match)
    for match in scanned:
        if all(m.name != match.name for m in found):
            found.append(match)
    return found


def typed_country(tracker: Tracker) -> str | None:
    return next(tracker.get_latest_entity_values("country"), None)


def group_of(tracker: Tracker) -> str | None:
    entity = next(tracker.get_latest_entity_values("group"), None)
    return group_in(entity, message_of(tracker))


def say(dispatcher: CollectingDispatcher, reply: Reply, question: str | None = None,
        **context: str | None) -> list[EventType]:
    """Send a reply and remember what it answered and where it comes from."""
    buttons = [{"title": title, "payload": payload} for title, payload in reply.buttons]
    dispatcher.utter_message(text=reply.render(), buttons=buttons or None)
    events: list[EventType] = []
    if reply.citations:
        events.append(SlotSet("last_sources", reply.sources))
    if question:
        events.append(SlotSet("last_question", question))
    events += [SlotSet(f"last_{key}", value) for key, value in context.items() if value]
    return events


def partner_answer(dispatcher: CollectingDispatcher, tracker: Tracker, when: bool, member: bool | None = None,
                   countries: list[CountryMatch] | None = None) -> list[EventType]:
    """Status or date of each country named; ``member``: asked as a participating State.

    ``countries``: those of the message when the caller has already looked them up.
    """
    countries = countries_of(tracker) if countries is None else countries
    if not countries:
        typed = typed_country(tracker)
        if typed:
            return say(dispatcher, answers.partner_reply(None, typed, when))
        last = tracker.get_slot("last_country")
        countries = [m for m in [store().find_country(last)] if m] if last else []
    if not countries:
        return say(dispatcher, answers.ask_which_country())
    group_cite = store().count("méditerranéen").citation
    member = asks_membership(message_of(tracker)) if member is None else member
    question = "partner_member" if member else "partner_when" if when else "partner_status"
    events: list[EventType] = []
    for match in countries[:3]:
        reply = (answers.membership_reply(match, store().count("participating_states")) if member
                 else answers.partner_reply(match, match.query, when, group_cite))
        events += say(dispatcher, reply, question, country=match.name)
    return events


def search_answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    reply = answers.search_reply(store(), message_of(tracker))
    return say(dispatcher, reply, "search") if reply else None


class ActionAnswerPartner(Action):
    """« La Tunisie est-elle partenaire ? »; a country alone after a question continues that question.

    Two countries and an order (« le premier », « avant ») are a comparison whatever
    the intent said: cross-validation shows DIET confusing the two intents.
    """

    def name(self) -> str:
        return "action_answer_partner"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        message = message_of(tracker)
        if is_bare_subject(message) and (tracker.get_slot("last_question") or "").startswith("partner_"):
            return ActionFollowUp().run(dispatcher, tracker, domain)
        countries = countries_of(tracker)
        if len(countries) >= 2 and asks_comparison(message):
            return compare_answer(dispatcher, tracker, countries)
        return partner_answer(dispatcher, tracker, asks_when(message), countries=countries)


class ActionListPartners(Action):
    def name(self) -> str:
        return "action_list_partners"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        group = group_of(tracker)
        return say(dispatcher, answers.list_reply(store(), group, year_filter(message_of(tracker))), "list",
                   group=group)


class ActionCountPartners(Action):
    def name(self) -> str:
        return "action_count_partners"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        message = message_of(tracker)
        if mentions_nrc(message):
            reply = answers.topic_reply(store(), message, "nrc")
            if reply:
                return say(dispatcher, reply, "topic:nrc")
        states = asks_participating_states(message)
        group = None if states else group_of(tracker)
        return say(dispatcher, answers.count_reply(store(), group, states), "count", group=group)


class ActionPartnerOrder(Action):
    def name(self) -> str:
        return "action_partner_order"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        order = order_in(message_of(tracker))
        group = group_of(tracker)
        return say(dispatcher, answers.order_reply(store(), group, order), f"order:{order}", group=group)


class ActionComparePartners(Action):
    def name(self) -> str:
        return "action_compare_partners"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return compare_answer(dispatcher, tracker, countries_of(tracker))


def compare_answer(dispatcher: CollectingDispatcher, tracker: Tracker,
                   countries: list[CountryMatch]) -> list[EventType]:
    """Which country became a partner first; one country alone gets its own answer."""
    if len(countries) == 1:
        return partner_answer(dispatcher, tracker, asks_when(message_of(tracker)), countries=countries)
    return say(dispatcher, answers.compare_reply(countries), "compare")


class ActionFollowUp(Action):
    """« Et la Thaïlande ? », « Et les méditerranéens ? »: the last question, a new subject."""

    def name(self) -> str:
        return "action_follow_up"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        last = tracker.get_slot("last_question") or ""
        message = message_of(tracker)
        group = group_of(tracker)
        countries = countries_of(tracker)
        if countries or typed_country(tracker):
            return partner_answer(dispatcher, tracker, when=last not in ("partner_status", "partner_member"),
                                  member=last == "partner_member" or asks_membership(message), countries=countries)
        if group:
            if last == "count":
                return say(dispatcher, answers.count_reply(store(), group, False), "count", group=group)
            if last.startswith("order:"):
                order = last.split(":", 1)[1]
                return say(dispatcher, answers.order_reply(store(), group, order), last, group=group)
            if last.startswith("topic:"):
                reply = answers.topic_reply(store(), f"{message} {group}", last.split(":", 1)[1])
                if reply:
                    return say(dispatcher, reply, last)
            return say(dispatcher, answers.list_reply(store(), group, year_filter(message)), "list", group=group)
        years = year_filter(message)
        if not years.empty and last == "list":
            group = tracker.get_slot("last_group")
            return say(dispatcher, answers.list_reply(store(), group, years), "list")
        return rephrase(dispatcher)


class ActionAnswerDocument(Action):
    def name(self) -> str:
        return "action_answer_document"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        doc = find_document(tracker)
        if doc is None:
            return search_answer(dispatcher, tracker) or say(dispatcher, answers.unknown_document())
        return say(dispatcher, answers.document_reply(doc), "document", document=doc.id)


def find_document(tracker: Tracker) -> DocumentInfo | None:
    for value in tracker.get_latest_entity_values("document"):
        doc = store().document(str(value))
        if doc:
            return doc
    doc = store().document(message_of(tracker))
    if doc is None and tracker.get_slot("last_document"):
        doc = store().document(tracker.get_slot("last_document"))
    return doc


class ActionAnswerParagraph(Action):
    def name(self) -> str:
        return "action_answer_paragraph"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        doc = find_document(tracker)
        label = paragraph_number(message_of(tracker))
        return say(dispatcher, answers.paragraph_reply(store(), doc, label), "paragraph",
                   document=doc.id if doc else None)


class ActionAnswerCiting(Action):
    def name(self) -> str:
        return "action_answer_citing"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        doc = find_document(tracker)
        return say(dispatcher, answers.citing_reply(doc), "citing", document=doc.id if doc else None)


class ActionListDocuments(Action):
    def name(self) -> str:
        return "action_list_documents"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return say(dispatcher, answers.documents_list_reply(store()), "documents")


class ActionAnswerTopic(Action):
    def name(self) -> str:
        return "action_answer_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        message = message_of(tracker)
        last = tracker.get_slot("last_question") or ""
        if last.startswith("partner_") and is_follow_up(message) and countries_of(tracker):
            return ActionFollowUp().run(dispatcher, tracker, domain)
        topic = "nrc" if mentions_nrc(message) else TOPIC_OF_INTENT.get(intent)
        reply = answers.topic_reply(store(), message, topic)
        if reply is None:
            return search_answer(dispatcher, tracker) or rephrase(dispatcher)
        return say(dispatcher, reply, f"topic:{topic}")


def rephrase(dispatcher: CollectingDispatcher) -> list[EventType]:
    dispatcher.utter_message(response="utter_please_rephrase")
    return []


class ActionAnswerSource(Action):
    def name(self) -> str:
        return "action_answer_source"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        sources = tracker.get_slot("last_sources")
        if sources:
            dispatcher.utter_message(text=f"Ma dernière réponse vient de : {sources}.")
        else:
            dispatcher.utter_message(text=answers.corpus_reply(store()).render())
        return []


class ActionSearchDocuments(Action):
    """Long tail: quote the documents when they answer; the rules then refuse or ask to rephrase.

    After an out-of-scope prediction only a close match counts, so that
    « la recette de la tarte tatin » is refused rather than half-answered.
    """

    def name(self) -> str:
        return "action_search_documents"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        message = message_of(tracker)
        if intent == "nlu_fallback" and is_bare_subject(message) and (countries_of(tracker) or group_of(tracker)):
            return ActionFollowUp().run(dispatcher, tracker, domain) + [SlotSet("documents_answered", True)]
        reply = None
        unknown = store().unknown_words(message) if intent == "search_documents" else []
        if unknown:
            reply = answers.not_covered_reply(message, unknown)
        elif intent != "out_of_scope" and len(message.split()) >= 3:
            reply = answers.topic_reply(store(), message, None)
        reply = reply or answers.search_reply(store(), message, strict=intent == "out_of_scope")
        if reply is None:
            return [SlotSet("documents_answered", False)]
        return say(dispatcher, reply, "search") + [SlotSet("documents_answered", True)]
