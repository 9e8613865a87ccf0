"""Start and stop the assistant's processes: action server, Rasa server(s), chat page, load balancer.

Used by ``python -m bot run`` (and so ``make run``), ``python -m bot stack`` and by
the tests that need real servers. Everything binds to loopback unless
``OSCE_BOT_HOST`` says otherwise. The embedded default is one Rasa replica on an
SQLite tracker store with Rasa's in-memory lock; several replicas need the
shared stores (``OSCE_BOT_TRACKER_URL``, ``OSCE_BOT_LOCK_URL``) and nginx in front.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bot.paths import PROJECT_DIR
from bot.runtime import balancer
from bot.runtime.endpoints import BadStoreUrl, endpoints_yaml
from bot.runtime.local_stores import LocalStores, StoreProblem, postgres_user
from bot.runtime.settings import BadSettings, Settings

LOCK_LIFETIME = 20
"""Seconds a conversation's Redis lock outlives a replica that died holding it (Rasa's default: 60)."""


class PortInUse(RuntimeError):
    """A port the assistant needs is taken by another program."""


def check_port_free(host: str, port: int, what: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as error:
            raise PortInUse(f"Le port {port} ({what}) est déjà utilisé sur {host} : arrêtez le programme qui "
                            f"l'occupe ou choisissez un autre port (variables OSCE_BOT_*_PORT). [{error}]") from None


def write_endpoints(settings: Settings) -> Path:
    """An endpoints.yml for these ports, this tracker store and this lock store."""
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    path = settings.var_dir / "endpoints.yml"
    action_url = settings.action_url or f"http://127.0.0.1:{settings.action_port}/webhook"
    path.write_text(endpoints_yaml(action_url, settings.tracker_url,
                                   settings.lock_url, settings.var_dir / "tracker.db"), encoding="utf-8")
    return path


def replica_name(index: int) -> str:
    """``rasa`` for the first replica (the only one by default), ``rasa-2``, ``rasa-3``... after it."""
    return "rasa" if index == 0 else f"rasa-{index + 1}"


@dataclass
class Servers:
    """The running processes; ``stop()`` ends every one of them."""

    settings: Settings
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    stop_signals: dict[str, signal.Signals] = field(default_factory=dict)

    def _spawn(self, name: str, args: list[str], env: dict[str, str] | None = None, user: str | None = None,
               stop_signal: signal.Signals = signal.SIGTERM) -> None:
        log = (self.settings.var_dir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            args, cwd=PROJECT_DIR, stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
                 **(env or {})},
            start_new_session=True, user=user,
        )
        self.stop_signals[name] = stop_signal

    def start_actions(self) -> None:
        bin_dir = Path(sys.executable).parent
        self._spawn("actions", [str(bin_dir / "rasa"), "run", "actions", "--port", str(self.settings.action_port),
                                "--actions", "actions"], env={"SANIC_HOST": "127.0.0.1", "OSCE_BOT_WARM_UP": "1"})

    def start_rasa(self, index: int = 0) -> None:
        """Start replica ``index`` (0 is the only one by default)."""
        s = self.settings
        bin_dir = Path(sys.executable).parent
        endpoints = s.var_dir / "endpoints.yml"
        if not endpoints.exists():
            write_endpoints(s)
        env = {"TICKET_LOCK_LIFETIME": os.environ.get("TICKET_LOCK_LIFETIME", str(LOCK_LIFETIME))} if s.lock_url else {}
        self._spawn(replica_name(index), [str(bin_dir / "rasa"), "run", "-m", str(s.model), "-i", s.host,
                                          "-p", str(s.rasa_ports[index]), "--endpoints", str(endpoints),
                                          "--credentials", "credentials.yml", "--cors", s.web_origin], env=env)

    def start_web(self) -> None:
        self._spawn("web", [sys.executable, "-m", "bot.runtime.web", "--host", self.settings.host,
                            "--port", str(self.settings.web_port), "--rasa-url", self.settings.rasa_url,
                            "--tracker-db", str(self.settings.var_dir / "tracker.db")])

    def start_balancer(self, name: str = "nginx", port: int = 0, replica_ports: list[int] | None = None) -> None:
        """nginx in front of ``replica_ports`` (all replicas by default) on ``port`` (the balancer port)."""
        s = self.settings
        config = balancer.write_config(s.var_dir / name, s.host, port or s.balancer_port,
                                       replica_ports or s.rasa_ports, s.web_port)
        self._spawn(name, balancer.command(config))

    def start_postgres(self, stores: LocalStores) -> None:
        """PostgreSQL in ``stores.postgres_dir``; stopped with SIGINT (fast shutdown: it would wait for
        Rasa's pooled connections on SIGTERM)."""
        stores.init_postgres()
        self._spawn("postgres", stores.postgres_command(), user=postgres_user(), stop_signal=signal.SIGINT)
        stores.create_database()

    def start_stores(self, stores: LocalStores) -> None:
        """The local PostgreSQL and Redis, before any replica needs them."""
        for port, what in ((stores.postgres_port, "PostgreSQL"), (stores.redis_port, "Redis")):
            check_port_free("127.0.0.1", port, what)
        self.settings.var_dir.mkdir(parents=True, exist_ok=True)
        self._spawn("redis", stores.redis_command())
        self.start_postgres(stores)

    def ports(self) -> list[tuple[str, int, str]]:
        """(host, port, what) of every port this set of processes listens on."""
        s = self.settings
        found = [("127.0.0.1", s.action_port, "serveur d'actions"),
                 *[(s.host, port, "serveur Rasa") for port in s.rasa_ports], (s.host, s.web_port, "page de chat")]
        return found + ([(s.host, s.balancer_port, "répartiteur nginx")] if s.balancer_port else [])

    def start_all(self) -> None:
        s = self.settings
        s.check()
        for host, port, what in self.ports():
            check_port_free(host, port, what)
        s.var_dir.mkdir(parents=True, exist_ok=True)
        write_endpoints(s)
        self.start_actions()
        for index in range(s.replicas):
            self.start_rasa(index)
        self.start_web()
        if s.balancer_port:
            self.start_balancer()

    def urls(self) -> dict[str, str]:
        """A URL per process that answers once the process is ready."""
        s = self.settings
        found = {"actions": f"http://127.0.0.1:{s.action_port}/health", "web": f"http://{s.host}:{s.web_port}/",
                 **{replica_name(i): s.replica_url(i) + "/" for i in range(s.replicas)}}
        if s.balancer_port:
            found["nginx"] = s.rasa_url + "/webhooks/rest/"
        return {name: url for name, url in found.items() if name in self.processes}

    def wait_ready(self, timeout: float = 240) -> float:
        """Seconds until every process answers; raises if a process dies or time runs out."""
        start = time.perf_counter()
        pending = self.urls()
        while pending:
            for name, proc in self.processes.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"le processus {name} s'est arrêté (voir {self.settings.var_dir}/{name}.log)")
            for name, url in list(pending.items()):
                try:
                    urllib.request.urlopen(url, timeout=2).read()
                    del pending[name]
                except OSError:
                    pass
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"pas prêt après {timeout:.0f} s : {', '.join(pending)}")
            time.sleep(0.5)
        return time.perf_counter() - start

    def stop(self, names: list[str] | None = None) -> None:
        for name in names or list(reversed(self.processes)):
            proc = self.processes.pop(name, None)
            if proc is None or proc.poll() is not None:
                continue
            os.killpg(proc.pid, self.stop_signals.get(name, signal.SIGTERM))
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def describe_stack(settings: Settings) -> str:
    """The lines that say what runs beyond the embedded default ('' for the default)."""
    if settings.replicas == 1 and not settings.balancer_port and not settings.lock_url and not settings.tracker_url:
        return ""
    replicas = ", ".join(f"{settings.host}:{port}" for port in settings.rasa_ports)
    return (f"\n  Répliques    : {settings.replicas} ({replicas})\n"
            f"  Conversations: {redact(settings.tracker_url) or 'SQLite'}\n"
            f"  Verrou       : {redact(settings.lock_url) or 'en mémoire'}")


