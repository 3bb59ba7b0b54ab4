"""Score the public pages with Lighthouse (mobile): performance and accessibility.

    .venv/bin/python bench/lighthouse.py --serve --runs 3            # `make lighthouse`
    .venv/bin/python bench/lighthouse.py --base-url http://127.0.0.1:8000

With --serve the script serves the local database (var/portal.sqlite3 by default, filled by
`make demo`) the way production does: gunicorn with the production settings, static files
collected into a temporary folder and served compressed by whitenoise, and in front a small
proxy that plays nginx's part (docs/deploy/nginx.conf): it serves /media/ and gzips pages.
Without --serve it scores whatever runs at --base-url; `manage.py runserver` works too, but
DEBUG serves media and static files uncompressed and skews the performance score.

It picks one page of each kind from the site itself (home, group directory, a group, a post
with a photo, a category and a tag listing, search results), runs the Lighthouse pinned in
bench/lighthouse/ (installed with `npm ci` on first use, no browser download) in Debian's
Chromium (CHROME_PATH), prints a table of scores and the audits that cost points, keeps the
JSON reports in --output-dir, and exits non-zero when any score is below --min-score.
Lighthouse simulates a slow phone from what this machine measures, so a busy machine moves
Total Blocking Time from run to run: --runs 3 scores the median run, as Lighthouse advises.
"""

import argparse
import contextlib
import gzip
import html
import importlib.util
import json
import mimetypes
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = ROOT / "bench" / "lighthouse"
CATEGORIES = ("performance", "accessibility")
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


def load_bench_run():
    """bench/run.py, for its production-like gunicorn (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- serving ---------------------------------------------------------------------------


def proxy_handler(upstream, media_root):
    """A request handler standing in for nginx: /media/ from disk, the rest from gunicorn."""
    upstream_host = upstream.removeprefix("http://")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):  # noqa: A002
            pass

        def do_GET(self):
            if self.path.startswith("/media/"):
                self.serve_media()
            else:
                self.forward()

        do_HEAD = do_GET

        def serve_media(self):
            relative = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)[7:]
            path = (media_root / relative).resolve()
            if not path.is_file() or media_root.resolve() not in path.parents:
                return self.reply(404, {"Content-Type": "text/plain"}, b"Not found")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            headers = {"Content-Type": content_type, "Cache-Control": "max-age=604800"}
            self.reply(200, headers, path.read_bytes())

        def forward(self):
            connection = HTTPConnection(upstream_host, timeout=60)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            connection.request(self.command, self.path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            connection.close()
            headers = {k: v for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP}
            compressible = re.match(
                r"text/|application/(rss|atom)?\+?xml", headers.get("Content-Type", "")
            )
            if (
                compressible
                and "gzip" in self.headers.get("Accept-Encoding", "")
                and "Content-Encoding" not in headers
                and len(body) > 1000
            ):
                body = gzip.compress(body, compresslevel=6)
                headers["Content-Encoding"] = "gzip"
                headers["Vary"] = ", ".join(filter(None, [headers.get("Vary"), "Accept-Encoding"]))
            self.reply(response.status, headers, body)

        def reply(self, status, headers, body):
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """Chromium drops idle connections at will: no traceback for that."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def production_server(args):
    """Gunicorn with the production settings behind a media-serving, gzipping proxy."""
    bench_run = load_bench_run()
    with tempfile.TemporaryDirectory(prefix="portal-lighthouse-") as tmp:
        static_root = Path(tmp) / "static"
        server_args = argparse.Namespace(
            secret_key=secrets.token_urlsafe(50),
            database_url=args.database_url,
            media_root=args.media_root,
            redis_url="",
            workers=2,
            no_fragments=False,
        )
        print("Collecting static files...", file=sys.stderr)
        bench_run.collect_static(server_args, static_root)
        with bench_run.gunicorn(server_args, static_root, cached=True) as upstream:
            server = QuietServer(("127.0.0.1", 0), proxy_handler(upstream, Path(args.media_root)))
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            try:
                yield f"http://127.0.0.1:{server.server_address[1]}"
            finally:
                server.shutdown()
                server.server_close()


# --- pages -----------------------------------------------------------------------------


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (given by the user)
        return response.read().decode()


def links(page, pattern):
    return [html.unescape(h) for h in re.findall(rf'href="({pattern})"', page)]


def pick_pages(base):
    """One address of each kind of public page, found by following the site's own links."""
    home = fetch(base + "/")
    pages = {"home": "/", "group directory": "/kelompok/"}
    # The first card with a photo (its <picture> comes before its title link), its group
    # (which has posts, then) and its first tag.
    post = re.search(
        r'<article class="card">\s*<picture.*?card__title"><a href="([^"]+)"', home, re.S
    )
    if post:
        post_path = html.unescape(post.group(1))
        post_page = fetch(base + post_path)
        groups = links(post_page, r"/kelompok/[^/\"]+/")
        if groups:
            pages["group"] = groups[0]
        pages["post (photo)"] = post_path
    categories = links(home, r"/kategori/[^\"]+/")
    if categories:
        pages["category"] = categories[0]
    if post and (tags := links(post_page, r"/tag/[^\"]+/")):
        pages["tag"] = tags[0]
    pages["search"] = "/cari/?q=posyandu"
    return pages


