"""Throughput and latency with 1 and with 2 Rasa replicas on the production layout, in the same run.

Both settings share one PostgreSQL, one Redis, one action server and the same two
replicas: one nginx spreads the load over both, another sends it all to the first,
and 20 clients load them in alternating rounds (the machine's drift weighs on both).
The embedded default (one Rasa on SQLite, in-memory lock, no nginx, same action
server) is loaded in the same rounds as a reference.
``python -m bench.replicas`` measures only this and rewrites its section of
``bench/results.md``; ``make bench`` includes it.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import load
from bench.memory import tree_rss_mb
from bench.stats import ms
from bot.paths import MODEL, PROJECT_DIR
from bot.runtime.local_stores import LocalStores, missing
from bot.runtime.servers import Servers, write_endpoints
from bot.runtime.settings import Settings

RESULTS = PROJECT_DIR / "bench" / "results.md"
HEADING = "## Répliques : PostgreSQL, Redis, nginx"
CLIENTS = 20


EMBEDDED = "1, embarqué (SQLite, verrou en mémoire, sans nginx)"
ONE = "1 (PostgreSQL, Redis, nginx)"
TWO = "2 (PostgreSQL, Redis, nginx)"


@dataclass
class ReplicaRun:
    results: dict[str, load.LoadResult] = field(default_factory=dict)
    ready: float = 0.0
    replica_rss: float = 0.0
    missing: list[str] = field(default_factory=list)


def cores() -> int:
    return len(os.sched_getaffinity(0))


def measure(model: Path, port_base: int, per_client: int = 25, rounds: int = 2) -> ReplicaRun:
    """Start the stack with two replicas and two balancers (both replicas / the first only), load both."""
    run = ReplicaRun(missing=missing())
    if run.missing:
        return run
    var_dir = Path(tempfile.mkdtemp(prefix="osce-bench-stack-"))
    var_dir.chmod(0o755)  # PostgreSQL runs as its own user, which must reach its data directory
    stores = LocalStores(var_dir, postgres_port=port_base + 32, redis_port=port_base + 79)
    settings = Settings(host="127.0.0.1", rasa_port=port_base + 5, action_port=port_base + 55,
                        web_port=port_base + 80, var_dir=var_dir, model=model, tracker_url=stores.tracker_url,
                        lock_url=stores.lock_url, replicas=2, balancer_port=port_base + 90)
    embedded = Servers(Settings(host="127.0.0.1", rasa_port=port_base + 7, action_port=settings.action_port,
                                web_port=port_base + 81, var_dir=var_dir / "embedded", model=model))
    urls = {EMBEDDED: embedded.settings.rasa_url, ONE: f"http://127.0.0.1:{port_base + 91}", TWO: settings.rasa_url}
    servers = Servers(settings)
    try:
        start = time.perf_counter()
        servers.start_stores(stores)
        servers.start_all()
        servers.start_balancer("nginx-1", port_base + 91, settings.rasa_ports[:1])
        write_endpoints(embedded.settings)
        embedded.start_rasa()
        servers.wait_ready()
        run.ready = time.perf_counter() - start
        embedded.wait_ready()
        for url in urls.values():
            load.warm_up(url)
        run.results = {name: load.LoadResult(CLIENTS) for name in urls}
        for r in range(rounds):
            share = per_client // rounds + (r < per_client % rounds)
            for name in list(urls) if r % 2 == 0 else list(reversed(urls)):
                run.results[name].add(load.run(urls[name], CLIENTS, share))
        run.replica_rss = tree_rss_mb(servers.processes["rasa"].pid)
    finally:
        embedded.stop()
        servers.stop()
        shutil.rmtree(var_dir, ignore_errors=True)
    return run


def section(run: ReplicaRun) -> str:
    """The Markdown section of the report."""
    lines = [HEADING, ""]
    if run.missing:
        return "\n".join(lines + ["Non mesuré : " + " ; ".join(run.missing), ""])
    lines += [f"{cores()} cœurs, {time.strftime('%Y-%m-%d %H:%M')}. Conversations dans PostgreSQL, verrou dans Redis, "
              f"nginx devant ; {CLIENTS} clients, tours alternés entre les trois réglages. Pile prête en "
              f"{run.ready:.0f} s ; mémoire résidente d'une réplique : {run.replica_rss:.0f} Mo.", "",
              "| répliques | débit | p50 | p95 | erreurs |", "|---|---|---|---|---|"]
    for name, result in run.results.items():
        lines.append(f"| {name} | {result.throughput:.1f} msg/s | {ms(result.p(50))} | {ms(result.p(95))} | "
                     f"{len(result.errors)} / {result.messages} |")
    lines.append("")
    for name, result in run.results.items():
        if result.errors:
            lines += [f"Erreurs ({name}) : " + " ; ".join(result.errors[:5]), ""]
    return "\n".join(lines)


def replace_section(report: str, new: str) -> str:
    """``report`` with its replicas section replaced by ``new`` (appended if absent)."""
    pattern = re.compile(re.escape(HEADING) + r".*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(report):
        return pattern.sub(lambda _: new + "\n", report, count=1)
    return report.rstrip("\n") + "\n\n" + new + "\n"


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(prog="python -m bench.replicas", description=__doc__.splitlines()[0])
    args.add_argument("--model", type=Path, default=MODEL)
    args.add_argument("--per-client", type=int, default=25, help="messages per client and per setting")
    args.add_argument("--port-base", type=int, default=16500)
    opts = args.parse_args(argv)
    text = section(measure(opts.model, opts.port_base, opts.per_client))
    report = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Mesures\n"
    RESULTS.write_text(replace_section(report, text), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
