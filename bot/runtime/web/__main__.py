"""Serve the chat page, the locally installed widget bundle (no CDN), the document pages and the
conversation restored from Rasa's tracker store.

``python -m bot.runtime.web --host 127.0.0.1 --port 8080 --rasa-url http://127.0.0.1:5005 --tracker-db var/tracker.db``
"""
from __future__ import annotations

import argparse
import json
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from bot.knowledge.store import KnowledgeStore
from bot.paths import VAR_DIR
from bot.runtime.citation_links import corpus_index, link_citations
from bot.runtime.web.conversation import MAX_SESSION_ID, tracker_events, widget_messages
from bot.runtime.web.document_page import document_html, find_document, index_html
from bot.runtime.web.widget_bundle import WIDGET, local_bundle

PAGE_DIR = Path(__file__).resolve().parent
HTML = "text/html; charset=utf-8"
FILES = {
    "/": (PAGE_DIR / "index.html", "text/html; charset=utf-8"),
    "/index.html": (PAGE_DIR / "index.html", "text/html; charset=utf-8"),
    "/chat.js": (PAGE_DIR / "chat.js", "text/javascript; charset=utf-8"),
    "/page.css": (PAGE_DIR / "page.css", "text/css; charset=utf-8"),
    "/document.css": (PAGE_DIR / "document.css", "text/css; charset=utf-8"),
}


class ChatPageHandler(BaseHTTPRequestHandler):
    """The page's own files, the document pages and ``/conversation``; everything else is a 404."""

    server_version = "osce-chat"

    def __init__(self, *args, rasa_url: str, store: KnowledgeStore, tracker_db: Path,  # noqa: ANN002
                 **kwargs) -> None:  # noqa: ANN003
        self.rasa_url = rasa_url
        self.store = store
        self.tracker_db = tracker_db
        super().__init__(*args, **kwargs)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        ws_url = self.rasa_url.replace("http", "ws", 1)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy",
                         f"default-src 'self'; script-src 'self'; connect-src 'self' {self.rasa_url} {ws_url}; "
                         "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                         "object-src 'none'")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found(self) -> None:
        self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain; charset=utf-8")

    def _document(self, document_id: str, query: dict[str, list[str]]) -> None:
        document = find_document(self.store, document_id)
        if document is None:
            return self._not_found()
        cited, quoted = query.get("p", [None])[0], query.get("q", [None])[0]
        html = document_html(document, self.store.corpus_paragraphs(document.id), cited, quoted)
        return self._send(HTTPStatus.OK, html.encode(), HTML)

    def _conversation(self, query: dict[str, list[str]]) -> None:
        session_id = query.get("session_id", [""])[0]
        if not 0 < len(session_id) <= MAX_SESSION_ID:
            return self._send(HTTPStatus.BAD_REQUEST, b'{"error": "session_id"}', "application/json")
        index = corpus_index(self.store)
        messages = widget_messages(tracker_events(self.tracker_db, session_id), lambda t: link_citations(t, index))
        return self._send(HTTPStatus.OK, json.dumps({"messages": messages}).encode(), "application/json")

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        if path == "/config.js":
            body = f"window.OSCE_BOT = {json.dumps({'socketUrl': self.rasa_url})};\n".encode()
            return self._send(HTTPStatus.OK, body, "text/javascript; charset=utf-8")
        if path == "/webchat.js":
            return self._send(HTTPStatus.OK, local_bundle(), "text/javascript; charset=utf-8")
        if path == "/conversation":
            return self._conversation(query)
        if path in ("/documents", "/documents/"):
            return self._send(HTTPStatus.OK, index_html(self.store).encode(), HTML)
        if path.startswith("/documents/"):
            return self._document(unquote(path.removeprefix("/documents/")), query)
        entry = FILES.get(path)
        if entry is None or not entry[0].exists():
            return self._not_found()
        return self._send(HTTPStatus.OK, entry[0].read_bytes(), entry[1])

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    parser.add_argument("--tracker-db", type=Path, default=VAR_DIR / "tracker.db")
    args = parser.parse_args()
    if not WIDGET.exists():
        raise SystemExit(f"{WIDGET} is missing: run `npm ci` (make setup does it).")
    handler = partial(ChatPageHandler, rasa_url=args.rasa_url, store=KnowledgeStore(), tracker_db=args.tracker_db)
    server = ThreadingHTTPServer((args.host, args.port), handler)
    server.serve_forever()


if __name__ == "__main__":
    main()
