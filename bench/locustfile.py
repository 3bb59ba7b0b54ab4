"""A workshop rehearsal with locust: participants writing their first post, readers reading.

Run it against a staging server before the day, never against the live portal (it signs in
with the workshop's temporary passwords and leaves drafts and photos behind). The accounts
file is what `manage.py workshop_bench_setup --output accounts.json` writes on that server.

    PORTAL_ACCOUNTS=accounts.json .venv/bin/locust -f bench/locustfile.py --headless \
        --host https://staging.example.go.id --users 250 --spawn-rate 0.84 --run-time 20m

250 users in the proportion 3 to 2: 150 participants and 100 readers, arriving over five
minutes at 0.84 a second. `bench/workshop_rehearsal.py` sets up a throwaway server on this
machine, runs this file and prints the figures against the targets.

A participant signs in with the temporary password, chooses a password, opens the new-post
form, writes (30 to 90 s), saves a draft two or three times with more writing between, runs
"periksa dulu", uploads a photo of about 2 MB from the post's photo chooser, and submits the
post for review; then reads their dashboard now and then until the run ends. A reader opens
the home page, then posts, groups, listings and searches from the sitemap, with a few seconds
on each. Every request a step makes is named after the step, so locust's table is per step.

Environment:
    PORTAL_ACCOUNTS   the accounts file (required for participants)
    THINK_SCALE       multiply every think time (e.g. 0 for the everyone-at-once burst)
    PHOTO_KB          size of each uploaded photo (default 2048)
    BEHIND_PROXY      1 when the server is plain HTTP on this machine but runs with the
                      production settings (Secure cookies): the client then plays the TLS
                      proxy's part, as workshop_rehearsal.py does
"""

import io
import json
import os
import random
import re
import threading
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task
from workshop_post import BODY, MORE, post_form

ROOT = Path(__file__).resolve().parent.parent
THINK_SCALE = float(os.environ.get("THINK_SCALE", "1"))
PHOTO_BYTES = int(os.environ.get("PHOTO_KB", "2048")) * 1024
BEHIND_PROXY = os.environ.get("BEHIND_PROXY") == "1"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_ERROR = re.compile(r'class="error-message"[^>]*>\s*(?:<[^>]+>\s*)*([^<]{1,120})')
EDIT_PATH = re.compile(r"/admin/pages/(\d+)/edit/")
SEARCH_WORDS = ("warga", "posyandu", "kerja bakti", "desa", "banjir", "vaksin", "pasar")


def think(low, high):
    """Seconds of reading or typing, scaled (THINK_SCALE=0 removes them)."""
    return random.uniform(low, high) * THINK_SCALE  # noqa: S311 (not for security)


class Accounts:
    """The workshop's accounts, each handed to one participant."""

    def __init__(self):
        path = os.environ.get("PORTAL_ACCOUNTS")
        data = json.loads(Path(path).read_text()) if path else {"participants": []}
        self.sandbox_page = data.get("sandbox_page")
        self._accounts = iter(data["participants"])
        self._lock = threading.Lock()

    def next(self):
        with self._lock:
            return next(self._accounts, None)


ACCOUNTS = Accounts()


