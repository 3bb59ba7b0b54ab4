"""Exit 0 when the web process answers HTTP on $PORT, 1 otherwise (Docker HEALTHCHECK)."""

import os
import sys
import urllib.error
import urllib.request

hosts = [h.strip().lstrip(".") for h in os.environ.get("ALLOWED_HOSTS", "").split(",")]
host = next((h for h in hosts if h and h != "*"), "localhost")
request = urllib.request.Request(  # noqa: S310 (a fixed http URL on this container)
    f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/robots.txt",
    # Look like the TLS-terminating proxy so SECURE_SSL_REDIRECT does not answer with 301.
    headers={"Host": host, "X-Forwarded-Proto": "https"},
)
try:
    with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310
        sys.exit(0 if response.status < 500 else 1)
except urllib.error.HTTPError as error:
    sys.exit(0 if error.code < 500 else 1)
except OSError:
    sys.exit(1)
