"""Rasa input channels that never leave the user in silence.

They are Rasa's REST and socket.io channels, under the same names and URLs,
with one addition: when a turn produced no bot message at all (the action
server is down, an exception was logged), the user gets a French apology;
an empty message gets a prompt instead of being processed.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

APOLOGY = ("Désolé, je ne peux pas répondre pour le moment : un de mes services est indisponible. "
           "Réessayez dans un instant, votre conversation est conservée.")
EMPTY = "Votre message est vide : posez-moi une question sur les partenaires de l'OSCE pour la coopération."
MAX_TEXT = 5000

Handler = Callable[[UserMessage], Awaitable[Any]]


def never_silent(on_new_message: Handler) -> Handler:
    """Wrap Rasa's message handler: answer empty messages, apologise for silent turns."""

    async def handle(message: UserMessage) -> None:
        output = message.output_channel
        text = message.text if isinstance(message.text, str) else ""
        if not text.strip():
            await output.send_text_message(message.sender_id, EMPTY)
            return
        message.text = text[:MAX_TEXT]
        sent = 0
        original = output.send_response

        async def counting(recipient_id: str, reply: dict[str, Any]) -> None:
            nonlocal sent
            sent += 1
            await original(recipient_id, reply)

        output.send_response = counting  # type: ignore[method-assign]
        try:
            await on_new_message(message)
        finally:
            output.send_response = original  # type: ignore[method-assign]
        if sent == 0 and not text.startswith("/"):
            await output.send_text_message(message.sender_id, APOLOGY)

    return handle


class NeverSilentRestInput(RestInput):
    """Rasa's REST channel (``/webhooks/rest/webhook``) with :func:`never_silent`."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        return super().blueprint(never_silent(on_new_message))


class NeverSilentSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel (used by the chat page) with :func:`never_silent`."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        return super().blueprint(never_silent(on_new_message))
