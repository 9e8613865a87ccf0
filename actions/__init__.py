"""The action server's code (``rasa run actions --actions actions``).

With ``OSCE_BOT_WARM_UP=1`` (set by ``python -m bot run``) the router loads its
models and caches before the server listens, so the first question is as fast as
the others and readiness means ready.
"""
import os

if os.environ.get("OSCE_BOT_WARM_UP") == "1":
    from actions.actions import default_router

    default_router()
