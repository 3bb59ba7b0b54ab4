"""Telegram channel posts through the Bot API (the bot must be an admin of the channel).

sendPhoto (chat_id, photo: a public URL Telegram fetches, caption up to 1,024 characters)
when the post has a photo and the text fits a caption, otherwise sendMessage (text up to 4,096,
with a link preview of the post). Replies are {"ok": false, "error_code", "description",
"parameters": {"retry_after"}} on error: 429 carries retry_after, 401 means the bot token was
revoked and 403 that the bot was removed from the channel (both need reconnecting).
The Bot API cannot read a channel's history, so an uncertain outcome cannot be checked: the
delivery becomes "uncertain" and a person looks at the channel (the worker never resends on
its own), then presses Retry or Mark as sent with the message's address. Telegram is
therefore at most once by itself, and exactly once with that person's decision.
deleteMessage removes a post (the bot needs the right to delete messages).
"""

import re

from django.conf import settings

from .base import (
    AuthError,
    Client,
    Outgoing,
    PermanentError,
    RateLimited,
    RemotePost,
    TransientError,
    json_or_none,
)

CAPTION_LIMIT = 1024


class TelegramClient(Client):
    network = "telegram"
    supports_lookup = False
    supports_delete = True

    def _call(self, method, payload):
        token = self.credentials.get("bot_token", "")
        url = f"{settings.CROSSPOSTING_TELEGRAM_API_URL}/bot{token}/{method}"
        return raise_for_telegram_error(self.request("POST", url, json=payload))

    def publish(self, outgoing: Outgoing, *, container_id="", save_progress=None, since=None):
        chat_id = self.account.remote_id
        if outgoing.image and telegram_length(outgoing.text) <= CAPTION_LIMIT:
            result = self._call(
                "sendPhoto",
                {
                    "chat_id": chat_id,
                    "photo": outgoing.image.url,
                    "caption": outgoing.text,
                },
            )
        else:
            result = self._call(
                "sendMessage",
                {
                    "chat_id": chat_id,
                    "text": outgoing.text,
                    "link_preview_options": {"url": outgoing.link},
                },
            )
        message_id = str(result["message_id"])
        return RemotePost(id=message_id, url=message_link(result.get("chat") or {}, message_id))

    @staticmethod
    def remote_id_from(value):
        value = value.strip()
        if value.isdigit():
            return value
        match = re.search(r"t\.me/(?:c/)?[^/]+/(\d+)", value)
        return match.group(1) if match else ""

    def delete(self, remote_id):
        self._call(
            "deleteMessage", {"chat_id": self.account.remote_id, "message_id": int(remote_id)}
        )


def telegram_length(text):
    """Telegram counts UTF-16 code units, as JavaScript's String.length does."""
    return len(text.encode("utf-16-le")) // 2


def message_link(chat, message_id):
    if chat.get("username"):
        return f"https://t.me/{chat['username']}/{message_id}"
    chat_id = str(chat.get("id", ""))
    if chat_id.startswith("-100"):
        return f"https://t.me/c/{chat_id[4:]}/{message_id}"
    return ""


def raise_for_telegram_error(response):
    body = json_or_none(response)
    status = response.status_code
    if isinstance(body, dict) and body.get("ok"):
        return body.get("result")
    body = body if isinstance(body, dict) else {}
    code = body.get("error_code", status)
    message = f"Telegram {code}: {body.get('description') or response.text[:300]}"
    if code == 429:
        retry_after = (body.get("parameters") or {}).get("retry_after")
        raise RateLimited(message, status=status, retry_after=retry_after)
    if code in (401, 403) or "chat not found" in message:
        raise AuthError(message, status=status)
    if status >= 500 or (isinstance(code, int) and code >= 500):
        raise TransientError(message, status=status)
    raise PermanentError(message, status=status)
