"""Several Rasa replicas on shared PostgreSQL and Redis, behind nginx: nothing lost, crossed or forgotten.

Each conversation's turns are sent to both replicas in turn, so a follow-up that
is still understood proves the state is shared; two turns of one conversation
sent to both replicas at once prove it is locked. Then a replica is killed under
load, and PostgreSQL is restarted. The checks are facts (years), never wording.
"""
from __future__ import annotations

import json
import os
import signal
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.runtime.balancer import COOKIE
from bot.runtime.channels import APOLOGY
from bot.runtime.lock_store import AtomicRedisLockStore
from bot.runtime.servers import replica_name
from tests.socket_chat import SocketChat
from tests.stack_fixture import Stack, say_to

pytestmark = pytest.mark.stack

# (question, expected fact), then a follow-up that only makes sense with the question's history.
PAIRS = [
    (("Quand la Thaïlande est-elle devenue partenaire ?", "2000"), ("Et le Japon ?", "1992")),
    (("Quand le Japon est-il devenu partenaire ?", "1992"), ("Et la Thaïlande ?", "2000")),
    (("Quand le Japon est-il devenu partenaire ?", "1992"), ("et l'Australie ?", "2009")),
    (("Depuis quand l'Australie est-elle partenaire ?", "2009"), ("Et le Japon ?", "1992")),
]


