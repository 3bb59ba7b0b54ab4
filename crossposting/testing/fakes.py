# ruff: noqa: S107 (the fakes' default credentials are fake)
"""Fake Facebook Graph, X and Telegram Bot APIs on 127.0.0.1 for tests and the benchmark.

Each fake checks requests as the real API documents (path and version, token or OAuth 1.0a
signature, required parameters, content types, length limits, X's weighted character count)
and keeps what was posted, so a test can count posts. Listings page as the real ones do
(Graph API `paging.next` and cursors with `since`; X `pagination_token`/`meta.next_token`
with `start_time`). Faults are scripted per request: `server.fail_next("expired_token")`
answers the next matching request with that network's documented error; "slow" sleeps past
the client's timeout without doing anything, "late_accept" sleeps past it and then performs
the request (the answer lands after the client gave up), "accept_then_timeout" performs the
request and then sleeps, "drop_after_accept" performs it and closes the connection without
answering, "hang_after_accept" performs it and holds the connection until the server stops
(sets `server.hung`), and on the Graph API "processing" leaves an Instagram container
IN_PROGRESS for `seconds`. `server.chaos(probability, kinds, seed=...)` mixes random faults
into requests, and `server.latency` delays every answer (seconds).
"""

import base64
import email.parser
import itertools
import json
import random
import re
import threading
import time
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from oauthlib.oauth1 import RequestValidator
from oauthlib.oauth1.rfc5849 import signature
from oauthlib.oauth1.rfc5849.endpoints.base import BaseEndpoint
from PIL import Image as PILImage

TIMEOUT_FAULTS = {
    "slow",
    "late_accept",
    "accept_then_timeout",
    "drop_after_accept",
    "hang_after_accept",
}


@dataclass
class Request:
    method: str
    path: str
    query: dict
    headers: dict
    body: bytes
    url: str
    form: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    json: object = None
    fault_options: dict = field(default_factory=dict)

    @property
    def content_type(self):
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def param(self, name, default=None):
        for source in (self.json if isinstance(self.json, dict) else {}, self.form, self.query):
            if name in source:
                return source[name]
        return default


@dataclass
class Response:
    status: int
    body: object = None
    headers: dict = field(default_factory=dict)


@dataclass
class Fault:
    kind: str
    method: str | None = "POST"
    path_contains: str | None = None
    options: dict = field(default_factory=dict)

    def matches(self, request):
        return self.method in (None, request.method) and (
            self.path_contains is None or self.path_contains in request.path
        )


def parse_body(request):
    ctype = request.content_type
    if ctype == "application/x-www-form-urlencoded":
        request.form = dict(parse_qsl(request.body.decode(), keep_blank_values=True))
    elif ctype == "application/json":
        try:
            request.json = json.loads(request.body or b"null")
        except ValueError:
            request.json = None
    elif ctype == "multipart/form-data":
        message = email.parser.BytesParser().parsebytes(
            b"Content-Type: "
            + request.headers["content-type"].encode()
            + b"\r\n\r\n"
            + request.body
        )
        for part in message.get_payload() if message.is_multipart() else []:
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            if part.get_param("filename", header="content-disposition") is not None:
                request.files[name] = (payload, part.get_content_type())
            else:
                request.form[name] = payload.decode()


class Server(ThreadingHTTPServer):
    # Python's default backlog of 5 resets connections when a worker opens many at once.
    request_queue_size = 256


