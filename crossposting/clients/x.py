"""X (Twitter) posts through the X API v2, signed with OAuth 1.0a user context.

The photo goes first to POST /2/media/upload (multipart: media, media_category=tweet_image),
then POST /2/tweets with {"text", "media": {"media_ids": [...]}} creates the post. Requests are
signed by requests-oauthlib with the app's consumer key and the account's access token.
Rate limits answer HTTP 429 with x-rate-limit-reset (epoch seconds), which the retry honours;
401 means the tokens were revoked; 403 "duplicate content" means the account already has this
very text, which after an unknown outcome is our own earlier try. After an uncertain outcome
the client reads the account's posts (GET /2/users/{id}/tweets with entities, `start_time`
the attempt's start, 100 a page, following `meta.next_token` as `pagination_token`) and
matches this delivery's marked link among the expanded URLs, since X shortens links to t.co
in the text. The timeline reaches back 3,200 posts at most. DELETE /2/tweets/{id} removes one.
"""

import re

from django.conf import settings
from requests_oauthlib import OAuth1

from .base import (
    CLOCK_SKEW,
    LOOKUP_MAX_PAGES,
    AuthError,
    Client,
    DuplicateContent,
    LookupIncomplete,
    Outgoing,
    PermanentError,
    RateLimited,
    RemotePost,
    TransientError,
    json_or_none,
    parse_time,
    rate_limit_reset_in,
)

LOOKUP_LIMIT = 100


class XClient(Client):
    network = "x"
    supports_lookup = True
    supports_delete = True

    def __init__(self, account, *, session=None):
        super().__init__(account, session=session)
        c = self.credentials
        self.auth = OAuth1(
            c.get("consumer_key", ""),
            client_secret=c.get("consumer_secret", ""),
            resource_owner_key=c.get("access_token", ""),
            resource_owner_secret=c.get("access_token_secret", ""),
        )

    def _url(self, path):
        return f"{settings.CROSSPOSTING_X_API_URL}/2/{path}"

    def _call(self, method, path, **kwargs):
        response = self.request(method, self._url(path), auth=self.auth, **kwargs)
        return raise_for_x_error(response)

    def publish(self, outgoing: Outgoing, *, container_id="", save_progress=None, since=None):
        payload = {"text": outgoing.text}
        if outgoing.image:
            with outgoing.image.open() as image:
                body = self._call(
                    "POST",
                    "media/upload",
                    files={"media": ("photo.jpg", image.read(), "image/jpeg")},
                    data={"media_category": "tweet_image"},
                )
            payload["media"] = {"media_ids": [body["data"]["id"]]}
        body = self._call("POST", "tweets", json=payload)
        tweet_id = body["data"]["id"]
        return RemotePost(id=tweet_id, url=self.permalink(tweet_id))

    def permalink(self, tweet_id):
        handle = self.account.handle.lstrip("@")
        return f"https://x.com/{handle or 'i/web'}/status/{tweet_id}"

    def user_id(self):
        if self.account.remote_id:
            return self.account.remote_id
        return self._call("GET", "users/me")["data"]["id"]

    def find_existing(self, outgoing: Outgoing, *, since=None):
        floor = since - CLOCK_SKEW if since else None
        params = {"max_results": LOOKUP_LIMIT, "tweet.fields": "created_at,entities"}
        if floor:
            params["start_time"] = floor.strftime("%Y-%m-%dT%H:%M:%SZ")
        path = f"users/{self.user_id()}/tweets"
        for _page in range(LOOKUP_MAX_PAGES):
            body = self._call("GET", path, params=params)
            for item in body.get("data", []):
                created = parse_time(item.get("created_at"))
                if floor and created and created < floor:
                    return None
                if item.get("id") in outgoing.known_remote_ids:
                    continue
                entities = (item.get("entities") or {}).get("urls", [])
                texts = [u.get("expanded_url", "") for u in entities] + [item.get("text", "")]
                if any(outgoing.is_ours(text) for text in texts):
                    return RemotePost(id=item["id"], url=self.permalink(item["id"]))
            next_token = (body.get("meta") or {}).get("next_token")
            if not next_token:
                return None
            params = {**params, "pagination_token": next_token}
        raise LookupIncomplete(
            f"Read {LOOKUP_MAX_PAGES} pages of posts without reaching the attempt's start."
        )

    @staticmethod
    def remote_id_from(value):
        value = value.strip()
        if value.isdigit():
            return value
        match = re.search(r"(?:x|twitter)\.com/[^/]+/status(?:es)?/(\d+)", value)
        return match.group(1) if match else ""

    def delete(self, remote_id):
        self._call("DELETE", f"tweets/{remote_id}")


def raise_for_x_error(response):
    """Map an X API v2 reply onto delivery errors; return the JSON body when it succeeded.

    Errors are problem documents: {"title", "detail", "type", "status"}; some 200 replies
    carry an "errors" list without "data", which is a refusal as well.
    """
    body = json_or_none(response)
    status = response.status_code
    if response.ok and isinstance(body, dict) and ("data" in body or "errors" not in body):
        return body
    detail = ""
    if isinstance(body, dict):
        detail = body.get("detail") or body.get("title") or ""
        if not detail and body.get("errors"):
            detail = "; ".join(str(e.get("message") or e.get("detail")) for e in body["errors"])
    message = f"X API HTTP {status}: {detail or response.text[:300]}"
    if status == 429:
        raise RateLimited(
            message,
            status=status,
            retry_after=rate_limit_reset_in(response.headers.get("x-rate-limit-reset")),
        )
    if status == 401 or (status == 403 and "oauth1-permissions" in (body or {}).get("type", "")):
        raise AuthError(message, status=status)
    if status == 403 and "duplicate content" in detail.lower():
        raise DuplicateContent(message, status=status)
    if status >= 500:
        raise TransientError(message, status=status)
    raise PermanentError(message, status=status)
