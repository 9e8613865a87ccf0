"""``python -m bench``: train, start, load and score our assistant and Rasa's default pipeline side by side.

Prints a Markdown report and writes it to ``bench/results.md``. Run it on a quiet
machine: nothing else should compete for the CPU while latencies are measured.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import load, nlu_scores, store_timing
from bench.memory import tree_rss_mb
from bench.stats import ms
from bot.config import PROJECT_DIR
from bot.evaluate import evaluate
from bot.servers import Servers, Settings
from bot.store import KnowledgeStore
from bot.training import train

OUT = PROJECT_DIR / "bench" / "out"
RESULTS = PROJECT_DIR / "bench" / "results.md"
QUESTIONS = PROJECT_DIR.parent / "shared" / "eval" / "questions.yml"
CONFIGS = {"ours": PROJECT_DIR / "config.yml", "default": PROJECT_DIR / "bench" / "default_config.yml"}
LABELS = {"ours": "ce projet (config.yml)", "default": "pipeline par défaut de `rasa init`"}


@dataclass
class ServerRun:
    ready: float
    rss: dict[str, float]
    single: load.LoadResult
    probe: load.LoadResult
    concurrent: load.LoadResult
    dev: str
    dev_wrong: int
    dev_passed: int
    dev_items: int


def trained_model(name: str, reuse: bool) -> tuple[Path, float | None]:
    """The model for ``name``, trained now unless reusing; the training seconds (None when reused)."""
    model = OUT / f"{name}.tar.gz"
    times = OUT / "train_seconds.json"
    recorded = json.loads(times.read_text()) if times.exists() else {}
    if reuse and model.exists():
        return model, recorded.get(name)
    seconds = train(CONFIGS[name], model, from_scratch=True)
    recorded[name] = seconds
    times.write_text(json.dumps(recorded))
    return model, seconds


def measure_servers(model: Path, port_base: int, single_messages: int, per_client: int) -> ServerRun:
    var_dir = Path(tempfile.mkdtemp(prefix="var-", dir=OUT))
    settings = Settings(host="127.0.0.1", rasa_port=port_base + 5, action_port=port_base + 55,
                        web_port=port_base + 80, var_dir=var_dir, model=model)
    servers = Servers(settings)
    start = time.perf_counter()
    servers.start_all()
    try:
        servers.wait_ready()
        ready = time.perf_counter() - start
        url = settings.rasa_url
        load.warm_up(url)
        single = load.run(url, 1, single_messages)
        probe = load.run(url, 1, single_messages // 2, [load.PROBE])
        concurrent = load.run(url, 20, per_client)
        rss = {name: tree_rss_mb(proc.pid) for name, proc in servers.processes.items()}
        dev = evaluate(QUESTIONS, url)
    finally:
        servers.stop()
        shutil.rmtree(var_dir, ignore_errors=True)
    return ServerRun(ready, rss, single, probe, concurrent, dev.summary(), dev.wrong_facts, dev.passed, dev.items)


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "—"


def report(timing: store_timing.StoreTiming, trained: dict[str, float | None], nlu: dict[str, nlu_scores.NluScore],
           runs: dict[str, ServerRun]) -> str:
    names = list(runs)
    head = "| mesure | " + " | ".join(LABELS[n] for n in names) + " |"
    rule = "|---|" + "---|" * len(names)

    def row(label: str, cell: Callable[[str], str]) -> str:
        return f"| {label} | " + " | ".join(cell(n) for n in names) + " |"

    lines = [
        "# Mesures", "",
        f"Machine : {platform.machine()}, {_cpus()} cœurs, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d %H:%M')}. Commande : `make bench`.", "",
        "## Base de connaissances", "",
        f"Construction (`python -m bot build-db`) : {timing.build_seconds:.1f} s.", "",
        "| requête | p50 | p95 |", "|---|---|---|",
        *[f"| {q} | {timing.query_p50[q] * 1000:.2f} ms | {timing.query_p95[q] * 1000:.2f} ms |"
          for q in timing.query_p50],
        "", "## Assistant, et le pipeline par défaut de Rasa entraîné sur les mêmes données", "",
        head, rule,
        row("entraînement (2 cœurs)", lambda n: f"{trained[n]:.0f} s" if trained.get(n) else "réutilisé"),
        row("serveurs prêts en", lambda n: f"{runs[n].ready:.0f} s"),
        row("mémoire résidente, serveur Rasa", lambda n: f"{runs[n].rss.get('rasa', 0):.0f} Mo"),
        row("mémoire résidente, serveur d'actions", lambda n: f"{runs[n].rss.get('actions', 0):.0f} Mo"),
        row("mémoire résidente, page de chat", lambda n: f"{runs[n].rss.get('web', 0):.0f} Mo"),
        row("intention juste (questions de dév.)", lambda n: f"{nlu[n].intent_accuracy:.1%} "
                                                             f"({nlu[n].intents_right}/{nlu[n].turns})"),
        row("F1 entités (questions de dév.)", lambda n: f"{nlu[n].entity_f1:.3f}"),
        row("1 client, question « Thaïlande » : p50", lambda n: ms(runs[n].probe.p(50))),
        row("1 client, mélange : p50 / p95 / p99",
            lambda n: " / ".join(ms(runs[n].single.p(q)) for q in (50, 95, 99))),
        row("1 client : débit", lambda n: f"{runs[n].single.throughput:.1f} msg/s"),
        row("20 clients : p50 / p95 / p99",
            lambda n: " / ".join(ms(runs[n].concurrent.p(q)) for q in (50, 95, 99))),
        row("20 clients : débit", lambda n: f"{runs[n].concurrent.throughput:.1f} msg/s"),
        row("20 clients : erreurs", lambda n: f"{len(runs[n].concurrent.errors)} / {runs[n].concurrent.messages}"),
        row("jeu de dév. (`bot eval`)", lambda n: f"{runs[n].dev_passed}/{runs[n].dev_items}, "
                                                   f"{runs[n].dev_wrong} fait(s) faux"),
        "",
    ]
    if "default" in runs:
        ours, ref = runs["ours"], runs["default"]
        lines += [f"Rapport p50 « Thaïlande » (ce projet / défaut) : "
                  f"{ratio(ours.probe.p(50), ref.probe.p(50))} ; p50 mélange : "
                  f"{ratio(ours.single.p(50), ref.single.p(50))}.", ""]
    lines += ["Le mélange : " + " ; ".join(f"« {q} »" for q, _ in load.MIX) + ". Chaque réponse est vérifiée "
              "(le fait attendu doit y être), une réponse fausse compte comme une erreur.", ""]
    for n in names:
        if nlu[n].confusions:
            lines += [f"Intentions confondues ({LABELS[n]}) : " + " ; ".join(nlu[n].confusions), ""]
        for result in (runs[n].single, runs[n].concurrent):
            if result.errors:
                lines += [f"Erreurs ({LABELS[n]}, {result.clients} client(s)) : " + " ; ".join(result.errors[:5]), ""]
    return "\n".join(lines)


def _cpus() -> int:
    return len(os.sched_getaffinity(0))


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    args.add_argument("--reuse-models", action="store_true", help="do not retrain the models already in bench/out")
    args.add_argument("--only-ours", action="store_true", help="skip Rasa's default pipeline")
    args.add_argument("--messages", type=int, default=200, help="messages sent by the single client")
    args.add_argument("--per-client", type=int, default=25, help="messages per client with 20 clients")
    args.add_argument("--port-base", type=int, default=16000)
    opts = args.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    names = ["ours"] if opts.only_ours else ["ours", "default"]
    print("Base de connaissances...", flush=True)
    timing = store_timing.measure()
    store = KnowledgeStore()
    trained, nlu, runs = {}, {}, {}
    for name in names:
        print(f"[{name}] entraînement...", flush=True)
        model, trained[name] = trained_model(name, opts.reuse_models)
        print(f"[{name}] analyse des questions de développement...", flush=True)
        nlu[name] = nlu_scores.score(model, QUESTIONS, store)
        print(f"[{name}] serveurs, latence, charge, jeu de dév...", flush=True)
        runs[name] = measure_servers(model, opts.port_base, opts.messages, opts.per_client)
    text = report(timing, trained, nlu, runs)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    print(text)
    print(f"\nÉcrit dans {RESULTS.relative_to(PROJECT_DIR)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
