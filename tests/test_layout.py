"""The layout follows the flow knowledge → answering → actions → runtime: no stage imports one after it."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.paths import PROJECT_DIR

BOT = PROJECT_DIR / "bot"
# What each stage may import from bot (besides itself): nothing downstream of it.
ALLOWED = {
    "knowledge": {"bot.paths"},
    "answering": {"bot.knowledge"},
    "nlu": {"bot.knowledge", "bot.paths"},
    "runtime": {"bot.knowledge", "bot.paths"},
}
# The knowledge store's read side: it must work without the build side (ingestion, fact files, build).
READ_SIDE = ["store", "records", "database", "document_resolution", "tables", "normalize", "lemmas"]
BUILD_SIDE = ("bot.knowledge.build", "bot.knowledge.ingestion", "bot.knowledge.fact_files")


def bot_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot"):
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("bot")}
    return found


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_a_stage_imports_nothing_downstream(stage: str) -> None:
    allowed = ALLOWED[stage] | {f"bot.{stage}"}
    wrong = {f"{path.relative_to(PROJECT_DIR)}: {name}"
             for path in (BOT / stage).rglob("*.py") for name in bot_imports(path)
             if name != "bot" and not any(name == a or name.startswith(a + ".") for a in allowed)}
    assert not wrong


def test_the_store_does_not_import_the_build() -> None:
    for module in READ_SIDE:
        imported = bot_imports(BOT / "knowledge" / f"{module}.py")
        assert not [name for name in imported if name.startswith(BUILD_SIDE)], module
