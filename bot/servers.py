"""Start and stop the assistant's three processes: action server, Rasa server, chat page.

Used by ``python -m bot run`` (and so ``make run``) and by the tests that need
real servers. Everything binds to loopback unless ``OSCE_BOT_HOST`` says otherwise.
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

from bot.config import PROJECT_DIR, VAR_DIR

MODEL = PROJECT_DIR / "models" / "osce.tar.gz"


class PortInUse(RuntimeError):
    """A port the assistant needs is taken by another program."""


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    rasa_port: int = 5005
    action_port: int = 5055
    web_port: int = 8080
    var_dir: Path = VAR_DIR
    model: Path = MODEL

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(env.get("OSCE_BOT_HOST", "127.0.0.1"), int(env.get("OSCE_BOT_RASA_PORT", 5005)),
                   int(env.get("OSCE_BOT_ACTION_PORT", 5055)), int(env.get("OSCE_BOT_WEB_PORT", 8080)),
                   Path(env.get("OSCE_BOT_VAR_DIR", VAR_DIR)))

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def web_url(self) -> str:
        return f"http://{self.host}:{self.web_port}/"

    @property
    def web_origin(self) -> str:
        return f"http://{self.host}:{self.web_port}"


def check_port_free(host: str, port: int, what: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as error:
            raise PortInUse(f"Le port {port} ({what}) est déjà utilisé sur {host} : arrêtez le programme qui "
                            f"l'occupe ou choisissez un autre port (variables OSCE_BOT_*_PORT). [{error}]") from None


def write_endpoints(settings: Settings) -> Path:
    """An endpoints.yml for these ports and this tracker database."""
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    path = settings.var_dir / "endpoints.yml"
    path.write_text(
        "action_endpoint:\n"
        f'  url: "http://127.0.0.1:{settings.action_port}/webhook"\n'
        "tracker_store:\n  type: SQL\n  dialect: sqlite\n"
        f'  db: "{settings.var_dir / "tracker.db"}"\n', encoding="utf-8")
    return path


@dataclass
class Servers:
    """The running processes; ``stop()`` ends every one of them."""

    settings: Settings
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def _spawn(self, name: str, args: list[str], env: dict[str, str] | None = None) -> None:
        log = (self.settings.var_dir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            args, cwd=PROJECT_DIR, stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
                 **(env or {})},
            start_new_session=True,
        )

    def start_actions(self) -> None:
        bin_dir = Path(sys.executable).parent
        self._spawn("actions", [str(bin_dir / "rasa"), "run", "actions", "--port", str(self.settings.action_port),
                                "--actions", "actions"], env={"SANIC_HOST": "127.0.0.1"})

    def start_rasa(self) -> None:
        s = self.settings
        bin_dir = Path(sys.executable).parent
        self._spawn("rasa", [str(bin_dir / "rasa"), "run", "-m", str(s.model), "-i", s.host, "-p", str(s.rasa_port),
                             "--endpoints", str(write_endpoints(s)), "--credentials", "credentials.yml",
                             "--cors", s.web_origin])

    def start_web(self) -> None:
        self._spawn("web", [sys.executable, "-m", "bot.web", "--host", self.settings.host,
                            "--port", str(self.settings.web_port), "--rasa-url", self.settings.rasa_url,
                            "--tracker-db", str(self.settings.var_dir / "tracker.db")])

    def start_all(self) -> None:
        s = self.settings
        for port, what in ((s.action_port, "serveur d'actions"), (s.rasa_port, "serveur Rasa"),
                           (s.web_port, "page de chat")):
            check_port_free(s.host if what != "serveur d'actions" else "127.0.0.1", port, what)
        s.var_dir.mkdir(parents=True, exist_ok=True)
        self.start_actions()
        self.start_rasa()
        self.start_web()

    def wait_ready(self, timeout: float = 240) -> float:
        """Seconds until the REST channel answers a message; raises if a process dies or time runs out."""
        start = time.perf_counter()
        urls = {"actions": f"http://127.0.0.1:{self.settings.action_port}/health",
                "rasa": self.settings.rasa_url + "/", "web": self.settings.web_url}
        pending = dict(urls)
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
        for name in names or list(self.processes):
            proc = self.processes.pop(name, None)
            if proc is None or proc.poll() is not None:
                continue
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def run_forever(settings: Settings) -> int:
    """Start everything, print the address, stop everything on Ctrl-C."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    servers = Servers(settings)
    try:
        servers.start_all()
        print("Démarrage des serveurs (environ 30 à 60 s)...", flush=True)
        ready = servers.wait_ready()
        print(f"Prêt en {ready:.0f} s.\n  Page de chat : {settings.web_url}\n  API REST     : {settings.rasa_url}"
              "/webhooks/rest/webhook\nCtrl-C pour tout arrêter.", flush=True)
        while all(p.poll() is None for p in servers.processes.values()):
            time.sleep(1)
        print("Un serveur s'est arrêté ; voir les journaux dans var/.", file=sys.stderr)
        return 1
    except PortInUse as error:
        print(error, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nArrêt des serveurs...", flush=True)
        return 0
    finally:
        servers.stop()