class FakeServer:
    """A threaded HTTP server whose subclass answers like one network's API."""

    def __init__(self):
        self.faults = deque()
        self.requests = []
        self.lock = threading.RLock()
        self.stopping = threading.Event()
        self.ids = itertools.count(1001)
        self.timeout_sleep = 2.0
        self.latency = 0.0
        self.random_faults = None
        self.faults_options = {}  # options of the random faults, by kind
        self.hung = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes: with Nagle's algorithm the body would
            # wait for the client's delayed ACK (40 ms a reply), which real APIs do not cost.
            disable_nagle_algorithm = True

            def log_message(self, *args):
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                host = self.headers.get("Host", f"127.0.0.1:{server.port}")
                request = Request(
                    method=self.command,
                    path=parts.path,
                    query=dict(parse_qsl(parts.query, keep_blank_values=True)),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=body,
                    url=f"http://{host}{self.path}",
                )
                parse_body(request)
                response = server.dispatch(request)
                if response is None:  # connection dropped on purpose
                    self.close_connection = True
                    return
                data = json.dumps(response.body).encode() if response.body is not None else b""
                self.send_response(response.status)
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in response.headers.items():
                    self.send_header(key, str(value))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = _handle

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def fail_next(self, kind, *, times=1, method="POST", path_contains=None, **options):
        """Answer the next `times` matching requests with a scripted fault."""
        with self.lock:
            for _ in range(times):
                self.faults.append(Fault(kind, method, path_contains, options))

    def chaos(self, probability, kinds, *, seed=0, method="POST", path_contains=None):
        """Answer a random share of matching requests with faults drawn from `kinds`."""
        rng = random.Random(seed)  # noqa: S311 (repeatable faults, not secrecy)
        self.random_faults = (probability, list(kinds), rng, method, path_contains)

    def _random_fault(self, request):
        if not self.random_faults:
            return None
        probability, kinds, rng, method, path_contains = self.random_faults
        fault = Fault("", method, path_contains)
        if not fault.matches(request):
            return None
        with self.lock:
            if rng.random() >= probability:
                return None
            fault.kind = rng.choice(kinds)
        fault.options = dict(self.faults_options.get(fault.kind, {}))
        return fault

    def next_id(self):
        with self.lock:
            return str(next(self.ids))

    def dispatch(self, request):
        with self.lock:
            self.requests.append(request)
            fault = next((f for f in self.faults if f.matches(request)), None)
            if fault:
                self.faults.remove(fault)
        if fault is None:
            fault = self._random_fault(request)
        if self.latency:
            self.stopping.wait(self.latency)
        if fault is None:
            return self.handle(request)
        if fault.kind == "slow":
            self.stopping.wait(fault.options.get("sleep", self.timeout_sleep))
            return None
        if fault.kind == "late_accept":
            self.stopping.wait(fault.options.get("sleep", self.timeout_sleep))
            self.handle(request)
            return None
        if fault.kind in ("accept_then_timeout", "drop_after_accept", "hang_after_accept"):
            response = self.handle(request)
            if fault.kind == "accept_then_timeout":
                self.stopping.wait(fault.options.get("sleep", self.timeout_sleep))
            if fault.kind == "hang_after_accept":
                self.hung.set()
                self.stopping.wait()
            return None if response.status < 400 else response
        if fault.kind in self.answering_faults:
            request.fault_options = {"kind": fault.kind, **fault.options}
            return self.handle(request)
        return self.error(fault.kind, request, **fault.options)

    # Faults that change how the request is handled rather than replacing its answer.
    answering_faults = frozenset()

    def copies(self, marker):
        """How many posts on this fake carry a delivery's marker (the test's ground truth)."""
        needle = f"kim={marker}"
        return sum(1 for text in self.posted_texts() if needle in (text or ""))

    def posted_texts(self):
        return []

    def calls(self, method=None, path_contains=""):
        return [
            r
            for r in self.requests
            if (method is None or r.method == method) and path_contains in r.path
        ]

    def handle(self, request):
        raise NotImplementedError

    def error(self, kind, request, **options):
        raise NotImplementedError


def _cursor(value):
    return base64.urlsafe_b64encode(str(value).encode()).decode().rstrip("=")


def _uncursor(value):
    try:
        return int(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode())
    except (ValueError, UnicodeDecodeError):
        return None


def _with_query(url, **changes):
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update({k: v for k, v in changes.items() if v is not None})
    return urlunsplit(parts._replace(query=urlencode(query)))


URL_PATTERN = re.compile(r"https?://[^\s]+")
# twitter-text's weight table: these code points weigh 100 (one character), all others 200.
X_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


