"""The production layout for end-to-end tests: PostgreSQL, Redis, two Rasa replicas, actions, nginx.

Started once per session, on its own ports (``OSCE_BOT_TEST_PORT_BASE`` + 1xx) and
in its own directory; skipped, saying what to install, where PostgreSQL, Redis or
nginx is missing (``.ci/run`` installs them).
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.runtime.local_stores import LocalStores, missing
from bot.runtime.servers import Servers
from bot.runtime.settings import Settings
from tests.servers_fixture import post


@dataclass
class Stack:
    servers: Servers
    stores: LocalStores

    @property
    def settings(self) -> Settings:
        return self.servers.settings

    def replica_url(self, index: int) -> str:
        return self.settings.replica_url(index)

    @property
    def balancer_url(self) -> str:
        return self.settings.rasa_url

    def user_texts(self, sender: str) -> list[str]:
        """The texts of the user turns stored in PostgreSQL for ``sender``, in order."""
        return [json.loads(data).get("text") or "" for type_name, data in self.events(sender) if type_name == "user"]

    def events(self, sender: str) -> list[tuple[str, str]]:
        """(type, JSON data) of every event stored for ``sender``, in order."""
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.stores.postgres_port, user="osce", dbname="osce")
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id", (sender,))
                return list(cursor.fetchall())
        finally:
            connection.close()


def stack_settings(var_dir: Path, stores: LocalStores) -> Settings:
    base = int(os.environ.get("OSCE_BOT_TEST_PORT_BASE", "15000"))
    return Settings(host="127.0.0.1", rasa_port=base + 105, action_port=base + 155, web_port=base + 180,
                    var_dir=var_dir, tracker_url=stores.tracker_url, lock_url=stores.lock_url, replicas=2,
                    balancer_port=base + 190)


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    problems = missing()
    if problems:
        pytest.skip("pile de production absente : " + " ; ".join(problems))
    var_dir = Path(tempfile.mkdtemp(prefix="osce-stack-"))
    var_dir.chmod(0o755)  # PostgreSQL runs as its own user and must reach its data directory
    base = int(os.environ.get("OSCE_BOT_TEST_PORT_BASE", "15000"))
    stores = LocalStores(var_dir, postgres_port=base + 132, redis_port=base + 179)
    servers = Servers(stack_settings(var_dir, stores))
    try:
        servers.start_stores(stores)
        servers.start_all()
        servers.wait_ready()
        yield Stack(servers, stores)
    finally:
        servers.stop()
        shutil.rmtree(var_dir, ignore_errors=True)


def say_to(url: str, sender: str, text: str, timeout: float = 90) -> tuple[int, str]:
    """Send one REST message to ``url``; (status, joined texts) — never raises on HTTP or network errors."""
    try:
        status, messages = post(url + "/webhooks/rest/webhook", json.dumps({"sender": sender, "message": text}),
                                timeout=timeout)
    except OSError as error:
        return 0, str(error)
    if status != 200 or not isinstance(messages, list):
        return status, str(messages)
    if any(m.get("recipient_id") != sender for m in messages):
        return -1, f"reply addressed to another conversation: {messages}"
    return status, "\n".join(m.get("text", "") for m in messages)
