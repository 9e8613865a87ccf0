"""Rasa NLU component: a message made only of unknown words is gibberish, whatever DIET says.

DIET always ranks some intent first, and on keyboard mashing (« asdkjh qwpoeiru »)
its confidence can clear the FallbackClassifier threshold. A word is known when
the training data uses it (or a close spelling of it, so that typos still pass)
or when spaCy's French vectors have it; a message with letters but no known
word gets ``nlu_fallback``, which the rules answer by asking to rephrase.
"""
from __future__ import annotations

import json
from typing import Any

from rapidfuzz import fuzz, process
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge.normalize import words

VOCABULARY_FILE = "vocabulary.json"


def letter_words(text: str) -> list[str]:
    """Folded words of two letters or more: digits and punctuation say nothing about gibberish."""
    return [w for w in words(text) if len(w) > 1 and any(c.isalpha() for c in w)]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class UnknownWordsFallback(GraphComponent):
    """Predicts ``nlu_fallback`` for a message none of whose words is known."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # fuzz.ratio from which a word counts as a misspelling of a training word.
        return {"min_similarity": 80}

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 vocabulary: set[str] | None = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._vocabulary = vocabulary or set()

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> UnknownWordsFallback:
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> UnknownWordsFallback:
        with model_storage.read_from(resource) as path:
            vocabulary = json.loads((path / VOCABULARY_FILE).read_text(encoding="utf-8"))
        return cls(config, model_storage, resource, set(vocabulary))

    def train(self, training_data: TrainingData) -> Resource:
        """Remember every word of the examples, lookup tables and synonyms."""
        texts = [example.get(TEXT) or "" for example in training_data.training_examples]
        texts += [str(element) for table in training_data.lookup_tables for element in table.get("elements", [])]
        texts += [f"{key} {value}" for key, value in training_data.entity_synonyms.items()]
        self._vocabulary = {word for text in texts for word in letter_words(text)}
        with self._model_storage.write_to(self._resource) as path:
            (path / VOCABULARY_FILE).write_text(json.dumps(sorted(self._vocabulary), ensure_ascii=False),
                                                encoding="utf-8")
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            if intent != DEFAULT_NLU_FALLBACK_INTENT_NAME and self.is_gibberish(message):
                fallback = {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": 1.0}
                message.set(INTENT, fallback, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [fallback, *(message.get(INTENT_RANKING_KEY) or [])],
                            add_to_output=True)
        return messages

    def is_gibberish(self, message: Message) -> bool:
        """True when the message has words and none of them is known."""
        candidates = letter_words(message.get(TEXT) or "")
        if not candidates:
            return False
        doc = message.get(SPACY_DOCS[TEXT])
        if doc is not None and any(token.is_alpha and token.has_vector for token in doc):
            return False
        return not any(self._is_known(word) for word in candidates)

    def _is_known(self, word: str) -> bool:
        if word in self._vocabulary:
            return True
        return process.extractOne(word, self._vocabulary, scorer=fuzz.ratio,
                                  score_cutoff=self._config["min_similarity"]) is not None
