"""Cross-posting: every approved post reaches the official social accounts, exactly once.

Each delivery posts its own marker (the post's address with `?kim=<token>`). What each
network's API allows after an uncertain outcome (no answer, a connection dropped after
sending, a worker killed mid-request), once the lost request can no longer land:

- Facebook Page: the worker reads the Page's posts since the attempt began
  (GET /{page-id}/feed, following `paging.next`) and records the one carrying the marker;
  only if none is there does it send again.
- Instagram: the container id is saved between the two calls, so a retry publishes the same
  container; if it is already PUBLISHED the media is found among the account's media by the
  marker in its caption (GET /{ig-user-id}/media, paged). Instagram's API cannot delete media.
- X: the worker reads the account's posts since the attempt began (GET /2/users/{id}/tweets,
  `start_time`, `pagination_token`) and matches the marker among the expanded URLs.
- Telegram: the Bot API cannot read a channel's history, so the delivery becomes
  "uncertain" and a person looks at the channel, then presses Retry or Mark as sent.
- WhatsApp and Facebook groups have no posting API: people share a prepared message by hand
  and the portal records who shared it and when.

When a look-up fails or cannot reach back far enough, the delivery is "uncertain" too: never
recorded as failed. See worker.py for leases, live-at-send checks and the rate limits.
"""
