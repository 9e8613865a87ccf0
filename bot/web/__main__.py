"""Serve the chat page and the locally installed widget bundle (no CDN).

``python -m bot.web --host 127.0.0.1 --port 8080 --rasa-url http://127.0.0.1:5005``
"""
from __future__ import annotations

import argparse
import json
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bot.config import PROJECT_DIR

PAGE_DIR = Path(__file__).resolve().parent
WIDGET = PROJECT_DIR / "node_modules" / "rasa-webchat" / "lib" / "index.js"
FILES = {
    "/": (PAGE_DIR / "index.html", "text/html; charset=utf-8"),
    "/index.html": (PAGE_DIR / "index.html", "text/html; charset=utf-8"),
    "/chat.js": (PAGE_DIR / "chat.js", "text/javascript; charset=utf-8"),
    "/page.css": (PAGE_DIR / "page.css", "text/css; charset=utf-8"),
    "/webchat.js": (WIDGET, "text/javascript; charset=utf-8"),
}


class ChatPageHandler(BaseHTTPRequestHandler):
    """Only the page's own files; everything else is a 404."""

    server_version = "osce-chat"

    def __init__(self, *args, rasa_url: str, **kwargs) -> None:  # noqa: ANN002, ANN003
        self.rasa_url = rasa_url
        super().__init__(*args, **kwargs)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        ws_url = self.rasa_url.replace("http", "ws", 1)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy",
                         f"default-src 'self'; script-src 'self'; connect-src 'self' {self.rasa_url} {ws_url}; "
                         "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        if path == "/config.js":
            body = f"window.OSCE_BOT = {json.dumps({'socketUrl': self.rasa_url})};\n".encode()
            return self._send(HTTPStatus.OK, body, "text/javascript; charset=utf-8")
        entry = FILES.get(path)
        if entry is None or not entry[0].exists():
            return self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain; charset=utf-8")
        return self._send(HTTPStatus.OK, entry[0].read_bytes(), entry[1])

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    args = parser.parse_args()
    if not WIDGET.exists():
        raise SystemExit(f"{WIDGET} is missing: run `npm ci` (make setup does it).")
    server = ThreadingHTTPServer((args.host, args.port), partial(ChatPageHandler, rasa_url=args.rasa_url))
    server.serve_forever()


if __name__ == "__main__":
    main()
