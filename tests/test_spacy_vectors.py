"""The spaCy model of the NLU pipeline, derived at set-up from fr_core_news_md."""
from __future__ import annotations

from pathlib import Path

import pytest


def test_the_vectors_model_is_derived_into_a_new_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    from bot.nlu import spacy_vectors

    target = tmp_path / "models" / "fr_vectors"
    monkeypatch.setattr(spacy_vectors, "NLU_SPACY_MODEL", target)
    assert spacy_vectors.ensure_nlu_spacy_model() == target
    nlp = spacy.load(target)
    assert nlp.pipe_names == [] and nlp("l'Australie")[1].has_vector
    assert spacy_vectors.ensure_nlu_spacy_model() == target