def x_weighted_length(text):
    """X's weighted length, as twitter-text counts it: a URL weighs 23, CJK and emoji 2."""
    text = unicodedata.normalize("NFC", text)
    total = 0
    for url in URL_PATTERN.findall(text):
        text = text.replace(url, " ", 1)
        total += 23 - 1
    for char in text:
        total += 1 if any(lo <= ord(char) <= hi for lo, hi in X_LIGHT) else 2
    return total


def read_image(data):
    """Format, width and height of image bytes, or None when they are not an image."""
    try:
        with PILImage.open(BytesIO(data)) as image:
            return image.format, image.width, image.height
    except Exception:  # noqa: BLE001
        return None


class FakeGraphAPI(FakeServer):
    """Facebook Pages and Instagram professional accounts, as the Graph API serves them.

    `image_fetcher(url) -> bytes | None` stands for Facebook fetching the photo from the
    portal's public address; without one every image URL is taken to be a valid JPEG.
    """

    def __init__(self, *, version="v25.0", image_fetcher=None):
        super().__init__()
        self.version = version
        self.image_fetcher = image_fetcher
        self.pages = {}  # page id -> token
        self.ig_users = {}  # ig user id -> token
        self.posts = {}  # id -> dict (page posts and Instagram media)
        self.containers = {}

    answering_faults = frozenset({"processing"})

    def posted_texts(self):
        return [p.get("message") or p.get("caption") for p in list(self.posts.values())]

    def add_page(self, page_id, token):
        self.pages[str(page_id)] = token

    def add_instagram(self, ig_user_id, token):
        self.ig_users[str(ig_user_id)] = token

    def page_posts(self, page_id):
        return [p for p in self.posts.values() if p.get("page") == str(page_id)]

    def instagram_media(self, ig_user_id):
        return [p for p in self.posts.values() if p.get("ig_user") == str(ig_user_id)]

    # Documented error replies ------------------------------------------------------------
    def graph_error(
        self, code, message, *, status=400, subcode=None, transient=False, headers=None
    ):
        error = {
            "message": message,
            "type": "OAuthException",
            "code": code,
            "fbtrace_id": "AbCdEf" + self.next_id(),
        }
        if subcode:
            error["error_subcode"] = subcode
        if transient:
            error["is_transient"] = True
        return Response(status, {"error": error}, headers or {})

    def error(self, kind, request, **options):
        minutes = options.get("minutes", 5)
        usage = json.dumps(
            {
                "1234": [
                    {
                        "type": "pages",
                        "call_count": 100,
                        "total_cputime": 30,
                        "total_time": 30,
                        "estimated_time_to_regain_access": minutes,
                    }
                ]
            }
        )
        if kind == "expired_token":
            return self.graph_error(
                190,
                "Error validating access token: Session has expired on Tuesday, "
                "24-Nov-26 05:00:00 PST.",
                subcode=463,
                status=400,
            )
        if kind in ("throttle_4", "throttle_17", "throttle_32"):
            code = int(kind.rsplit("_", 1)[1])
            text = {
                4: "(#4) Application request limit reached",
                17: "(#17) User request limit reached",
                32: "(#32) Page request limit reached",
            }[code]
            return self.graph_error(
                code, text, transient=True, headers={"X-Business-Use-Case-Usage": usage}
            )
        if kind == "http429":
            return Response(
                429,
                {"error": {"message": "Too many calls", "code": 4, "type": "OAuthException"}},
                {"Retry-After": options.get("retry_after", 60), "X-Business-Use-Case-Usage": usage},
            )
        if kind == "http500":
            return self.graph_error(1, "An unknown error has occurred.", status=500, transient=True)
        if kind == "publishing_limit":
            return self.graph_error(9, "Application request limit reached", subcode=2207042)
        raise ValueError(kind)

    # Routing ------------------------------------------------------------------------------
    def handle(self, request):
        parts = request.path.strip("/").split("/")
        if not parts or parts[0] != self.version:
            return self.graph_error(2500, f"Unknown path components: /{parts[0]}")
        if request.method == "POST" and request.content_type not in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            return self.graph_error(100, "(#100) Unsupported content type")
        node, edge = parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else ""
        token = request.param("access_token")
        if not token:
            return self.graph_error(
                104, "An access token is required to request this resource.", status=400
            )
        route = {
            ("POST", "feed"): self.page_feed_post,
            ("GET", "feed"): self.page_feed,
            ("POST", "photos"): self.page_photo,
            ("POST", "media"): self.ig_container,
            ("POST", "media_publish"): self.ig_publish,
            ("GET", "media"): self.ig_media_list,
            ("GET", ""): self.get_node,
            ("DELETE", ""): self.delete_node,
        }.get((request.method, edge))
        if route is None:
            return self.graph_error(100, f"(#100) Unsupported {request.method} request.")
        return route(request, node, token)

    def _page_token_ok(self, page_id, token):
        return page_id in self.pages and self.pages[page_id] == token

    def _invalid_token(self):
        return self.graph_error(190, "Invalid OAuth access token - Cannot parse access token")

    def _fetch(self, url):
        if not url.startswith(("http://", "https://")):
            return None
        if self.image_fetcher is None:
            return ("JPEG", 1200, 900)
        data = self.image_fetcher(url)
        return read_image(data) if data else None

    def page_feed_post(self, request, page_id, token):
        if page_id not in self.pages:
            return self.graph_error(
                803, f"(#803) Some of the aliases you requested do not exist: {page_id}", status=404
            )
        if not self._page_token_ok(page_id, token):
            return self._invalid_token()
        message, link = request.param("message", ""), request.param("link", "")
        if not message and not link:
            return self.graph_error(100, "(#100) Missing message or attachment")
        seq = self.next_id()
        post_id = f"{page_id}_{seq}"
        with self.lock:
            self.posts[post_id] = {
                "id": post_id,
                "seq": int(seq),
                "epoch": time.time(),
                "page": page_id,
                "message": message,
                "link": link,
                "created_time": _now(),
            }
        return Response(200, {"id": post_id})

    def page_photo(self, request, page_id, token):
        if not self._page_token_ok(page_id, token):
            return self._invalid_token()
        url = request.param("url", "")
        if not url and "source" not in request.files:
            return self.graph_error(324, "(#324) Requires upload file")
        if url and self._fetch(url) is None:
            return self.graph_error(324, "(#324) Missing or invalid image file")
        photo_id = self.next_id()
        seq = self.next_id()
        post_id = f"{page_id}_{seq}"
        with self.lock:
            self.posts[post_id] = {
                "id": post_id,
                "seq": int(seq),
                "epoch": time.time(),
                "page": page_id,
                "photo": url,
                "message": request.param("caption", ""),
                "created_time": _now(),
            }
        return Response(200, {"id": photo_id, "post_id": post_id})

    def page_feed(self, request, page_id, token):
        if not self._page_token_ok(page_id, token):
            return self._invalid_token()
        return self.listing(request, self.page_posts(page_id))

    def listing(self, request, items):
        """A Graph API edge, newest first: `limit` (at most 100), `since`, cursor paging."""
        try:
            limit = min(int(request.param("limit", 25)), 100)
            since = int(request.param("since") or 0)
        except ValueError:
            return self.graph_error(100, "(#100) Param limit must be an integer")
        fields = request.param("fields", "id").split(",")
        items = sorted(
            (p for p in items if p["epoch"] >= since), key=lambda p: p["seq"], reverse=True
        )
        after = request.param("after")
        if after:
            last = _uncursor(after)
            if last is None:
                return self.graph_error(100, "(#100) Invalid cursor")
            items = [p for p in items if p["seq"] < last]
        page, rest = items[:limit], items[limit:]
        body = {"data": [{k: p[k] for k in fields if k in p} for p in page]}
        if page:
            cursors = {"before": _cursor(page[0]["seq"]), "after": _cursor(page[-1]["seq"])}
            body["paging"] = {"cursors": cursors}
            if rest:
                body["paging"]["next"] = _with_query(request.url, after=cursors["after"])
        return Response(200, body)

    def ig_container(self, request, ig_user, token):
        if self.ig_users.get(ig_user) != token:
            return self._invalid_token()
        url, caption = request.param("image_url", ""), request.param("caption", "")
        if not url:
            return self.graph_error(100, "(#100) The parameter image_url is required")
        if len(caption) > 2200 or caption.count("#") > 30:
            return self.graph_error(100, "(#100) The caption is too long", subcode=2207010)
        info = self._fetch(url)
        if info is None:
            return self.graph_error(
                9004, "Only photo or video can be accepted as media type.", subcode=2207052
            )
        image_format, width, height = info
        if image_format != "JPEG":
            return self.graph_error(9004, "The image format is not supported.", subcode=2207026)
        if not 0.8 <= width / height <= 1.91:
            return self.graph_error(36003, "The aspect ratio is not supported.", subcode=2207009)
        container_id = self.next_id()
        processing = request.fault_options.get("seconds", 0)
        with self.lock:
            self.containers[container_id] = {
                "ig_user": ig_user,
                "caption": caption,
                "image_url": url,
                "status_code": "IN_PROGRESS" if processing else "FINISHED",
                "ready_at": time.time() + processing,
            }
        return Response(200, {"id": container_id})

    def _container(self, container_id):
        container = self.containers.get(container_id)
        if container and container["status_code"] == "IN_PROGRESS":
            if time.time() >= container["ready_at"]:
                container["status_code"] = "FINISHED"
        return container

    def ig_publish(self, request, ig_user, token):
        if self.ig_users.get(ig_user) != token:
            return self._invalid_token()
        container = self._container(request.param("creation_id", ""))
        if container is None or container["ig_user"] != ig_user:
            return self.graph_error(100, "(#100) Param creation_id is not a valid container")
        if container["status_code"] != "FINISHED":
            response = self.graph_error(9007, "Media ID is not available", subcode=2207027)
            response.body["error"]["error_user_title"] = "Media Not Ready for Publishing"
            response.body["error"]["error_user_msg"] = (
                "The media is not ready for publishing, please wait for a moment"
            )
            return response
        media_id = self.next_id()
        with self.lock:
            container["status_code"] = "PUBLISHED"
            self.posts[media_id] = {
                "id": media_id,
                "seq": int(media_id),
                "epoch": time.time(),
                "ig_user": ig_user,
                "caption": container["caption"],
                "permalink": f"https://www.instagram.com/p/FAKE{media_id}/",
                "timestamp": _now(),
            }
        return Response(200, {"id": media_id})

    def ig_media_list(self, request, ig_user, token):
        if self.ig_users.get(ig_user) != token:
            return self._invalid_token()
        return self.listing(request, self.instagram_media(ig_user))

    def _token_for_node(self, node):
        if node in self.containers:
            return self.ig_users.get(self.containers[node]["ig_user"])
        post = self.posts.get(node)
        if post is None:
            return None
        return self.pages.get(post.get("page")) or self.ig_users.get(post.get("ig_user"))

    def get_node(self, request, node, token):
        expected = self._token_for_node(node)
        if expected is None:
            return self.graph_error(100, f"(#100) Object with ID '{node}' does not exist")
        if expected != token:
            return self._invalid_token()
        fields = request.param("fields", "id").split(",")
        source = self._container(node) or self.posts[node]
        return Response(200, {"id": node, **{k: source[k] for k in fields if k in source}})

    def delete_node(self, request, node, token):
        post = self.posts.get(node)
        if post is None or "page" not in post:
            return self.graph_error(100, f"(#100) Object with ID '{node}' does not exist")
        if self.pages.get(post["page"]) != token:
            return self._invalid_token()
        with self.lock:
            del self.posts[node]
        return Response(200, {"success": True})


