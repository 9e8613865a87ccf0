"""The locally installed rasa-webchat bundle, served without its Google Fonts import.

The widget's stylesheets start with ``@import url(https://fonts.googleapis.com/…)``: the
page's Content-Security-Policy (styles from 'self' only) blocks it and the browser logs
an error on every load. Without the import the widget falls back to the page's font
(``page.css``), so no font is requested from anywhere. (The carousel's icon font is
embedded in the bundle as a ``data:`` URL, which the policy's ``font-src`` allows.)
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from bot.paths import PROJECT_DIR

WIDGET = PROJECT_DIR / "node_modules" / "rasa-webchat" / "lib" / "index.js"
REMOTE_FONT_IMPORT = re.compile(r"@import url\(https://fonts\.googleapis\.com/[^)]*\);")


@cache
def local_bundle(path: Path = WIDGET) -> bytes:
    """The bundle's bytes with every remote font import removed (read once per process)."""
    return REMOTE_FONT_IMPORT.sub("", path.read_text(encoding="utf-8")).encode("utf-8")
