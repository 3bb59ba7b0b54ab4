"""Show two app servers sharing one PostgreSQL and one Redis, optionally behind nginx.

    .venv/bin/python bench/scaleout.py            # make scaleout-check does the same

Creates a throw-away PostgreSQL database on 127.0.0.1 with a little generated data, starts two
gunicorn servers (production settings, page cache in Redis under a key prefix of their own)
on two loopback ports, and checks, failing loudly otherwise:
1. a page read through server B comes from the shared cache after server A rendered it;
2. a session made once signs the editor in on both servers (sessions live in the database);
3. unpublishing a post through server A's admin makes server B answer 404 at once, not its
   cached copy (the cache generation is shared in Redis);
4. the tasks that change enqueued through server A (search index, and the nginx purge) are
   run by a worker started separately (tasks live in the database), which empties the queue;
5. with Debian's nginx and libnginx-mod-http-cache-purge installed, nginx in front of both
   servers caches the post, and once the worker has run the purge task Wagtail's frontend
   cache enqueued in step 3 (a PURGE request), nginx answers 404 too.
Everything it starts listens on 127.0.0.1 only and is stopped; the database, the temporary
folder and the Redis keys under its prefix are removed at the end.
"""

import contextlib
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
HOST = "localhost"  # the generated site's host name: Wagtail purges URLs on it
NGINX = "/usr/sbin/nginx"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")

NGINX_CONF = """
load_module {module};
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream portal {{ server 127.0.0.1:{port_a}; server 127.0.0.1:{port_b}; }}
    proxy_cache_path {dir}/cache levels=1:2 keys_zone=portal:1m inactive=10m use_temp_path=off;
    map "$cookie_sessionid$cookie_messages" $portal_personal {{ default 1; "" 0; }}
    server {{
        listen 127.0.0.1:{port};
        location /admin/ {{ proxy_pass http://portal; proxy_no_cache 1; proxy_cache_bypass 1; }}
        location / {{
            proxy_pass http://portal;
            proxy_set_header Host $host;
            proxy_cache portal;
            proxy_cache_key $host$request_uri;
            proxy_cache_valid 200 10m;
            proxy_cache_bypass $portal_personal;
            proxy_no_cache $portal_personal;
            add_header X-Proxy-Cache $upstream_cache_status always;
        }}
    }}
    server {{
        listen 127.0.0.1:{purge_port};
        location / {{ allow 127.0.0.1; deny all; proxy_cache_purge portal $host$request_uri; }}
    }}
}}
"""


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def step(message):
    print(f"- {message}", flush=True)


def check(condition, message, detail=""):
    if not condition:
        raise SystemExit(f"FAILED: {message}\n{detail}")
    print(f"  ok: {message}", flush=True)


def get(port, path, cookie=None):
    """GET with the site's Host header; return (status, headers, body), 4xx/5xx included."""
    headers = {"Host": HOST}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def post(port, path, data, cookie):
    request = urllib.request.Request(  # noqa: S310
        f"http://127.0.0.1:{port}{path}",
        data=urllib.parse.urlencode(data).encode(),
        headers={"Host": HOST, "Cookie": cookie},
        method="POST",
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@contextlib.contextmanager
def process(command, env, name, log_dir):
    log = open(log_dir / f"{name}.log", "w")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


def wait_for(port, proc, log):
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{log} exited early:\n{log.read_text()}")
        with contextlib.suppress(OSError):
            get(port, "/robots.txt")
            return
        time.sleep(0.5)
    raise SystemExit(f"{log} did not answer in 90 s")


def main():
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    database = f"portal_scaleout_{os.getpid()}"
    prefix = f"portal-scaleout-{os.getpid()}"
    workdir = Path(tempfile.mkdtemp(prefix="portal-scaleout-"))
    use_nginx = Path(NGINX).exists() and PURGE_MODULE.exists()
    ports = {name: free_port() for name in ("a", "b", "nginx", "purge")}
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "BASE_URL": f"http://{HOST}",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": prefix,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PAGECACHE_ENABLED": "true",
        "LOG_LEVEL": "WARNING",
    }
    if use_nginx:
        env["FRONTEND_CACHE_PURGE_URL"] = f"http://127.0.0.1:{ports['purge']}"
    subprocess.run(["createdb", *PG, database], check=True)  # noqa: S603, S607
    try:
        manage = [PYTHON, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [*manage, "generate_data", "--groups=2", "--members=4", "--posts=20", "--images=2"],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
            check=True,
            stdout=subprocess.DEVNULL,
        )
        collect = [*manage, "collectstatic", "--noinput", "-v0"]
        subprocess.run(collect, cwd=ROOT, env=env, check=True)  # noqa: S603
        run_checks(env, ports, workdir, use_nginx)
    finally:
        subprocess.run(["dropdb", *PG, "--if-exists", "--force", database], check=False)  # noqa: S603, S607
        forget_redis_keys(redis_url, prefix)
        shutil.rmtree(workdir, ignore_errors=True)


