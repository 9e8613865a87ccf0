"""Intent accuracy and entity F1 of a trained model on the development set.

The gold labels are in ``bench/dev_labels.yml`` (by item id and turn); the
questions stay in the shared question file. Entity values are compared after
canonicalisation through the knowledge store (« australie » and « Australie »,
« 5/11 » and « décision 5/11 » are the same value), so a model is not penalised
for a synonym the actions resolve anyway.
"""
from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import structlog
import yaml

from bot.knowledge.normalize import fold
from bot.knowledge.store import KnowledgeStore

LABELS = Path(__file__).with_name("dev_labels.yml")


@dataclass
class NluScore:
    turns: int = 0
    intents_right: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    confusions: list[str] = field(default_factory=list)
    entity_errors: list[str] = field(default_factory=list)

    @property
    def intent_accuracy(self) -> float:
        return self.intents_right / self.turns if self.turns else 0.0

    @property
    def entity_f1(self) -> float:
        tp, fp, fn = self.true_positives, self.false_positives, self.false_negatives
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def canonical(store: KnowledgeStore, entity: str, value: str) -> str:
    """One spelling per value, so that synonyms compare equal."""
    if entity == "country":
        match = store.find_country(value)
        return match.name if match else fold(value)
    if entity == "document":
        document = store.document(value)
        return document.id if document else fold(value)
    if entity == "group":
        return re.sub(r"s$", "", fold(value))
    return fold(str(value))


def gold_turns(questions: Path) -> list[tuple[str, dict]]:
    """(question, labels) for every labelled turn of the question file."""
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    turns = []
    for item in yaml.safe_load(questions.read_text(encoding="utf-8")):
        for turn, label in zip(item["turns"], labels[item["id"]], strict=True):
            turns.append((turn["q"], label))
    return turns


async def _parse_all(model: Path, texts: list[str]) -> list[dict]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def score(model: Path, questions: Path, store: KnowledgeStore) -> NluScore:
    """Parse every labelled development question with ``model`` and compare with the gold labels."""
    logging.getLogger("rasa").setLevel(logging.ERROR)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    turns = gold_turns(questions)
    parses = asyncio.run(_parse_all(model, [q for q, _ in turns]))
    result = NluScore()
    for (question, label), parse in zip(turns, parses, strict=True):
        result.turns += 1
        predicted = parse["intent"]["name"]
        if predicted == label["intent"]:
            result.intents_right += 1
        else:
            result.confusions.append(f"{question!r}: {label['intent']} -> {predicted}")
        gold = {(e, canonical(store, e, v)) for e, values in (label.get("entities") or {}).items() for v in values}
        found = {(e["entity"], canonical(store, e["entity"], str(e["value"]))) for e in parse.get("entities", [])}
        result.true_positives += len(gold & found)
        result.false_positives += len(found - gold)
        result.false_negatives += len(gold - found)
        if found != gold:
            result.entity_errors.append(f"{question!r}: {sorted(gold)} -> {sorted(found)}")
    return result