class FakeXAPI(FakeServer):
    """The X API v2 endpoints the client uses, with OAuth 1.0a HMAC-SHA1 signatures checked."""

    def __init__(
        self,
        *,
        consumer_key="ck",
        consumer_secret="cs",
        access_token="at",
        access_token_secret="ats",
        user_id="4242",
        username="diskominfo",
    ):
        super().__init__()
        self.consumer = (consumer_key, consumer_secret)
        self.token = (access_token, access_token_secret)
        self.user = {"id": user_id, "name": "Diskominfo", "username": username}
        self.tweets = {}
        self.media = {}
        self.endpoint = BaseEndpoint(RequestValidator())

    def posted_texts(self):
        return [t["full_text"] for t in list(self.tweets.values())]

    def credentials(self):
        return {
            "consumer_key": self.consumer[0],
            "consumer_secret": self.consumer[1],
            "access_token": self.token[0],
            "access_token_secret": self.token[1],
        }

    def problem(self, status, title, detail=None, headers=None, type_="about:blank"):
        return Response(
            status,
            {"title": title, "detail": detail or title, "type": type_, "status": status},
            headers or {},
        )

    def error(self, kind, request, **options):
        if kind == "expired_token":
            return self.problem(401, "Unauthorized")
        if kind == "http429":
            reset = int(time.time() + options.get("reset_in", 60))
            return self.problem(
                429,
                "Too Many Requests",
                headers={
                    "x-rate-limit-limit": 100,
                    "x-rate-limit-remaining": 0,
                    "x-rate-limit-reset": reset,
                },
            )
        if kind in ("http500", "http503"):
            return self.problem(503, "Service Unavailable")
        raise ValueError(kind)

    def _signed(self, request):
        auth = request.headers.get("authorization", "")
        if not auth.startswith("OAuth "):
            return False
        headers = {k.title(): v for k, v in request.headers.items()}
        body = request.body if request.content_type == "application/x-www-form-urlencoded" else ""
        try:
            oauth = self.endpoint._create_request(request.url, request.method, body, headers)
        except Exception:  # noqa: BLE001
            return False
        if (oauth.client_key, oauth.resource_owner_key) != (self.consumer[0], self.token[0]):
            return False
        return signature.verify_hmac_sha1(oauth, self.consumer[1], self.token[1])

    def handle(self, request):
        if not self._signed(request):
            return self.problem(401, "Unauthorized")
        path = request.path
        if request.method == "POST" and path == "/2/tweets":
            return self.create_tweet(request)
        if request.method == "POST" and path == "/2/media/upload":
            return self.upload(request)
        if request.method == "GET" and path == "/2/users/me":
            return Response(200, {"data": self.user})
        if request.method == "GET" and path == f"/2/users/{self.user['id']}/tweets":
            return self.timeline(request)
        if request.method == "DELETE" and path.startswith("/2/tweets/"):
            tweet_id = path.rsplit("/", 1)[1]
            with self.lock:
                existed = self.tweets.pop(tweet_id, None)
            if existed is None:
                return self.problem(
                    404, "Not Found Error", f"Could not find tweet with id: [{tweet_id}]."
                )
            return Response(200, {"data": {"deleted": True}})
        return self.problem(404, "Not Found")

    def create_tweet(self, request):
        if request.content_type != "application/json" or not isinstance(request.json, dict):
            return self.problem(
                400, "Invalid Request", "One or more parameters to your request was invalid."
            )
        text = request.json.get("text", "")
        media_ids = (request.json.get("media") or {}).get("media_ids", [])
        if not text and not media_ids:
            return self.problem(400, "Invalid Request", "text or media is required")
        if x_weighted_length(text) > 280:
            return self.problem(400, "Invalid Request", "Your Tweet text is too long.")
        if any(m not in self.media for m in media_ids):
            return self.problem(400, "Invalid Request", "Your media IDs are invalid.")
        if any(t["full_text"] == text for t in list(self.tweets.values())):
            return self.problem(
                403, "Forbidden", "You are not allowed to create a Tweet with duplicate content."
            )
        tweet_id = self.next_id()
        shown = text
        urls = []
        for n, url in enumerate(URL_PATTERN.findall(text)):
            short = f"https://t.co/fake{tweet_id}{n}"
            shown = shown.replace(url, short, 1)
            urls.append({"url": short, "expanded_url": url, "display_url": url[8:40]})
        with self.lock:
            self.tweets[tweet_id] = {
                "id": tweet_id,
                "text": shown,
                "full_text": text,
                "media_ids": media_ids,
                "epoch": time.time(),
                "created_at": _now(),
                "entities": {"urls": urls},
            }
        return Response(
            201, {"data": {"id": tweet_id, "text": shown, "edit_history_tweet_ids": [tweet_id]}}
        )

    def upload(self, request):
        if request.content_type != "multipart/form-data" or "media" not in request.files:
            return self.problem(400, "Invalid Request", "media is required (multipart)")
        if request.form.get("media_category") not in ("tweet_image", None):
            return self.problem(400, "Invalid Request", "media_category is invalid")
        data, _ = request.files["media"]
        info = read_image(data)
        if info is None:
            return self.problem(400, "Invalid Request", "media type unrecognized.")
        media_id = self.next_id()
        self.media[media_id] = info
        return Response(
            200,
            {
                "data": {
                    "id": media_id,
                    "media_key": f"3_{media_id}",
                    "size": len(data),
                    "expires_after_secs": 86400,
                    "image": {"image_type": "image/jpeg", "w": info[1], "h": info[2]},
                }
            },
        )

    def timeline(self, request):
        """GET /2/users/:id/tweets: newest first, `start_time`, `pagination_token` paging."""
        limit = int(request.param("max_results", 10))
        if not 5 <= limit <= 100:
            return self.problem(
                400,
                "Invalid Request",
                "One or more parameters to your request was invalid.",
                type_="https://api.twitter.com/2/problems/invalid-request",
            )
        with self.lock:
            items = list(self.tweets.values())
        items.sort(key=lambda t: int(t["id"]), reverse=True)
        start = request.param("start_time")
        if start:
            floor = time.mktime(time.strptime(start, "%Y-%m-%dT%H:%M:%SZ")) - time.timezone
            items = [t for t in items if t["epoch"] >= floor]
        token = request.param("pagination_token")
        if token:
            last = _uncursor(token)
            if last is None:
                return self.problem(400, "Invalid Request", "pagination_token is invalid")
            items = [t for t in items if int(t["id"]) < last]
        page, rest = items[:limit], items[limit:]
        fields = set(request.param("tweet.fields", "").split(","))
        data = [
            {"id": t["id"], "text": t["text"], **{k: t[k] for k in fields if k in t}} for t in page
        ]
        meta = {"result_count": len(data)}
        if page:
            meta.update(newest_id=page[0]["id"], oldest_id=page[-1]["id"])
            if rest:
                meta["next_token"] = _cursor(page[-1]["id"])
        return Response(200, {"data": data, "meta": meta} if data else {"meta": meta})


