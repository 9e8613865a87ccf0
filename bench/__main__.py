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
from dataclasses import dataclass, field
from pathlib import Path

from bench import load, nlu_scores, ranker_timing, replicas, store_timing
from bench.memory import tree_rss_mb
from bench.stats import ms
from bot.evaluation import Score, evaluate
from bot.knowledge.store import KnowledgeStore
from bot.nlu.training import train
from bot.paths import PROJECT_DIR
from bot.runtime.servers import Servers
from bot.runtime.settings import Settings

OUT = PROJECT_DIR / "bench" / "out"
RESULTS = PROJECT_DIR / "bench" / "results.md"
EVAL = PROJECT_DIR / "eval"
QUESTIONS = EVAL / "dev" / "questions.yml"
QUESTION_SETS = {"jeu de dév. 1 (eval/dev/questions.yml)": QUESTIONS,
                 "jeu de dév. 2 (eval/dev/questions2.yml)": EVAL / "dev" / "questions2.yml",
                 "couverture par paragraphe (eval/paragraphs.yml)": EVAL / "paragraphs.yml",
                 "conversations (eval/conversations.yml)": EVAL / "conversations.yml",
                 "conversations réservées (eval/conversations_heldout.yml)": EVAL / "conversations_heldout.yml",
                 "conversations réservées 2 (eval/conversations_heldout2.yml)": EVAL / "conversations_heldout2.yml",
                 "jeu réservé (eval/heldout.yml)": EVAL / "heldout.yml"}
CONFIGS = {"ours": PROJECT_DIR / "config.yml", "default": PROJECT_DIR / "bench" / "default_config.yml"}
LABELS = {"ours": "ce projet (config.yml)", "default": "pipeline par défaut de `rasa init`"}


@dataclass
class ServerRun:
    ready: float = 0.0
    rss: dict[str, float] = field(default_factory=dict)
    single: load.LoadResult = field(default_factory=lambda: load.LoadResult(1))
    probe: load.LoadResult = field(default_factory=lambda: load.LoadResult(1))
    ranked_probe: load.LoadResult = field(default_factory=lambda: load.LoadResult(1))
    concurrent: load.LoadResult = field(default_factory=lambda: load.LoadResult(20))
    scores: dict[str, Score] = field(default_factory=dict)


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


def start_servers(model: Path, port_base: int, started: list[Servers]) -> float:
    """Start one assistant (its own ports and state directory), recorded in ``started`` so that it is
    stopped even if it never gets ready; return the seconds until it answered."""
    var_dir = Path(tempfile.mkdtemp(prefix="var-", dir=OUT))
    settings = Settings(host="127.0.0.1", rasa_port=port_base + 5, action_port=port_base + 55,
                        web_port=port_base + 80, var_dir=var_dir, model=model)
    servers = Servers(settings)
    started.append(servers)
    start = time.perf_counter()
    servers.start_all()
    servers.wait_ready()
    return time.perf_counter() - start