# --- lighthouse ------------------------------------------------------------------------


def ensure_lighthouse():
    if not (LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse").exists():
        if not shutil.which("npm"):
            raise SystemExit("npm is missing: Lighthouse runs on Node (v18.20 or later).")
        print("Installing the pinned Lighthouse (npm ci)...", file=sys.stderr)
        subprocess.run(  # noqa: S603
            ["npm", "ci", "--no-audit", "--no-fund"],  # noqa: S607
            cwd=LIGHTHOUSE_DIR,
            env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
            check=True,
        )


def lighthouse(url, report, chrome, attempts=3):
    """Score url once; Lighthouse sometimes fails to record Chromium's trace (NO_NAVSTART),
    which says nothing about the page, so such a run is tried again."""
    for attempt in range(1, attempts + 1):
        try:
            return run_lighthouse(url, report, chrome)
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            print(f"Lighthouse failed on {url}; trying again.", file=sys.stderr)
    return None


def run_lighthouse(url, report, chrome):
    subprocess.run(  # noqa: S603
        [  # noqa: S607
            "npx",
            "--no-install",
            "lighthouse",
            url,
            "--form-factor=mobile",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        cwd=LIGHTHOUSE_DIR,
        env={**os.environ, "CHROME_PATH": chrome},
        check=True,
    )
    return json.loads(report.read_text())


def score(result, category):
    value = result["categories"][category]["score"]
    return None if value is None else round(value * 100)


def lost_points(result, category):
    """The audits that cost this category points (out of 100), worst first."""
    if error := result.get("runtimeError"):
        return [(100, error["code"], error["message"], "")]
    audits, refs = result["audits"], result["categories"][category]["auditRefs"]
    total = sum(ref["weight"] for ref in refs)
    lost = []
    for ref in refs:
        audit = audits[ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            points = 100 * ref["weight"] * (1 - audit["score"]) / total
            lost.append((points, audit["id"], audit["title"], audit.get("displayValue") or ""))
    return sorted(lost, reverse=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="A running portal, e.g. http://127.0.0.1:8000.")
    parser.add_argument(
        "--serve",
        action="store_true",
        help="Serve --database-url with gunicorn and production settings for the run.",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'portal.sqlite3'}"),
    )
    parser.add_argument(
        "--media-root", default=os.environ.get("MEDIA_ROOT", str(ROOT / "var" / "media"))
    )
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="Score this page instead of the ones picked from the site (repeatable).",
    )
    parser.add_argument(
        "--runs", type=int, default=1, help="Runs per page; the median score counts (1)."
    )
    parser.add_argument("--min-score", type=int, default=100)
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--output-dir", type=Path, default=ROOT / "var" / "lighthouse")
    args = parser.parse_args()
    # Stop gunicorn on `kill` too, not only on Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if bool(args.base_url) == args.serve:
        parser.error("give either --base-url or --serve")
    if any("=" not in page for page in args.page):
        parser.error("--page takes NAME=PATH, e.g. --page home=/")
    ensure_lighthouse()
    args.output_dir.mkdir(parents=True, exist_ok=True)

    with contextlib.ExitStack() as stack:
        base = (
            args.base_url.rstrip("/")
            if args.base_url
            else stack.enter_context(production_server(args))
        )
        pages = dict(page.split("=", 1) for page in args.page) or pick_pages(base)
        for path in pages.values():  # warm up renditions and caches
            with contextlib.suppress(urllib.error.HTTPError):
                fetch(base + path)
        rows, failures = [], []
        for name, path in pages.items():
            results = []
            for run in range(args.runs):
                slug = re.sub(r"\W+", "-", name).strip("-")
                report = args.output_dir / f"{slug}-{run + 1}.json"
                print(f"Lighthouse: {name} {path} ({run + 1}/{args.runs})", file=sys.stderr)
                results.append(lighthouse(base + path, report, args.chrome))
            scores = {
                c: statistics.median_low([score(r, c) or 0 for r in results]) for c in CATEGORIES
            }
            rows.append((name, path, scores))
            for category in CATEGORIES:
                if scores[category] < args.min_score:
                    # The run whose score is the median one explains it.
                    result = next(
                        r for r in results if (score(r, category) or 0) == scores[category]
                    )
                    failures.append((name, category, lost_points(result, category)))

    width = max(len(name) for name, _, _ in rows)
    print(f"\n{'page':<{width}}  {'perf':>4}  {'a11y':>4}  address")
    for name, path, scores in rows:
        print(f"{name:<{width}}  {scores['performance']:>4}  {scores['accessibility']:>4}  {path}")
    for name, category, lost in failures:
        print(f"\n{name}, {category}:")
        for weight, audit_id, title, detail in lost:
            print(f"  -{weight:.1f}  {audit_id}: {title}{f' ({detail})' if detail else ''}")
    browser = results[0]["environment"]["hostUserAgent"].split(") ")[-1]
    print(f"\nLighthouse {results[0]['lighthouseVersion']}, {browser}, mobile, median of")
    print(f"{args.runs} run(s); JSON reports in {args.output_dir}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
