"""A minimal client of Rasa's socket.io channel, speaking the chat widget's protocol."""
from __future__ import annotations

import queue
import threading
import time
import uuid
from typing import Any

import socketio


class SocketChat:
    """One widget-like session: ``session_request`` then ``user_uttered`` / ``bot_uttered``."""

    def __init__(self, url: str, session_id: str | None = None) -> None:
        self.session_id = session_id or f"ws-{uuid.uuid4().hex[:10]}"
        self.replies: queue.Queue[dict[str, Any]] = queue.Queue()
        confirmed = threading.Event()
        self.client = socketio.Client(reconnection=False)
        self.client.on("bot_uttered", self.replies.put)
        self.client.on("session_confirm", lambda *_: confirmed.set())
        self.client.connect(url, transports=["polling"], socketio_path="/socket.io", wait_timeout=10)
        self.client.emit("session_request", {"session_id": self.session_id})
        if not confirmed.wait(10):
            raise TimeoutError("no session_confirm")

    def send(self, data: object) -> None:
        """Emit any payload as ``user_uttered``, valid or not."""
        self.client.emit("user_uttered", data)

    def collect(self, timeout: float = 30, quiet: float = 1.5) -> str:
        """Texts of every ``bot_uttered`` until ``quiet`` seconds pass without one ('' if none in ``timeout``)."""
        texts: list[str] = []
        deadline = time.monotonic() + timeout
        while True:
            wait = quiet if texts else max(0.0, deadline - time.monotonic())
            try:
                texts.append(self.replies.get(timeout=wait).get("text", ""))
            except queue.Empty:
                return "\n".join(texts)

    def say(self, text: str) -> str:
        self.send({"message": text, "session_id": self.session_id})
        return self.collect()

    def close(self) -> None:
        self.client.disconnect()
