"""Conversations over the real REST channel, with the real action server and tracker store."""
from __future__ import annotations

import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.runtime.channels import APOLOGY, EMPTY
from bot.runtime.servers import Servers
from tests.servers_fixture import post, say
from tests.socket_chat import SocketChat

pytestmark = pytest.mark.servers


def sender() -> str:
    return f"t-{uuid.uuid4().hex[:10]}"


def test_follow_ups_keep_the_question(servers: Servers) -> None:
    s = sender()
    assert "1992" in say(servers, s, "Quand le Japon est-il devenu partenaire ?")
    assert "2000" in say(servers, s, "Et la Thaïlande ?")
    assert "2009" in say(servers, s, "et l'Australie ?")
    assert "Brochure" in say(servers, s, "Quelle est ta source ?")


def test_group_follow_up(servers: Servers) -> None:
    s = sender()
    asian = say(servers, s, "Quels sont les partenaires asiatiques ?")
    assert "Japon" in asian and "Maroc" not in asian
    med = say(servers, s, "Et les méditerranéens ?")
    assert "Maroc" in med and "Japon" not in med


def test_a_subject_alone_or_misspelt_continues_the_conversation(servers: Servers) -> None:
    s = sender()
    assert "1992" in say(servers, s, "Quand le Japon est-il devenu partenaire ?")
    assert "en 2000" in say(servers, s, "Tailande ?")
    assert "Maroc" in say(servers, s, "méditerranéens ?")


def test_a_country_whose_name_contains_a_partner_name_is_not_that_partner(servers: Servers) -> None:
    reply = say(servers, sender(), "La Corée du Nord est-elle partenaire ?")
    assert reply.startswith("Non, la Corée du Nord") and "1994" not in reply and "Oui" not in reply


def test_a_comparison_gets_one_order(servers: Servers) -> None:
    reply = say(servers, sender(), "Lequel a rejoint l'OSCE le premier : le Maroc ou l'Australie ?")
    assert "Le Maroc est devenu partenaire en premier" in reply and "avant l'Australie" in reply


@pytest.mark.parametrize("text", ["azertyuiop", "qsdf jklm wxcv", "zrtpqk vbnxw ?"])
def test_keyboard_mashing_asks_to_rephrase(servers: Servers, text: str) -> None:
    assert "reformuler" in say(servers, sender(), text)


@pytest.mark.parametrize(("body", "status"), [
    ("", 400), ("{", 400), ("not json", 400), ("[]", 400), ("null", 400), ('"bonjour"', 400),
    (json.dumps({"sender": "x", "message": 42}), 400), (json.dumps({"sender": ["x"], "message": "bonjour"}), 400),
    (json.dumps({"sender": "x", "message": "bonjour", "metadata": [1]}), 400),
    (json.dumps({"sender": "x"}), 200), (json.dumps({"sender": "x", "message": None}), 200),
    (json.dumps({"message": "bonjour"}), 200),
])
def test_malformed_requests_get_a_clear_answer_and_the_server_survives(servers: Servers, body: str,
                                                                       status: int) -> None:
    got, reply = post(servers.settings.rasa_url + "/webhooks/rest/webhook", body)
    assert got == status, (body, got, reply)
    if status == 400:
        assert isinstance(reply, dict) and "Requête invalide" in reply["error"]
    assert "2000" in say(servers, sender(), "quand la Thaïlande est-elle devenue partenaire ?")


@pytest.mark.parametrize("text", [
    "", "   \n\t ", "a" * 10_000, "🙂🇯🇵 ¿qué? Привет 你好 مرحبا", "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>", "'; DROP TABLE events; --", "Robert'); DELETE FROM partners;--",
    "quand " * 2000, "\u0000\u0001\u202e",
])
def test_bad_input_gets_a_normal_reply(servers: Servers, text: str) -> None:
    s = sender()
    reply = say(servers, s, text)
    assert reply.strip()
    if not text.strip():
        assert reply == EMPTY
    assert "<script>" not in reply or "« <script>" in reply
    assert "1992" in say(servers, s, "Depuis quand le Japon est-il partenaire ?")


