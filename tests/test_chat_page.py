"""The chat page and the document pages in headless Debian Chromium, driven by Playwright, against the real servers."""
from __future__ import annotations

import json
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.runtime.servers import Servers
from tests.servers_fixture import say

pytestmark = pytest.mark.servers

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPLY_TIMEOUT = 30_000
FAST_QUESTIONS = [("Quand la Thaïlande est-elle devenue partenaire ?", "2000"),
                  ("Quand le Japon est-il devenu partenaire ?", "1992"),
                  ("Quand l'Australie est-elle devenue partenaire ?", "2009"),
                  ("Quand la Mongolie est-elle devenue partenaire ?", "2004")]
TYPING_PAUSE_MS = 1500


class BrowserLog:
    """Console errors, uncaught exceptions and requests to any host but the page's own."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def watch(self, page) -> None:  # noqa: ANN001 - playwright Page
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("request", lambda r: None if urlsplit(r.url).hostname in ("127.0.0.1", None) or r.url.startswith(
            ("data:", "blob:")) else self.problems.append(f"outside request: {r.url}"))


@pytest.fixture()
def browser_context(servers: Servers) -> Iterator:
    """A fresh Chromium profile (empty localStorage) per test."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser.new_context(locale="fr-FR", viewport={"width": 1100, "height": 800})
        browser.close()


@pytest.fixture()
def page(browser_context):  # noqa: ANN001, ANN201 - playwright objects
    return browser_context.new_page()


def ask(page, text: str) -> None:  # noqa: ANN001
    box = page.locator(".rw-new-message")
    box.fill(text)
    box.press("Enter")


def wait_for_greeting(page) -> None:  # noqa: ANN001
    page.locator("#webchat .rw-response .rw-message-text").first.wait_for(timeout=REPLY_TIMEOUT)


def shown_messages(page) -> list[tuple[str, str]]:  # noqa: ANN001
    """(« client » or « response », text) of every message on screen, top to bottom."""
    return [tuple(m) for m in page.locator("#webchat .rw-message").evaluate_all(
        "els => els.map(e => [e.querySelector('.rw-client') ? 'client' : 'response', e.innerText.trim()])")]


def session_id(page) -> str:  # noqa: ANN001
    return page.evaluate("JSON.parse(localStorage.getItem('chat_session')).session_id")


def axe_serious_violations(page) -> list[str]:  # noqa: ANN001
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("async () => (await axe.run(document)).violations"
                               ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))")
    return [f"{v['id']} ({v['impact']}): {v['nodes'][:3]}" for v in violations
            if v["impact"] in ("serious", "critical")]


def test_chat_page_answers_and_keeps_the_conversation(page, servers: Servers, tmp_path: Path) -> None:  # noqa: ANN001
    page.goto(servers.settings.web_url)
    assert page.title().startswith("Assistant OSCE")
    page.get_by_text("Bonjour", exact=False).first.wait_for(timeout=REPLY_TIMEOUT)
    ask(page, "quand la Thaïlande est-elle devenue partenaire ?")
    page.get_by_text("2000", exact=False).first.wait_for(timeout=REPLY_TIMEOUT)
    page.get_by_text("Source", exact=False).first.wait_for(timeout=REPLY_TIMEOUT)
    page.screenshot(path=str(tmp_path / "chat-page.png"))
    page.reload()
    page.get_by_text("2000", exact=False).first.wait_for(timeout=REPLY_TIMEOUT)
    assert "Thaïlande est devenue partenaire" in page.locator("#webchat").inner_text()


def test_markup_is_shown_as_text_never_run(page, servers: Servers) -> None:  # noqa: ANN001
    page.goto(servers.settings.web_url)
    page.get_by_text("Bonjour", exact=False).first.wait_for(timeout=REPLY_TIMEOUT)
    page.evaluate("window.__pwned = false")
    payload = "<img src=x onerror=\"window.__pwned=true\"><script>window.__pwned=true</script> bonjour"
    ask(page, payload)
    page.locator(".rw-client").last.wait_for(timeout=10_000)
    page.locator("#webchat .rw-response").nth(1).wait_for(timeout=REPLY_TIMEOUT)
    assert page.evaluate("window.__pwned") is False
    assert page.locator("#webchat img[src=x]").count() == 0
    assert "<script>" in page.locator(".rw-client").last.inner_text()


def test_rest_reply_keeps_its_plain_citation(servers: Servers) -> None:
    """Only the chat page gets links: the REST text is what evaluation scripts match."""
    text = say(servers, "rest-plain-citation", "Quand la Thaïlande est-elle devenue partenaire ?")
    assert "2000" in text
    assert "\nSource : Brochure « Le partenariat de l'OSCE pour la coopération », § 4." in text
    assert "/documents/" not in text and "](" not in text


