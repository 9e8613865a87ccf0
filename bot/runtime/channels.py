"""Rasa input channels that never leave the user in silence.

They are Rasa's REST and socket.io channels, under the same names and URLs,
with one addition: when a turn produced no bot message at all (the action
server is down, an exception was logged), the user gets a French apology;
an empty message gets a prompt instead of being processed.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from functools import cache
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.knowledge.store import KnowledgeStore
from bot.runtime.citation_links import corpus_index, link_citations

logger = logging.getLogger(__name__)

APOLOGY = ("Désolé, je ne peux pas répondre pour le moment : un de mes services est indisponible. "
           "Réessayez dans un instant, votre conversation est conservée.")
EMPTY = "Votre message est vide : posez-moi une question sur les partenaires de l'OSCE pour la coopération."
MAX_TEXT = 5000
MAX_SENDER = 256
BAD_SOCKET = ('Message invalide : le widget doit envoyer {"session_id": "<identifiant>", "message": "<question>"} ; '
              "« session_id » est une chaîne d'au plus 256 caractères, « message » une chaîne.")
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
        except Exception:  # noqa: BLE001 - a failed turn (a replica lost with its lock) gets the apology below
            logger.exception("turn of %s failed", message.sender_id)
        finally:
            output.send_response = original  # type: ignore[method-assign]
        if sent == 0 and not text.startswith("/"):
            await output.send_text_message(message.sender_id, APOLOGY)

    return handle


@cache
def _store() -> KnowledgeStore:
    return KnowledgeStore()


def linked_text(text: str) -> str:
    """``text`` with its citations as links to the document page; unchanged if the store cannot say."""
    try:
        return link_citations(text, corpus_index(_store()))
    except SQLAlchemyError:
        logger.exception("citations left as text: the knowledge store is unreadable")
        return text


def with_source_links(on_new_message: Handler) -> Handler:
    """Wrap Rasa's handler so that every reply's citations are links (the chat page's channel only)."""

    async def handle(message: UserMessage) -> None:
        output = message.output_channel
        original = output.send_response

        async def linking(recipient_id: str, reply: dict[str, Any]) -> None:
            text = reply.get("text")
            await original(recipient_id, {**reply, "text": linked_text(text)} if isinstance(text, str) else reply)

        output.send_response = linking  # type: ignore[method-assign]
        try:
            await on_new_message(message)
        finally:
            output.send_response = original  # type: ignore[method-assign]

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


def socket_payload_problem(data: object, metadata_key: str) -> str | None:
    """Why a ``user_uttered`` payload cannot be processed, or None; Rasa would raise on it."""
    if not isinstance(data, dict):
        return BAD_SOCKET
    session_id, message, metadata = data.get("session_id"), data.get("message"), data.get(metadata_key)
    if not (isinstance(session_id, str) and 0 < len(session_id) <= MAX_SENDER):
        return BAD_SOCKET
    if message is not None and not isinstance(message, str):
        return BAD_SOCKET
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except ValueError:
            return BAD_SOCKET
    if metadata is not None and not isinstance(metadata, dict):
        return BAD_SOCKET
    return None


def session_request_problem(data: object) -> str | None:
    """Why a ``session_request`` payload cannot be processed, or None."""
    if data is None:
        return None
    if not isinstance(data, dict):
        return BAD_SOCKET
    session_id = data.get("session_id")
    if session_id is not None and not (isinstance(session_id, str) and 0 < len(session_id) <= MAX_SENDER):
        return BAD_SOCKET
    return None


class NeverSilentSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel (used by the chat page) with :func:`never_silent`, payload checks and
    :func:`with_source_links` (citations as links to the document page).

    A malformed event gets a French explanation on the same socket instead of an
    exception in the server's log and silence in the widget.
    """

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        webhook = super().blueprint(never_silent(with_source_links(on_new_message)))
        sio = self.sio
        namespace = self.namespace or "/"
        handlers = sio.handlers[namespace]
        rasa_session_request, rasa_user_uttered = handlers["session_request"], handlers[self.user_message_evt]

        async def session_request(sid: str, data: object = None) -> None:
            problem = session_request_problem(data)
            if problem:
                await sio.emit(self.bot_message_evt, {"text": problem}, room=sid, namespace=namespace)
                return
            await rasa_session_request(sid, data)

        async def user_uttered(sid: str, data: object = None) -> None:
            problem = socket_payload_problem(data, self.metadata_key)
            if problem:
                await sio.emit(self.bot_message_evt, {"text": problem}, room=sid, namespace=namespace)
                return
            await rasa_user_uttered(sid, data)

        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, user_uttered, namespace=self.namespace)
        return webhook
