"""``python -m bot stack``: the production layout on one machine, from Debian's packages.

PostgreSQL (conversations) and Redis (per-conversation lock) with their data in
``var/``, ``OSCE_BOT_REPLICAS`` Rasa replicas (2 by default), the action server,
the chat page and nginx in front (``OSCE_BOT_BALANCER_PORT``, 8000 by default).
The embedded default stays ``python -m bot run``.
"""
from __future__ import annotations

import dataclasses

from bot.runtime.local_stores import LocalStores
from bot.runtime.servers import run_forever
from bot.runtime.settings import Settings

REPLICAS = 2
BALANCER_PORT = 8000


def stack_settings() -> tuple[Settings, LocalStores]:
    """Settings from ``OSCE_BOT_*`` with the stack's defaults, pointed at the local stores."""
    settings = Settings.from_env(replicas=REPLICAS, balancer_port=BALANCER_PORT)
    stores = LocalStores.from_env(settings.var_dir)
    return dataclasses.replace(settings, tracker_url=stores.tracker_url, lock_url=stores.lock_url), stores


def run_stack() -> int:
    settings, stores = stack_settings()
    return run_forever(settings, stores)
