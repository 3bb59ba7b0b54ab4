"""Facebook Graph API plumbing shared by the Facebook Page and Instagram clients.

Errors come back as {"error": {"message", "type", "code", "error_subcode", "is_transient",
"fbtrace_id"}}. Codes 190 and 102 (expired or invalid token), 10 and 200-299 (permission
missing) need the account reconnected; 4 (application), 17 (user), 32 (page), 613 and
80001-80014 (business use case) are throttling, whose wait the X-Business-Use-Case-Usage
header states as `estimated_time_to_regain_access` in minutes; 1 and 2, `is_transient`
and HTTP 5xx are temporary; anything else is a permanent refusal of this post.
"""

import json

from django.conf import settings

from .base import AuthError, PermanentError, RateLimited, TransientError, json_or_none

AUTH_CODES = {102, 190, 10}
THROTTLING_CODES = {4, 17, 32, 613} | set(range(80001, 80015))
TRANSIENT_CODES = {1, 2}


def graph_url(base, *parts):
    version = settings.CROSSPOSTING_GRAPH_API_VERSION
    return "/".join([base, version, *(str(p).strip("/") for p in parts)])


def regain_access_seconds(response):
    """The longest wait any business-use-case bucket asks for, in seconds."""
    header = response.headers.get("X-Business-Use-Case-Usage")
    waits = []
    if header:
        try:
            buckets = json.loads(header)
        except ValueError:
            buckets = {}
        for entries in buckets.values() if isinstance(buckets, dict) else []:
            for entry in entries if isinstance(entries, list) else []:
                minutes = (
                    entry.get("estimated_time_to_regain_access")
                    if isinstance(entry, dict)
                    else None
                )
                if isinstance(minutes, int | float) and minutes > 0:
                    waits.append(minutes * 60)
    retry_after = response.headers.get("Retry-After")
    if retry_after and retry_after.isdigit():
        waits.append(int(retry_after))
    return max(waits) if waits else None


def raise_for_graph_error(response):
    """Map a Graph API error reply onto our delivery error classes; return the JSON body."""
    body = json_or_none(response)
    if response.ok and isinstance(body, dict) and "error" not in body:
        return body
    error = (body or {}).get("error") if isinstance(body, dict) else None
    status = response.status_code
    if not isinstance(error, dict):
        if status == 429:
            raise RateLimited(
                f"HTTP 429 from {response.url}",
                status=status,
                retry_after=regain_access_seconds(response),
            )
        if status >= 500:
            raise TransientError(f"HTTP {status} from the Graph API", status=status)
        raise PermanentError(f"HTTP {status}: {response.text[:300]}", status=status)
    code = error.get("code")
    subcode = error.get("error_subcode")
    message = f"{error.get('type', 'GraphError')} {code}"
    if subcode:
        message += f"/{subcode}"
    message += f": {error.get('message', '')}"
    if code in AUTH_CODES or (isinstance(code, int) and 200 <= code <= 299):
        raise AuthError(message, status=status)
    if code in THROTTLING_CODES or status == 429:
        raise RateLimited(message, status=status, retry_after=regain_access_seconds(response))
    if code in TRANSIENT_CODES or error.get("is_transient") or status >= 500:
        raise TransientError(message, status=status)
    raise PermanentError(message, status=status)


def graph_lookup(client, first_url, params, *, since, text_field, time_field, outgoing, url_of):
    """Page through a Graph API listing (newest first) back to `since`; return our post.

    Follows `paging.next` as the API documents; stops at the first item older than `since`
    (less the clock allowance), or when no page follows. Raises LookupIncomplete when the
    page budget runs out first.
    """
    from .base import CLOCK_SKEW, LOOKUP_MAX_PAGES, LookupIncomplete, RemotePost, parse_time

    floor = since - CLOCK_SKEW if since else None
    url, query = first_url, params
    for _page in range(LOOKUP_MAX_PAGES):
        body = raise_for_graph_error(client.request("GET", url, params=query))
        for item in body.get("data", []):
            created = parse_time(item.get(time_field))
            if floor and created and created < floor:
                return None
            if item.get("id") in outgoing.known_remote_ids:
                continue
            if outgoing.is_ours(item.get(text_field)):
                return RemotePost(id=item["id"], url=url_of(item))
        next_url = (body.get("paging") or {}).get("next")
        if not next_url or not body.get("data"):
            return None
        url, query = next_url, None
    raise LookupIncomplete(
        f"Read {LOOKUP_MAX_PAGES} pages of posts without reaching the attempt's start."
    )
