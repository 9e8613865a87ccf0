"""A conversation as Rasa's SQL tracker store holds it, in the chat widget's own storage format.

The widget (rasa-webchat 1.0.1) keeps its messages in ``localStorage["chat_session"]``
but shows each incoming reply only after a delay queue, and stores it only once shown:
a reload while replies wait in that queue loses them for good, since the socket.io
channel never sends history. The page therefore asks this module, through the web
server's ``/conversation`` endpoint, for what the tracker holds and writes that into
the widget's storage before the widget starts.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

INIT_PAYLOAD = "/greet"
MAX_SESSION_ID = 256
Message = dict[str, Any]


def tracker_events(tracker_db: Path, session_id: str) -> Iterator[tuple[str, float, dict[str, Any]]]:
    """(type, timestamp, data) of the session's user and bot events, oldest first; none if no database."""
    if not tracker_db.exists():
        return
    connection = sqlite3.connect(f"file:{tracker_db}?mode=ro", uri=True, timeout=5)
    try:
        try:
            rows = connection.execute(
                "SELECT type_name, timestamp, data FROM events WHERE sender_id = ? AND type_name IN ('user', 'bot') "
                "ORDER BY id", (session_id,)).fetchall()
        except sqlite3.OperationalError:
            return
    finally:
        connection.close()
    for type_name, timestamp, data in rows:
        yield type_name, timestamp or 0.0, json.loads(data or "{}")


def _user_message(text: str, timestamp: float) -> Message:
    return {"type": "text", "text": text, "sender": "client", "showAvatar": False, "timestamp": int(timestamp * 1000)}


def _bot_message(text: str, buttons: list[dict[str, Any]], timestamp: float) -> Message:
    if not buttons:
        return {"type": "text", "text": text, "sender": "response", "showAvatar": True,
                "timestamp": int(timestamp * 1000)}
    replies = [{"content_type": "text", "title": b.get("title", ""), "payload": b.get("payload", "")} for b in buttons]
    return {"type": "buttons", "text": text, "hint": "Select an option...", "quick_replies": replies,
            "sender": "response", "showAvatar": True, "chosenReply": None, "timestamp": int(timestamp * 1000)}


def widget_messages(events: Iterator[tuple[str, float, dict[str, Any]]],
                    link: Callable[[str], str] = lambda text: text) -> list[Message]:
    """The messages the widget would have shown.

    Like Rasa's socket.io output, a bot text is one message per ``\n\n``-separated part, the
    buttons on the last; a clicked button shows its title; the greeting payload shows nothing.
    """
    messages: list[Message] = []
    offered: Message | None = None
    for type_name, timestamp, data in events:
        text = data.get("text") or ""
        if type_name == "bot":
            buttons = (data.get("data") or {}).get("buttons") or []
            if text or buttons:
                parts = link(text).strip().split("\n\n")
                messages.extend(_bot_message(part, [], timestamp) for part in parts[:-1])
                messages.append(_bot_message(parts[-1], buttons, timestamp))
                offered = messages[-1] if buttons else None
            continue
        chosen = next((r["title"] for r in (offered or {}).get("quick_replies", []) if r["payload"] == text), None)
        if chosen is not None and offered is not None:
            offered["chosenReply"] = chosen
            messages.append(_user_message(chosen, timestamp))
        elif text and text != INIT_PAYLOAD:
            messages.append(_user_message(text, timestamp))
        offered = None
    return messages
