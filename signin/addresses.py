"""The address a sign-in comes from, as the lockouts count it."""

from django.conf import settings


def client_address(request):
    """The client's address: the connection's, or the one our proxies saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so with
    SIGNIN_PROXY_COUNT proxies in front the client is that many entries from the right.
    Anything further left was written by the client and could name anyone: never trusted.
    """
    count = settings.SIGNIN_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
