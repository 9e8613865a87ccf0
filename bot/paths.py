"""Where the project's files live, for every stage; ``OSCE_BOT_VAR_DIR`` moves the generated ones."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("OSCE_BOT_VAR_DIR", PROJECT_DIR / "var"))
"""Generated state: the knowledge database, conversations, logs."""
MODEL = PROJECT_DIR / "models" / "osce.tar.gz"
"""The trained Rasa model: written by ``python -m bot train``, loaded by the Rasa servers."""
