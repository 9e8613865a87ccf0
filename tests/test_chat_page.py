"""The chat page in headless Debian Chromium, driven by Playwright, against the real servers."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.servers import Servers

pytestmark = pytest.mark.servers

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "chat-page.png"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture()
def page(servers: Servers):  # noqa: ANN201 - playwright Page
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(locale="fr-FR", viewport={"width": 1100, "height": 800})
        yield context.new_page()
        browser.close()


def ask(page, text: str) -> None:  # noqa: ANN001
    box = page.locator(".rw-new-message")
    box.fill(text)
    box.press("Enter")


def test_chat_page_answers_and_keeps_the_conversation(page, servers: Servers) -> None:  # noqa: ANN001
    page.goto(servers.settings.web_url)
    assert page.title().startswith("Assistant OSCE")
    page.get_by_text("Bonjour", exact=False).first.wait_for(timeout=30_000)
    ask(page, "quand la Thaïlande est-elle devenue partenaire ?")
    page.get_by_text("2000", exact=False).first.wait_for(timeout=30_000)
    page.get_by_text("Source", exact=False).first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    page.reload()
    page.get_by_text("2000", exact=False).first.wait_for(timeout=30_000)
    assert "Thaïlande est devenue partenaire" in page.locator("#webchat").inner_text()


def test_markup_is_shown_as_text_never_run(page, servers: Servers) -> None:  # noqa: ANN001
    page.goto(servers.settings.web_url)
    page.get_by_text("Bonjour", exact=False).first.wait_for(timeout=30_000)
    page.evaluate("window.__pwned = false")
    payload = "<img src=x onerror=\"window.__pwned=true\"><script>window.__pwned=true</script> bonjour"
    ask(page, payload)
    page.locator(".rw-client").last.wait_for(timeout=10_000)
    page.wait_for_timeout(2000)
    assert page.evaluate("window.__pwned") is False
    assert page.locator("#webchat img[src=x]").count() == 0
    assert "<script>" in page.locator(".rw-client").last.inner_text()