def photo(size=PHOTO_BYTES):
    """A JPEG of about `size` bytes, different for every call (Wagtail spots duplicates)."""
    from PIL import Image

    side = 1200
    while True:
        noise = Image.frombytes("RGB", (side, side * 3 // 4), os.urandom(side * side * 9 // 4))
        buffer = io.BytesIO()
        noise.save(buffer, "JPEG", quality=90)
        if buffer.tell() >= size * 0.9 or side > 4000:
            return buffer.getvalue()
        side = int(side * (size / buffer.tell()) ** 0.5) + 16


def behind_proxy(client):
    """Make a locust client talk as a TLS proxy on this machine would (BEHIND_PROXY=1)."""
    if BEHIND_PROXY:
        client.headers["X-Forwarded-Proto"] = "https"


def send_secure_cookies(client):
    """Behind the proxy, send back the Secure cookies over the loopback connection."""
    if BEHIND_PROXY:
        for cookie in client.cookies:
            cookie.secure = False


def public_base(client):
    """The address the server believes it is answering, for the Referer that CSRF checks."""
    base = client.base_url
    return base.replace("http://", "https://", 1) if BEHIND_PROXY else base


class Participant(HttpUser):
    """One workshop participant writing their first post on a phone."""

    weight = 3
    wait_time = between(50, 70)  # after submitting: glances at the dashboard

    def on_start(self):
        self.account = ACCOUNTS.next()
        self.done = False
        self.client.headers["User-Agent"] = "Mozilla/5.0 (Linux; Android 10) workshop-rehearsal"
        behind_proxy(self.client)

    def get(self, step, path):
        send_secure_cookies(self.client)
        with self.client.get(path, name=step, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            return response

    def post(self, step, path, data, *, expect=(302,), files=None, referer=None):
        send_secure_cookies(self.client)
        headers = {"Referer": public_base(self.client) + (referer or path)}
        with self.client.post(
            path,
            data=data,
            files=files,
            name=step,
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code not in expect:
                errors = FORM_ERROR.findall(response.text)[:2]
                location = response.headers.get("Location")
                response.failure(f"HTTP {response.status_code} {location or ''} {errors}")
            return response

    def token(self, response):
        match = CSRF_INPUT.search(response.text)
        if not match:
            raise RuntimeError("no CSRF token on the page")
        return match.group(1)

    @task
    def workshop(self):
        if self.done or self.account is None:
            if self.done:
                self.get("9 dashboard", "/admin/")
            return
        self.done = True
        try:
            self.write_first_post()
        except Exception as error:  # noqa: BLE001 (counted as a failure, the run goes on)
            events.request.fire(
                request_type="STORY",
                name="participant story",
                response_time=0,
                response_length=0,
                exception=error,
            )

    def write_first_post(self):
        page = self.get("1 sign-in page", "/admin/login/")
        self.post(
            "2 sign in",
            "/admin/login/",
            {
                "csrfmiddlewaretoken": self.token(page),
                "username": self.account["username"],
                "password": self.account["password"],
                "next": "/admin/",
            },
        )
        page = self.get("3 choose password (form)", "/admin/kim/ganti-sandi/")
        password = f"Gotong-royong-{random.getrandbits(32):08x}"
        self.post(
            "3 choose password",
            "/admin/kim/ganti-sandi/",
            {
                "csrfmiddlewaretoken": self.token(page),
                "new_password1": password,
                "new_password2": password,
            },
        )
        self.get("4 dashboard", "/admin/")
        add_path = f"/admin/pages/add/kim/postpage/{ACCOUNTS.sandbox_page}/"
        page = self.get("4 new-post form", add_path)
        title = f"Kerja bakti RW {self.account['username'][-3:]}"
        self.wait_for(30, 90)
        saved = self.post(
            "5 save draft",
            add_path,
            post_form(title, BODY, **{"csrfmiddlewaretoken": self.token(page), "action-save": 1}),
        )
        match = EDIT_PATH.search(saved.headers.get("Location", ""))
        if not match:
            raise RuntimeError(f"the draft was not saved: {saved.status_code}")
        page_id, edit_path = match.group(1), match.group(0)
        body = BODY
        for _ in range(random.randint(1, 2)):  # noqa: S311 (two or three saves in all)
            page = self.get("5 edit page", edit_path)
            self.wait_for(30, 90)
            body += MORE
            self.post(
                "5 save draft",
                edit_path,
                post_form(title, body, csrfmiddlewaretoken=self.token(page), **{"action-save": 1}),
            )
        self.get("6 periksa dulu", f"/admin/moderasi/periksa/{page_id}/")
        self.wait_for(10, 30)
        page = self.get("5 edit page", edit_path)
        uploaded = self.post(
            "7 photo upload",
            "/admin/images/chooser/create/",
            {"csrfmiddlewaretoken": self.token(page), "image-chooser-upload-title": title},
            expect=(200,),
            files={"image-chooser-upload-file": ("kerja-bakti.jpg", photo(), "image/jpeg")},
            referer=edit_path,
        )
        image_id = uploaded.json().get("result", {}).get("id")
        if not image_id:
            raise RuntimeError(f"the photo was not accepted: {uploaded.text[:200]}")
        self.wait_for(10, 30)
        self.post(
            "8 submit",
            edit_path,
            post_form(
                title,
                body,
                csrfmiddlewaretoken=self.token(page),
                hero_image=image_id,
                hero_alt="Warga membersihkan saluran air bersama",
                **{"action-submit": 1},
            ),
        )

    def wait_for(self, low, high):
        self._sleep(think(low, high))

    def _sleep(self, seconds):
        import gevent

        gevent.sleep(seconds)


class Reader(HttpUser):
    """A resident reading the public portal on a phone."""

    weight = 2
    wait_time = between(3 * THINK_SCALE, 15 * THINK_SCALE)
    _addresses = None
    _lock = threading.Lock()

    def on_start(self):
        self.client.headers["User-Agent"] = "Mozilla/5.0 (Linux; Android 10) rehearsal-reader"
        self.client.headers["Accept-Encoding"] = "gzip, deflate, br"
        behind_proxy(self.client)
        self.client.get("/", name="reader: home")

    def addresses(self):
        with Reader._lock:
            if Reader._addresses is None:
                Reader._addresses = self.read_sitemap()
            return Reader._addresses

    def read_sitemap(self):
        """The public addresses by kind, from the sitemap (and its sections, if an index)."""
        found, pending, read = {}, ["/sitemap.xml"], 0
        while pending and read < 5:
            response = self.client.get(pending.pop(), name="reader: sitemap")
            read += 1
            # The portal under test wrote it, not a stranger.
            for loc in ElementTree.fromstring(response.content).iter():  # noqa: S314
                if not loc.tag.endswith("loc") or not loc.text:
                    continue
                address = urlsplit(loc.text)
                target = address.path + (f"?{address.query}" if address.query else "")
                if target.startswith("/sitemap"):
                    pending.append(target)
                elif not target.startswith("/en/"):
                    found.setdefault(_kind(target), []).append(target)
        return found

    @task(6)
    def post(self):
        self.open("post")

    @task(2)
    def group(self):
        self.open("group")

    @task(2)
    def listing(self):
        self.open("listing")

    @task(1)
    def home(self):
        self.client.get("/", name="reader: home")

    @task(1)
    def search(self):
        word = random.choice(SEARCH_WORDS)  # noqa: S311
        self.client.get(f"/cari/?q={word}", name="reader: search")

    def open(self, kind):
        choices = self.addresses().get(kind)
        if choices:
            self.client.get(random.choice(choices), name=f"reader: {kind}")  # noqa: S311


def _kind(path):
    parts = [part for part in path.split("/") if part]
    if parts[:1] == ["kelompok"]:
        return {2: "group", 3: "post"}.get(len(parts), "other")
    if parts[:1] in (["kategori"], ["tag"], ["wilayah"]):
        return "listing"
    return "other"
