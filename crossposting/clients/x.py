"""X (Twitter) posts through the X API v2, signed with OAuth 1.0a user context.

The photo goes first to POST /2/media/upload (multipart: media, media_category=tweet_image),
then POST /2/tweets with {"text", "media": {"media_ids": [...]}} creates the post. Requests are
signed by requests-oauthlib with the app's consumer key and the account's access token.
Rate limits answer HTTP 429 with x-rate-limit-reset (epoch seconds), which the retry honours;
401 means the tokens were revoked. After an uncertain outcome the client reads the account's
recent posts (GET /2/users/{id}/tweets with entities) and matches the post's address in the
expanded URLs, since X shortens links to t.co in the text. DELETE /2/tweets/{id} removes one.
"""

from django.conf import settings
from requests_oauthlib import OAuth1

from .base import (
    AuthError,
    Client,
    Outgoing,
    PermanentError,
    RateLimited,
    RemotePost,
    TransientError,
    json_or_none,
    rate_limit_reset_in,
)

LOOKUP_LIMIT = 20


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

    def publish(self, outgoing: Outgoing, *, container_id="", save_progress=None):
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

    def find_existing(self, outgoing: Outgoing):
        body = self._call(
            "GET",
            f"users/{self.user_id()}/tweets",
            params={
                "max_results": LOOKUP_LIMIT,
                "tweet.fields": "created_at,entities",
            },
        )
        for item in body.get("data", []):
            if item.get("id") in outgoing.known_remote_ids:
                continue
            urls = [u.get("expanded_url", "") for u in (item.get("entities") or {}).get("urls", [])]
            if outgoing.link in urls or outgoing.link in item.get("text", ""):
                return RemotePost(id=item["id"], url=self.permalink(item["id"]))
        return None

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
    if status >= 500:
        raise TransientError(message, status=status)
    raise PermanentError(message, status=status)