class FakeTelegramAPI(FakeServer):
    """The Telegram Bot API methods the client uses, for one bot that administers channels."""

    def __init__(self, *, bot_token="123456:ABC-fake"):
        super().__init__()
        self.bot_token = bot_token
        self.channels = {}  # "@name" or "-100..." -> {"id", "username", "title"}
        self.messages = {}  # (chat id, message id) -> dict

    def posted_texts(self):
        return [m.get("text") or m.get("caption") for m in list(self.messages.values())]

    def add_channel(self, chat_id, username=""):
        chat = {
            "id": int(chat_id) if str(chat_id).lstrip("-").isdigit() else -1001000000001,
            "type": "channel",
            "title": username or str(chat_id),
        }
        if username:
            chat["username"] = username
        self.channels[str(chat_id)] = chat
        if username:
            self.channels[f"@{username}"] = chat

    def channel_messages(self, chat_id):
        chat = self.channels[str(chat_id)]
        return [m for (cid, _), m in self.messages.items() if cid == chat["id"]]

    def fail(self, code, description, retry_after=None):
        body = {"ok": False, "error_code": code, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        return Response(code, body)

    def error(self, kind, request, **options):
        if kind == "expired_token":
            return self.fail(401, "Unauthorized")
        if kind == "bot_removed":
            return self.fail(403, "Forbidden: bot is not a member of the channel chat")
        if kind == "http429":
            seconds = options.get("retry_after", 7)
            return self.fail(429, f"Too Many Requests: retry after {seconds}", seconds)
        if kind in ("http500", "http502"):
            return Response(502, None)
        raise ValueError(kind)

    def handle(self, request):
        prefix, _, method = request.path.strip("/").partition("/")
        if not prefix.startswith("bot") or prefix[3:] != self.bot_token:
            return self.fail(401, "Unauthorized")
        if request.method not in ("GET", "POST"):
            return self.fail(405, "Method Not Allowed")
        handler = {
            "sendMessage": self.send_message,
            "sendPhoto": self.send_photo,
            "deleteMessage": self.delete_message,
            "getMe": lambda r: Response(
                200,
                {"ok": True, "result": {"id": 123456, "is_bot": True, "username": "portal_bot"}},
            ),
        }.get(method)
        if handler is None:
            return self.fail(404, "Not Found")
        return handler(request)

    def _chat(self, request):
        chat_id = request.param("chat_id")
        if chat_id in (None, ""):
            return None, self.fail(400, "Bad Request: chat_id is empty")
        chat = self.channels.get(str(chat_id))
        if chat is None:
            return None, self.fail(400, "Bad Request: chat not found")
        return chat, None

    def _store(self, chat, **fields):
        message_id = int(self.next_id())
        message = {"message_id": message_id, "date": int(time.time()), "chat": chat, **fields}
        with self.lock:
            self.messages[(chat["id"], message_id)] = message
        return Response(200, {"ok": True, "result": message})

    def send_message(self, request):
        chat, error = self._chat(request)
        if error:
            return error
        text = request.param("text", "")
        if not text:
            return self.fail(400, "Bad Request: message text is empty")
        if len(text.encode("utf-16-le")) // 2 > 4096:
            return self.fail(400, "Bad Request: message is too long")
        return self._store(chat, text=text)

    def send_photo(self, request):
        chat, error = self._chat(request)
        if error:
            return error
        photo = request.param("photo") or request.files.get("photo")
        if not photo:
            return self.fail(400, "Bad Request: there is no photo in the request")
        caption = request.param("caption", "")
        if len(caption.encode("utf-16-le")) // 2 > 1024:
            return self.fail(400, "Bad Request: message caption is too long")
        if isinstance(photo, str) and not photo.startswith(("http://", "https://")):
            return self.fail(400, "Bad Request: wrong remote file identifier specified")
        return self._store(
            chat, caption=caption, photo=[{"file_id": f"photo{self.next_id()}", "width": 1280}]
        )

    def delete_message(self, request):
        chat, error = self._chat(request)
        if error:
            return error
        key = (chat["id"], int(request.param("message_id", 0)))
        with self.lock:
            if self.messages.pop(key, None) is None:
                return self.fail(400, "Bad Request: message to delete not found")
        return Response(200, {"ok": True, "result": True})


def _now():
    return time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime())


def serve_in_process(latency, networks, pipe):
    """Run the three fakes in this (separate) process until asked for what was posted.

    `networks` lists the Facebook pages and Instagram users (id, token) and the Telegram
    channels (chat id, username) to know. Sends the servers' addresses, then, on any message,
    the texts each fake holds.
    """
    graph, x_api, telegram = FakeGraphAPI(), FakeXAPI(), FakeTelegramAPI()
    servers = (graph, x_api, telegram)
    for server in servers:
        server.latency = latency
        server.start()
    for page, token in networks.get("pages", []):
        graph.add_page(page, token)
    for user, token in networks.get("instagram", []):
        graph.add_instagram(user, token)
    for chat_id, username in networks.get("channels", []):
        telegram.add_channel(chat_id, username=username)
    pipe.send(
        {
            "graph": graph.url,
            "x": x_api.url,
            "telegram": telegram.url,
            "version": graph.version,
            "x_credentials": x_api.credentials(),
            "bot_token": telegram.bot_token,
        }
    )
    pipe.recv()
    pipe.send({type(s).__name__: [t or "" for t in s.posted_texts()] for s in servers})
    pipe.recv()
    for server in servers:
        server.stop()
