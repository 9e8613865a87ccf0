"""Rasa custom actions: read the turn and the slots, ask the answering router, say what it decided.

All decisions are in :mod:`bot.answering.router`; all facts come from :mod:`bot.knowledge.store`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.answering.context import DialogueState, Slot
from bot.answering.ranker import Ranker
from bot.answering.router import MAX_MESSAGE, Router, Turn
from bot.knowledge.store import KnowledgeStore
from bot.nlu.spacy_vectors import NLU_SPACY_MODEL

ENTITIES = ("country", "group", "document", "paragraph", "year")


@lru_cache(maxsize=1)
def default_router() -> Router:
    """One router per action server process (its store and ranker cache names, terms and vectors)."""
    store = KnowledgeStore()
    router = Router(store, Ranker(store, NLU_SPACY_MODEL))
    router.warm_up()
    return router


def turn_of(tracker: Tracker) -> Turn:
    message = tracker.latest_message or {}
    entities = {name: tuple(str(v) for v in tracker.get_latest_entity_values(name)) for name in ENTITIES}
    return Turn(text=(message.get("text") or "")[:MAX_MESSAGE], intent=(message.get("intent") or {}).get("name"),
                entities={k: v for k, v in entities.items() if v})


def state_of(tracker: Tracker) -> DialogueState:
    return DialogueState.from_slots({slot.value: tracker.get_slot(slot.value) for slot in Slot})


class ActionAnswer(Action):
    """Every question, follow-up and fallback goes through the same router."""

    def __init__(self, router: Router | None = None) -> None:
        self._router = router

    @property
    def router(self) -> Router:
        return self._router or default_router()

    def name(self) -> str:
        return "action_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        before = state_of(tracker)
        outcome = self.router.answer(turn_of(tracker), before)
        if outcome.response:
            dispatcher.utter_message(response=outcome.response)
        for reply in outcome.replies:
            buttons = [{"title": title, "payload": payload} for title, payload in reply.buttons]
            dispatcher.utter_message(text=reply.render(), buttons=buttons or None)
        old, new = before.slots(), outcome.state.slots()
        return [SlotSet(name, value) for name, value in new.items() if value != old.get(name)]