def measure_servers(models: dict[str, Path], port_base: int, single_messages: int, per_client: int,
                    rounds: int = 8) -> dict[str, ServerRun]:
    """Start every assistant, then load them in alternating rounds.

    Both are up at once but only one is loaded at a time; alternating short
    rounds spreads the machine's drift (other tenants, CPU frequency) over both
    instead of favouring whichever ran first.
    """
    runs = {name: ServerRun() for name in models}
    started: list[Servers] = []
    try:
        for i, (name, model) in enumerate(models.items()):
            runs[name].ready = start_servers(model, port_base + 100 * i, started)
            load.warm_up(started[i].settings.rasa_url)
        servers_of = dict(zip(models, started, strict=True))
        for r in range(rounds):
            for name in list(models) if r % 2 == 0 else list(reversed(models)):
                url = servers_of[name].settings.rasa_url
                runs[name].single.add(load.run(url, 1, single_messages // rounds))
                runs[name].probe.add(load.run(url, 1, single_messages // (2 * rounds), [load.PROBE]))
                runs[name].ranked_probe.add(load.run(url, 1, single_messages // (2 * rounds), [load.RANKED_PROBE]))
        for r, share in enumerate((per_client // 2, per_client - per_client // 2)):
            for name in list(models) if r == 0 else list(reversed(models)):
                runs[name].concurrent.add(load.run(servers_of[name].settings.rasa_url, 20, share))
        for name, servers in servers_of.items():
            runs[name].rss = {proc_name: tree_rss_mb(proc.pid) for proc_name, proc in servers.processes.items()}
            for label, questions in QUESTION_SETS.items():
                if questions.exists():
                    runs[name].scores[label] = evaluate(questions, servers.settings.rasa_url)
    finally:
        for servers in started:
            servers.stop()
            shutil.rmtree(servers.settings.var_dir, ignore_errors=True)
    return runs


def score_cell(score: Score | None) -> str:
    if score is None:
        return "absent"
    return (f"{score.passed}/{score.items} ({score.passed / max(1, score.items):.0%}), {score.wrong_facts} fait(s) "
            f"faux, {score.off_target}/{score.turns} tours hors sujet")


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "—"


def report(timing: store_timing.StoreTiming, routing: ranker_timing.RankerTiming, trained: dict[str, float | None],
           nlu: dict[str, nlu_scores.NluScore], runs: dict[str, ServerRun]) -> str:
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
        "", "## Le routeur de réponses, seul (en processus, sans HTTP ni NLU)", "",
        f"Sur les {routing.questions} questions de `eval/paragraphs.yml` : `Router.answer` (indices, contexte, "
        f"faits structurés, classement) p50 {routing.router_p50 * 1000:.1f} ms, "
        f"p95 {routing.router_p95 * 1000:.1f} ms ; "
        f"`Ranker.rank` seul p50 {routing.ranker_p50 * 1000:.1f} ms, p95 {routing.ranker_p95 * 1000:.1f} ms.",
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
        row("1 client, question classée (« opération … selon le COR ») : p50 / p95",
            lambda n: f"{ms(runs[n].ranked_probe.p(50))} / {ms(runs[n].ranked_probe.p(95))}"),
        row("1 client, mélange : p50 / p95 / p99",
            lambda n: " / ".join(ms(runs[n].single.p(q)) for q in (50, 95, 99))),
        row("1 client : débit", lambda n: f"{runs[n].single.throughput:.1f} msg/s"),
        row("20 clients : p50 / p95 / p99",
            lambda n: " / ".join(ms(runs[n].concurrent.p(q)) for q in (50, 95, 99))),
        row("20 clients : débit", lambda n: f"{runs[n].concurrent.throughput:.1f} msg/s"),
        row("20 clients : erreurs", lambda n: f"{len(runs[n].concurrent.errors)} / {runs[n].concurrent.messages}"),
        *[row(f"{label} (`bot eval`)", lambda n, label=label: score_cell(runs[n].scores.get(label)))
          for label in QUESTION_SETS],
        "",
    ]
    if "default" in runs:
        ours, ref = runs["ours"], runs["default"]
        lines += [f"Rapport p50 « Thaïlande » (ce projet / défaut) : "
                  f"{ratio(ours.probe.p(50), ref.probe.p(50))} ; question classée : "
                  f"{ratio(ours.ranked_probe.p(50), ref.ranked_probe.p(50))} ; p50 mélange : "
                  f"{ratio(ours.single.p(50), ref.single.p(50))}.", ""]
    lines += ["Les deux assistants tournent en même temps mais sont chargés à tour de rôle, en tours alternés "
              "(8 pour un client, 2 pour 20 clients), pour que la dérive de la machine pèse autant sur l'un que "
              "sur l'autre.", ""]
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
    print("Routeur de réponses...", flush=True)
    routing = ranker_timing.measure()
    store = KnowledgeStore()
    trained, nlu, models = {}, {}, {}
    for name in names:
        print(f"[{name}] entraînement...", flush=True)
        models[name], trained[name] = trained_model(name, opts.reuse_models)
        print(f"[{name}] analyse des questions de développement...", flush=True)
        nlu[name] = nlu_scores.score(models[name], QUESTIONS, store)
    print("Serveurs, latence (tours alternés), charge, jeux de questions...", flush=True)
    runs = measure_servers(models, opts.port_base, opts.messages, opts.per_client)
    print("Répliques : 1 puis 2, sur PostgreSQL, Redis et nginx...", flush=True)
    scaled = replicas.measure(models["ours"], opts.port_base + 500, opts.per_client)
    text = report(timing, routing, trained, nlu, runs) + "\n" + replicas.section(scaled)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    print(text)
    print(f"\nÉcrit dans {RESULTS.relative_to(PROJECT_DIR)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
