"""Train the Rasa model only when its inputs changed."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from bot.nlu.spacy_vectors import ensure_nlu_spacy_model
from bot.paths import MODEL, PROJECT_DIR

# The custom NLU component is trained too: its code is an input of the model.
INPUTS = ["config.yml", "domain.yml", "data", "bot/nlu/unknown_words_fallback.py"]
FINGERPRINT = MODEL.with_suffix("").with_suffix(".fingerprint")


def fingerprint() -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        path = PROJECT_DIR / name
        files = sorted(path.rglob("*.yml")) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(PROJECT_DIR)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def train_if_changed(force: bool = False) -> float | None:
    """Train and return the seconds it took, or None when the model is up to date.

    The NLU pipeline's spaCy model must exist even when nothing is retrained: the
    trained model loads it by path.
    """
    current = fingerprint()
    if not force and MODEL.exists() and FINGERPRINT.exists() and FINGERPRINT.read_text() == current:
        ensure_nlu_spacy_model()
        return None
    seconds = train(PROJECT_DIR / "config.yml", MODEL)
    FINGERPRINT.write_text(current)
    return seconds


def train(config: Path, model: Path, from_scratch: bool = False) -> float:
    """Train the project's data with ``config`` into ``model`` (a .tar.gz path); return the seconds it took.

    Rasa reuses cached components of earlier trainings; ``from_scratch`` turns
    that off, so that a benchmark measures a whole training.
    """
    ensure_nlu_spacy_model()
    start = time.perf_counter()
    rasa = Path(sys.executable).parent / "rasa"
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    args = [str(rasa), "train", "--config", str(config), "--fixed-model-name", model.name.removesuffix(".tar.gz"),
            "--out", str(model.parent)]
    if from_scratch:
        env["RASA_MAX_CACHE_SIZE"] = "0"
        args.append("--force")
    subprocess.run(args, cwd=PROJECT_DIR, check=True, env=env)
    return time.perf_counter() - start
