"""Real servers for end-to-end tests, on their own ports and their own tracker database."""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.runtime.servers import Servers
from bot.runtime.settings import Settings


def test_settings(var_dir: Path) -> Settings:
    base = int(os.environ.get("OSCE_BOT_TEST_PORT_BASE", "15000"))
    return Settings(host="127.0.0.1", rasa_port=base + 5, action_port=base + 55, web_port=base + 80, var_dir=var_dir)


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    running = Servers(test_settings(tmp_path_factory.mktemp("var")))
    running.start_all()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


def post(url: str, body: bytes | str, timeout: float = 60) -> tuple[int, object]:
    """POST raw bytes; return (status, decoded JSON or text) without raising on HTTP errors."""
    data = body.encode() if isinstance(body, str) else body
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        raw, status = error.read(), error.code
    try:
        return status, json.loads(raw or b"null")
    except json.JSONDecodeError:
        return status, raw.decode(errors="replace")


def say(servers: Servers, sender: str, text: str) -> str:
    """Send one message over REST; return every text of the reply, joined."""
    status, messages = post(servers.settings.rasa_url + "/webhooks/rest/webhook",
                            json.dumps({"sender": sender, "message": text}))
    assert status == 200, (status, messages)
    assert isinstance(messages, list)
    return "\n".join(m.get("text", "") for m in messages)