def redact(url: str) -> str:
    """``url`` without its password, for printing."""
    head, at, tail = url.rpartition("@")
    if not at or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, credentials = head.partition("//")
    return f"{scheme}//{credentials.split(':', 1)[0]}:***@{tail}"


def run_forever(settings: Settings, stores: LocalStores | None = None) -> int:
    """Start everything (the local stores first, if given), print the address, stop everything on Ctrl-C."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    servers = Servers(settings)
    try:
        settings.check()
        if stores:
            print("Démarrage de PostgreSQL et Redis...", flush=True)
            servers.start_stores(stores)
        servers.start_all()
        print("Démarrage des serveurs (environ 30 à 60 s)...", flush=True)
        ready = servers.wait_ready()
        print(f"Prêt en {ready:.0f} s.\n  Page de chat : {settings.web_url}\n  API REST     : {settings.rasa_url}"
              f"/webhooks/rest/webhook{describe_stack(settings)}\nCtrl-C pour tout arrêter.", flush=True)
        while all(p.poll() is None for p in servers.processes.values()):
            time.sleep(1)
        print("Un serveur s'est arrêté ; voir les journaux dans var/.", file=sys.stderr)
        return 1
    except (PortInUse, BadSettings, BadStoreUrl, StoreProblem) as error:
        print(error, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nArrêt des serveurs...", flush=True)
        return 0
    finally:
        servers.stop()
