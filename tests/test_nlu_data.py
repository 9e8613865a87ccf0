"""The NLU data stays consistent with the store's data and independent of the question sets."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from rapidfuzz import fuzz
from rasa.nlu.utils.pattern_utils import _generate_lookup_regex

from bot.knowledge.fact_files import passage_questions_file
from bot.knowledge.normalize import fold
from bot.nlu.lookup_tables import LOOKUP_FILE, country_names, document_names
from bot.nlu.lookup_tables import render as render_lookup
from bot.paths import PROJECT_DIR

QUESTION_SETS = sorted((PROJECT_DIR / "eval").rglob("*.yml"))
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]+\)|\{[^}]+\})")


def comparable(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", fold(text))).strip()


def nlu_blocks() -> list[dict[str, str]]:
    """Every block of the NLU training files (data/nlu/, split by topic)."""
    return [block for path in sorted((PROJECT_DIR / "data" / "nlu").glob("*.yml"))
            for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]]


def training_examples() -> list[str]:
    return [ANNOTATION.sub(r"\1", line.strip()[2:]) for block in nlu_blocks() if "intent" in block
            for line in block["examples"].splitlines() if line.strip().startswith("- ")]


def test_lookup_tables_are_up_to_date() -> None:
    assert LOOKUP_FILE.read_text(encoding="utf-8") == render_lookup(), "run `python -m bot export-lookup`"
    assert {"Thaïlande", "Japon", "Liban", "Mongolie", "Corée du Sud"} <= set(country_names())
    assert {"430", "5/11", "déclaration de madrid", "Acte final d'Helsinki"} <= set(document_names())


@pytest.mark.parametrize(("table", "names", "text", "expected"), [
    ("country", country_names, "La Corée du Nord est-elle partenaire ?", ["Corée du Nord"]),
    ("country", country_names, "la coree du sud ou la Thaïlande", ["coree du sud", "Thaïlande"]),
    ("document", document_names, "que dit la déclaration ministérielle de Madrid ?",
     ["déclaration ministérielle de Madrid"]),
    ("document", document_names, "le paragraphe 4 de la décision 430", ["430"]),
])
def test_rasa_reads_the_longest_name_of_a_lookup_table(table: str, names: Callable[[], list[str]], text: str,
                                                       expected: list[str]) -> None:
    pattern = _generate_lookup_regex({"name": table, "elements": names()})
    assert [m.group(0) for m in re.finditer(pattern, text, flags=re.IGNORECASE)] == expected


@pytest.mark.parametrize("question_set", QUESTION_SETS, ids=lambda p: p.name)
def test_training_examples_are_not_copied_from_a_question_set(question_set: Path) -> None:
    questions = [comparable(turn["q"]) for item in yaml.safe_load(question_set.read_text(encoding="utf-8"))
                 for turn in item["turns"]]
    examples = [comparable(e) for e in training_examples()]
    assert len(examples) > 400
    copied = sorted({(e, q) for e in examples if len(e.split()) > 2 for q in questions if fuzz.ratio(e, q) >= 95})
    assert copied == [], "training examples too close to evaluation questions"


@pytest.mark.parametrize("question_set", QUESTION_SETS, ids=lambda p: p.name)
def test_questions_asked_for_passages_are_not_copied_from_a_question_set(question_set: Path) -> None:
    questions = [comparable(turn["q"]) for item in yaml.safe_load(question_set.read_text(encoding="utf-8"))
                 for turn in item["turns"]]
    asked = [comparable(q) for row in passage_questions_file() for q in row["asks"]]
    assert len(asked) > 600
    copied = sorted({(a, q) for a in asked for q in questions if fuzz.ratio(a, q) >= 95})
    assert copied == [], "questions asked for passages too close to evaluation questions"


def regexes(name: str) -> list[str]:
    block = next(b for b in nlu_blocks() if b.get("regex") == name)
    return [line.strip()[2:] for line in block["examples"].splitlines() if line.strip()]


@pytest.mark.parametrize(("text", "expected"), [
    ("que dit le paragraphe 12 de la déclaration de Madrid ?", ["12"]), ("cite le §5 de la décision", ["5"]),
    ("le § 3", ["3"]), ("le 2e paragraphe du communiqué", ["2e"]), ("lis-moi le point 4", ["4"]),
    ("la décision 5/11 de 2011", []),
])
def test_paragraph_regexes(text: str, expected: list[str]) -> None:
    found = [m.group(0) for pattern in regexes("paragraph") for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
    assert found == expected