def test_huge_sender_id_is_refused_cleanly(servers: Servers) -> None:
    status, _ = post(servers.settings.rasa_url + "/webhooks/rest/webhook",
                     json.dumps({"sender": "s" * 100_000, "message": "bonjour"}))
    assert status == 400
    assert "2000" in say(servers, sender(), "quand la Thaïlande est-elle devenue partenaire ?")


def test_concurrent_senders_get_their_own_replies(servers: Servers) -> None:
    questions = [("Quand le Japon est-il devenu partenaire ?", "1992"),
                 ("Quand la Thaïlande est-elle devenue partenaire ?", "2000"),
                 ("Depuis quand l'Australie est-elle partenaire ?", "2009"),
                 ("Quand la Jordanie est-elle devenue partenaire ?", "1998"),
                 ("En quelle année l'Afghanistan est-il devenu partenaire ?", "2003")]

    def conversation(n: int) -> list[str]:
        s = f"load-{n}-{uuid.uuid4().hex[:6]}"
        errors = []
        for i in range(50):
            question, year = questions[(n + i) % len(questions)]
            reply = say(servers, s, question)
            if year not in reply:
                errors.append(f"{s} #{i}: {question!r} -> {reply[:80]!r}")
        return errors

    with ThreadPoolExecutor(max_workers=20) as pool:
        errors = [e for result in pool.map(conversation, range(20)) for e in result]
    assert errors == []


def test_action_server_down_then_back(servers: Servers) -> None:
    s = sender()
    assert "1992" in say(servers, s, "Quand le Japon est-il devenu partenaire ?")
    servers.stop(["actions"])
    try:
        assert APOLOGY in say(servers, s, "Et la Thaïlande ?")
    finally:
        servers.start_actions()
        servers.wait_ready()
    assert "2009" in say(servers, s, "et l'Australie ?")
    assert "Brochure" in say(servers, s, "Quelle est ta source ?")


def test_rasa_restart_keeps_history_and_slots(servers: Servers) -> None:
    s = sender()
    assert "1992" in say(servers, s, "Quand le Japon est-il devenu partenaire ?")
    servers.stop(["rasa"])
    servers.start_rasa()
    servers.wait_ready()
    assert "Brochure" in say(servers, s, "Quelle est ta source ?")
    assert "2000" in say(servers, s, "Et la Thaïlande ?")
    status, tracker = post(servers.settings.rasa_url + "/conversations/" + s + "/tracker", b"")
    assert status in (403, 404, 405), "the HTTP API must stay off"


BAD_TEXTS = ["", "   \n\t ", "a" * 10_000, "🙂🇯🇵 ¿qué? Привет 你好 مرحبا", "<script>alert('x')</script>",
             "'; DROP TABLE events; --"]


@pytest.mark.parametrize("text", BAD_TEXTS)
def test_socketio_bad_input_gets_a_normal_reply(servers: Servers, text: str) -> None:
    chat = SocketChat(servers.settings.rasa_url)
    try:
        reply = chat.say(text)
        assert reply.strip()
        if not text.strip():
            assert reply == EMPTY
        assert "2000" in chat.say("quand la Thaïlande est-elle devenue partenaire ?")
    finally:
        chat.close()


def test_socketio_malformed_payloads_get_a_clear_reply_and_the_server_survives(servers: Servers) -> None:
    chat = SocketChat(servers.settings.rasa_url)
    sid = chat.session_id
    payloads: list[object] = ["texte brut", None, 42, [sid, "bonjour"], {}, {"message": "bonjour"},
                              {"session_id": ["x"], "message": "bonjour"}, {"session_id": sid, "message": 42},
                              {"session_id": sid, "message": "bonjour", "customData": "{pas du json"},
                              {"session_id": "s" * 100_000, "message": "bonjour"}]
    try:
        for payload in payloads:
            chat.send(payload)
            assert chat.collect(timeout=10).strip(), payload
        assert "2000" in chat.say("quand la Thaïlande est-elle devenue partenaire ?")
    finally:
        chat.close()
    fresh = SocketChat(servers.settings.rasa_url)
    try:
        assert "1992" in fresh.say("Depuis quand le Japon est-il partenaire ?")
    finally:
        fresh.close()
    assert "2009" in say(servers, sender(), "Depuis quand l'Australie est-elle partenaire ?")
