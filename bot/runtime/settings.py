"""The assistant's settings: host, ports, stores and replicas, read from the ``OSCE_BOT_*`` variables."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bot.paths import MODEL, VAR_DIR


class BadSettings(ValueError):
    """Settings that cannot work together (several replicas on a store only one process sees)."""


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    rasa_port: int = 5005
    action_port: int = 5055
    web_port: int = 8080
    var_dir: Path = VAR_DIR
    model: Path = MODEL
    tracker_url: str = ""
    """SQLAlchemy URL of the conversations; empty: the SQLite file ``var_dir/tracker.db``."""
    lock_url: str = ""
    """Redis URL of the per-conversation lock; empty: Rasa's in-memory lock (one process only)."""
    replicas: int = 1
    """Rasa processes, on ``rasa_port``, ``rasa_port + 1``..."""
    balancer_port: int = 0
    """Port of nginx in front of the replicas and the chat page; 0: no load balancer."""
    action_url: str = ""
    """The action server's webhook when it runs elsewhere; empty: this machine's ``action_port``."""

    @classmethod
    def from_env(cls, **defaults: object) -> Settings:
        """Settings from ``OSCE_BOT_*`` variables; ``defaults`` replace the embedded defaults."""
        env = os.environ
        base = cls(**defaults)  # type: ignore[arg-type]

        def number(name: str, default: int) -> int:
            try:
                return int(env.get(name, default))
            except ValueError:
                raise BadSettings(f"{name} doit être un nombre entier (reçu : {env[name]!r}).") from None

        return cls(env.get("OSCE_BOT_HOST", base.host), number("OSCE_BOT_RASA_PORT", base.rasa_port),
                   number("OSCE_BOT_ACTION_PORT", base.action_port), number("OSCE_BOT_WEB_PORT", base.web_port),
                   Path(env.get("OSCE_BOT_VAR_DIR", base.var_dir)), base.model,
                   env.get("OSCE_BOT_TRACKER_URL", base.tracker_url), env.get("OSCE_BOT_LOCK_URL", base.lock_url),
                   number("OSCE_BOT_REPLICAS", base.replicas), number("OSCE_BOT_BALANCER_PORT", base.balancer_port),
                   env.get("OSCE_BOT_ACTION_URL", base.action_url))

    def check(self) -> None:
        """Refuse combinations that would lose or mix conversations."""
        if self.replicas < 1:
            raise BadSettings("OSCE_BOT_REPLICAS doit valoir au moins 1.")
        if self.replicas > 1 and not (self.tracker_url.startswith("postgres") and self.lock_url.startswith("redis")):
            raise BadSettings("Plusieurs répliques de Rasa doivent partager les conversations et leur verrou : "
                              "donnez OSCE_BOT_TRACKER_URL=postgresql://… et OSCE_BOT_LOCK_URL=redis://… "
                              "(ou lancez `python -m bot stack`).")
        if self.replicas > 1 and not self.balancer_port:
            raise BadSettings("Plusieurs répliques de Rasa ont besoin du répartiteur : donnez OSCE_BOT_BALANCER_PORT.")

    @property
    def rasa_ports(self) -> list[int]:
        return [self.rasa_port + i for i in range(self.replicas)]

    def replica_url(self, index: int) -> str:
        return f"http://{self.host}:{self.rasa_ports[index]}"

    @property
    def rasa_url(self) -> str:
        """Where clients talk to Rasa: nginx when there is one, else the only replica."""
        return f"http://{self.host}:{self.balancer_port}" if self.balancer_port else self.replica_url(0)

    @property
    def web_url(self) -> str:
        return f"http://{self.host}:{self.balancer_port or self.web_port}/"

    @property
    def web_origin(self) -> str:
        return self.web_url.rstrip("/")
