"""``python -m bench.crossval``: Rasa NLU cross-validation of our pipeline and of Rasa's default one.

Runs ``rasa test nlu --cross-validation`` on the project's NLU data with each
configuration (about 25 + 15 minutes on 2 cores), then writes the test-fold
intent accuracy / F1 and entity F1 per extractor, mean (standard deviation),
to ``bench/crossval.md``. ``--from-logs`` only re-reads the last run's logs; ``--only NAME`` reruns one
configuration and re-reads the other's log.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from bench.__main__ import CONFIGS, LABELS, OUT
from bot.paths import PROJECT_DIR

RESULTS = PROJECT_DIR / "bench" / "crossval.md"
LINE = re.compile(r"rasa\.nlu\.test\s+- test (Accuracy|F1-score): ([\d.]+) \(([\d.]+)\)")
EXTRACTOR = re.compile(r"Entity extractor: (\w+)")


def run(name: str, folds: int) -> Path:
    log = OUT / f"cv-{name}.log"
    rasa = Path(sys.executable).parent / "rasa"
    with log.open("w") as handle:
        subprocess.run([str(rasa), "test", "nlu", "--nlu", "data/", "--config", str(CONFIGS[name]),
                        "--cross-validation", "--folds", str(folds), "--out", str(OUT / f"cv-{name}")],
                       cwd=PROJECT_DIR, check=True, stdout=handle, stderr=subprocess.STDOUT,
                       env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
    return log


def parse(log: Path) -> dict[str, str]:
    """{"intent Accuracy": "0.714 (0.028)", "DIETClassifier F1-score": ...} from the test-fold summary lines."""
    results, section = {}, "intent"
    for line in log.read_text(errors="replace").splitlines():
        if "Entity evaluation results" in line:
            section = "entity"
        if found := EXTRACTOR.search(line):
            section = found.group(1)
        if found := LINE.search(line):
            results[f"{section} {found.group(1)}"] = f"{found.group(2)} ({found.group(3)})"
    return results


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(prog="python -m bench.crossval", description=__doc__.splitlines()[0])
    args.add_argument("--folds", type=int, default=5)
    args.add_argument("--from-logs", action="store_true", help="only summarise the logs of the last run")
    args.add_argument("--only", choices=list(CONFIGS), help="rerun this configuration only")
    opts = args.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    tables = {}
    for name in CONFIGS:
        rerun = not opts.from_logs and opts.only in (None, name)
        log = run(name, opts.folds) if rerun else OUT / f"cv-{name}.log"
        tables[name] = parse(log)
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(log.stat().st_mtime))
        print(f"{name}: {tables[name]} (log of {when})")
    keys = list(dict.fromkeys(k for t in tables.values() for k in t))
    lines = [f"# Validation croisée NLU ({opts.folds} plis, `python -m bench.crossval`)", "",
             "Moyenne (écart-type) sur les plis de test ; une prédiction `nlu_fallback` compte comme une erreur.", "",
             "| mesure | " + " | ".join(LABELS[n] for n in tables) + " |", "|---|" + "---|" * len(tables),
             *[f"| {k} | " + " | ".join(tables[n].get(k, "—") for n in tables) + " |" for k in keys], ""]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
