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
from sanic import Blueprint, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

APOLOGY = ("Désolé, je ne peux pas répondre pour le moment : un de mes services est indisponible. "
           "Réessayez dans un instant, votre conversation est conservée.")
EMPTY = "Votre message est vide : posez-moi une question sur les partenaires de l'OSCE pour la coopération."
MAX_TEXT = 5000
MAX_SENDER = 256
BAD_BODY = ('Requête invalide : envoyez un objet JSON {"sender": "<identifiant>", "message": "<question>"} ; '
            "« sender » est une chaîne d'au plus 256 caractères, « message » une chaîne.")

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


def body_problem(request: Request) -> str | None:
    """Why a REST webhook body cannot be processed, or None; Rasa itself would answer 500."""
    try:
        body = request.json
    except SanicException:
        return BAD_BODY
    if not isinstance(body, dict):
        return BAD_BODY
    sender, message = body.get("sender"), body.get("message")
    if sender is not None and not (isinstance(sender, str) and 0 < len(sender) <= MAX_SENDER):
        return BAD_BODY
    if message is not None and not isinstance(message, str):
        return BAD_BODY
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        return BAD_BODY
    return None


class NeverSilentRestInput(RestInput):
    """Rasa's REST channel (``/webhooks/rest/webhook``) with :func:`never_silent` and a body check.

    A malformed body gets a 400 with a French explanation instead of Rasa's 500.
    """

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        webhook = super().blueprint(never_silent(on_new_message))

        @webhook.middleware("request")
        async def reject_malformed(request: Request) -> HTTPResponse | None:
            if request.method != "POST":
                return None
            problem = body_problem(request)
            return response.json({"error": problem}, status=400) if problem else None

        return webhook


class NeverSilentSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel (used by the chat page) with :func:`never_silent`."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        return super().blueprint(never_silent(on_new_message))
