"""The spaCy model of the NLU pipeline: fr_core_news_md's French tokenizer and word vectors only.

Rasa's SpacyFeaturizer reads nothing but the static vectors, yet loading the whole
package runs its CNN tagger, parser and NER on every message (~10 ms each here).
Saving the package without its components keeps spaCy's French tokenisation and
vectors at a few microseconds per message. It is derived at set-up from the
pinned PyPI package, never downloaded at run time.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from bot.paths import PROJECT_DIR

SOURCE = "fr_core_news_md"
# config.yml names this directory (relative to the project, where Rasa runs).
NLU_SPACY_MODEL = PROJECT_DIR / "models" / "fr_core_news_md_vectors"


def _installed_version() -> str:
    from importlib.metadata import version

    return version(SOURCE.replace("_", "-"))


def _derived_from() -> str | None:
    meta = NLU_SPACY_MODEL / "meta.json"
    if not meta.exists():
        return None
    return json.loads(meta.read_text(encoding="utf-8")).get("derived_from")


def ensure_nlu_spacy_model() -> Path:
    """Derive the vectors-only model unless it exists for the installed package version; return its path."""
    source = f"{SOURCE}=={_installed_version()}"
    if _derived_from() == source:
        return NLU_SPACY_MODEL
    import spacy

    nlp = spacy.load(SOURCE)
    for name in list(nlp.pipe_names):
        nlp.remove_pipe(name)
    nlp.meta["name"] = NLU_SPACY_MODEL.name.removeprefix("fr_")
    nlp.meta["derived_from"] = source
    partial = NLU_SPACY_MODEL.with_name(NLU_SPACY_MODEL.name + ".partial")
    partial.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(partial, ignore_errors=True)
    nlp.to_disk(partial)
    shutil.rmtree(NLU_SPACY_MODEL, ignore_errors=True)
    partial.rename(NLU_SPACY_MODEL)
    return NLU_SPACY_MODEL
