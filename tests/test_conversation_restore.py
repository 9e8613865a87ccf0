"""The conversation the chat page restores on reload: Rasa's tracker events in the widget's format."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from bot.runtime.web.conversation import tracker_events, widget_messages

GREETING_BUTTONS = [{"title": "Quels sont les partenaires ?",
                     "payload": "Quels sont les partenaires pour la coopération ?"}]


def write_tracker(path: Path, sender: str, events: list[tuple[str, dict]]) -> None:
    """A tracker database with Rasa's ``events`` table layout."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, timestamp REAL, "
                   "intent_name TEXT, action_name TEXT, data TEXT)")
        for n, (type_name, data) in enumerate(events):
            db.execute("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, ?, ?, ?)",
                       (sender, type_name, 1000.0 + n, json.dumps(data)))
        db.execute("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES ('other', 'user', 1, ?)",
                   (json.dumps({"text": "someone else"}),))


def test_tracker_events_become_what_the_widget_showed(tmp_path: Path) -> None:
    db = tmp_path / "tracker.db"
    write_tracker(db, "s1", [
        ("user", {"text": "/greet"}),
        ("action", {"name": "utter_greet"}),
        ("bot", {"text": "Bonjour !", "data": {"buttons": GREETING_BUTTONS}}),
        ("user", {"text": "Quels sont les partenaires pour la coopération ?"}),
        ("bot", {"text": "Onze partenaires.\n\nSource : Brochure, § 2.", "data": {}}),
        ("user", {"text": "Et le Japon ?"}),
        ("bot", {"text": "En 1992.", "data": {}}),
    ])
    messages = widget_messages(tracker_events(db, "s1"), lambda text: text.replace("§ 2", "[§ 2](/d#p-2)"))
    assert [(m["sender"], m["text"]) for m in messages] == [
        ("response", "Bonjour !"),
        ("client", "Quels sont les partenaires ?"),
        ("response", "Onze partenaires."),
        ("response", "Source : Brochure, [§ 2](/d#p-2)."),
        ("client", "Et le Japon ?"),
        ("response", "En 1992."),
    ]
    assert messages[0]["type"] == "buttons" and messages[0]["chosenReply"] == "Quels sont les partenaires ?"
    assert messages[0]["quick_replies"][0]["payload"] == GREETING_BUTTONS[0]["payload"]
    assert messages[1]["timestamp"] == 1_003_000


def test_no_database_or_unknown_session_gives_nothing(tmp_path: Path) -> None:
    assert widget_messages(tracker_events(tmp_path / "missing.db", "s1")) == []
    db = tmp_path / "tracker.db"
    write_tracker(db, "s1", [("user", {"text": "Bonjour"})])
    assert widget_messages(tracker_events(db, "nobody")) == []