def forget_redis_keys(redis_url, prefix):
    import redis

    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def django_value(env, code):
    result = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


def run_checks(env, ports, workdir, use_nginx):
    post_url, post_id, cookie = django_value(
        env,
        "from bench.run import session_cookie; from kim.models import PostPage; "
        "p = PostPage.objects.published().order_by('pk').first(); "
        "print(p.url, p.pk, session_cookie())",
    ).split()
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    servers = {}
    with contextlib.ExitStack() as stack:
        for name in ("a", "b"):
            command = [gunicorn, "portal.wsgi:application", "-w", "2", "-b"]
            command.append(f"127.0.0.1:{ports[name]}")
            servers[name] = stack.enter_context(process(command, env, f"app-{name}", workdir))
        for name in ("a", "b"):
            wait_for(ports[name], servers[name], workdir / f"app-{name}.log")
        step(f"two app servers on ports {ports['a']} (A) and {ports['b']} (B), one database")

        step("A renders the post; B serves it from the shared Redis cache")
        status, headers, _ = get(ports["a"], post_url)
        check(status == 200, f"A answers 200 for {post_url}")
        status, headers, _ = get(ports["b"], post_url)
        check(headers.get("X-Page-Cache") == "hit", "B's first answer is a cache hit")

        step("one session signs the editor in on both servers")
        for name in ("a", "b"):
            status, _, body = get(ports[name], "/admin/", cookie)
            check(status == 200 and "wagtail" in body.lower(), f"{name.upper()} shows the admin")

        if use_nginx:
            # Started as root, nginx's workers drop to an unprivileged user: let it in.
            workdir.chmod(0o755)
            conf = workdir / "nginx.conf"
            conf.write_text(
                NGINX_CONF.format(
                    module=PURGE_MODULE,
                    dir=workdir,
                    port=ports["nginx"],
                    purge_port=ports["purge"],
                    port_a=ports["a"],
                    port_b=ports["b"],
                )
            )
            nginx = stack.enter_context(
                process([NGINX, "-p", str(workdir), "-c", str(conf)], env, "nginx", workdir)
            )
            wait_for(ports["nginx"], nginx, workdir / "nginx.log")
            step(f"nginx on port {ports['nginx']} caches in front of A and B")
            get(ports["nginx"], post_url)
            status, headers, _ = get(ports["nginx"], post_url)
            check(
                headers.get("X-Proxy-Cache") == "HIT",
                "nginx serves the post from its cache",
                f"{headers}{(workdir / 'error.log').read_text()[-2000:]}",
            )

        queued_before = int(django_value(env, QUEUED))
        step("the editor unpublishes the post through A")
        _, _, form = get(ports["a"], f"/admin/pages/{post_id}/unpublish/", cookie)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        status = post(
            ports["a"],
            f"/admin/pages/{post_id}/unpublish/",
            {"csrfmiddlewaretoken": token},
            f"{cookie}; csrftoken={token}",
        )
        check(status == 302, "A accepts the unpublish")
        status, headers, _ = get(ports["b"], post_url)
        check(status == 404, "B answers 404 at once: its cached copy is no longer served")
        queued = int(django_value(env, QUEUED))
        check(queued > queued_before, f"A enqueued tasks in the shared database ({queued})")
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        check(int(django_value(env, QUEUED)) == 0, "a separate worker ran every queued task")
        if use_nginx:
            status, headers, _ = get(ports["nginx"], post_url)
            check(status == 404, "nginx answers 404: the worker's purge task emptied its copy")
    print("Scale-out check passed.")


QUEUED = (
    "from django_tasks_db.models import DBTaskResult; "
    "print(DBTaskResult.objects.filter(status='READY').count())"
)


if __name__ == "__main__":
    main()
