"""The NLU data stays consistent with the store's data and independent of the question sets."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rapidfuzz import fuzz

from bot.config import PROJECT_DIR
from bot.lookup import LOOKUP_FILE, country_names
from bot.lookup import render as render_lookup
from bot.text import fold

QUESTION_SETS = [PROJECT_DIR / "eval" / "heldout.yml", PROJECT_DIR.parent / "shared" / "eval" / "questions.yml"]
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]+\)|\{[^}]+\})")


def comparable(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", fold(text))).strip()


def training_examples() -> list[str]:
    blocks = yaml.safe_load((PROJECT_DIR / "data" / "nlu.yml").read_text(encoding="utf-8"))["nlu"]
    return [ANNOTATION.sub(r"\1", line.strip()[2:]) for block in blocks if "intent" in block
            for line in block["examples"].splitlines() if line.strip().startswith("- ")]


def test_country_lookup_table_is_up_to_date() -> None:
    assert LOOKUP_FILE.read_text(encoding="utf-8") == render_lookup(), "run `python -m bot export-lookup`"
    assert {"Thaïlande", "Japon", "Liban", "Mongolie", "Corée du Sud"} <= set(country_names())


@pytest.mark.parametrize("question_set", QUESTION_SETS, ids=lambda p: p.name)
def test_training_examples_are_not_copied_from_a_question_set(question_set: Path) -> None:
    if not question_set.exists():
        pytest.skip(f"{question_set} is not on this machine")
    questions = [comparable(turn["q"]) for item in yaml.safe_load(question_set.read_text(encoding="utf-8"))
                 for turn in item["turns"]]
    examples = [comparable(e) for e in training_examples()]
    assert len(examples) > 400
    copied = sorted({(e, q) for e in examples if len(e.split()) > 2 for q in questions if fuzz.ratio(e, q) >= 95})
    assert copied == [], "training examples too close to evaluation questions"