def script(n: int, messages: int) -> list[tuple[str, str]]:
    """Conversation ``n``: ``messages`` turns, questions and their follow-ups alternating."""
    return [PAIRS[(n + i // 2) % len(PAIRS)][i % 2] for i in range(messages)]


def sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(any(item == candidate for candidate in remaining) for item in needles)


def turns_are_whole(events: list[tuple[str, str]]) -> bool:
    """Every user turn is followed by its own reply and ends on ``action_listen`` before the next one starts."""
    turns: list[list[tuple[str, str]]] = []
    for type_name, data in events:
        if type_name == "user":
            turns.append([])
        elif turns:
            turns[-1].append((type_name, json.loads(data).get("name", "")))
    return bool(turns) and all(any(t == "bot" for t, _ in turn) and turn[-1] == ("action", "action_listen")
                               for turn in turns)


def new_log_lines(log: Path, since: int) -> list[str]:
    with log.open(encoding="utf-8", errors="replace") as f:
        f.seek(since)
        return f.read().splitlines()


def test_conversations_spread_over_both_replicas_lose_and_cross_nothing(stack: Stack) -> None:
    """20 clients × 50 messages; each turn goes to the other replica than the turn before it."""
    def conversation(n: int) -> tuple[str, list[str], list[str]]:
        s = sender(f"share-{n}")
        sent, problems = [], []
        for i, (text, fact) in enumerate(script(n, 50)):
            status, reply = say_to(stack.replica_url((n + i) % 2), s, text)
            sent.append(text)
            if status != 200 or fact not in reply:
                problems.append(f"{s} #{i} on {replica_name((n + i) % 2)}: {text!r} -> {status} {reply[:100]!r}")
        return s, sent, problems

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(conversation, range(20)))
    assert [p for _, _, ps in results for p in ps] == []
    for s, sent, _ in results:
        assert stack.user_texts(s) == sent, f"{s}: stored turns differ from the ones sent (lost or crossed)"
        assert turns_are_whole(stack.events(s)), s


def test_two_turns_of_one_conversation_sent_to_both_replicas_at_once_are_serialised(stack: Stack) -> None:
    """The Redis lock makes the second turn wait for the first, whichever replica has it."""
    questions = [("Quand le Japon est-il devenu partenaire ?", "1992"),
                 ("Quand la Thaïlande est-elle devenue partenaire ?", "2000")]

    def conversation(n: int) -> tuple[str, list[str]]:
        s = sender(f"lock-{n}")
        problems = []
        for _ in range(4):
            with ThreadPoolExecutor(max_workers=2) as pair:
                replies = list(pair.map(lambda i: say_to(stack.replica_url(i), s, questions[i][0]), (0, 1)))
            problems += [f"{s}: {questions[i][0]!r} -> {status} {reply[:100]!r}"
                         for i, (status, reply) in enumerate(replies) if status != 200 or questions[i][1] not in reply]
        return s, problems

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(conversation, range(10)))
    assert [p for _, ps in results for p in ps] == []
    for s, _ in results:
        assert sorted(stack.user_texts(s)) == sorted([q for q, _ in questions] * 4), s
        assert turns_are_whole(stack.events(s)), f"{s}: two turns interleaved in the tracker"


def test_tickets_issued_at_once_by_two_replicas_lock_stores_are_all_different(stack: Stack) -> None:
    """Rasa's Redis lock store reads, changes and writes a lock back: two processes can take the same ticket."""
    stores = [AtomicRedisLockStore(host="127.0.0.1", port=stack.stores.redis_port, db=1) for _ in range(2)]
    conversation = sender("tickets")
    with ThreadPoolExecutor(max_workers=4) as pool:
        batches = list(pool.map(lambda i: [stores[i % 2].issue_ticket(conversation) for _ in range(100)], range(4)))
    tickets = [t for batch in batches for t in batch]
    assert len(set(tickets)) == len(tickets) == 400
    for ticket in tickets:
        stores[ticket % 2].cleanup(conversation, ticket)
    assert stores[0].get_lock(conversation) is None


def test_nginx_spreads_rest_requests_over_both_replicas(stack: Stack) -> None:
    log = stack.settings.var_dir / "nginx" / "access.log"
    since = log.stat().st_size
    s = sender("nginx")
    for (question, fact), (follow_up, fact_2) in PAIRS:
        status, reply = say_to(stack.balancer_url, s, question)
        assert status == 200 and fact in reply, (question, reply)
        status, reply = say_to(stack.balancer_url, s, follow_up)
        assert status == 200 and fact_2 in reply, (follow_up, reply)
    upstreams = {line.split("upstream=")[1].split()[0] for line in new_log_lines(log, since)
                 if "POST /webhooks/rest/webhook" in line}
    assert upstreams == {f"127.0.0.1:{port}" for port in stack.settings.rasa_ports}


def test_socketio_through_nginx_stays_on_one_replica_and_keeps_the_conversation(stack: Stack) -> None:
    log = stack.settings.var_dir / "nginx" / "access.log"
    since = log.stat().st_size
    chats = [SocketChat(stack.balancer_url) for _ in range(3)]
    try:
        for chat in chats:
            assert "2000" in chat.say("Quand la Thaïlande est-elle devenue partenaire ?")
            assert "1992" in chat.say("Et le Japon ?")
    finally:
        for chat in chats:
            chat.close()
    by_sid: dict[str, set[str]] = {}
    for line in new_log_lines(log, since):
        if "/socket.io/" in line and "sid=" in line:
            sid = line.split("sid=")[1].split("&")[0].split()[0]
            by_sid.setdefault(sid, set()).add(line.split("upstream=")[1].split()[0])
    assert by_sid and all(len(upstreams) == 1 for upstreams in by_sid.values()), by_sid


def test_the_chat_page_through_nginx_sets_the_sticky_cookie_and_answers(stack: Stack) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.test_chat_page import ARGS, CHROMIUM

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            context = browser.new_context(locale="fr-FR")
            page = context.new_page()
            page.goto(stack.settings.web_url)
            page.get_by_text("Bonjour", exact=False).first.wait_for(timeout=30_000)
            box = page.locator(".rw-new-message")
            box.fill("quand la Thaïlande est-elle devenue partenaire ?")
            box.press("Enter")
            page.get_by_text("2000", exact=False).first.wait_for(timeout=30_000)
            assert COOKIE in {c["name"] for c in context.cookies()}
        finally:
            browser.close()


def test_postgresql_restarted_the_replicas_reconnect_and_keep_the_history(stack: Stack) -> None:
    s = sender("pg")
    status, reply = say_to(stack.replica_url(0), s, "Quand la Thaïlande est-elle devenue partenaire ?")
    assert status == 200 and "2000" in reply
    stack.servers.stop(["postgres"])
    with ThreadPoolExecutor(max_workers=1) as pool:
        during = pool.submit(say_to, stack.replica_url(1), s, "Et le Japon ?")
        time.sleep(2)
        stack.servers.start_postgres(stack.stores)
        status, reply = during.result()
    assert status == 200 and "1992" in reply, "a turn sent while PostgreSQL was down waits for it"
    status, reply = say_to(stack.replica_url(0), s, "et l'Australie ?")
    assert status == 200 and "2009" in reply
    assert stack.user_texts(s) == ["Quand la Thaïlande est-elle devenue partenaire ?", "Et le Japon ?",
                                   "et l'Australie ?"]


def test_one_replica_killed_under_load_the_other_goes_on_and_nothing_acknowledged_is_lost(stack: Stack) -> None:
    """10 clients × 30 messages through nginx; replica 2 is killed (SIGKILL) once 60 turns are answered.

    A turn the dead replica never acknowledged (an error, or the apology for a failed
    turn) is sent again, as a client would; every
    acknowledged turn must be in PostgreSQL, and the follow-ups after the kill must still
    find their question.
    """
    acknowledged = 0
    counter = threading.Lock()
    killed = threading.Event()
    victim = stack.servers.processes[replica_name(1)]

    def kill_when_busy() -> None:
        while acknowledged < 60:
            time.sleep(0.05)
        os.killpg(victim.pid, signal.SIGKILL)
        killed.set()

    def conversation(n: int) -> tuple[str, list[str], list[str], int]:
        nonlocal acknowledged
        s = sender(f"kill-{n}")
        acked, problems, after_kill = [], [], 0
        for i, (text, fact) in enumerate(script(n, 30)):
            for _attempt in range(5):
                status, reply = say_to(stack.balancer_url, s, text)
                if status == 200 and APOLOGY not in reply:
                    break
                time.sleep(0.5)
            if status != 200 or fact not in reply:
                problems.append(f"{s} #{i}: {text!r} -> {status} {reply[:100]!r}")
                continue
            acked.append(text)
            after_kill += killed.is_set()
            with counter:
                acknowledged += 1
        return s, acked, problems, after_kill

    killer = threading.Thread(target=kill_when_busy, daemon=True)
    killer.start()
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(conversation, range(10)))
    killer.join(timeout=5)
    assert killed.is_set() and victim.poll() is not None, "the replica was not killed during the load"
    assert [p for _, _, ps, _ in results for p in ps] == []
    assert sum(after for *_, after in results) > 0, "no turn was answered after the kill"
    for s, acked, _, _ in results:
        assert is_subsequence(acked, stack.user_texts(s)), f"{s}: an acknowledged turn is missing"
    status, reply = say_to(stack.replica_url(0), sender("after"), "Quand le Japon est-il devenu partenaire ?")
    assert status == 200 and "1992" in reply