def test_citation_link_opens_its_paragraph_with_the_quote_marked(browser_context, servers: Servers) -> None:  # noqa: ANN001
    page = browser_context.new_page()
    page.goto(servers.settings.web_url)
    wait_for_greeting(page)
    ask(page, "Que dit le paragraphe 9 de la décision 5/11 ?")
    link = page.locator("#webchat .rw-response a[href*='/documents/']").last
    link.wait_for(timeout=REPLY_TIMEOUT)
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in (link.get_attribute("rel") or "")
    reply = page.locator("#webchat .rw-response").evaluate_all("els => els.map(e => e.innerText).join(' ')")
    with browser_context.expect_page() as opened:
        link.click()
    document = opened.value
    document.wait_for_load_state()
    url = urlsplit(document.url)
    assert url.path == "/documents/mc-dec-5-11" and url.fragment == "p-9"
    target = document.locator(":target")
    assert target.get_attribute("id") == "p-9"
    assert target.is_visible()
    assert "Conseil permanent No 430" in target.inner_text()
    marked = target.locator("mark").inner_text()
    assert len(marked) > 20 and marked in reply
    assert parse_qs(url.query)["q"][0].startswith(marked[:20])


def test_document_page_marks_a_quote_and_shows_markup_as_text(page, servers: Servers) -> None:  # noqa: ANN001
    page.goto(servers.settings.web_url + "documents/brochure?p=4&q=la%20Tha%C3%AFlande%20(2000)#p-4")
    assert page.locator(":target mark").inner_text() == "la Thaïlande (2000)"
    assert page.locator("mark").count() == 1
    page.evaluate("window.__pwned = false")
    hostile = "documents/brochure?p=4&q=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3Dtrue%22%3E#p-4"
    page.goto(servers.settings.web_url + hostile)
    assert page.locator("img").count() == 0 and page.locator("mark").count() == 0
    assert page.evaluate("window.__pwned === undefined || window.__pwned === false")
    page.goto(servers.settings.web_url + "documents")
    assert page.locator("main a[href^='/documents/']").count() >= 5


def test_fast_questions_then_reload_show_every_reply_in_order(page, servers: Servers) -> None:  # noqa: ANN001
    page.goto(servers.settings.web_url)
    wait_for_greeting(page)
    for question, _ in FAST_QUESTIONS:
        ask(page, question)
        page.wait_for_timeout(TYPING_PAUSE_MS)
    page.reload()
    for _, fact in FAST_QUESTIONS:
        page.locator("#webchat .rw-response", has_text=fact).first.wait_for(timeout=REPLY_TIMEOUT)
    shown = shown_messages(page)
    assert [text for who, text in shown if who == "client"] == [q for q, _ in FAST_QUESTIONS]
    assert shown[0][0] == "response" and "Bonjour" in shown[0][1]
    answers: list[str] = []
    for who, text in shown:
        if who == "client":
            answers.append("")
        elif answers:
            answers[-1] += text + "\n"
    for (question, fact), answer in zip(FAST_QUESTIONS, answers, strict=True):
        assert fact in answer and "Source" in answer, (question, answer)
    url = f"{servers.settings.web_url}conversation?session_id={session_id(page)}"
    with urllib.request.urlopen(url, timeout=10) as response:
        held = json.load(response)["messages"]
    assert len(held) == len(shown)
    assert [m["text"] for m in held if m["sender"] == "client"] == [q for q, _ in FAST_QUESTIONS]


def test_greeting_comes_before_a_question_typed_at_once(page, servers: Servers) -> None:  # noqa: ANN001
    page.goto(servers.settings.web_url)
    box = page.locator(".rw-new-message:enabled")
    box.wait_for(timeout=REPLY_TIMEOUT)
    ask(page, "Quand la Thaïlande est-elle devenue partenaire ?")
    page.locator("#webchat .rw-response", has_text="2000").first.wait_for(timeout=REPLY_TIMEOUT)
    shown = shown_messages(page)
    assert shown[0][0] == "response" and "Bonjour" in shown[0][1], shown
    assert [who for who, _ in shown].index("client") > 0


def test_no_console_error_nor_outside_request(page, servers: Servers) -> None:  # noqa: ANN001
    log = BrowserLog()
    log.watch(page)
    page.goto(servers.settings.web_url)
    wait_for_greeting(page)
    ask(page, "Quand le Japon est-il devenu partenaire ?")
    page.locator("#webchat .rw-response a[href*='/documents/']").first.wait_for(timeout=REPLY_TIMEOUT)
    page.reload()
    page.locator("#webchat .rw-response a[href*='/documents/']").first.wait_for(timeout=REPLY_TIMEOUT)
    page.goto(servers.settings.web_url + "documents/brochure?p=4&q=le%20Japon#p-4")
    page.locator(":target mark").wait_for()
    assert log.problems == []


def test_chat_and_document_pages_pass_axe(page, servers: Servers) -> None:  # noqa: ANN001
    page.goto(servers.settings.web_url)
    wait_for_greeting(page)
    ask(page, "Quand la Thaïlande est-elle devenue partenaire ?")
    page.locator("#webchat .rw-response a[href*='/documents/']").first.wait_for(timeout=REPLY_TIMEOUT)
    assert axe_serious_violations(page) == []
    page.goto(servers.settings.web_url + "documents/brochure?p=4&q=la%20Tha%C3%AFlande#p-4")
    assert axe_serious_violations(page) == []
