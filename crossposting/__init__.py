"""Cross-posting: every approved post reaches the official social accounts, exactly once.

What each network's API allows after an uncertain outcome (a worker that died between the
network's reply and our record, or a request that timed out after it was sent):

- Facebook Page: the worker reads the Page's recent posts (GET /{page-id}/feed) and records
  the one whose message holds the post's address; only if none is there does it send again.
- Instagram: the container id is saved between the two calls, so a retry publishes the same
  container; if its status is already PUBLISHED the media is found among the account's recent
  media by the address in its caption. Instagram's API cannot delete media.
- X: the worker reads the account's recent posts (GET /2/users/{id}/tweets) and matches the
  address among the expanded URLs (the text holds t.co links).
- Telegram: the Bot API cannot read a channel's history, so the delivery stops as "outcome
  unknown" and a person looks at the channel, then presses Retry or Mark as sent.
- WhatsApp and Facebook groups have no posting API: people share a prepared message by hand
  and the portal records who shared it and when.
"""
