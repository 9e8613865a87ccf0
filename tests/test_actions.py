"""The Rasa action: it reads the tracker, asks the router it was given, and sets only the slots that changed."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import ActionAnswer
from bot.answering.ranker import Ranker
from bot.answering.router import Router
from bot.knowledge.store import KnowledgeStore


def tracker(text: str, intent: str, entities: list[dict[str, Any]] | None = None, **slots: Any) -> Tracker:
    return Tracker(
        sender_id="test", slots=slots, active_loop={}, paused=False, followup_action=None, events=[],
        latest_action_name="action_listen",
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or []},
    )


def run(action: ActionAnswer, t: Tracker) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, t, {})
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_the_action_says_the_router_answer_and_sets_the_state(store: KnowledgeStore) -> None:
    action = ActionAnswer(Router(store, Ranker(store)))
    messages, slots = run(action, tracker("Quand le Japon est-il devenu partenaire ?", "ask_partner",
                                          [{"entity": "country", "value": "Japon"}]))
    assert "1992" in messages[0]["text"] and "Source : Brochure" in messages[0]["text"]
    assert slots["last_question"] == "partner_when" and slots["last_country"] == "Japon"
    assert slots["last_passage"] == "brochure|4"
    messages, slots = run(action, tracker("Et la Thaïlande ?", "follow_up", **slots))
    assert "2000" in messages[0]["text"] and slots == {"last_country": "Thaïlande",
                                                       "last_query": slots["last_query"],
                                                       "last_topic": slots["last_query"]}


def test_a_response_of_the_domain_is_uttered_by_name(store: KnowledgeStore) -> None:
    messages, slots = run(ActionAnswer(Router(store, Ranker(store))), tracker("qsdf jklm wxcv", "nlu_fallback"))
    assert [m["response"] for m in messages] == ["utter_please_rephrase"]
    assert slots == {}
