"""The NLU component that turns keyboard mashing into ``nlu_fallback``."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.unknown_words_fallback import UnknownWordsFallback

CONTEXT = ExecutionContext(GraphSchema({}), "test")


@pytest.fixture
def trained(tmp_path: Path) -> UnknownWordsFallback:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("unknown_words")
    examples = [Message(data={"text": t, "intent": "ask_partner"})
                for t in ["Quand la Thaïlande est-elle devenue partenaire ?", "Le Japon est-il partenaire ?"]]
    data = TrainingData(examples, lookup_tables=[{"name": "country", "elements": ["Australie", "Mongolie"]}])
    UnknownWordsFallback.create({}, storage, resource, CONTEXT).train(data)
    return UnknownWordsFallback.load({}, storage, resource, CONTEXT)


def predicted(component: UnknownWordsFallback, text: str) -> str:
    message = Message(data={"text": text, "intent": {"name": "ask_events", "confidence": 0.8}})
    return component.process([message])[0].get("intent")["name"]


@pytest.mark.parametrize("text", ["asdkjh qwpoeiru zmxncb", "azertyuiop", "qsdf jklm ?"])
def test_gibberish_is_a_fallback(trained: UnknownWordsFallback, text: str) -> None:
    assert predicted(trained, text) == "nlu_fallback"


@pytest.mark.parametrize("text", ["Tailande ?", "mongolei", "asdkjh japon", "12345", "???", "Australie"])
def test_known_or_misspelt_words_and_numbers_keep_their_intent(trained: UnknownWordsFallback, text: str) -> None:
    assert predicted(trained, text) == "ask_events"


def test_words_of_the_french_vectors_are_known(trained: UnknownWordsFallback) -> None:
    import spacy
    from rasa.nlu.constants import SPACY_DOCS

    from bot.nlu.spacy_vectors import ensure_nlu_spacy_model

    nlp = spacy.load(ensure_nlu_spacy_model())
    for text, intent in [("bonjour chocolat", "ask_events"), ("asdkjh qwpoeiru", "nlu_fallback")]:
        message = Message(data={"text": text, "intent": {"name": "ask_events", "confidence": 0.8},
                                SPACY_DOCS["text"]: nlp(text)})
        assert trained.process([message])[0].get("intent")["name"] == intent

